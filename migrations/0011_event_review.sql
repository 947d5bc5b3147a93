-- Where an event stands in editorial review: proposed (what the pipeline
-- made, or an editor added, waiting for a decision), approved (exports
-- publish it) or rejected (never exported). Every event stored before is
-- proposed: no editor has looked at it under this rule yet.
ALTER TABLE events ADD COLUMN review TEXT NOT NULL DEFAULT 'proposed'
    CHECK (review IN ('proposed', 'approved', 'rejected'));
