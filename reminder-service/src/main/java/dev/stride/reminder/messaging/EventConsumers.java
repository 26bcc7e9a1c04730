package dev.stride.reminder.messaging;

import dev.stride.contracts.Channels;
import dev.stride.contracts.event.StrideEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes roadmap and subscription events in order per key. A record that cannot be read or applied fails
 * here and the connector moves it to the topic's dead-letter topic ({@code <topic>.dlq}); the consumer goes on.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final EventApplier applier;

    public EventConsumers(EventApplier applier) {
        this.applier = applier;
    }

    @Incoming(Channels.ROADMAP_EVENTS_IN)
    @Blocking
    public void onRoadmapEvent(byte[] record) {
        apply(record);
    }

    @Incoming(Channels.SUBSCRIPTION_EVENTS_IN)
    @Blocking
    public void onSubscriptionEvent(byte[] record) {
        apply(record);
    }

    private void apply(byte[] record) {
        var envelope = StrideEvents.CODEC.decode(record);
        if (!applier.apply(envelope)) {
            LOG.debugf("Dropped %s %s: already applied", envelope.type(), envelope.eventId());
        }
    }
}
