-- Linking the events of a story's articles. Each source keeps the date its
-- article gives, so an event told by several articles knows whether they
-- agree; sources stored before keep their event's date.
ALTER TABLE event_sources ADD COLUMN value TEXT NOT NULL DEFAULT '';
ALTER TABLE event_sources ADD COLUMN mod TEXT NOT NULL DEFAULT '';
UPDATE event_sources SET
    value = COALESCE((SELECT e.value FROM events e WHERE e.id = event_sources.event_id), ''),
    mod = COALESCE((SELECT e.mod FROM events e WHERE e.id = event_sources.event_id), '');

-- An event whose sources give incompatible dates ("sources disagree") until
-- an editor resolves it by choosing the date; resolution is the editor's note.
ALTER TABLE events ADD COLUMN disagree {{bool}} NOT NULL DEFAULT FALSE;
ALTER TABLE events ADD COLUMN resolution TEXT NOT NULL DEFAULT '';

-- What the linker did or proposes in a story: other_id merged (or to be
-- merged) into event_id. linked: merged at once, an editor may undo it;
-- pending: a proposal waiting for an editor; accepted, rejected, undone:
-- decided, and never proposed or linked again.
CREATE TABLE story_links (
    id         {{pk}},
    story_id   BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    event_id   BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    other_id   BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    score      REAL NOT NULL DEFAULT 0,
    reason     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL CHECK (status IN ('linked', 'pending', 'accepted', 'rejected', 'undone')),
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{ts}} NOT NULL,
    decided_at {{ts}},
    UNIQUE (story_id, event_id, other_id)
);
CREATE INDEX story_links_status ON story_links (story_id, status, id);
