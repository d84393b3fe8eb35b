use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use tempfile::TempDir;

use super::{all_rows, fixture, text};
use crate::import::table::{amount, date, match_columns, open_table, yes_no, Cell, ColumnSpec};

/// A workbook with a sheet `Партнёры` of every kind of cell, and a second sheet `Second`.
fn workbook() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("partners.xlsx");
    let mut workbook = Workbook::new();
    let day = Format::new().set_num_format("dd.mm.yyyy");
    let blank = Format::new().set_bold();

    let sheet = workbook.add_worksheet();
    sheet.set_name("Партнёры").expect("named");
    for (column, header) in ["Наименование", "ИНН", "Дата", "Сумма", "Активен"]
        .iter()
        .enumerate()
    {
        let column = u16::try_from(column).expect("small");
        sheet.write_string(0, column, *header).expect("written");
    }
    sheet.write_string(1, 0, "Альфа").expect("written");
    sheet.write_number(1, 1, 7_701_234_567.0).expect("written");
    let signed = ExcelDateTime::from_ymd(2025, 1, 15).expect("a date");
    sheet
        .write_datetime_with_format(1, 2, &signed, &day)
        .expect("written");
    sheet.write_number(1, 3, 12345.67).expect("written");
    sheet.write_boolean(1, 4, true).expect("written");
    // Row 3 is only formatted, row 4 is missing: both are skipped.
    sheet.write_blank(2, 0, &blank).expect("written");
    sheet.write_string(3, 1, "   ").expect("written");
    sheet.write_string(4, 0, "Бета").expect("written");
    sheet.write_string(4, 2, "31.12.2024").expect("written");
    sheet.write_string(4, 3, "-1 000,5").expect("written");
    sheet.write_string(4, 4, "нет").expect("written");
    sheet.write_number(5, 3, -0.25).expect("written");

    let second = workbook.add_worksheet();
    second.set_name("Second").expect("named");
    second.write_string(0, 0, "Code").expect("written");
    second.write_string(1, 0, "X-1").expect("written");

    workbook.save(&path).expect("saved");
    (dir, path)
}

#[test]
fn the_first_sheet_is_read_cell_by_cell() {
    let (_dir, path) = workbook();
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(
        table.headers(),
        ["Наименование", "ИНН", "Дата", "Сумма", "Активен"]
    );
    assert_eq!(table.separator(), None);
    assert_eq!(table.encoding(), "UTF-8");
    let rows = all_rows(&mut table);
    let numbers: Vec<u64> = rows.iter().map(|row| row.number).collect();
    assert_eq!(numbers, [2, 5, 6]);
    let day = NaiveDate::from_ymd_opt(2025, 1, 15).expect("a date");
    assert_eq!(
        rows[0].cells,
        [
            text("Альфа"),
            Cell::Number("7701234567".into()),
            Cell::Date(day),
            Cell::Number("12345.67".into()),
            Cell::Bool(true),
        ]
    );
    assert_eq!(rows[2].cells[3], Cell::Number("-0.25".into()));
    assert_eq!(table.bytes_read(), table.total_bytes());
}

#[test]
fn cells_read_as_values() {
    let (_dir, path) = workbook();
    let mut table = open_table(&path, None).expect("opens");
    let columns = match_columns(
        table.headers(),
        &[
            ColumnSpec {
                key: "inn",
                names: &["INN", "ИНН"],
                required: true,
            },
            ColumnSpec {
                key: "signed",
                names: &["Date", "Дата"],
                required: true,
            },
            ColumnSpec {
                key: "amount",
                names: &["Amount", "Сумма"],
                required: true,
            },
            ColumnSpec {
                key: "active",
                names: &["Active", "Активен"],
                required: true,
            },
        ],
    )
    .expect("all columns");
    assert_eq!(columns.ignored(), ["Наименование"]);
    let rows = all_rows(&mut table);
    let first = &rows[0];
    assert_eq!(
        super::super::text(columns.cell(first, "inn")).as_deref(),
        Some("7701234567")
    );
    assert_eq!(
        date(columns.cell(first, "signed")),
        Ok(NaiveDate::from_ymd_opt(2025, 1, 15))
    );
    assert_eq!(
        amount(columns.cell(first, "amount")),
        Ok(Some(dec!(12345.67)))
    );
    assert_eq!(yes_no(columns.cell(first, "active")), Ok(Some(true)));
    let second = &rows[1];
    assert_eq!(
        date(columns.cell(second, "signed")),
        Ok(NaiveDate::from_ymd_opt(2024, 12, 31))
    );
    assert_eq!(
        amount(columns.cell(second, "amount")),
        Ok(Some(dec!(-1000.5)))
    );
    assert_eq!(yes_no(columns.cell(second, "active")), Ok(Some(false)));
    assert_eq!(
        amount(columns.cell(&rows[2], "amount")),
        Ok(Some(dec!(-0.25)))
    );
    assert_eq!(date(columns.cell(&rows[2], "signed")), Ok(None));
}

