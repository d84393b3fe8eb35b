//! A partner's accruals at a glance: the balance as of a day and every ledger entry, as
//! the partner card's «Начисления» tab and the accruals screen's journal show them.

use crate::store::sql::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::balances::{partner_balance_row, BalanceRow};
use super::entries::{partner_entries, LedgerEntry};
use crate::money::{minor_text, to_minor};
use crate::{Error, Lang, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerLedger {
    /// The day the balance is as of, `YYYY-MM-DD`.
    pub as_of: String,
    pub balance: BalanceRow,
    /// What an annulment would take: available plus on hold, in the balance's unit.
    pub unconverted: String,
    /// Every entry, oldest first, each with its reason in the user's language.
    pub entries: Vec<LedgerEntry>,
}

/// The partner's balance as of `as_of` and its whole ledger.
pub fn partner_ledger(
    db: &Db,
    partner: &str,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<PartnerLedger> {
    let Some(balance) = partner_balance_row(db, partner, as_of)? else {
        return Err(Error::not_found(
            format!("нет партнёра «{partner}»"),
            format!("no partner “{partner}”"),
        ));
    };
    let minor = |text: &str| text.parse().ok().and_then(to_minor).unwrap_or(0);
    let unconverted = minor_text(minor(&balance.available) + minor(&balance.on_hold));
    Ok(PartnerLedger {
        as_of: as_of.to_string(),
        unconverted,
        balance,
        entries: partner_entries(db, partner, lang)?,
    })
}
