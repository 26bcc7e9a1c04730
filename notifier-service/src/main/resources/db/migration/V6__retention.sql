-- What the retention job looks rows up by: applied event ids by age, finished emails by when they finished.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX email_delivery_finished ON email_delivery (finished_at) WHERE state IN ('SENT', 'FAILED', 'SUPPRESSED');

-- Subscriptions whose learner erased their data (LearnerErased): only the id, so that an email request that arrives
-- after the erasure (a nudge from another topic, a replay from a dead-letter topic) is dropped instead of sent.
CREATE TABLE erased_subscription (
    subscription_id uuid        PRIMARY KEY,
    erased_at       timestamptz NOT NULL
);
