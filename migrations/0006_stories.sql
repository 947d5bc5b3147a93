-- Stories: named collections of articles (an article may belong to several),
-- each with its own timeline, review queue and exports.
CREATE TABLE stories (
    id          {{pk}},
    -- The story's handle in URLs and on the command line ("QZ8501"): ASCII
    -- letters, digits, '.', '_' and '-', unique whatever its case.
    name        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    -- Lower-case tags, comma-separated.
    tags        TEXT NOT NULL DEFAULT '',
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  {{ts}} NOT NULL,
    updated_at  {{ts}} NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX stories_name ON stories (lower(name));

CREATE TABLE story_articles (
    story_id   BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- How the article joined: ingest, editor or proposal.
    joined_by  TEXT NOT NULL DEFAULT 'editor' CHECK (joined_by IN ('ingest', 'editor', 'proposal')),
    added_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{ts}} NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles (article_id, story_id);
