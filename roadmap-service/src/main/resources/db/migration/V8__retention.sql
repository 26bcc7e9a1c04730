-- What the retention job (RetentionJob) looks rows up by: acknowledged outbox rows, subscriptions that expired
-- unconfirmed, learners by age and whether any subscription is left.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX subscription_expired ON subscription (ended_at) WHERE status = 'EXPIRED';
CREATE INDEX subscription_learner ON subscription (learner_id);
CREATE INDEX learner_created ON learner (created_at);
