use std::io::{BufWriter, Write};

use super::{all_rows, fixture, problems, text};
use crate::import::table::{open_table, Cell, Row};

#[test]
fn utf8_with_commas() {
    let (_dir, path) = fixture(
        "partners.csv",
        "Name,INN,Amount\nАльфа,7701234567,\"12 345,67\"\n".as_bytes(),
    );
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(table.headers(), ["Name", "INN", "Amount"]);
    assert_eq!(table.encoding(), "UTF-8");
    assert_eq!(table.separator(), Some(b','));
    assert_eq!(
        all_rows(&mut table),
        [Row {
            number: 2,
            cells: vec![text("Альфа"), text("7701234567"), text("12 345,67")],
        }]
    );
}

#[test]
fn utf8_bom_with_semicolons_and_russian_headers() {
    let (_dir, path) = fixture(
        "partners.CSV",
        "\u{feff}Наименование; ИНН ;Сумма\r\nАльфа;7701234567;\r\n".as_bytes(),
    );
    let mut table = open_table(&path, Some("ignored for CSV")).expect("opens");
    assert_eq!(table.headers(), ["Наименование", "ИНН", "Сумма"]);
    assert_eq!(table.encoding(), "UTF-8");
    assert_eq!(table.separator(), Some(b';'));
    let rows = all_rows(&mut table);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].cells,
        [text("Альфа"), text("7701234567"), Cell::Empty]
    );
}

#[test]
fn windows_1251_with_russian_headers() {
    let content = "Наименование;ИНН;Сумма\r\nООО «Ромашка»;7701234567;1 000,50\r\nЁлка;7702;-5\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(content);
    assert!(!unmappable);
    let (_dir, path) = fixture("1251.csv", &bytes);
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(table.encoding(), "windows-1251");
    assert_eq!(table.separator(), Some(b';'));
    assert_eq!(table.headers(), ["Наименование", "ИНН", "Сумма"]);
    let rows = all_rows(&mut table);
    assert_eq!(
        rows[0].cells,
        [text("ООО «Ромашка»"), text("7701234567"), text("1 000,50")]
    );
    assert_eq!(rows[1].number, 3);
    assert_eq!(rows[1].cells[0], text("Ёлка"));
}

#[test]
fn quoted_fields_hold_separators_quotes_and_line_breaks() {
    let (_dir, path) = fixture(
        "quoted.csv",
        b"a;b;c\n\"x;y\";\"line 1\nline 2\";\"say \"\"hi\"\"\"\n1;2;3\n",
    );
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(table.separator(), Some(b';'));
    let rows = all_rows(&mut table);
    assert_eq!(
        rows[0].cells,
        [text("x;y"), text("line 1\nline 2"), text("say \"hi\"")]
    );
    // A spreadsheet shows the quoted line break inside one row: the next record is row 3.
    assert_eq!(rows[0].number, 2);
    assert_eq!(rows[1].number, 3);
}

#[test]
fn blank_rows_are_skipped_but_counted() {
    let (_dir, path) = fixture(
        "blanks.csv",
        b"\r\na,b\r\n1,2\r\n\r\n,\r\n  ,  \r\n\"x\ny\",4\r\n\r\n3,4\r\n\r\n\r\n",
    );
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(table.header_row(), 2);
    assert_eq!(table.headers(), ["a", "b"]);
    let numbers: Vec<u64> = all_rows(&mut table).iter().map(|row| row.number).collect();
    assert_eq!(numbers, [3, 7, 9]);
}

#[test]
fn a_row_of_another_width_is_a_problem_and_reading_goes_on() {
    let (_dir, path) = fixture("width.csv", b"a,b,c\n1,2\n1,2,3\n1,2,3,4\n");
    let mut table = open_table(&path, None).expect("opens");
    let short = problems(table.next_row().expect("row 2"));
    assert_eq!(short.len(), 1);
    assert_eq!(short[0].code, "row_width");
    assert_eq!(short[0].row, Some(2));
    assert!(short[0].text.en.contains("2 field(s), the header has 3"));
    assert_eq!(
        table.next_row().expect("row 3").expect("fine").cells,
        [text("1"), text("2"), text("3")]
    );
    let long = problems(table.next_row().expect("row 4"));
    assert_eq!((long[0].code, long[0].row), ("row_width", Some(4)));
    assert!(table.next_row().is_none());
}

#[test]
fn invalid_utf8_past_the_sniffed_part_is_reported_with_row_and_column() {
    let mut bytes = b"Name,INN\n".to_vec();
    let mut rows = 0;
    while bytes.len() < 70 * 1024 {
        bytes.extend_from_slice("Альфа,7701234567\n".as_bytes());
        rows += 1;
    }
    bytes.extend_from_slice(b"ok,\xFF\xFE\n");
    bytes.extend_from_slice("Бета,7702\n".as_bytes());
    let (_dir, path) = fixture("late.csv", &bytes);
    let mut table = open_table(&path, None).expect("opens");
    assert_eq!(table.encoding(), "UTF-8");
    for _ in 0..rows {
        table.next_row().expect("a row").expect("fine");
    }
    let bad = problems(table.next_row().expect("the bad row"));
    assert_eq!(bad[0].code, "bad_encoding");
    assert_eq!(bad[0].row, Some(rows + 2));
    assert_eq!(bad[0].column.as_deref(), Some("INN"));
    let last = table.next_row().expect("the last row").expect("fine");
    assert_eq!(last.cells[0], text("Бета"));
}

#[test]
fn an_empty_file_has_no_headers() {
    for content in [&b""[..], b"\xEF\xBB\xBF", b"\n\r\n  \n"] {
        let (_dir, path) = fixture("empty.csv", content);
        let mut table = open_table(&path, None).expect("opens");
        assert!(table.headers().is_empty());
        assert!(table.next_row().is_none());
        assert_eq!(table.bytes_read(), table.total_bytes());
    }
}

#[test]
fn other_extensions_are_refused() {
    for name in ["partners.txt", "partners.xls", "partners"] {
        let (_dir, path) = fixture(name, b"a,b\n");
        let error = open_table(&path, None).err().expect("refused");
        assert_eq!(error.code(), "unsupported_file");
    }
}

#[test]
fn a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let error = open_table(&dir.path().join("none.csv"), None)
        .err()
        .expect("fails");
    assert_eq!(error.code(), "io");
}

#[test]
fn a_large_file_is_streamed() {
    const ROWS: u64 = 200_000;
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("large.csv");
    {
        let file = std::fs::File::create(&path).expect("created");
        let mut out = BufWriter::new(file);
        writeln!(out, "Наименование;ИНН;Сумма;Активен").expect("written");
        for n in 0..ROWS {
            writeln!(
                out,
                "Партнёр {n};{:010};{n},{:02};да",
                7_700_000_000 + n,
                n % 100
            )
            .expect("written");
        }
        out.flush().expect("flushed");
    }
    let mut table = open_table(&path, None).expect("opens");
    assert!(table.bytes_read() < table.total_bytes());
    let (mut count, mut last) = (0u64, 0u64);
    let mut halfway = None;
    while let Some(row) = table.next_row() {
        let row = row.expect("fine");
        count += 1;
        last = row.number;
        if count == ROWS / 2 {
            halfway = Some(table.bytes_read());
        }
    }
    assert_eq!(count, ROWS);
    assert_eq!(last, ROWS + 1);
    let halfway = halfway.expect("got halfway");
    assert!(halfway > table.total_bytes() / 3 && halfway < table.total_bytes() * 2 / 3);
    assert_eq!(table.bytes_read(), table.total_bytes());
}
