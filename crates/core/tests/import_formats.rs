//! What files an import reads: Windows-1251 with `;` and Russian headers, XLSX with number,
//! date and boolean cells, a named sheet.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use partnerbook_core::import::{run_import, ImportKind};
use partnerbook_core::partners::find_partner;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use tempfile::TempDir;

#[test]
fn a_windows_1251_file_with_semicolons_and_russian_headers() {
    let mut book = book();
    let report = import_partners(&mut book, "partners_cp1251.csv");
    assert!(report.committed, "{:?}", report.problems);
    assert_eq!(report.encoding, "windows-1251");
    assert_eq!((report.rows, report.added), (2, 2));
    let headers: Vec<&str> = report.columns.iter().map(|c| c.header.as_str()).collect();
    assert!(
        headers.contains(&"Наименование") && headers.contains(&"Ставка НДС"),
        "{headers:?}"
    );
    let p30 = find_partner(book.db(), "P-30")
        .expect("read")
        .expect("there");
    assert_eq!(p30.name, "ООО «Ёлка и Щука»");
    assert_eq!(p30.contract_date.as_deref(), Some("2025-02-01"));
    assert!(p30.vat_payer, "«да»");
    assert_eq!(p30.vat_rate.as_deref(), Some("22"));
    let p31 = find_partner(book.db(), "P-31")
        .expect("read")
        .expect("there");
    assert_eq!(p31.name, "ИП Жуков Илья");
    assert_eq!(p31.rate.as_deref(), Some("12.5"), "«12,5»");
    assert!(!p31.vat_payer);
    assert_eq!(p31.code.as_deref(), Some("54321"));
    let again = import_partners(&mut book, "partners_cp1251.csv");
    assert_eq!((again.unchanged, again.added), (2, 0));
}

fn header(sheet: &mut Worksheet, names: &[&str]) {
    for (col, name) in names.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(col).expect("few"), *name)
            .expect("written");
    }
}

fn date_cell(sheet: &mut Worksheet, row: u32, col: u16, y: u16, m: u8, d: u8) {
    let format = Format::new().set_num_format("dd.mm.yyyy");
    let date = ExcelDateTime::from_ymd(y, m, d).expect("a date");
    sheet
        .write_datetime_with_format(row, col, &date, &format)
        .expect("written");
}

/// A workbook: a cover sheet first, then `Партнёры` with number, date and boolean cells.
fn partners_workbook() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("Партнёры.xlsx");
    let mut workbook = Workbook::new();
    let cover = workbook.add_worksheet();
    cover.set_name("Обложка").expect("named");
    cover
        .write_string(0, 0, "Выгрузка партнёров")
        .expect("written");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Партнёры").expect("named");
    header(
        sheet,
        &[
            "ID партнёра",
            "Программа",
            "Наименование",
            "Тип",
            "ИНН",
            "КПП",
            "Код",
            "Ставка",
            "Дата договора",
            "Дата регистрации",
            "Плательщик НДС",
            "Ставка НДС",
        ],
    );
    sheet.write_string(1, 0, "P-50").expect("w");
    sheet.write_string(1, 1, "ciawifi").expect("w");
    sheet.write_string(1, 2, "ООО «Сеть»").expect("w");
    sheet.write_string(1, 3, "ooo").expect("w");
    sheet.write_number(1, 4, 7_707_083_893.0).expect("w");
    sheet.write_number(1, 5, 773_601_001.0).expect("w");
    sheet.write_number(1, 6, 24_680.0).expect("w");
    sheet.write_number(1, 7, 12.5).expect("w");
    date_cell(sheet, 1, 8, 2025, 1, 15);
    date_cell(sheet, 1, 9, 2025, 1, 10);
    sheet.write_boolean(1, 10, true).expect("w");
    sheet.write_number(1, 11, 22.0).expect("w");
    sheet.write_string(2, 0, "P-51").expect("w");
    sheet.write_string(2, 1, "quantower").expect("w");
    sheet.write_string(2, 2, "Trader Two").expect("w");
    sheet.write_string(2, 3, "foreign").expect("w");
    sheet.write_string(2, 6, "QT-51").expect("w");
    sheet.write_string(2, 9, "01.03.2025").expect("w");
    workbook.save(&path).expect("saved");
    (dir, path)
}

fn import_sheet(
    book: &mut partnerbook_core::store::Book,
    kind: ImportKind,
    path: &Path,
    sheet: Option<&str>,
) -> partnerbook_core::import::ImportReport {
    let mut options = import_options(kind, path, false);
    options.sheet = sheet.map(str::to_owned);
    run_import(book, &options, &actor(), &mut |_| true).expect("runs")
}

#[test]
fn an_xlsx_sheet_with_number_date_and_boolean_cells() {
    let (_dir, path) = partners_workbook();
    let mut book = book();
    let report = import_sheet(&mut book, ImportKind::Partners, &path, Some("Партнёры"));
    assert!(report.committed, "{:?}", report.problems);
    assert_eq!((report.rows, report.added), (2, 2));
    let p = find_partner(book.db(), "P-50")
        .expect("read")
        .expect("there");
    assert_eq!(p.inn.as_deref(), Some(INN_SBER), "a number cell, no «.0»");
    assert_eq!(p.kpp.as_deref(), Some(KPP));
    assert_eq!(p.code.as_deref(), Some("24680"));
    assert_eq!(p.rate.as_deref(), Some("12.5"));
    assert_eq!(p.contract_date.as_deref(), Some("2025-01-15"));
    assert_eq!(p.registered, "2025-01-10");
    assert!(p.vat_payer);
    assert_eq!(p.vat_rate.as_deref(), Some("22"));
    let q = find_partner(book.db(), "P-51")
        .expect("read")
        .expect("there");
    assert_eq!(q.registered, "2025-03-01");
    let again = import_sheet(&mut book, ImportKind::Partners, &path, Some("партнёры"));
    assert_eq!(
        (again.added, again.unchanged),
        (0, 2),
        "{:?}",
        again.problems
    );
}

