-- Placement at subscribe: the ids of the phases the learner said they already know; at confirmation their milestones
-- become SKIPPED (Placement). Null: none.
ALTER TABLE subscription
    ADD COLUMN known_phases text[];
