//! What an import found and did, for the CLI, the app and the import history.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ProblemDto, Text};
use crate::ledger::AccrualTotal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ImportKind {
    Partners,
    Clients,
    Billing,
}

impl ImportKind {
    pub fn key(self) -> &'static str {
        match self {
            ImportKind::Partners => "partners",
            ImportKind::Clients => "clients",
            ImportKind::Billing => "billing",
        }
    }

    /// What an import of `file` is doing, as another writer waiting for the book (or a
    /// refusal of a read-only book) names it.
    pub fn doing(self, file: &str) -> Text {
        let (ru, en) = match self {
            ImportKind::Partners => ("партнёров", "partners"),
            ImportKind::Clients => ("клиентов", "clients"),
            ImportKind::Billing => ("биллинг", "billing"),
        };
        Text::new(
            format!("импортирует {ru} {file}").trim_end().to_owned(),
            format!("is importing {en} {file}").trim_end().to_owned(),
        )
    }
}

/// A file column matched to a known column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnFound {
    pub key: String,
    pub header: String,
}

/// The outcome of an import (or of its check, with `committed: false`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub file: String,
    /// `UTF-8`, `windows-1251` or `xlsx`.
    pub encoding: String,
    pub columns: Vec<ColumnFound>,
    /// File columns the import does not know (kept out).
    pub ignored: Vec<String>,
    /// Data rows read.
    #[ts(type = "number")]
    pub rows: u64,
    /// Rows that add something to the book.
    #[ts(type = "number")]
    pub added: u64,
    /// Rows already in the book with the same content.
    #[ts(type = "number")]
    pub unchanged: u64,
    /// Rows stored with a refusal by a program's rule (e.g. binding not allowed).
    #[ts(type = "number")]
    pub refused: u64,
    /// Every problem found; when there is any, nothing was written.
    pub problems: Vec<ProblemDto>,
    /// What the rows accrued, per program (billing; active clients in a clients import).
    /// In a check, what they would accrue.
    pub accrued: Vec<AccrualTotal>,
    /// Whether the book was changed.
    pub committed: bool,
    /// The import's number in the history, when committed.
    #[ts(type = "number | null")]
    pub import_id: Option<i64>,
}

/// Progress of a long import, reported every few thousand rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number")]
    pub total_bytes: u64,
}

/// A past import, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: String,
    pub file: String,
    pub at: String,
    pub operator: String,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub refused: u64,
}