#[test]
fn without_a_sheet_name_the_first_sheet_is_read() {
    let (_dir, path) = partners_workbook();
    let mut book = book();
    let report = import_sheet(&mut book, ImportKind::Partners, &path, None);
    assert!(!report.committed);
    let codes: Vec<&str> = report.problems.iter().map(|p| p.code.as_str()).collect();
    assert!(codes.contains(&"missing_column"), "{codes:?}");
    assert!(report.problems.iter().all(|p| p.row == Some(1)));
    let err = run_import(
        &mut book,
        &partnerbook_core::import::ImportOptions {
            sheet: Some("Нет такого".into()),
            ..import_options(ImportKind::Partners, &path, false)
        },
        &actor(),
        &mut |_| true,
    )
    .expect_err("no such sheet");
    assert_eq!(err.code(), "sheet_not_found");
}

#[test]
fn an_xlsx_clients_sheet_with_date_cells_binds() {
    let mut book = book();
    import_partners(&mut book, "partners_ok.csv");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("clients.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(
        sheet,
        &[
            "ID клиента",
            "Программа",
            "Наименование",
            "Дата регистрации",
            "Код партнёра",
            "Канал",
            "Дата привязки",
            "Пользователей",
            "Активен с",
        ],
    );
    sheet.write_string(1, 0, "B-900").expect("w");
    sheet.write_string(1, 1, "bitrix24").expect("w");
    sheet.write_string(1, 2, "ООО «Портал»").expect("w");
    date_cell(sheet, 1, 3, 2025, 6, 2);
    sheet.write_string(1, 4, "ALFA2025").expect("w");
    sheet.write_string(1, 5, "ссылка").expect("w");
    date_cell(sheet, 1, 6, 2025, 6, 2);
    sheet.write_number(1, 7, 12.0).expect("w");
    date_cell(sheet, 1, 8, 2025, 7, 3);
    workbook.save(&path).expect("saved");
    let report = import_sheet(&mut book, ImportKind::Clients, &path, None);
    assert!(report.committed, "{:?}", report.problems);
    assert_eq!((report.rows, report.added), (1, 1));
    let card = card(&book, "bitrix24", "B-900");
    assert_eq!(card.client.registered.as_deref(), Some("2025-06-02"));
    assert_eq!(card.client.partner.as_deref(), Some("P-1"));
    assert_eq!(
        card.client.channel,
        Some(partnerbook_core::programs::Channel::Link)
    );
    assert_eq!(card.users, Some(12));
    assert_eq!(card.active_since.as_deref(), Some("2025-07-03"));
}

#[test]
fn unknown_programs_are_problems_of_their_row() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("clients.csv");
    std::fs::write(
        &path,
        "ID клиента;Программа;Дата регистрации\nZ-1;bitrix24;2025-01-01\nZ-2;bitrix42;2025-01-01\n",
    )
    .expect("write");
    let mut book = book();
    let report = import(&mut book, ImportKind::Clients, &path, false);
    assert_eq!(
        placed(&report),
        [(Some(3), Some("Программа".into()), "unknown_program".into())]
    );
    assert_eq!(report.problems[0].message, "нет программы «bitrix42»");
    assert_eq!(counts(&book), [0, 0, 0]);
}

#[test]
fn a_utf8_bom_is_skipped_and_blank_lines_still_count_as_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bom.csv");
    let text = "\u{feff}partner_id,program,name,kind,inn,kpp\n\
                P-1,quantower,One Ltd,foreign,,\n\
                \n\
                P-2,bitrix24,ООО «Два»,ooo,7707083894,773601001\n";
    std::fs::write(&path, text).expect("write");
    let mut book = book();
    let report = import(&mut book, ImportKind::Partners, &path, false);
    assert_eq!(report.encoding, "UTF-8");
    assert!(
        report.columns.iter().any(|c| c.header == "partner_id"),
        "{:?}",
        report.columns
    );
    assert_eq!(
        placed(&report),
        [(Some(4), Some("inn".into()), "inn_checksum".into())]
    );
}

#[test]
fn a_row_wider_than_the_header_is_a_problem_of_its_row() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("wide.csv");
    std::fs::write(&path, "partner_id,program,name,kind\nP-1,quantower,One, Ltd,foreign\nP-2,quantower,Two Ltd,foreign\n")
        .expect("write");
    let mut book = book();
    let report = import(&mut book, ImportKind::Partners, &path, false);
    assert!(!report.committed);
    assert_eq!(placed(&report), [(Some(2), None, "row_width".into())]);
    assert_eq!(
        report.problems[0].message,
        "в строке полей: 5, а в заголовке: 4 (проверьте разделители и кавычки)"
    );
    assert_eq!(counts(&book), [0, 0, 0]);
}
