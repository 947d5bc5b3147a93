-- Where an event's first source stands: the lowest article ID among its
-- sources, then the lowest offset within that article. Events that start
-- together are ordered by it, so the events of one day read as the story
-- tells them. The store keeps it as sources are added and moved, so the
-- timeline and exports sort by columns instead of running subqueries for
-- every event. 0 and -1 mark an event without sources, which sorts first
-- on every database.
ALTER TABLE events ADD COLUMN first_article_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN first_offset INTEGER NOT NULL DEFAULT -1;

UPDATE events SET
    first_article_id = COALESCE((SELECT es.article_id FROM event_sources es WHERE es.event_id = events.id
        ORDER BY es.article_id, es.start_offset LIMIT 1), 0),
    first_offset = COALESCE((SELECT es.start_offset FROM event_sources es WHERE es.event_id = events.id
        ORDER BY es.article_id, es.start_offset LIMIT 1), -1);

CREATE INDEX events_timeline_order ON events (starts_at, first_article_id, first_offset, id);
