package dev.stride.reminder.scheduling;

import dev.stride.contracts.Channels;
import dev.stride.contracts.event.CloudEventHeaders;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.NudgeDue;
import dev.stride.contracts.event.StrideEvents;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Publishes NudgeDue keyed by subscription id and returns once Kafka acknowledged it (acks=all, idempotent producer). */
@ApplicationScoped
public class NudgePublisher {

    private static final String SOURCE = "/stride/reminder-service";

    private final MutinyEmitter<byte[]> emitter;
    private final Clock clock;
    private final ReminderSettings settings;

    public NudgePublisher(@Channel(Channels.NUDGE_EVENTS_OUT) MutinyEmitter<byte[]> emitter, Clock clock, ReminderSettings settings) {
        this.emitter = emitter;
        this.clock = clock;
        this.settings = settings;
    }

    public void publish(NudgeDue nudge) {
        String key = nudge.subscriptionId().toString();
        EventEnvelope<NudgeDue> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, key, nudge, clock);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(envelope, SOURCE).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        Message<byte[]> message = Message.of(StrideEvents.CODEC.encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build());
        emitter.sendMessage(message).await().atMost(settings.dispatch().publishTimeout());
    }
}
