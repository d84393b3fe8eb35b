//! A look at a file before it is checked: what the header matched, what is missing, and
//! the first rows as the file holds them. Reads only the header and a few rows, writes
//! nothing, needs no book.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::billing::BILLING_COLUMNS;
use super::clients::CLIENT_COLUMNS;
use super::partners::PARTNER_COLUMNS;
use super::report::{ColumnFound, ImportKind};
use super::table::{match_leniently, open_table, ColumnSpec};
use crate::{Error, Result};

/// The columns a kind of import knows.
pub fn columns_of(kind: ImportKind) -> &'static [ColumnSpec] {
    match kind {
        ImportKind::Partners => PARTNER_COLUMNS,
        ImportKind::Clients => CLIENT_COLUMNS,
        ImportKind::Billing => BILLING_COLUMNS,
    }
}

/// What the import screen shows before a check: the header matched against the kind's
/// columns and the first rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub file: String,
    /// `UTF-8` or `windows-1251` (CSV); `UTF-8` for XLSX.
    pub encoding: String,
    /// The header's texts, left to right, as the file has them.
    pub headers: Vec<String>,
    /// The header's row number (1 unless blank rows come first).
    #[ts(type = "number")]
    pub header_row: u64,
    /// File columns matched to a known column, in the known columns' order.
    pub columns: Vec<ColumnFound>,
    /// File columns no known column matches (the import leaves them out).
    pub ignored: Vec<String>,
    /// Keys of required columns the file lacks (the check refuses the file).
    pub missing: Vec<String>,
    /// File columns that repeat a column already matched (the check refuses the file).
    pub duplicates: Vec<String>,
    /// Billing only: the file has no program column, so a program must be chosen.
    pub needs_program: bool,
    /// The first data rows, one text per cell (as `Cell` displays it), at least as wide
    /// as the header.
    pub rows: Vec<Vec<String>>,
    /// Each shown row's number as a spreadsheet shows it.
    #[ts(type = "Array<number>")]
    pub row_numbers: Vec<u64>,
    /// The file has more data rows than those shown.
    pub more: bool,
}

