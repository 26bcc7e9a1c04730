-- Issue 17, text per locale: the roadmap's translations as its RoadmapPublished carries them (JSON object: language ->
-- key -> text, the roadmap document's keys); null for roadmaps published before they travelled, and then every learner
-- reads the authored (English) texts.
ALTER TABLE roadmap_projection
    ADD COLUMN translations text;
