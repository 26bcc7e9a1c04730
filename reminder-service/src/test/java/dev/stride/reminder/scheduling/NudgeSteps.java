package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.reminder.ReminderTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the nudge tests that move the clock to a subscription's pending nudge and dispatch it. */
final class NudgeSteps {

    private NudgeSteps() {
    }

    /** Moves to just after the subscription's pending nudge, dispatches, and returns the one NudgeDue it got. */
    static NudgeDue dispatchOne(UUID id, AdjustableClock clock, Dispatcher dispatcher, EntityManager em) {
        try (KafkaTestConsumer nudges = new KafkaTestConsumer(Topics.NUDGE_EVENTS, StrideEvents.CODEC)) {
            Nudge nudge = pending(id, em);
            ReminderTestSupport.passDue(clock, nudge.dueAt);
            dispatcher.dispatchAll("test", Dispatcher.AfterPublish.NOTHING);
            List<KafkaTestConsumer.Received> received = nudges.await(
                    r -> r.key().equals(id.toString()) && ((NudgeDue) r.data()).nudgeId().equals(nudge.nudgeId), 1, Duration.ofSeconds(20));
            assertThat(received).hasSize(1);
            return (NudgeDue) received.get(0).data();
        }
    }

    /** The subscription's pending nudge (its next week). */
    static Nudge pending(UUID id, EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "from Nudge where key.subscriptionId = ?1 and status = ?2", Nudge.class)
                .setParameter(1, id).setParameter(2, Nudge.Status.PENDING).getResultStream().findFirst()
                .orElseThrow(() -> new AssertionError("no pending nudge for " + id)));
    }
}
