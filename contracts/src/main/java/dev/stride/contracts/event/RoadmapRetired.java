package dev.stride.contracts.event;

/** A roadmap takes no new learners and its pending nudges are cancelled. Key: roadmap id. */
public record RoadmapRetired(String roadmapId, int lastVersion) implements DomainEvent {
}
