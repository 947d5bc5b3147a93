-- Articles that resemble a story's (their events are the story's events,
-- by the cross-article linker), proposed to an editor who accepts them
-- into the story or rejects them; a decided pair is not proposed again.
CREATE TABLE story_candidates (
    id         {{pk}},
    story_id   BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score      REAL NOT NULL DEFAULT 0,
    reason     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{ts}} NOT NULL,
    decided_at {{ts}},
    UNIQUE (story_id, article_id)
);
CREATE INDEX story_candidates_article ON story_candidates (article_id);
