-- A session ends after a spell without use as well as at its absolute
-- expiry: last_seen_at is when its browser last made a request (to within
-- the store's touch interval). Existing sessions count as seen at sign-in.
ALTER TABLE sessions ADD COLUMN last_seen_at {{ts}};
UPDATE sessions SET last_seen_at = created_at;
