package dev.stride.roadmap.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks every resource link of roadmap documents: HEAD, falling back to GET when HEAD is refused or fails (some sites
 * answer HEAD with 403/405), redirects followed, each request with a timeout. Prints a table of the broken links and
 * exits non-zero when there is one. Without arguments it checks the bundled roadmaps ({@code stride.catalog.bundled});
 * otherwise the YAML or JSON files given. {@code --timeout=<seconds>} (default 10).
 */
public final class LinkChecker {

    /** One link and where it stands: {@code roadmap-id phases[0].milestones[4].resources[0]}. */
    public record Link(String where, String url) {
    }

    /** What checking a link found: the final status (0 when no answer came) and, if broken, why. */
    public record Result(Link link, int status, String problem) {
        public boolean broken() {
            return problem != null;
        }
    }

    private static final int PARALLEL = 8;

    private final HttpClient client;
    private final Duration timeout;

    public LinkChecker(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
    }

    public static void main(String[] args) {
        Duration timeout = Duration.ofSeconds(10);
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--timeout=")) {
                timeout = Duration.ofSeconds(Long.parseLong(arg.substring("--timeout=".length())));
            } else {
                files.add(arg);
            }
        }
        List<Link> links = new ArrayList<>();
        if (files.isEmpty()) {
            bundledFiles().forEach(file -> links.addAll(links(BundledRoadmaps.read(file))));
        } else {
            files.forEach(file -> links.addAll(links(readFile(Path.of(file)))));
        }
        System.exit(new LinkChecker(timeout).report(links, System.out));
    }

    /** Checks the links, prints the table of broken ones, and answers the exit code: 0 when none is broken, else 1. */
    public int report(List<Link> links, PrintStream out) {
        List<Result> broken = check(links).stream().filter(Result::broken).toList();
        out.printf("%d links checked, %d broken%n", links.size(), broken.size());
        if (!broken.isEmpty()) {
            out.printf("%-6s | %-60s | %-50s | %s%n", "status", "url", "where", "problem");
            for (Result result : broken) {
                out.printf("%-6s | %-60s | %-50s | %s%n", result.status() == 0 ? "-" : result.status(), result.link().url(),
                        result.link().where(), result.problem());
            }
        }
        return broken.isEmpty() ? 0 : 1;
    }

    public List<Result> check(List<Link> links) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Result>> pending = links.stream().map(link -> pool.submit(() -> check(link))).toList();
            List<Result> results = new ArrayList<>();
            for (Future<Result> result : pending) {
                results.add(result.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("link check interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    Result check(Link link) {
        URI uri;
        try {
            uri = URI.create(link.url());
        } catch (IllegalArgumentException e) {
            return new Result(link, 0, "not a URL: " + e.getMessage());
        }
        Result head = request(link, uri, "HEAD");
        return head.broken() ? request(link, uri, "GET") : head;
    }

    private Result request(Link link, URI uri, String method) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "Stride link checker").build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(link, status, status >= 200 && status < 300 ? null : method + " answered " + status);
        } catch (HttpTimeoutException e) {
            return new Result(link, 0, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Result(link, 0, method + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(link, 0, "interrupted");
        }
    }

    /** Every resource with a URL, named by its roadmap and path. */
    public static List<Link> links(RoadmapDocument roadmap) {
        List<Link> links = new ArrayList<>();
        for (int p = 0; p < roadmap.phases().size(); p++) {
            List<RoadmapDocument.Milestone> milestones = roadmap.phases().get(p).milestones();
            for (int m = 0; m < milestones.size(); m++) {
                List<RoadmapDocument.Resource> resources = milestones.get(m).resources();
                for (int r = 0; resources != null && r < resources.size(); r++) {
                    if (resources.get(r).url() != null) {
                        links.add(new Link(roadmap.id() + " phases[" + p + "].milestones[" + m + "].resources[" + r + "]", resources.get(r).url()));
                    }
                }
            }
        }
        return links;
    }

    private static RoadmapDocument readFile(Path file) {
        try {
            return RoadmapJson.fromYaml(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The same list the service imports at start. */
    private static List<String> bundledFiles() {
        try (InputStream in = LinkChecker.class.getClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return Arrays.stream(properties.getProperty("stride.catalog.bundled").split(",")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
