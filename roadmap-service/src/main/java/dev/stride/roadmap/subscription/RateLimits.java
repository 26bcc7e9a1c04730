package dev.stride.roadmap.subscription;

import dev.stride.roadmap.problem.TooManyRequests;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The subscribe limits as Bucket4j token buckets kept in PostgreSQL (table {@code rate_limit_bucket}, one row per bucket,
 * updated under {@code SELECT ... FOR UPDATE}), so every replica counts against the same buckets. Time is the service's
 * {@link Clock}. A refused request gets a 429 problem naming what was limited, with how long to wait.
 */
@ApplicationScoped
@Startup // its counters exist from the start, not from the first subscription
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final int CLEANUP_BATCH = 1000;

    /** What a bucket limits; the problem names it as the field at fault. */
    public enum Scope {
        CLIENT("client", "Too many subscribe requests from your network. Please try again later."),
        ADDRESS("email", "A confirmation email was sent to this address recently. Please check your inbox (and spam folder) or try again later."),
        OVERALL(null, "Stride is receiving too many subscriptions right now. Please try again later."),
        SIGN_IN("email", "An email with your links was sent to this address recently. Please check your inbox (and spam folder) or try again later.");

        final String field;
        final String detail;

        Scope(String field, String detail) {
            this.field = field;
            this.detail = detail;
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final SubscribeLimits limits;
    private final SignInSettings signIn;
    private final long configurationVersion;
    private final MeterRegistry registry;

    public RateLimits(DataSource dataSource, SubscribeLimits limits, SignInSettings signIn, Clock clock, MeterRegistry registry) {
        this.limits = limits;
        this.signIn = signIn;
        this.registry = registry;
        this.configurationVersion = Integer.toUnsignedLong(java.util.Objects.hash(limits.perAddressPerHour(), limits.perAddressPerDay(),
                limits.perClientPerHour(), limits.overallPerHour(), signIn.perAddressPerHour(), signIn.perAddressPerDay()));
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .clientClock(new ClockTimeMeter(clock))
                .build();
        // Registered at start, at 0: the dashboards read every scope before its first refusal.
        for (Scope scope : Scope.values()) {
            limited(scope);
        }
    }

    private io.micrometer.core.instrument.Counter limited(Scope scope) {
        return registry.counter("stride.subscribe.rate.limited", "scope", scope.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** Takes one token from the scope's bucket for {@code key}, or throws {@link TooManyRequests}. */
    public void take(Scope scope, String key) {
        // A bucket keeps the limits it was made with unless told otherwise: changed limits replace them, tokens carried over.
        ConsumptionProbe probe = buckets.builder().withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.PROPORTIONALLY)
                .build(scope.name().toLowerCase(java.util.Locale.ROOT) + ":" + key, configuration(scope)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            limited(scope).increment();
            throw new TooManyRequests(scope.field, scope.detail, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
    }

    private Supplier<BucketConfiguration> configuration(Scope scope) {
        return () -> switch (scope) {
            case CLIENT -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(limits.perClientPerHour()).refillGreedy(limits.perClientPerHour(), Duration.ofHours(1))).build();
            case ADDRESS -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(limits.perAddressPerHour()).refillIntervally(limits.perAddressPerHour(), Duration.ofHours(1)))
                    .addLimit(limit -> limit.capacity(limits.perAddressPerDay()).refillIntervally(limits.perAddressPerDay(), Duration.ofDays(1))).build();
            case OVERALL -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(limits.overallPerHour()).refillGreedy(limits.overallPerHour(), Duration.ofHours(1))).build();
            case SIGN_IN -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(signIn.perAddressPerHour()).refillIntervally(signIn.perAddressPerHour(), Duration.ofHours(1)))
                    .addLimit(limit -> limit.capacity(signIn.perAddressPerDay()).refillIntervally(signIn.perAddressPerDay(), Duration.ofDays(1))).build();
        };
    }

    /** Full buckets are the same as none: their rows go. */
    @Scheduled(every = "{stride.subscriptions.limits.cleanup-every}", delayed = "{stride.subscriptions.limits.cleanup-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        int removed;
        do {
            removed = buckets.removeExpired(CLEANUP_BATCH);
            if (removed > 0) {
                LOG.debugf("Removed %d full rate-limit buckets", removed);
            }
        } while (removed == CLEANUP_BATCH);
    }

    /** Bucket4j's clock from the service's: tests and the demo clock move both. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
