//! Reading the spreadsheets the book imports: CSV and XLSX files streamed row by row, their
//! headers matched to the columns an import knows, and cells read as text, dates, amounts
//! and yes/no.
//!
//! - [`open_table`] opens a `.csv` (UTF-8 with or without BOM, or Windows-1251; `,` or `;`,
//!   detected) or `.xlsx` (first or named sheet) file as a [`TableReader`].
//! - [`match_columns`] maps the header to [`ColumnSpec`]s; [`RowReader`] does both at once.
//! - [`text`], [`date`], [`amount`], [`yes_no`] read one [`Cell`].
//!
//! Every problem is a [`Problem`](crate::Problem) with a stable code and Russian and English
//! text; row numbers are as a spreadsheet shows them (header = 1, first data row = 2).

mod blank_lines;
mod cell;
mod columns;
mod csv_file;
mod reader;
mod sniff;
mod values;
mod xlsx_file;
mod xlsx_unpacked;

#[cfg(test)]
mod tests;

pub use cell::{Cell, Row};
pub use columns::{col, match_columns, match_leniently, ColumnMap, ColumnSpec};
pub use reader::{open_table, read_table_bytes, RowReader, TableReader};
pub use values::{amount, date, text, yes_no};
