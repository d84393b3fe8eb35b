//! A corpus of malformed billing files (`tests/fixtures/billing_bad/`): each one is
//! imported into a book that already holds partners, clients and a good billing file, and
//! must give exactly the problems listed here (rendered `строка N, столбец X: …` as the
//! CLI prints them), commit nothing, and leave every table of the book as it was.

mod billing_cases;
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use billing_cases::{Case, Expect, CASES, NOT_A_DATE};
use common::*;
use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::store::sql::Dialect;
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn corpus(name: &str) -> PathBuf {
    fixture(&format!("billing_bad/{name}"))
}

/// Partners and clients of the fixtures, and a good billing file already imported:
/// payments PAY-1 (B-100, 10000.00 on 2025-03-10), PAY-2 (B-200, 5000.00 on 2025-03-12),
/// its refund REF-1 (-1000.00) and W-PAY-1 (ciawifi).
fn book_with_billing() -> Book {
    let mut book = book();
    for report in [
        import_partners(&mut book, "partners_ok.csv"),
        import_clients(&mut book, "clients_ok.csv"),
        import(
            &mut book,
            ImportKind::Billing,
            &fixture("billing_corpus_baseline.csv"),
            false,
        ),
    ] {
        assert!(report.committed, "{:?}", report.problems);
    }
    book
}

/// Every row of every table, as text: what "the book is unchanged" compares.
fn snapshot(book: &Book) -> BTreeMap<String, Vec<String>> {
    let db = book.db();
    // A server book's notes of its writers change with every write, by design.
    let mut tables = db
        .prepare(match db.dialect() {
            Dialect::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
            Dialect::Postgres => {
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'book_writers' ORDER BY tablename"
            }
        })
        .expect("tables");
    let names: Vec<String> = tables
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("tables");
    names
        .into_iter()
        .map(|name| {
            let mut stmt = db
                .prepare(&format!("SELECT * FROM \"{name}\""))
                .expect("a table");
            let width = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..width)
                        .map(|i| r.get_ref(i).map(|v| format!("{v:?}")))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|cells| cells.join("|"))
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows");
            rows.sort();
            (name, rows)
        })
        .collect()
}

/// Imports `path` into `book`, which must come out unchanged; the problems rendered in
/// `lang`, or the refusal as `code: message`.
fn problems_of(
    book: &mut Book,
    path: &Path,
    sheet: Option<&str>,
    program: Option<&str>,
    lang: Lang,
) -> Result<Vec<String>, String> {
    let before = snapshot(book);
    let options = ImportOptions {
        kind: ImportKind::Billing,
        path: path.to_path_buf(),
        sheet: sheet.map(str::to_owned),
        program: program.map(str::to_owned),
        dry_run: false,
        lang,
    };
    let outcome = run_import(book, &options, &actor(), &mut |_| true);
    let after = snapshot(book);
    assert!(
        before == after,
        "{}: the book changed:\n{}",
        path.display(),
        diff(&before, &after)
    );
    match outcome {
        Ok(report) => {
            assert!(!report.committed, "{}: committed", path.display());
            assert_eq!(report.import_id, None, "{}", path.display());
            Ok(report.problems.iter().map(|p| p.render(lang)).collect())
        }
        Err(e) => Err(format!("{}: {}", e.code(), e.message(lang))),
    }
}

fn diff(before: &BTreeMap<String, Vec<String>>, after: &BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::new();
    for (table, rows) in after {
        let old = before.get(table).cloned().unwrap_or_default();
        for row in rows.iter().filter(|r| !old.contains(r)) {
            out.push_str(&format!("+ {table}: {row}\n"));
        }
        for row in old.iter().filter(|r| !rows.contains(r)) {
            out.push_str(&format!("- {table}: {row}\n"));
        }
    }
    out
}

fn owned(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| (*l).to_owned()).collect()
}

fn check(case: &Case) {
    let path = corpus(case.file);
    match &case.expect {
        Expect::Problems { ru, en } => {
            let mut book = book_with_billing();
            let got = problems_of(&mut book, &path, case.sheet, case.program, Lang::Ru);
            assert_eq!(got, Ok(owned(ru)), "{}", case.file);
            if !en.is_empty() {
                let got = problems_of(&mut book, &path, case.sheet, case.program, Lang::En);
                assert_eq!(got, Ok(owned(en)), "{} in English", case.file);
            }
        }
        Expect::Refused { code, ru } => {
            let mut book = book_with_billing();
            let got = problems_of(&mut book, &path, case.sheet, case.program, Lang::Ru);
            assert_eq!(got, Err(format!("{code}: {ru}")), "{}", case.file);
        }
    }
}

#[test]
fn the_baseline_imports_and_again_changes_nothing() {
    let mut book = book_with_billing();
    let before = snapshot(&book);
    let report = import(
        &mut book,
        ImportKind::Billing,
        &fixture("billing_corpus_baseline.csv"),
        false,
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.added, report.unchanged), (0, 4));
    let after = snapshot(&book);
    // Only the import's own record and its audit line are new.
    for (table, rows) in &after {
        if table != "imports" && table != "audit" {
            assert_eq!(Some(rows), before.get(table), "{table}");
        }
    }
}

