package dev.stride.roadmap.web;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The manage page's one checklist form: all milestones in one Save, all or nothing, the prerequisite notice, "what next". */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ChecklistFormTest {

    private static final String ROADMAP = "role-data-scientist";

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void oneSaveMarksThreeMilestonesAndEmitsTheSingleActionsEvents() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("checklist"), ROADMAP, clock, links);
        String page = page(id);
        given().when().get(page).then().statusCode(200)
                .body(containsString("id=\"checklist-form\""))
                .body(containsString("name=\"state.experiment-design\""))
                .body(containsString("0 of 6 milestones done"))
                .body(not(containsString("id=\"what-next\"")));

        form().formParam("state.experiment-design", "DONE").formParam("state.ab-test-analysis", "DONE")
                .formParam("state.causal-analysis", "DONE").formParam("state.decision-model", "TODO")
                .formParam("minutes.decision-model", "45")
                .when().post(page + "/checklist").then().statusCode(303)
                .header("Location", endsWith("#checklist")).header("Location", not(containsString("unmet")));

        given().when().get(page).then().statusCode(200).body(containsString("3 of 6 milestones done"))
                .body(containsString("45 min logged")).body(not(containsString("id=\"checklist-unmet\"")));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("progress.find { it.milestoneId == 'causal-analysis' }.state", equalTo("DONE"))
                .body("progress.find { it.milestoneId == 'decision-model' }.state", equalTo("IN_PROGRESS"))
                .body("progress.find { it.milestoneId == 'decision-model' }.loggedMinutes", equalTo(45));
        // The same events as three "mark done" actions and one "log minutes": one MilestoneProgressed each.
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = 'MilestoneProgressed'",
                id.toString())).isEqualTo(4);

        // Saving the unchanged form again emits nothing.
        form().formParam("state.experiment-design", "DONE").formParam("state.decision-model", "IN_PROGRESS")
                .when().post(page + "/checklist").then().statusCode(303);
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = 'MilestoneProgressed'",
                id.toString())).isEqualTo(4);
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("checklist-bad"), ROADMAP, clock, links);
        form().formParam("state.experiment-design", "DONE").formParam("state.ab-test-analysis", "FINISHED")
                .formParam("minutes.causal-analysis", "0").formParam("state.no-such-milestone", "DONE")
                .when().post(page(id) + "/checklist").then().statusCode(400)
                .body(containsString("state.ab-test-analysis"))
                .body(containsString("minutes.causal-analysis"))
                .body(containsString("state.no-such-milestone"));
        TestSupport.as(id, links).when().get("/api/subscriptions/" + id).then()
                .body("progress.find { it.milestoneId == 'experiment-design' }.state", equalTo("TODO"));
        assertThat(TestSupport.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = 'MilestoneProgressed'",
                id.toString())).isZero();
    }

    @Test
    void doneBeforeItsPrerequisitesIsKeptWithANoticeNamingThem() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("checklist-unmet"), ROADMAP, clock, links);
        String page = page(id);
        String location = form().formParam("state.decision-model", "DONE")
                .when().post(page + "/checklist").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("unmet=decision-model").endsWith("#checklist");
        location = location.substring(0, location.indexOf('#'));

        given().when().get(location).then().statusCode(200)
                .body(containsString("id=\"checklist-unmet\""))
                .body(containsString("“Analyse an A/B test robustly”"));
        // Once the prerequisite is done the same address says nothing any more.
        form().formParam("state.ab-test-analysis", "SKIPPED").when().post(page + "/checklist").then().statusCode(303);
        given().when().get(location).then().statusCode(200).body(not(containsString("id=\"checklist-unmet\"")));
    }

    @Test
    void aCompletedRoadmapSuggestsItsNextRoadmapsWithSubscribeLinksInTheLearnersLanguage() {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("checklist-next"), ROADMAP, clock, links);
        String page = page(id);
        form().formParam("state.experiment-design", "DONE").formParam("state.ab-test-analysis", "DONE")
                .formParam("state.causal-analysis", "DONE").formParam("state.decision-model", "DONE")
                .formParam("state.model-explainability", "DONE").formParam("state.insight-presentation", "SKIPPED")
                .when().post(page + "/checklist").then().statusCode(303);

        given().when().get(page).then().statusCode(200)
                .body(containsString("id=\"what-next\""))
                .body(containsString("href=\"/roadmaps/ai-ml-engineer-12-months?lang=en#subscribe\""))
                .body(containsString("href=\"/roadmaps/ml-career-seven-steps?lang=en#subscribe\""));
    }

    @Test
    void aGermanLearnerReadsTheNoticeAndWhatNextInGerman() {
        String email = TestSupport.uniqueEmail("checklist-de");
        UUID id = TestSupport.subscribe(email, ROADMAP, TestSupport.subscribeJson(email, ROADMAP, TestSupport.today(clock))
                .replace("\"locale\": \"en\"", "\"locale\": \"de\""));
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);
        String page = page(id);
        String location = form().formParam("state.decision-model", "DONE").formParam("state.model-explainability", "DONE")
                .formParam("state.insight-presentation", "DONE").when().post(page + "/checklist").then().statusCode(303)
                .extract().header("Location");
        given().when().get(location.substring(0, location.indexOf('#'))).then().statusCode(200)
                .body(containsString("<html lang=\"de\">"))
                .body(containsString("Checkliste speichern"))
                .body(containsString("Stand von Projekt: Ein Modell für eine Geschäftsentscheidung"))
                .body(containsString("Projekt: Ein Modell für eine Geschäftsentscheidung baut auf"))
                .body(not(containsString("id=\"what-next\"")));

        form().formParam("state.experiment-design", "SKIPPED").formParam("state.ab-test-analysis", "SKIPPED")
                .formParam("state.causal-analysis", "DONE").when().post(page + "/checklist").then().statusCode(303);
        given().when().get(page).then().statusCode(200)
                .body(containsString("Wie geht es weiter?"))
                .body(containsString("href=\"/roadmaps/ai-ml-engineer-12-months?lang=de#subscribe\""))
                .body(not(containsString("id=\"checklist-unmet\"")));
    }

    private String page(UUID id) {
        return "/manage/" + token(id);
    }

    private String token(UUID id) {
        return links.token(id, LinkPurpose.MANAGE, Optional.empty());
    }

    private static RequestSpecification form() {
        return given().redirects().follow(false).contentType(ContentType.URLENC);
    }
}