/// Opens `path` (CSV or XLSX, `sheet` or the first one) and previews up to `rows` data
/// rows for an import of `kind`. Rows that cannot be read are left out (the check lists
/// them); a file that cannot be opened is an error.
pub fn preview_import(
    path: &Path,
    sheet: Option<&str>,
    kind: ImportKind,
    rows: usize,
) -> Result<ImportPreview> {
    let mut table = open_table(path, sheet)?;
    let specs = columns_of(kind);
    let headers = table.headers().to_vec();
    let (map, problems) = match_leniently(&headers, specs);
    let columns = specs
        .iter()
        .filter(|s| map.has(s.key))
        .map(|s| ColumnFound {
            key: s.key.to_owned(),
            header: map.header(s.key).to_owned(),
        })
        .collect();
    let missing = specs
        .iter()
        .filter(|s| s.required && !map.has(s.key))
        .map(|s| s.key.to_owned())
        .collect();
    let duplicates = problems
        .iter()
        .filter(|p| p.code == "duplicate_column")
        .filter_map(|p| p.column.clone())
        .collect();
    let mut preview = ImportPreview {
        kind,
        file: path.display().to_string(),
        encoding: table.encoding().to_owned(),
        header_row: table.header_row(),
        columns,
        ignored: map.ignored().to_vec(),
        missing,
        duplicates,
        needs_program: kind == ImportKind::Billing && !map.has("program"),
        rows: Vec::new(),
        row_numbers: Vec::new(),
        more: false,
        headers,
    };
    let width = preview.headers.len();
    while let Some(row) = table.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(Error::Invalid(_)) => continue,
            Err(e) => return Err(e),
        };
        if preview.rows.len() >= rows {
            preview.more = true;
            break;
        }
        let mut cells: Vec<String> = row.cells.iter().map(ToString::to_string).collect();
        if cells.len() < width {
            cells.resize(width, String::new());
        }
        preview.row_numbers.push(row.number);
        preview.rows.push(cells);
    }
    Ok(preview)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(name)
    }

    #[test]
    fn a_billing_file_shows_its_columns_and_first_rows() {
        let preview = preview_import(
            &fixture("billing_preview.csv"),
            None,
            ImportKind::Billing,
            20,
        )
        .expect("preview");
        assert_eq!(preview.encoding, "UTF-8");
        assert_eq!(preview.header_row, 1);
        let keys: Vec<&str> = preview.columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "payment_id",
                "program",
                "date",
                "client_id",
                "amount",
                "list_price",
                "category",
                "type",
                "refund_of",
                "promo_code"
            ]
        );
        assert_eq!(preview.columns[2].header, "Дата оплаты");
        assert_eq!(preview.ignored, ["Комментарий"]);
        assert!(preview.missing.is_empty());
        assert!(preview.duplicates.is_empty());
        assert!(!preview.needs_program);
        assert_eq!(preview.rows.len(), 5);
        assert_eq!(preview.row_numbers, [2, 3, 4, 5, 6]);
        assert!(!preview.more);
        assert_eq!(preview.rows[0][0], "PAY-1");
        assert_eq!(preview.rows[0].len(), preview.headers.len());
        assert_eq!(preview.rows[0][4], "12 000,00");
    }

    #[test]
    fn only_the_rows_asked_for_and_whether_more_follow() {
        let preview = preview_import(
            &fixture("billing_preview.csv"),
            None,
            ImportKind::Billing,
            2,
        )
        .expect("preview");
        assert_eq!(preview.rows.len(), 2);
        assert_eq!(preview.row_numbers, [2, 3]);
        assert!(preview.more);
    }

    #[test]
    fn the_wrong_kind_of_file_shows_what_is_missing() {
        let preview = preview_import(
            &fixture("billing_preview.csv"),
            None,
            ImportKind::Partners,
            20,
        )
        .expect("preview");
        assert!(preview.missing.contains(&"partner_id".to_owned()));
        assert!(preview.missing.contains(&"name".to_owned()));
        assert!(preview.ignored.contains(&"ID платежа".to_owned()));
        assert!(!preview.needs_program);
    }

    #[test]
    fn a_billing_file_without_a_program_column_needs_a_program() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("billing.csv");
        std::fs::write(
            &path,
            "payment_id;date;client_id;amount;amount\nX-1;2026-01-10;C-1;100;200\n",
        )
        .expect("write");
        let preview = preview_import(&path, None, ImportKind::Billing, 20).expect("preview");
        assert!(preview.needs_program);
        assert_eq!(preview.duplicates, ["amount"]);
        assert_eq!(preview.rows, [["X-1", "2026-01-10", "C-1", "100", "200"]]);
    }

    #[test]
    fn a_file_that_is_not_a_table_is_refused() {
        let err = preview_import(Path::new("/nowhere/x.txt"), None, ImportKind::Billing, 20)
            .expect_err("refused");
        assert_eq!(err.code(), "unsupported_file");
    }

    /// The fixture is a real billing file: after the partners and clients fixtures it
    /// imports, and accrues what the programs say.
    #[test]
    fn the_fixture_imports_after_the_partners_and_clients_fixtures() {
        use crate::audit::Actor;
        use crate::import::{run_import, ImportOptions};
        use crate::store::Book;
        use crate::Lang;

        let dir = tempfile::tempdir().expect("tempdir");
        let mut book = Book::open(&dir.path().join("book.sqlite")).expect("book");
        let now = chrono::NaiveDate::from_ymd_opt(2025, 7, 1)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("now");
        let actor = Actor::new("tester", now);
        let mut import = |kind, file: &str| {
            let options = ImportOptions {
                kind,
                path: fixture(file),
                sheet: None,
                program: None,
                dry_run: false,
                lang: Lang::En,
            };
            run_import(&mut book, &options, &actor, &mut |_| true).expect("import")
        };
        import(ImportKind::Partners, "partners_ok.csv");
        import(ImportKind::Clients, "clients_ok.csv");
        let report = import(ImportKind::Billing, "billing_preview.csv");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(report.committed);
        assert_eq!(report.rows, 5);
        let bitrix = report
            .accrued
            .iter()
            .find(|a| a.program == "bitrix24")
            .expect("bitrix24 accrued");
        // 50 % of 12 000 to P-1, 50 % of 6 000 to P-2, the refund of 3 000 reverses half.
        assert_eq!(bitrix.credited, "9000.00");
        assert_eq!(bitrix.reversed, "1500.00");
        assert_eq!(bitrix.unit, "bonus");
        let ciawifi = report
            .accrued
            .iter()
            .find(|a| a.program == "ciawifi")
            .expect("ciawifi accrued");
        assert_eq!(ciawifi.credited, "150.00");

        // What the partner card's «Начисления» tab shows for P-2.
        let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("day");
        let ledger =
            crate::ledger::partner_ledger(book.db(), "P-2", day, Lang::Ru).expect("ledger");
        assert_eq!(ledger.balance.accrued, "3000.00");
        assert_eq!(ledger.balance.reversed, "1500.00");
        assert_eq!(ledger.balance.available, "1500.00");
        assert_eq!(ledger.balance.name, "ИП Борисов Борис Борисович");
        let kinds: Vec<&str> = ledger.entries.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["credit", "reversal"]);
        let missing = crate::ledger::partner_ledger(book.db(), "P-404", day, Lang::Ru)
            .expect_err("no such partner");
        assert_eq!(missing.code(), "not_found");
    }
}
