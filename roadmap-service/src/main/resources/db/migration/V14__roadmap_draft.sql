-- A roadmap being authored: at most one draft per roadmap id (also for an id not published yet). Stored as
-- written, valid or not; publishing validates it, makes it the next version and deletes the row.
CREATE TABLE roadmap_draft (
    roadmap_id  text        PRIMARY KEY,
    document    text        NOT NULL,
    saved_at    timestamptz NOT NULL,
    saved_by    text        NOT NULL
);
