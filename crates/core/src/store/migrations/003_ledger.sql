-- Billing and the ledger: payments as imported, what each earned, and the append-only
-- ledger of accruals and their corrections. Money is stored in minor units (kopecks,
-- tiyn, cents, hundredths of a bonus) as INTEGER, so sums in SQL are exact.

-- A partner's own reward rate over time (ciawifi's contract rate, quantower's raised
-- rate): the rate in force on a payment's date is the latest one from on or before it.
CREATE TABLE partner_rates (
    partner TEXT NOT NULL REFERENCES partners(id),
    since   TEXT NOT NULL,
    rate    TEXT NOT NULL,
    PRIMARY KEY (partner, since)
) STRICT, WITHOUT ROWID;
INSERT INTO partner_rates (partner, since, rate)
    SELECT id, coalesce(contract_date, registered), rate FROM partners WHERE rate IS NOT NULL;

CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,
    program     TEXT NOT NULL REFERENCES programs(id),
    payment_id  TEXT NOT NULL,
    client      INTEGER NOT NULL REFERENCES clients(id),
    date        TEXT NOT NULL,
    -- minor units; negative for a refund
    amount      INTEGER NOT NULL,
    list_price  INTEGER NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('tariff', 'sms', 'other')),
    direct      INTEGER NOT NULL,
    refund_of   INTEGER REFERENCES payments(id),
    promo_code  TEXT,
    promotion   TEXT,
    product     TEXT,
    -- the row's content as imported: the same key with other content is refused
    content     TEXT NOT NULL,
    import      INTEGER,
    UNIQUE (program, payment_id)
) STRICT;
CREATE INDEX payments_by_client ON payments (client, date);
-- the refunds of a payment
CREATE INDEX payments_refunds ON payments (refund_of) WHERE refund_of IS NOT NULL;

-- Payments that earned nothing, and why (a stable code and its detail), with the partner
-- they were attributed to when there was one. What a payment earned is in the ledger.
CREATE TABLE payment_outcomes (
    payment INTEGER PRIMARY KEY REFERENCES payments(id),
    partner TEXT REFERENCES partners(id),
    reason  TEXT NOT NULL,
    detail  TEXT
) STRICT;
CREATE INDEX payment_outcomes_by_reason ON payment_outcomes (reason);

-- The ledger. Nothing here is ever updated or deleted: a correction is a new entry
-- pointing at the entry it corrects (`corrects`).
CREATE TABLE ledger (
    id           INTEGER PRIMARY KEY,
    partner      TEXT NOT NULL REFERENCES partners(id),
    kind         TEXT NOT NULL CHECK (kind IN ('credit', 'reversal', 'annulment', 'conversion', 'conversion_reversal', 'payout')),
    date         TEXT NOT NULL,
    -- a credit (and each of its reversals) is available from this day: date + hold
    available_on TEXT NOT NULL,
    -- minor units, always positive: the kind says which way it goes
    amount       INTEGER NOT NULL CHECK (amount > 0),
    payment      INTEGER REFERENCES payments(id),
    client       INTEGER REFERENCES clients(id),
    corrects     INTEGER REFERENCES ledger(id),
    -- why: the rule (first_purchase, later_purchase, active_client, list_price, amount_paid,
    -- contract_rate, refund, termination, ...), the program version, base and rate
    rule         TEXT NOT NULL,
    version      INTEGER REFERENCES program_versions(id),
    base         INTEGER,
    rate         TEXT,
    detail       TEXT,
    import       INTEGER,
    at           TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_by_partner ON ledger (partner, date, kind, available_on, amount);
CREATE INDEX ledger_by_payment ON ledger (payment) WHERE payment IS NOT NULL;
CREATE INDEX ledger_by_corrects ON ledger (corrects) WHERE corrects IS NOT NULL;
CREATE UNIQUE INDEX ledger_first_purchase ON ledger (client, partner) WHERE rule = 'first_purchase';
CREATE UNIQUE INDEX ledger_active_client ON ledger (client) WHERE rule = 'active_client';
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
