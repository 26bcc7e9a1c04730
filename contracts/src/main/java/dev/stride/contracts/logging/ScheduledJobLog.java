package dev.stride.contracts.logging;

import dev.stride.contracts.privacy.Addresses;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/**
 * How every service logs a scheduled job that fails: the first failure with its stack trace, then one line a minute
 * while the job keeps failing, then one line when it succeeds again. Quarkus's scheduler logs each failed run at ERROR
 * with a full stack trace; while PostgreSQL was down the fault suite's logs got one per job per tick (the dispatcher and
 * the sender tick every second or faster), which buried the lines an operator needs: when it started, why, and when it
 * ended. Its logger ({@value #QUARKUS_LOGGER}) is switched off at start-up, here, so that the two cannot disagree.
 * Times are the runs' own fire times, so no clock is read.
 */
@ApplicationScoped
public class ScheduledJobLog {

    static final String QUARKUS_LOGGER = "io.quarkus.scheduler.common.runtime.StatusEmitterInvoker";
    static final Duration REPEAT = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ScheduledJobLog.class);

    /** Held so the level set on it stays set (the log manager keeps its loggers weakly). */
    private java.util.logging.Logger quarkusLogger;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    void silenceQuarkus(@Observes StartupEvent event) {
        quarkusLogger = java.util.logging.Logger.getLogger(QUARKUS_LOGGER);
        quarkusLogger.setLevel(Level.OFF);
    }

    void onFailure(@Observes FailedExecution failed) {
        Trigger trigger = failed.getExecution().getTrigger();
        failed(trigger.getId(), name(trigger), failed.getExecution().getFireTime(), failed.getException());
    }

    void onSuccess(@Observes SuccessfulExecution succeeded) {
        Trigger trigger = succeeded.getExecution().getTrigger();
        succeeded(trigger.getId(), name(trigger), succeeded.getExecution().getFireTime());
    }

    /**
     * {@code trigger} keys the job's run of failures (two triggers on one method are two runs); {@code job} names it in
     * the log. Returns what was logged, for the tests; null when nothing was.
     */
    String failed(String trigger, String job, Instant at, Throwable error) {
        Failing now = failing.compute(trigger, (key, before) -> before == null ? new Failing(at, at, 1, true)
                : before.again(at));
        String cause = Addresses.redact(rootCause(error));
        if (now.count() == 1) {
            String line = "Scheduled job " + job + " failed: " + cause + " (while it keeps failing, one line a minute)";
            LOG.warn(line, error);
            return line;
        }
        if (!now.logNow()) {
            return null;
        }
        String line = "Scheduled job " + job + " still failing: " + now.count() + " failed runs since " + now.since() + "; the latest: " + cause;
        LOG.warn(line);
        return line;
    }

    /** Returns what was logged, for the tests; null when the job had not been failing. */
    String succeeded(String trigger, String job, Instant at) {
        Failing was = failing.remove(trigger);
        if (was == null) {
            return null;
        }
        String line = "Scheduled job " + job + " succeeds again, after " + was.count() + " failed runs over "
                + Duration.between(was.since(), at).toSeconds() + " s";
        LOG.info(line);
        return line;
    }

    /** {@code Dispatcher#tick} for a {@code @Scheduled} method; the trigger's id for a job scheduled in code. */
    private static String name(Trigger trigger) {
        String method = trigger.getMethodDescription();
        return method == null ? trigger.getId() : method.substring(method.lastIndexOf('.', method.indexOf('#')) + 1);
    }

    /**
     * The job's own exception (the scheduler wraps it in a {@link CompletionException}) and its innermost cause, which
     * names the real trouble ("Connection refused"), not a wrapper's "could not execute".
     */
    static String rootCause(Throwable error) {
        Throwable outer = error;
        while (outer instanceof CompletionException && outer.getCause() != null) {
            outer = outer.getCause();
        }
        Throwable root = outer;
        for (int depth = 0; depth < 16 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause(); // bounded: a cause chain can loop (A -> B -> A)
        }
        return root == outer ? String.valueOf(outer) : outer.getClass().getSimpleName() + " caused by " + root;
    }

    /** A job's current run of failures; {@code logNow} says whether this failure is the one to summarise. */
    record Failing(Instant since, Instant lastLogged, int count, boolean logNow) {

        Failing again(Instant at) {
            boolean due = !at.isBefore(lastLogged.plus(REPEAT));
            return new Failing(since, due ? at : lastLogged, count + 1, due);
        }
    }
}
