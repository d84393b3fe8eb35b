//! The demo book opens in the app: its partners are listed and found by search.
//! Also leaves `target/e2e/demo-partners.png` (the whole list), the README's screenshot.

use chrono::NaiveDate;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::store::Book;
use partnerbook_e2e::ui::{open_section, search_partners, table_rows, wait_until};
use partnerbook_e2e::App;

#[tokio::test]
async fn the_demo_book_lists_its_partners() {
    let app = App::start_with("demo_book", |path| {
        let mut book = Book::open(path).expect("a new book");
        let now = NaiveDate::from_ymd_opt(2026, 11, 21)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("a time");
        let summary = fill_demo(&mut book, &Actor::new("demo", now)).expect("demo data");
        assert!(summary.partners >= 50, "{summary:?}");
    })
    .await;
    let c = &app.client;
    open_section(c, "partners").await;
    wait_until("the demo's partners to be listed", || async {
        table_rows(c).await.len() >= 10
    })
    .await;
    app.screenshot("demo-partners.png").await;
    let found = search_partners(c, "Асель").await;
    assert!(
        found.iter().any(|row| row.contains("ASEL25")),
        "Асель and her code ASEL25 are found: {found:?}"
    );
    app.close().await;
}
