-- A calendar session's SEQUENCE is now the time its content was computed (the nudge's build time), shared with the live
-- feed's rule; nothing is remembered per UID here any more.
DROP TABLE calendar_event;
