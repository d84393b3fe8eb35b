-- Acts: a conversion's document, from draft to payout. The money moves in the ledger
-- (conversion, conversion_reversal, payout entries); an act keeps its number, amount and
-- workflow days. Acts are never deleted, and what identifies one never changes.

CREATE TABLE acts (
    id          INTEGER PRIMARY KEY,
    -- `2026-0007`: a sequence per year, never reused
    number      TEXT NOT NULL UNIQUE,
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    partner     TEXT NOT NULL REFERENCES partners(id),
    program     TEXT NOT NULL REFERENCES programs(id),
    -- the ledger's conversion entry
    conversion  INTEGER NOT NULL UNIQUE REFERENCES ledger(id),
    date        TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    -- in the program's unit (bonuses for bitrix24), minor units
    amount      INTEGER NOT NULL CHECK (amount > 0),
    -- the money owed: amount × the unit's value, minor units of `currency`
    money       INTEGER NOT NULL CHECK (money > 0),
    currency    TEXT NOT NULL,
    -- percent inside `money`; NULL: «Без налога (НДС)»
    vat_rate    TEXT,
    vat         INTEGER,
    payout_kind TEXT NOT NULL CHECK (payout_kind IN ('bank', 'licence_credit')),
    status      TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'signed', 'rejected', 'paid')),
    sent        TEXT,
    sign_due    TEXT,
    signed      TEXT,
    pay_due     TEXT,
    paid        TEXT,
    rejected    TEXT,
    reason      TEXT,
    -- the ledger's payout or conversion_reversal entry
    settled_by  INTEGER REFERENCES ledger(id),
    -- both parties' requisites as sent (JSON): a sent act does not change with the card
    parties     TEXT,
    -- the EDO file's GUID, chosen once so the XML is the same every time it is saved
    guid        TEXT NOT NULL,
    at          TEXT NOT NULL,
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX acts_by_partner ON acts (partner, date);
CREATE INDEX acts_by_status ON acts (status, date);

CREATE TRIGGER acts_no_delete BEFORE DELETE ON acts BEGIN
    SELECT RAISE(ABORT, 'acts are never deleted');
END;
CREATE TRIGGER acts_fixed BEFORE UPDATE OF number, year, seq, partner, program, conversion, date, amount, money, currency, guid ON acts BEGIN
    SELECT RAISE(ABORT, 'an act keeps its number, partner and amount');
END;
