//! What each kind of import does with one row.

use rusqlite::Connection;

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
}

pub trait RowImport {
    /// Writes what the rows left pending (called once, after the last row); `clean`
    /// says no row had a problem. Returns what was accrued, per program.
    fn finish(&mut self, _db: &Connection, _clean: bool) -> Result<Vec<AccrualTotal>> {
        Ok(vec![])
    }

    fn row(
        &mut self,
        db: &Connection,
        actor: &Actor,
        import: i64,
        row: &Row,
        columns: &ColumnMap,
    ) -> Result<RowResult>;
}