#[test]
fn every_malformed_file_gives_exactly_its_problems_and_changes_nothing() {
    let mut failures = Vec::new();
    for case in CASES {
        if let Err(e) = std::panic::catch_unwind(|| check(case)) {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", case.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_corpus_has_every_file_listed_and_no_other() {
    let dir = fixture("billing_bad");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.file.to_owned()).collect();
    listed.sort();
    listed.dedup();
    assert_eq!(on_disk, listed);
    assert!(on_disk.len() >= 32, "{} files", on_disk.len());
}

/// A workbook written for the test, with one sheet `Платежи`.
fn workbook(dir: &Path, name: &str, fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> PathBuf {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Платежи").expect("a sheet name");
    fill(sheet);
    let path = dir.join(name);
    workbook.save(&path).expect("saved");
    path
}

fn header(sheet: &mut rust_xlsxwriter::Worksheet, names: &[&str]) {
    for (col, name) in names.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(col).expect("few"), *name)
            .expect("w");
    }
}

#[test]
fn xlsx_cells_of_the_wrong_kind_are_listed_with_their_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let path = workbook(dir.path(), "cells.xlsx", |sheet| {
        header(
            sheet,
            &[
                "ID платежа",
                "Программа",
                "Дата оплаты",
                "ID клиента",
                "Сумма",
                "Прямая оплата",
            ],
        );
        let date = ExcelDateTime::from_ymd(2025, 6, 1).expect("a date");
        let format = Format::new().set_num_format("dd.mm.yyyy");
        for row in 1..=5 {
            if row == 2 {
                continue; // a blank row 3
            }
            sheet.write_string(row, 0, format!("X-{row}")).expect("w");
            sheet.write_string(row, 1, "bitrix24").expect("w");
            sheet
                .write_datetime_with_format(row, 2, &date, &format)
                .expect("w");
            sheet.write_string(row, 3, "B-100").expect("w");
            sheet.write_number(row, 4, 100.0).expect("w");
        }
        // Row 2: a plain number where the date goes.
        sheet.write_number(1, 2, 46_000.0).expect("w");
        // Row 4: a number cell with three decimals.
        sheet.write_number(3, 4, 1.234).expect("w");
        // Row 5: a boolean for an amount.
        sheet.write_boolean(4, 4, true).expect("w");
        // Row 6: a date as text that is no date, and 2 for yes/no.
        sheet.write_string(5, 2, "31.02.2026").expect("w");
        sheet.write_number(5, 5, 2.0).expect("w");
    });
    let mut book = book_with_billing();
    assert_eq!(
        problems_of(&mut book, &path, None, None, Lang::Ru),
        Ok(vec![
            format!("строка 2, столбец Дата оплаты: не дата: «46000» {NOT_A_DATE}"),
            "строка 4, столбец Сумма: не больше двух знаков после запятой: «1.234»".to_owned(),
            "строка 5, столбец Сумма: не сумма: «true» (ожидается число вида 12345.67 или 12 345,67)".to_owned(),
            format!("строка 6, столбец Дата оплаты: не дата: «31.02.2026» {NOT_A_DATE}"),
            "строка 6, столбец Прямая оплата: не «да» или «нет»: «2» (ожидается да/нет, yes/no, 1/0, true/false)".to_owned(),
        ])
    );
}

#[test]
fn an_empty_sheet_a_header_only_sheet_and_a_wrong_sheet_name() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = workbook(dir.path(), "empty.xlsx", |_| {});
    let header_only = workbook(dir.path(), "header.xlsx", |sheet| {
        header(
            sheet,
            &["payment_id", "program", "date", "client_id", "amount"],
        );
    });
    let mut book = book_with_billing();
    assert_eq!(
        problems_of(&mut book, &empty, None, None, Lang::Ru),
        Ok(vec!["файл пуст: нет строки заголовков".to_owned()])
    );
    assert_eq!(
        problems_of(&mut book, &header_only, None, None, Lang::En),
        Ok(vec!["the file has no data rows".to_owned()])
    );
    assert_eq!(
        problems_of(&mut book, &header_only, Some("Март"), None, Lang::Ru),
        Err("sheet_not_found: в книге нет листа «Март»; есть: «Платежи»".to_owned())
    );
    assert_eq!(
        problems_of(&mut book, &header_only, Some("March"), None, Lang::En),
        Err("sheet_not_found: the workbook has no sheet “March”; it has: «Платежи»".to_owned())
    );
}

#[test]
fn invalid_utf8_after_the_sniffed_start_is_reported_at_its_row_and_column() {
    // The first 64 KiB decide the encoding: valid UTF-8 there makes the file UTF-8, and a
    // byte that is not UTF-8 further down is a problem of its own row and column.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("late_bad_byte.csv");
    let mut bytes = b"payment_id,program,date,client_id,amount,comment\n".to_vec();
    bytes.extend_from_slice(b"NEW-1,bitrix24,2025-06-01,B-100,100,");
    bytes.extend_from_slice("я".repeat(40_000).as_bytes());
    bytes.extend_from_slice(b"\nNEW-2,bitrix24,2025-06-01,B-\xcf\xf0\xe8-1,100,\n");
    std::fs::write(&path, bytes).expect("written");
    let mut book = book_with_billing();
    assert_eq!(
        problems_of(&mut book, &path, None, None, Lang::Ru),
        Ok(vec![
            "строка 3, столбец client_id: неверные байты для кодировки UTF-8 (сохраните файл в UTF-8 или Windows-1251)".to_owned()
        ])
    );
}

#[test]
fn a_dry_run_of_a_bad_file_lists_the_same_problems() {
    let mut book = book_with_billing();
    let before = snapshot(&book);
    let mut options = import_options(ImportKind::Billing, &corpus("several_problems.csv"), true);
    options.lang = Lang::Ru;
    let report = run_import(&mut book, &options, &actor(), &mut |_| true).expect("runs");
    assert!(!report.committed);
    assert_eq!(report.problems.len(), 10);
    assert_eq!(snapshot(&book), before);
}
