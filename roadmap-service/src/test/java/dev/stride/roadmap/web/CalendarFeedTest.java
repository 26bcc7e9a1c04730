package dev.stride.roadmap.web;

import dev.stride.contracts.calendar.StudyCalendar;
import dev.stride.contracts.link.LinkPurpose;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live calendar feed: valid iCalendar, stable UIDs, SEQUENCE raised on change, DST resolved per date, empty once ended. */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class CalendarFeedTest {

    private static final ZoneId NEW_YORK = ZoneId.of(TestSupport.ZONE);

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Test
    void theFeedListsTheComingSessionsAndUpdatesThemInPlace() throws Exception {
        UUID id = TestSupport.subscribed(TestSupport.uniqueEmail("feed"), TestSupport.ROADMAP, clock, links);
        String feed = "/calendar/" + links.token(id, LinkPurpose.CALENDAR, Optional.empty()) + ".ics";

        int servedFrom = StudyCalendar.sequenceAsOf(clock.instant());
        Calendar first = fetch(feed);
        int servedTo = StudyCalendar.sequenceAsOf(clock.instant());
        first.validate();
        assertThat(first.getComponent(Component.VTIMEZONE).orElseThrow().getProperty(Property.TZID).orElseThrow().getValue())
                .isEqualTo(TestSupport.ZONE);
        assertThat(first.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Stride: AI/ML engineer in 12 months");
        List<VEvent> events = first.getComponents(Component.VEVENT);
        // Two slots a week (Tuesday, Saturday) over eight weeks: at least 14 sessions whatever weekday today is.
        assertThat(events).hasSizeBetween(14, 16);
        assertThat(events).allSatisfy(event -> {
            assertThat(value(event, Property.UID)).matches(id + "-\\d{8}T(1800|0930)@stride.dev");
            // The shared rule: the second (from 2026-01-01 UTC) the content was first served.
            assertThat(Integer.parseInt(value(event, Property.SEQUENCE))).isBetween(servedFrom, servedTo);
            assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo(TestSupport.ZONE);
            // stride.calendar.alarm-before (PT15M by default): a display alarm a quarter of an hour before each session.
            assertThat(event.getAlarms()).hasSize(1);
            assertThat(event.getAlarms().get(0).getProperty(Property.TRIGGER).orElseThrow().getValue()).isEqualTo("-PT15M");
            assertThat(event.getAlarms().get(0).getProperty(Property.ACTION).orElseThrow().getValue()).isEqualTo("DISPLAY");
        });
        VEvent firstSession = events.get(0);
        assertThat(value(firstSession, Property.SUMMARY)).contains("Set up Python and learn the basic syntax");

        // Unchanged: the same UIDs and SEQUENCE again, a second and more later.
        await().atMost(Duration.ofSeconds(5)).until(() -> StudyCalendar.sequenceAsOf(clock.instant()) > servedTo);
        assertThat(sequences(fetch(feed))).isEqualTo(sequences(first));

        // A milestone marked done changes what the sessions hold: same UIDs, the SEQUENCE of now where the content changed.
        TestSupport.as(id, links).body("{\"state\": \"DONE\"}").when().put("/api/subscriptions/" + id + "/milestones/python-setup-and-syntax")
                .then().statusCode(200);
        int changedFrom = StudyCalendar.sequenceAsOf(clock.instant());
        Calendar after = fetch(feed);
        Map<String, String> changed = sequences(after);
        assertThat(changed.keySet()).containsAll(sequences(first).keySet().stream().limit(10).toList());
        String uid = value(firstSession, Property.UID);
        assertThat(Integer.parseInt(changed.get(uid))).isGreaterThanOrEqualTo(changedFrom).isGreaterThan(Integer.parseInt(sequences(first).get(uid)));
        VEvent replanned = after.<VEvent>getComponents(Component.VEVENT).stream().filter(e -> value(e, Property.UID).equals(uid)).findFirst().orElseThrow();
        assertThat(value(replanned, Property.SUMMARY)).doesNotContain("Set up Python and learn the basic syntax");

        // Ended: a valid calendar without events, so the app clears them.
        TestSupport.as(id, links).when().delete("/api/subscriptions/" + id).then().statusCode(200);
        Calendar ended = fetch(feed);
        ended.validate();
        assertThat(ended.getComponents(Component.VEVENT)).isEmpty();
    }

    @Test
    void aSessionInTheSpringForwardGapStartsAfterTheGapAndKeepsItsUid() throws Exception {
        ZoneOffsetTransition gap = nextGap();
        LocalDate day = gap.getDateTimeBefore().toLocalDate();
        LocalDateTime inGap = gap.getDateTimeBefore().plusMinutes(30);
        LocalDate start = day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        String email = TestSupport.uniqueEmail("dst");
        String body = """
                {"email": "%s", "name": "Ada", "locale": "en", "roadmapId": "%s", "startDate": "%s",
                 "plan": {"timeZone": "%s", "slots": [{"day": "%s", "start": "%s", "minutes": 60}], "nudge": {"day": "MONDAY", "time": "07:30"}}}"""
                .formatted(email, TestSupport.ROADMAP, start.isBefore(TestSupport.today(clock)) ? TestSupport.today(clock) : start, TestSupport.ZONE,
                        day.getDayOfWeek(), inGap.toLocalTime());
        UUID id = TestSupport.subscribe(email, TestSupport.ROADMAP, body);
        given().contentType(ContentType.JSON).body("{\"token\": \"" + links.token(id, LinkPurpose.CONFIRM, Optional.empty()) + "\"}")
                .when().post("/api/subscriptions/confirm").then().statusCode(200);

        Calendar calendar = fetch("/calendar/" + links.token(id, LinkPurpose.CALENDAR, Optional.empty()) + ".ics");
        VEvent onGapDay = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> value(e, Property.DTSTART).startsWith(day.toString().replace("-", ""))).findFirst().orElseThrow();
        // 02:30 does not exist that night: the session starts when the clock reads 03:30, an hour of study all the same.
        assertThat(value(onGapDay, Property.DTSTART)).isEqualTo(day.toString().replace("-", "") + "T"
                + inGap.plusHours(1).toLocalTime().toString().replace(":", "") + "00");
        assertThat(value(onGapDay, Property.DURATION)).isEqualTo("PT1H");
        assertThat(value(onGapDay, Property.UID)).isEqualTo(id + "-" + day.toString().replace("-", "") + "T"
                + inGap.toLocalTime().toString().replace(":", "") + "@stride.dev");
    }

    @Test
    void aLinkForAnythingElseIsRefused() {
        UUID id = UUID.randomUUID();
        given().when().get("/calendar/" + links.token(id, LinkPurpose.MANAGE, Optional.empty()) + ".ics").then().statusCode(403);
        given().when().get("/calendar/not-a-token.ics").then().statusCode(403);
    }

    private ZoneOffsetTransition nextGap() {
        ZoneOffsetTransition transition = NEW_YORK.getRules().nextTransition(clock.instant());
        while (!transition.isGap()) {
            transition = NEW_YORK.getRules().nextTransition(transition.getInstant());
        }
        return transition;
    }

    private static Calendar fetch(String path) throws Exception {
        String ics = given().when().get(path).then().statusCode(200)
                .contentType("text/calendar; method=PUBLISH; charset=UTF-8")
                .header("Cache-Control", "private, max-age=300")
                .extract().asString();
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Map<String, String> sequences(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .collect(Collectors.toMap(e -> value(e, Property.UID), e -> value(e, Property.SEQUENCE)));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
