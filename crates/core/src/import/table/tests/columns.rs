use super::{fixture, text};
use crate::import::table::{match_columns, open_table, Cell, ColumnSpec, Row, RowReader};

const SPECS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "name",
        names: &["Name", "Наименование"],
        required: true,
    },
    ColumnSpec {
        key: "inn",
        names: &["INN", "ИНН"],
        required: true,
    },
    ColumnSpec {
        key: "account",
        names: &["Account", "Расчётный счёт"],
        required: false,
    },
    ColumnSpec {
        key: "active",
        names: &["Active", "Активен"],
        required: false,
    },
];

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}

#[test]
fn headers_match_ignoring_case_and_spaces() {
    let map = match_columns(&headers(&["  NAME ", "inn", "aCCount"]), SPECS).expect("matched");
    let row = Row {
        number: 2,
        cells: vec![text("Альфа"), text("7701"), text("40702")],
    };
    assert_eq!(map.cell(&row, "name"), &text("Альфа"));
    assert_eq!(map.cell(&row, "account"), &text("40702"));
    assert_eq!(map.header("name"), "NAME");
    assert!(map.has("inn"));
    assert!(!map.has("active"));
    assert_eq!(map.cell(&row, "active"), &Cell::Empty);
    assert_eq!(map.header("active"), "Active");
    assert_eq!(map.header("no_such_key"), "no_such_key");
    assert!(map.ignored().is_empty());
}

#[test]
fn russian_headers_match_with_yo_as_ye() {
    let map = match_columns(
        &headers(&["ИНН", "наименование", "Расчетный  СЧЕТ", "Активен"]),
        SPECS,
    )
    .expect("matched");
    let row = Row {
        number: 2,
        cells: vec![text("7701"), text("Бета")],
    };
    assert_eq!(map.cell(&row, "inn"), &text("7701"));
    assert_eq!(map.cell(&row, "name"), &text("Бета"));
    // The row is shorter than the header.
    assert_eq!(map.cell(&row, "account"), &Cell::Empty);
    assert_eq!(map.header("account"), "Расчетный  СЧЕТ");
    assert!(map.has("active"));
}

#[test]
fn a_missing_required_column_names_it_in_both_languages() {
    let problems =
        match_columns(&headers(&["Наименование", "Активен"]), SPECS).expect_err("INN is missing");
    assert_eq!(problems.len(), 1);
    let problem = &problems[0];
    assert_eq!(problem.code, "missing_column");
    assert_eq!(problem.row, Some(1));
    assert_eq!(problem.column.as_deref(), Some("INN"));
    for message in [&problem.text.ru, &problem.text.en] {
        assert!(
            message.contains("INN") && message.contains("ИНН"),
            "{message}"
        );
    }
}

#[test]
fn two_columns_for_one_key_are_a_problem() {
    let problems =
        match_columns(&headers(&["Name", "INN", "Наименование"]), SPECS).expect_err("name twice");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "duplicate_column");
    assert_eq!(problems[0].row, Some(1));
    assert_eq!(problems[0].column.as_deref(), Some("Наименование"));
    assert!(problems[0].text.en.contains("“Name”"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = match_columns(&headers(&["Active", "Активен"]), SPECS).expect_err("bad");
    let codes: Vec<&str> = problems.iter().map(|problem| problem.code).collect();
    assert_eq!(
        codes,
        ["duplicate_column", "missing_column", "missing_column"]
    );
}

#[test]
fn unknown_columns_are_kept_as_ignored() {
    let map = match_columns(&headers(&["Comment", "Name", "", "INN", "Менеджер"]), SPECS)
        .expect("matched");
    assert_eq!(map.ignored(), ["Comment", "Менеджер"]);
    let row = Row {
        number: 2,
        cells: vec![text("c"), text("Альфа"), Cell::Empty, text("7701")],
    };
    assert_eq!(map.cell(&row, "inn"), &text("7701"));
}

#[test]
fn no_header_is_an_empty_file() {
    for names in [&[][..], &["", "  "][..]] {
        let problems = match_columns(&headers(names), SPECS).expect_err("empty");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "empty_file");
    }
}

#[test]
fn a_row_reader_matches_the_header_and_streams_the_rows() {
    let (_dir, path) = fixture(
        "rows.csv",
        "\nИНН;Наименование;Прочее\n7701;Альфа;x\n".as_bytes(),
    );
    let mut rows = RowReader::open(&path, None, SPECS).expect("opens");
    assert_eq!(rows.columns().ignored(), ["Прочее"]);
    assert_eq!(rows.table().separator(), Some(b';'));
    let mut names = Vec::new();
    while let Some(row) = rows.next_row() {
        let row = row.expect("fine");
        assert_eq!(row.number, 3);
        names.push(rows.columns().cell(&row, "name").clone());
    }
    assert_eq!(names, [text("Альфа")]);
}

#[test]
fn a_row_reader_reports_column_problems_at_the_header_row() {
    let (_dir, path) = fixture("rows.csv", b"\n\nName;Other\n1;2\n");
    let table = open_table(&path, None).expect("opens");
    let problems = RowReader::new(table, SPECS).err().expect("INN missing");
    assert_eq!(problems[0].code, "missing_column");
    assert_eq!(problems[0].row, Some(3));
    let error = RowReader::open(&path, None, SPECS)
        .err()
        .expect("INN missing");
    assert_eq!(error.code(), "invalid");
    assert_eq!(error.problems()[0].row, Some(3));
}
