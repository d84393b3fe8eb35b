//! Importing billing in the real app: a file with problems is refused whole and the
//! balances stay as they were; a good file is committed and the balances change.

use fantoccini::{Client, Locator};
use partnerbook_core::audit::Actor;
use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use partnerbook_e2e::locate::fixture;
use partnerbook_e2e::ui::{all_testid, open_section, wait_testid, wait_until, WAIT};
use partnerbook_e2e::App;

/// A book with the partners and clients of the fixtures (P-2 bitrix24, P-5 atlantys).
fn prepare(path: &std::path::Path) {
    let mut book = Book::open(path).expect("a new book");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a time");
    let actor = Actor::new("e2e", now);
    for (kind, file) in [
        (ImportKind::Partners, "partners_ok.csv"),
        (ImportKind::Clients, "clients_ok.csv"),
    ] {
        let options = ImportOptions {
            kind,
            path: fixture(file),
            sheet: None,
            program: None,
            dry_run: false,
            lang: Lang::Ru,
        };
        let report = run_import(&mut book, &options, &actor, &mut |_| true).expect("imported");
        assert!(report.committed, "{file}: {:?}", report.problems);
    }
}

/// The `available` cell of a partner's row in the balances table, as its exact value.
async fn available(c: &Client, partner: &str) -> String {
    open_section(c, "accruals").await;
    let css = format!(r#"[data-testid="balance-row-{partner}"] [data-col="available"]"#);
    let cell = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&css))
        .await
        .unwrap_or_else(|e| panic!("{partner}'s balance row: {e}"));
    cell.attr("data-value")
        .await
        .expect("the cell's value")
        .unwrap_or_default()
}

/// Opens the import screen for billing, types the file's path and checks it.
async fn check_billing(c: &Client, file: &str) {
    open_section(c, "import").await;
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#import-kind-billing"))
        .await
        .expect("the billing kind")
        .click()
        .await
        .expect("choose billing");
    let path = fixture(file);
    wait_testid(c, "import-path")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("type the path");
    wait_testid(c, "import-check")
        .await
        .click()
        .await
        .expect("check");
}

#[tokio::test]
async fn a_bad_billing_file_changes_nothing_and_a_good_one_moves_the_balances() {
    let app = App::start_with("import_billing", prepare).await;
    let c = &app.client;
    assert_eq!(available(c, "P-5").await, "0.00");

    // tests/fixtures/billing_bad/several_problems.csv: ten problems on four rows
    check_billing(c, "billing_bad/several_problems.csv").await;
    let problems = wait_testid(c, "import-problems").await;
    wait_until("the problems listed by row and column", || async {
        let text = problems.text().await.unwrap_or_default();
        text.contains("amount") || text.contains("Сумма")
    })
    .await;
    for button in all_testid(c, "import-commit").await {
        assert!(
            !button.is_enabled().await.expect("the commit button"),
            "a file with problems can be committed"
        );
    }
    assert_eq!(available(c, "P-5").await, "0.00", "nothing changed");
    assert_eq!(available(c, "P-2").await, "0.00", "nothing changed");

    check_billing(c, "billing_ok.csv").await;
    let commit = wait_testid(c, "import-commit").await;
    wait_until("commit to become possible", || async {
        commit.is_enabled().await.unwrap_or(false)
    })
    .await;
    commit.click().await.expect("commit");
    let summary = wait_testid(c, "import-summary").await;
    let text = summary.text().await.expect("the summary");
    assert!(
        text.contains("atlantys") || text.contains("Atlantys"),
        "{text}"
    );

    assert_eq!(available(c, "P-5").await, "25000.00");
    assert_eq!(available(c, "P-2").await, "6000.00");
    app.screenshot("balances.png").await;
    app.close().await;
}
