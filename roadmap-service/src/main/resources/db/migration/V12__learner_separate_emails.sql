-- The learner's choice between one weekly digest across all their roadmaps (false, the default) and a separate email for
-- each roadmap (true); told to the reminder in every event that names the learner.
ALTER TABLE learner ADD COLUMN separate_emails boolean NOT NULL DEFAULT false;
