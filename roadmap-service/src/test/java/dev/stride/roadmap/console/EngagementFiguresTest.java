package dev.stride.roadmap.console;

import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.link.Links;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;

/**
 * The dashboard's figures from seeded rows, exactly. Other tests share the database, so the rows here lie in 2001 (the
 * activity and retention windows are asked for then) or carry a variant name of their own.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class EngagementFiguresTest {

    static final LocalDate FIRST = LocalDate.parse("2001-01-01"); // a Monday
    static final Instant NOW = Instant.parse("2001-02-25T12:00:00Z"); // Sunday of the eighth week

    @Inject
    Clock clock;

    @Inject
    Links links;

    @Inject
    EngagementFigures figures;

    @Inject
    io.agroal.api.AgroalDataSource database;

    @Test
    void weeklyActiveLearnersCountDistinctSubscriptionsPerIsoWeek() throws SQLException {
        Seeds sql = new Seeds(database);
        UUID a = TestSupport.subscribed(TestSupport.uniqueEmail("dash-a"), TestSupport.ROADMAP, clock, links);
        UUID b = TestSupport.subscribed(TestSupport.uniqueEmail("dash-b"), TestSupport.ROADMAP, clock, links);
        engagement(sql, a, "2001-01-02T10:00:00Z");
        engagement(sql, a, "2001-01-03T10:00:00Z");
        engagement(sql, b, "2001-01-07T23:59:00Z");
        engagement(sql, b, "2000-12-31T23:59:00Z"); // the week before the window
        sql.execute("INSERT INTO milestone_progress (subscription_id, milestone_id, state, updated_at, updated_on, logged_minutes) "
                + "VALUES (?, 'console-test', 'DONE', ?, DATE '2001-01-10', 30)", b, Seeds.at(Instant.parse("2001-01-10T08:00:00Z")));

        List<EngagementDashboard.WeekCount> weeks = figures.activeLearners(FIRST, NOW);

        assertThat(weeks).hasSize(EngagementFigures.WEEKS);
        assertThat(weeks.get(0)).isEqualTo(new EngagementDashboard.WeekCount(FIRST, 2));
        assertThat(weeks.get(1)).isEqualTo(new EngagementDashboard.WeekCount(FIRST.plusWeeks(1), 1));
        assertThat(weeks.subList(2, 8)).allMatch(week -> week.learners() == 0);
    }

    @Test
    void retentionIsTheShareOfACohortNotEndedAfterEachHorizonOfThoseOldEnough() throws SQLException {
        Seeds sql = new Seeds(database);
        UUID stays = TestSupport.subscribed(TestSupport.uniqueEmail("dash-stays"), TestSupport.ROADMAP, clock, links);
        UUID leaves = TestSupport.subscribed(TestSupport.uniqueEmail("dash-leaves"), TestSupport.ROADMAP, clock, links);
        UUID later = TestSupport.subscribed(TestSupport.uniqueEmail("dash-later"), TestSupport.ROADMAP, clock, links);
        confirmed(sql, stays, "2001-01-02T10:00:00Z", null);
        confirmed(sql, leaves, "2001-01-03T10:00:00Z", "2001-01-12T10:00:00Z"); // after 1 week, before 2
        confirmed(sql, later, "2001-02-06T10:00:00Z", null);

        List<EngagementDashboard.Cohort> cohorts = figures.cohorts(FIRST, NOW);

        assertThat(cohorts).extracting(EngagementDashboard.Cohort::week).containsExactly(FIRST, LocalDate.parse("2001-02-05"));
        assertThat(cohorts.get(0).size()).isEqualTo(2);
        assertThat(cohorts.get(0).after()).containsExactly(new EngagementDashboard.Share(1, 2, 2), new EngagementDashboard.Share(2, 2, 1),
                new EngagementDashboard.Share(4, 2, 1), new EngagementDashboard.Share(8, 0, 0));
        assertThat(cohorts.get(0).after().get(1).percent()).isEqualTo(50);
        assertThat(cohorts.get(0).after().get(3).percent()).as("none is 8 weeks old yet").isNull();
        assertThat(cohorts.get(1).after()).containsExactly(new EngagementDashboard.Share(1, 1, 1), new EngagementDashboard.Share(2, 1, 1),
                new EngagementDashboard.Share(4, 0, 0), new EngagementDashboard.Share(8, 0, 0));
    }

    @Test
    void nudgeProgressRatePerVariantAndHoldoutCountsClosedOutcomesOnly() throws SQLException {
        Seeds sql = new Seeds(database);
        UUID subscription = TestSupport.subscribed(TestSupport.uniqueEmail("dash-variant"), TestSupport.ROADMAP, clock, links);
        String variant = "console-test-" + UUID.randomUUID().toString().substring(0, 8);
        closed(sql, subscription, variant, false, 0.5, 30);
        closed(sql, subscription, variant, false, 0.0, 0);
        closed(sql, subscription, variant, false, 1.0, 120);
        closed(sql, subscription, variant, false, 0.5, 15);
        closed(sql, subscription, variant, true, 0.0, 0);
        closed(sql, subscription, variant, true, 0.2, 10);
        sql.nudge(UUID.randomUUID(), subscription, variant, "SAMPLED", false, clock.instant(), true); // window still open

        List<EngagementDashboard.VariantRate> rates = figures.variants().stream().filter(rate -> rate.variant().equals(variant)).toList();

        assertThat(rates).hasSize(2);
        EngagementDashboard.VariantRate sampled = rates.get(0);
        assertThat(sampled.holdout()).isFalse();
        assertThat(sampled.nudges()).isEqualTo(4);
        assertThat(sampled.meanReward()).isCloseTo(0.5, within(1e-9));
        assertThat(sampled.progressed()).isEqualTo(3);
        assertThat(sampled.low()).isCloseTo(0.30064, within(1e-4));
        assertThat(sampled.high()).isCloseTo(0.95441, within(1e-4));
        assertThat(rates.get(1).holdout()).isTrue();
        assertThat(rates.get(1).nudges()).isEqualTo(2);
        assertThat(rates.get(1).meanReward()).isCloseTo(0.1, within(1e-9));
        assertThat(rates.get(1).progressed()).isEqualTo(1);

        ConsoleTest.admin().when().get("/admin/console/dashboard").then().statusCode(200)
                .body(containsString(variant), containsString("3 · 75 % (30–95 %)"), containsString("Weekly active learners"));
    }

    private static void engagement(Seeds sql, UUID subscription, String at) throws SQLException {
        sql.execute("INSERT INTO engagement (subscription_id, action, at) VALUES (?, 'MANAGE_OPEN', ?)", subscription, Seeds.at(Instant.parse(at)));
    }

    private static void confirmed(Seeds sql, UUID subscription, String at, String endedAt) throws SQLException {
        sql.execute("UPDATE subscription SET confirmed_at = ?, ended_at = ? WHERE id = ?", Seeds.at(Instant.parse(at)),
                endedAt == null ? null : Seeds.at(Instant.parse(endedAt)), subscription);
    }

    private void closed(Seeds sql, UUID subscription, String variant, boolean holdout, double reward, int minutes) throws SQLException {
        UUID nudge = UUID.randomUUID();
        sql.nudge(nudge, subscription, variant, holdout ? "HOLDOUT" : "SAMPLED", holdout, clock.instant(), true);
        sql.execute("UPDATE nudge_log SET outcome_closed_at = ?, milestones_done = 0, minutes_logged = ?, engagements = 0, unsubscribed = false, "
                + "reward = ? WHERE nudge_id = ?", Seeds.at(clock.instant()), minutes, reward, nudge);
    }
}
