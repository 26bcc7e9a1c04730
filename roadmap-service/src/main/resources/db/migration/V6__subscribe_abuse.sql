-- Rate limits of subscribe requests (Bucket4j's PostgreSQL backend, PostgreSQLSelectForUpdateBasedProxyManager): one row
-- per bucket (per client address, per recipient address hash, overall), its state serialised by Bucket4j, and when the
-- bucket is full again (epoch milliseconds), after which the row may be deleted. Kept here so every replica shares them.
CREATE TABLE rate_limit_bucket (
    id          text   PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);

-- What a subscribe request asked for the learner's name and language. Anyone can type any address, so these reach the
-- learner only when the address's owner confirms (LearnerProfile); until then the learner keeps their own.
ALTER TABLE subscription ADD COLUMN requested_name text;
ALTER TABLE subscription ADD COLUMN requested_locale text;

-- Addresses whose owner said "this wasn't me — never email me again": no subscription is made for them and no email of
-- any kind is sent to them (notifier-service learns it from AddressSuppressed). Only the address's hash is kept.
CREATE TABLE suppressed_address (
    address_hash  text        PRIMARY KEY,
    reason        text        NOT NULL,
    at            timestamptz NOT NULL
);
