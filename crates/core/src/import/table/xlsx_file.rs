//! Streaming one sheet of an `.xlsx` workbook with calamine's cell reader.
//!
//! `Xlsx::worksheet_cells_reader` borrows the workbook, so the reader and the workbook cannot
//! sit side by side in one struct without unsafe code. A worker thread owns both instead
//! and hands finished rows over a bounded channel: memory stays flat however long the sheet
//! is, and dropping the table ends the thread at its next row.

use std::io::{BufReader, Read, Seek};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;

use calamine::{DataRef, ExcelDateTime, Reader, Xlsx};
use chrono::NaiveDate;

use super::cell::{Cell, Row};
use crate::error::{Error, Result};

/// What the workbook is read from: a file, or bytes in memory.
pub(super) trait Stream: Read + Seek + Send {}

impl<T: Read + Seek + Send> Stream for T {}

type Workbook = Xlsx<BufReader<Box<dyn Stream>>>;

/// How many rows the worker may read ahead.
const READ_AHEAD: usize = 256;

enum Message {
    /// The sheet's last row, from its `<dimension>` (0 when the sheet does not say).
    Start(u64),
    Row(Row),
    Failed(String),
    End,
}

/// A sheet opened for reading, past its header.
pub(super) struct XlsxTable {
    rows: Receiver<Message>,
    headers: Vec<String>,
    header_row: u64,
    sheet_rows: u64,
    /// The number of the last row handed over.
    position: u64,
    done: bool,
}

impl XlsxTable {
    pub(super) fn open(mut file: Box<dyn Stream>, sheet: Option<&str>) -> Result<XlsxTable> {
        super::xlsx_unpacked::check_unpacked_parts(&mut file)?;
        let workbook: Workbook = Xlsx::new(BufReader::new(file)).map_err(bad_xlsx)?;
        let name = choose_sheet(&workbook.sheet_names(), sheet)?;
        let (sender, rows) = sync_channel(READ_AHEAD);
        thread::Builder::new()
            .name("xlsx-reader".into())
            .spawn(move || read_sheet(workbook, &name, &sender))?;
        let mut table = XlsxTable {
            rows,
            headers: Vec::new(),
            header_row: 1,
            sheet_rows: 0,
            position: 0,
            done: false,
        };
        // The first row with anything in it is the header.
        if let Some(header) = table.next_row().transpose()? {
            table.header_row = header.number;
            table.headers = header
                .cells
                .iter()
                .map(|cell| cell.to_string().trim().to_owned())
                .collect();
        }
        Ok(table)
    }

    pub(super) fn headers(&self) -> &[String] {
        &self.headers
    }

    pub(super) fn header_row(&self) -> u64 {
        self.header_row
    }

    pub(super) fn next_row(&mut self) -> Option<Result<Row>> {
        while !self.done {
            match self.rows.recv() {
                Ok(Message::Row(row)) => {
                    self.position = row.number;
                    return Some(Ok(row));
                }
                Ok(Message::Start(last)) => self.sheet_rows = last,
                Ok(Message::End) => self.done = true,
                Ok(Message::Failed(message)) => {
                    self.done = true;
                    return Some(Err(bad_xlsx(message)));
                }
                Err(_) => {
                    self.done = true;
                    return Some(Err(bad_xlsx("the reader stopped")));
                }
            }
        }
        None
    }

    /// An estimate: the share of the sheet's rows handed over so far, as a share of the
    /// file's size (the file is compressed and the sheet is only part of it).
    pub(super) fn bytes_read(&self, total_bytes: u64) -> u64 {
        if self.done {
            total_bytes
        } else if self.sheet_rows <= 1 {
            0
        } else {
            let share = u128::from(total_bytes) * u128::from(self.position.min(self.sheet_rows))
                / u128::from(self.sheet_rows);
            u64::try_from(share).unwrap_or(total_bytes)
        }
    }
}

