-- The W3C traceparent of the span that wrote the event (the learner's request, usually), so the relay publishes it
-- in the same trace although it runs later on another thread. NULL when nothing was traced.
ALTER TABLE outbox_event ADD COLUMN trace_parent text;
