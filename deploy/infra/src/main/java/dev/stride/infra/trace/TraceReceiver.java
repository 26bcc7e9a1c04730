package dev.stride.infra.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import dev.stride.infra.InfrastructureException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP trace receiver for the local run: {@code POST /v1/traces} takes an exporter's protobuf
 * {@code ExportTraceServiceRequest} (what the OpenTelemetry agent sends by default, plain or gzip) and appends each span
 * as one JSON line ({@link ExportedSpan}) to a file; {@code GET /traces} serves that file. It is mounted on the web
 * inbox's HTTP server, so the services' {@code OTEL_EXPORTER_OTLP_ENDPOINT} is the inbox's address. No collector,
 * no sampling, no retention: the file grows until {@code ./stride --fresh}.
 */
public final class TraceReceiver {

    public static final String EXPORT_PATH = "/v1/traces";
    public static final String FILE_PATH = "/traces";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;

    public TraceReceiver(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InfrastructureException("Cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Every span received so far (the tests' way in; a person opens {@code /traces}). */
    public static List<ExportedSpan> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<ExportedSpan> spans = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    spans.add(JSON.readValue(line, ExportedSpan.class));
                }
            }
            return spans;
        } catch (IOException e) {
            throw new InfrastructureException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The OTLP export: 200 with an empty response once the spans are written, 400 for a body that is not one. */
    public void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST an OTLP ExportTraceServiceRequest (application/x-protobuf)".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                send(exchange, 400, "text/plain", ("Not an OTLP protobuf trace export: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            append(spansOf(request));
            send(exchange, 200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
    }

    /** The file as it is: one JSON span per line. */
    public void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            send(exchange, 200, "application/x-ndjson", body);
        }
    }

    static List<ExportedSpan> spansOf(ExportTraceServiceRequest request) {
        List<ExportedSpan> spans = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "unknown");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    List<ExportedSpan.Link> links = span.getLinksList().stream()
                            .map(link -> new ExportedSpan.Link(hex(link.getTraceId()), hex(link.getSpanId()))).toList();
                    spans.add(new ExportedSpan(hex(span.getTraceId()), hex(span.getSpanId()), hex(span.getParentSpanId()), service,
                            span.getName(), kind(span.getKind()), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                            attributes(span.getAttributesList()), links));
                }
            }
        }
        return spans;
    }

    private synchronized void append(List<ExportedSpan> spans) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (ExportedSpan span : spans) {
                out.write(JSON.writeValueAsString(span));
                out.newLine();
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach(value -> map.put(value.getKey(), text(value.getValue())));
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().trim();
        };
    }

    private static String kind(Span.SpanKind kind) {
        return kind.name().replace("SPAN_KIND_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
