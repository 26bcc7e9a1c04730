package dev.stride.roadmap.outbox;

import dev.stride.contracts.event.DomainEvent;
import dev.stride.contracts.event.EventEnvelope;
import dev.stride.contracts.event.StrideEvents;
import dev.stride.contracts.trace.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Records an event in the caller's transaction: it is published if and only if the change it describes commits. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final Clock clock;

    public Outbox(OutboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope<DomainEvent> add(String topic, String aggregateId, DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(StrideEvents.CATALOG, aggregateId, event, clock);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.aggregateId = aggregateId;
        row.eventType = envelope.type();
        row.schemaVersion = envelope.schemaVersion();
        row.payload = new String(StrideEvents.CODEC.encode(envelope), StandardCharsets.UTF_8);
        row.occurredAt = envelope.occurredAt();
        row.traceParent = TraceContexts.currentTraceParent().orElse(null);
        repository.persist(row);
        return envelope;
    }
}
