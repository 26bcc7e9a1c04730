-- A learner is an email address with a name and language; a subscription ties one learner to one roadmap
-- with a weekly plan in the learner's own time zone.
CREATE TABLE learner (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    locale        text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX learner_email ON learner (lower(email));

CREATE TABLE subscription (
    id               uuid        PRIMARY KEY,
    learner_id       uuid        NOT NULL REFERENCES learner (id),
    roadmap_id       text        NOT NULL REFERENCES roadmap (id),
    roadmap_version  integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'PAUSED', 'UNSUBSCRIBED', 'EXPIRED')),
    zone             text        NOT NULL,
    start_date       date        NOT NULL,
    nudge_day        text        NOT NULL,
    nudge_time       time        NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz,
    confirmed_at     timestamptz,
    ended_at         timestamptz,
    row_version      bigint      NOT NULL DEFAULT 0
);
-- One live subscription per learner and roadmap: re-subscribing never makes a second one.
CREATE UNIQUE INDEX subscription_live ON subscription (learner_id, roadmap_id) WHERE status IN ('PENDING', 'ACTIVE', 'PAUSED');
CREATE INDEX subscription_pending_expiry ON subscription (expires_at) WHERE status = 'PENDING';

CREATE TABLE study_slot (
    subscription_id  uuid    NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    day_of_week      text    NOT NULL,
    start_time       time    NOT NULL,
    minutes          integer NOT NULL CHECK (minutes BETWEEN 15 AND 480),
    PRIMARY KEY (subscription_id, position)
);

CREATE TABLE milestone_progress (
    subscription_id  uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    milestone_id     text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('TODO', 'IN_PROGRESS', 'DONE', 'SKIPPED')),
    updated_at       timestamptz NOT NULL,
    updated_on       date        NOT NULL,
    PRIMARY KEY (subscription_id, milestone_id)
);

CREATE TABLE skipped_week (
    subscription_id  uuid NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    week_start       date NOT NULL,
    PRIMARY KEY (subscription_id, week_start)
);

-- Pauses (open until resumed) and snoozes (a fixed number of days): no study session falls inside one.
CREATE TABLE plan_break (
    id               bigserial PRIMARY KEY,
    subscription_id  uuid      NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    kind             text      NOT NULL CHECK (kind IN ('PAUSE', 'SNOOZE')),
    starts_on        date      NOT NULL,
    ends_before      date
);
CREATE INDEX plan_break_subscription ON plan_break (subscription_id);
