package dev.stride.roadmap.link;

import dev.stride.contracts.link.LinkPurpose;
import dev.stride.contracts.link.LinkToken;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;

/**
 * Links that work once: those whose repetition would change state again. Snooze is the one (a second use would add
 * another break and another Snoozed event); marking done, skipping, pausing and resuming are idempotent already. A
 * used token is recorded by its SHA-256 in {@code used_link}, in the same transaction as the action, so a repeat (or
 * a concurrent second request, which waits on the row) finds it and does nothing.
 */
@ApplicationScoped
public class SingleUseLinks {

    private static final Logger LOG = Logger.getLogger(SingleUseLinks.class);
    private static final Set<LinkPurpose> SINGLE_USE = Set.of(LinkPurpose.SNOOZE);

    private final EntityManager entityManager;
    private final Clock clock;

    public SingleUseLinks(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public static boolean isSingleUse(LinkPurpose purpose) {
        return SINGLE_USE.contains(purpose);
    }

    /**
     * Runs {@code action} unless this single-use token was used already; {@code false} if it was. The record and the
     * action commit or roll back together: a refused action leaves the link usable.
     */
    @Transactional
    public boolean once(String token, LinkToken claims, Runnable action) {
        if (!isSingleUse(claims.purpose())) {
            action.run();
            return true;
        }
        int inserted = entityManager.createNativeQuery("INSERT INTO used_link (token_hash, subscription_id, purpose, used_at, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (token_hash) DO NOTHING")
                .setParameter(1, hash(token))
                .setParameter(2, claims.subscriptionId())
                .setParameter(3, claims.purpose().name())
                .setParameter(4, Timestamp.from(clock.instant()))
                .setParameter(5, Timestamp.from(claims.expiresAt()))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        action.run();
        return true;
    }

    /** Whether this single-use token was used already (the page behind it says so instead of offering the button). */
    @Transactional
    public boolean used(String token, LinkToken claims) {
        return isSingleUse(claims.purpose()) && !entityManager.createNativeQuery("SELECT 1 FROM used_link WHERE token_hash = ?1")
                .setParameter(1, hash(token)).getResultList().isEmpty();
    }

    /** Forgets used tokens past their expiry: they are refused as expired whatever this table says. */
    @Transactional
    public int purgeExpired() {
        return entityManager.createNativeQuery("DELETE FROM used_link WHERE expires_at <= ?1")
                .setParameter(1, Timestamp.from(clock.instant())).executeUpdate();
    }

    @Scheduled(every = "${stride.links.used-purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        int purged = purgeExpired();
        if (purged > 0) {
            LOG.infof("%d used single-use link(s) past their expiry forgotten", purged);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
