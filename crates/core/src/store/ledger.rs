//! Reading the `ledger` table back: a partner's entries, the credits still on hold, the
//! day of the latest conversion, the accruals per month.

use chrono::NaiveDate;

use crate::ledger::{LedgerEntry, MonthlyAccrual};
use crate::money::minor_text;
use crate::store::sql::{params, Db};
use crate::store::values::{day, optional_day, text};
use crate::Result;

/// The day of the partner's latest conversion, if any.
pub(crate) fn last_conversion(db: &Db, partner: &str) -> Result<Option<NaiveDate>> {
    let last: Option<String> = db
        .prepare_cached("SELECT max(date) FROM ledger WHERE partner = ?1 AND kind = 'conversion'")?
        .query_row([partner], |r| r.get(0))?;
    optional_day("ledger.date", last.as_deref())
}

/// Credits dated on or before `date` still on hold then, with what is left of each after
/// its reversals and annulments (only those with something left): (credit id, remaining,
/// available on).
pub(crate) fn held_credits(
    db: &Db,
    partner: &str,
    date: NaiveDate,
) -> Result<Vec<(i64, i64, NaiveDate)>> {
    let mut stmt = db.prepare_cached(
        "SELECT c.id, c.amount - coalesce((SELECT sum(x.amount) FROM ledger x WHERE x.corrects = c.id AND x.kind IN ('reversal', 'annulment') AND x.date <= ?2), 0), c.available_on
         FROM ledger c WHERE c.partner = ?1 AND c.kind = 'credit' AND c.date <= ?2 AND c.available_on > ?2",
    )?;
    let rows = stmt.query_map(params![partner, date.to_string()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            day("ledger.available_on", text(r, 2)?)?,
        ))
    })?;
    let mut held = Vec::new();
    for row in rows {
        let (id, remaining, on) = row?;
        if remaining > 0 {
            held.push((id, remaining, on));
        }
    }
    Ok(held)
}

/// The partner's ledger, oldest first: each entry (its `reason` left empty) with the
/// detail it was written with.
pub(crate) fn partner_entries(
    db: &Db,
    partner: &str,
) -> Result<Vec<(LedgerEntry, Option<String>)>> {
    let mut stmt = db.prepare_cached(
        "SELECT l.id, l.partner, p.program, g.unit, l.kind, l.date, l.available_on, l.amount, l.rule,
                pay.payment_id, c.client_id, l.corrects, v.effective_from, l.base, l.rate, l.detail
         FROM ledger l
         JOIN partners p ON p.id = l.partner
         JOIN programs g ON g.id = p.program
         LEFT JOIN payments pay ON pay.id = l.payment
         LEFT JOIN clients c ON c.id = l.client
         LEFT JOIN program_versions v ON v.id = l.version
         WHERE l.partner = ?1 ORDER BY l.date, l.id",
    )?;
    let rows = stmt.query_map([partner], |r| {
        let entry = LedgerEntry {
            id: r.get(0)?,
            partner: r.get(1)?,
            program: r.get(2)?,
            unit: r.get(3)?,
            kind: r.get(4)?,
            date: r.get(5)?,
            available_on: r.get(6)?,
            amount: minor_text(r.get(7)?),
            rule: r.get(8)?,
            payment: r.get(9)?,
            client: r.get(10)?,
            corrects: r.get(11)?,
            version_from: r.get(12)?,
            base: r.get::<_, Option<i64>>(13)?.map(minor_text),
            rate: r.get(14)?,
            reason: String::new(),
        };
        Ok((entry, r.get(15)?))
    })?;
    rows.collect()
}

/// Credits and reversals per month per program, oldest first.
pub fn monthly_accruals(db: &Db) -> Result<Vec<MonthlyAccrual>> {
    let mut stmt = db.prepare_cached(
        "SELECT substr(l.date, 1, 7) AS month, p.program, g.unit,
                coalesce(sum(CASE l.kind WHEN 'credit' THEN l.amount END), 0),
                coalesce(sum(CASE l.kind WHEN 'reversal' THEN l.amount END), 0)
         FROM ledger l JOIN partners p ON p.id = l.partner JOIN programs g ON g.id = p.program
         WHERE l.kind IN ('credit', 'reversal')
         GROUP BY month, p.program, g.unit ORDER BY month, p.program",
    )?;
    let rows = stmt.query_map([], |r| {
        let credited: i64 = r.get(3)?;
        let reversed: i64 = r.get(4)?;
        Ok(MonthlyAccrual {
            month: r.get(0)?,
            program: r.get(1)?,
            unit: r.get(2)?,
            credited: minor_text(credited),
            reversed: minor_text(reversed),
            net: minor_text(credited - reversed),
        })
    })?;
    rows.collect()
}
