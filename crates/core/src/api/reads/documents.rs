//! Files made from the book without changing it: the payout register, a partner's
//! statement, a signed act, any table as the app shows it.

use chrono::{NaiveDate, NaiveDateTime};

use crate::acts::{self, DocumentFile, RegisterFormat};
use crate::exports::{self, ExportRequest};
use crate::store::Book;
use crate::Result;

/// The month's (`YYYY-MM`) payout register as `format`, made at `now`.
pub fn register_file(
    book: &Book,
    month: &str,
    format: RegisterFormat,
    now: NaiveDateTime,
) -> Result<DocumentFile> {
    book.read(|db| acts::register_file(db, month, format, now))
}

/// The partner's statement from `from` to `to` (PDF), made on `today`.
pub fn statement_file(
    book: &Book,
    partner: &str,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<DocumentFile> {
    book.read(|db| acts::statement_file(db, partner, from, to, today))
}

/// The signed act `id`: its PDF with the signatures' stamps, and the package as it came.
pub fn signed_act_files(book: &Book, id: &str) -> Result<(DocumentFile, DocumentFile)> {
    book.read(|db| acts::signed_act_files(db, id))
}

/// The table the request names, every row, as an Excel workbook.
pub fn export_table(
    book: &Book,
    request: &ExportRequest,
    today: NaiveDate,
) -> Result<DocumentFile> {
    book.read(|db| exports::export_table(db, request, today))
}
