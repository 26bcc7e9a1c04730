-- When a subscription's pause began, as an instant: a learner whose every subscription is paused or ended, and
-- paused longer ago than stride.retention.paused-learners, is erased (InactiveLearners). Set on pause, cleared on resume.
ALTER TABLE subscription
    ADD COLUMN paused_at timestamptz;
-- Subscriptions paused before this column existed: counted from this migration, the latest their pause can have begun,
-- so nobody is erased earlier than the window promises (plan_break keeps only a date, and PostgreSQL's zone names need
-- not match Java's).
UPDATE subscription SET paused_at = now() WHERE status = 'PAUSED';
