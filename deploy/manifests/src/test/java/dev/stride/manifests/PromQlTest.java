package dev.stride.manifests;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void findsTheSeriesNamesAndNothingElse() {
        String expr = """
                sum by (le, job) (rate(stride_dispatch_lag_seconds_bucket{le="60.0", job=~"reminder.*", uri!="rate(x)"}[5m:30s]))
                  / on (job) group_left (instance) max without (pod) (stride_nudges_due_backlog offset 1h)
                  > bool 1.5e+3 and topk(3, count_values("v", up)) or stride:nudge_delivery:error_ratio_rate1h @ end()
                  unless absent(stride_outbox_backlog) * 1h""";
        assertThat(PromQl.metricNames(expr)).containsExactly("stride_dispatch_lag_seconds_bucket", "stride_nudges_due_backlog", "up",
                "stride:nudge_delivery:error_ratio_rate1h", "stride_outbox_backlog");
    }

    @Test
    void aggregationsWithTheirGroupingAfterTheBodyAndNamesInsideMatchersOnly() {
        assertThat(PromQl.metricNames("sum(rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) by (status)"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQl.metricNames("{__name__=\"anything\"} > 0")).isEmpty();
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m])))")).containsExactly("a_bucket");
    }

    @Test
    void bucketBoundsAreTheLeEqualityMatchersOfBucketSeries() {
        assertThat(PromQl.bucketBounds("sum(rate(a_bucket{le=\"300.0\",job=\"x\"}[5m])) / sum(rate(a_count[5m])) + b_bucket{le=~\"1.*\"}"))
                .isEqualTo(Map.of("a_bucket", Set.of("300.0")));
    }
}
