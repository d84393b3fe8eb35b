-- The EDO files the book made for its acts, byte for byte: a signed package comes back
-- with the seller's title, which must be exactly one of these (found by its ИдФайл).
-- One act may have several (made on other days, or before a requisite changed).
CREATE TABLE act_edo_files (
    id      INTEGER PRIMARY KEY,
    act     INTEGER NOT NULL REFERENCES acts(id),
    -- `ИдФайл`: the file's name without `.xml`
    file_id TEXT NOT NULL,
    bytes   BLOB NOT NULL,
    made_at TEXT NOT NULL,
    UNIQUE (file_id, bytes)
) STRICT;
CREATE INDEX act_edo_files_by_act ON act_edo_files (act);

-- The electronic signatures an act came back with from EDO: the partner's on the
-- seller's title, the vendor's on the buyer's title. Each keeps the signed file and
-- the signature file as they came (the archive copy), and what the certificate says.
CREATE TABLE act_signatures (
    id             INTEGER PRIMARY KEY,
    act            INTEGER NOT NULL REFERENCES acts(id),
    role           TEXT NOT NULL CHECK (role IN ('seller', 'buyer')),
    document_name  TEXT NOT NULL,
    document       BLOB NOT NULL,
    signature_name TEXT NOT NULL,
    signature      BLOB NOT NULL,
    certificate    BLOB NOT NULL,
    signer         TEXT NOT NULL,
    organization   TEXT,
    inn            TEXT,
    ogrn           TEXT,
    serial         TEXT NOT NULL,
    -- RFC 3339, Moscow time
    valid_from     TEXT NOT NULL,
    valid_to       TEXT NOT NULL,
    signed_at      TEXT NOT NULL,
    at             TEXT NOT NULL,
    UNIQUE (act, role)
) STRICT;

CREATE TRIGGER act_edo_files_fixed BEFORE UPDATE ON act_edo_files BEGIN
    SELECT RAISE(ABORT, 'a file the book made is kept as it was made');
END;
CREATE TRIGGER act_edo_files_no_delete BEFORE DELETE ON act_edo_files BEGIN
    SELECT RAISE(ABORT, 'a file the book made is kept as it was made');
END;
CREATE TRIGGER act_signatures_fixed BEFORE UPDATE ON act_signatures BEGIN
    SELECT RAISE(ABORT, 'a signature is kept as it came');
END;
CREATE TRIGGER act_signatures_no_delete BEFORE DELETE ON act_signatures BEGIN
    SELECT RAISE(ABORT, 'a signature is kept as it came');
END;
