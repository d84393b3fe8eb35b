//! The audit log: every change to the book, when and by whom.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who is acting and when. Only the shell and the CLI read the clock and the OS user;
/// the core takes them as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub operator: String,
    pub now: NaiveDateTime,
}

impl Actor {
    pub fn new(operator: impl Into<String>, now: NaiveDateTime) -> Actor {
        Actor {
            operator: operator.into(),
            now,
        }
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.now.date()
    }

    pub fn stamp(&self) -> String {
        self.now.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub at: String,
    pub operator: String,
    /// `create`, `update`, `import`, `vendor`, …
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    /// What changed, e.g. `inn: 7707083893 → 7736207543`.
    pub detail: Option<String>,
}

pub use crate::store::audit::{history, record};
