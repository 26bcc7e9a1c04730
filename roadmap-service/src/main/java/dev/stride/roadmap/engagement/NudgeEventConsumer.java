package dev.stride.roadmap.engagement;

import dev.stride.contracts.Channels;
import dev.stride.contracts.consumer.ConsumerRetry;
import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.logging.LogContext;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads the reminder's nudges ({@code nudge-events}) into the nudge log, which engagement is attributed to and the outcome
 * job measures. A nudge already logged changes nothing (Kafka redelivers). A record that cannot be read fails here and
 * the connector moves it to {@code nudge-events.dlq}; a database that is restarting is waited out first.
 */
@ApplicationScoped
public class NudgeEventConsumer {

    private static final Logger LOG = Logger.getLogger(NudgeEventConsumer.class);

    private final NudgeLog log;
    private final ConsumerRetry retry = new ConsumerRetry(Duration.ofMinutes(5),
            message -> LOG.warnf("Logging a nudge failed: %s", message));

    public NudgeEventConsumer(NudgeLog log) {
        this.log = log;
    }

    @Incoming(Channels.NUDGE_EVENTS_IN)
    @Blocking
    public void onNudgeEvent(byte[] record) {
        EventEnvelope<? extends DomainEvent> envelope = StrideEvents.CODEC.decode(record);
        try (LogContext context = LogContext.event(envelope)) {
            if (envelope.data() instanceof NudgeDue nudge) {
                if (nudge.nudgeId() == null || nudge.subscriptionId() == null || nudge.kind() == null || nudge.dueAt() == null
                        || nudge.weekStart() == null || nudge.roadmapId() == null) {
                    throw new IllegalArgumentException("NudgeDue " + envelope.eventId() + " lacks an id, subscription, kind, week or roadmap");
                }
                if (!retry.get(() -> log.nudge(nudge))) {
                    LOG.debugf("Nudge %s was logged already", nudge.nudgeId());
                }
            }
        }
    }
}
