//! `partner show|set|status|rate` and `adjust`: a partner and its balance changed from the
//! command line with the form's checks, refusals that change nothing, and the partner's
//! own billing account taken for self-referral (FORMATS.md "Partners from the command
//! line").

mod common;

use common::*;
use serde_json::{json, Value};

fn scene() -> Scene {
    let scene = scene_with_clients();
    scene.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    scene
}

fn card(scene: &Scene, id: &str) -> Value {
    scene.ok(&["partner", "show", id, "--json"]).json()
}

fn available(scene: &Scene, partner: &str, as_of: &str) -> String {
    let rows = scene.ok(&["balances", "--as-of", as_of, "--json"]).json();
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r["partner"] == partner)
        .expect("the partner")["available"]
        .as_str()
        .expect("a decimal string")
        .to_owned()
}

#[test]
fn partner_show_prints_the_card_with_every_field_and_null_where_empty() {
    let scene = scene();
    let shown = card(&scene, "P-1");
    assert_eq!(
        keys(&shown),
        [
            "account",
            "address",
            "bik",
            "client_id",
            "code",
            "contract_date",
            "contract_no",
            "edo_id",
            "email",
            "inn",
            "kind",
            "kpp",
            "name",
            "ogrn",
            "partner",
            "program",
            "rate",
            "signer",
            "signer_position",
            "status",
            "status_since",
            "vat_payer",
            "vat_rate"
        ]
    );
    assert_eq!(shown["partner"], json!("P-1"));
    assert_eq!(shown["inn"], json!("7707083893"));
    assert_eq!(shown["vat_payer"], json!(true));
    assert_eq!(shown["vat_rate"], json!("22"));
    assert_eq!(shown["signer"], Value::Null);
    let missing = scene.run(&["partner", "show", "P-404"]);
    assert_eq!(missing.code, 1, "{missing:?}");
    assert!(missing.stderr.contains("P-404"), "{missing:?}");
}

#[test]
fn partner_set_changes_only_the_fields_given_and_then_the_act_gets_its_edo_xml() {
    let scene = scene();
    set_vendor(&scene);
    // An ООО imported without a signer, with a balance to convert.
    scene.ok(&[
        "adjust",
        "--partner",
        "P-1",
        "--date",
        "2026-05-01",
        "--amount",
        "6000",
        "--reason",
        "перенос остатка из прежней системы",
    ]);
    let before = card(&scene, "P-1");
    let act = scene
        .ok(&[
            "convert",
            "--partner",
            "P-1",
            "--date",
            "2026-06-01",
            "--json",
        ])
        .json();
    let number = act["number"].as_str().expect("a number").to_owned();
    let out = scene.dir.path().join("edo");
    std::fs::create_dir_all(&out).expect("a folder");
    let out = out.to_string_lossy().into_owned();
    let refused = scene.run(&["act", "xml", &number, "--out", &out]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("подписант"), "{refused:?}");

    let set = scene
        .ok(&[
            "partner",
            "set",
            "P-1",
            "--signer",
            "Петров Пётр Петрович",
            "--signer-position",
            "Генеральный директор",
            "--edo-id",
            "2BE-ALFA",
            "--address",
            "Тверь, ул. Советская, 1",
            "--json",
        ])
        .json();
    assert_eq!(set["signer"], json!("Петров Пётр Петрович"));
    let after = card(&scene, "P-1");
    for key in [
        "name",
        "inn",
        "code",
        "status",
        "status_since",
        "contract_no",
    ] {
        assert_eq!(after[key], before[key], "{key} is kept");
    }
    scene.ok(&["act", "xml", &number, "--out", &out]);
    assert_eq!(std::fs::read_dir(&out).expect("the folder").count(), 1);
}

