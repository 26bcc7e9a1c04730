package dev.stride.contracts.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place Stride turns a trace context into a W3C {@code traceparent} and back: kept with a row that is acted on
 * later (an outbox event, a nudge), restored by whoever acts on it, and put in Kafka record headers next to the
 * CloudEvents ones. Without the OpenTelemetry agent there is no current span: {@link #currentTraceParent()} is empty
 * and the spans made from {@link #tracer()} are no-ops.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    public static Tracer tracer() {
        return GlobalOpenTelemetry.getTracer("dev.stride");
    }

    /** The W3C headers ({@code traceparent}, and {@code tracestate} when there is one) of the current span; empty without one. */
    public static Map<String, String> currentHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        W3C.inject(Context.current(), headers, Map::put);
        return headers;
    }

    /** The current span's {@code traceparent}, to keep with a row; empty when nothing is being traced. */
    public static Optional<String> currentTraceParent() {
        return Optional.ofNullable(currentHeaders().get(TRACEPARENT));
    }

    /** A context whose parent is the span {@code traceparent} names (the root context for null or a malformed value). */
    public static Context restore(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

    /** The span {@code traceparent} names, for a span link; empty for null or a malformed value. */
    public static Optional<SpanContext> spanContext(String traceparent) {
        SpanContext context = Span.fromContext(restore(traceparent)).getSpanContext();
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    /**
     * Runs {@code work} in a new span: a child of the current span when there is one (the agent's consumer span), else of
     * the span {@code traceparent} names (a Kafka record's header, read by the caller). A failure marks the span and is rethrown.
     */
    public static void withinSpan(String name, SpanKind kind, String traceparent, Runnable work) {
        Context parent = Span.current().getSpanContext().isValid() ? Context.current() : restore(traceparent);
        Span span = tracer().spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The {@code traceparent} header of a Kafka record, as the consumers read it; null when there is none. */
    public static String traceParent(org.apache.kafka.common.header.Headers headers) {
        org.apache.kafka.common.header.Header header = headers.lastHeader(TRACEPARENT);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The span contexts of the given {@code traceparent} values that are valid, for one link each. */
    public static List<SpanContext> spanContexts(Iterable<String> traceparents) {
        List<SpanContext> contexts = new java.util.ArrayList<>();
        traceparents.forEach(value -> spanContext(value).ifPresent(contexts::add));
        return contexts;
    }
}
