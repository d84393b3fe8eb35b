//! Act numbers: `YYYY-NNNN`, one sequence a year, never given twice.

use crate::store::sql::Db;
use crate::Result;

/// The next number of the act's year: one more than the highest ever given (acts are
/// never deleted, so a number is never given twice).
pub(crate) fn next_number(db: &Db, year: i32) -> Result<(i64, String)> {
    let seq: i64 = db
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM acts WHERE year = ?1")?
        .query_row([year], |r| r.get(0))?;
    Ok((seq, format!("{year}-{seq:04}")))
}
