package dev.stride.infra.trace;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver over real HTTP, fed what an OTLP exporter sends: protobuf, plain or gzip. */
class TraceReceiverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String OTHER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;
    private HttpServer server;
    private TraceReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new TraceReceiver(dir.resolve("traces.jsonl"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext(TraceReceiver.EXPORT_PATH, receiver::export);
        server.createContext(TraceReceiver.FILE_PATH, receiver::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void writesEachSpanWithItsServiceParentLinksAndAttributes() throws Exception {
        assertThat(post(request().toByteArray(), false).statusCode()).isEqualTo(200);

        List<ExportedSpan> spans = TraceReceiver.read(receiver.file());
        assertThat(spans).hasSize(2);
        ExportedSpan dispatch = spans.get(1);
        assertThat(dispatch.service()).isEqualTo("reminder-service");
        assertThat(dispatch.name()).isEqualTo("nudge publish");
        assertThat(dispatch.kind()).isEqualTo("producer");
        assertThat(dispatch.traceId()).isEqualTo(TRACE);
        assertThat(dispatch.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(dispatch.isRoot()).isFalse();
        assertThat(dispatch.links()).containsExactly(new ExportedSpan.Link(OTHER_TRACE, "b7ad6b7169203331"));
        assertThat(dispatch.attributes()).containsEntry("stride.nudges", "3").containsEntry("stride.topic", "nudges");
        assertThat(dispatch.endNanos() - dispatch.startNanos()).isEqualTo(5_000);
        assertThat(spans.get(0).isRoot()).isTrue();

        HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(url(TraceReceiver.FILE_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.body().lines()).hasSize(2).allMatch(line -> line.contains("\"traceId\":\"" + TRACE + "\""));
    }

    @Test
    void takesGzipAndAppends() throws Exception {
        post(request().toByteArray(), false);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(request().toByteArray());
        }
        assertThat(post(zipped.toByteArray(), true).statusCode()).isEqualTo(200);
        assertThat(TraceReceiver.read(receiver.file())).hasSize(4);
    }

    @Test
    void refusesWhatIsNotAnExport() throws Exception {
        assertThat(post("not protobuf at all".getBytes(), false).statusCode()).isEqualTo(400);
        assertThat(HTTP.send(HttpRequest.newBuilder(url(TraceReceiver.EXPORT_PATH)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(405);
        assertThat(TraceReceiver.read(receiver.file())).isEmpty();
    }

    private HttpResponse<Void> post(byte[] body, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(TraceReceiver.EXPORT_PATH))
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static ExportTraceServiceRequest request() {
        Span root = span(TRACE, "00f067aa0ba902b7", "", "POST /subscriptions", Span.SpanKind.SPAN_KIND_SERVER).build();
        Span child = span(TRACE, "53995c3f42cd8ad8", "00f067aa0ba902b7", "nudge publish", Span.SpanKind.SPAN_KIND_PRODUCER)
                .addLinks(Span.Link.newBuilder().setTraceId(bytes(OTHER_TRACE)).setSpanId(bytes("b7ad6b7169203331")))
                .addAttributes(attribute("stride.topic", AnyValue.newBuilder().setStringValue("nudges")))
                .addAttributes(attribute("stride.nudges", AnyValue.newBuilder().setIntValue(3)))
                .build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", AnyValue.newBuilder().setStringValue("reminder-service"))))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(root).addSpans(child))).build();
    }

    private static Span.Builder span(String trace, String id, String parent, String name, Span.SpanKind kind) {
        return Span.newBuilder().setTraceId(bytes(trace)).setSpanId(bytes(id)).setParentSpanId(bytes(parent)).setName(name).setKind(kind)
                .setStartTimeUnixNano(1_000_000).setEndTimeUnixNano(1_005_000);
    }

    private static KeyValue attribute(String key, AnyValue.Builder value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

}
