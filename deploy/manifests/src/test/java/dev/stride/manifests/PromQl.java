package dev.stride.manifests;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The series names a PromQL expression reads, found by a small tokenizer: an identifier is a metric (or recording
 * rule) name unless it is a function or an aggregation (followed by {@code (}), a keyword, a label name (inside
 * {@code {}} or a grouping list after by/without/on/ignoring/group_left/group_right), or part of a string, a number
 * or a duration. Names are kept as written, suffix and all ({@code _bucket}, {@code _count}, {@code _sum},
 * {@code _total}): they are the sample names a scrape shows. Not a parser: MonitoringTest checks the syntax with
 * Prometheus's own grammar and that this tokenizer finds the same names.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "offset", "and", "or", "unless", "atan2", "inf", "nan", "start", "end");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk",
            "bottomk", "quantile", "count_values", "group", "limitk", "limit_ratio");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQl() {
    }

    /** Every series name the expression reads, in order of first appearance. */
    static Set<String> metricNames(String expr) {
        return selectors(expr).keySet();
    }

    /**
     * The {@code le} values each {@code _bucket} name is selected with by an equality matcher ({@code le="60.0"}): a bucket
     * a histogram must export exactly so, or the rule divides nothing by something.
     */
    static Map<String, Set<String>> bucketBounds(String expr) {
        Map<String, Set<String>> bounds = new LinkedHashMap<>();
        selectors(expr).forEach((name, matchers) -> {
            for (String matcher : matchers) {
                java.util.regex.Matcher le = java.util.regex.Pattern.compile("^\\s*le\\s*=\\s*\"([^\"]*)\"\\s*$").matcher(matcher);
                if (le.find() && name.endsWith("_bucket")) {
                    bounds.computeIfAbsent(name, key -> new TreeSet<>()).add(le.group(1));
                }
            }
        });
        return bounds;
    }

    /** Each series name with the label matchers written beside it (one entry per matcher, unparsed). */
    private static Map<String, Set<String>> selectors(String expr) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '#') {
                while (i < n && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{') {
                i = skipPast(expr, i, '}');
            } else if (c == '[') {
                i = skipPast(expr, i, ']');
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.' || expr.charAt(i) == '_'
                        || ((expr.charAt(i) == '+' || expr.charAt(i) == '-') && (expr.charAt(i - 1) == 'e' || expr.charAt(i - 1) == 'E')))) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (GROUPING.contains(lower) && call) {
                    i = skipPast(expr, next, ')');
                } else if (!call && !KEYWORDS.contains(lower) && !AGGREGATIONS.contains(lower)) {
                    Set<String> matchers = names.computeIfAbsent(word, key -> new LinkedHashSet<>());
                    if (next < n && expr.charAt(next) == '{') {
                        matchers.addAll(splitMatchers(expr.substring(next + 1, skipPast(expr, next, '}') - 1)));
                    }
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static Set<String> splitMatchers(String inside) {
        Set<String> matchers = new LinkedHashSet<>();
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(inside, i) - 1;
            } else if (c == ',') {
                matchers.add(inside.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!inside.substring(start).isBlank()) {
            matchers.add(inside.substring(start).trim());
        }
        return matchers;
    }

    /** The index after the string literal starting at {@code start} (backslash escapes, except in backquotes). */
    private static int skipString(String expr, int start) {
        char quote = expr.charAt(start);
        int i = start + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += quote != '`' && expr.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, expr.length());
    }

    /** The index after the {@code close} that ends the bracket opened at {@code open}, skipping strings inside. */
    private static int skipPast(String expr, int open, char close) {
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != close) {
            char c = expr.charAt(i);
            i = c == '"' || c == '\'' || c == '`' ? skipString(expr, i) : i + 1;
        }
        return Math.min(i + 1, expr.length());
    }

    private static int skipSpace(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }
}
