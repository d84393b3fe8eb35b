//! What each kind of import does with one row.

use crate::store::sql::Db;

use super::table::{ColumnMap, Row};
use crate::audit::Actor;
use crate::ledger::AccrualTotal;
use crate::{Problem, Result};

/// The outcome of one row.
pub enum RowResult {
    Added,
    Unchanged,
    /// Stored, with a refusal by a program's rule (not an import error).
    Refused,
    /// The row is invalid; problems name their field (the column's key).
    Problems(Vec<Problem>),
    /// Stored; what it comes to (added, unchanged, refused) is known once the whole file
    /// is folded, and [`RowImport::finish`] says it.
    Pending,
}

/// What the end of an import gives: what it accrued, per program, and what each pending
/// row came to, in the order the rows came.
#[derive(Default)]
pub struct Finished {
    pub accrued: Vec<AccrualTotal>,
    pub pending: Vec<RowResult>,
}

pub trait RowImport {
    /// Writes what the rows left pending (called once, after the last row); `clean`
    /// says no row had a problem.
    fn finish(&mut self, _db: &Db, _clean: bool) -> Result<Finished> {
        Ok(Finished::default())
    }

    fn row(
        &mut self,
        db: &Db,
        actor: &Actor,
        import: i64,
        row: &Row,
        columns: &ColumnMap,
    ) -> Result<RowResult>;
}
