-- The roadmap's routine as its RoadmapPublished carries it: habits (JSON list) and the weekly mix (JSON object); null for
-- roadmaps published before they had them, and then none: milestones strictly in order.
ALTER TABLE roadmap_projection
    ADD COLUMN habits     text,
    ADD COLUMN weekly_mix text;

-- The learner's choices (SubscriptionActivated.choices, PlanChanged.choices): optional milestones and "choose one of"
-- members they chose, as a JSON list; null: none.
ALTER TABLE subscription_projection
    ADD COLUMN choices text;
