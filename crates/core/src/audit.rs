//! The audit log: every change to the book, when and by whom.

use crate::store::sql::{params, Db};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Result;

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

pub fn record(
    db: &Db,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: Option<&str>,
) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO audit (at, operator, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![actor.stamp(), actor.operator, action, entity, entity_id, detail])?;
    Ok(())
}

/// The history of one thing, newest first.
pub fn history(db: &Db, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
    let mut stmt = db.prepare_cached(
        "SELECT at, operator, action, entity, entity_id, detail FROM audit
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map(params![entity, entity_id], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            operator: r.get(1)?,
            action: r.get(2)?,
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            detail: r.get(5)?,
        })
    })?;
    rows.collect::<crate::Result<_>>()
}
