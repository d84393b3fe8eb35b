-- A conversion may carry the key its requester chose (a dialog, a script): the same key
-- again answers the act already made instead of making a second one, so a retried
-- request never converts twice.
ALTER TABLE acts ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX acts_by_request_key ON acts (request_key) WHERE request_key IS NOT NULL;
CREATE TRIGGER acts_request_key_fixed BEFORE UPDATE OF request_key ON acts BEGIN
    SELECT RAISE(ABORT, 'an act keeps the key of the request that made it');
END;
