-- The reminder-service's own view of roadmaps and subscriptions, built from their events.
CREATE TABLE roadmap_projection (
    roadmap_id  text        PRIMARY KEY,
    version     integer     NOT NULL,
    title       text        NOT NULL,
    retired     boolean     NOT NULL DEFAULT false,
    milestones  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE subscription_projection (
    subscription_id  uuid        PRIMARY KEY,
    email            text        NOT NULL,
    display_name     text        NOT NULL,
    locale           text        NOT NULL,
    roadmap_id       text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'UNSUBSCRIBED')),
    status_at        timestamptz NOT NULL,
    plan             text        NOT NULL,
    plan_at          timestamptz NOT NULL,
    start_date       date        NOT NULL,
    idle_nudges      integer     NOT NULL DEFAULT 0,
    last_progress_at timestamptz,
    last_nudge_at    timestamptz,
    completed        boolean     NOT NULL DEFAULT false
);
CREATE INDEX subscription_projection_roadmap ON subscription_projection (roadmap_id);

-- Latest state per milestone; the newest 'at' wins, so redelivered or reordered events settle the same.
CREATE TABLE milestone_state (
    subscription_id  uuid        NOT NULL,
    milestone_id     text        NOT NULL,
    state            text        NOT NULL,
    at               timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, milestone_id)
);

-- Learner-local dates with progress, for the streak.
CREATE TABLE progress_day (
    subscription_id  uuid NOT NULL,
    on_date          date NOT NULL,
    PRIMARY KEY (subscription_id, on_date)
);

CREATE TABLE skipped_week (
    subscription_id  uuid NOT NULL,
    week_start       date NOT NULL,
    PRIMARY KEY (subscription_id, week_start)
);

-- Snoozes and pauses: no session and no nudge on these dates. A pause is open until resumed.
CREATE TABLE plan_break (
    subscription_id  uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('PAUSE', 'SNOOZE')),
    starts_on        date NOT NULL,
    ends_before      date,
    PRIMARY KEY (subscription_id, kind, starts_on)
);
