//! Balances as of a day (FORMATS.md `balances`): sums of the ledger's entries dated on or
//! before the day. Everything is summed in SQL over integer minor units, so it is exact.

use crate::store::sql::{params, Db};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::minor_text;
use crate::Result;

/// One partner's balance, money as decimal strings (FORMATS.md `balances --json`), plus
/// the partner's name and status for the screens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BalanceRow {
    pub partner: String,
    pub program: String,
    pub unit: String,
    pub accrued: String,
    pub reversed: String,
    pub annulled: String,
    pub on_hold: String,
    pub available: String,
    pub converted: String,
    pub paid: String,
    pub name: String,
    pub status: String,
}

/// A balance in minor units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Balance {
    pub accrued: i64,
    pub reversed: i64,
    pub annulled: i64,
    pub on_hold: i64,
    pub converted: i64,
    pub paid: i64,
}

impl Balance {
    /// accrued − reversed − annulled − on_hold − converted (may be negative).
    pub fn available(&self) -> i64 {
        self.accrued - self.reversed - self.annulled - self.on_hold - self.converted
    }

    /// What a termination annuls: everything not converted, on hold or not.
    pub fn unconverted(&self) -> i64 {
        self.accrued - self.reversed - self.annulled - self.converted
    }
}

/// The sums, as one SQL expression list over `ledger` rows; `?1` is the day.
const SUMS: &str = "
    coalesce(sum(CASE kind WHEN 'credit' THEN amount END), 0),
    coalesce(sum(CASE kind WHEN 'reversal' THEN amount END), 0),
    coalesce(sum(CASE kind WHEN 'annulment' THEN amount END), 0),
    coalesce(sum(CASE WHEN available_on > ?1 THEN CASE kind WHEN 'credit' THEN amount WHEN 'reversal' THEN -amount WHEN 'annulment' THEN -amount ELSE 0 END END), 0),
    coalesce(sum(CASE kind WHEN 'conversion' THEN amount WHEN 'conversion_reversal' THEN -amount END), 0),
    coalesce(sum(CASE kind WHEN 'payout' THEN amount END), 0)";

fn balance_from(r: &crate::store::sql::Row, at: usize) -> crate::Result<Balance> {
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

/// Every partner's balance as of `as_of` (of one program, or all), in partner id order.
/// Partners without entries are listed with zeros.
pub fn balances(db: &Db, as_of: NaiveDate, program: Option<&str>) -> Result<Vec<BalanceRow>> {
    balance_rows(db, as_of, program, None)
}

/// One partner's balance row as of `as_of`; `None` when the book has no such partner.
pub fn partner_balance_row(db: &Db, partner: &str, as_of: NaiveDate) -> Result<Option<BalanceRow>> {
    Ok(balance_rows(db, as_of, None, Some(partner))?
        .into_iter()
        .next())
}

fn balance_rows(
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
    rows.collect::<crate::Result<_>>()
}