#[test]
fn a_named_sheet_is_read() {
    let (_dir, path) = workbook();
    for name in ["Second", "second", " SECOND "] {
        let mut table = open_table(&path, Some(name)).expect("opens");
        assert_eq!(table.headers(), ["Code"]);
        assert_eq!(all_rows(&mut table)[0].cells, [text("X-1")]);
    }
    let mut table = open_table(&path, Some("Партнёры")).expect("opens");
    assert_eq!(all_rows(&mut table).len(), 3);
}

#[test]
fn a_missing_sheet_is_refused_naming_the_sheets_there_are() {
    let (_dir, path) = workbook();
    let error = open_table(&path, Some("Клиенты")).err().expect("refused");
    assert_eq!(error.code(), "sheet_not_found");
    let message = error.message(crate::Lang::En);
    assert!(
        message.contains("Клиенты") && message.contains("Партнёры") && message.contains("Second")
    );
}

#[test]
fn an_empty_sheet_has_no_headers() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("empty.xlsx");
    let mut workbook = Workbook::new();
    workbook.add_worksheet();
    workbook
        .add_worksheet()
        .write_string(0, 0, "x")
        .expect("written");
    workbook.save(&path).expect("saved");
    let mut table = open_table(&path, None).expect("opens");
    assert!(table.headers().is_empty());
    assert!(table.next_row().is_none());
    let problems = match_columns(table.headers(), &[]).expect_err("empty");
    assert_eq!(problems[0].code, "empty_file");
}

#[test]
fn a_sheet_whose_only_row_is_the_header_has_no_rows() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("header.XLSX");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(2, 1, "Name").expect("written");
    sheet.write_string(2, 2, "INN").expect("written");
    workbook.save(&path).expect("saved");
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(table.header_row(), 3);
    // The sheet starts at column B: column A has no header.
    assert_eq!(table.headers(), ["", "Name", "INN"]);
    assert!(table.next_row().is_none());
}

#[test]
fn a_file_that_is_no_workbook_is_refused() {
    let (_dir, path) = fixture("fake.xlsx", b"Name,INN\n");
    let error = open_table(&path, None).err().expect("refused");
    assert_eq!(error.code(), "bad_xlsx");
}

#[test]
fn dropping_a_table_half_read_ends_its_reader() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("long.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "N").expect("written");
    for row in 1..5_000u32 {
        sheet.write_number(row, 0, row).expect("written");
    }
    workbook.save(&path).expect("saved");
    let mut table = open_table(&path, None).expect("opens");
    let first = table.next_row().expect("a row").expect("fine");
    assert_eq!(first.cells, [Cell::Number("1".into())]);
    let read = table.bytes_read();
    assert!(read < table.total_bytes());
    drop(table);
    // Reading it again whole still works.
    let mut table = open_table(&path, None).expect("opens");
    let rows = all_rows(&mut table);
    assert_eq!(rows.len(), 4_999);
    assert_eq!(rows[4_998].number, 5_000);
}

/// Found by the fuzz harness: a cell naming a shared string past the workbook's table
/// panicked inside calamine; it is a broken file, refused with `bad_xlsx`.
#[test]
fn a_cell_naming_a_shared_string_the_workbook_lacks_is_refused() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "inn").expect("a cell");
    sheet.write_string(1, 0, "7707083893").expect("a cell");
    let bytes = workbook.save_to_buffer().expect("a workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let name = entry.name().to_owned();
        let mut data = String::new();
        std::io::Read::read_to_string(&mut entry, &mut data).expect("XML");
        if name == "xl/worksheets/sheet1.xml" {
            data = data.replace("<v>1</v>", "<v>9</v>");
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        std::io::Write::write_all(&mut out, data.as_bytes()).expect("written");
    }
    let bytes = out.finish().expect("a zip").into_inner();
    // The header row is handed over once the next row's first cell is read: the broken
    // cell refuses the opening.
    let error = crate::import::table::read_table_bytes(bytes, true, None)
        .err()
        .expect("refused");
    assert_eq!(error.code(), "bad_xlsx");
    assert!(error.to_string().contains("shared string"), "{error}");
}
