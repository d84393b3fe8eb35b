//! Importing billing in the real app: a file with problems is refused whole and the
//! balances stay as they were; a good file is committed and the balances change.

use fantoccini::{Client, Locator};
use partnerbook_e2e::books::partners_and_clients;
use partnerbook_e2e::ui::{all_testid, check_import, open_section, wait_testid, wait_until, WAIT};
use partnerbook_e2e::App;

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

#[tokio::test]
async fn a_bad_billing_file_changes_nothing_and_a_good_one_moves_the_balances() {
    let app = App::start_with("import_billing", partners_and_clients).await;
    let c = &app.client;
    assert_eq!(available(c, "P-5").await, "0.00");

    // tests/fixtures/billing_bad/several_problems.csv: ten problems on four rows
    check_import(c, "billing", "billing_bad/several_problems.csv").await;
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

    check_import(c, "billing", "billing_ok.csv").await;
    let commit = wait_testid(c, "import-commit").await;
    wait_until("commit to become possible", || async {
        commit.is_enabled().await.unwrap_or(false)
    })
    .await;
    commit.click().await.expect("commit");
    let summary = wait_testid(c, "import-summary").await;
    let text = summary.text().await.expect("the summary");
    assert!(text.contains("Добавлено: 8"), "{text}");
    let accrued = wait_testid(c, "import-accrued").await;
    let atlantys = accrued
        .find(Locator::Css(r#"[data-col="credited"]"#))
        .await
        .expect("a credited cell")
        .text()
        .await
        .expect("its text");
    assert_eq!(
        atlantys.replace('\u{a0}', " "),
        "25 000 ₸",
        "the first program listed is atlantys"
    );

    assert_eq!(available(c, "P-5").await, "25000.00");
    assert_eq!(available(c, "P-2").await, "6000.00");
    app.screenshot("balances.png").await;
    app.close().await;
}
