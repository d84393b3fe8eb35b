//! A disk that fills up in the middle of a write (SQLite's page limit standing in for
//! it): the import, the month's batch of acts and the backup taken before them say so in
//! the person's language, and the book is left exactly as it was. These need a file (the
//! page limit is SQLite's, and only a file has backups), whatever the engine of test books.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::*;
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::import::{ImportKind, ImportOptions};
use partnerbook_core::store::{check_book, Book};
use partnerbook_core::Lang;

/// Every row of every table, as stored: two books with the same dump hold the same data.
fn dump(book: &Book) -> String {
    let db = book.db();
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("the tables")
        .query_map([], |r| r.get(0))
        .expect("listed")
        .collect::<Result<_, _>>()
        .expect("read");
    let mut out = String::new();
    for table in tables {
        writeln!(out, "[{table}]").expect("text");
        let mut stmt = db
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("a table's rows");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        let mut lines = Vec::new();
        while let Some(row) = rows.next().expect("a row") {
            let mut line = String::new();
            for i in 0..columns {
                write!(line, "{:?}|", row.get_ref(i).expect("a value")).expect("text");
            }
            lines.push(line);
        }
        // In a stable order whatever the table's keys (some have no rowid).
        lines.sort();
        for line in lines {
            writeln!(out, "{line}").expect("text");
        }
    }
    out
}

/// The book's pages now, with no free page left inside it: any write that needs a page
/// more than that needs more disk.
fn pages_packed(book: &Book) -> u64 {
    book.db().execute_batch("VACUUM").expect("vacuumed");
    book.db()
        .query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0))
        .expect("the page count") as u64
}

fn backups_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir.join("backups")) {
        Ok(found) => found
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// A billing file of `rows` payments of the fixtures' client B-100.
fn many_payments(dir: &Path, rows: usize) -> std::path::PathBuf {
    let mut csv = String::from(
        "payment_id,program,date,client_id,amount,list_price,currency,category,direct,type,refund_of,promo_code,promotion,product\n",
    );
    for i in 0..rows {
        writeln!(
            csv,
            "F-{i:05},bitrix24,2026-03-{:02},B-100,{},,RUB,tariff,yes,,,,,Тариф «Профессиональный» на год для большой команды",
            1 + i % 28,
            1000 + i
        )
        .expect("text");
    }
    let path = dir.join("billing_many.csv");
    std::fs::write(&path, csv).expect("written");
    path
}

fn billing_options(path: &Path, lang: Lang) -> ImportOptions {
    ImportOptions {
        lang,
        ..import_options(ImportKind::Billing, path, false)
    }
}

/// A file book with the fixtures' partners and clients and the vendor's requisites.
fn fixtures_book(dir: &Path) -> Book {
    let mut book = Book::open(&dir.join("book.sqlite")).expect("a book in a file");
    import_partners(&mut book, "partners_ok.csv");
    import_clients(&mut book, "clients_ok.csv");
    set_vendor(&mut book);
    book
}

#[test]
fn a_billing_import_that_runs_out_of_space_says_so_and_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut book = fixtures_book(dir.path());
    let file = many_payments(dir.path(), 3000);
    let pages = pages_packed(&book);
    let before = dump(&book);
    let mut kept = backups_in(dir.path());
    book.limit_pages(pages).expect("a disk as full as the book");

    let err = api::import(
        &mut book,
        &billing_options(&file, Lang::Ru),
        &actor(),
        &mut |_| true,
    )
    .expect_err("3 000 payments need more pages than the disk has");
    assert_eq!(err.code(), "disk_full", "{err:?}");
    assert_eq!(
        err.message(Lang::Ru),
        "На диске нет места: запись в книгу не поместилась; книга не изменилась."
    );
    assert_eq!(
        err.message(Lang::En),
        "No space left on the disk: the write did not fit; the book is unchanged."
    );
    // The backup before the import fitted (the book's own size) and is kept.
    kept.insert(
        0,
        "book-20250110-103000-before-import-billing.sqlite".into(),
    );
    assert_eq!(backups_in(dir.path()), kept);
    assert_eq!(dump(&book), before, "nothing of the file is in the book");
    assert_eq!(check_book(book.db()).expect("checked"), []);

    // Reopened (as after the failure on a real disk), the book is the same, and the same
    // import with room enough goes in whole.
    drop(book);
    let mut book = Book::open(&dir.path().join("book.sqlite")).expect("reopened");
    assert_eq!(dump(&book), before);
    let report = api::import(
        &mut book,
        &billing_options(&file, Lang::Ru),
        &actor(),
        &mut |_| true,
    )
    .expect("with room, the import runs");
    assert!(report.committed && report.problems.is_empty(), "{report:?}");
    assert_eq!(report.rows, 3000);
}

