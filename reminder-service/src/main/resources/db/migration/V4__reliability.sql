-- A row that failed to dispatch too often is parked with its error instead of being retried forever; a row that a
-- learner's action settled without an email records why (skipped, snoozed, paused, unsubscribed, retired, completed).
ALTER TABLE nudge DROP CONSTRAINT nudge_status_check;
ALTER TABLE nudge ADD CONSTRAINT nudge_status_check CHECK (status IN ('PENDING', 'SENT', 'EXPIRED', 'CANCELLED', 'PARKED'));
ALTER TABLE nudge ADD COLUMN last_error text;
ALTER TABLE nudge ADD COLUMN settled_reason text;
CREATE INDEX nudge_parked ON nudge (due_at) WHERE status = 'PARKED';

-- Optimistic locking: the event applier and the dispatcher both write a subscription's row; neither overwrites the other.
ALTER TABLE subscription_projection ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- The demo clock's offset outlives a restart (one row; only ever moves forward).
CREATE TABLE clock_offset (
    id      integer PRIMARY KEY CHECK (id = 1),
    seconds bigint  NOT NULL
);

-- An event for a subscription this service has not seen (its activation is late, or was dead-lettered and awaits a
-- replay) waits here and is applied right after the activation, instead of poisoning the subscription's later events.
CREATE TABLE waiting_event (
    event_id        uuid        PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    record          bytea       NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX waiting_event_subscription ON waiting_event (subscription_id, received_at);
