//! `import statement FILE [--json] [--dry-run]`: the bank's statement of the book's own
//! payment orders (`payouts --month M --out FILE.txt`, debited) marks the act paid; other
//! debits are listed with their reasons; the same file again changes nothing; a
//! malformed file exits 1 naming the line and key, and changes nothing.

mod common;

use chrono::NaiveDate;
use common::*;
use partnerbook_core::documents::sample_statement::{
    from_windows_1251, statement_of_orders, windows_1251, Order,
};
use serde_json::json;

/// P-1's account (tests/fixtures/partners_ok.csv).
const P1_ACCOUNT: &str = "40702810238720001420";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

/// The fixtures' book with the vendor's bank; act 2026-0001 (P-3, 300.00 RUB) sent,
/// act 2026-0002 (P-1, 6 000.00 RUB) sent and signed.
fn scene() -> Scene {
    let scene = scene_with_balances();
    for partner in ["P-3", "P-1"] {
        scene.ok(&["convert", "--partner", partner, "--date", "2026-03-31"]);
    }
    scene.ok(&["act", "send", "2026-0001", "--date", "2026-04-01"]);
    scene.ok(&["act", "send", "2026-0002", "--date", "2026-04-01"]);
    scene.ok(&["act", "sign", "2026-0002", "--date", "2026-04-02"]);
    scene
}

fn order<'a>(number: &'a str, amount: &'a str, inn: &'a str, purpose: &'a str) -> Order<'a> {
    Order {
        number,
        day: day(2026, 4, 7),
        amount,
        payer_account: VENDOR_ACCOUNT,
        recipient_account: P1_ACCOUNT,
        recipient_inn: inn,
        purpose,
    }
}

/// The register's bank file of April, as the command line writes it, back from the
/// bank: debited on 07.04.2026, with debits that pay nothing and a credit after it.
fn statement(scene: &Scene) -> String {
    let orders = scene.dir.path().join("orders.txt");
    let orders_arg = orders.to_str().expect("a UTF-8 path");
    scene.ok(&["payouts", "--month", "2026-04", "--out", orders_arg]);
    let orders = from_windows_1251(&std::fs::read(&orders).expect("the bank file"));
    let extra = [
        order(
            "15",
            "100.00",
            "7707083893",
            "Вознаграждение по акту № 2026-0146",
        )
        .debit(),
        order("16", "5000.00", "7707083893", "по акту № 2026-0002").debit(),
        order("17", "6000.00", "500100732259", "по акту № 2026-0002").debit(),
        order("18", "300.00", "7736207543", "по акту № 2026-0001").debit(),
        Order {
            payer_account: P1_ACCOUNT,
            recipient_account: VENDOR_ACCOUNT,
            ..order("19", "1000.00", "7736207543", "Оплата лицензий")
        }
        .credit(),
    ];
    statement_of_orders(&orders, &|_| Some(day(2026, 4, 7)), &extra)
}

fn unmatched() -> serde_json::Value {
    json!([
        {"number": "15", "date": "2026-04-07", "amount": "100.00",
         "reason": "акта № 2026-0146 нет в книге"},
        {"number": "16", "date": "2026-04-07", "amount": "5000.00",
         "reason": "сумма не та: по акту № 2026-0002 — 6000.00"},
        {"number": "17", "date": "2026-04-07", "amount": "6000.00",
         "reason": "ИНН получателя не тот: у партнёра по акту № 2026-0002 ИНН 7707083893"},
        {"number": "18", "date": "2026-04-07", "amount": "300.00",
         "reason": "акт № 2026-0001 ещё не подписан (отправлен)"},
    ])
}

fn acts(scene: &Scene) -> serde_json::Value {
    scene.ok(&["acts", "--json"]).json()
}

