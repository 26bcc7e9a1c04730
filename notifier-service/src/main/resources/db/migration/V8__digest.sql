-- One weekly digest across a learner's roadmaps: the reminder publishes one NudgeDue per roadmap with the same digest key;
-- each is held here as a part until all have come (or stride.mail.digest.hold ran out), then one email is queued in
-- email_delivery. The digest row is the lock every part of a key takes, so two parts committing at once still see each other.
CREATE TABLE digest (
    digest_key    uuid        PRIMARY KEY,
    -- How many parts the digest holds: the largest count any part announced.
    parts         integer     NOT NULL,
    first_part_at timestamptz NOT NULL,
    -- Set when the email was queued (its email_delivery id); a part arriving after that gets an email of its own.
    email_id      uuid,
    queued_at     timestamptz
);
CREATE INDEX digest_held ON digest (first_part_at) WHERE queued_at IS NULL;
CREATE INDEX digest_queued ON digest (queued_at) WHERE queued_at IS NOT NULL;

CREATE TABLE digest_part (
    nudge_id        uuid        PRIMARY KEY,
    digest_key      uuid        NOT NULL REFERENCES digest (digest_key) ON DELETE CASCADE,
    subscription_id uuid        NOT NULL,
    recipient       text        NOT NULL,
    -- The NudgeDue envelope as it came (the same form email_delivery stores).
    payload         text        NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX digest_part_key ON digest_part (digest_key, received_at);
CREATE INDEX digest_part_subscription ON digest_part (subscription_id);
