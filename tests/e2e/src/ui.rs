//! The UI's test hooks (see `tests/e2e/README.md` and `ui/README.md`), as the tests
//! use them: find by `data-testid`, by form field `name`, by visible text, by ARIA
//! role; wait for things to appear.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

/// How long a screen gets to show what a test waits for.
pub const WAIT: Duration = Duration::from_secs(20);
/// How long the tables get to apply a search before a test trusts what they show.
pub const SETTLE: Duration = Duration::from_millis(1500);

/// The partners table's search box.
pub const PARTNERS_SEARCH: &str = r#"input[name="search"]"#;
/// A loaded data row of the table on screen (the header row is outside the row group;
/// rows still loading are marked `.loading`).
pub const TABLE_ROW: &str = r#"[role="grid"] [role="rowgroup"] [role="row"]:not(.loading)"#;

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

/// Opens a section from the sidebar: `nav-<section>` (`partners`, `import`, …). Right
/// after the window opens, WebKitWebDriver can refuse a click on a link that is there
/// (the page still laying out): the click is tried again until [`WAIT`] runs out.
pub async fn open_section(client: &Client, section: &str) {
    let id = format!("nav-{section}");
    let started = Instant::now();
    loop {
        match wait_testid(client, &id).await.click().await {
            Ok(_) => return,
            Err(e) if started.elapsed() > WAIT => {
                panic!("opening the {section} section: {e}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Clicks the link or button whose visible text contains `text` («Новый партнёр»).
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

/// The text of every row of the table on screen, its cells joined by ` | `. Read from
/// the DOM (`textContent`): the virtual table's cells clip their text, which WebDriver's
/// visible-text rule would cut.
pub async fn table_rows(client: &Client) -> Vec<String> {
    let script = r#"
        const [rowCss] = arguments;
        return Array.from(document.querySelectorAll(rowCss)).map((row) => {
            const cells = Array.from(row.querySelectorAll('[role="gridcell"]'));
            const parts = cells.length ? cells : [row];
            return parts.map((c) => (c.textContent || "").trim()).join(" | ");
        });
    "#;
    let answer = client
        .execute(script, vec![serde_json::json!(TABLE_ROW)])
        .await
        .unwrap_or_else(|e| panic!("reading the table's rows: {e}"));
    serde_json::from_value(answer).unwrap_or_else(|e| panic!("the table's rows as text: {e}"))
}

/// Opens the partners screen and searches it; returns the rows' texts once the
/// table has had time to apply the search.
pub async fn search_partners(client: &Client, query: &str) -> Vec<String> {
    open_section(client, "partners").await;
    let search = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(PARTNERS_SEARCH))
        .await
        .unwrap_or_else(|e| panic!("no partners search box within {WAIT:?}: {e}"));
    search
        .clear()
        .await
        .unwrap_or_else(|e| panic!("clearing the partners search: {e}"));
    if !query.is_empty() {
        search
            .send_keys(query)
            .await
            .unwrap_or_else(|e| panic!("typing into the partners search: {e}"));
    }
    tokio::time::sleep(SETTLE).await;
    table_rows(client).await
}

/// The rows of the partners table that mention `name`, waiting for at least one. Each
/// try opens the partners section and searches again, so a card that opened after a
/// save (the app shows the new partner) does not hide the table.
pub async fn wait_partner_rows(client: &Client, name: &str) -> Vec<String> {
    let started = Instant::now();
    loop {
        let rows: Vec<String> = search_partners(client, name)
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

/// Presses Ctrl and `key` together on whatever has the focus (the app's shortcuts:
/// `'k'` quick find, `'i'` import).
pub async fn press_ctrl(client: &Client, key: char) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    use fantoccini::key::Key;
    let ctrl = char::from(Key::Control);
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: ctrl })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up { value: ctrl });
    client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("pressing Ctrl+{key}: {e}"));
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

/// Opens the import screen, picks the kind (`partners`, `clients`, `billing`), types the
/// path of a file under `tests/fixtures/` and checks it.
pub async fn check_import(client: &Client, kind: &str, file: &str) {
    open_section(client, "import").await;
    let radio = format!("#import-kind-{kind}");
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&radio))
        .await
        .unwrap_or_else(|e| panic!("the {kind} kind: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("choosing {kind}: {e}"));
    let path = crate::locate::fixture(file);
    wait_testid(client, "import-path")
        .await
        .send_keys(path.to_str().expect("a UTF-8 fixture path"))
        .await
        .expect("type the path");
    wait_testid(client, "import-check")
        .await
        .click()
        .await
        .expect("click check");
}

/// The `value` of the element at `css` (what an input holds), or `None`.
pub async fn value_of(client: &Client, css: &str) -> Option<String> {
    let answer = client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.value : null;",
            vec![serde_json::json!(css)],
        )
        .await
        .ok()?;
    answer.as_str().map(str::to_owned)
}

/// The ISO value the app's date field at `css` holds (its `data-value`), or `None`.
pub async fn date_value_of(client: &Client, css: &str) -> Option<String> {
    let answer = client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.getAttribute('data-value') : null;",
            vec![serde_json::json!(css)],
        )
        .await
        .ok()?;
    answer.as_str().map(str::to_owned)
}

/// Replaces what the text input at `css` holds with `text`, as a person does: selects it
/// all (Ctrl+A), deletes it, types.
pub async fn retype(client: &Client, css: &str, text: &str) {
    let input = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no input {css} within {WAIT:?}: {e}"));
    input
        .send_keys("\u{E009}a\u{E000}\u{E003}")
        .await
        .unwrap_or_else(|e| panic!("clearing {css}: {e}"));
    input
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("typing into {css}: {e}"));
}

/// Types `day` into the app's date field at `css` (`components/DateField.tsx`: a text
/// input, ДД.ММ.ГГГГ in Russian, ISO in English, either taken in Russian) in the ISO form,
/// and waits until the field holds that day (`data-value`).
pub async fn type_date(client: &Client, css: &str, day: chrono::NaiveDate) {
    let want = day.to_string();
    retype(client, css, &want).await;
    let started = Instant::now();
    loop {
        let have = date_value_of(client, css).await;
        if have.as_deref() == Some(want.as_str()) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "typed {want} into {css}, it holds {have:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the element `data-testid=id` once it is there.
pub async fn click(client: &Client, id: &str) {
    wait_testid(client, id)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {id}: {e}"));
}

/// The text of the element at `css` (`textContent`: clipped text counts), no-break
/// spaces as spaces; empty when there is none.
pub async fn text_of(client: &Client, css: &str) -> String {
    let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';";
    client
        .execute(script, vec![serde_json::json!(css)])
        .await
        .ok()
        .and_then(|v| {
            v.as_str()
                .map(|t| t.replace('\u{a0}', " ").trim().to_owned())
        })
        .unwrap_or_default()
}
