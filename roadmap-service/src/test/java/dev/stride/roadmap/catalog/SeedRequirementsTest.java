package dev.stride.roadmap.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Seed requirements" table: every row names where a seed requirement is met, and each of those places exists and
 * is not empty — a milestone, phase or habit of a bundled roadmap, a roadmap field (optionally holding a given value), or a page route.
 */
class SeedRequirementsTest {

    private static final Pattern ROW = Pattern.compile("^\\| (S\\d{3}-\\d{2}) \\| ([^|]+) \\| ([^|]+) \\|$");
    private static final Pattern REFERENCE = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern METHOD_PATH = Pattern.compile("^\\s+@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final ObjectMapper TREE = new ObjectMapper();

    private final Map<String, JsonNode> roadmaps = new LinkedHashMap<>();

    @Test
    void everySeedRequirementIsMetWhereTheTableSays() throws IOException {
        Map<String, List<String>> table = table();
        assertThat(table).as("rows of the seed table").hasSizeGreaterThanOrEqualTo(50);
        Set<String> routes = routes();

        List<String> problems = new ArrayList<>();
        table.forEach((id, references) -> {
            if (references.isEmpty()) {
                problems.add(id + ": names no place where it is met");
            }
            references.forEach(reference -> check(reference, routes).ifPresent(problem -> problems.add(id + ": " + problem)));
        });

        assertThat(problems).isEmpty();
    }

    /** The checker itself can say no: an unknown milestone, habit, field value or page is a problem. */
    @Test
    void aReferenceToSomethingMissingIsAProblem() throws IOException {
        Set<String> routes = routes();

        assertThat(check("ai-ml-engineer-12-months#python-functions", routes)).isEmpty();
        assertThat(check("ai-ml-engineer-12-months#no-such-milestone", routes)).isPresent();
        assertThat(check("ai-ml-engineer-12-months#habit:arxiv-alerts", routes)).isEmpty();
        assertThat(check("ai-ml-engineer-12-months#habit:python-functions", routes)).isPresent();
        assertThat(check("ai-ml-engineer-12-months@roles=ml-engineer", routes)).isEmpty();
        assertThat(check("ai-ml-engineer-12-months@roles=nlp-engineer", routes)).isPresent();
        assertThat(check("ai-ml-engineer-12-months@noSuchField", routes)).isPresent();
        assertThat(check("no-such-roadmap@faq", routes)).isPresent();
        assertThat(check("page:/roadmaps/{id}", routes)).isEmpty();
        assertThat(check("page:/no-such-page", routes)).isPresent();
    }

    private Optional<String> check(String reference, Set<String> routes) {
        if (reference.startsWith("page:")) {
            String route = reference.substring("page:".length());
            return routes.contains(route) ? Optional.empty() : Optional.of("no page route " + route);
        }
        int field = reference.indexOf('@');
        int part = reference.indexOf('#');
        int end = field >= 0 ? field : part;
        if (end <= 0) {
            return Optional.of("'" + reference + "' is neither roadmap#part, roadmap@field nor page:/path");
        }
        Optional<JsonNode> roadmap = roadmap(reference.substring(0, end));
        if (roadmap.isEmpty()) {
            return Optional.of("no bundled roadmap " + reference.substring(0, end));
        }
        return field >= 0 ? field(roadmap.get(), reference, reference.substring(field + 1)) : part(roadmap.get(), reference, reference.substring(part + 1));
    }

    private static Optional<String> field(JsonNode roadmap, String reference, String spec) {
        String[] nameAndValue = spec.split("=", 2);
        JsonNode value = roadmap.path(nameAndValue[0]);
        if (value.isMissingNode() || value.isNull() || (value.isContainerNode() ? value.isEmpty() : value.asText().isBlank())) {
            return Optional.of(reference + " is not set");
        }
        if (nameAndValue.length == 2) {
            List<String> held = new ArrayList<>();
            (value.isArray() ? value : TREE.createArrayNode().add(value)).forEach(item -> held.add(item.asText()));
            return held.contains(nameAndValue[1]) ? Optional.empty() : Optional.of(reference + " does not hold " + nameAndValue[1]);
        }
        return Optional.empty();
    }

    private static Optional<String> part(JsonNode roadmap, String reference, String id) {
        boolean habit = id.startsWith("habit:");
        String wanted = habit ? id.substring("habit:".length()) : id;
        for (JsonNode phase : roadmap.path("phases")) {
            if (!habit && wanted.equals(phase.path("id").asText()) && !phase.path("title").asText().isBlank()) {
                return Optional.empty();
            }
            for (JsonNode item : phase.path(habit ? "habits" : "milestones")) {
                if (wanted.equals(item.path("id").asText()) && !item.path("title").asText().isBlank()
                        && (habit ? item.path("minutesPerWeek").asInt() > 0 : !item.path("description").asText().isBlank())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(reference + " names no " + (habit ? "habit" : "phase or milestone") + " of that roadmap");
    }

    private Optional<JsonNode> roadmap(String id) {
        if (!roadmaps.containsKey(id)) {
            try {
                roadmaps.put(id, TREE.valueToTree(BundledRoadmaps.read("roadmaps/" + id + ".yaml")));
            } catch (IllegalStateException notBundled) {
                return Optional.empty();
            }
        }
        return Optional.of(roadmaps.get(id));
    }

    /** Requirement id -> the places named in its row, from the README section "Seed requirements". */
    private static Map<String, List<String>> table() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Seed requirements");
        assertThat(start).as("README section '## Seed requirements'").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                List<String> references = new ArrayList<>();
                Matcher reference = REFERENCE.matcher(row.group(3));
                while (reference.find()) {
                    references.add(reference.group(1));
                }
                assertThat(rows.put(row.group(1), references)).as("row " + row.group(1) + " appears once").isNull();
            }
        }
        return rows;
    }

    /** Every page route: a resource class's @Path joined with each of its methods' @Path, and the class path alone. */
    private static Set<String> routes() throws IOException {
        Set<String> routes = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher resource = CLASS_PATH.matcher(code);
                if (!resource.find()) {
                    continue;
                }
                String base = resource.group(1);
                routes.add(join(base, ""));
                Matcher method = METHOD_PATH.matcher(code);
                while (method.find()) {
                    routes.add(join(base, method.group(1)));
                }
            }
        }
        return routes;
    }

    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
