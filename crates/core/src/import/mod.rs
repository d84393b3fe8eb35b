//! Reading spreadsheets and importing them into the book.

mod clients;
mod partners;
mod report;
mod rows;
mod run;
pub mod table;

pub use clients::CLIENT_COLUMNS;
pub use partners::{partner_input, PARTNER_COLUMNS};
pub use report::*;
pub use run::{import_history, run_import, ImportOptions};
