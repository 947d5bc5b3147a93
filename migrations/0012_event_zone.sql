-- The UTC offset the source gave for an event's clock time ("+07:00" for
-- "pukul 06.18 WIB"); '' when it gave none or the date has no clock time.
-- starts_at and ends_at keep the wall-clock time; exports write the instant
-- with this offset.
ALTER TABLE events ADD COLUMN zone TEXT NOT NULL DEFAULT '';
