package dev.stride.notifier.messaging;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.SubscriptionRequested;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.ReceivedEmail;
import dev.stride.notifier.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email request with a Stride link to another host than the public base URL is never sent: it lands on the
 * dead-letter topic, the consumer goes on with the next record, and a counter says how many were refused.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ForeignLinkTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aNudgeWithALinkToAnotherHostIsDeadLetteredAndTheNextNudgeIsStillSent() {
        TestEvents.Nudge foreign = TestEvents.nudge(TestEvents.uniqueEmail("foreign-link"));
        NudgeDue good = foreign.build();
        NudgeDue.NudgeLinks links = good.links();
        // A lookalike host: it starts with the base URL's text but is another site.
        NudgeDue tampered = new NudgeDue(good.nudgeId(), good.subscriptionId(), good.kind(), good.learner(), good.zone(), good.roadmapId(),
                good.roadmapTitle(), good.weekNumber(), good.weekStart(), good.weekEnd(), good.dueAt(), good.sessions(), good.focus(),
                good.progress(), good.aheadMinutes(), good.projectedFinish(), good.streakWeeks(), good.cadence(),
                new NudgeDue.NudgeLinks(links.skipWeek(), "https://stride.example.attacker.org/actions/snooze", links.pause(),
                        links.manage(), links.unsubscribe(), links.calendar(), links.replan()));
        EventEnvelope<NudgeDue> envelope = TestEvents.envelope(foreign.subscriptionId(), tampered);
        TestEvents.Nudge after = TestEvents.nudge(TestEvents.uniqueEmail("after-foreign-link"));
        double before = rejected("NudgeDue");

        TestEvents.publishNudge(envelope);
        TestEvents.publishNudge(after.envelope());

        assertThat(ReceivedEmail.awaitMessagesTo(after.email(), 1)).hasSize(1);
        assertThat(DeadLetterTest.awaitDeadLetters(Topics.deadLetter(Topics.NUDGE_EVENTS), foreign.subscriptionId().toString(), 1)).hasSize(1);
        assertThat(rejected("NudgeDue")).isEqualTo(before + 1);
        ReceivedEmail.awaitNoMoreThan(foreign.email(), 0);
    }

    @Test
    void aConfirmationRequestWithALinkToAnotherHostIsDeadLettered() {
        UUID subscription = UUID.randomUUID();
        String email = TestEvents.uniqueEmail("foreign-confirm");
        SubscriptionRequested good = TestEvents.subscriptionRequested(subscription, email, "en", "America/New_York");
        SubscriptionRequested tampered = new SubscriptionRequested(good.subscriptionId(), good.learner(), good.roadmapId(), good.roadmapTitle(),
                good.plan(), good.startDate(), "http://attacker.example/confirm/token", good.confirmBy(),
                good.manageUrl(), good.notMeUrl());
        double before = rejected("SubscriptionRequested");

        TestEvents.publishSubscriptionEvent(TestEvents.envelope(subscription, tampered));

        assertThat(DeadLetterTest.awaitDeadLetters(Topics.deadLetter(Topics.SUBSCRIPTION_EVENTS), subscription.toString(), 1)).hasSize(1);
        assertThat(rejected("SubscriptionRequested")).isEqualTo(before + 1);
        assertThat(ReceivedEmail.messagesTo(email)).isEmpty();
    }

    private double rejected(String type) {
        Counter counter = registry.find("stride.notifier.rejected.links").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }
}
