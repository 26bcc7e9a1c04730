-- One row per subscription and week: a week is nudged once whatever happens.
CREATE TABLE nudge (
    subscription_id  uuid        NOT NULL,
    week_start       date        NOT NULL,
    nudge_id         uuid        NOT NULL UNIQUE,
    due_at           timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'EXPIRED', 'CANCELLED')),
    fortnightly      boolean     NOT NULL DEFAULT false,
    lease_until      timestamptz,
    claimed_by       text,
    attempts         integer     NOT NULL DEFAULT 0,
    sent_at          timestamptz,
    PRIMARY KEY (subscription_id, week_start)
);
-- The dispatcher's work queue.
CREATE INDEX nudge_due ON nudge (due_at) WHERE status = 'PENDING';
