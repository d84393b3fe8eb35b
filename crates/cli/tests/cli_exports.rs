//! `--out FILE.xlsx` on `partners`, `clients`, `balances` and `accruals`: the app's export
//! of the same table, in the order the listing prints, headers in the `--lang` language.

mod common;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::*;

/// The first sheet of an `.xlsx`: its name and every row's cells as text (numbers too).
fn read_sheet(path: &Path) -> (String, Vec<Vec<String>>) {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("an xlsx workbook");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("the sheet");
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::DateTime(d) => format!("date {}", d.as_f64()),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect();
    (name, rows)
}

#[test]
fn partners_of_a_program_are_saved_as_the_apps_export() {
    let scene = scene_with_clients();
    let out = scene.dir.path().join("partners.xlsx");
    let out_arg = out.to_str().expect("a UTF-8 path");
    let run = scene.ok(&["partners", "--program", "bitrix24", "--out", out_arg]);
    assert_eq!(run.stdout.trim(), out_arg);
    let (sheet, rows) = read_sheet(&out);
    assert_eq!(sheet, "Партнёры");
    assert_eq!(
        rows[0],
        [
            "ID",
            "Наименование",
            "Программа",
            "Тип",
            "ИНН",
            "Код",
            "Статус",
            "Клиентов"
        ]
    );
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["P-1", "P-2"],
        "as `partners --program bitrix24` lists them"
    );
    assert_eq!(rows[1][1], "ООО «Альфа»");
    assert_eq!(rows[1][6], "действует");
}

#[test]
fn clients_balances_and_a_ledger_are_saved_in_english_too() {
    let scene = scene_with_clients();
    let dir = scene.dir.path();
    let clients = dir.join("clients.xlsx");
    scene.ok(&[
        "--lang",
        "en",
        "clients",
        "--out",
        clients.to_str().expect("UTF-8"),
    ]);
    let (sheet, rows) = read_sheet(&clients);
    assert_eq!(sheet, "Clients");
    assert_eq!(rows[0][0], "Client ID");
    let listed = scene.ok(&["clients", "--json"]).json();
    assert_eq!(rows.len() - 1, listed.as_array().expect("an array").len());

    let balances = dir.join("balances.xlsx");
    scene.ok(&[
        "balances",
        "--as-of",
        "2026-12-31",
        "--out",
        balances.to_str().expect("UTF-8"),
    ]);
    let (sheet, rows) = read_sheet(&balances);
    assert_eq!(sheet, "Балансы");
    assert_eq!(
        rows[0][..4],
        ["Партнёр", "Наименование", "Программа", "Начислено"]
    );
    assert_eq!(rows[1][0], "P-1");
    assert_eq!(rows[1][3], "0", "money is a number cell");

    let ledger = dir.join("ledger.xlsx");
    scene.ok(&[
        "accruals",
        "--partner",
        "P-1",
        "--out",
        ledger.to_str().expect("UTF-8"),
    ]);
    let (_, rows) = read_sheet(&ledger);
    assert_eq!(
        rows[0],
        ["Дата", "Запись", "Сумма", "Доступно с", "Причина"]
    );
}

#[test]
fn only_xlsx_is_written_and_an_unknown_partner_is_refused() {
    let scene = scene_with_clients();
    let csv = scene.dir.path().join("partners.csv");
    let run = scene.run(&["partners", "--out", csv.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains(".xlsx"), "{}", run.stderr);
    assert!(!csv.exists());
    let out = scene.dir.path().join("ledger.xlsx");
    let run = scene.run(&[
        "accruals",
        "--partner",
        "P-404",
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!out.exists());
}
