package dev.stride.notifier.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** The suppression list: (address, subscription) pairs that unsubscribed. */
@ApplicationScoped
public class SuppressionRepository implements PanacheRepositoryBase<Suppression, Suppression.Key> {

    /** Adds the pair; false if it was already there (a repeated Unsubscribed). */
    public boolean suppress(String address, UUID subscriptionId, UUID eventId, Instant at) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO suppression (address, subscription_id, event_id, suppressed_at)
                        VALUES (:address, :subscriptionId, :eventId, :at)
                        ON CONFLICT (address, subscription_id) DO NOTHING""")
                .setParameter("address", normalise(address))
                .setParameter("subscriptionId", subscriptionId)
                .setParameter("eventId", eventId)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    public boolean isSuppressed(String address, UUID subscriptionId) {
        return count("id.address = ?1 and id.subscriptionId = ?2", normalise(address), subscriptionId) > 0;
    }

    public static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
