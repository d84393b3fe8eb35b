//! Acts: a conversion, an act's step, its signed package, its documents, the month's batch.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use crate::acts::{self, ActFormat, ActState, ActStep, BatchProgress, Conversion, ConvertRequest};
use crate::acts::{DocumentFile, SignedImport};
use crate::audit::Actor;
use crate::store::Book;
use crate::Result;

/// A conversion and its draft act (the request's key answers a retry with the same act).
pub fn convert(book: &mut Book, actor: &Actor, request: &ConvertRequest) -> Result<Conversion> {
    book.write(|tx| acts::convert(tx, actor, request))
}

/// The act `id` one step on its way.
pub fn act_step(book: &mut Book, actor: &Actor, id: &str, step: &ActStep) -> Result<ActState> {
    book.write(|tx| acts::act_step(tx, actor, id, step))
}

/// The act's signed package from EDO (a `.zip` or a folder).
pub fn import_signed(book: &mut Book, actor: &Actor, path: &Path) -> Result<SignedImport> {
    book.write(|tx| acts::import_signed(tx, actor, path))
}

/// The act as `format`, made at `now`; the EDO XML is kept by the book as made.
pub fn act_file(
    book: &mut Book,
    id: &str,
    format: ActFormat,
    now: NaiveDateTime,
) -> Result<DocumentFile> {
    match format {
        // Only the EDO XML is kept by the book; the PDFs are a read (a book open
        // read-only makes them too).
        ActFormat::Pdf | ActFormat::Invoice => book.read(|db| acts::act_file(db, id, format, now)),
        ActFormat::Xml => book.write(|tx| acts::act_file(tx, id, format, now)),
    }
}

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
    book.write(|tx| acts::convert_ready(tx, actor, date, program, progress))
}
