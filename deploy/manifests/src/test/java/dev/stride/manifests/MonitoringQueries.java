package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every PromQL expression Stride ships, from the rendered PrometheusRules and the Grafana dashboards, with the series
 * names they read ({@link PromQl}). The names recorded by the rules themselves are not ones a service exports:
 * {@link #exportedNames()} leaves them out.
 */
record MonitoringQueries(List<Query> queries, Set<String> recorded) {

    /** One expression and where it stands: {@code stride-alerts/stride.reminder: StrideDueBacklogHigh}, {@code stride-flow: panel 3 A}. */
    record Query(String source, String expr) {
    }

    /** From parsed objects: PrometheusRule objects and dashboard JSON documents (as rendered, or as read). */
    static MonitoringQueries of(List<JsonNode> prometheusRules, List<JsonNode> dashboards) {
        List<Query> queries = new ArrayList<>();
        Set<String> recorded = new TreeSet<>();
        for (JsonNode rule : prometheusRules) {
            String object = rule.path("metadata").path("name").asText();
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode entry : group.path("rules")) {
                    String name = entry.has("alert") ? entry.path("alert").asText() : entry.path("record").asText();
                    if (entry.has("record")) {
                        recorded.add(name);
                    }
                    queries.add(new Query(object + "/" + group.path("name").asText() + ": " + name, entry.path("expr").asText()));
                }
            }
        }
        for (JsonNode dashboard : dashboards) {
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(dashboard.path("uid").asText() + ": panel " + panel.path("id").asText() + " "
                            + target.path("refId").asText(), target.path("expr").asText()));
                }
            }
        }
        return new MonitoringQueries(List.copyOf(queries), Set.copyOf(recorded));
    }

    /** Every panel of a dashboard, those inside collapsed rows too. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** Every series name read that no rule records, with the first query reading it: what the services must export. */
    Map<String, String> exportedNames() {
        Map<String, String> names = new TreeMap<>();
        for (Query query : queries) {
            for (String name : PromQl.metricNames(query.expr())) {
                if (!recorded.contains(name)) {
                    names.putIfAbsent(name, query.source());
                }
            }
        }
        return names;
    }

    /** Every {@code le} bound a query selects a bucket with, by bucket series name. */
    Map<String, Set<String>> bucketBounds() {
        Map<String, Set<String>> bounds = new TreeMap<>();
        queries.forEach(query -> PromQl.bucketBounds(query.expr())
                .forEach((name, les) -> bounds.computeIfAbsent(name, key -> new LinkedHashSet<>()).addAll(les)));
        return bounds;
    }
}
