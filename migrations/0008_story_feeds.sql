-- RSS and Atom feeds a story follows, with when each was last read and
-- what failed, and the items already read from each (an item is read once).
CREATE TABLE story_feeds (
    id           {{pk}},
    story_id     BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    added_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   {{ts}} NOT NULL,
    last_read_at {{ts}},
    -- Why the last read, or an item of it, failed; '' when all went well.
    last_error   TEXT NOT NULL DEFAULT '',
    items_added  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (story_id, url)
);

CREATE TABLE feed_items (
    feed_id    BIGINT NOT NULL REFERENCES story_feeds (id) ON DELETE CASCADE,
    link       TEXT NOT NULL,
    article_id BIGINT REFERENCES articles (id) ON DELETE SET NULL,
    error      TEXT NOT NULL DEFAULT '',
    read_at    {{ts}} NOT NULL,
    PRIMARY KEY (feed_id, link)
);
