package dev.stride.contracts.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextsTest {

    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void aStoredTraceParentComesBackAsTheSameSpanAndIsWrittenOutAgain() {
        SpanContext restored = TraceContexts.spanContext(PARENT).orElseThrow();
        assertThat(restored.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(restored.getSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(restored.isRemote()).isTrue();
        try (Scope ignored = TraceContexts.restore(PARENT).makeCurrent()) {
            assertThat(TraceContexts.currentTraceParent()).contains(PARENT);
            assertThat(TraceContexts.currentHeaders()).containsEntry(TraceContexts.TRACEPARENT, PARENT);
        }
    }

    @Test
    void nothingTracedMeansNothingKept() {
        assertThat(TraceContexts.currentTraceParent()).isEmpty();
        assertThat(TraceContexts.currentHeaders()).isEmpty();
        assertThat(TraceContexts.spanContext(null)).isEmpty();
        assertThat(TraceContexts.spanContext("not-a-traceparent")).isEmpty();
        assertThat(TraceContexts.spanContexts(Arrays.asList(PARENT, null, "00-bad"))).hasSize(1);
    }

    @Test
    void aLocalSpanIsWhatGetsKept() {
        SpanContext local = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(local).makeCurrent()) {
            assertThat(TraceContexts.currentTraceParent()).contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        }
    }
}
