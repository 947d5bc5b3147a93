-- Merge proposals were never written or read: cross-article linking
-- proposes links from the events it compares, not from this table.
DROP TABLE merge_proposals;
