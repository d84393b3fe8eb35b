//! A backup a person can use: Настройки → «Сделать копию сейчас», a change made after it,
//! «Восстановить…» on that copy with the confirmation saying the book is kept as a copy
//! first — and the change is gone from the partners table, the book before the restore
//! listed as a copy of its own.

use partnerbook_e2e::books;
use partnerbook_e2e::ui::{
    all_testid, click, click_text, fill, open_section, search_partners, testid, text_of,
    wait_partner_rows, wait_testid, wait_until,
};
use partnerbook_e2e::App;

const NAME: &str = "ООО Восстановление Тест";

/// The reasons of the backups the settings list, newest first.
async fn listed_reasons(app: &App) -> Vec<String> {
    let mut reasons = Vec::new();
    for row in all_testid(&app.client, "backup-row").await {
        reasons.push(
            row.attr("data-reason")
                .await
                .ok()
                .flatten()
                .unwrap_or_default(),
        );
    }
    reasons
}

#[tokio::test]
async fn a_change_is_gone_after_the_backup_before_it_is_restored() {
    let app = App::start_with("restore_backup", books::partners_and_clients).await;
    let c = &app.client;

    // The copy, taken now from the settings.
    open_section(c, "settings").await;
    wait_testid(c, "settings-backups").await;
    click(c, "backup-now").await;
    wait_until("the copy taken now to be listed", || async {
        listed_reasons(&app).await.first().map(String::as_str) == Some("manual")
    })
    .await;
    let taken = text_of(c, &format!("{} td", testid("backup-row"))).await;
    assert!(
        taken.len() == "31.12.2026 23:59".len()
            && taken.as_bytes()[2] == b'.'
            && taken.as_bytes()[13] == b':',
        "when, as ДД.ММ.ГГГГ ЧЧ:ММ: {taken:?}"
    );

    // A change after it: a new partner, found by the table.
    open_section(c, "partners").await;
    click_text(c, "Новый партнёр").await;
    fill(c, "partner_id", "E2E-R1").await;
    fill(c, "program", "quantower").await;
    fill(c, "name", NAME).await;
    fill(c, "kind", "foreign").await;
    fill(c, "code", "RESTORE1").await;
    click(c, "partner-save").await;
    let rows = wait_partner_rows(c, NAME).await;
    assert_eq!(rows.len(), 1, "{rows:?}");

    // The copy restored, after the confirmation.
    open_section(c, "settings").await;
    wait_until("the copies to be listed", || async {
        listed_reasons(&app).await.first().map(String::as_str) == Some("manual")
    })
    .await;
    let first = all_testid(c, "backup-row").await.remove(0);
    first
        .find(fantoccini::Locator::Css(&testid("backup-restore")))
        .await
        .expect("its «Восстановить…»")
        .click()
        .await
        .expect("clicked");
    let question = text_of(c, &testid("restore-confirm")).await;
    assert!(
        question.contains("сделана вручную") && question.contains("сначала сохраняется как копия"),
        "{question}"
    );
    app.screenshot("restore-confirm.png").await;
    click(c, "restore-yes").await;
    wait_until(
        "the book before the restore to be listed as a copy",
        || async {
            let reasons = listed_reasons(&app).await;
            reasons.first().map(String::as_str) == Some("before-restore")
                && reasons.get(1).map(String::as_str) == Some("manual")
        },
    )
    .await;
    app.screenshot("restore-done.png").await;

    // The change is gone; the partners of before are there.
    open_section(c, "partners").await;
    let rows = search_partners(c, "Восстановление").await;
    assert!(rows.iter().all(|r| !r.contains(NAME)), "{rows:?}");
    let rows = wait_partner_rows(c, "ООО «Альфа»").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        app.book().exists(),
        "the book is where it was: {}",
        app.book().display()
    );
    app.close().await;
}
