//! Files into the book: a partners, clients or billing file, a bank's statement, and the
//! sample book. Each owns its transaction and its backup (in the module that reads it).

use crate::acts::{self, StatementReport};
use crate::audit::Actor;
use crate::demo::{self, DemoSummary};
use crate::import::{self, ImportOptions, ImportProgress, ImportReport};
use crate::store::Book;
use crate::{Lang, Result};

/// Imports (or with `dry_run`, checks) the file: all of it in one transaction, or nothing
/// when a row is wrong; `progress` answering `false` cancels it, nothing changed.
pub fn import(
    book: &mut Book,
    options: &ImportOptions,
    actor: &Actor,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportReport> {
    import::run_import(book, options, actor, progress)
}

/// Marks paid every act the bank statement in `bytes` pays, after a backup of the book.
pub fn statement_apply(
    book: &mut Book,
    bytes: &[u8],
    actor: &Actor,
    lang: Lang,
) -> Result<StatementReport> {
    acts::statement_apply(book, bytes, actor, lang)
}

/// Fills the book with the realistic sample (partners, clients, a year's billing, acts).
pub fn fill_demo(book: &mut Book, actor: &Actor) -> Result<DemoSummary> {
    demo::fill_demo(book, actor)
}
