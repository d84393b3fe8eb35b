//! The `audit` table: every change to the book, when and by whom.

use crate::audit::{Actor, AuditEntry};
use crate::store::sql::{params, Db};
use crate::Result;

/// Records that `actor` did `action` to `entity` `entity_id` (with what changed).
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
    rows.collect()
}
