-- A timeline window ("2012", "2012-Q3") is read by start from a year before
-- the window on: an event dated at year precision or finer covers at most
-- 366 days, so nothing that starts earlier reaches into it. Decades and
-- centuries are the only longer events; this partial index finds those that
-- started earlier still without walking every older event. Its predicate is
-- the store's longSpan condition, word for word.
CREATE INDEX events_long_span ON events (starts_at, first_article_id, first_offset, id)
    WHERE precision IN ('century', 'decade');