#[test]
fn the_statement_of_the_books_own_orders_marks_the_act_paid_once() {
    let scene = scene();
    let file = scene.file("statement.txt", &windows_1251(&statement(&scene)));
    let file = file.to_str().expect("a UTF-8 path");
    let before = acts(&scene);

    let dry = scene
        .ok(&["import", "statement", file, "--dry-run", "--json"])
        .json();
    assert_eq!(
        dry["paid"],
        json!([{"act": "2026-0002", "date": "2026-04-07", "amount": "6000.00"}])
    );
    assert_eq!(acts(&scene), before, "--dry-run changes nothing");

    let run = scene.ok(&["import", "statement", file, "--json"]);
    assert_eq!(
        run.json(),
        json!({
            "paid": [{"act": "2026-0002", "date": "2026-04-07", "amount": "6000.00"}],
            "already_paid": [],
            "unmatched": unmatched(),
        })
    );
    assert!(
        run.stderr.contains("Отмечено оплаченными актов: 1"),
        "{}",
        run.stderr
    );
    let shown = scene.ok(&["act", "show", "2026-0002", "--json"]).json();
    assert_eq!(
        (shown["status"].clone(), shown["paid"].clone()),
        (json!("paid"), json!("2026-04-07"))
    );
    let balances = scene
        .ok(&["balances", "--as-of", "2026-04-30", "--json"])
        .json();
    let p1 = balances
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["partner"] == "P-1"))
        .expect("P-1");
    assert_eq!(p1["paid"], "6000.00");
    let ledger = scene.ok(&["accruals", "--partner", "P-1", "--json"]).stdout;
    assert!(ledger.contains("payout"), "{ledger}");
    let after = acts(&scene);

    let again = scene.ok(&["import", "statement", file, "--json"]).json();
    assert_eq!(
        again,
        json!({
            "paid": [],
            "already_paid": [{"act": "2026-0002", "date": "2026-04-07", "amount": "6000.00"}],
            "unmatched": unmatched(),
        })
    );
    assert_eq!(
        acts(&scene),
        after,
        "the same statement again changes nothing"
    );
    assert_eq!(
        scene.ok(&["accruals", "--partner", "P-1", "--json"]).stdout,
        ledger
    );
}

#[test]
fn utf8_with_lf_reads_as_windows_1251_with_crlf_and_english_says_it_in_english() {
    let scene = scene();
    let text = statement(&scene);
    let cp1251 = scene.file("cp1251.txt", &windows_1251(&text));
    let utf8 = scene.file("utf8.txt", text.replace("\r\n", "\n").as_bytes());
    let args = |f: &std::path::Path| {
        let f = f.to_str().expect("a path").to_owned();
        scene
            .ok(&["import", "statement", &f, "--dry-run", "--json"])
            .json()
    };
    assert_eq!(args(&cp1251), args(&utf8));
    let english = scene.ok(&[
        "--lang",
        "en",
        "import",
        "statement",
        utf8.to_str().expect("a path"),
    ]);
    assert!(
        english.stdout.contains("Marked paid:"),
        "{}",
        english.stdout
    );
    assert!(
        english
            .stdout
            .contains("there is no act 2026-0146 in the book"),
        "{}",
        english.stdout
    );
    assert!(
        english.stderr.contains("Acts marked paid: 1"),
        "{}",
        english.stderr
    );
}

#[test]
fn a_malformed_statement_exits_1_names_the_line_and_changes_nothing() {
    let scene = scene();
    let text = statement(&scene);
    let no = text
        .lines()
        .position(|l| l.starts_with("Сумма="))
        .expect("a sum")
        + 1;
    let bad = text.replacen("Сумма=6000.00", "Сумма=12,3.4", 1);
    let file = scene.file("bad.txt", &windows_1251(&bad));
    let before = acts(&scene);
    let run = scene.run(&[
        "import",
        "statement",
        file.to_str().expect("a path"),
        "--json",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .starts_with(&format!("строка {no}, столбец Сумма: «12,3.4» — не сумма")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Ничего не изменено."), "{}", run.stderr);
    assert_eq!(acts(&scene), before);

    let cut = text.replace("КонецФайла\r\n", "");
    let file = scene.file("cut.txt", &windows_1251(&cut));
    let run = scene.run(&[
        "--lang",
        "en",
        "import",
        "statement",
        file.to_str().expect("a path"),
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("without КонецФайла"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Nothing was changed."),
        "{}",
        run.stderr
    );
    assert_eq!(acts(&scene), before);
}
