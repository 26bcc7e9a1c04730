package dev.stride.roadmap.catalog;

/** A roadmap as it stands: its status and the document of its current version. */
public record PublishedRoadmap(String id, int version, Roadmap.Status status, RoadmapDocument document) {

    public boolean retired() {
        return status == Roadmap.Status.RETIRED;
    }
}
