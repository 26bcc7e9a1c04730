-- The pace a subscription's current plan counts from (PaceBaseline): null until the plan is first changed or the
-- learner re-plans from today; then the date it applies from and the minutes expected before it. Both or neither.
ALTER TABLE subscription
    ADD COLUMN pace_from             date,
    ADD COLUMN pace_expected_minutes integer CHECK (pace_expected_minutes >= 0),
    ADD CONSTRAINT subscription_pace_whole CHECK ((pace_from IS NULL) = (pace_expected_minutes IS NULL));

-- Minutes the learner logged against a milestone (in progress): they count as done and are not laid again.
ALTER TABLE milestone_progress
    ADD COLUMN logged_minutes integer NOT NULL DEFAULT 0 CHECK (logged_minutes >= 0);
