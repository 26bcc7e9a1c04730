package dev.stride.notifier.delivery;

import dev.stride.contracts.privacy.Addresses;
import dev.stride.infra.testing.StrideInfraResource;
import dev.stride.notifier.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suppression ("this wasn't me") and its lift reach the notifier on one partition but are applied concurrently, so
 * either can arrive second: whichever was made later (by the events' own times) decides, in either order and when both
 * run at the same moment.
 */
@QuarkusTest
@WithTestResource(value = StrideInfraResource.class, scope = TestResourceScope.GLOBAL)
class SuppressionOrderTest {

    private static final Instant EARLIER = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant LATER = EARLIER.plusSeconds(1);

    @Inject
    SuppressionRepository suppressions;

    @Test
    void aLiftThatOvertookALaterSuppressionLeavesItInPlace() {
        String address = TestEvents.uniqueEmail("overtaken-lift");
        assertThat(suppress(address, LATER)).isTrue();
        assertThat(lift(address, EARLIER)).as("the lift is older than the suppression").isFalse();
        assertThat(suppressed(address)).isTrue();
        assertThat(lift(address, LATER.plusSeconds(1))).as("a newer lift still lifts it").isTrue();
        assertThat(suppressed(address)).isFalse();
    }

    @Test
    void aSuppressionThatArrivesAfterTheLiftMadeLaterIsNotApplied() {
        String address = TestEvents.uniqueEmail("late-suppression");
        assertThat(lift(address, LATER)).as("nothing to lift yet").isFalse();
        assertThat(suppress(address, EARLIER)).isFalse();
        assertThat(suppressed(address)).isFalse();
        assertThat(suppress(address, LATER.plusSeconds(1))).as("a suppression made after the lift counts").isTrue();
        assertThat(suppressed(address)).isTrue();
    }

    @Test
    void aLiftRemovesAHardBounceButNotANotMeRequestedAfterIt() {
        String address = TestEvents.uniqueEmail("bounced-then-notme");
        QuarkusTransaction.requiringNew().run(() -> suppressions.suppressHardBounce(address, 550, "550 5.1.1 no such user", null, EARLIER));
        assertThat(suppress(address, LATER)).as("already suppressed by the bounce").isFalse();
        assertThat(lift(address, EARLIER.plusMillis(500))).as("the bounce is lifted").isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(address)))
                .as("the not-me made after the lift stands, without the bounce's address").hasValueSatisfying(row -> {
                    assertThat(row.reason).isEqualTo(AddressSuppression.NOT_ME);
                    assertThat(row.address).isNull();
                    assertThat(row.smtpReply).isNull();
                });

        String bouncedOnly = TestEvents.uniqueEmail("bounced-only");
        QuarkusTransaction.requiringNew().run(() -> suppressions.suppressHardBounce(bouncedOnly, 550, "550 5.1.1 no such user", null, LATER));
        assertThat(lift(bouncedOnly, EARLIER)).as("a bounce has no request time: any lift lifts it").isTrue();
        assertThat(suppressed(bouncedOnly)).isFalse();
    }

    /** Both at once, many times: without the per-address lock, a suppression could miss a lift made after it. */
    @Test
    void aSuppressionAndALiftAppliedAtTheSameMomentSettleByTheirTimes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> liftedLast = new ArrayList<>();
            List<String> suppressedLast = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                boolean liftIsNewer = i % 2 == 0;
                String address = TestEvents.uniqueEmail("race");
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<?> suppression = CompletableFuture.runAsync(() -> {
                    await(together);
                    suppress(address, liftIsNewer ? EARLIER : LATER);
                }, pool);
                CompletableFuture<?> lift = CompletableFuture.runAsync(() -> {
                    await(together);
                    lift(address, liftIsNewer ? LATER : EARLIER);
                }, pool);
                CompletableFuture.allOf(suppression, lift).get(30, TimeUnit.SECONDS);
                (liftIsNewer ? liftedLast : suppressedLast).add(address);
            }
            assertThat(liftedLast).as("lifted after the suppression was made").noneMatch(this::suppressed);
            assertThat(suppressedLast).as("suppressed after the lift was made").allMatch(this::suppressed);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean suppress(String address, Instant requestedAt) {
        return QuarkusTransaction.requiringNew().call(() -> suppressions.suppressNotMe(Addresses.hash(address), requestedAt, Instant.now()));
    }

    private boolean lift(String address, Instant liftedAt) {
        return QuarkusTransaction.requiringNew().call(() -> suppressions.unsuppress(Addresses.hash(address), liftedAt));
    }

    private boolean suppressed(String address) {
        return QuarkusTransaction.requiringNew().call(() -> suppressions.ofAddress(address).isPresent());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
