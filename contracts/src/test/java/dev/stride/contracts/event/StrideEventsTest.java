package dev.stride.contracts.event;

import dev.stride.pacing.NudgeMoment;
import dev.stride.pacing.PaceBaseline;
import dev.stride.pacing.ProgressState;
import dev.stride.pacing.StudySlot;
import dev.stride.pacing.WeeklyPlan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrideEventsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final WeeklyPlan PLAN = new WeeklyPlan(ZoneId.of("America/New_York"),
            List.of(new StudySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 30), 120), new StudySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90)),
            new NudgeMoment(DayOfWeek.MONDAY, LocalTime.of(7, 30)));

    @Test
    void subscriptionEventsRoundTripWithTheirPlan() {
        UUID id = UUID.randomUUID();
        Learner learner = new Learner("ada@example.org", "Ada", "en");
        List<DomainEvent> events = List.of(
                new SubscriptionActivated(id, learner, "ai-ml-engineer-12-months", 1, PLAN, LocalDate.of(2026, 11, 23), CLOCK.instant()),
                new MilestoneProgressed(id, "python-basics", ProgressState.DONE, LocalDate.of(2026, 11, 21), CLOCK.instant(), null),
                new MilestoneProgressed(id, "numpy", ProgressState.IN_PROGRESS, LocalDate.of(2026, 11, 21), CLOCK.instant(), 90),
                new PlanChanged(id, PLAN, null),
                new PlanChanged(id, PLAN, new PaceBaseline(LocalDate.of(2026, 11, 16), 420)),
                new SubscriptionActivated(id, learner, "ai-ml-engineer-12-months", 1, PLAN, LocalDate.of(2026, 11, 23), CLOCK.instant(),
                        List.of("kaggle", "fastai")),
                new PlanChanged(id, PLAN, null, List.of("fastai")),
                new PaceReset(id, new PaceBaseline(LocalDate.of(2026, 11, 21), 300)),
                new Unsubscribed(id, learner, "ai-ml-engineer-12-months", "AI/ML engineer in 12 months", "https://x/roadmaps/a", CLOCK.instant(), null));

        for (DomainEvent event : events) {
            EventEnvelope<DomainEvent> sent = EventEnvelope.wrap(StrideEvents.CATALOG, id.toString(), event, CLOCK);
            assertThat(StrideEvents.CODEC.decode(StrideEvents.CODEC.encode(sent))).isEqualTo(sent);
        }
    }

    @Test
    void aPlanIsWrittenAsZoneIdAndLocalTimes() {
        String json = new String(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "s", new PlanChanged(UUID.randomUUID(), PLAN, null), CLOCK)),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"zone\":\"America/New_York\"")
                .contains("{\"day\":\"TUESDAY\",\"start\":\"18:00:00\",\"minutes\":90}")
                .contains("\"nudge\":{\"day\":\"MONDAY\",\"time\":\"07:30:00\"}");
    }

    @Test
    void aPlanThatBreaksTheRulesIsUnreadableNotHalfRead() {
        String json = new String(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "s", new PlanChanged(UUID.randomUUID(), PLAN, null), CLOCK)),
                StandardCharsets.UTF_8).replace("\"minutes\":90", "\"minutes\":900");

        assertThatThrownBy(() -> StrideEvents.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("unreadable PlanChanged");
    }

    @Test
    void eventsWrittenBeforeBaselinesAndLoggedHoursStillReadAsNone() {
        UUID id = UUID.randomUUID();
        String plan = new String(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "s", new PlanChanged(id, PLAN, null), CLOCK)),
                StandardCharsets.UTF_8).replace(",\"baseline\":null", "").replace(",\"choices\":null", "");
        String activated = new String(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "s", new SubscriptionActivated(id,
                new Learner("ada@example.org", "Ada", "en"), "r", 1, PLAN, LocalDate.of(2026, 11, 23), CLOCK.instant()), CLOCK)),
                StandardCharsets.UTF_8).replace(",\"choices\":null", "");
        String progress = new String(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "s",
                new MilestoneProgressed(id, "numpy", ProgressState.DONE, LocalDate.of(2026, 11, 21), CLOCK.instant(), null), CLOCK)),
                StandardCharsets.UTF_8).replace(",\"loggedMinutes\":null", "");

        assertThat(plan).doesNotContain("baseline").doesNotContain("choices");
        assertThat(activated).doesNotContain("choices");
        assertThat(((SubscriptionActivated) StrideEvents.CODEC.decode(activated.getBytes(StandardCharsets.UTF_8)).data()).choices()).isNull();
        assertThat(((PlanChanged) StrideEvents.CODEC.decode(plan.getBytes(StandardCharsets.UTF_8)).data()).choices()).isNull();
        assertThat(progress).doesNotContain("loggedMinutes");
        assertThat(((PlanChanged) StrideEvents.CODEC.decode(plan.getBytes(StandardCharsets.UTF_8)).data()).baseline()).isNull();
        assertThat(((MilestoneProgressed) StrideEvents.CODEC.decode(progress.getBytes(StandardCharsets.UTF_8)).data()).loggedMinutes()).isNull();
    }

    @Test
    void aRoadmapCarriesItsTranslationsAndOneWrittenBeforeThemReadsAsNone() {
        List<RoadmapPublished.Milestone> milestones = List.of(new RoadmapPublished.Milestone("m1", "Basics", "Learn", "p", "Phase", "learn",
                java.math.BigDecimal.ONE, "Done", List.of("Step"), List.of()));
        RoadmapPublished translated = new RoadmapPublished("r", 1, "Data", "S", 3, 3, 6, milestones, null, null,
                java.util.Map.of("de", java.util.Map.of("title", "Daten", "milestone.m1.steps.0", "Schritt")));
        String old = new String(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "r",
                new RoadmapPublished("r", 1, "Data", "S", 3, 3, 6, milestones), CLOCK)), StandardCharsets.UTF_8)
                .replace(",\"translations\":null", "");

        assertThat(StrideEvents.CODEC.decode(StrideEvents.CODEC.encode(EventEnvelope.wrap(StrideEvents.CATALOG, "r", translated, CLOCK))).data())
                .isEqualTo(translated);
        assertThat(old).doesNotContain("translations");
        assertThat(((RoadmapPublished) StrideEvents.CODEC.decode(old.getBytes(StandardCharsets.UTF_8)).data()).translations()).isNull();
    }
}
