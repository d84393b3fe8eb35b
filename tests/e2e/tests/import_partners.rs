//! Importing partners: a file with one bad row is refused whole, with the problem
//! shown by row and column; a good file is committed and its partners listed (and the
//! partners screen is photographed for the README).

use partnerbook_e2e::locate::fixture;
use partnerbook_e2e::ui::{
    all_testid, click_text, search_partners, wait_partner_rows, wait_testid, wait_until,
};
use partnerbook_e2e::App;

/// Opens the import screen, picks partners, types the file's path and checks it.
async fn check_file(app: &App, file: &str) {
    let c = &app.client;
    click_text(c, "Импорт").await;
    // The kind picker defaults to partners; when shown, choose it explicitly.
    if let Some(kind) = all_testid(c, "import-kind").await.into_iter().next() {
        kind.select_by_value("partners")
            .await
            .expect("choose partners");
    }
    let path = fixture(file);
    let input = wait_testid(c, "import-path").await;
    input.clear().await.expect("clear the path");
    input
        .send_keys(path.to_str().expect("a UTF-8 fixture path"))
        .await
        .expect("type the path");
    wait_testid(c, "import-check")
        .await
        .click()
        .await
        .expect("click check");
}

#[tokio::test]
async fn a_file_with_one_bad_row_is_refused_whole() {
    let app = App::start("import_bad_row").await;
    let c = &app.client;

    check_file(&app, "partners_one_bad_row.csv").await;
    let problems = wait_testid(c, "import-problems").await;
    wait_until(
        "the problem's row and column in the problems table",
        || async {
            let text = problems.text().await.unwrap_or_default();
            text.contains('3') && text.contains("ИНН")
        },
    )
    .await;

    // Commit is not possible: no button, or a disabled one.
    for button in all_testid(c, "import-commit").await {
        assert!(
            !button.is_enabled().await.expect("commit button state"),
            "the commit button is enabled for a file with problems"
        );
    }

    let rows = search_partners(c, "Вектор").await;
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

    check_file(&app, "partners_three_good.csv").await;
    let commit = wait_testid(c, "import-commit").await;
    wait_until("the commit button to be enabled", || async {
        commit.is_enabled().await.unwrap_or(false)
    })
    .await;
    commit.click().await.expect("click commit");
    let summary = wait_testid(c, "import-summary").await;
    wait_until("the summary to count three partners", || async {
        summary.text().await.unwrap_or_default().contains('3')
    })
    .await;

    search_partners(c, "").await;
    for name in [
        "ООО Альфа Интеграция",
        "ООО Северный Трейдинг",
        "ИП Сидоров Иван Петрович",
    ] {
        wait_partner_rows(c, name).await;
    }
    let shot = app.screenshot("partners.png").await;
    eprintln!("screenshot: {}", shot.display());
    app.close().await;
}
