package dev.stride.notifier.delivery;

import dev.stride.contracts.time.AdjustableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;

import static dev.stride.notifier.delivery.SmtpCircuit.Admission.ALL;
import static dev.stride.notifier.delivery.SmtpCircuit.Admission.NONE;
import static dev.stride.notifier.delivery.SmtpCircuit.Admission.PROBE;
import static dev.stride.notifier.delivery.SmtpCircuit.Outcome.ANSWERED;
import static dev.stride.notifier.delivery.SmtpCircuit.Outcome.NOT_SENT;
import static dev.stride.notifier.delivery.SmtpCircuit.Outcome.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

class SmtpCircuitTest {

    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2027-03-08T07:30:00Z"), ZoneOffset.UTC));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SmtpCircuit circuit = new SmtpCircuit(clock, Duration.ofSeconds(5), registry);

    @Test
    void anUnreachableServerOpensTheCircuitAndOnlyOneProbeGoesOutPerInterval() {
        assertThat(circuit.admit()).isEqualTo(ALL);
        Instant down = clock.instant();
        assertThat(circuit.finished(false, UNREACHABLE, "ConnectException")).isEmpty();

        assertThat(circuit.downSince()).contains(down);
        assertThat(gauge()).isEqualTo(1);
        assertThat(circuit.admit()).isEqualTo(NONE);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(circuit.admit()).isEqualTo(NONE);
        clock.advance(Duration.ofMillis(1));
        assertThat(circuit.admit()).isEqualTo(PROBE);
        assertThat(circuit.admit()).as("one probe at a time").isEqualTo(NONE);

        clock.advance(Duration.ofSeconds(20));
        assertThat(circuit.admit()).as("still probing: the probe has not finished").isEqualTo(NONE);
        assertThat(circuit.finished(true, UNREACHABLE, "timeout")).isEmpty();
        assertThat(circuit.downSince()).as("down since the first failure").contains(down);
        assertThat(circuit.admit()).isEqualTo(NONE);
        clock.advance(Duration.ofSeconds(5));
        assertThat(circuit.admit()).isEqualTo(PROBE);
    }

    @Test
    void theFirstAnsweredSendClosesTheCircuitAndSaysSinceWhenItWasDown() {
        Instant down = clock.instant();
        circuit.finished(false, UNREACHABLE, "ConnectException");
        clock.advance(Duration.ofSeconds(5));
        assertThat(circuit.admit()).isEqualTo(PROBE);

        assertThat(circuit.finished(true, ANSWERED, "250")).contains(down);

        assertThat(circuit.downSince()).isEmpty();
        assertThat(circuit.admit()).isEqualTo(ALL);
        assertThat(gauge()).isZero();
        assertThat(circuit.finished(false, ANSWERED, "250")).as("closing twice releases once").isEmpty();
    }

    @Test
    void aProbeWithNothingToSendLetsTheNextEmailProbeAtOnce() {
        circuit.finished(false, UNREACHABLE, "ConnectException");
        clock.advance(Duration.ofSeconds(5));
        assertThat(circuit.admit()).isEqualTo(PROBE);

        circuit.probeUnused();

        assertThat(circuit.admit()).isEqualTo(PROBE);
    }

    @Test
    void aRefusalOfOneRecipientIsAnAnswerAndNeverOpensTheCircuit() {
        assertThat(SmtpCircuit.Outcome.of(new SmtpFailure(true, 550, "recipient address not accepted: 550 5.1.1 no such user", true))).isEqualTo(ANSWERED);
        assertThat(SmtpCircuit.Outcome.of(new SmtpFailure(false, 451, "recipient address not accepted: 451 4.7.1 greylisted", false))).isEqualTo(ANSWERED);
        assertThat(SmtpCircuit.Outcome.of(new SmtpFailure(false, 421, "421 4.3.2 service not available", false))).isEqualTo(UNREACHABLE);
        assertThat(SmtpCircuit.Outcome.of(SmtpFailure.of(new TimeoutException()))).isEqualTo(UNREACHABLE);
        assertThat(SmtpCircuit.Outcome.of(SmtpFailure.permanent("cannot render the email"))).isEqualTo(NOT_SENT);

        circuit.finished(false, ANSWERED, "550");
        circuit.finished(false, NOT_SENT, "cannot render");

        assertThat(circuit.downSince()).isEmpty();
        assertThat(circuit.admit()).isEqualTo(ALL);
    }

    @Test
    void anEmailThatWasNeverSentNeitherOpensNorClosesTheCircuit() {
        circuit.finished(false, UNREACHABLE, "ConnectException");

        assertThat(circuit.finished(false, NOT_SENT, "cannot render")).isEmpty();

        assertThat(circuit.downSince()).isPresent();
    }

    private double gauge() {
        return registry.get("stride.delivery.smtp.down").gauge().value();
    }
}
