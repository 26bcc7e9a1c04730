package dev.stride.bench.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * One way of turning N due nudges into N acknowledged Kafka records: a peer scheduler (db-scheduler,
 * Quartz) or a ceiling (Kafka alone, PostgreSQL alone). Each implementation prepares its own state
 * outside the clock, then times only the drain.
 */
public interface Peer {

    /** The engine and its version, e.g. "db-scheduler 16.7.1". */
    String name();

    /** How it is tuned, in a few words, e.g. "lock-and-fetch, 50 threads, limits 1.0/4.0". */
    String config();

    /**
     * Prepares {@code n} due items (untimed), then drains them (timed) and reports what its handler
     * counted. Each call starts from empty state, so calls may repeat in one JVM.
     */
    Drained drain(int n) throws Exception;

    /**
     * The result of one drain.
     *
     * @param n        how many items were due
     * @param elapsed  from starting the engine to the last item acknowledged and gone from its table
     * @param executed how many times the handler ran to completion (counted after the Kafka ack by the
     *                 handler itself, not taken from the engine): {@code executed == n} means every item
     *                 ran, more means some ran twice
     */
    record Drained(int n, Duration elapsed, long executed) {

        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        public double perSecond() {
            return n / seconds();
        }

        public boolean complete() {
            return executed == n;
        }
    }

    /** The version a library's jar declares in its Maven metadata, or "?" when it has none. */
    static String versionOf(Class<?> fromLibrary, String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = fromLibrary.getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
