//! What one cell and one row of a spreadsheet hold, as read.

use std::fmt;

use chrono::NaiveDate;

/// A cell as read.
///
/// Numbers keep the decimal text the spreadsheet holds: a number cell of an `.xlsx` file is
/// turned into its shortest round-trip text right away (`12345`, `0.1`, `-3.5`), so nothing
/// downstream ever sees a binary floating-point value. A CSV file has only text cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(String),
    Date(NaiveDate),
    Bool(bool),
}

impl Cell {
    /// Empty, or text of nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) | Cell::Bool(_) => false,
        }
    }
}

/// The cell as a person would read it: text as is, numbers as their decimal text, dates as
/// `YYYY-MM-DD`, booleans as `true`/`false`, empty as nothing.
impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(text) | Cell::Number(text) => f.write_str(text),
            Cell::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Cell::Bool(value) => f.write_str(if *value { "true" } else { "false" }),
        }
    }
}

/// One data row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row as a spreadsheet shows it: the header is row 1 (when it is the file's first
    /// row), the first data row 2. Skipped empty rows still count.
    pub number: u64,
    /// The cells left to right, from the file's first column. An XLSX row may be shorter
    /// than the header (a missing cell reads as [`Cell::Empty`]) or longer (cells past the
    /// last header are kept, and no column names them); a CSV row is as wide as the header.
    pub cells: Vec<Cell>,
}

impl Row {
    /// Every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// The cell in column `index` (0-based); [`Cell::Empty`] past the row's end.
    pub fn get(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&EMPTY)
    }
}

/// The cell every absent one reads as.
pub(super) static EMPTY: Cell = Cell::Empty;
