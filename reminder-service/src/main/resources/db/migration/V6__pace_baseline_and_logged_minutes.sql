-- The pace a subscription's current plan counts from (PlanChanged.baseline, PaceReset): both null while it counts from the start date.
ALTER TABLE subscription_projection
    ADD COLUMN pace_from             date,
    ADD COLUMN pace_expected_minutes integer;

-- Minutes logged against a milestone in progress (MilestoneProgressed.loggedMinutes): they count as done and are not laid again.
ALTER TABLE milestone_state
    ADD COLUMN logged_minutes integer NOT NULL DEFAULT 0;

-- The welcome: the start week's nudge, sent at once on activation (NudgeDue kind WELCOME) instead of at its moment.
ALTER TABLE nudge
    ADD COLUMN welcome boolean NOT NULL DEFAULT false;
