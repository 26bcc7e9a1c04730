package dev.stride.roadmap.catalog;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Authoring through the admin API: validate only, drafts saved, read back, previewed, published and deleted. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class RoadmapAuthoringTest {

    @Inject
    BundledRoadmaps bundled;

    @Test
    void everyAuthoringCallNeedsAnOperator() {
        String id = "auth-" + shortId();
        given().contentType(ContentType.JSON).body(format2(id, "")).when().post("/admin/roadmaps/validate").then().statusCode(401);
        given().contentType(ContentType.JSON).body(format2(id, "")).when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(401);
        given().when().get("/admin/roadmaps/" + id + "/draft").then().statusCode(401);
        given().when().get("/admin/roadmaps/" + id + "/draft/preview").then().statusCode(401);
        given().when().post("/admin/roadmaps/" + id + "/draft/publish").then().statusCode(401);
        given().when().delete("/admin/roadmaps/" + id + "/draft").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "test-viewer-password").contentType(ContentType.JSON).body(format2(id, ""))
                .when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(403);
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap_draft WHERE roadmap_id = ?1", id)).isZero();
    }

    @Test
    void validateOnlyAnswersTheFiguresOrEveryBadFieldAndStoresNothing() {
        String id = "validate-" + shortId();
        admin().body(format2(id, "")).when().post("/admin/roadmaps/validate").then().statusCode(200)
                .body("phases", equalTo(2)).body("milestones", equalTo(4)).body("milestonesInPlay", equalTo(3))
                .body("hoursInPlay", equalTo(40)).body("totalHours", equalTo(60)).body("habits", equalTo(1));

        String broken = format2(id, ", \"difficulty\": \"expert\"").replace("\"next\": [\"ai-ml-four-phases\"]", "\"next\": [\"no-such-roadmap\"]")
                .replace("\"requires\": [\"python\"]", "\"requires\": [\"python\", \"capstone\"]")
                .replace("{\"id\": \"python\",", "{\"id\": \"python\", \"requires\": [\"numpy\"],");
        admin().body(broken).when().post("/admin/roadmaps/validate").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stride.dev/problems/invalid-roadmap"))
                .body("errors.field", hasItems("difficulty", "next[0]", "phases[0].milestones[1].requires[1]", "phases[0].milestones[0].requires[0]"))
                .body("errors.find { it.field == 'phases[0].milestones[0].requires[0]' }.message",
                        equalTo("prerequisites go round in a circle: python -> numpy -> python"));

        assertThat(TestSupport.count("SELECT count(*) FROM roadmap WHERE id = ?1", id)).isZero();
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap_draft WHERE roadmap_id = ?1", id)).isZero();
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1", id)).isZero();
    }

    @Test
    void aDraftOfANewRoadmapIsSavedInvalidPreviewedAndPublishedAsVersionOne() {
        String id = "draft-" + shortId();
        String invalid = format2(id, "").replace("\"minutesPerWeek\": 60", "\"minutesPerWeek\": 900");
        admin().body(invalid).when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(200)
                .body("roadmapId", equalTo(id)).body("savedBy", equalTo("admin"))
                .body("errors.field", contains("phases[0].habits[0].minutesPerWeek"));
        admin().when().post("/admin/roadmaps/" + id + "/draft/publish").then().statusCode(422)
                .body("errors.field", contains("phases[0].habits[0].minutesPerWeek"));
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap WHERE id = ?1", id)).isZero();

        admin().body(format2(id, "")).when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(200).body("errors", empty());
        admin().when().get("/admin/roadmaps/" + id + "/draft").then().statusCode(200)
                .body("document.title", equalTo("Authoring test")).body("document.phases[1].milestones[1].chooseOne", equalTo("capstone-choice"))
                .body("errors", empty()).body("publishedVersion", equalTo(null));

        admin().when().get("/admin/roadmaps/" + id + "/draft/preview").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Draft — not published")).body(containsString("<h1>Authoring test</h1>"))
                .body(containsString("Python basics")).body(not(containsString("id=\"subscribe-form\"")));
        admin().queryParam("lang", "de").when().get("/admin/roadmaps/" + id + "/draft/preview").then().statusCode(200)
                .body(containsString("Entwurf – nicht veröffentlicht"));
        given().when().get("/roadmaps/" + id).then().statusCode(404);

        admin().when().post("/admin/roadmaps/" + id + "/draft/publish").then().statusCode(201).body("version", equalTo(1));
        admin().when().get("/admin/roadmaps/" + id + "/draft").then().statusCode(404);
        given().when().get("/api/roadmaps/" + id).then().statusCode(200).body("phases[0].milestones[0].id", equalTo("python"));
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'RoadmapPublished'", id)).isEqualTo(1);
    }

    @Test
    void aDraftOfAPublishedRoadmapBecomesItsNextVersionAndCanBeThrownAway() {
        String id = "revised-" + shortId();
        admin().body(format2(id, "")).when().post("/admin/roadmaps").then().statusCode(201).body("version", equalTo(1));
        admin().body(format2(id, "").replace("\"title\": \"Authoring test\"", "\"title\": \"Authoring test, revised\""))
                .when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(200).body("publishedVersion", equalTo(1));
        given().when().get("/api/roadmaps/" + id).then().body("title", equalTo("Authoring test"));

        admin().when().post("/admin/roadmaps/" + id + "/draft/publish").then().statusCode(201).body("version", equalTo(2));
        given().when().get("/api/roadmaps/" + id).then().body("title", equalTo("Authoring test, revised")).body("version", equalTo(2));

        admin().body(format2(id, "")).when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(200);
        admin().when().delete("/admin/roadmaps/" + id + "/draft").then().statusCode(204);
        admin().when().delete("/admin/roadmaps/" + id + "/draft").then().statusCode(404);
        admin().when().post("/admin/roadmaps/" + id + "/draft/publish").then().statusCode(404);
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap_version WHERE roadmap_id = ?1", id)).isEqualTo(2);
    }

    @Test
    void aDirectPublishNamingAnUnknownNextRoadmapIs422() {
        String id = "next-" + shortId();
        admin().body(format2(id, "").replace("\"ai-ml-four-phases\"", "\"ai-ml-four-phases\", \"not-in-catalog\""))
                .when().post("/admin/roadmaps").then().statusCode(422).body("errors.field", contains("next[1]"));
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap WHERE id = ?1", id)).isZero();
    }

    @Test
    void bundledRoadmapsMaySuggestEachOtherInAnyOrderButNotAnUnknownOne() throws Exception {
        String first = "bundle-a-" + shortId();
        String second = "bundle-b-" + shortId();
        String lonely = "bundle-c-" + shortId();
        bundled.importAll(List.of(bundledDocument(first, second), bundledDocument(second, first)));
        given().when().get("/api/roadmaps/" + first).then().statusCode(200);
        given().when().get("/api/roadmaps/" + second).then().statusCode(200);

        assertThatThrownBy(() -> bundled.importAll(List.of(bundledDocument(lonely, "missing-" + shortId()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("next[0]");
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap WHERE id = ?1", lonely)).isZero();
    }

    private static RoadmapDocument bundledDocument(String id, String next) throws Exception {
        String json = format2(id, "").replace("\"next\": [\"ai-ml-four-phases\"]", "\"next\": [\"" + next + "\"]");
        return RoadmapJson.fromYaml(json.getBytes(StandardCharsets.UTF_8)).withVersion(1);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Format 2: two phases, a habit, a prerequisite, a choice of two capstones (one in play): 40 h in play, 2 months at 5 h a week. */
    private static String format2(String id, String extra) {
        return """
                {"id": "%s", "title": "Authoring test", "summary": "For tests.", "durationMonths": 2,
                 "suggestedWeeklyHours": {"min": 5, "max": 10}, "next": ["ai-ml-four-phases"], "roles": ["ml-engineer"]%s,
                 "phases": [
                  {"id": "basics", "title": "Basics", "summary": "Python.",
                   "habits": [{"id": "papers", "title": "Read a paper", "minutesPerWeek": 60}],
                   "milestones": [
                    {"id": "python", "title": "Python basics", "description": "Learn it.", "kind": "learn", "hours": 10, "doneWhen": "Done."},
                    {"id": "numpy", "title": "NumPy", "description": "Arrays.", "kind": "practice", "hours": 10, "doneWhen": "Done.", "requires": ["python"]}]},
                  {"id": "build", "title": "Build", "summary": "A project.", "milestones": [
                    {"id": "capstone", "title": "Capstone", "description": "Build it.", "kind": "project", "hours": 20, "doneWhen": "Done.",
                     "chooseOne": "capstone-choice", "recommended": true},
                    {"id": "capstone-alt", "title": "Other capstone", "description": "Or this.", "kind": "project", "hours": 20,
                     "doneWhen": "Done.", "chooseOne": "capstone-choice"}]}]}"""
                .formatted(id, extra);
    }
}
