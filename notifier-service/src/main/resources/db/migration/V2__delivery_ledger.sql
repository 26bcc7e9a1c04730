-- One row per email this service must send: inserted before sending (the id is unique, so a repeat is
-- dropped), claimed by the sender with FOR UPDATE SKIP LOCKED, and kept with its outcome.
CREATE TABLE email_delivery (
    email_id             uuid PRIMARY KEY,                -- the nudge id, or the triggering event's id
    kind                 text        NOT NULL CHECK (kind IN ('NUDGE', 'CONFIRMATION', 'GOODBYE')),
    subscription_id      uuid        NOT NULL,
    recipient            text        NOT NULL,            -- lower-cased address
    event_type           text        NOT NULL,
    payload              text        NOT NULL,            -- the event envelope (JSON) the email is rendered from
    state                text        NOT NULL CHECK (state IN ('PENDING', 'RETRYING', 'SENT', 'FAILED', 'SUPPRESSED')),
    attempts             integer     NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz NOT NULL,            -- due time; while a send runs, the end of its lease
    last_error           text,
    smtp_code            integer,
    permanent_failure    boolean     NOT NULL DEFAULT false,
    message_id           text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    finished_at          timestamptz,
    outcome_event_id     uuid,                            -- Delivered / DeliveryFailed to publish (stable across retries of the publish)
    outcome_published_at timestamptz
);

CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE state IN ('PENDING', 'RETRYING');
CREATE INDEX email_delivery_unpublished ON email_delivery (finished_at)
    WHERE outcome_event_id IS NOT NULL AND outcome_published_at IS NULL;
CREATE INDEX email_delivery_subscription ON email_delivery (subscription_id);

-- Addresses that unsubscribed, per subscription: nothing but the goodbye email goes to them for it again.
CREATE TABLE suppression (
    address         text        NOT NULL,                 -- lower-cased
    subscription_id uuid        NOT NULL,
    event_id        uuid        NOT NULL,                 -- the Unsubscribed event
    suppressed_at   timestamptz NOT NULL,
    PRIMARY KEY (address, subscription_id)
);

-- Each calendar event UID ever sent, with a hash of its content: a changed session is sent with SEQUENCE + 1.
CREATE TABLE calendar_event (
    uid             text PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    content_hash    text        NOT NULL,
    sequence        integer     NOT NULL,
    updated_at      timestamptz NOT NULL
);
