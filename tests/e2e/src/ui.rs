//! The UI's test hooks (see `tests/e2e/README.md`), as the tests use them: find by
//! `data-testid`, by form field `name`, by visible text; wait for things to appear.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

/// How long a screen gets to show what a test waits for.
pub const WAIT: Duration = Duration::from_secs(20);
/// How long the tables get to apply a search before a test trusts what they show.
pub const SETTLE: Duration = Duration::from_millis(1500);

pub fn testid(id: &str) -> String {
    format!(r#"[data-testid="{id}"]"#)
}

/// Waits for the element with `data-testid="<id>"`.
pub async fn wait_testid(client: &Client, id: &str) -> Element {
    let css = testid(id);
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&css))
        .await
        .unwrap_or_else(|e| panic!("no [data-testid=\"{id}\"] within {WAIT:?}: {e}"))
}

/// Every element with `data-testid="<id>"` now (maybe none).
pub async fn all_testid(client: &Client, id: &str) -> Vec<Element> {
    client
        .find_all(Locator::Css(&testid(id)))
        .await
        .unwrap_or_else(|e| panic!("looking for [data-testid=\"{id}\"]: {e}"))
}

/// Clicks the link or button whose visible text contains `text` (the sidebar's
/// «Партнёры», «Импорт»; «Новый партнёр»).
pub async fn click_text(client: &Client, text: &str) {
    let xpath = format!(
        "//*[self::a or self::button or @role='link' or @role='button' or @role='tab']\
         [contains(normalize-space(.), '{text}')]"
    );
    let element = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no link or button «{text}» within {WAIT:?}: {e}"));
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking «{text}»: {e}"));
}

/// Fills the form field `name="<name>"`: types into an input, picks the option with
/// that value in a select.
pub async fn fill(client: &Client, name: &str, value: &str) {
    let css = format!(r#"[name="{name}"]"#);
    let field = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&css))
        .await
        .unwrap_or_else(|e| panic!("no field name=\"{name}\" within {WAIT:?}: {e}"));
    let tag = field.tag_name().await.unwrap_or_default().to_lowercase();
    if tag == "select" {
        field
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choosing {value:?} in {name}: {e}"));
    } else {
        field
            .send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("typing into {name}: {e}"));
    }
}

/// Waits until `check` answers true, polling; panics with `what` otherwise.
pub async fn wait_until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    loop {
        if check().await {
            return;
        }
        assert!(started.elapsed() < WAIT, "waited {WAIT:?} for {what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The visible text of every element with `data-testid="<id>"`.
pub async fn texts(client: &Client, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in all_testid(client, id).await {
        // A row re-rendered between find and read is simply read again next poll.
        if let Ok(text) = element.text().await {
            out.push(text);
        }
    }
    out
}

/// Opens the partners screen and searches it; returns the rows' texts once the
/// table has had time to apply the search.
pub async fn search_partners(client: &Client, query: &str) -> Vec<String> {
    click_text(client, "Партнёры").await;
    let search = wait_testid(client, "partners-search").await;
    search
        .clear()
        .await
        .unwrap_or_else(|e| panic!("clearing the partners search: {e}"));
    search
        .send_keys(query)
        .await
        .unwrap_or_else(|e| panic!("typing into the partners search: {e}"));
    tokio::time::sleep(SETTLE).await;
    texts(client, "partner-row").await
}

/// The rows of the partners table that mention `name`, waiting for at least one.
pub async fn wait_partner_rows(client: &Client, name: &str) -> Vec<String> {
    let started = Instant::now();
    loop {
        let rows: Vec<String> = texts(client, "partner-row")
            .await
            .into_iter()
            .filter(|row| row.contains(name))
            .collect();
        if !rows.is_empty() {
            return rows;
        }
        assert!(
            started.elapsed() < WAIT,
            "no partner row with «{name}» within {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Presses Esc wherever the focus is (closes a dialog).
pub async fn press_escape(client: &Client) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    use fantoccini::key::Key;
    let escape = char::from(Key::Escape);
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: escape })
        .then(KeyAction::Up { value: escape });
    client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("pressing Esc: {e}"));
}
