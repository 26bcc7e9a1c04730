package dev.stride.notifier.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An address that unsubscribed from one subscription. */
@Entity
@Table(name = "suppression")
public class Suppression {

    @EmbeddedId
    public Key id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "suppressed_at", nullable = false)
    public Instant suppressedAt;

    @Embeddable
    public static class Key implements Serializable {

        @Column(nullable = false)
        public String address;

        @Column(name = "subscription_id", nullable = false)
        public UUID subscriptionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(address, key.address) && Objects.equals(subscriptionId, key.subscriptionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(address, subscriptionId);
        }
    }
}
