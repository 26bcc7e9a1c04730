package dev.stride.roadmap.catalog;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.RoadmapPublished;
import dev.stride.contracts.event.RoadmapRetired;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.infra.testing.KafkaTestConsumer;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class CatalogApiTest {

    private static final List<String> BUNDLED = List.of("ai-ml-engineer-12-months", "ai-ml-four-phases", "ml-career-seven-steps", "ml-mastery-path",
            "role-ml-engineer", "role-data-scientist", "role-ai-researcher", "role-computer-vision-engineer", "role-nlp-engineer",
            "transition-recent-graduate", "transition-career-changer", "transition-self-taught");

    @Inject
    BundledRoadmaps bundled;

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void theBundledRoadmapsAreListedWithTheirFigures() {
        given().when().get("/api/roadmaps").then().statusCode(200)
                .body("id", hasItems(BUNDLED.toArray(String[]::new)))
                .body("find { it.id == 'ai-ml-engineer-12-months' }.title", equalTo("AI/ML engineer in 12 months"))
                .body("find { it.id == 'ai-ml-engineer-12-months' }.totalHours", equalTo(266))
                .body("find { it.id == 'ai-ml-engineer-12-months' }.milestoneCount", equalTo(47))
                .body("find { it.id == 'ai-ml-engineer-12-months' }.suggestedWeeklyHours.min", equalTo(5))
                .body("find { it.id == 'ai-ml-engineer-12-months' }.suggestedWeeklyHours.max", equalTo(10));
    }

    @Test
    void oneRoadmapShowsItsPhasesAndMilestones() {
        given().when().get("/api/roadmaps/ai-ml-engineer-12-months").then().statusCode(200)
                .body("phases", hasSize(5))
                .body("phases[0].months.from", equalTo(0))
                .body("phases.milestones.flatten().kind.unique().sort()", contains("career", "learn", "practice", "project"))
                .body("phases.milestones.flatten().findAll { it.steps != null }.size()", equalTo(2));
    }

    @Test
    void anUnknownRoadmapIsAProblem() {
        given().when().get("/api/roadmaps/no-such-roadmap").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("Roadmap 'no-such-roadmap' does not exist."));
    }

    @Test
    void theBundledRoadmapsLoadOnceHoweverOftenTheServiceStarts() {
        bundled.onStart(null);
        bundled.onStart(null);

        for (String id : BUNDLED) {
            assertThat(TestSupport.count("SELECT count(*) FROM roadmap_version WHERE roadmap_id = ?1", id)).as(id).isEqualTo(1);
            assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'RoadmapPublished'", id))
                    .as(id).isEqualTo(1);
        }
    }

    @Test
    void theAdminApiNeedsCredentialsAndTheAdminRole() {
        given().contentType(ContentType.JSON).body(roadmapJson("x-" + shortId(), "a", "b")).when().post("/admin/roadmaps").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").contentType(ContentType.JSON).body(roadmapJson("x-" + shortId(), "a", "b"))
                .when().post("/admin/roadmaps").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-viewer-password").contentType(ContentType.JSON).body(roadmapJson("x-" + shortId(), "a", "b"))
                .when().post("/admin/roadmaps").then().statusCode(403);
        given().auth().preemptive().basic("viewer", "test-viewer-password").when().get("/admin/roadmaps").then().statusCode(200)
                .body("id", hasItems(BUNDLED.toArray(String[]::new)));
        given().auth().preemptive().basic("viewer", "test-viewer-password").when().post("/admin/roadmaps/ai-ml-four-phases/retire").then().statusCode(403);
    }

    @Test
    void publishingEmitsTheFullOrderedMilestoneListAndRetiringEmitsRetired() {
        String id = "test-roadmap-" + shortId();
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.ROADMAP_EVENTS, StrideEvents.CODEC)) {
            admin().body(roadmapJson(id, "first-steps", "second-steps")).when().post("/admin/roadmaps").then().statusCode(201)
                    .body("version", equalTo(1));
            admin().body(roadmapJson(id, "second-steps", "third-steps")).when().post("/admin/roadmaps/" + id + "/versions").then().statusCode(201)
                    .body("version", equalTo(2));
            admin().when().post("/admin/roadmaps/" + id + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"));

            List<KafkaTestConsumer.Received> received = events.await(KafkaTestConsumer.key(id), 3, Duration.ofSeconds(30));
            assertThat(received).extracting(KafkaTestConsumer.Received::type).containsExactly("RoadmapPublished", "RoadmapPublished", "RoadmapRetired");
            RoadmapPublished first = (RoadmapPublished) received.get(0).data();
            RoadmapPublished second = (RoadmapPublished) received.get(1).data();
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.milestones()).extracting(RoadmapPublished.Milestone::id).containsExactly("first-steps", "second-steps");
            assertThat(second.milestones()).extracting(RoadmapPublished.Milestone::id).containsExactly("second-steps", "third-steps");
            assertThat(second.milestones().get(0).hours()).isEqualByComparingTo("20");
            assertThat(second.milestones().get(0).phaseTitle()).isEqualTo("Only phase");
            assertThat(((RoadmapRetired) received.get(2).data()).lastVersion()).isEqualTo(2);
            assertThat(received.get(0).headers()).containsEntry("ce_type", "dev.stride.RoadmapPublished").containsEntry("ce_subject", id);
        }
        admin().body(roadmapJson(id, "a", "b")).when().post("/admin/roadmaps/" + id + "/versions").then().statusCode(409);
        given().contentType(ContentType.JSON).body(TestSupport.subscribeJson(TestSupport.uniqueEmail("retired"), id, TestSupport.today(clock)))
                .when().post("/api/subscriptions").then().statusCode(400).body("errors.field", contains("roadmapId"));
    }

    @Test
    void anInvalidRoadmapIsRefusedNamingEachField() {
        String id = "bad-" + shortId();
        String json = roadmapJson(id, "same", "same").replace("\"hours\": 20", "\"hours\": 0.3").replace("\"kind\": \"learn\"", "\"kind\": \"nap\"");

        admin().body(json).when().post("/admin/roadmaps").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("phases[0].milestones[1].id", "phases[0].milestones[0].hours", "phases[0].milestones[0].kind"));
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap WHERE id = ?1", id)).isZero();
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1", id)).isZero();
    }

    @Test
    void progressOnAKeptMilestoneIdSurvivesARevision() {
        String id = "kept-" + shortId();
        admin().body(roadmapJson(id, "keep-me", "drop-me")).when().post("/admin/roadmaps").then().statusCode(201);
        UUID subscription = TestSupport.subscribed(TestSupport.uniqueEmail("kept"), id, clock, links);
        TestSupport.as(subscription, links).body("{\"state\": \"DONE\"}").when().put("/api/subscriptions/" + subscription + "/milestones/keep-me")
                .then().statusCode(200);

        admin().body(roadmapJson(id, "new-one", "keep-me")).when().post("/admin/roadmaps/" + id + "/versions").then().statusCode(201);

        TestSupport.as(subscription, links).when().get("/api/subscriptions/" + subscription).then().statusCode(200)
                .body("progress.milestoneId", contains("new-one", "keep-me"))
                .body("progress.state", contains("TODO", "DONE"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A one-phase roadmap of two 20-hour milestones: 40 h, i.e. 2 months at 5 h a week. */
    static String roadmapJson(String id, String firstMilestone, String secondMilestone) {
        return """
                {"id": "%s", "title": "Test roadmap", "summary": "For tests.", "durationMonths": 2,
                 "suggestedWeeklyHours": {"min": 5, "max": 10},
                 "phases": [{"id": "only", "title": "Only phase", "summary": "Everything.", "milestones": [
                   {"id": "%s", "title": "First", "description": "Do it.", "kind": "learn", "hours": 20, "doneWhen": "Done."},
                   {"id": "%s", "title": "Second", "description": "Do more.", "kind": "project", "hours": 20, "doneWhen": "Done too."}]}]}"""
                .formatted(id, firstMilestone, secondMilestone);
    }
}
