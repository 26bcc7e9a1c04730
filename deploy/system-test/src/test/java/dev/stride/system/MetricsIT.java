package dev.stride.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.stride.system.StrideSession.find;
import static dev.stride.system.StrideSession.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts and dashboards read only what the services really export: drives one learner through the running system
 * (subscribe, confirm, welcome, first weekly email: outbox, dispatch, SMTP), then finds every line of the monitoring
 * component's series.txt (which deploy/manifests holds to exactly the series the rules and dashboards read) in that
 * service's /q/metrics on its management port, histogram bucket bounds included.
 */
class MetricsIT {

    static final Path SERIES = LocalStride.PROJECT.resolve("deploy/k8s/components/monitoring/series.txt");
    private static final String ROADMAP = "ai-ml-engineer-12-months";

    @RegisterExtension
    static final StrideSession stride = new StrideSession();

    @Test
    void everySeriesTheAlertsAndDashboardsReadIsInItsServicesMetrics() throws Exception {
        String email = StrideSession.newAddress("metrics");
        stride.subscribeByApi(email, ROADMAP);
        stride.browser().open(find(BrowserJourneyIT.CONFIRM_LINK, text(stride.awaitMail(email, "Confirm your weekly study emails"))).group(1));
        stride.browser().press(By.tagName("button"));
        stride.browser().awaitHeading("Subscription confirmed");
        stride.awaitMail(email, "Welcome to");
        stride.advanceUntilWeeklyEmail(email, 1, "P1D");

        Map<String, List<String>> wanted = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SERIES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.trim().split("\\s+");
                wanted.computeIfAbsent(columns[0], service -> new ArrayList<>()).add(columns[1]);
            }
        }
        assertThat(wanted.keySet()).containsExactlyInAnyOrder("roadmap-service", "reminder-service", "notifier-service");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> service : wanted.entrySet()) {
            String metrics = stride.metrics(service.getKey().replace("-service", ""));
            Set<String> samples = samples(metrics);
            for (String series : service.getValue()) {
                if (!exported(series, samples, metrics)) {
                    missing.add(service.getKey() + " " + series);
                }
            }
        }
        assertThat(missing).as("series the rules or dashboards read that the service does not export").isEmpty();
    }

    @Test
    void aSeriesNoServiceExportsIsReportedMissing() throws Exception {
        String metrics = stride.metrics("reminder");
        assertThat(exported("stride_nudges_due_backlog", samples(metrics), metrics)).isTrue();
        assertThat(exported("stride_nudges_due_backlog_total", samples(metrics), metrics)).isFalse();
        assertThat(exported("stride_dispatch_lag_seconds_bucket{le=\"61.0\"}", samples(metrics), metrics)).isFalse();
    }

    /** A name, or {@code name{le="bound"}}: a bucket with exactly that bound. */
    private static boolean exported(String series, Set<String> samples, String metrics) {
        int brace = series.indexOf('{');
        if (brace < 0) {
            return samples.contains(series);
        }
        String name = series.substring(0, brace);
        String le = series.substring(brace + 1, series.length() - 1);
        return metrics.lines().anyMatch(line -> line.startsWith(name + "{") && line.substring(0, line.lastIndexOf('}')).matches(".*[{,]" + java.util.regex.Pattern.quote(le) + "[,}]?.*"));
    }

    /** The sample names of a Prometheus text exposition. */
    private static Set<String> samples(String metrics) {
        Set<String> names = new TreeSet<>();
        metrics.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
