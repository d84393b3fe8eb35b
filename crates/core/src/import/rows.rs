//! What each kind of import does with one row.

use rusqlite::Connection;

use super::table::{ColumnMap, Row};
use crate::audit::Actor;
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
    /// Writes what the rows left pending (called once, after the last row).
    fn finish(&mut self, _db: &Connection) -> Result<()> {
        Ok(())
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
