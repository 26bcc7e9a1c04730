-- Issue 19, nudges that learn. The posterior of each content strategy (NudgeVariant id) per roadmap and coarse learner
-- state ("behind" | "on-track" | "ahead", NudgeState.context): Beta(alpha, beta), Beta(1, 1) before any outcome. Updated
-- from NudgeOutcome (reward in [0, 1]: alpha += r, beta += 1 - r); the dispatcher samples from it. No personal data.
CREATE TABLE variant_posterior (
    roadmap_id text             NOT NULL,
    context    text             NOT NULL,
    variant    text             NOT NULL,
    alpha      double precision NOT NULL,
    beta       double precision NOT NULL,
    updated_at timestamptz      NOT NULL,
    PRIMARY KEY (roadmap_id, context, variant)
);

-- What the dispatcher chose for a weekly nudge (null for welcomes, congratulations and rows from before): the variant id,
-- why (a NudgeVariant.Reason name), whether the learner is in the holdout, and the learner state the choice was made in
-- (the posterior its outcome updates). A row claimed again after its lease keeps the choice made the first time.
-- outcome_reward: the reward of the NudgeOutcome applied to the posterior for this nudge; a second outcome is not applied.
ALTER TABLE nudge
    ADD COLUMN variant        text,
    ADD COLUMN variant_reason text,
    ADD COLUMN holdout        boolean,
    ADD COLUMN context        text,
    ADD COLUMN outcome_reward double precision;

-- The learner's choice on the manage page (MeasurementChanged): false = no measurement, default content only.
-- measured_at: the time of the event that set it; an older one is ignored.
ALTER TABLE subscription_projection
    ADD COLUMN measured    boolean NOT NULL DEFAULT true,
    ADD COLUMN measured_at timestamptz;
