-- The learner's choices: the optional milestones they opted in to and the member they picked of "choose one of" groups
-- (pacing's Selection counts and lays those). Null: none chosen, the roadmap as suggested.
ALTER TABLE subscription
    ADD COLUMN choices text[];
