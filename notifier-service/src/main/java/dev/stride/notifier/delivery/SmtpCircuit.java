package dev.stride.notifier.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this replica's sender sees the mail server answering. A send that fails without the server's verdict
 * (connection refused or reset, timeout, 421) opens the circuit: "SMTP down since". While it is open the sender does
 * not work through its backlog, each email failing on its own and backing off on its own; it makes one probe send
 * every {@code stride.delivery.probe-every}. The first send the server answers (250, or a refusal of its recipient,
 * which is also an answer) closes the circuit, and the emails the outage backed off become due at once.
 * A refusal of one recipient (4xx other than 421, 5xx) never opens it: the server is up.
 */
@ApplicationScoped
public class SmtpCircuit {

    private static final Logger LOG = Logger.getLogger(SmtpCircuit.class);

    /** What a finished send says about the server. */
    public enum Outcome {
        /** The server replied: 250, or a verdict on the recipient. */
        ANSWERED,
        /** No verdict: refused, reset, timed out, 421. */
        UNREACHABLE,
        /** Nothing reached the server (the email could not be rendered, the address is not one address). */
        NOT_SENT;

        public static Outcome of(SmtpFailure failure) {
            if (failure.connectionLevel()) {
                return UNREACHABLE;
            }
            return failure.replyCode() != null ? ANSWERED : NOT_SENT;
        }
    }

    /** What the sender may claim now. */
    public enum Admission { ALL, PROBE, NONE }

    private final Clock clock;
    private final Duration probeEvery;
    private Instant downSince;
    private Instant nextProbeAt;
    private boolean probing;

    @Inject
    public SmtpCircuit(Clock clock, DeliverySettings settings, MeterRegistry registry) {
        this(clock, settings.probeEvery(), registry);
    }

    SmtpCircuit(Clock clock, Duration probeEvery, MeterRegistry registry) {
        this.clock = clock;
        this.probeEvery = probeEvery;
        Gauge.builder("stride.delivery.smtp.down", this, circuit -> circuit.downSince().isPresent() ? 1 : 0)
                .description("1 while this replica's sender sees the mail server down and only probes it")
                .register(registry);
    }

    /** ALL while the server answers; while it is down, PROBE once every probe interval (one send), otherwise NONE. */
    public synchronized Admission admit() {
        if (downSince == null) {
            return Admission.ALL;
        }
        if (probing || clock.instant().isBefore(nextProbeAt)) {
            return Admission.NONE;
        }
        probing = true;
        return Admission.PROBE;
    }

    /** The admitted probe found nothing to send; the next due email may probe at once. */
    public synchronized void probeUnused() {
        probing = false;
    }

    /**
     * A send finished; {@code probe} if it was the probe. Returns since when the server was down if this outcome
     * closed the circuit: the caller then makes the emails the outage backed off due.
     */
    public synchronized Optional<Instant> finished(boolean probe, Outcome outcome, String reason) {
        Instant now = clock.instant();
        if (probe) {
            probing = false;
            nextProbeAt = now.plus(probeEvery);
        }
        if (outcome == Outcome.UNREACHABLE && downSince == null) {
            downSince = now;
            nextProbeAt = now.plus(probeEvery);
            LOG.warnf("SMTP down since %s (%s); probing it every %s until it answers", now, reason, probeEvery);
            return Optional.empty();
        }
        if (outcome == Outcome.ANSWERED && downSince != null) {
            Instant since = downSince;
            downSince = null;
            LOG.infof("SMTP answers again after %s down; backed-off emails are due now", Duration.between(since, now));
            return Optional.of(since);
        }
        return Optional.empty();
    }

    public synchronized Optional<Instant> downSince() {
        return Optional.ofNullable(downSince);
    }
}
