//! The month's batch of acts.

use chrono::NaiveDate;

use crate::acts::{convert_ready, BatchProgress, Conversion};
use crate::audit::Actor;
use crate::store::Book;
use crate::Result;

/// Converts every balance ready on `date` (of one program, or all) in one transaction,
/// after a backup of the book; `progress` answering `false` cancels it, nothing changed.
pub fn acts_batch(
    book: &mut Book,
    actor: &Actor,
    date: NaiveDate,
    program: Option<&str>,
    progress: &mut dyn FnMut(BatchProgress) -> bool,
) -> Result<Vec<Conversion>> {
    book.backup("before-acts-batch", actor.now)?;
    let program = program.map(str::trim).filter(|p| !p.is_empty());
    book.write(|tx| convert_ready(tx, actor, date, program, progress))
}
