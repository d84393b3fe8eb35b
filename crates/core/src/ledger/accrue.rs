//! Accruing what an import brought: the snapshot of the facts its payments need, loaded
//! in a few set-based reads; the pure fold over the payments in date order; the entries,
//! reasons and binding events written as they come.

use super::fold::{Activity, Attempt, Attempted, Fold};
use super::summary::AccrualTotal;
use crate::store::{for_each_payment, load_snapshot, AccrualWriter, Scope};
use crate::Result;

/// Accrues the payments import `import` added. Runs inside the import's transaction.
pub(crate) fn accrue_import(
    db: &crate::store::sql::Db,
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

/// Folds a clients import's rows: their binding attempts in the file's order, then the
/// one-off rewards of clients that became active. What each attempt came to, in order.
pub(crate) fn fold_clients<'a>(
    db: &crate::store::sql::Db,
    import: i64,
    at: String,
    attempts: impl Iterator<Item = &'a Attempt> + Clone,
    activities: &[Activity],
) -> Result<(Vec<AccrualTotal>, Vec<Attempted>)> {
    let clients = attempts
        .clone()
        .map(|a| a.client)
        .chain(activities.iter().map(|a| a.client))
        .collect::<Vec<_>>();
    if clients.is_empty() {
        return Ok((vec![], vec![]));
    }
    let mut snapshot = load_snapshot(db, &Scope::Clients(clients), &[])?;
    let mut writer = AccrualWriter::new(db, Some(import), at)?;
    let (totals, attempted) = {
        let mut fold = Fold::new(&mut snapshot, &mut writer);
        let attempted = attempts
            .map(|a| fold.attempt(a))
            .collect::<Result<Vec<_>>>()?;
        for activity in activities {
            fold.activity(activity)?;
        }
        (fold.totals(), attempted)
    };
    writer.finish(db)?;
    Ok((totals, attempted))
}
