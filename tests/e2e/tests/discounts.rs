//! tele2-ats in the app: a partner's «История скидок» and «Приведенные клиенты» tabs show
//! what the core derives from the invitations (periods in order, SMS packages, the period
//! running today marked), an invited client's card shows its own discount, and the
//! discount commands answer over IPC.

use chrono::NaiveDate;
use fantoccini::{Client, Locator};
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::discounts::DiscountPeriod;
use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::locate::fixture;
use partnerbook_e2e::ui::{search_partners, wait_testid, wait_until};
use partnerbook_e2e::App;
use serde_json::json;

/// The inviter the test opens: P-10 «ООО «Телефония»», code 5e83e12b1.
const INVITER: &str = "P-10";

/// What the book says about P-10, read by the core after the import.
struct Expected {
    history: Vec<DiscountPeriod>,
    invited: Vec<(String, NaiveDate)>,
}

/// Imports the tele2-ats partners and clients; answers P-10's history and invited clients.
fn tele2_book(path: &std::path::Path) -> Expected {
    let mut book = Book::open(path).expect("a new book");
    let now = NaiveDate::from_ymd_opt(2026, 6, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a time");
    let actor = Actor::new("e2e", now);
    for (kind, file) in [
        (ImportKind::Partners, "partners_tele2.csv"),
        (ImportKind::Clients, "clients_tele2.csv"),
    ] {
        let options = ImportOptions {
            kind,
            path: fixture(file),
            sheet: None,
            program: None,
            dry_run: false,
            lang: Lang::Ru,
        };
        let report = run_import(&mut book, &options, &actor, &mut |_| true).expect("import");
        assert!(report.committed, "{file}: {:?}", report.problems);
    }
    let history = api::discount_history(&book, INVITER).expect("P-10's history");
    let invited = api::invited_clients(&book, INVITER)
        .expect("P-10's invited clients")
        .into_iter()
        .map(|c| (c.client, c.activated))
        .collect();
    Expected { history, invited }
}

fn ru(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// Each row of the table `data-testid="<id>"`: its cells' text, and whether it is the
/// highlighted (current) one.
async fn simple_rows(client: &Client, id: &str) -> Vec<(Vec<String>, bool)> {
    let script = r#"
        const [id] = arguments;
        const table = document.querySelector(`[data-testid="${id}"]`);
        if (!table) return [];
        return Array.from(table.querySelectorAll("tbody tr")).map((row) => ({
            cells: Array.from(row.querySelectorAll("td")).map((td) =>
                (td.textContent || "").replace(/\u00a0/g, " ").trim()),
            current: row.classList.contains("active"),
        }));
    "#;
    let answer = client
        .execute(script, vec![json!(id)])
        .await
        .unwrap_or_else(|e| panic!("reading the rows of {id}: {e}"));
    answer
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            let cells = row["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_owned())
                .collect();
            (cells, row["current"].as_bool().unwrap_or(false))
        })
        .collect()
}

/// What the history's first cell says for a period or a package (before any label).
fn discount_cell(p: &DiscountPeriod) -> String {
    match (p.percent, p.sms_package) {
        (Some(percent), _) => format!("{} %", percent.to_string().replace('.', ",")),
        (None, Some(n)) => {
            let digits = n.to_string();
            let grouped = if digits.len() > 3 {
                format!(
                    "{} {}",
                    &digits[..digits.len() - 3],
                    &digits[digits.len() - 3..]
                )
            } else {
                digits
            };
            format!("Пакет {grouped} SMS")
        }
        (None, None) => panic!("a line that is neither a period nor a package: {p:?}"),
    }
}

#[tokio::test]
async fn a_tele2_partner_shows_its_discount_history_and_invited_clients() {
    let mut expected = None;
    let app = App::start_with("discounts", |path| expected = Some(tele2_book(path))).await;
    let expected = expected.expect("the book was filled");
    assert!(
        expected.history.iter().any(|p| p.sms_package == Some(1200)),
        "the fixture earns P-10 the 1 200 SMS package: {:?}",
        expected.history
    );
    let c = &app.client;

    // Open P-10 from the partners table.
    let rows = search_partners(c, "Телефония").await;
    assert!(
        rows.iter().any(|r| r.contains(INVITER)),
        "P-10 is found: {rows:?}"
    );
    let xpath = format!(
        "//*[@role='grid']//*[@role='rowgroup']//*[@role='row'][not(contains(@class,'loading'))]\
         [.//*[@role='gridcell'][normalize-space(.)='{INVITER}']]"
    );
    c.find(Locator::XPath(&xpath))
        .await
        .expect("P-10's row")
        .click()
        .await
        .expect("open P-10's card");

    // «История скидок»: every period and package in the core's order, today's marked.
    wait_testid(c, "card-tab-discounts")
        .await
        .click()
        .await
        .expect("open the discount history");
    wait_testid(c, "discount-history").await;
    wait_until("the history's rows", || async {
        simple_rows(c, "discount-history").await.len() == expected.history.len()
    })
    .await;
    let shown = simple_rows(c, "discount-history").await;
    let today = chrono::Local::now().date_naive();
    for (p, (cells, current)) in expected.history.iter().zip(&shown) {
        assert!(
            cells[0].starts_with(&discount_cell(p)),
            "{p:?} shows as {cells:?}"
        );
        assert_eq!(cells[1], ru(p.start), "{cells:?}");
        match p.end {
            Some(end) => {
                assert_eq!(cells[2], ru(end), "{cells:?}");
                assert_eq!(cells[3], "кроме SMS-пакетов", "{cells:?}");
            }
            None => assert_eq!(cells[2], "—", "a package has no last day: {cells:?}"),
        }
        let running = p.percent.is_some() && p.start <= today && p.end.is_some_and(|e| today <= e);
        assert_eq!(*current, running, "{p:?} on {today}: {cells:?}");
        assert_eq!(cells[0].contains("действует"), running, "{cells:?}");
    }
    app.screenshot("discount-history.png").await;

    // «Приведенные клиенты»: client id, name, the day the code was activated.
    wait_testid(c, "card-tab-invited")
        .await
        .click()
        .await
        .expect("open the invited clients");
    wait_testid(c, "invited-clients").await;
    wait_until("the invited clients' rows", || async {
        simple_rows(c, "invited-clients").await.len() == expected.invited.len()
    })
    .await;
    let shown = simple_rows(c, "invited-clients").await;
    for ((client, activated), (cells, _)) in expected.invited.iter().zip(&shown) {
        assert_eq!(&cells[0], client, "{cells:?}");
        assert_eq!(cells[2], ru(*activated), "{cells:?}");
    }
    assert_eq!(shown[0].0[1], "ООО «Первый»", "{shown:?}");

    // C-1's card from the list: its own 20 % for registering P-10's code.
    let first = r#"[data-testid="invited-clients"] tbody tr:first-child td"#;
    c.find(Locator::Css(first))
        .await
        .expect("C-1's row")
        .click()
        .await
        .expect("open C-1's card");
    wait_testid(c, "client-discounts").await;
    wait_until("C-1's own discount", || async {
        simple_rows(c, "client-discounts")
            .await
            .first()
            .is_some_and(|(cells, _)| cells[0].starts_with("20 %") && cells[4] == INVITER)
    })
    .await;

    // The commands over IPC.
    let history = invoke(c, "discount_history", json!({ "partner": INVITER }))
        .await
        .expect("discount_history");
    assert_eq!(
        history.as_array().map(Vec::len),
        Some(expected.history.len())
    );
    let schedule = invoke(c, "discount_schedule", json!({ "program": "tele2-ats" }))
        .await
        .expect("discount_schedule");
    assert!(
        schedule
            .as_array()
            .is_some_and(|s| s.len() > expected.history.len()),
        "{schedule}"
    );
    let all = invoke(c, "discount_schedule", json!({}))
        .await
        .expect("discount_schedule of every program");
    assert_eq!(all, schedule);
    let own = invoke(
        c,
        "client_discounts",
        json!({ "program": "tele2-ats", "client": "C-1" }),
    )
    .await
    .expect("client_discounts");
    assert_eq!(own[0]["role"], "invitee", "{own}");
    let refused = invoke(c, "discount_schedule", json!({ "program": "bitrix24" }))
        .await
        .expect_err("bitrix24 grants no discounts");
    assert_eq!(refused["code"], "no_discounts", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("не даёт скидок")),
        "{refused}"
    );
    let missing = invoke(c, "invited_clients", json!({ "partner": "NO-SUCH" }))
        .await
        .expect_err("no such partner");
    assert_eq!(missing["code"], "not_found", "{missing}");

    app.close().await;
}
