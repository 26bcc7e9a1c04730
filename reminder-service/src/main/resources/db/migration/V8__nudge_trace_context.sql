-- The W3C traceparent of the span that scheduled the nudge (the event the reminder consumed, usually): the dispatch
-- days later is a trace of its own and points back at it with a span link. NULL when nothing was traced.
ALTER TABLE nudge ADD COLUMN trace_parent text;
