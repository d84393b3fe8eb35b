//! Billing in the app: a billing file is previewed, checked and committed with what it
//! accrued per program; the balances show it per partner; the new commands answer
//! over IPC (programs' versions, a new version, annulment, unearned payments, months).

use fantoccini::Locator;
use partnerbook_e2e::books::partners_and_clients;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::locate::fixture;
use partnerbook_e2e::ui::{open_section, wait_testid, wait_until};
use partnerbook_e2e::App;
use serde_json::json;

async fn text_of(app: &App, css: &str) -> String {
    match app.client.find(Locator::Css(css)).await {
        Ok(element) => element.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[tokio::test]
async fn a_billing_file_is_previewed_checked_committed_and_shows_in_the_balances() {
    let app = App::start_with("accruals", partners_and_clients).await;
    let c = &app.client;

    open_section(c, "import").await;
    wait_testid(c, "import-kind-billing")
        .await
        .click()
        .await
        .expect("choose billing");
    let path = fixture("billing_preview.csv");
    wait_testid(c, "import-path")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("type the path");
    wait_testid(c, "import-preview-run")
        .await
        .click()
        .await
        .expect("preview");
    let preview = wait_testid(c, "import-preview").await;
    wait_until("the preview's columns and rows", || async {
        let text = preview.text().await.unwrap_or_default();
        text.contains("Дата оплаты") && text.contains("PAY-1") && text.contains("Комментарий")
    })
    .await;

    wait_testid(c, "import-check")
        .await
        .click()
        .await
        .expect("check");
    let commit = wait_testid(c, "import-commit").await;
    wait_until("commit to become possible", || async {
        commit.is_enabled().await.unwrap_or(false)
    })
    .await;
    commit.click().await.expect("commit");
    wait_testid(c, "import-summary").await;
    wait_until("what the import accrued", || async {
        let text = text_of(&app, "[data-testid='import-accrued']").await;
        text.contains("9 000 бонусов") && text.contains("150 ₽")
    })
    .await;

    open_section(c, "accruals").await;
    wait_testid(c, "balances-table").await;
    wait_until("P-1's available balance", || async {
        let cell = "[data-testid='balance-row-P-1'] [data-col='available']";
        match c.find(Locator::Css(cell)).await {
            Ok(e) => e.attr("data-value").await.ok().flatten().as_deref() == Some("6000.00"),
            Err(_) => false,
        }
    })
    .await;
    let total = text_of(
        &app,
        "[data-testid='balances-total-bonus'] [data-col='accrued']",
    )
    .await;
    assert_eq!(total.replace('\u{a0}', " "), "9 000 бонусов");
    app.screenshot("accruals-balances.png").await;

    // The commands behind the other tabs and screens.
    let page = invoke(c, "unearned_page", json!({ "query": {} }))
        .await
        .expect("unearned_page");
    assert_eq!(page["total"], json!(1), "{page}");
    assert_eq!(page["rows"][0]["payment"], json!("PAY-3"), "{page}");
    assert_eq!(page["reasons"][0]["code"], json!("not_bound"), "{page}");
    let months = invoke(c, "monthly_accruals", json!({}))
        .await
        .expect("monthly_accruals");
    assert!(months.as_array().is_some_and(|m| m.len() >= 2), "{months}");
    let ledger = invoke(
        c,
        "partner_ledger",
        json!({ "partner": "P-2", "asOf": "2025-06-30" }),
    )
    .await
    .expect("partner_ledger");
    assert_eq!(ledger["balance"]["available"], json!("1500.00"), "{ledger}");
    let annulled = invoke(
        c,
        "annul_for_breach",
        json!({ "partner": "P-2", "date": "2025-07-01", "reason": "самореферал" }),
    )
    .await
    .expect("annul_for_breach");
    assert_eq!(annulled, json!("1500.00"));
    let refused = invoke(
        c,
        "annul_for_breach",
        json!({ "partner": "P-1", "date": "2025-07-01", "reason": " " }),
    )
    .await
    .expect_err("a reason is required");
    assert_eq!(
        refused["problems"][0]["field"],
        json!("reason"),
        "{refused}"
    );

    let programs = invoke(c, "program_versions", json!({}))
        .await
        .expect("program_versions");
    let atlantys = programs
        .as_array()
        .and_then(|p| p.iter().find(|p| p["id"] == json!("atlantys")))
        .expect("atlantys")
        .clone();
    let mut rules = atlantys["versions"][0]["rules"].clone();
    rules["hold_days"] = json!(21);
    rules["rewards"] = json!([{ "rule": "list_price", "percent": "30.5" }]);
    let added = invoke(
        c,
        "program_add_version",
        json!({ "program": "atlantys", "from": "2026-07-01", "rules": rules }),
    )
    .await
    .expect("program_add_version");
    assert_eq!(added["effective_from"], json!("2026-07-01"), "{added}");
    let again = invoke(
        c,
        "program_add_version",
        json!({ "program": "atlantys", "from": "2026-07-01", "rules": rules }),
    )
    .await
    .expect_err("a version from that day exists");
    assert_eq!(
        again["problems"][0]["field"],
        json!("effective_from"),
        "{again}"
    );
    let missing = invoke(
        c,
        "import_preview",
        json!({ "kind": "billing", "path": "/no/such/file.csv" }),
    )
    .await
    .expect_err("no such file");
    assert!(missing["message"].is_string(), "{missing}");

    app.close().await;
}
