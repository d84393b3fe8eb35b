//! The import history, progress, cancelling a long import, and the backup taken first.

mod common;

use std::io::Write;
use std::path::PathBuf;

use common::*;
use partnerbook_core::audit;
use partnerbook_core::import::{import_history, run_import, ImportKind, ImportProgress};
use partnerbook_core::store::Book;
use partnerbook_core::Error;
use tempfile::TempDir;

/// A clients file of `rows` data rows.
fn long_clients_file(rows: usize) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("clients_long.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    writeln!(file, "client_id,program,name,registered").expect("write");
    for i in 0..rows {
        writeln!(file, "L-{i:05},quantower,Client {i},2025-02-01").expect("write");
    }
    file.flush().expect("flush");
    drop(file);
    (dir, path)
}

#[test]
fn a_committed_import_is_in_the_history_and_the_audit_log() {
    let mut book = book();
    let first = import_partners(&mut book, "partners_ok.csv");
    let second = import_clients(&mut book, "clients_ok.csv");
    let history = import_history(book.db()).expect("history");
    assert_eq!(history.len(), 2);
    let (newest, oldest) = (&history[0], &history[1]);
    assert_eq!(Some(newest.id), second.import_id);
    assert_eq!(Some(oldest.id), first.import_id);
    assert_eq!(oldest.kind, "partners");
    assert!(oldest.file.ends_with("partners_ok.csv"), "{}", oldest.file);
    assert_eq!(
        (oldest.at.as_str(), oldest.operator.as_str()),
        ("2025-01-10 10:30:00", "tester")
    );
    assert_eq!(
        (oldest.rows, oldest.added, oldest.unchanged, oldest.refused),
        (6, 6, 0, 0)
    );
    assert_eq!(
        (
            newest.kind.as_str(),
            newest.rows,
            newest.added,
            newest.refused
        ),
        ("clients", 6, 4, 2)
    );
    let log = audit::history(book.db(), "import", &oldest.id.to_string()).expect("audit");
    assert_eq!(log.len(), 1);
    let detail = log[0].detail.as_deref().expect("detail");
    assert!(detail.starts_with("partners: "), "{detail}");
    assert!(
        detail.ends_with("rows 6, added 6, unchanged 0, refused 0"),
        "{detail}"
    );
}

#[test]
fn refused_and_dry_run_imports_leave_no_trace_in_the_history() {
    let mut book = book();
    import_partners(&mut book, "partners_one_bad_row.csv");
    import(
        &mut book,
        ImportKind::Partners,
        &fixture("partners_ok.csv"),
        true,
    );
    assert!(import_history(book.db()).expect("history").is_empty());
}

#[test]
fn progress_is_reported_every_2000_rows_and_at_the_end() {
    let (_dir, path) = long_clients_file(4500);
    let mut book = book();
    let mut seen: Vec<ImportProgress> = Vec::new();
    let report = run_import(
        &mut book,
        &import_options(ImportKind::Clients, &path, false),
        &actor(),
        &mut |p| {
            seen.push(p);
            true
        },
    )
    .expect("runs");
    assert!(report.committed, "{:?}", report.problems.first());
    assert_eq!(report.added, 4500);
    let rows: Vec<u64> = seen.iter().map(|p| p.rows).collect();
    assert_eq!(rows, [2000, 4000, 4500]);
    let last = seen.last().expect("a final report");
    assert_eq!(last.bytes, last.total_bytes);
    assert_eq!(
        last.total_bytes,
        std::fs::metadata(&path).expect("meta").len()
    );
    assert!(seen[0].bytes < seen[1].bytes && seen[1].bytes <= last.bytes);
}

#[test]
fn a_cancelled_import_changes_nothing_and_says_cancelled() {
    let (_dir, path) = long_clients_file(2100);
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let before = counts(&book);
    let mut calls = 0;
    let result = run_import(
        &mut book,
        &import_options(ImportKind::Clients, &path, false),
        &actor(),
        &mut |p| {
            calls += 1;
            assert_eq!(p.rows, 2000);
            false
        },
    );
    assert_eq!(calls, 1);
    let err = result.expect_err("cancelled");
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert_eq!(err.code(), "cancelled");
    assert_eq!(
        err.message(partnerbook_core::Lang::Ru),
        "Отменено; ничего не изменено."
    );
    assert_eq!(
        counts(&book),
        before,
        "no client of the first 2000 rows kept, no history"
    );
    // The book still takes writes: the same file goes in when not cancelled.
    let report = import(&mut book, ImportKind::Clients, &path, false);
    assert_eq!(report.added, 2100);
}

#[test]
fn a_book_on_disk_is_backed_up_before_an_import_but_not_before_a_dry_run() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("book.sqlite");
    let mut book = Book::open(&path).expect("a new book");
    let backups = dir.path().join("backups");
    import(
        &mut book,
        ImportKind::Partners,
        &fixture("partners_ok.csv"),
        true,
    );
    assert!(!backups.exists(), "a dry run takes no backup");
    import_partners(&mut book, "partners_ok.csv");
    let names: Vec<String> = std::fs::read_dir(&backups)
        .expect("backups made")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["book-20250110-103000-before-import-partners.sqlite"]
    );
    // The backup is the book as it was: no partner yet.
    let copy = Book::open(&backups.join(&names[0])).expect("opens");
    assert_eq!(counts(&copy), [0, 0, 0]);
    assert_eq!(counts(&book)[0], 6);
}
