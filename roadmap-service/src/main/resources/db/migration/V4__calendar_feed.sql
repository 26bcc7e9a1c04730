-- Each session UID the calendar feed has served, with a hash of its content: a changed session gets SEQUENCE + 1,
-- so a calendar app that polls the feed updates the event in place (same rule as the email attachment).
CREATE TABLE calendar_event (
    uid             text PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    content_hash    text        NOT NULL,
    sequence        integer     NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX calendar_event_subscription ON calendar_event (subscription_id);
