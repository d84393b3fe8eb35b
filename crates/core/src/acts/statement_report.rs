//! What reading a bank statement against the book found: the acts it pays, those paid
//! before, and the debits that pay no act, each with its reason.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An act a debit of the statement pays (or, in `already_paid`, paid before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementPaid {
    /// The act's number (`2026-0146`).
    pub act: String,
    /// The act's row id.
    pub act_id: String,
    pub partner: String,
    /// The partner's name as the act shows it.
    pub name: String,
    /// The day the act is (or was) paid: the debit's `ДатаСписано`, or for an act already
    /// paid the day the book has.
    pub date: String,
    /// The money, VAT included, as a decimal (`7988.00`).
    pub amount: String,
    pub currency: String,
    /// The payment order's `Номер`.
    pub payment: String,
    /// The line of the order's `СекцияДокумент` in the file.
    pub line: u32,
}

/// A debit of the vendor's account that pays no act, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementUnmatched {
    /// The payment order's `Номер`.
    pub number: String,
    /// `ДатаСписано` (the document's `Дата` when it has none).
    pub date: String,
    pub amount: String,
    /// `Получатель1` (or `Получатель`), when given.
    pub recipient: Option<String>,
    pub recipient_inn: Option<String>,
    pub purpose: String,
    /// The act the purpose names, when it names one the book has.
    pub act: Option<String>,
    /// A stable code: `not_debited`, `no_act_number`, `no_such_act`, `several_acts`,
    /// `act_not_roubles`, `act_not_bank`, `amount_differs`, `recipient_differs`,
    /// `act_not_signed`, `before_signed`, `paid_twice`.
    pub code: String,
    /// Why, in the book's language.
    pub reason: String,
    pub line: u32,
}

/// A statement read against the book: what it pays, what was paid before, what matches
/// nothing. `applied` says whether the acts were marked paid (a preview leaves them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementReport {
    pub paid: Vec<StatementPaid>,
    pub already_paid: Vec<StatementPaid>,
    pub unmatched: Vec<StatementUnmatched>,
    /// Credits, and operations of other accounts: not the vendor's payouts.
    pub skipped: u32,
    /// The documents the file holds.
    pub operations: u32,
    pub applied: bool,
}
