//! Streaming a CSV file: raw bytes through `csv`, each field decoded on its own.
//!
//! Both encodings a file may be in (UTF-8, Windows-1251) keep ASCII as is, so the separator,
//! quotes and line ends can be found in the raw bytes; decoding field by field lets a bad
//! byte be reported with its row and column instead of being silently replaced.

use std::io::{self, Cursor, Read};

use super::blank_lines::KeepBlankLines;
use super::cell::{Cell, Row};
use super::sniff::{sniff, Encoding, SNIFF_LEN};
use crate::error::{Error, Problem, Result, Text};

type Source = KeepBlankLines<Counting<io::Chain<Cursor<Vec<u8>>, Box<dyn Read + Send>>>>;

/// A CSV file opened for reading, past its header.
pub(super) struct CsvTable {
    reader: csv::Reader<Source>,
    encoding: Encoding,
    separator: u8,
    headers: Vec<String>,
    header_row: u64,
    record: csv::ByteRecord,
    /// The row number of the last record read (every line outside quotes is a record).
    row: u64,
    done: bool,
}

impl CsvTable {
    pub(super) fn open(mut file: Box<dyn Read + Send>) -> Result<CsvTable> {
        let mut head = Vec::with_capacity(SNIFF_LEN);
        (&mut file).take(SNIFF_LEN as u64).read_to_end(&mut head)?;
        let sniffed = sniff(&head, head.len() < SNIFF_LEN);
        let bom_len = sniffed.bom_len as u64;
        let mut head = Cursor::new(head);
        head.set_position(bom_len);
        let source = KeepBlankLines::new(
            Counting {
                inner: head.chain(file),
                count: bom_len,
            },
            sniffed.separator,
        );
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sniffed.separator)
            .from_reader(source);
        let mut table = CsvTable {
            reader,
            encoding: sniffed.encoding,
            separator: sniffed.separator,
            headers: Vec::new(),
            header_row: 1,
            record: csv::ByteRecord::new(),
            row: 0,
            done: false,
        };
        table.read_header()?;
        Ok(table)
    }

    /// The first non-blank record is the header; the file may have none.
    fn read_header(&mut self) -> Result<()> {
        while let Some(row) = self.next_record()? {
            if !self.record_is_blank() {
                self.header_row = row;
                self.headers = self
                    .record
                    .iter()
                    .map(|field| self.decode_lossy(field).trim().to_owned())
                    .collect();
                return Ok(());
            }
        }
        Ok(())
    }

    pub(super) fn headers(&self) -> &[String] {
        &self.headers
    }

    pub(super) fn header_row(&self) -> u64 {
        self.header_row
    }

    pub(super) fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    pub(super) fn separator(&self) -> u8 {
        self.separator
    }

    pub(super) fn bytes_read(&self) -> u64 {
        self.reader.get_ref().get_ref().count
    }

    pub(super) fn next_row(&mut self) -> Option<Result<Row>> {
        loop {
            let number = match self.next_record() {
                Ok(Some(number)) => number,
                Ok(None) => return None,
                Err(error) => return Some(Err(error)),
            };
            if !self.record_is_blank() {
                return Some(self.row(number));
            }
        }
    }

    /// Reads the next record into `self.record`; gives its row number.
    fn next_record(&mut self) -> Result<Option<u64>> {
        if self.done {
            return Ok(None);
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                self.row += 1;
                Ok(Some(self.row))
            }
            Ok(false) => {
                self.done = true;
                Ok(None)
            }
            Err(error) => {
                self.done = true;
                Err(csv_error(error))
            }
        }
    }

    fn record_is_blank(&self) -> bool {
        self.record
            .iter()
            .all(|field| field.iter().all(u8::is_ascii_whitespace))
    }

    fn row(&self, number: u64) -> Result<Row> {
        let mut problems = Vec::new();
        let width = self.record.len();
        if width != self.headers.len() {
            problems.push(
                Problem::new(
                    "row_width",
                    Text::new(
                        format!(
                            "в строке полей: {width}, а в заголовке: {} (проверьте разделители и кавычки)",
                            self.headers.len()
                        ),
                        format!(
                            "the row has {width} field(s), the header has {} (check the separators and quotes)",
                            self.headers.len()
                        ),
                    ),
                )
                .at_row(number),
            );
        }
        let mut cells = Vec::with_capacity(width);
        for (index, field) in self.record.iter().enumerate() {
            match self.decode(field) {
                Some(text) if text.is_empty() => cells.push(Cell::Empty),
                Some(text) => cells.push(Cell::Text(text)),
                None => {
                    problems.push(bad_encoding().at(number, self.column_name(index)));
                    cells.push(Cell::Empty);
                }
            }
        }
        if problems.is_empty() {
            Ok(Row { number, cells })
        } else {
            Err(Error::Invalid(problems))
        }
    }

    fn column_name(&self, index: usize) -> String {
        match self.headers.get(index) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => format!("#{}", index + 1),
        }
    }

    /// `None` when the bytes are not valid in the file's encoding.
    fn decode(&self, bytes: &[u8]) -> Option<String> {
        match self.encoding {
            Encoding::Utf8 => std::str::from_utf8(bytes).ok().map(str::to_owned),
            // Every byte means a character in Windows-1251.
            Encoding::Windows1251 => Some(self.decode_lossy(bytes)),
        }
    }

    fn decode_lossy(&self, bytes: &[u8]) -> String {
        self.encoding
            .encoding()
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }
}

fn bad_encoding() -> Problem {
    Problem::new(
        "bad_encoding",
        Text::new(
            "неверные байты для кодировки UTF-8 (сохраните файл в UTF-8 или Windows-1251)",
            "invalid bytes for UTF-8 (save the file as UTF-8 or Windows-1251)",
        ),
    )
}

fn csv_error(error: csv::Error) -> Error {
    let message = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(io) => Error::Io(io),
        _ => Error::refused(
            "bad_csv",
            format!("не удаётся прочитать CSV: {message}"),
            format!("cannot read the CSV file: {message}"),
        ),
    }
}

/// Counts the bytes read through it, for a progress bar.
struct Counting<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count += read as u64;
        Ok(read)
    }
}
