-- Issue 19: what the learning policy and the operators' console need to see.

-- Off: the learner opted out of measuring what follows their nudges (manage page); no engagement is recorded, no
-- outcome is published, and their nudges use the default content.
ALTER TABLE subscription
    ADD COLUMN measured boolean NOT NULL DEFAULT true;

-- Every action a learner takes through a signed link or a page, with the nudge that led to it: the nudge its link
-- named (the "n" parameter), else the latest nudge sent to the subscription within the measurement window, else none.
-- action: MARK_DONE, SKIP_WEEK, SNOOZE, PAUSE, RESUME, REPLAN, MANAGE_OPEN, CALENDAR_DOWNLOAD, UNSUBSCRIBE, ...
CREATE TABLE engagement (
    id              bigserial PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    nudge_id        uuid,
    action          text        NOT NULL,
    at              timestamptz NOT NULL,
    detail          text
);
CREATE INDEX engagement_by_subscription ON engagement (subscription_id, at);
CREATE INDEX engagement_by_nudge ON engagement (nudge_id) WHERE nudge_id IS NOT NULL;

-- Every nudge the reminder published (read from nudge-events), its delivery as the notifier reported it, and what
-- followed within the measurement window once that window closed (outcome_closed_at set, NudgeOutcome published).
CREATE TABLE nudge_log (
    nudge_id          uuid PRIMARY KEY,
    subscription_id   uuid        NOT NULL,
    roadmap_id        text        NOT NULL,
    kind              text        NOT NULL,
    week_start        date        NOT NULL,
    due_at            timestamptz NOT NULL,
    variant           text,
    variant_reason    text,
    holdout           boolean     NOT NULL DEFAULT false,
    planned_minutes   integer     NOT NULL DEFAULT 0,
    received_at       timestamptz NOT NULL,
    sent_at           timestamptz,
    outcome_closed_at timestamptz,
    milestones_done   integer,
    minutes_logged    integer,
    engagements       integer,
    unsubscribed      boolean,
    reward            double precision
);
CREATE INDEX nudge_log_by_subscription ON nudge_log (subscription_id, due_at DESC);
CREATE INDEX nudge_log_open_outcomes ON nudge_log (sent_at) WHERE outcome_closed_at IS NULL AND sent_at IS NOT NULL;

-- Each email's last delivery outcome as the notifier reported it (Delivered / DeliveryFailed), for support.
CREATE TABLE delivery_log (
    email_id        uuid PRIMARY KEY,
    kind            text        NOT NULL,
    subscription_id uuid,
    outcome         text        NOT NULL,
    reason          text,
    permanent       boolean     NOT NULL DEFAULT false,
    attempts        integer     NOT NULL DEFAULT 0,
    message_id      text,
    at              timestamptz NOT NULL
);
CREATE INDEX delivery_log_by_subscription ON delivery_log (subscription_id, at DESC);
