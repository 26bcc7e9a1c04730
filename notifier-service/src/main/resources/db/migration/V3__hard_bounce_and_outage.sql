-- Addresses the mail server refused permanently (a hard bounce): nothing more is sent to them, for any
-- subscription and any kind of email. Unlike `suppression` (one subscription, after an unsubscribe), this is about
-- the address itself: mail to it cannot arrive.
CREATE TABLE address_suppression (
    address       text PRIMARY KEY,                       -- lower-cased
    reason        text        NOT NULL CHECK (reason IN ('hard-bounce')),
    smtp_code     integer,                                -- the refusal's reply code, e.g. 550
    smtp_reply    text        NOT NULL,                   -- what the server said, e.g. "recipient address not accepted: 550 5.1.1 no such user"
    email_id      uuid        NOT NULL,                   -- the email that bounced
    suppressed_at timestamptz NOT NULL
);

-- Why a SUPPRESSED email was not sent: the learner left the subscription, or the address hard-bounced.
ALTER TABLE email_delivery ADD COLUMN suppression_reason text CHECK (suppression_reason IN ('unsubscribed', 'hard-bounce'));
UPDATE email_delivery SET suppression_reason = 'unsubscribed' WHERE state = 'SUPPRESSED';

-- A RETRYING email whose last attempt never reached the mail server (refused, reset, timed out, 421): it waits for the
-- server, not for its recipient, so it becomes due at once when the server answers again. Cleared when claimed, so a
-- row a sender holds is never released early.
ALTER TABLE email_delivery ADD COLUMN outage_backoff boolean NOT NULL DEFAULT false;
CREATE INDEX email_delivery_outage ON email_delivery (next_attempt_at) WHERE outage_backoff AND state = 'RETRYING';
