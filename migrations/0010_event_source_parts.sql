-- The parts of the clause that tell a source's happening, as article offsets
-- like start_offset and end_offset: the predicate (a verb or an event noun),
-- its subject and its object. NULL where the pipeline found no such part or
-- the source was added by hand.
ALTER TABLE event_sources ADD COLUMN predicate_start INTEGER;
ALTER TABLE event_sources ADD COLUMN predicate_end INTEGER;
ALTER TABLE event_sources ADD COLUMN subject_start INTEGER;
ALTER TABLE event_sources ADD COLUMN subject_end INTEGER;
ALTER TABLE event_sources ADD COLUMN object_start INTEGER;
ALTER TABLE event_sources ADD COLUMN object_end INTEGER;
