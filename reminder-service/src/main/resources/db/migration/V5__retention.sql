-- What the retention job looks rows up by: applied event ids by age, settled nudge rows by due time.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX nudge_settled ON nudge (due_at) WHERE status <> 'PENDING';

-- Subscriptions whose learner erased their data (LearnerErased): only the id, so that an event that arrives after the
-- erasure (another partition, a replay from a dead-letter topic) is dropped instead of recreating what was erased.
CREATE TABLE erased_subscription (
    subscription_id uuid        PRIMARY KEY,
    erased_at       timestamptz NOT NULL
);
