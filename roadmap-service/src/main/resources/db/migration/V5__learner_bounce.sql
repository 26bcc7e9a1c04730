-- A hard bounce: the learner's address refused delivery for good (notifier-service's DeliveryFailed with permanent = true),
-- and the notifier stopped emailing it. Kept on the learner, that is on the address, so the manage page of every one of
-- their subscriptions says so, why and since when. The latest bounce wins; a later Delivered does not clear it.
ALTER TABLE learner ADD COLUMN bounced_at timestamptz;
ALTER TABLE learner ADD COLUMN bounce_reason text;
