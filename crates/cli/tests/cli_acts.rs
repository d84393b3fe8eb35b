//! `convert`, `act send|sign|reject|pay`, `deadlines`: from an atlantys balance to a paid
//! act on the command line, with the JSON shapes FORMATS.md fixes and refusals that
//! change nothing.

mod common;

use common::*;
use serde_json::json;

/// The fixtures' partners, clients and billing, and the vendor's requisites.
fn scene() -> Scene {
    let scene = scene_with_clients();
    scene.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    set_vendor(&scene);
    scene
}

fn balance(scene: &Scene, partner: &str, as_of: &str) -> serde_json::Value {
    let rows = scene.ok(&["balances", "--as-of", as_of, "--json"]).json();
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r["partner"] == partner)
        .expect("the partner")
        .clone()
}

#[test]
fn an_atlantys_balance_is_converted_sent_signed_and_paid() {
    let scene = scene();
    let done = scene
        .ok(&[
            "convert",
            "--partner",
            "P-5",
            "--date",
            "2026-03-31",
            "--json",
        ])
        .json();
    assert_eq!(
        keys(&done),
        ["act", "amount", "conversion", "number", "partner", "unit"]
    );
    assert_eq!(
        (
            done["partner"].clone(),
            done["amount"].clone(),
            done["unit"].clone(),
            done["number"].clone()
        ),
        (
            json!("P-5"),
            json!("25000.00"),
            json!("KZT"),
            json!("2026-0001")
        )
    );
    let act = done["act"].as_str().expect("an id").to_owned();
    let sent = scene
        .ok(&["act", "send", &act, "--date", "2026-04-01", "--json"])
        .json();
    assert_eq!(sent["status"], "sent");
    assert_eq!(sent["sent"], "2026-04-01");
    assert_eq!(
        sent["sign_due"], "2026-04-06",
        "Thursday + 3 business days over a weekend"
    );
    assert_eq!(sent["signed"], json!(null));
    for key in [
        "act", "number", "status", "sent", "sign_due", "signed", "pay_due", "paid",
    ] {
        assert!(sent.get(key).is_some(), "{key} in {sent}");
    }
    let late = scene
        .ok(&["deadlines", "--as-of", "2026-04-07", "--json"])
        .json();
    assert_eq!(late[0]["number"], "2026-0001");
    assert_eq!(late[0]["what"], "sign");
    assert_eq!(late[0]["overdue"], true);
    let signed = scene
        .ok(&["act", "sign", "2026-0001", "--date", "2026-04-03", "--json"])
        .json();
    assert_eq!(
        signed["pay_due"], "2026-04-10",
        "atlantys: the 10th of the month after the act's"
    );
    let text = scene.ok(&["deadlines", "--as-of", "2026-04-07"]);
    assert!(
        text.stdout.contains("2026-04-10") && text.stdout.contains("оплатить"),
        "{}",
        text.stdout
    );
    let paid = scene
        .ok(&["act", "pay", &act, "--date", "2026-04-09", "--json"])
        .json();
    assert_eq!(
        (paid["status"].clone(), paid["paid"].clone()),
        (json!("paid"), json!("2026-04-09"))
    );
    let b = balance(&scene, "P-5", "2026-04-09");
    assert_eq!(
        (
            b["available"].clone(),
            b["converted"].clone(),
            b["paid"].clone()
        ),
        (json!("0.00"), json!("25000.00"), json!("25000.00"))
    );
    assert_eq!(
        scene
            .ok(&["deadlines", "--as-of", "2026-04-09", "--json"])
            .json(),
        json!([])
    );
    let acts = scene.ok(&["acts", "--json"]).json();
    assert_eq!(acts[0]["status"], "paid");
    assert_eq!(acts[0]["money"], "25000.00");
}

#[test]
fn a_rejected_act_returns_the_amount_and_a_second_rejection_is_refused() {
    let scene = scene();
    scene.ok(&[
        "convert",
        "--partner",
        "P-5",
        "--date",
        "2026-03-31",
        "--amount",
        "10 000,00",
    ]);
    let rejected = scene
        .ok(&[
            "act",
            "reject",
            "2026-0001",
            "--date",
            "2026-04-01",
            "--reason",
            "Нет подписи",
            "--json",
        ])
        .json();
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["reason"], "Нет подписи");
    assert_eq!(
        balance(&scene, "P-5", "2026-04-01")["available"],
        "25000.00"
    );
    let again = scene.run(&[
        "act",
        "reject",
        "2026-0001",
        "--date",
        "2026-04-02",
        "--reason",
        "x",
    ]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("2026-0001") && again.stderr.contains("отклонён"),
        "{}",
        again.stderr
    );
}

#[test]
fn refusals_exit_1_say_why_and_change_nothing() {
    let scene = scene();
    let before = scene
        .ok(&["balances", "--as-of", "2026-04-01", "--json"])
        .stdout;
    let cases: [(&[&str], &str); 5] = [
        (
            &["convert", "--partner", "P-2", "--date", "2026-01-01"],
            "договор",
        ),
        (
            &["convert", "--partner", "P-5", "--date", "2026-03-10"],
            "конвертировать нечего",
        ),
        (
            &[
                "convert",
                "--partner",
                "P-5",
                "--date",
                "2026-03-31",
                "--amount",
                "30000",
            ],
            "больше доступной",
        ),
        (
            &["convert", "--partner", "P-4", "--date", "2026-03-31"],
            "приостановлен",
        ),
        (
            &["convert", "--partner", "P-6", "--date", "2026-03-31"],
            "скидки",
        ),
    ];
    for (args, says) in cases {
        let run = scene.run(args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    let en = scene.run(&[
        "--lang",
        "en",
        "convert",
        "--partner",
        "P-2",
        "--date",
        "2026-01-01",
    ]);
    assert!(en.stderr.contains("no signed contract"), "{}", en.stderr);
    let usage = scene.run(&["act", "sign", "2026-0001"]);
    assert_eq!(usage.code, 2, "--date is required");
    let missing = scene.run(&["act", "sign", "2026-0099", "--date", "2026-04-01"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("2026-0099"), "{}", missing.stderr);
    assert_eq!(
        scene
            .ok(&["balances", "--as-of", "2026-04-01", "--json"])
            .stdout,
        before
    );
    assert_eq!(scene.ok(&["acts", "--json"]).json(), json!([]));
}

#[test]
fn the_months_batch_converts_every_ready_balance_after_a_backup() {
    let scene = scene();
    let made = scene
        .ok(&["batch", "--date", "2026-03-31", "--json"])
        .json();
    let partners: Vec<&str> = made
        .as_array()
        .expect("the acts made")
        .iter()
        .filter_map(|c| c["partner"].as_str())
        .collect();
    assert_eq!(partners, ["P-3", "P-5"], "{made}");
    let backups = scene.dir.path().join("backups");
    if scene.on_server() {
        // A server book's backups are the server's: nothing is written beside it.
        assert!(!backups.exists());
    } else {
        let made = std::fs::read_dir(backups)
            .expect("the backups folder")
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .contains("before-acts-batch")
            })
            .count();
        assert_eq!(made, 1);
    }
    let again = scene.ok(&["batch", "--date", "2026-03-31"]);
    assert!(again.stdout.contains("Актов сформировано: 0"), "{again:?}");
}
