package dev.stride.contracts.event;

/** The catalog of every Stride event, by type name (the record's simple name) and current schema version. */
public final class StrideEvents {

    public static final EventCatalog CATALOG = EventCatalog.builder()
            .register("RoadmapPublished", 1, RoadmapPublished.class)
            .register("RoadmapRetired", 1, RoadmapRetired.class)
            .register("SubscriptionRequested", 1, SubscriptionRequested.class)
            .register("SubscriptionActivated", 1, SubscriptionActivated.class)
            .register("PlanChanged", 1, PlanChanged.class)
            .register("PaceReset", 1, PaceReset.class)
            .register("MilestoneProgressed", 1, MilestoneProgressed.class)
            .register("WeekSkipped", 1, WeekSkipped.class)
            .register("WeekUnskipped", 1, WeekUnskipped.class)
            .register("Snoozed", 1, Snoozed.class)
            .register("Paused", 1, Paused.class)
            .register("Resumed", 1, Resumed.class)
            .register("Unsubscribed", 1, Unsubscribed.class)
            .register("AddressSuppressed", 1, AddressSuppressed.class)
            .register("LearnerErased", 1, LearnerErased.class)
            .register("SignInRequested", 1, SignInRequested.class)
            .register("AddressChangeRequested", 1, AddressChangeRequested.class)
            .register("LearnerChanged", 1, LearnerChanged.class)
            .register("NudgeDue", 1, NudgeDue.class)
            .register("Delivered", 1, Delivered.class)
            .register("DeliveryFailed", 1, DeliveryFailed.class)
            .register("MeasurementChanged", 1, MeasurementChanged.class)
            .register("NudgeOutcome", 1, NudgeOutcome.class)
            .register("EmailResendRequested", 1, EmailResendRequested.class)
            .register("AddressUnsuppressed", 1, AddressUnsuppressed.class)
            .build();

    public static final EventCodec CODEC = new EventCodec(CATALOG);

    private StrideEvents() {
    }
}
