-- The audit log and the history of imports.

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail    TEXT
) STRICT;
CREATE INDEX audit_by_entity ON audit (entity, entity_id);

CREATE TABLE imports (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    file      TEXT NOT NULL,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    rows      INTEGER NOT NULL,
    added     INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    refused   INTEGER NOT NULL
) STRICT;
