//! Imports are all or nothing: a file with any bad row writes nothing and lists every
//! problem as row N (as the spreadsheet shows it) and the file's column header.

mod common;

use common::*;
use partnerbook_core::import::{run_import, ImportKind};
use partnerbook_core::Lang;

#[test]
fn one_bad_row_is_reported_at_row_3_column_inn_and_nothing_is_written() {
    let mut book = book();
    let report = import_partners(&mut book, "partners_one_bad_row.csv");
    assert!(!report.committed);
    assert_eq!(report.import_id, None);
    assert_eq!(report.rows, 3);
    assert_eq!(
        placed(&report),
        [(Some(3), Some("ИНН".into()), "inn_checksum".into())]
    );
    assert_eq!(report.problems[0].message, "неверное контрольное число");
    assert_eq!(report.problems[0].field.as_deref(), Some("inn"));
    assert_eq!(
        counts(&book),
        [0, 0, 0],
        "the good rows 2 and 4 were not kept either"
    );
    // Their codes were not issued: once the file is fixed, it goes in whole.
    let mut fixed = book;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("fixed.csv");
    let text = std::fs::read_to_string(fixture("partners_one_bad_row.csv")).expect("read");
    std::fs::write(&path, text.replace("7707083894", "7736207543")).expect("write");
    let report = import(&mut fixed, ImportKind::Partners, &path, false);
    assert!(report.committed, "{:?}", report.problems);
    assert_eq!((report.added, report.unchanged), (3, 0));
}

#[test]
fn problems_are_given_in_the_language_asked_for() {
    let mut book = book();
    let mut options = import_options(
        ImportKind::Partners,
        &fixture("partners_one_bad_row.csv"),
        false,
    );
    options.lang = Lang::En;
    let report = run_import(&mut book, &options, &actor(), &mut |_| true).expect("runs");
    assert_eq!(report.problems[0].message, "wrong check digit");
}

#[test]
fn every_bad_row_of_a_file_is_listed_with_its_column() {
    let mut book = book();
    let report = import_partners(&mut book, "partners_several_bad_rows.csv");
    assert!(!report.committed);
    assert_eq!(report.rows, 6);
    assert_eq!(
        placed(&report),
        [
            (Some(3), Some("kind".into()), "kind_not_admitted".into()),
            (Some(4), Some("rate".into()), "rate_required".into()),
            (Some(5), Some("program".into()), "unknown_program".into()),
            (Some(6), Some("kpp".into()), "required".into()),
        ]
    );
    assert_eq!(report.problems[2].message, "нет программы «nosuch»");
    assert_eq!(counts(&book), [0, 0, 0]);
}

#[test]
fn a_column_the_file_lacks_is_named_by_its_first_name() {
    // ciawifi without a rate column at all: the problem still names the column.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("no_rate.csv");
    std::fs::write(
        &path,
        "partner_id,program,name,kind\nP-1,ciawifi,Wifi Ltd,foreign\n",
    )
    .expect("write");
    let mut book = book();
    let report = import(&mut book, ImportKind::Partners, &path, false);
    assert_eq!(
        placed(&report),
        [(Some(2), Some("rate".into()), "rate_required".into())]
    );
}

#[test]
fn clients_rows_with_problems_are_all_listed_and_nothing_is_written() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let before = counts(&book);
    let report = import_clients(&mut book, "clients_bad.csv");
    assert!(!report.committed);
    assert_eq!(
        placed(&report),
        [
            (Some(2), Some("registered".into()), "required".into()),
            (Some(3), Some("registered".into()), "bad_date".into()),
            (Some(4), Some("channel".into()), "channel_required".into()),
            (Some(5), Some("channel".into()), "bad_channel".into()),
            (Some(6), Some("bound_at".into()), "bound_at_required".into()),
        ]
    );
    assert_eq!(counts(&book), before);
}

#[test]
fn a_bad_row_after_good_binding_rows_undoes_the_bindings_too() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("clients.csv");
    std::fs::write(
        &path,
        "client_id,program,registered,partner_code,channel,bound_at\n\
         B-1,bitrix24,2025-03-01,ALFA2025,link,2025-03-01\n\
         B-2,bitrix24,01.03.2025,ALFA2025,link,2025-03-01\n\
         B-3,bitrix24,yesterday,,,\n",
    )
    .expect("write");
    let report = import(&mut book, ImportKind::Clients, &path, false);
    assert_eq!(
        placed(&report),
        [(Some(4), Some("registered".into()), "bad_date".into())]
    );
    assert_eq!(counts(&book)[1], 0, "no client kept");
    let card = partnerbook_core::partners::partner_card(book.db(), "P-1", Lang::Ru).expect("card");
    assert!(card.clients_now.is_empty());
    let page =
        partnerbook_core::partners::partner_page(book.db(), &Default::default()).expect("page");
    assert!(page.rows.iter().all(|r| r.clients == 0), "{:?}", page.rows);
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let mut book = book();
    let report = import(
        &mut book,
        ImportKind::Partners,
        &fixture("partners_ok.csv"),
        true,
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(!report.committed);
    assert_eq!((report.rows, report.added), (6, 6));
    assert_eq!(counts(&book), [0, 0, 0]);
    let report = import(
        &mut book,
        ImportKind::Partners,
        &fixture("partners_one_bad_row.csv"),
        true,
    );
    assert_eq!(
        placed(&report),
        [(Some(3), Some("ИНН".into()), "inn_checksum".into())]
    );
    assert_eq!(counts(&book), [0, 0, 0]);
    // A real import afterwards adds everything: the dry run reserved no code.
    let report = import_partners(&mut book, "partners_ok.csv");
    assert_eq!((report.added, report.committed), (6, true));
}

#[test]
fn a_missing_required_column_is_a_problem_at_row_1() {
    let mut book = book();
    let report = import_partners(&mut book, "partners_missing_column.csv");
    assert!(!report.committed);
    assert_eq!(
        placed(&report),
        [(Some(1), Some("name".into()), "missing_column".into())]
    );
    assert_eq!(
        report.problems[0].message,
        "нет обязательного столбца «Наименование» («name»)"
    );
    assert_eq!(report.rows, 0, "no row is read");
    assert_eq!(counts(&book), [0, 0, 0]);
}

#[test]
fn a_file_without_data_rows_is_refused() {
    let mut book = book();
    let report = import_partners(&mut book, "partners_header_only.csv");
    assert!(!report.committed);
    assert_eq!(placed(&report), [(None, None, "no_rows".into())]);
    assert_eq!(counts(&book), [0, 0, 0]);
}

#[test]
fn a_file_that_is_neither_csv_nor_xlsx_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("partners.txt");
    std::fs::write(&path, "partner_id\n").expect("write");
    let mut book = book();
    let err = run_import(
        &mut book,
        &import_options(ImportKind::Partners, &path, false),
        &actor(),
        &mut |_| true,
    )
    .expect_err("refused");
    assert_eq!(err.code(), "unsupported_file");
    assert_eq!(
        err.message(Lang::Ru),
        "«partners.txt»: читаются только файлы .csv и .xlsx"
    );
}
