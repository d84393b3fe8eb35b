//! Acts in the app: the vendor's requisites (with its bank) from the settings form; a
//! bitrix24 partner's available balance converted from its card; the act as paper; sent
//! and signed with typed dates; the payout due on Сводка in the group its day falls in;
//! paid, and the balance's `paid` shows it. Screenshots of the acts screen, the act and
//! the overview at 1366×768 and 1920×1080.

use chrono::{Days, NaiveDate};
use fantoccini::{Client, Locator};
use partnerbook_core::acts::due::pay_due;
use partnerbook_core::acts::{act_step, convert, ActStep, ConvertRequest};
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::import::ImportKind;
use partnerbook_core::programs::ConversionRules;
use partnerbook_core::store::Book;
use partnerbook_e2e::books::imported;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::ui::{
    click, fill, open_section, search_partners, text_of, type_date, wait_testid, wait_until,
};
use partnerbook_e2e::App;
use serde_json::json;

/// P-1 «ООО «Альфа»» (bitrix24, contract Д-1 of 15.01.2025, a VAT payer): 6 000 bonuses
/// available after `billing_preview.csv`.
const PARTNER: &str = "P-1";

/// The partners, clients and billing of the fixtures; answers bitrix24's conversion rules.
fn acts_book(path: &std::path::Path) -> ConversionRules {
    let day = NaiveDate::from_ymd_opt(2025, 7, 1).expect("a day");
    imported(
        path,
        day,
        &[
            (ImportKind::Partners, "partners_ok.csv"),
            (ImportKind::Clients, "clients_ok.csv"),
            (ImportKind::Billing, "billing_preview.csv"),
        ],
    );
    let book = Book::open(path).expect("the book");
    let program = api::program(&book, "bitrix24").expect("bitrix24");
    let today = chrono::Local::now().date_naive();
    program
        .version_on(today)
        .and_then(|v| v.rules.conversion.clone())
        .expect("bitrix24 converts")
}

/// The days the test types: the act's, sent, signed. Signed on the latest day (up to
/// today) whose payout falls due within the coming week, so Сводка lists it.
fn workflow_days(rules: &ConversionRules, today: NaiveDate) -> (NaiveDate, NaiveDate, NaiveDate) {
    let week_end = today + Days::new(7);
    let signed = (0..40u64)
        .map(|back| today - Days::new(back))
        .find(|s| pay_due(*s - Days::new(2), *s, Some(rules)) <= week_end)
        .expect("a signing day whose payout is due within the week");
    (signed - Days::new(2), signed - Days::new(1), signed)
}

