//! Reading spreadsheets and importing them into the book.
pub mod table;
