//! Acts as the command line and the screens show them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An act's state: draft → sent → signed or rejected; signed → paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ActStatus {
    Draft,
    Sent,
    Signed,
    Rejected,
    Paid,
}

impl ActStatus {
    pub const ALL: [ActStatus; 5] = [
        ActStatus::Draft,
        ActStatus::Sent,
        ActStatus::Signed,
        ActStatus::Rejected,
        ActStatus::Paid,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ActStatus::Draft => "draft",
            ActStatus::Sent => "sent",
            ActStatus::Signed => "signed",
            ActStatus::Rejected => "rejected",
            ActStatus::Paid => "paid",
        }
    }

    pub fn parse(value: &str) -> Option<ActStatus> {
        ActStatus::ALL.into_iter().find(|s| s.key() == value)
    }

    /// «черновик», «отправлен», …: the label the screens and documents use.
    pub fn name_ru(self) -> &'static str {
        match self {
            ActStatus::Draft => "черновик",
            ActStatus::Sent => "отправлен",
            ActStatus::Signed => "подписан",
            ActStatus::Rejected => "отклонён",
            ActStatus::Paid => "оплачен",
        }
    }
}

/// What `convert --json` prints (FORMATS.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conversion {
    /// The ledger entry's id.
    pub conversion: String,
    /// The act's id.
    pub act: String,
    pub number: String,
    pub partner: String,
    /// In the program's unit.
    pub amount: String,
    pub unit: String,
}

/// What `act send|sign|reject|pay --json` print (FORMATS.md), and the workflow's days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActState {
    pub act: String,
    pub number: String,
    pub status: ActStatus,
    pub sent: Option<String>,
    pub sign_due: Option<String>,
    pub signed: Option<String>,
    pub pay_due: Option<String>,
    pub paid: Option<String>,
    pub rejected: Option<String>,
    /// Why it was rejected.
    pub reason: Option<String>,
}

/// One act in a list: its state, the partner, the money and the days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActRow {
    pub act: String,
    pub number: String,
    pub date: String,
    pub partner: String,
    pub name: String,
    pub program: String,
    /// In the program's unit (bonuses for bitrix24).
    pub amount: String,
    pub unit: String,
    /// The money owed, VAT included.
    pub money: String,
    pub currency: String,
    pub vat_rate: Option<String>,
    pub vat: Option<String>,
    /// `bank` or `licence_credit`.
    pub payout_kind: String,
    pub period_from: String,
    pub period_to: String,
    pub status: ActStatus,
    pub sent: Option<String>,
    pub sign_due: Option<String>,
    pub signed: Option<String>,
    pub pay_due: Option<String>,
    pub paid: Option<String>,
    pub rejected: Option<String>,
    pub reason: Option<String>,
    /// A signature or payout due before the day asked about and not done.
    pub overdue: bool,
}

/// The column the acts table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActSort {
    /// By year, then sequence number.
    Number,
    Date,
    /// By the partner's name, then id.
    Partner,
    /// By the money owed.
    Amount,
    /// In the workflow's order: draft, sent, signed, paid, rejected.
    Status,
}

/// A filter over the acts list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct ActQuery {
    /// One act: its row id or its number.
    pub act: Option<String>,
    pub status: Option<ActStatus>,
    pub partner: Option<String>,
    pub program: Option<String>,
    /// Only what is overdue on `as_of`.
    pub overdue: Option<bool>,
    /// The day "overdue" is judged on (today when none).
    pub as_of: Option<String>,
    /// Acts dated in this month, `YYYY-MM`.
    pub month: Option<String>,
    /// Acts whose number, or whose partner's id, name, ИНН or code, holds this text
    /// (case aside).
    pub search: Option<String>,
    /// The order; newest first (date, then row id, descending) when none.
    pub sort: Option<ActSort>,
    /// With `sort`: largest / latest first.
    pub descending: Option<bool>,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ActRow>,
    /// The money of every act the query matches (all pages), per currency.
    pub totals: Vec<ActTotal>,
}

/// The acts a query matches in one currency: how many, and their money (VAT included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActTotal {
    pub currency: String,
    pub count: u32,
    pub money: String,
}

/// What a deadline asks for: the vendor's signature, or the payout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum DeadlineKind {
    Sign,
    Pay,
}

/// An act awaiting signature or payment (`deadlines --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Deadline {
    pub act: String,
    pub number: String,
    pub partner: String,
    pub name: String,
    pub program: String,
    pub what: DeadlineKind,
    pub due: String,
    /// Days left until `due` (0 on the day; negative when overdue).
    pub days_left: i32,
    pub overdue: bool,
    pub money: String,
    pub currency: String,
}