fn ru(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

async fn attr_of(c: &Client, css: &str, attr: &str) -> Option<String> {
    c.find(Locator::Css(css))
        .await
        .ok()?
        .attr(attr)
        .await
        .ok()?
}

/// Waits for the act dialog's state to say `status`.
async fn wait_status(c: &Client, status: &str) {
    wait_until(&format!("the act to be {status}"), || async {
        attr_of(c, "[data-testid='act-state']", "data-status")
            .await
            .as_deref()
            == Some(status)
    })
    .await;
}

/// Fills the vendor's requisites in Настройки: a wrong account is refused at its field,
/// the right one saved.
async fn set_vendor(c: &Client) {
    open_section(c, "settings").await;
    wait_testid(c, "vendor-save").await;
    for (field, value) in [
        ("name", "ООО «Вендор»"),
        ("inn", "7736207543"),
        ("kpp", "773601001"),
        ("address", "119021, г. Москва, ул. Льва Толстого, д. 16"),
        ("bik", "044525225"),
        ("account", "40702810238720001421"),
        ("signer", "Иванова Анна Сергеевна"),
        ("signer_position", "Директор по партнёрам"),
    ] {
        fill(c, field, value).await;
    }
    click(c, "vendor-save").await;
    let error = wait_testid(c, "error-account").await;
    let text = error.text().await.unwrap_or_default();
    assert!(text.starts_with("Расчётный счёт:"), "{text}");

    let account = c
        .find(Locator::Css("[name='account']"))
        .await
        .expect("the account field");
    account.clear().await.expect("clear the account");
    account
        .send_keys("40702810238720001420")
        .await
        .expect("type the account");
    click(c, "vendor-save").await;
    wait_until("the vendor saved", || async {
        c.find(Locator::XPath(
            "//*[@role='status'][contains(., 'Сохранено')]",
        ))
        .await
        .is_ok()
    })
    .await;
    let vendor = invoke(c, "vendor_get", json!({}))
        .await
        .expect("vendor_get");
    assert_eq!(vendor["bik"], json!("044525225"), "{vendor}");
    assert_eq!(vendor["account"], json!("40702810238720001420"), "{vendor}");
}

/// Opens P-1's card from the partners table.
async fn open_partner(c: &Client) {
    let rows = search_partners(c, "Альфа").await;
    assert!(
        rows.iter().any(|r| r.contains(PARTNER)),
        "P-1 is found: {rows:?}"
    );
    let xpath = format!(
        "//*[@role='grid']//*[@role='rowgroup']//*[@role='row'][not(contains(@class,'loading'))]\
         [.//*[@role='gridcell'][normalize-space(.)='{PARTNER}']]"
    );
    c.find(Locator::XPath(&xpath))
        .await
        .expect("P-1's row")
        .click()
        .await
        .expect("open P-1's card");
}

/// Sets the window's size, and waits for the page to lay itself out again.
async fn resize(c: &Client, width: u32, height: u32) {
    c.set_window_size(width, height)
        .await
        .unwrap_or_else(|e| panic!("resizing the window to {width}×{height}: {e}"));
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
}

#[tokio::test]
async fn a_balance_is_converted_its_act_signed_listed_as_due_and_paid() {
    let mut rules = None;
    let app = App::start_with("acts", |path| rules = Some(acts_book(path))).await;
    let rules = rules.expect("the book was filled");
    let c = &app.client;
    let today = chrono::Local::now().date_naive();
    let (act_day, sent_day, signed_day) = workflow_days(&rules, today);

    set_vendor(c).await;

    // P-1's card → «Акты» → «Конвертировать…» on the act's day, all that is available.
    open_partner(c).await;
    click(c, "card-tab-acts").await;
    click(c, "acts-convert-open").await;
    wait_testid(c, "convert-dialog").await;
    type_date(c, "[data-testid='convert-dialog'] [name='date']", act_day).await;
    wait_until("6 000 bonuses available", || async {
        attr_of(c, "[data-testid='convert-available']", "data-value")
            .await
            .as_deref()
            == Some("6000.00")
    })
    .await;
    let available = text_of(c, "[data-testid='convert-available']").await;
    assert!(available.contains("6 000 бонусов"), "{available}");
    app.screenshot("convert-dialog.png").await;
    click(c, "convert-submit").await;
    let done = wait_testid(c, "convert-done").await;
    let number = done
        .attr("data-number")
        .await
        .expect("the act's number")
        .expect("a number");
    let row_css = format!("[data-testid='act-row-{number}']");
    wait_until("the new act as a draft in the partner's acts", || async {
        attr_of(c, &row_css, "data-status").await.as_deref() == Some("draft")
    })
    .await;
    assert!(text_of(c, &row_css).await.contains("черновик"));

    // The act as paper: the partner, the vendor, the amount and the amount in words.
    app.screenshot("partner-acts.png").await;
    c.find(Locator::Css(&format!("{row_css} [data-col='number']")))
        .await
        .expect("the act's row")
        .click()
        .await
        .expect("open the act");
    wait_testid(c, "act-preview").await;
    let seller = text_of(c, "[data-testid='act-preview-seller']").await;
    assert!(
        seller.contains("ООО «Альфа»") && seller.contains("ИНН 7707083893"),
        "{seller}"
    );
    let buyer = text_of(c, "[data-testid='act-preview-buyer']").await;
    assert!(buyer.contains("ООО «Вендор»"), "{buyer}");
    let title = text_of(c, ".paper-title").await;
    assert_eq!(title, format!("Акт № {number} от {}", ru(act_day)));
    assert_eq!(
        text_of(c, "[data-testid='act-preview-amount']").await,
        "6 000,00"
    );
    let words = text_of(c, "[data-testid='act-preview-words']").await;
    assert!(words.starts_with("Шесть тысяч рублей"), "{words}");
    assert!(
        text_of(c, "[data-testid='act-preview-vat']")
            .await
            .starts_with("1 081,97"),
        "a VAT payer's act shows the VAT in it"
    );
    assert!(!c
        .find_all(Locator::Css("[data-testid='act-save-invoice']"))
        .await
        .expect("saves")
        .is_empty());
    app.screenshot("act-dialog.png").await;

    // Sent, then signed, on the days typed.
    type_date(c, "[data-testid='act-date-send']", sent_day).await;
    click(c, "act-step-send").await;
    wait_status(c, "sent").await;
    assert_eq!(text_of(c, "[data-testid='act-sent']").await, ru(sent_day));
    type_date(c, "[data-testid='act-date-sign']", signed_day).await;
    click(c, "act-step-sign").await;
    wait_status(c, "signed").await;
    assert_eq!(
        text_of(c, "[data-testid='act-signed']").await,
        ru(signed_day)
    );
    let due = attr_of(c, "[data-testid='act-pay-due']", "data-value")
        .await
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .expect("the payout's due day");
    assert_eq!(due, pay_due(act_day, signed_day, Some(&rules)));
    app.screenshot("act-dialog-signed.png").await;
    partnerbook_e2e::ui::press_escape(c).await;

    // Сводка lists the payout in the group its day falls in.
    open_section(c, "overview").await;
    let group = if due < today {
        "overdue"
    } else if due == today {
        "today"
    } else {
        "week"
    };
    let item = format!("[data-testid='overview-{group}'] [data-testid='deadline-{number}']");
    wait_until(&format!("act {number} under «{group}»"), || async {
        c.find(Locator::Css(&item)).await.is_ok()
    })
    .await;
    resize(c, 1366, 768).await;
    app.screenshot("overview-1366.png").await;
    resize(c, 1920, 1080).await;
    app.screenshot("overview-1920.png").await;
    assert_eq!(attr_of(c, &item, "data-what").await.as_deref(), Some("pay"));
    assert_eq!(attr_of(c, &item, "data-due").await, Some(due.to_string()));
    let line = text_of(c, &item).await;
    assert!(
        line.contains("оплатить") && line.contains(PARTNER) && line.contains("6 000 ₽"),
        "{line}"
    );
    assert!(line.contains(&ru(due)), "{line}");

    // A click on the deadline opens the act; it is paid today.
    c.find(Locator::Css(&item))
        .await
        .expect("the deadline")
        .click()
        .await
        .expect("open the act from Сводка");
    wait_status(c, "signed").await;
    type_date(c, "[data-testid='act-date-pay']", today).await;
    click(c, "act-step-pay").await;
    wait_status(c, "paid").await;
    assert_eq!(text_of(c, "[data-testid='act-paid']").await, ru(today));
    partnerbook_e2e::ui::press_escape(c).await;
    wait_until("the paid act off Сводка", || async {
        c.find(Locator::Css(&item)).await.is_err()
    })
    .await;

    // The balance's `paid` shows it.
    open_section(c, "accruals").await;
    wait_testid(c, "balances-table").await;
    wait_until("P-1's paid 6000.00", || async {
        attr_of(
            c,
            "[data-testid='balance-row-P-1'] [data-col='paid']",
            "data-value",
        )
        .await
        .as_deref()
            == Some("6000.00")
    })
    .await;

    // The acts screen: the act paid, in the money totals; photographed at both sizes.
    open_section(c, "acts").await;
    let row = wait_testid(c, &format!("act-row-{number}")).await;
    assert_eq!(
        row.attr("data-status").await.ok().flatten().as_deref(),
        Some("paid")
    );
    assert_eq!(
        row.attr("data-overdue").await.ok().flatten().as_deref(),
        Some("false")
    );
    assert_eq!(
        attr_of(
            c,
            "[data-testid='acts-total-RUB'] [data-col='money']",
            "data-value"
        )
        .await
        .as_deref(),
        Some("6000.00")
    );
    app.screenshot("acts-1920.png").await;
    resize(c, 1366, 768).await;
    app.screenshot("acts-1366.png").await;

    // The month's batch of ciawifi: P-3 (150 ₽ since June 2025) is ready on the last day
    // of the month before; the batch makes its act.
    click(c, "acts-batch-open").await;
    wait_until("P-3 ready for conversion", || async {
        text_of(c, "[data-testid='batch-ready']")
            .await
            .contains("P-3")
    })
    .await;
    app.screenshot("batch-dialog.png").await;
    click(c, "batch-program-ciawifi").await;
    wait_until("only ciawifi ready", || async {
        let ready = text_of(c, "[data-testid='batch-ready']").await;
        ready.contains("P-3") && !ready.contains("P-1")
    })
    .await;
    click(c, "batch-run").await;
    wait_until("the batch's summary", || async {
        text_of(c, "[data-testid='batch-summary']")
            .await
            .contains("Сформировано актов: 1")
    })
    .await;
    click(c, "batch-close").await;
    wait_until("the batch's act in the table", || async {
        text_of(c, "[data-testid='acts-found']").await == "Найдено: 2"
    })
    .await;

    // The payout register of this month holds the act paid today.
    click(c, "acts-tab-register").await;
    wait_until("the paid act on the register", || async {
        text_of(c, "[data-testid='register-lines']")
            .await
            .contains(&number)
    })
    .await;
    assert_eq!(
        attr_of(c, "[data-testid='register-total-RUB']", "data-value")
            .await
            .as_deref(),
        Some("6000.00")
    );
    app.screenshot("register.png").await;
    app.close().await;
}

/// The demo book, and acts in every state: the first partners ready 40 days ago convert
/// on days two apart; of each five, one stays a draft, one is sent, one signed, one
/// paid and one rejected (so some signatures and payouts are overdue today).
fn demo_with_acts(path: &std::path::Path) {
    let mut book = Book::open(path).expect("a new book");
    let now = chrono::Local::now().naive_local();
    let actor = Actor::new("demo", now);
    fill_demo(&mut book, &actor).expect("demo data");
    let today = now.date();
    let start = today - Days::new(40);
    let ready = api::ready_to_convert(&book, start, None).expect("ready balances");
    for (i, r) in ready.iter().take(15).enumerate() {
        let date = start + Days::new(2 * i as u64);
        let request = ConvertRequest {
            partner: r.partner.clone(),
            date,
            amount: None,
            payout_kind: None,
            key: None,
        };
        let act = book
            .write(|tx| convert(tx, &actor, &request))
            .expect("converted")
            .act;
        let day = |n: u64| date + Days::new(n);
        let steps = match i % 5 {
            0 => vec![],
            1 => vec![ActStep::Send(day(1))],
            2 => vec![ActStep::Send(day(1)), ActStep::Sign(day(3))],
            3 => vec![
                ActStep::Send(day(1)),
                ActStep::Sign(day(2)),
                ActStep::Pay(day(6)),
            ],
            _ => vec![
                ActStep::Send(day(1)),
                ActStep::Reject(day(2), "нет подписи партнёра".into()),
            ],
        };
        for step in steps {
            book.write(|tx| act_step(tx, &actor, &act, &step))
                .expect("a step");
        }
    }
}

#[tokio::test]
async fn the_demo_books_acts_and_deadlines_are_shown() {
    let app = App::start_with("acts_demo", demo_with_acts).await;
    let c = &app.client;

    // The overdue acts the shell counts are the rows marked overdue.
    let overdue = invoke(c, "acts_page", json!({ "query": { "overdue": true } }))
        .await
        .expect("acts_page");
    let overdue = overdue["total"].as_u64().expect("a total");
    open_section(c, "acts").await;
    wait_testid(c, "acts-table").await;
    click(c, "acts-overdue").await;
    wait_until("the overdue acts only", || async {
        let found = text_of(c, "[data-testid='acts-found']").await;
        found == format!("Найдено: {overdue}")
    })
    .await;
    if overdue > 0 {
        wait_until("rows marked overdue", || async {
            !c.find_all(Locator::Css("tr[data-overdue='true']"))
                .await
                .unwrap_or_default()
                .is_empty()
        })
        .await;
        let calm = c
            .find_all(Locator::Css("tr[data-overdue='false']"))
            .await
            .expect("rows");
        assert!(calm.is_empty(), "only overdue acts under «Просроченные»");
    }
    click(c, "acts-overdue").await;
    wait_until("every act again", || async {
        text_of(c, "[data-testid='acts-found']").await != format!("Найдено: {overdue}")
            || overdue == 0
    })
    .await;
    app.screenshot("acts-demo-1366.png").await;
    resize(c, 1920, 1080).await;
    app.screenshot("acts-demo-1920.png").await;

    // Сводка: as many deadlines listed as the shell has in its three groups.
    let o = invoke(c, "overview", json!({})).await.expect("overview");
    open_section(c, "overview").await;
    wait_testid(c, "overview-week").await;
    for group in ["overdue", "today", "week"] {
        let want = o[group].as_array().map_or(0, Vec::len);
        let css = format!("[data-testid='overview-{group}'] [data-testid^='deadline-']");
        wait_until(&format!("{want} deadlines under {group}"), || async {
            c.find_all(Locator::Css(&css)).await.map_or(0, |v| v.len()) == want
        })
        .await;
    }
    app.screenshot("overview-demo-1920.png").await;
    resize(c, 1366, 768).await;
    app.screenshot("overview-demo-1366.png").await;
    app.close().await;
}
