//! Accruing what an import brought: the snapshot of the facts its payments need, loaded
//! in a few set-based reads; the pure fold over the payments in date order; the entries,
//! reasons and binding events written as they come.

use super::fold::{Activity, Fold};
use super::summary::AccrualTotal;
use crate::store::{for_each_payment, load_snapshot, AccrualWriter, Scope};
use crate::Result;

/// Accrues the payments import `import` added. Runs inside the import's transaction.
pub(crate) fn accrue_import(
    db: &rusqlite::Connection,
    import: i64,
    at: String,
) -> Result<Vec<AccrualTotal>> {
    let mut snapshot = load_snapshot(db, &Scope::Import(import), &[])?;
    let mut writer = AccrualWriter::new(db, Some(import), at)?;
    let totals = {
        let mut fold = Fold::new(&mut snapshot, &mut writer);
        for_each_payment(db, |p| fold.payment(&p))?;
        fold.totals()
    };
    writer.finish(db)?;
    Ok(totals)
}

/// Accrues the one-off rewards of clients that became active (a clients import's rows).
pub(crate) fn accrue_activity(
    db: &rusqlite::Connection,
    import: i64,
    at: String,
    activities: &[Activity],
) -> Result<Vec<AccrualTotal>> {
    if activities.is_empty() {
        return Ok(vec![]);
    }
    let clients = activities.iter().map(|a| a.client).collect();
    let mut snapshot = load_snapshot(db, &Scope::Clients(clients), &[])?;
    let mut writer = AccrualWriter::new(db, Some(import), at)?;
    let totals = {
        let mut fold = Fold::new(&mut snapshot, &mut writer);
        for activity in activities {
            fold.activity(activity)?;
        }
        fold.totals()
    };
    writer.finish(db)?;
    Ok(totals)
}
