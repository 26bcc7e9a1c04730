-- A roadmap and its published versions. A version stores the whole authored document and never changes;
-- milestone ids inside it are stable across versions, which is what progress refers to.
CREATE TABLE roadmap (
    id               text        PRIMARY KEY,
    current_version  integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PUBLISHED', 'RETIRED')),
    bundled          boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    retired_at       timestamptz
);

CREATE TABLE roadmap_version (
    roadmap_id    text        NOT NULL REFERENCES roadmap (id),
    version       integer     NOT NULL CHECK (version >= 1),
    document      text        NOT NULL,
    content_hash  text        NOT NULL,
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (roadmap_id, version)
);
