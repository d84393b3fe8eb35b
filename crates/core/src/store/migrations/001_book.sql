-- The book: settings, programs, partners and codes, clients and bindings.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE programs (
    id            TEXT PRIMARY KEY,
    name_ru       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    unit          TEXT NOT NULL,
    currency      TEXT NOT NULL,
    code_format   TEXT NOT NULL,
    rate_required INTEGER NOT NULL DEFAULT 0,
    -- JSON list of the partner kinds admitted; [] = every kind
    kinds         TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE program_versions (
    id             INTEGER PRIMARY KEY,
    program        TEXT NOT NULL REFERENCES programs(id),
    effective_from TEXT NOT NULL,
    rules          TEXT NOT NULL,
    UNIQUE (program, effective_from)
) STRICT;

CREATE TABLE partners (
    id              TEXT PRIMARY KEY,
    program         TEXT NOT NULL REFERENCES programs(id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('ooo', 'ip', 'person', 'foreign')),
    inn             TEXT,
    kpp             TEXT,
    ogrn            TEXT,
    vat_payer       INTEGER NOT NULL DEFAULT 0,
    vat_rate        TEXT,
    code            TEXT COLLATE NOCASE,
    rate            TEXT,
    contract_no     TEXT,
    contract_date   TEXT,
    registered      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated', 'disqualified')),
    status_since    TEXT NOT NULL,
    bik             TEXT,
    account         TEXT,
    address         TEXT,
    signer          TEXT,
    signer_position TEXT,
    email           TEXT,
    edo_id          TEXT,
    -- clients bound now (kept by the binding code, for the table's sort)
    bound_clients   INTEGER NOT NULL DEFAULT 0,
    -- lower-cased id, name, ИНН and code: what the partners table searches
    search          TEXT NOT NULL
) STRICT;
CREATE INDEX partners_by_program ON partners (program, status, name);
CREATE INDEX partners_by_name ON partners (name);
CREATE INDEX partners_by_clients ON partners (bound_clients, id);

-- Substring search over the partners' `search` text (three characters or more), kept in
-- step with the table by triggers.
CREATE VIRTUAL TABLE partners_search USING fts5 (
    search, content = 'partners', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER partners_search_insert AFTER INSERT ON partners BEGIN
    INSERT INTO partners_search (rowid, search) VALUES (new.rowid, new.search);
END;
CREATE TRIGGER partners_search_delete AFTER DELETE ON partners BEGIN
    INSERT INTO partners_search (partners_search, rowid, search) VALUES ('delete', old.rowid, old.search);
END;
CREATE TRIGGER partners_search_update AFTER UPDATE OF search ON partners BEGIN
    INSERT INTO partners_search (partners_search, rowid, search) VALUES ('delete', old.rowid, old.search);
    INSERT INTO partners_search (rowid, search) VALUES (new.rowid, new.search);
END;

-- Every code ever issued; a code is never reused, even once retired.
CREATE TABLE partner_codes (
    program TEXT NOT NULL REFERENCES programs(id),
    code    TEXT NOT NULL COLLATE NOCASE,
    partner TEXT NOT NULL REFERENCES partners(id),
    issued  TEXT NOT NULL,
    retired TEXT,
    PRIMARY KEY (program, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX partner_codes_by_partner ON partner_codes (partner);

CREATE TABLE clients (
    id           INTEGER PRIMARY KEY,
    program      TEXT NOT NULL REFERENCES programs(id),
    client_id    TEXT NOT NULL,
    name         TEXT,
    inn          TEXT,
    registered   TEXT,
    users        INTEGER,
    active_since TEXT,
    promo_ends   TEXT,
    -- lower-cased id, name and ИНН: what the clients table searches
    search       TEXT NOT NULL DEFAULT '',
    UNIQUE (program, client_id)
) STRICT;

-- Every attempt to bind a client, accepted or refused, with its reason. An accepted one
-- (`bound`) is a binding: it lasts until `until`, the day the client moved on.
CREATE TABLE binding_events (
    id       INTEGER PRIMARY KEY,
    client   INTEGER NOT NULL REFERENCES clients(id),
    date     TEXT NOT NULL,
    code     TEXT,
    partner  TEXT REFERENCES partners(id),
    channel  TEXT NOT NULL,
    outcome  TEXT NOT NULL CHECK (outcome IN ('bound', 'kept', 'refused')),
    reason   TEXT,
    detail   TEXT,
    version  INTEGER REFERENCES program_versions(id),
    import   INTEGER,
    until    TEXT CHECK (until IS NULL OR outcome = 'bound')
) STRICT;
-- one attempt is recorded once; also how a client's events and binding are found
CREATE UNIQUE INDEX binding_events_key ON binding_events (client, date, channel, coalesce(code, '') COLLATE NOCASE);
-- a partner's clients, now (until IS NULL) and before
CREATE INDEX binding_events_bound ON binding_events (partner, until) WHERE outcome = 'bound';
-- the partner card's refused attempts
CREATE INDEX binding_events_refused ON binding_events (partner) WHERE outcome = 'refused';

-- Who a client belonged to and when: the accepted attempts. A client has at most one
-- current binding (until IS NULL); the binding code keeps it so.
CREATE VIEW bindings AS
    SELECT id, client, partner, channel, date AS since, until, id AS event
    FROM binding_events WHERE outcome = 'bound';
