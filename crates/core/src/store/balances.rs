//! Balances as of a day: sums over the `ledger` table's entries dated on or before it,
//! in integer minor units.

use chrono::NaiveDate;

use crate::ledger::{Balance, BalanceRow};
use crate::money::minor_text;
use crate::store::sql::{params, Db, Row};
use crate::Result;

/// The sums, as one SQL expression list over `ledger` rows; `?1` is the day.
const SUMS: &str = "
    coalesce(sum(CASE kind WHEN 'credit' THEN amount END), 0),
    coalesce(sum(CASE kind WHEN 'reversal' THEN amount END), 0),
    coalesce(sum(CASE kind WHEN 'annulment' THEN amount END), 0),
    coalesce(sum(CASE WHEN available_on > ?1 THEN CASE kind WHEN 'credit' THEN amount WHEN 'reversal' THEN -amount WHEN 'annulment' THEN -amount ELSE 0 END END), 0),
    coalesce(sum(CASE kind WHEN 'conversion' THEN amount WHEN 'conversion_reversal' THEN -amount END), 0),
    coalesce(sum(CASE kind WHEN 'payout' THEN amount END), 0)";

fn balance_from(r: &Row, at: usize) -> Result<Balance> {
    Ok(Balance {
        accrued: r.get(at)?,
        reversed: r.get(at + 1)?,
        annulled: r.get(at + 2)?,
        on_hold: r.get(at + 3)?,
        converted: r.get(at + 4)?,
        paid: r.get(at + 5)?,
    })
}

/// One partner's balance as of `as_of`.
pub fn partner_balance(db: &Db, partner: &str, as_of: NaiveDate) -> Result<Balance> {
    let sql = format!("SELECT {SUMS} FROM ledger WHERE partner = ?2 AND date <= ?1");
    db.prepare_cached(&sql)?
        .query_row(params![as_of.to_string(), partner], |r| balance_from(r, 0))
}

/// Every partner's balance row as of `as_of` (of one program, or of one partner, or
/// all), in partner id order; partners without entries with zeros.
pub(crate) fn balance_rows(
    db: &Db,
    as_of: NaiveDate,
    program: Option<&str>,
    partner: Option<&str>,
) -> Result<Vec<BalanceRow>> {
    let sql = format!(
        "WITH sums AS (SELECT partner, {SUMS} FROM ledger WHERE date <= ?1 AND (CAST(?3 AS TEXT) IS NULL OR partner = ?3) GROUP BY partner)
         SELECT p.id, p.program, g.unit, p.name, p.status, s.*
         FROM partners p JOIN programs g ON g.id = p.program
         LEFT JOIN sums s ON s.partner = p.id
         WHERE (CAST(?2 AS TEXT) IS NULL OR p.program = ?2) AND (CAST(?3 AS TEXT) IS NULL OR p.id = ?3)
         ORDER BY p.id"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![as_of.to_string(), program, partner], |r| {
        let has_entries = r.get::<_, Option<String>>(5)?.is_some();
        let b = if has_entries {
            balance_from(r, 6)?
        } else {
            Balance::default()
        };
        Ok(BalanceRow {
            partner: r.get(0)?,
            program: r.get(1)?,
            unit: r.get(2)?,
            name: r.get(3)?,
            status: r.get(4)?,
            accrued: minor_text(b.accrued),
            reversed: minor_text(b.reversed),
            annulled: minor_text(b.annulled),
            on_hold: minor_text(b.on_hold),
            available: minor_text(b.available()),
            converted: minor_text(b.converted),
            paid: minor_text(b.paid),
        })
    })?;
    rows.collect()
}
