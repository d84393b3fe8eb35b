//! In-process timings that split an import into its phases: reading the CSV alone,
//! reading plus the checks the import makes before touching the book, and the backup
//! the import takes first.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use partnerbook_core::import::table::{date, open_table, text, RowReader};
use partnerbook_core::import::{partner_input, CLIENT_COLUMNS, PARTNER_COLUMNS};
use partnerbook_core::partners::validate_partner;
use partnerbook_core::programs::{load_program, Program};
use partnerbook_core::store::Book;
use partnerbook_core::Result;

/// Rows and time to read every row of the file through `open_table`, doing nothing else.
pub fn read_only(path: &Path) -> Result<(u64, Duration)> {
    let start = Instant::now();
    let mut rows = 0;
    for row in open_table(path, None)? {
        row?;
        rows += 1;
    }
    Ok((rows, start.elapsed()))
}

/// Reading plus building each partner's input and `validate_partner` (the import's
/// checks before any lookup or write in the book). Gives the valid rows and the time.
pub fn partners_read_validate(path: &Path, book: &Book) -> Result<(u64, Duration)> {
    let start = Instant::now();
    let mut programs: HashMap<String, Option<Program>> = HashMap::new();
    let mut reader = RowReader::open(path, None, PARTNER_COLUMNS)?;
    let mut valid = 0;
    while let Some(row) = reader.next_row() {
        let row = row?;
        let columns = reader.columns();
        let input = partner_input(&row, columns);
        let id = input.program.clone().unwrap_or_default();
        let program = programs
            .entry(id.clone())
            .or_insert_with(|| load_program(book.db(), &id).ok());
        if validate_partner(&input, program.as_ref()).is_ok() {
            valid += 1;
        }
    }
    Ok((valid, start.elapsed()))
}

/// Reading plus what the clients import makes of each cell before the book: texts, the
/// four dates, the channel. Gives the rows with a code and the time.
pub fn clients_read_parse(path: &Path) -> Result<(u64, Duration)> {
    let start = Instant::now();
    let mut reader = RowReader::open(path, None, CLIENT_COLUMNS)?;
    let mut with_code = 0;
    while let Some(row) = reader.next_row() {
        let row = row?;
        let columns = reader.columns();
        let cell = |key| columns.cell(&row, key);
        let dates = ["registered", "active_since", "promo_ends", "bound_at"]
            .map(|key| date(cell(key)).ok().flatten());
        let texts =
            ["client_id", "program", "name", "inn", "users", "channel"].map(|key| text(cell(key)));
        let channel = texts[5]
            .as_deref()
            .and_then(partnerbook_core::programs::Channel::parse);
        if text(cell("partner_code")).is_some() && channel.is_some() && dates[3].is_some() {
            with_code += 1;
        }
    }
    Ok((with_code, start.elapsed()))
}

/// The time of the backup an import takes before it starts (`VACUUM INTO`), and the
/// backup's size in bytes.
pub fn backup(book: &Book, dest: &Path) -> Result<(Duration, u64)> {
    let _ = std::fs::remove_file(dest);
    let start = Instant::now();
    book.backup_to(dest)?;
    let took = start.elapsed();
    let size = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(dest);
    Ok((took, size))
}
