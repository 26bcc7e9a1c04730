-- When a subscription's pause began, as an instant: a learner whose every subscription is paused or ended, and
-- paused longer ago than stride.retention.paused-learners, is erased (InactiveLearners). Set on pause, cleared on resume.
ALTER TABLE subscription
    ADD COLUMN paused_at timestamptz;
-- Subscriptions paused before this column existed: the start of the day their open pause began, in their own zone
-- (the earliest instant that pause can have begun; plan_break keeps only the date).
UPDATE subscription s
   SET paused_at = (SELECT max(b.starts_on)::timestamp AT TIME ZONE s.zone
                      FROM plan_break b
                     WHERE b.subscription_id = s.id AND b.kind = 'PAUSE' AND b.ends_before IS NULL)
 WHERE s.status = 'PAUSED';
-- A paused subscription without an open pause (none is made so): counted from now, the latest it can be.
UPDATE subscription SET paused_at = now() WHERE status = 'PAUSED' AND paused_at IS NULL;
