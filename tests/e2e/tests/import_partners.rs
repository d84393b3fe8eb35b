//! Importing partners: a file with one bad row is refused whole, with the problem
//! shown by row and column; a good file is committed and its partners listed (and the
//! partners screen is photographed for the README).

use partnerbook_e2e::ui::{
    all_testid, check_import, search_partners, wait_partner_rows, wait_testid, wait_until,
};
use partnerbook_e2e::App;

#[tokio::test]
async fn a_file_with_one_bad_row_is_refused_whole() {
    let app = App::start("import_bad_row").await;
    let c = &app.client;

    // tests/fixtures/partners_one_bad_row.csv: the ИНН in spreadsheet row 3 is wrong.
    check_import(&app.client, "partners", "partners_one_bad_row.csv").await;
    let problems = wait_testid(c, "import-problems").await;
    wait_until("row 3, column ИНН in the problems table", || async {
        let text = problems.text().await.unwrap_or_default();
        text.lines()
            .any(|line| line.contains('3') && line.contains("ИНН"))
    })
    .await;

    for button in all_testid(c, "import-commit").await {
        assert!(
            !button
                .is_enabled()
                .await
                .expect("the commit button's state"),
            "commit is possible for a file with problems"
        );
    }

    let rows = search_partners(c, "").await;
    assert!(
        rows.is_empty(),
        "partners from a refused file were saved: {rows:?}"
    );
    app.close().await;
}

#[tokio::test]
async fn a_good_file_is_committed_and_listed() {
    let app = App::start("import_good").await;
    let c = &app.client;

    check_import(&app.client, "partners", "partners_ok.csv").await;
    let commit = wait_testid(c, "import-commit").await;
    wait_until("commit to become possible", || async {
        commit.is_enabled().await.unwrap_or(false)
    })
    .await;
    commit.click().await.expect("click commit");
    let summary = wait_testid(c, "import-summary").await;
    let text = summary.text().await.expect("the summary");
    assert!(text.contains('6'), "six partners added: {text}");

    search_partners(c, "").await;
    for name in [
        "ООО «Альфа»",
        "ИП Борисов Борис Борисович",
        "Trader Ltd",
        "ТОО «Асель»",
    ] {
        wait_partner_rows(c, name).await;
    }
    let shot = app.screenshot("partners.png").await;
    eprintln!("screenshot: {}", shot.display());
    app.close().await;
}
