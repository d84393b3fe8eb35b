//! `import billing`, `balances --as-of`, `accruals --partner`, `unearned`: the billing
//! scenario from the command line, with the JSON shapes FORMATS.md fixes.

mod common;

use common::*;
use serde_json::json;

fn scene_with_billing() -> Scene {
    let scene = scene_with_clients();
    let run = scene.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    assert!(
        run.stderr.contains(
            "atlantys: платежей 2, с начислением 1, без начисления 1; начислено 25000.00 KZT"
        ),
        "{}",
        run.stderr
    );
    scene
}

#[test]
fn balances_json_has_the_documented_fields_and_respects_the_day() {
    let scene = scene_with_billing();
    let held = scene
        .ok(&[
            "balances",
            "--as-of",
            "2026-03-15",
            "--program",
            "atlantys",
            "--json",
        ])
        .json();
    let row = &held.as_array().expect("an array")[0];
    for key in [
        "partner",
        "program",
        "unit",
        "accrued",
        "reversed",
        "annulled",
        "on_hold",
        "available",
        "converted",
        "paid",
    ] {
        assert!(row.get(key).is_some(), "{key} in {row}");
    }
    assert_eq!(
        (
            row["partner"].clone(),
            row["unit"].clone(),
            row["accrued"].clone(),
            row["on_hold"].clone(),
            row["available"].clone()
        ),
        (
            json!("P-5"),
            json!("KZT"),
            json!("25000.00"),
            json!("25000.00"),
            json!("0.00")
        )
    );
    let free = scene
        .ok(&[
            "balances",
            "--as-of",
            "16.03.2026",
            "--program",
            "atlantys",
            "--json",
        ])
        .json();
    assert_eq!(free[0]["available"], json!("25000.00"));
    assert_eq!(free[0]["on_hold"], json!("0.00"));
    let bonus = scene
        .ok(&[
            "balances",
            "--as-of",
            "2026-01-01",
            "--program",
            "bitrix24",
            "--json",
        ])
        .json();
    let p2 = bonus
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["partner"] == "P-2")
        .expect("P-2")
        .clone();
    assert_eq!(
        (
            p2["unit"].clone(),
            p2["accrued"].clone(),
            p2["reversed"].clone(),
            p2["available"].clone()
        ),
        (
            json!("bonus"),
            json!("7000.00"),
            json!("1000.00"),
            json!("6000.00")
        )
    );
}

#[test]
fn accruals_list_each_entry_with_its_reason() {
    let scene = scene_with_billing();
    let entries = scene.ok(&["accruals", "--partner", "P-2", "--json"]).json();
    let rows = entries.as_array().expect("an array");
    let kinds: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or(""),
                e["amount"].as_str().unwrap_or(""),
                e["rule"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("credit", "5000.00", "first_purchase"),
            ("credit", "2000.00", "later_purchase"),
            ("reversal", "1000.00", "refund")
        ]
    );
    assert_eq!(rows[2]["corrects"], rows[1]["id"]);
    let en = scene.ok(&["--lang", "en", "accruals", "--partner", "P-2"]);
    assert!(
        en.stdout
            .contains("50 % × 10000.00 — the client's first purchase (client B-100; payment X-1)"),
        "{}",
        en.stdout
    );
    let missing = scene.run(&["accruals", "--partner", "P-404"]);
    assert_eq!(missing.code, 1);
}

#[test]
fn payments_that_earned_nothing_keep_their_reasons() {
    let scene = scene_with_billing();
    let rows = scene.ok(&["unearned", "--json"]).json();
    let reasons: Vec<(&str, &str)> = rows
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            (
                r["payment"].as_str().unwrap_or(""),
                r["reason_code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            ("A-2", "promotion_not_combinable"),
            ("X-4", "not_bound"),
            ("X-3", "category_not_counted")
        ]
    );
    let only = scene.ok(&["unearned", "--reason", "not_bound"]);
    assert!(
        only.stdout
            .contains("клиент в дату оплаты не привязан ни к одному партнёру"),
        "{}",
        only.stdout
    );
    assert!(!only.stdout.contains("A-2"));
}

#[test]
fn billing_again_is_reported_as_already_imported() {
    let scene = scene_with_billing();
    let before = scene
        .ok(&["balances", "--as-of", "2027-01-01", "--json"])
        .stdout;
    let again = scene.ok(&[
        "--lang",
        "en",
        "import",
        "billing",
        &fixture("billing_ok.csv"),
    ]);
    assert!(
        again
            .stderr
            .contains("Rows: 8, added: 0, already imported: 8"),
        "{}",
        again.stderr
    );
    assert_eq!(
        scene
            .ok(&["balances", "--as-of", "2027-01-01", "--json"])
            .stdout,
        before
    );
}

#[test]
fn a_bad_as_of_date_is_refused_with_exit_1() {
    let scene = Scene::new();
    let run = scene.run(&["--lang", "en", "balances", "--as-of", "31.02.2026"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("--as-of: not a date: “31.02.2026”"),
        "{}",
        run.stderr
    );
}
