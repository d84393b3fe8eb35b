//! Opening a table file and streaming its rows.

use std::fs::File;
use std::path::Path;

use super::cell::Row;
use super::columns::{match_columns, ColumnMap, ColumnSpec};
use super::csv_file::CsvTable;
use super::xlsx_file::XlsxTable;
use crate::error::{Error, Problem, Result};

/// Opens a CSV or XLSX file, chosen by its extension (any case), and reads its header.
///
/// `sheet` names the sheet of an `.xlsx` workbook (matched exactly, else ignoring case);
/// without it the first sheet is read. A CSV file ignores it. Another extension is refused
/// with `unsupported_file`; a missing sheet with `sheet_not_found`; a file that is not a
/// workbook with `bad_xlsx`.
pub fn open_table(path: &Path, sheet: Option<&str>) -> Result<TableReader> {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    let is_xlsx = match extension.as_deref() {
        Some("csv") => false,
        Some("xlsx") => true,
        _ => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            return Err(Error::refused(
                "unsupported_file",
                format!("«{name}»: читаются только файлы .csv и .xlsx"),
                format!("“{name}”: only .csv and .xlsx files can be read"),
            ));
        }
    };
    let file = File::open(path)?;
    let total_bytes = file.metadata()?.len();
    let source = if is_xlsx {
        Source::Xlsx(XlsxTable::open(Box::new(file), sheet)?)
    } else {
        Source::Csv(Box::new(CsvTable::open(Box::new(file))?))
    };
    Ok(TableReader {
        source,
        total_bytes,
    })
}

/// Opens a table held in memory, as [`open_table`] opens a file (`xlsx` says which kind it
/// is, as the extension would): for a file that came some other way, and for the fuzz
/// harness, which feeds the readers millions of inputs without touching the disk.
pub fn read_table_bytes(bytes: Vec<u8>, xlsx: bool, sheet: Option<&str>) -> Result<TableReader> {
    let total_bytes = bytes.len() as u64;
    let bytes = std::io::Cursor::new(bytes);
    let source = if xlsx {
        Source::Xlsx(XlsxTable::open(Box::new(bytes), sheet)?)
    } else {
        Source::Csv(Box::new(CsvTable::open(Box::new(bytes))?))
    };
    Ok(TableReader {
        source,
        total_bytes,
    })
}

/// A table file opened for reading: its header, then its data rows one at a time.
pub struct TableReader {
    source: Source,
    total_bytes: u64,
}

enum Source {
    Csv(Box<CsvTable>),
    Xlsx(XlsxTable),
}

impl TableReader {
    /// The header row's texts, trimmed, one per column; empty for an empty file or sheet.
    pub fn headers(&self) -> &[String] {
        match &self.source {
            Source::Csv(table) => table.headers(),
            Source::Xlsx(table) => table.headers(),
        }
    }

    /// The header's row number: 1, unless blank rows come before it.
    pub fn header_row(&self) -> u64 {
        match &self.source {
            Source::Csv(table) => table.header_row(),
            Source::Xlsx(table) => table.header_row(),
        }
    }

    /// The next data row. Wholly blank rows are skipped (their numbers still count).
    ///
    /// A row that cannot be read right is an [`Error::Invalid`] with its problems
    /// (`row_width`, `bad_encoding`) and reading goes on with the next row; a broken file
    /// (`bad_xlsx`, an I/O error) ends the reading. Memory does not grow with the file's
    /// length.
    pub fn next_row(&mut self) -> Option<Result<Row>> {
        match &mut self.source {
            Source::Csv(table) => table.next_row(),
            Source::Xlsx(table) => table.next_row(),
        }
    }

    /// How far the reading has got, out of [`TableReader::total_bytes`], for a progress bar.
    /// Exact for CSV; for XLSX an estimate from the rows read out of the sheet's declared row
    /// count (0 until the end if the sheet declares none).
    pub fn bytes_read(&self) -> u64 {
        match &self.source {
            Source::Csv(table) => table.bytes_read(),
            Source::Xlsx(table) => table.bytes_read(self.total_bytes),
        }
    }

    /// The file's size.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// The encoding detected: `UTF-8` or `windows-1251` for CSV; `UTF-8` for XLSX (its XML).
    pub fn encoding(&self) -> &'static str {
        match &self.source {
            Source::Csv(table) => table.encoding(),
            Source::Xlsx(_) => "UTF-8",
        }
    }

    /// The separator detected (`b','` or `b';'`); `None` for XLSX.
    pub fn separator(&self) -> Option<u8> {
        match &self.source {
            Source::Csv(table) => Some(table.separator()),
            Source::Xlsx(_) => None,
        }
    }
}

impl Iterator for TableReader {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        self.next_row()
    }
}

/// A table whose header has been matched against a kind of import's columns: the
/// [`ColumnMap`] plus the data rows.
///
/// ```ignore
/// let mut rows = RowReader::open(path, None, SPECS)?;
/// while let Some(row) = rows.next() {
///     let row = row?;
///     let inn = text(rows.columns().cell(&row, "inn"));
/// }
/// ```
pub struct RowReader {
    table: TableReader,
    columns: ColumnMap,
}

impl RowReader {
    /// Opens the file and matches its header; column problems are an [`Error::Invalid`].
    pub fn open(path: &Path, sheet: Option<&str>, specs: &[ColumnSpec]) -> Result<RowReader> {
        RowReader::new(open_table(path, sheet)?, specs).map_err(Error::Invalid)
    }

    /// Matches the table's header against `specs`. The problems carry the header's real row
    /// number when blank rows come before it.
    pub fn new(table: TableReader, specs: &[ColumnSpec]) -> Result<RowReader, Vec<Problem>> {
        let header_row = table.header_row();
        match match_columns(table.headers(), specs) {
            Ok(columns) => Ok(RowReader { table, columns }),
            Err(mut problems) => {
                for problem in &mut problems {
                    if problem.row.is_some() {
                        problem.row = Some(header_row);
                    }
                }
                Err(problems)
            }
        }
    }

    pub fn columns(&self) -> &ColumnMap {
        &self.columns
    }

    /// The table, for its progress and what was detected.
    pub fn table(&self) -> &TableReader {
        &self.table
    }

    /// The next data row (see [`TableReader::next_row`]).
    pub fn next_row(&mut self) -> Option<Result<Row>> {
        self.table.next_row()
    }

    /// The map and the table, apart.
    pub fn into_parts(self) -> (ColumnMap, TableReader) {
        (self.columns, self.table)
    }
}

impl Iterator for RowReader {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        self.next_row()
    }
}
