package dev.stride.reminder.scheduling;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.Learner;
import dev.stride.contracts.event.MeasurementChanged;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.NudgeOutcome;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.learning.Eligibility;
import dev.stride.contracts.learning.Holdout;
import dev.stride.contracts.learning.NudgeState;
import dev.stride.contracts.learning.NudgeVariant;
import dev.stride.contracts.learning.Reward;
import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.reminder.ReminderTestSupport;
import dev.stride.reminder.learning.LearningSettings;
import dev.stride.reminder.learning.VariantChooser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dev.stride.reminder.ReminderTestSupport.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variant chosen at dispatch (sampled among the eligible, the holdout, the opt-out, a roadmap learning is off for), recorded
 * on the ledger row and carried by the NudgeDue; and the posterior learning from NudgeOutcome events on the real broker.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class LearningNudgeTest {

    /** The one roadmap id %test turns learning off for (application.properties). */
    private static final String OFF_ROADMAP = "learning-off-roadmap";

    @Inject
    AdjustableClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Inject
    LearningSettings settings;

    @Inject
    MeterRegistry registry;

    @Test
    void aWeeklyNudgeCarriesAnEligibleSampledVariantAndItsOutcomeUpdatesThePosteriorOnce() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap, false);
        NudgeDue due = NudgeSteps.dispatchOne(id, clock, dispatcher, em);

        NudgeState state = NudgeState.of(due);
        assertThat(Eligibility.of(state)).as("the test roadmap's steps and finish date wake more than the default").hasSizeGreaterThan(1);
        assertThat(due.variant().reason()).isEqualTo(NudgeVariant.Reason.SAMPLED.name());
        assertThat(due.variant().holdout()).isFalse();
        NudgeVariant variant = NudgeVariant.byId(due.variant().id()).orElseThrow();
        assertThat(Eligibility.of(state)).contains(variant);
        Nudge row = row(due.nudgeId());
        assertThat(row.variant).isEqualTo(variant.id());
        assertThat(row.variantReason).isEqualTo("SAMPLED");
        assertThat(row.holdout).isFalse();
        assertThat(row.context).isEqualTo(state.context());

        double reward = Reward.of(105, 210, false);
        EventEnvelope<NudgeOutcome> outcome = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(), outcome(due, false, reward), clock);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), outcome);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), outcome);
        // Another outcome of the same nudge (a new event id): the nudge has had its outcome.
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), outcome(due, false, 1.0), clock);
        afterEverythingBefore(id);

        assertThat(posteriors(roadmap)).containsExactly(List.of(state.context(), variant.id(), 1 + reward, 1 + (1 - reward)));
        assertThat(row(due.nudgeId()).outcomeReward).isEqualTo(reward);
    }

    @Test
    void aLearnerInTheHoldoutGetsTheDefaultAndTheirOutcomeLeavesThePosteriorAlone() {
        String roadmap = ReminderTestSupport.publishRoadmap(5, 2, clock);
        UUID id = activate(roadmap, true);
        NudgeDue due = NudgeSteps.dispatchOne(id, clock, dispatcher, em);
        assertThat(due.variant()).isEqualTo(new NudgeDue.Variant("next-step", "HOLDOUT", true));
        assertThat(row(due.nudgeId()).holdout).isTrue();

        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), outcome(due, true, 1.0), clock);
        afterEverythingBefore(id);
        assertThat(row(due.nudgeId()).outcomeReward).as("the outcome was applied").isEqualTo(1.0);
        assertThat(posteriors(roadmap)).as("but measures the lift only").isEmpty();
    }

    @Test
    void aLearnerWhoOptedOutOfMeasurementGetsTheDefault() {
        UUID id = activate(ReminderTestSupport.publishRoadmap(5, 2, clock), false);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new MeasurementChanged(id, false, clock.instant()), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND NOT measured", id);

        double counted = optedOutCount();
        NudgeDue due = NudgeSteps.dispatchOne(id, clock, dispatcher, em);
        assertThat(due.variant()).isEqualTo(new NudgeDue.Variant("next-step", "OPTED_OUT", false));
        assertThat(row(due.nudgeId())).extracting(n -> n.variant, n -> n.variantReason).containsExactly("next-step", "OPTED_OUT");
        assertThat(optedOutCount()).as("stride_nudge_variants_total{variant=next-step,reason=OPTED_OUT}").isEqualTo(counted + 1);
    }

    @Test
    void aRoadmapLearningIsOffForGetsTheDefault() {
        assertThat(settings.onFor(OFF_ROADMAP)).isFalse();
        ReminderTestSupport.send(Topics.ROADMAP_EVENTS, OFF_ROADMAP, ReminderTestSupport.roadmap(OFF_ROADMAP, 1, 5, 2), clock);
        UUID id = activate(OFF_ROADMAP, false);

        NudgeDue due = NudgeSteps.dispatchOne(id, clock, dispatcher, em);
        assertThat(due.variant()).isEqualTo(new NudgeDue.Variant("next-step", "LEARNING_OFF", false));
        assertThat(row(due.nudgeId()).variantReason).isEqualTo("LEARNING_OFF");
    }

    /** Activates a subscription whose id is in (or out of) the configured holdout, and waits for its first pending nudge. */
    private UUID activate(String roadmap, boolean inHoldout) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (Holdout.contains(id, settings.holdoutShare()) != inHoldout);
        ReminderTestSupport.activate(id, new Learner("l-" + id + "@example.org", "Lee", "en"), roadmap, PLAN, ReminderTestSupport.today(clock), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM nudge WHERE subscription_id = ?1 AND status = 'PENDING'", id);
        return id;
    }

    private NudgeOutcome outcome(NudgeDue due, boolean holdout, double reward) {
        Instant sent = clock.instant();
        return new NudgeOutcome(due.nudgeId(), due.subscriptionId(), due.roadmapId(), due.variant().id(), holdout, sent, sent.plus(Reward.WINDOW),
                1, 45, 210, 2, false, reward);
    }

    /** A marker after the events sent so far, on the same key (so the same partition, in order): once it is applied, so are they. */
    private void afterEverythingBefore(UUID id) {
        Instant at = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        ReminderTestSupport.send(Topics.SUBSCRIPTION_EVENTS, id.toString(), new MeasurementChanged(id, true, at), clock);
        ReminderTestSupport.awaitCount(1, "SELECT count(*) FROM subscription_projection WHERE subscription_id = ?1 AND measured_at = ?2", id, at.atOffset(ZoneOffset.UTC));
    }

    private double optedOutCount() {
        Counter counter = registry.find("stride.nudge.variants").tags("variant", "next-step", "reason", "OPTED_OUT").counter();
        return counter == null ? 0 : counter.count();
    }

    private Nudge row(UUID nudgeId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("from Nudge where nudgeId = ?1", Nudge.class)
                .setParameter(1, nudgeId).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> posteriors(String roadmap) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                        "SELECT context, variant, alpha, beta FROM variant_posterior WHERE roadmap_id = ?1")
                .setParameter(1, roadmap).getResultList()).stream().map(List::of).toList());
    }
}
