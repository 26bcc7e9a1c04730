-- Events written in the same transaction as the change they describe; a relay publishes them to Kafka
-- and marks them only after the broker acknowledged (DESIGN.md, "Sending exactly once in effect").
CREATE TABLE outbox_event (
    seq           bigserial   PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    topic         text        NOT NULL,
    aggregate_id  text        NOT NULL,
    event_type    text        NOT NULL,
    schema_version integer    NOT NULL,
    payload       text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    published_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text
);

-- The relay's work queue: pending rows in the order they were written.
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
