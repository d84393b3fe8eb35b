//! Balances as of a day (FORMATS.md `balances`): sums of the ledger's entries dated on or
//! before the day. Everything is summed in SQL over integer minor units, so it is exact
//! (`store::balances`).

use crate::store::sql::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

use crate::store::balances::balance_rows;
pub use crate::store::balances::partner_balance;

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
