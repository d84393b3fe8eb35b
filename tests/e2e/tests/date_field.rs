//! The app's own date field (`ui/src/components/DateField.tsx`) in both languages,
//! whatever the webview's locale: «Баланс на дату» typed and shown as ДД.ММ.ГГГГ in
//! Russian and ISO in English, a bad date refused under the field, a day picked from
//! the calendar (Monday first and Russian month names in Russian, Sunday first and
//! English names in English), the acts' month as ММ.ГГГГ / YYYY-MM; the balances follow
//! the day given, as the core answers them for that day. Screenshots
//! `target/e2e/date-field-ru.png`, `date-field-en.png`.

use chrono::NaiveDate;
use fantoccini::{Client, Locator};
use partnerbook_core::import::ImportKind;
use partnerbook_e2e::books::imported;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::ui::{
    click, date_value_of, open_section, retype, testid, value_of, wait_testid, wait_until,
};
use partnerbook_e2e::App;
use serde_json::json;

const FIELD: &str = "[data-testid='balances-date']";

/// The partners, clients and billing of the fixtures: P-1 earns 6 000 bonuses on a
/// payment of 10.03.2025, P-2 on payments of May 2025.
fn billed(path: &std::path::Path) {
    imported(
        path,
        NaiveDate::from_ymd_opt(2025, 7, 1).expect("a day"),
        &[
            (ImportKind::Partners, "partners_ok.csv"),
            (ImportKind::Clients, "clients_ok.csv"),
            (ImportKind::Billing, "billing_preview.csv"),
        ],
    );
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

/// Each partner's `available` balance on `as_of` as the core answers it over IPC, as
/// `partner=amount` lines, sorted.
async fn core_balances(c: &Client, as_of: NaiveDate) -> Vec<String> {
    let answer = invoke(c, "balances", json!({ "asOf": as_of.to_string() }))
        .await
        .expect("balances");
    let mut out: Vec<String> = answer
        .as_array()
        .expect("a list of balances")
        .iter()
        .map(|b| {
            format!(
                "{}={}",
                b["partner"].as_str().unwrap_or(""),
                b["available"].as_str().unwrap_or("")
            )
        })
        .collect();
    out.sort();
    out
}

/// The balances table's rows as `partner=available` (its `data-value`), sorted.
async fn shown_balances(c: &Client) -> Vec<String> {
    let answer = c
        .execute(
            r#"return [...document.querySelectorAll("[data-testid^='balance-row-']")].map((r) =>
                 r.getAttribute("data-testid").slice("balance-row-".length) + "=" +
                 (r.querySelector("[data-col='available']")?.getAttribute("data-value") ?? ""));"#,
            vec![],
        )
        .await
        .expect("the balances' rows");
    let mut out: Vec<String> = answer
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Waits until the balances table shows what the core answers for `as_of`.
async fn wait_balances_of(c: &Client, as_of: NaiveDate) -> Vec<String> {
    let want = core_balances(c, as_of).await;
    wait_until(&format!("the balances as of {as_of}: {want:?}"), || async {
        shown_balances(c).await == want
    })
    .await;
    want
}

async fn texts(c: &Client, css: &str) -> Vec<String> {
    let answer = c
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim());",
            vec![json!(css)],
        )
        .await
        .expect("texts");
    answer
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn wait_value(c: &Client, css: &str, text: &str, iso: &str) {
    wait_until(&format!("{css} to show {text} ({iso})"), || async {
        value_of(c, css).await.as_deref() == Some(text)
            && date_value_of(c, css).await.as_deref() == Some(iso)
    })
    .await;
}

/// Leaves the field (the text is then checked and tidied): a click on the screen's title.
async fn leave(c: &Client) {
    c.find(Locator::Css("h1"))
        .await
        .expect("the screen's title")
        .click()
        .await
        .expect("click the title");
}

