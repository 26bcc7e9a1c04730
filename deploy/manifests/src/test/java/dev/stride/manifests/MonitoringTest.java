package dev.stride.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production overlay's alerts, SLO rules and Grafana dashboards (components/monitoring): every alert has a severity,
 * a summary, a description and a runbook section that exists; every expression parses with Prometheus's own grammar,
 * which reads the same series names as {@link PromQl}; series named like recording rules are recorded here; the
 * component's {@code series.txt} lists exactly the series (and histogram buckets) the services must export, each with
 * the service that does (deploy/system-test's MetricsIT finds every one in that service's real /q/metrics);
 * dashboards are Grafana JSON with unique panel ids. (The objects' schemas: KubernetesSchemaTest, for every overlay.)
 */
class MonitoringTest {

    static final String RUNBOOK = "deploy/RUNBOOK.md";
    static final String RUNBOOK_URL = "https://git.example.org/stride/stride/-/blob/main/" + RUNBOOK + "#";
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private static final Set<String> DASHBOARDS = Set.of("stride-dashboard-flow", "stride-dashboard-roadmap-service",
            "stride-dashboard-reminder-service", "stride-dashboard-notifier-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SERIES_FILE = "deploy/k8s/components/monitoring/series.txt";
    /** series.txt: series (or {@code name{le="bound"}}) → the services that export it. */
    static final Map<String, Set<String>> SERIES = readSeries();

    private final Rendered production = Rendered.of("production");

    @Test
    void productionShipsTheRulesAndADashboardPerServiceAndForTheFlow() {
        assertThat(production.all("PrometheusRule", PrometheusRule.class)).extracting(rule -> rule.getMetadata().getName())
                .containsExactlyInAnyOrder("stride-alerts", "stride-slos");
        List<ConfigMap> dashboards = dashboardConfigMaps();
        assertThat(dashboards).extracting(map -> map.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DASHBOARDS);
        assertThat(Project.services()).allSatisfy(service -> assertThat(DASHBOARDS).contains("stride-dashboard-" + service.name()));
        assertThat(dashboards).allSatisfy(map -> assertThat(map.getData()).as(map.getMetadata().getName() + ": one .json")
                .hasSize(1).allSatisfy((file, json) -> assertThat(file).endsWith(".json")));
        assertThat(Rendered.of("local").ofKind("PrometheusRule")).as("the local cluster has no Prometheus Operator").isEmpty();
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndARunbookSectionThatExists() {
        Set<String> anchors = runbookAnchors();
        List<Rule> alerts = rules().stream().filter(rule -> rule.getAlert() != null).toList();
        assertThat(alerts).extracting(Rule::getAlert).as("the signals deploy/README.md says to watch")
                .contains("StrideDispatchLagHigh", "StrideDueBacklogHigh", "StrideDeadLettersGrowing", "StrideSmtpFailureRateHigh",
                        "StrideConsumerLagHigh", "StrideOutboxStale", "StrideNudgesParked", "StrideNudgeDeliverySloBurn",
                        "StridePublicPagesSloBurn");
        for (Rule alert : alerts) {
            String name = alert.getAlert();
            assertThat(alert.getLabels()).as(name + " labels").containsKey("severity");
            assertThat(SEVERITIES).as(name + " severity").contains(alert.getLabels().get("severity"));
            assertThat(alert.getAnnotations().get("summary")).as(name + " summary").isNotBlank();
            assertThat(alert.getAnnotations().get("description")).as(name + " description").isNotBlank();
            String runbook = alert.getAnnotations().get("runbook_url");
            assertThat(runbook).as(name + " runbook_url").startsWith(RUNBOOK_URL);
            assertThat(anchors).as(name + ": a section of " + RUNBOOK + " for " + runbook).contains(runbook.substring(RUNBOOK_URL.length()));
        }
        assertThat(rules()).filteredOn(rule -> rule.getFor() != null).extracting(rule -> rule.getFor().toString())
                .allSatisfy(duration -> assertThat(duration).as("a Prometheus duration").matches("([0-9]+(ms|s|m|h|d|w|y))+"));
    }

    @Test
    void everyExpressionParsesAndReadsTheNamesTheTokenizerFinds() {
        List<MonitoringQueries.Query> queries = queries().queries();
        assertThat(queries).hasSizeGreaterThan(40);
        List<NpmModels.PromQlVerdict> verdicts = NpmModels.parsePromQl(queries.stream().map(MonitoringQueries.Query::expr).toList());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            MonitoringQueries.Query query = queries.get(i);
            NpmModels.PromQlVerdict verdict = verdicts.get(i);
            if (query.expr().isBlank() || !verdict.errors().isEmpty()) {
                failures.add(query.source() + ": does not parse at " + verdict.errors() + ": " + query.expr());
            } else if (!new LinkedHashSet<>(verdict.names()).equals(PromQl.metricNames(query.expr()))) {
                failures.add(query.source() + ": the grammar reads " + verdict.names() + ", the tokenizer " + PromQl.metricNames(query.expr()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aSyntaxErrorIsCaught() {
        assertThat(NpmModels.parsePromQl(List.of("sum(rate(stride_nudges_sent_total[5m])", "max(stride_nudges_due_backlog) >")))
                .allSatisfy(verdict -> assertThat(verdict.errors()).isNotEmpty());
    }

    @Test
    void everySeriesNamedLikeARecordingRuleIsRecordedAndEveryRecordingRuleIsRead() {
        MonitoringQueries queries = queries();
        Set<String> read = queries.queries().stream().flatMap(query -> PromQl.metricNames(query.expr()).stream()).collect(Collectors.toSet());
        assertThat(read.stream().filter(name -> name.contains(":")))
                .as("level:metric:operations names are recording rules of stride-slos").isSubsetOf(queries.recorded());
        assertThat(queries.recorded()).as("recorded and read by an alert or a dashboard").isSubsetOf(read);
        assertThat(queries.exportedNames()).as("series the services must export (MetricsIT checks them)").isNotEmpty()
                .allSatisfy((name, source) -> assertThat(name).matches("[a-z_][a-z0-9_]*"));
    }

    @Test
    void theSeriesListNamesExactlyWhatTheRulesAndDashboardsReadWithTheServiceExportingIt() {
        MonitoringQueries queries = queries();
        Map<String, Set<String>> listed = SERIES.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> expected = new TreeSet<>(queries.exportedNames().keySet());
        queries.bucketBounds().forEach((name, bounds) -> bounds.forEach(le -> expected.add(name + "{le=\"" + le + "\"}")));
        assertThat(new TreeSet<>(listed.keySet())).as(SERIES_FILE + ": one line per series read (service, then name) and per bucket bound; "
                + "add or remove lines, and run MetricsIT").containsExactlyElementsOf(expected);
        assertThat(listed.values()).allSatisfy(services -> assertThat(services).isNotEmpty().isSubsetOf(Project.SERVICE_NAMES));
        Pattern job = Pattern.compile("job=\"([a-z-]+)\"");
        for (MonitoringQueries.Query query : queries.queries()) {
            Matcher selected = job.matcher(query.expr());
            while (selected.find()) {
                for (String name : PromQl.metricNames(query.expr())) {
                    assertThat(listed.get(name)).as(query.source() + ": " + name + " is read from " + selected.group(1)).contains(selected.group(1));
                }
            }
        }
    }

    @Test
    void dashboardsAreGrafanaJsonWithUniquePanelIdsAndAQueryInEveryPanel() {
        Set<String> uids = new HashSet<>();
        for (JsonNode dashboard : dashboards()) {
            String uid = dashboard.path("uid").asText();
            assertThat(uids.add(uid)).as("dashboard uid " + uid + " unique").isTrue();
            assertThat(dashboard.path("title").asText()).as(uid + " title").startsWith("Stride / ");
            assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).as(uid + ": a datasource variable").contains("datasource");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : MonitoringQueries.panels(dashboard)) {
                assertThat(panel.path("id").isInt()).as(uid + ": every panel has an id").isTrue();
                assertThat(ids.add(panel.path("id").asInt())).as(uid + ": panel id " + panel.path("id") + " unique").isTrue();
                if (!panel.path("type").asText().equals("row")) {
                    assertThat(panel.path("targets")).as(uid + " panel " + panel.path("title")).isNotEmpty()
                            .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
                    Set<String> refs = new HashSet<>(panel.path("targets").findValuesAsText("refId"));
                    assertThat(refs).as(uid + " panel " + panel.path("title") + ": unique refIds").hasSize(panel.path("targets").size());
                }
            }
        }
    }

    private List<Rule> rules() {
        return production.all("PrometheusRule", PrometheusRule.class).stream()
                .flatMap(rule -> rule.getSpec().getGroups().stream()).flatMap(group -> group.getRules().stream()).toList();
    }

    private List<ConfigMap> dashboardConfigMaps() {
        return production.all("ConfigMap", ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getLabels() != null && "1".equals(map.getMetadata().getLabels().get("grafana_dashboard"))).toList();
    }

    private List<JsonNode> dashboards() {
        List<JsonNode> dashboards = new ArrayList<>();
        for (ConfigMap map : dashboardConfigMaps()) {
            for (Map.Entry<String, String> file : map.getData().entrySet()) {
                try {
                    dashboards.add(JSON.readTree(file.getValue()));
                } catch (IOException e) {
                    throw new AssertionError(map.getMetadata().getName() + "/" + file.getKey() + " is not JSON: " + e.getMessage(), e);
                }
            }
        }
        return dashboards;
    }

    /** The rules and dashboards as production renders them. */
    private MonitoringQueries queries() {
        return MonitoringQueries.of(production.ofKind("PrometheusRule"), dashboards());
    }

    private static Map<String, Set<String>> readSeries() {
        try {
            Map<String, Set<String>> series = new TreeMap<>();
            for (String line : Files.readAllLines(Project.root().resolve(SERIES_FILE))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.trim().split("\\s+");
                    assertThat(columns).as(SERIES_FILE + ": '<service> <series>' in " + line).hasSize(2);
                    series.computeIfAbsent(columns[1], key -> new TreeSet<>()).add(columns[0]);
                }
            }
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The anchors GitHub and GitLab give the runbook's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> runbookAnchors() {
        try {
            Set<String> anchors = new HashSet<>();
            Matcher heading = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$").matcher(Files.readString(Project.root().resolve(RUNBOOK)));
            while (heading.find()) {
                anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
