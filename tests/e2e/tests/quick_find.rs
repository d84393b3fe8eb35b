//! Ctrl+K in the app: the quick-find palette finds an act by its number and by its
//! partner's name (the core's search), and Enter or a click opens the act's dialog on its
//! paper. Screenshot `target/e2e/quick-find.png`.

use fantoccini::Locator;
use partnerbook_core::acts::{convert, Conversion, ConvertRequest};
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::store::Book;
use partnerbook_e2e::ui::{press_ctrl, testid, wait_testid, wait_until};
use partnerbook_e2e::App;

/// The demo book with three acts made through the core today; answers them with the
/// partners' names.
fn demo_with_three_acts(path: &std::path::Path) -> Vec<(Conversion, String)> {
    let mut book = Book::open(path).expect("a new book");
    let now = chrono::Local::now().naive_local();
    let actor = Actor::new("demo", now);
    fill_demo(&mut book, &actor).expect("demo data");
    let start = now.date();
    let ready = api::ready_to_convert(&book, start, None).expect("ready balances");
    let made: Vec<_> = ready
        .iter()
        .take(3)
        .map(|r| {
            let date = start;
            let request = ConvertRequest {
                partner: r.partner.clone(),
                date,
                amount: None,
                payout_kind: None,
                key: None,
            };
            let made = book
                .write(|tx| convert(tx, &actor, &request))
                .expect("converted");
            (made, r.name.clone())
        })
        .collect();
    assert_eq!(made.len(), 3, "three balances ready on {start}");
    made
}

#[tokio::test]
async fn ctrl_k_finds_an_act_by_number_and_by_partner_and_opens_it() {
    let mut acts = Vec::new();
    let app = App::start_with("quick_find", |path| acts = demo_with_three_acts(path)).await;
    let c = &app.client;
    let (second, partner_name) = acts.get(1).cloned().expect("three acts");
    wait_testid(c, "nav-overview").await;

    // By the act's number.
    press_ctrl(c, 'k').await;
    let input = wait_testid(c, "quick-find-input").await;
    input
        .send_keys(&second.number)
        .await
        .expect("type the number");
    let option = format!("quick-find-act-{}", second.number);
    let found = wait_testid(c, &option).await;
    let text = found.text().await.expect("the option's text");
    assert!(text.contains(&format!("Акт № {}", second.number)), "{text}");
    assert!(text.contains(&partner_name), "{text}");
    app.screenshot("quick-find.png").await;
    found.click().await.expect("open the act");
    let preview = wait_testid(c, "act-preview").await;
    wait_until("the act's paper", || async {
        preview
            .text()
            .await
            .unwrap_or_default()
            .contains(&format!("Акт № {}", second.number))
    })
    .await;
    assert!(
        c.find(Locator::Css(&testid("quick-find"))).await.is_err(),
        "the palette closes"
    );
    let title = c
        .find(Locator::Css("h1"))
        .await
        .expect("the screen's title");
    assert_eq!(title.text().await.expect("title"), "Акты и выплаты");
    partnerbook_e2e::ui::press_escape(c).await;
    wait_until("the act's dialog to close", || async {
        c.find(Locator::Css(&testid("act-preview"))).await.is_err()
    })
    .await;

    // By the partner's name, from another screen; the keyboard chooses and opens.
    partnerbook_e2e::ui::open_section(c, "partners").await;
    press_ctrl(c, 'k').await;
    let input = wait_testid(c, "quick-find-input").await;
    input
        .send_keys(&partner_name)
        .await
        .expect("type the partner's name");
    wait_testid(c, &option).await;
    // Enter opens the first found; the act is chosen by the arrows: as many down as
    // options come before it.
    let before = c
        .execute(
            "const all = [...document.querySelectorAll('[role=option]')]; \
             return all.findIndex((o) => o.getAttribute('data-testid') === arguments[0]);",
            vec![serde_json::json!(option)],
        )
        .await
        .expect("the options")
        .as_i64()
        .expect("an index");
    assert!(before >= 0, "the act is among the options");
    let down = "\u{E015}".repeat(usize::try_from(before).expect("an index"));
    input
        .send_keys(&format!("{down}\u{E007}"))
        .await
        .expect("choose and open");
    let preview = wait_testid(c, "act-preview").await;
    wait_until("the act's paper", || async {
        preview
            .text()
            .await
            .unwrap_or_default()
            .contains(&format!("Акт № {}", second.number))
    })
    .await;
    app.close().await;
}
