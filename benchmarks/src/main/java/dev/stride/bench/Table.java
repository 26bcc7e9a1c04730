package dev.stride.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fixed-width text table for benchmark results, readable in a terminal and pasteable into a
 * README code block. Numbers are right-aligned so their magnitudes line up; text is left-aligned.
 *
 * <pre>
 * new Table("engine", "config", "n", "seconds", "items/s", "vs Stride").row("Quartz", "50 threads", 2000, 13.2, 151.5, "0.05x").print(System.out);
 * </pre>
 */
public final class Table {

    /** What counts as a number when given as text: digits with separators, optional sign, decimals and a trailing unit such as x or %. */
    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9][0-9,_ ]*(\\.[0-9]+)?\\s?[x%]?");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<boolean[]> rightAligned = new ArrayList<>();

    public Table(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.of(headers);
    }

    /**
     * Adds a row of exactly one cell per column. Integers print as they are, other numbers with two
     * decimals; {@code null} prints as "-".
     */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells " + headers + ", got " + Arrays.toString(cells));
        }
        List<String> text = new ArrayList<>(cells.length);
        boolean[] right = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text.add(format(cells[i]));
            right[i] = cells[i] instanceof Number || NUMERIC.matcher(text.get(i)).matches();
        }
        rows.add(text);
        rightAligned.add(right);
        return this;
    }

    public void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        // A header sits over its column the way the column's values sit: right over numbers.
        boolean[] numericColumn = new boolean[widths.length];
        for (int c = 0; c < widths.length; c++) {
            final int column = c;
            numericColumn[c] = !rows.isEmpty() && rightAligned.stream().allMatch(r -> r[column]);
        }
        out.println(line(headers, widths, numericColumn));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths, rightAligned.get(r)));
        }
        out.flush();
    }

    private static String line(List<String> cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cell : cell + pad);
        }
        return line.toString().stripTrailing();
    }

    private static String format(Object cell) {
        if (cell == null) {
            return "-";
        }
        if (cell instanceof Integer || cell instanceof Long || cell instanceof Short) {
            return cell.toString();
        }
        if (cell instanceof Number number) {
            return String.format(java.util.Locale.ROOT, "%.2f", number.doubleValue());
        }
        return cell.toString();
    }
}
