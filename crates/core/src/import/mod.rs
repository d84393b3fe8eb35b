//! Reading spreadsheets and importing them into the book.

mod report;
pub mod table;

pub use report::*;
