-- The first schema: people, articles with everything extracted from them,
-- the timeline of events, and the revision log that records every edit.

CREATE TABLE users (
    id            {{pk}},
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    disabled      {{bool}} NOT NULL DEFAULT FALSE,
    created_at    {{ts}} NOT NULL,
    updated_at    {{ts}} NOT NULL
);

CREATE TABLE articles (
    id                 {{pk}},
    content_hash       TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL DEFAULT '',
    url                TEXT NOT NULL DEFAULT '',
    publisher          TEXT NOT NULL DEFAULT '',
    author             TEXT NOT NULL DEFAULT '',
    lang               TEXT NOT NULL DEFAULT '',
    -- The publication date as YYYY-MM-DD; '' when neither given nor inferable.
    published          TEXT NOT NULL DEFAULT '',
    published_inferred {{bool}} NOT NULL DEFAULT FALSE,
    published_evidence TEXT NOT NULL DEFAULT '',
    dateline           TEXT NOT NULL DEFAULT '',
    wire_source        TEXT NOT NULL DEFAULT '',
    translator         TEXT NOT NULL DEFAULT '',
    editor             TEXT NOT NULL DEFAULT '',
    reporter           TEXT NOT NULL DEFAULT '',
    -- JSON array of {"start","end"} byte spans of boilerplate in body.
    boilerplate        TEXT NOT NULL DEFAULT '[]',
    body               TEXT NOT NULL,
    -- How the article arrived: text, html, jsonl, url or form.
    source_kind        TEXT NOT NULL DEFAULT '',
    created_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at         {{ts}} NOT NULL,
    updated_at         {{ts}} NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_publisher ON articles (publisher);

CREATE TABLE timexes (
    id           {{pk}},
    article_id   BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ref          TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    value        TEXT NOT NULL,
    mod          TEXT NOT NULL DEFAULT '',
    anchor       TEXT NOT NULL DEFAULT '',
    rule         TEXT NOT NULL DEFAULT '',
    explanation  TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, ref)
);

CREATE TABLE claims (
    id           {{pk}},
    article_id   BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ref          TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'statement',
    speaker      TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    cue          TEXT NOT NULL DEFAULT '',
    quote        {{bool}} NOT NULL DEFAULT FALSE,
    -- Space-separated refs of the timexes inside the claim.
    timex_refs   TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'unverified'
                 CHECK (status IN ('unverified', 'verified', 'disputed', 'false', 'unverifiable')),
    created_at   {{ts}} NOT NULL,
    updated_at   {{ts}} NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (article_id, ref)
);
CREATE INDEX claims_status ON claims (status);
CREATE INDEX claims_speaker ON claims (speaker);

CREATE TABLE claim_evidence (
    id         {{pk}},
    claim_id   BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    note       TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{ts}} NOT NULL
);
CREATE INDEX claim_evidence_claim ON claim_evidence (claim_id);

CREATE TABLE events (
    id          {{pk}},
    headline    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- The date as a TIMEX3 value with its modifier and precision, and the
    -- interval it covers, which is what the timeline sorts and draws by.
    value       TEXT NOT NULL,
    mod         TEXT NOT NULL DEFAULT '',
    precision   TEXT NOT NULL DEFAULT '',
    starts_at   {{ts}},
    ends_at     {{ts}},
    -- An optional end date for events that last (TIMEX3 value).
    end_value   TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'happened'
                CHECK (status IN ('happened', 'scheduled', 'ongoing', 'reported')),
    hidden      {{bool}} NOT NULL DEFAULT FALSE,
    merged_into BIGINT REFERENCES events (id) ON DELETE SET NULL,
    manual      {{bool}} NOT NULL DEFAULT FALSE,
    created_at  {{ts}} NOT NULL,
    updated_at  {{ts}} NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_starts_at ON events (starts_at, id);

CREATE TABLE event_tags (
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (event_id, tag)
);
CREATE INDEX event_tags_tag ON event_tags (tag);

-- Each event keeps every source that supports it: the article, the claim if
-- one carries it, and the exact sentence span.
CREATE TABLE event_sources (
    id           {{pk}},
    event_id     BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id   BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    claim_id     BIGINT REFERENCES claims (id) ON DELETE SET NULL,
    timex_id     BIGINT REFERENCES timexes (id) ON DELETE SET NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    sentence     TEXT NOT NULL,
    UNIQUE (event_id, article_id, start_offset)
);
CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE INDEX event_sources_article ON event_sources (article_id);

-- Events from different articles that may describe one happening, waiting
-- for an editor to merge them or not.
CREATE TABLE merge_proposals (
    id         {{pk}},
    event_id   BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    other_id   BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    score      REAL NOT NULL,
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{ts}} NOT NULL,
    decided_at {{ts}},
    UNIQUE (event_id, other_id)
);

-- Every change to an article, claim or event: who, when, before and after.
CREATE TABLE revisions (
    id         {{pk}},
    entity     TEXT NOT NULL,
    entity_id  BIGINT NOT NULL,
    action     TEXT NOT NULL,
    before     TEXT NOT NULL DEFAULT '',
    after      TEXT NOT NULL DEFAULT '',
    user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at {{ts}} NOT NULL
);
CREATE INDEX revisions_entity ON revisions (entity, entity_id, id);

CREATE TABLE sessions (
    -- The SHA-256 of the cookie's token: a stolen database does not log anyone in.
    token_hash   TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   {{ts}} NOT NULL,
    expires_at   {{ts}} NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           {{pk}},
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    scope        TEXT NOT NULL DEFAULT 'read',
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   {{ts}} NOT NULL,
    expires_at   {{ts}},
    revoked_at   {{ts}},
    last_used_at {{ts}}
);
