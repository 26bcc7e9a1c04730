package dev.stride.roadmap.catalog;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The link checker against a local server: 200, a redirect to 200, 404, a HEAD-refusing site, one too slow, one not listening. */
class LinkCheckerTest {

    private static HttpServer server;
    private static ExecutorService threads;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> answer(exchange, 200));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", base + "/ok");
            answer(exchange, 301);
        });
        server.createContext("/gone", exchange -> answer(exchange, 404));
        server.createContext("/moved-to-gone", exchange -> {
            exchange.getResponseHeaders().add("Location", base + "/gone");
            answer(exchange, 302);
        });
        server.createContext("/no-head", exchange -> answer(exchange, "HEAD".equals(exchange.getRequestMethod()) ? 405 : 200));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200);
        });
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
        byte[] body = "page".getBytes(StandardCharsets.UTF_8);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void brokenLinksAreTabledAndTheExitCodeSaysSo() {
        List<LinkChecker.Link> links = List.of(link("ok"), link("moved"), link("no-head"), link("gone"), link("moved-to-gone"), link("slow"),
                new LinkChecker.Link("nowhere", "http://127.0.0.1:1/closed"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new LinkChecker(Duration.ofMillis(800)).report(links, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(table).startsWith("7 links checked, 4 broken");
        assertThat(table.lines().skip(2).map(line -> line.split("\\|")[1].strip()).toList())
                .containsExactly(base + "/gone", base + "/moved-to-gone", base + "/slow", "http://127.0.0.1:1/closed");
        assertThat(table).contains("GET answered 404").contains("no answer within 800 ms");
    }

    @Test
    void eachResultSaysWhatTheServerAnswered() {
        LinkChecker checker = new LinkChecker(Duration.ofSeconds(2));
        assertThat(checker.check(link("moved"))).extracting(LinkChecker.Result::status, LinkChecker.Result::broken).containsExactly(200, false);
        assertThat(checker.check(link("no-head"))).extracting(LinkChecker.Result::status, LinkChecker.Result::broken).containsExactly(200, false);
        assertThat(checker.check(link("gone"))).extracting(LinkChecker.Result::status, LinkChecker.Result::broken).containsExactly(404, true);
    }

    @Test
    void allLinksWorkingExitsZero() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new LinkChecker(Duration.ofSeconds(2)).report(List.of(link("ok"), link("moved")), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("2 links checked, 0 broken" + System.lineSeparator());
    }

    @Test
    void theLinksOfARoadmapAreNamedByTheirPath() {
        assertThat(LinkChecker.links(BundledRoadmaps.read("roadmaps/ai-ml-engineer-12-months.yaml")))
                .isNotEmpty()
                .allSatisfy(link -> assertThat(link.url()).startsWith("https://"))
                .first().extracting(LinkChecker.Link::where).asString().matches("ai-ml-engineer-12-months phases\\[\\d+]\\.milestones\\[\\d+]\\.resources\\[\\d+]");
    }

    private static LinkChecker.Link link(String path) {
        return new LinkChecker.Link("test " + path, base + "/" + path);
    }
}
