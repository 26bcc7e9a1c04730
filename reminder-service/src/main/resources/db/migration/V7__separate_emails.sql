-- The learner's choice (Learner.separateEmails in SubscriptionActivated and LearnerChanged): false, the default, gathers the
-- week's nudges of all their live subscriptions into one digest; true sends each at its own moment.
ALTER TABLE subscription_projection ADD COLUMN separate_emails boolean NOT NULL DEFAULT false;

-- The dispatcher finds a learner's other subscriptions by address, compared lower-cased.
CREATE INDEX subscription_projection_address ON subscription_projection (lower(email));
