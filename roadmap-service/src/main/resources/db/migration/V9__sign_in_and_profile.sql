-- A signed-in learner may ask to be emailed at a new address: it waits here until the link sent to it is followed
-- (LearnerProfile), and the learner's address stays the old one until then.
ALTER TABLE learner ADD COLUMN pending_email text;
ALTER TABLE learner ADD COLUMN pending_email_at timestamptz;

-- Rotating a subscription's calendar feed refuses every feed link issued before this instant (links name their issue time).
ALTER TABLE subscription ADD COLUMN calendar_rotated_at timestamptz;
