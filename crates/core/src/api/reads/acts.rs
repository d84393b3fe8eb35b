//! Acts: the table, one act, deadlines, what is ready to convert, the overview, the
//! month's payout register and what a bank statement would pay.

use chrono::NaiveDate;

use crate::acts::{
    self, ActPage, ActQuery, ActState, Deadline, ReadyBalance, ReadyList, StatementReport,
};
use crate::documents::{ActDocument, ActSignature, PayoutRegister, RegisterView};
use crate::overview::{self, Overview};
use crate::store::Book;
use crate::{Lang, Result};

/// A page of the acts table as of `today` (overdue marked).
pub fn acts_page(book: &Book, query: &ActQuery, today: NaiveDate) -> Result<ActPage> {
    book.read(|db| acts::acts_page(db, query, today))
}

/// The act `id`'s state: its status and days.
pub fn act_state(book: &Book, id: &str) -> Result<ActState> {
    book.read(|db| Ok(acts::get_act(db, id)?.state()))
}

/// The electronic signatures the act `id` came back with from EDO.
pub fn act_signatures(book: &Book, id: &str) -> Result<Vec<ActSignature>> {
    book.read(|db| acts::signatures_of(db, id))
}

/// The act `id` as its documents show it.
pub fn act_document(book: &Book, id: &str) -> Result<ActDocument> {
    book.read(|db| acts::act_document(db, &acts::get_act(db, id)?))
}

/// The month's (`YYYY-MM`) payout register as the saved files show it, made on `made`.
pub fn payout_register(book: &Book, month: &str, made: NaiveDate) -> Result<PayoutRegister> {
    book.read(|db| acts::payout_register(db, month, made))
}

/// The month's payout register with its totals per currency, as the screen shows it.
pub fn register_view(book: &Book, month: &str, made: NaiveDate) -> Result<RegisterView> {
    payout_register(book, month, made).map(RegisterView::of)
}

/// The acts to sign and to pay, soonest first, as of `as_of`.
pub fn deadlines(book: &Book, as_of: NaiveDate) -> Result<Vec<Deadline>> {
    book.read(|db| acts::deadlines(db, as_of))
}

/// The balances that can be converted on `as_of` (of one program, or all).
pub fn ready_to_convert(
    book: &Book,
    as_of: NaiveDate,
    program: Option<&str>,
) -> Result<Vec<ReadyBalance>> {
    book.read(|db| acts::ready_to_convert(db, as_of, program))
}

/// The overview (Сводка) as of `as_of`.
pub fn overview(book: &Book, as_of: NaiveDate) -> Result<Overview> {
    book.read(|db| overview::overview(db, as_of))
}

/// What the bank statement in `bytes` would mark paid, was paid before and matches no
/// act; nothing is changed.
pub fn statement_preview(book: &Book, bytes: &[u8], lang: Lang) -> Result<StatementReport> {
    book.read(|db| acts::statement_preview(db, bytes, lang))
}

/// The balances that can be converted on `as_of` (of one program, or all), with their
/// totals per unit: the month's batch dialog.
pub fn ready_list(book: &Book, as_of: NaiveDate, program: Option<&str>) -> Result<ReadyList> {
    book.read(|db| acts::ready_list(db, as_of, program))
}