#[tokio::test]
async fn in_russian_a_day_is_typed_and_shown_as_dd_mm_yyyy_and_picked_from_the_calendar() {
    let app = App::start_with("date_field_ru", billed).await;
    let c = &app.client;
    let today = chrono::Local::now().date_naive();

    open_section(c, "accruals").await;
    wait_testid(c, "balances-date").await;
    wait_value(
        c,
        FIELD,
        &today.format("%d.%m.%Y").to_string(),
        &today.to_string(),
    )
    .await;

    // Before P-1's payment, then after it: the short form is taken and tidied on leaving.
    retype(c, FIELD, "09.03.2025").await;
    let before = wait_balances_of(c, day(2025, 3, 9)).await;
    retype(c, FIELD, "5.4.2025").await;
    leave(c).await;
    wait_value(c, FIELD, "05.04.2025", "2025-04-05").await;
    let after = wait_balances_of(c, day(2025, 4, 5)).await;
    assert_ne!(
        before, after,
        "P-1's payment of 10.03.2025 counts from that day"
    );
    assert!(after.contains(&"P-1=6000.00".to_owned()), "{after:?}");

    // ISO is taken in Russian too, and shown the Russian way.
    retype(c, FIELD, "2025-03-09").await;
    leave(c).await;
    wait_value(c, FIELD, "09.03.2025", "2025-03-09").await;
    wait_balances_of(c, day(2025, 3, 9)).await;

    // A day that does not exist is said so under the field.
    retype(c, FIELD, "31.02.2025").await;
    leave(c).await;
    let error = wait_testid(c, "date-error-as_of").await;
    let message = error.text().await.expect("the error's text");
    assert!(
        message.contains("Это не дата: введите её как ДД.ММ.ГГГГ"),
        "{message}"
    );

    // The calendar: Monday first, the month's name in Russian, today marked.
    retype(c, FIELD, "05.04.2025").await;
    wait_value(c, FIELD, "05.04.2025", "2025-04-05").await;
    click(c, "balances-date-calendar-open").await;
    let title = wait_testid(c, "balances-date-calendar-title").await;
    assert_eq!(title.text().await.expect("title"), "Апрель 2025");
    let weekdays = texts(
        c,
        "[data-testid='balances-date-calendar'] [role='columnheader']",
    )
    .await;
    assert_eq!(
        weekdays.first().map(String::as_str),
        Some("Пн"),
        "{weekdays:?}"
    );
    click(c, "balances-date-calendar-previous").await;
    wait_until("the calendar to show March", || async {
        title.text().await.unwrap_or_default() == "Март 2025"
    })
    .await;
    app.screenshot("date-field-ru.png").await;
    c.find(Locator::Css(
        "[data-testid='balances-date-calendar'] [data-day='2025-03-09']",
    ))
    .await
    .expect("9 March in the calendar")
    .click()
    .await
    .expect("pick 9 March");
    wait_value(c, FIELD, "09.03.2025", "2025-03-09").await;
    assert!(
        c.find(Locator::Css(&testid("balances-date-calendar")))
            .await
            .is_err(),
        "the calendar closes on a pick"
    );
    wait_balances_of(c, day(2025, 3, 9)).await;

    // The acts' month: this month from the calendar, shown ММ.ГГГГ.
    open_section(c, "acts").await;
    click(c, "acts-month-calendar-open").await;
    let month = today.format("%Y-%m").to_string();
    c.find(Locator::Css(&format!(
        "[data-testid='acts-month-calendar'] [data-month='{month}']"
    )))
    .await
    .expect("this month in the calendar")
    .click()
    .await
    .expect("pick this month");
    wait_value(
        c,
        "[data-testid='acts-month']",
        &today.format("%m.%Y").to_string(),
        &month,
    )
    .await;
    app.close().await;
}

#[tokio::test]
async fn in_english_a_day_is_typed_and_shown_as_iso_and_picked_from_the_calendar() {
    let app = App::start_with("date_field_en", billed).await;
    let c = &app.client;
    let today = chrono::Local::now().date_naive();

    open_section(c, "settings").await;
    click(c, "lang-en").await;
    wait_until("the app to speak English", || async {
        wait_testid(c, "nav-accruals")
            .await
            .text()
            .await
            .unwrap_or_default()
            == "Accruals"
    })
    .await;
    open_section(c, "accruals").await;
    wait_value(c, FIELD, &today.to_string(), &today.to_string()).await;

    retype(c, FIELD, "2025-03-09").await;
    let before = wait_balances_of(c, day(2025, 3, 9)).await;
    // A Russian habit is understood, and shown the English way once the field is left.
    retype(c, FIELD, "5.4.2025").await;
    leave(c).await;
    wait_value(c, FIELD, "2025-04-05", "2025-04-05").await;
    let after = wait_balances_of(c, day(2025, 4, 5)).await;
    assert_ne!(before, after);

    // The webview's own habit (12/05/2026) is not a date here.
    retype(c, FIELD, "12/05/2026").await;
    leave(c).await;
    let error = wait_testid(c, "date-error-as_of").await;
    let message = error.text().await.expect("the error's text");
    assert!(
        message.contains("Not a date: type it as YYYY-MM-DD"),
        "{message}"
    );

    // The calendar: Sunday first, English month names.
    retype(c, FIELD, "2025-04-05").await;
    click(c, "balances-date-calendar-open").await;
    let title = wait_testid(c, "balances-date-calendar-title").await;
    assert_eq!(title.text().await.expect("title"), "April 2025");
    let weekdays = texts(
        c,
        "[data-testid='balances-date-calendar'] [role='columnheader']",
    )
    .await;
    assert_eq!(
        weekdays.first().map(String::as_str),
        Some("Su"),
        "{weekdays:?}"
    );
    click(c, "balances-date-calendar-previous").await;
    wait_until("the calendar to show March", || async {
        title.text().await.unwrap_or_default() == "March 2025"
    })
    .await;
    app.screenshot("date-field-en.png").await;
    c.find(Locator::Css(
        "[data-testid='balances-date-calendar'] [data-day='2025-03-09']",
    ))
    .await
    .expect("9 March in the calendar")
    .click()
    .await
    .expect("pick 9 March");
    wait_value(c, FIELD, "2025-03-09", "2025-03-09").await;
    wait_balances_of(c, day(2025, 3, 9)).await;

    open_section(c, "acts").await;
    click(c, "acts-month-calendar-open").await;
    let month = today.format("%Y-%m").to_string();
    c.find(Locator::Css(&format!(
        "[data-testid='acts-month-calendar'] [data-month='{month}']"
    )))
    .await
    .expect("this month in the calendar")
    .click()
    .await
    .expect("pick this month");
    wait_value(c, "[data-testid='acts-month']", &month, &month).await;
    app.close().await;
}
