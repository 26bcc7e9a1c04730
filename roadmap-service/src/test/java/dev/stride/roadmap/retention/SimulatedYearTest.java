package dev.stride.roadmap.retention;

import dev.stride.contracts.time.AdjustableClock;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.roadmap.TestSupport;
import dev.stride.roadmap.outbox.OutboxRelay;
import dev.stride.roadmap.subscription.PendingExpiry;
import dev.stride.roadmap.subscription.PlanRequest;
import dev.stride.roadmap.subscription.SubscribeRequest;
import dev.stride.roadmap.subscription.Subscription;
import dev.stride.roadmap.subscription.SubscriptionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.stride.roadmap.TestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A year of sign-ups, a week at a time: every week 20 people subscribe, a quarter never confirm, some of the others leave.
 * With retention running weekly, what it governs stays bounded: the unconfirmed learners and their expired subscriptions
 * never exceed about the window's worth, and the outbox never holds more than a couple of weeks of events. Confirmed
 * learners are kept, so only they grow. Subscribes through the service, not the HTTP API, which has per-client limits.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SimulatedYearTest {

    private static final int WEEKS = 52;
    private static final int PER_WEEK = 20;
    private static final int UNCONFIRMED_PER_WEEK = PER_WEEK / 4;

    @Inject
    AdjustableClock clock;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    PendingExpiry expiry;

    @Inject
    RetentionJob retention;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelay relay;

    @Test
    void aYearOfSignUpsLeavesBoundedTables() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mine = "year-" + run + "-%";
        double learnersRemovedBefore = registry.counter("stride.retention.removed", "table", "learner").count();
        List<Long> unconfirmedLearners = new ArrayList<>();
        List<Long> expiredSubscriptions = new ArrayList<>();
        List<Long> outbox = new ArrayList<>();
        long confirmed = 0;
        for (int week = 0; week < WEEKS; week++) {
            for (int i = 0; i < PER_WEEK; i++) {
                Subscription subscription = subscriptions.subscribe(request("year-" + run + "-" + week + "-" + i + "@example.org")).orElseThrow();
                if (i < UNCONFIRMED_PER_WEEK) {
                    continue;
                }
                subscriptions.confirm(subscription.id);
                confirmed++;
                if (i % 5 == 0) {
                    subscriptions.unsubscribe(subscription.id);
                }
            }
            // The relay publishes within a second of the commit; here it runs before the week passes.
            await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(30)).until(() -> {
                relay.relayBatch();
                return count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0;
            });
            clock.advance(Duration.ofDays(7));
            while (expiry.expirePending(500) == 500) {
                // the next batch
            }
            retention.run();
            unconfirmedLearners.add(count("SELECT count(*) FROM learner l WHERE l.email LIKE ?1 AND NOT EXISTS "
                    + "(SELECT 1 FROM subscription s WHERE s.learner_id = l.id AND s.confirmed_at IS NOT NULL)", mine));
            expiredSubscriptions.add(count("SELECT count(*) FROM subscription WHERE status = 'EXPIRED'"));
            outbox.add(count("SELECT count(*) FROM outbox_event"));
        }

        // Expired a week after sign-up, deleted 30 days after that: at most six weeks' worth are ever kept.
        long windowWeeks = 6;
        assertThat(unconfirmedLearners).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(windowWeeks * UNCONFIRMED_PER_WEEK));
        assertThat(expiredSubscriptions.subList(8, WEEKS)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(windowWeeks * UNCONFIRMED_PER_WEEK));
        // Kept a week after Kafka acknowledged them: never more than two weeks of events.
        long eventsPerWeek = 2L * PER_WEEK;
        assertThat(outbox.subList(8, WEEKS)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2 * eventsPerWeek));
        assertThat(count("SELECT count(*) FROM learner WHERE email LIKE ?1", mine))
                .isEqualTo(confirmed + unconfirmedLearners.get(WEEKS - 1));
        assertThat(registry.counter("stride.retention.removed", "table", "learner").count() - learnersRemovedBefore)
                .isGreaterThanOrEqualTo((WEEKS - windowWeeks) * UNCONFIRMED_PER_WEEK);
    }

    private SubscribeRequest request(String email) {
        return new SubscribeRequest(email, "Ada", "en", TestSupport.ROADMAP, TestSupport.today(clock), new PlanRequest(TestSupport.ZONE,
                List.of(new PlanRequest.Slot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90)), new PlanRequest.Nudge(DayOfWeek.MONDAY, LocalTime.of(7, 30))));
    }
}
