-- Programs keep the order they were made in as a column of their own (SQLite's rowid
-- has no twin on a server). The PostgreSQL twin also keeps the notes of its writers.
ALTER TABLE programs ADD COLUMN position INTEGER;
UPDATE programs SET position = rowid;

-- A client's current binding, found by its client: a binding that ends is closed by it.
CREATE INDEX binding_events_current ON binding_events (client) WHERE outcome = 'bound' AND until IS NULL;
