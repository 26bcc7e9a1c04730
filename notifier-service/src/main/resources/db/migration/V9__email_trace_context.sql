-- The W3C traceparent of the span that queued the email (the consumer of the nudge or subscription event), so the
-- SMTP exchange a sender does later, on its own thread, is a span of that trace. NULL when nothing was traced.
ALTER TABLE email_delivery ADD COLUMN trace_parent text;
