-- PostgreSQL twin of ../007_request_keys.sql, the SQLite migration of the same name: the
-- same column, index and trigger in PostgreSQL's terms. The two change together.
--
-- A conversion may carry the key its requester chose (a dialog, a script): the same key
-- again answers the act already made instead of making a second one, so a retried
-- request never converts twice.
ALTER TABLE acts ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX acts_by_request_key ON acts (request_key) WHERE request_key IS NOT NULL;
-- Like SQLite's UPDATE OF: fires when the UPDATE sets request_key, even to the value it had.
CREATE TRIGGER acts_request_key_fixed BEFORE UPDATE OF request_key ON acts
    FOR EACH ROW EXECUTE FUNCTION book_refuse('an act keeps the key of the request that made it');
