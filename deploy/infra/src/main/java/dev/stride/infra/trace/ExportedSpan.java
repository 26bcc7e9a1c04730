package dev.stride.infra.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;

/**
 * One finished span as the local trace receiver writes it: one JSON line per span in {@code traces.jsonl}.
 * Ids are lower-case hex as in a W3C {@code traceparent}; times are Unix epoch nanoseconds.
 *
 * @param parentSpanId empty for a trace's root span
 * @param links        the spans this one points at in other traces (a nudge's dispatch points at its scheduling)
 */
public record ExportedSpan(String traceId, String spanId, String parentSpanId, String service, String name, String kind,
                           long startNanos, long endNanos, Map<String, String> attributes, List<Link> links) {

    public record Link(String traceId, String spanId) {
    }

    @JsonIgnore
    public boolean isRoot() {
        return parentSpanId == null || parentSpanId.isEmpty();
    }
}
