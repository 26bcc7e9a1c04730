-- Single-use links: a link whose repetition would change state again (snooze: another break, another Snoozed event)
-- is recorded here in the transaction that acts on it, by the SHA-256 of its token (never the token itself), so a
-- second use finds it and changes nothing. Rows past the token's own expiry are purged: an expired link is refused anyway.
CREATE TABLE used_link (
    token_hash      text PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    purpose         text        NOT NULL,
    used_at         timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX used_link_expires_at ON used_link (expires_at);
