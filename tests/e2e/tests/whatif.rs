//! What-if in the app: Программы → a draft version of bitrix24 paying 60 % of the first
//! purchase from 2025 → «Что если» shows the one partner it changes → «Применить с даты»
//! after the confirmation posts the difference, and the balances show it.

use chrono::Datelike;
use fantoccini::Locator;
use partnerbook_core::import::ImportKind;
use partnerbook_e2e::books::imported;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::ui::{open_section, type_date, wait_testid, wait_until};
use partnerbook_e2e::App;
use serde_json::json;

fn billed_book(path: &std::path::Path) {
    let day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).expect("a day");
    imported(
        path,
        day,
        &[
            (ImportKind::Partners, "partners_ok.csv"),
            (ImportKind::Clients, "clients_ok.csv"),
            (ImportKind::Billing, "billing_ok.csv"),
        ],
    );
}

async fn accrued_of(app: &App, partner: &str) -> String {
    let rows = invoke(&app.client, "balances", json!({ "asOf": "2026-12-31" }))
        .await
        .expect("balances");
    rows.as_array()
        .and_then(|rows| rows.iter().find(|r| r["partner"] == json!(partner)))
        .and_then(|r| r["accrued"].as_str())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_draft_version_is_tried_then_applied_from_a_past_day() {
    let app = App::start_with("whatif", billed_book).await;
    let c = &app.client;
    assert_eq!(accrued_of(&app, "P-2").await, "7000.00");

    open_section(c, "programs").await;
    wait_testid(c, "program-new-version-bitrix24")
        .await
        .click()
        .await
        .expect("a new version of bitrix24");
    let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a day");
    type_date(c, r#"[name="effective_from"]"#, from).await;
    // the first purchase's percent: the reward field that holds 50
    let fields = c
        .find_all(Locator::Css(r#"input[name^="reward-"][name$="-percent"]"#))
        .await
        .expect("the rewards' percent fields");
    let mut first = None;
    for field in fields {
        if field.prop("value").await.ok().flatten().as_deref() == Some("50") {
            first = Some(field);
        }
    }
    let first = first.expect("a field holding 50 %");
    first.clear().await.expect("cleared");
    first.send_keys("60").await.expect("typed 60");

    wait_testid(c, "program-version-whatif")
        .await
        .click()
        .await
        .expect("Что если");
    let row = wait_testid(c, "whatif-row-P-2").await;
    wait_until("P-2's difference of 1 000", || async {
        let text = row.text().await.unwrap_or_default().replace('\u{a0}', " ");
        text.contains("1 000")
    })
    .await;
    app.screenshot("whatif-table.png").await;
    assert_eq!(
        accrued_of(&app, "P-2").await,
        "7000.00",
        "what-if changes nothing"
    );

    type_date(
        c,
        r#"[name="whatif_date"]"#,
        from.with_year(2026).expect("a day"),
    )
    .await;
    wait_testid(c, "whatif-apply")
        .await
        .click()
        .await
        .expect("Применить с даты");
    let confirm = wait_testid(c, "whatif-confirm").await;
    let asked = confirm
        .text()
        .await
        .unwrap_or_default()
        .replace('\u{a0}', " ");
    assert!(asked.contains("1 000") && asked.contains('1'), "{asked}");
    wait_testid(c, "whatif-confirm-yes")
        .await
        .click()
        .await
        .expect("Применить");
    wait_testid(c, "whatif-applied").await;
    assert_eq!(accrued_of(&app, "P-2").await, "8000.00");
    app.close().await;
}
