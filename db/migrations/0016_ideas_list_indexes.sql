-- ideas: indexes for the list's filters and sort orders, measured with
-- 100 000 ideas (bench/README.md, "Idea list"): without them a filtered or
-- title-sorted page scans and sorts every visible idea. The list's SQL names
-- only the filters that are set, so that these can be used.

CREATE INDEX ideas_ideas_title ON ideas_ideas(title, id);
CREATE INDEX ideas_ideas_moved ON ideas_ideas(stage_since, id);
CREATE INDEX ideas_ideas_area ON ideas_ideas(area, created_at, id);
CREATE INDEX ideas_ideas_kind ON ideas_ideas(stage_kind, created_at, id);
CREATE INDEX ideas_ideas_org_created ON ideas_ideas(organisation_id, created_at, id);