#[test]
fn the_months_batch_of_acts_that_runs_out_of_space_says_so_and_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut book = Book::open(&dir.path().join("book.sqlite")).expect("a book in a file");
    let demo_day = Actor::new("tester", at(2026, 11, 30));
    api::fill_demo(&mut book, &demo_day).expect("the demo book");
    let month_end = day(2026, 11, 30);
    let ready = |book: &Book| {
        api::balances(book, month_end, None)
            .expect("balances")
            .iter()
            .map(|b| format!("{b:?}"))
            .collect::<Vec<_>>()
    };
    let pages = pages_packed(&book);
    let (before, balances_before) = (dump(&book), ready(&book));
    assert_eq!(
        check_book(book.db()).expect("checked"),
        [],
        "the demo is sound"
    );
    book.limit_pages(pages).expect("a disk as full as the book");

    let err = api::acts_batch(&mut book, &demo_day, month_end, None, &mut |_| true)
        .expect_err("the month's acts need more pages than the disk has");
    assert_eq!(err.code(), "disk_full", "{err:?}");
    assert_eq!(
        err.message(Lang::Ru),
        "На диске нет места: запись в книгу не поместилась; книга не изменилась."
    );
    assert_eq!(dump(&book), before, "no act, no conversion, no audit entry");
    assert_eq!(ready(&book), balances_before);
    assert_eq!(check_book(book.db()).expect("checked"), []);
    assert!(
        backups_in(dir.path())
            .iter()
            .any(|n| n.ends_with("-before-acts-batch.sqlite")),
        "{:?}",
        backups_in(dir.path())
    );
}

#[test]
fn a_backup_that_does_not_fit_on_the_disk_says_so_and_the_import_does_not_start() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut book = fixtures_book(dir.path());
    let file = many_payments(dir.path(), 10);
    let pages = pages_packed(&book);
    let before = dump(&book);
    let kept = backups_in(dir.path());
    // Room for less than the book itself: its copy cannot be written.
    book.limit_pages(pages - 1)
        .expect("a disk fuller than the book");

    for (lang, said) in [
        (
            Lang::Ru,
            format!(
                "На диске нет места: копия книги в {} не поместилась; книга не изменилась.",
                dir.path().join("backups").display()
            ),
        ),
        (
            Lang::En,
            format!(
                "No space left on the disk: the copy of the book did not fit into {}; the book is unchanged.",
                dir.path().join("backups").display()
            ),
        ),
    ] {
        let err = api::import(&mut book, &billing_options(&file, lang), &actor(), &mut |_| true)
            .expect_err("the backup does not fit");
        assert_eq!(err.code(), "disk_full", "{err:?}");
        assert_eq!(err.message(lang), said);
    }
    assert_eq!(
        backups_in(dir.path()),
        kept,
        "no copy, whole or partial, is left"
    );
    assert_eq!(dump(&book), before, "the import did not start");
    let err = api::backup_now(&book, &actor()).expect_err("a backup asked for does not fit either");
    assert_eq!(err.code(), "disk_full");
    assert_eq!(backups_in(dir.path()), kept);
}
