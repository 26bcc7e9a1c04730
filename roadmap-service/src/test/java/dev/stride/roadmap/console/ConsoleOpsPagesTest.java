package dev.stride.roadmap.console;

import dev.stride.contracts.Topics;
import dev.stride.contracts.event.DeliveryFailed;
import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.KafkaSupport;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The console's drafts, dead letters and completion funnel, through the services the admin API uses, on real infrastructure. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleOpsPagesTest {

    @Inject
    Clock clock;

    @Inject
    Links links;

    @Inject
    AgroalDataSource database;

    @Inject
    EngagementFigures figures;

    @Test
    void draftsAreListedCheckedPublishedAndDeletedAndTheFunnelCountsFinishedPhases() throws SQLException {
        String id = "console-" + UUID.randomUUID().toString().substring(0, 8);
        saveDraft(id, roadmap(id).replace("\"minutesPerWeek\": 60", "\"minutesPerWeek\": 900"));
        ConsoleTest.admin().when().get("/admin/console/drafts").then().statusCode(200).body(containsString(id), containsString("no: 1 problem(s)"));
        ConsoleTest.admin().when().get("/admin/console/drafts/" + id).then().statusCode(200)
                .body(containsString("phases[0].habits[0].minutesPerWeek"), not(containsString(">Publish<")));
        ConsoleTest.admin().when().post("/admin/console/drafts/" + id + "/publish").then().statusCode(422);

        saveDraft(id, roadmap(id));
        ConsoleTest.admin().when().get("/admin/console/drafts/" + id).then().statusCode(200).body(containsString("Valid"), containsString("/draft/preview"));
        ConsoleTest.admin().when().post("/admin/console/drafts/" + id + "/publish").then().statusCode(200)
                .body(containsString("Published " + id + " as version 1"));
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap WHERE id = ?1", id)).isEqualTo(1);
        saveDraft(id, roadmap(id));
        ConsoleTest.admin().when().post("/admin/console/drafts/" + id + "/delete").then().statusCode(200).body(containsString("Deleted the draft"));
        assertThat(TestSupport.count("SELECT count(*) FROM roadmap_draft WHERE roadmap_id = ?1", id)).isZero();
        ConsoleTest.admin().when().post("/admin/console/drafts/" + id + "/delete").then().statusCode(404);

        Seeds seeds = new Seeds(database);
        UUID basics = TestSupport.subscribed(TestSupport.uniqueEmail("funnel-basics"), id, clock, links);
        UUID build = TestSupport.subscribed(TestSupport.uniqueEmail("funnel-build"), id, clock, links);
        done(seeds, basics, "python", "DONE");
        done(seeds, basics, "numpy", "SKIPPED");
        done(seeds, build, "python", "DONE");
        done(seeds, build, "capstone-alt", "DONE");

        EngagementDashboard.RoadmapFunnel funnel = figures.funnels().stream().filter(f -> f.roadmapId().equals(id)).findFirst().orElseThrow();
        assertThat(funnel.subscriptions()).isEqualTo(2);
        assertThat(funnel.phases()).containsExactly(new EngagementDashboard.PhaseCount("basics", "Basics", 1),
                new EngagementDashboard.PhaseCount("build", "Build", 1));
    }

    @Test
    void deadLettersAreListedShownAndReplayedFromTheConsole() {
        String topic = "console-dlq-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = Topics.deadLetter(topic);
        KafkaSupport.createTopics(List.of(topic, dlq), 1);
        for (int i = 0; i < 2; i++) {
            EventEnvelope<DeliveryFailed> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, "key-" + i, new DeliveryFailed(UUID.randomUUID(),
                    EmailKind.NUDGE, UUID.randomUUID(), "550 5.1.1 user unknown", true, 1, clock.instant()), clock);
            KafkaSupport.deadLetter(dlq, 0, envelope, topic, "database unavailable");
        }

        ConsoleTest.admin().when().get("/admin/console/dlq").then().statusCode(200).body(containsString(dlq), containsString("Replay 2"));
        ConsoleTest.admin().when().get("/admin/console/dlq/" + dlq).then().statusCode(200)
                .body(containsString("database unavailable"), containsString("DeliveryFailed"));
        ConsoleTest.admin().when().post("/admin/console/dlq/" + dlq + "/replay").then().statusCode(200)
                .body(containsString("Replayed 2 record(s) from " + dlq));
        ConsoleTest.admin().when().post("/admin/console/dlq/" + dlq + "/replay").then().statusCode(200)
                .body(containsString("Replayed 0 record(s) from " + dlq));
        ConsoleTest.admin().when().get("/admin/console/dlq/not-a-dead-letter-topic").then().statusCode(400).body(containsString("topic"));
    }

    private static void saveDraft(String id, String json) {
        ConsoleTest.admin().contentType(ContentType.JSON).body(json).when().put("/admin/roadmaps/" + id + "/draft").then().statusCode(200);
    }

    private static void done(Seeds seeds, UUID subscription, String milestone, String state) throws SQLException {
        seeds.execute("INSERT INTO milestone_progress (subscription_id, milestone_id, state, updated_at, updated_on, logged_minutes) "
                + "VALUES (?, ?, ?, now(), current_date, 0) ON CONFLICT (subscription_id, milestone_id) DO UPDATE SET state = EXCLUDED.state",
                subscription, milestone, state);
    }

    /** Two phases: "basics" (python, numpy) and "build" (one of two capstones), as the authoring tests write them. */
    private static String roadmap(String id) {
        return """
                {"id": "%s", "title": "Console test", "summary": "For tests.", "durationMonths": 2,
                 "suggestedWeeklyHours": {"min": 5, "max": 10}, "next": ["ai-ml-four-phases"], "roles": ["ml-engineer"],
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
                     "doneWhen": "Done.", "chooseOne": "capstone-choice"}]}]}""".formatted(id);
    }
}