fn choose_sheet(names: &[String], wanted: Option<&str>) -> Result<String> {
    let Some(wanted) = wanted else {
        return names.first().cloned().ok_or_else(|| {
            Error::refused(
                "empty_file",
                "в книге нет ни одного листа",
                "the workbook has no sheets",
            )
        });
    };
    let folded = wanted.trim().to_lowercase();
    names
        .iter()
        .find(|name| name.as_str() == wanted)
        .or_else(|| {
            names
                .iter()
                .find(|name| name.trim().to_lowercase() == folded)
        })
        .cloned()
        .ok_or_else(|| {
            let list = names
                .iter()
                .map(|name| format!("«{name}»"))
                .collect::<Vec<_>>()
                .join(", ");
            Error::refused(
                "sheet_not_found",
                format!("в книге нет листа «{wanted}»; есть: {list}"),
                format!("the workbook has no sheet “{wanted}”; it has: {list}"),
            )
        })
}

/// The worker: reads the sheet cell by cell and sends each row that has anything in it.
/// Stops as soon as the table on the other side is dropped (a send fails).
fn read_sheet(mut workbook: Workbook, name: &str, sender: &SyncSender<Message>) {
    let mut cells = match workbook.worksheet_cells_reader(name) {
        Ok(cells) => cells,
        Err(error) => {
            let _ = sender.send(Message::Failed(error.to_string()));
            return;
        }
    };
    let last = cells.dimensions().end.0;
    if sender.send(Message::Start(u64::from(last) + 1)).is_err() {
        return;
    }
    let mut row = Row {
        number: 0,
        cells: Vec::new(),
    };
    loop {
        // calamine indexes the shared strings with a cell's number unchecked: a cell naming
        // one the workbook does not have panics inside it (found by the fuzz harness). That
        // is a broken file, said as such, not a reader that stopped.
        let next = panic::catch_unwind(AssertUnwindSafe(|| cells.next_cell()));
        let cell = match next {
            Ok(Ok(Some(cell))) => cell,
            Ok(Ok(None)) => break,
            Ok(Err(error)) => {
                let _ = sender.send(Message::Failed(error.to_string()));
                return;
            }
            Err(_) => {
                let _ = sender.send(Message::Failed(format!(
                    "a cell after row {} names a shared string the workbook does not have",
                    row.number
                )));
                return;
            }
        };
        let (index, column) = cell.get_position();
        let number = u64::from(index) + 1;
        if number != row.number {
            let done = std::mem::replace(
                &mut row,
                Row {
                    number,
                    cells: Vec::new(),
                },
            );
            if !send_row(sender, done) {
                return;
            }
        }
        let value = convert(cell.get_value());
        if value != Cell::Empty {
            let column = column as usize;
            if row.cells.len() <= column {
                row.cells.resize(column + 1, Cell::Empty);
            }
            row.cells[column] = value;
        }
    }
    if send_row(sender, row) {
        let _ = sender.send(Message::End);
    }
}

/// Sends a row unless it is wholly blank; `false` when the other side is gone.
fn send_row(sender: &SyncSender<Message>, row: Row) -> bool {
    row.number == 0 || row.is_blank() || sender.send(Message::Row(row)).is_ok()
}

/// A calamine cell as this crate holds it: numbers as their shortest round-trip decimal text.
fn convert(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(text) | DataRef::DurationIso(text) => Cell::Text(text.clone()),
        DataRef::SharedString(text) => Cell::Text((*text).to_owned()),
        DataRef::Int(number) => Cell::Number(number.to_string()),
        DataRef::Float(number) => Cell::Number(decimal_text(number.to_string())),
        DataRef::Bool(value) => Cell::Bool(*value),
        DataRef::DateTime(value) => date_cell(value),
        DataRef::DateTimeIso(text) => text
            .get(..10)
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(text.clone()), Cell::Date),
        DataRef::Error(error) => Cell::Text(error.to_string()),
    }
}

/// `-0` is `0`.
fn decimal_text(text: String) -> String {
    if text == "-0" {
        "0".to_owned()
    } else {
        text
    }
}

/// A date cell is its day (a time of day in it is dropped); a duration or a time-only cell
/// stays a number.
fn date_cell(value: &ExcelDateTime) -> Cell {
    if value.is_datetime() {
        let (year, month, day, ..) = value.to_ymd_hms_milli();
        if year >= 1900 {
            if let Some(date) =
                NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
            {
                return Cell::Date(date);
            }
        }
    }
    Cell::Number(decimal_text(value.to_string()))
}

fn bad_xlsx(error: impl std::fmt::Display) -> Error {
    Error::refused(
        "bad_xlsx",
        format!("не удаётся прочитать файл XLSX: {error}"),
        format!("cannot read the XLSX file: {error}"),
    )
}
