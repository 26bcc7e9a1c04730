-- Issue 19: the email a nudge went out in. For a nudge of its own it is the nudge id; for a part of a weekly digest it
-- is the digest's email id (derived from the digest key, NudgeDue.Digest#emailId), which is what Delivered and
-- DeliveryFailed report, so every part of a digest gets its sent_at from the one delivery.
ALTER TABLE nudge_log
    ADD COLUMN email_id uuid;
UPDATE nudge_log SET email_id = nudge_id WHERE email_id IS NULL;
ALTER TABLE nudge_log
    ALTER COLUMN email_id SET NOT NULL;
CREATE INDEX nudge_log_by_email ON nudge_log (email_id);

-- The retention job deletes engagement, nudge and delivery rows by age.
CREATE INDEX engagement_by_at ON engagement (at);
CREATE INDEX nudge_log_by_received ON nudge_log (received_at);
CREATE INDEX delivery_log_by_at ON delivery_log (at);
