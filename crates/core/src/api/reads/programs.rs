//! Programs and their versions, and a rule change replayed over past billing.

use crate::ledger::{self, WhatIfReport, WhatIfRequest};
use crate::programs::{self, Program, ProgramSummary};
use crate::store::Book;
use crate::Result;

/// Every program of the book, in the book's order.
pub fn programs(book: &Book) -> Result<Vec<ProgramSummary>> {
    book.read(programs::load_programs)
}

/// The program `id` with all its versions, oldest first.
pub fn program(book: &Book, id: &str) -> Result<Program> {
    book.read(|db| programs::load_program(db, id))
}

/// Every program with all its versions.
pub fn program_versions(book: &Book) -> Result<Vec<Program>> {
    book.read(|db| {
        programs::load_programs(db)?
            .iter()
            .map(|p| programs::load_program(db, &p.id))
            .collect()
    })
}

/// The request's payments accrued again under its rules, per partner beside what the
/// book holds; nothing is changed.
pub fn whatif(book: &Book, request: &WhatIfRequest) -> Result<WhatIfReport> {
    book.read(|db| ledger::whatif(db, request))
}