#[test]
fn partner_set_refuses_with_every_problem_by_field_and_changes_nothing() {
    let scene = scene();
    let before = card(&scene, "P-1");
    let run = scene.run(&[
        "--lang",
        "en",
        "partner",
        "set",
        "P-1",
        "--vat-payer",
        "maybe",
        "--email",
        "not-an-address",
        "--bik",
        "123",
        "--account",
        "456",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    for field in ["VAT payer", "E-mail", "BIK"] {
        assert!(run.stderr.contains(field), "{field}: {run:?}");
    }
    assert_eq!(card(&scene, "P-1"), before);
    let usage = scene.run(&["partner", "set", "P-1", "--bik", "044525225"]);
    assert_eq!(usage.code, 2, "a БИК needs its account: {usage:?}");
}

#[test]
fn partner_status_from_a_day_annuls_the_balance_of_a_terminated_partner() {
    let scene = scene();
    assert_eq!(available(&scene, "P-2", "2026-12-31"), "6000.00");
    let shown = scene
        .ok(&[
            "partner",
            "status",
            "P-2",
            "--status",
            "terminated",
            "--date",
            "2026-06-01",
            "--reason",
            "договор расторгнут по соглашению сторон",
            "--json",
        ])
        .json();
    assert_eq!(shown["status"], json!("terminated"));
    assert_eq!(shown["status_since"], json!("2026-06-01"));
    assert_eq!(available(&scene, "P-2", "2026-12-31"), "0.00");
    let again = scene.ok(&[
        "partner",
        "status",
        "P-2",
        "--status",
        "terminated",
        "--date",
        "2026-07-01",
    ]);
    assert!(again.stdout.contains("2026-06-01"), "unchanged: {again:?}");
    let bad = scene.run(&[
        "partner",
        "status",
        "P-1",
        "--status",
        "gone",
        "--date",
        "2026-06-01",
    ]);
    assert_eq!(bad.code, 1, "{bad:?}");
    assert!(bad.stderr.contains("gone"), "{bad:?}");
}

#[test]
fn partner_rate_starts_after_the_last_accrued_payment_and_not_before() {
    let scene = scene();
    let refused = scene.run(&[
        "partner",
        "rate",
        "P-3",
        "--rate",
        "20",
        "--from",
        "2025-01-01",
    ]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("прежней ставке"), "{refused:?}");
    assert_eq!(card(&scene, "P-3")["rate"], json!("15"));
    let over = scene.run(&[
        "partner",
        "rate",
        "P-3",
        "--rate",
        "120",
        "--from",
        "2026-07-01",
    ]);
    assert_eq!(over.code, 1, "{over:?}");
    let shown = scene
        .ok(&[
            "partner",
            "rate",
            "P-3",
            "--rate",
            "20",
            "--from",
            "2026-07-01",
            "--json",
        ])
        .json();
    assert_eq!(shown["rate"], json!("20"));
}

#[test]
fn adjust_credits_and_debits_a_balance_with_its_reason_and_the_statement_shows_it() {
    let scene = scene();
    set_vendor(&scene);
    assert_eq!(available(&scene, "P-3", "2026-06-30"), "150.00");
    let credit = scene
        .ok(&[
            "adjust",
            "--partner",
            "P-3",
            "--date",
            "2026-06-01",
            "--amount",
            "500",
            "--reason",
            "компенсация за сбой биллинга",
            "--json",
        ])
        .json();
    assert_eq!(credit["amount"], json!("500.00"));
    assert_eq!(credit["available"], json!("650.00"));
    scene.ok(&[
        "adjust",
        "--partner",
        "P-3",
        "--date",
        "2026-06-02",
        "--amount",
        "-120,50",
        "--reason",
        "ошибочное начисление",
    ]);
    assert_eq!(available(&scene, "P-3", "2026-06-30"), "529.50");
    let ledger = scene.ok(&["accruals", "--partner", "P-3"]).stdout;
    assert!(
        ledger.contains("корректировка вручную (компенсация за сбой биллинга)"),
        "{ledger}"
    );
    for (amount, reason) in [("-10000", "слишком много"), ("0", "ноль"), ("10", " ")]
    {
        let run = scene.run(&[
            "adjust",
            "--partner",
            "P-3",
            "--date",
            "2026-06-03",
            "--amount",
            amount,
            "--reason",
            reason,
        ]);
        assert_eq!(run.code, 1, "{amount}: {run:?}");
    }
    assert_eq!(available(&scene, "P-3", "2026-06-30"), "529.50");

    let pdf = scene.dir.path().join("statement.pdf");
    scene.ok(&[
        "statement",
        "--partner",
        "P-3",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-30",
        "--out",
        &pdf.to_string_lossy(),
    ]);
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", &pdf.to_string_lossy(), "-"])
        .output()
        .expect("pdftotext runs (scripts/setup.sh installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Корректировка"), "{text}");
    assert!(text.contains("ошибочное начисление"), "{text}");
}

#[test]
fn a_partners_own_billing_account_from_the_partners_file_is_a_self_referral() {
    let scene = Scene::new();
    let partners = scene.file(
        "partners.csv",
        "ID партнёра,Программа,Наименование,Тип,Код,ID клиента партнёра\n\
         Q1,quantower,Trader One Ltd,foreign,QONE,acc-q1\n"
            .as_bytes(),
    );
    scene.ok(&["import", "partners", &partners.to_string_lossy()]);
    assert_eq!(card(&scene, "Q1")["client_id"], json!("acc-q1"));
    let clients = scene.file(
        "clients.csv",
        "client_id,program,name,registered,partner_code,channel,bound_at\n\
         q1,quantower,Client q1,2026-03-01,QONE,link,2026-03-01\n\
         acc-q1,quantower,The partner itself,2026-03-01,QONE,link,2026-03-01\n"
            .as_bytes(),
    );
    scene.ok(&["import", "clients", &clients.to_string_lossy()]);
    let q1 = scene.ok(&["bindings", "--client", "q1", "--json"]).json();
    assert_eq!(q1["client"]["partner"], json!("Q1"), "{q1}");
    let own = scene
        .ok(&["bindings", "--client", "acc-q1", "--json"])
        .json();
    assert_eq!(own["client"]["partner"], Value::Null, "{own}");
    assert!(own.to_string().contains("self_referral"), "{own}");
}
