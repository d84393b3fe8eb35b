//! The ledger: balances, a partner's entries, payments that earned nothing, months.

use chrono::NaiveDate;

use crate::ledger::PartnerLedger;
use crate::ledger::{self, BalanceQuery, BalanceRow, BalanceTable, LedgerEntry, MonthlyAccrual};
use crate::ledger::{UnearnedPage, UnearnedQuery};
use crate::partners::get_partner;
use crate::store::Book;
use crate::{Lang, Result};

/// Every partner's balance as of `as_of`, of one program or all.
pub fn balances(book: &Book, as_of: NaiveDate, program: Option<&str>) -> Result<Vec<BalanceRow>> {
    book.read(|db| ledger::balances(db, as_of, program))
}

/// Every entry of the partner's ledger, oldest first; `not_found` when the book has no
/// such partner.
pub fn partner_entries(book: &Book, partner: &str, lang: Lang) -> Result<Vec<LedgerEntry>> {
    book.read(|db| {
        get_partner(db, partner)?;
        ledger::partner_entries(db, partner, lang)
    })
}

/// The balances table as the query asks (day, program, search, sort), with the totals
/// per unit.
pub fn balance_table(book: &Book, query: &BalanceQuery) -> Result<BalanceTable> {
    book.read(|db| ledger::balance_table(db, query))
}

/// One partner's balance as of `as_of` and every entry of its ledger.
pub fn partner_ledger(
    book: &Book,
    partner: &str,
    as_of: NaiveDate,
    lang: Lang,
) -> Result<PartnerLedger> {
    book.read(|db| ledger::partner_ledger(db, partner, as_of, lang))
}

/// A page of the payments that earned nothing, with the count of each reason.
pub fn unearned_page(book: &Book, query: &UnearnedQuery, lang: Lang) -> Result<UnearnedPage> {
    book.read(|db| ledger::unearned_page(db, query, lang))
}

/// Credits and reversals per month per program, oldest first.
pub fn monthly_accruals(book: &Book) -> Result<Vec<MonthlyAccrual>> {
    book.read(ledger::monthly_accruals)
}
