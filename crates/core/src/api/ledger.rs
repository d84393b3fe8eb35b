//! The ledger by hand: a manual adjustment, an annulment for a breach.

use chrono::NaiveDate;

use crate::audit::Actor;
use crate::ledger::{self, Adjusted, Adjustment};
use crate::store::Book;
use crate::Result;

/// A manual credit or debit of a partner's balance, with its reason.
pub fn adjust(book: &mut Book, actor: &Actor, adjustment: &Adjustment) -> Result<Adjusted> {
    book.write(|tx| ledger::adjust_balance(tx, actor, adjustment))
}

/// Annuls the partner's unconverted balance on `date` for a breach; the amount annulled,
/// in minor units.
pub fn annul_for_breach(
    book: &mut Book,
    actor: &Actor,
    partner: &str,
    date: NaiveDate,
    reason: &str,
) -> Result<i64> {
    book.write(|tx| ledger::annul_for_breach(tx, actor, partner, date, reason))
}
