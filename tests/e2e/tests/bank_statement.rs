//! The bank's statement in the app: on the demo book, the payout register's bank file of
//! a signed act's month (as the book writes it) comes back from the bank with that act's
//! order debited today; «Загрузить выписку» reads it (the path typed, as the import tests
//! do instead of the native dialog), shows the act to be marked paid, and «Отметить
//! оплаченными» makes the act «оплачен» in the acts table.

use std::path::Path;

use fantoccini::Locator;
use partnerbook_core::acts::{ActQuery, ActRow, ActStatus, RegisterFormat};
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::documents::sample_statement::{
    from_windows_1251, statement_of_orders, windows_1251,
};
use partnerbook_core::store::Book;
use partnerbook_e2e::ui::{click, open_section, text_of, wait_testid, wait_until, SETTLE};
use partnerbook_e2e::App;

/// The file the statement is written to, beside the book.
fn statement_path(book: &Path) -> std::path::PathBuf {
    book.with_file_name("kl_to_1c.txt")
}

/// The demo book; the newest signed act paid in roubles by the bank; the statement of
/// its month's payout register with only that act's order debited, today. Answers the act.
fn demo_and_statement(path: &Path) -> ActRow {
    let mut book = Book::open(path).expect("a new book");
    let now = chrono::Local::now().naive_local();
    let actor = Actor::new("demo", now);
    fill_demo(&mut book, &actor).expect("demo data");
    let query = ActQuery {
        status: Some(ActStatus::Signed),
        limit: Some(500),
        ..ActQuery::default()
    };
    let signed = api::acts_page(&book, &query, now.date()).expect("the signed acts");
    let act = signed
        .rows
        .into_iter()
        .filter(|a| a.currency == "RUB" && a.payout_kind == "bank")
        .max_by(|a, b| a.number.cmp(&b.number))
        .expect("a signed act paid in roubles by the bank");
    let month = &act.pay_due.as_deref().expect("its payout's due day")[..7];
    let orders =
        api::register_file(&book, month, RegisterFormat::Bank, now).expect("the bank file");
    let number = act.number.clone();
    let today = now.date();
    let statement = statement_of_orders(
        &from_windows_1251(&orders.bytes),
        &move |named| (named == number).then_some(today),
        &[],
    );
    assert!(
        statement.contains(&act.number),
        "the act's order is on the statement"
    );
    std::fs::write(statement_path(path), windows_1251(&statement)).expect("the statement");
    act
}

#[tokio::test]
async fn a_statement_of_a_signed_acts_payout_marks_it_paid() {
    let mut act = None;
    let app = App::start_with("bank_statement", |path| {
        act = Some(demo_and_statement(path))
    })
    .await;
    let act = act.expect("the act");
    let c = &app.client;
    let row = format!("[data-testid='act-row-{}']", act.number);

    open_section(c, "acts").await;
    wait_testid(c, "acts-table").await;
    wait_until("the act listed as signed", || async {
        text_of(c, &row).await.contains("подписан")
    })
    .await;

    click(c, "acts-bank-statement-open").await;
    let file = statement_path(app.book());
    wait_testid(c, "bank-statement-path")
        .await
        .send_keys(file.to_str().expect("a UTF-8 path"))
        .await
        .expect("type the path");
    click(c, "bank-statement-check").await;
    wait_testid(c, "bank-statement-preview").await;
    let to_pay = text_of(c, "[data-testid='bank-statement-paid']").await;
    assert!(to_pay.contains(&act.number), "{to_pay}");
    assert!(to_pay.contains(&act.partner), "{to_pay}");
    assert!(
        to_pay.contains(
            &chrono::Local::now()
                .date_naive()
                .format("%d.%m.%Y")
                .to_string()
        ),
        "paid today: {to_pay}"
    );
    // The window paints a moment after the DOM changes.
    tokio::time::sleep(SETTLE).await;
    app.screenshot("bank-statement.png").await;

    click(c, "bank-statement-apply").await;
    let done = wait_testid(c, "bank-statement-done").await;
    let said = done.text().await.expect("the result");
    assert!(said.contains("Отмечено оплаченными актов: 1"), "{said}");
    tokio::time::sleep(SETTLE).await;
    app.screenshot("bank-statement-done.png").await;
    click(c, "bank-statement-close").await;

    wait_until("the act shown paid", || async {
        text_of(c, &row).await.contains("оплачен")
    })
    .await;
    let status = c
        .find(Locator::Css(&row))
        .await
        .expect("the act's row")
        .attr("data-status")
        .await
        .expect("its status");
    assert_eq!(status.as_deref(), Some("paid"));
    app.close().await;
}
