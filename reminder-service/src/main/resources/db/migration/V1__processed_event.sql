-- Event ids this service has applied: a redelivered event finds its id here and is dropped.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
