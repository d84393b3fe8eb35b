//! The partner form refuses a wrong ИНН next to the field and saves nothing; with the
//! right ИНН the partner is saved and the partners table finds it.

use partnerbook_e2e::ui::{
    click_text, fill, open_section, press_escape, search_partners, wait_partner_rows, wait_testid,
    wait_until,
};
use partnerbook_e2e::App;

const NAME: &str = "ООО Ромашка Тест";
const WRONG_INN: &str = "7707083894";
const RIGHT_INN: &str = "7707083893";

async fn fill_new_partner(app: &App, inn: &str) {
    let c = &app.client;
    open_section(c, "partners").await;
    click_text(c, "Новый партнёр").await;
    fill(c, "partner_id", "E2E-A1").await;
    fill(c, "program", "bitrix24").await;
    fill(c, "name", NAME).await;
    fill(c, "kind", "ooo").await;
    fill(c, "inn", inn).await;
    fill(c, "kpp", "770701001").await;
}

#[tokio::test]
async fn a_wrong_inn_is_refused_at_the_field_and_a_right_one_saved() {
    let app = App::start("partner_form").await;
    let c = &app.client;

    fill_new_partner(&app, WRONG_INN).await;
    wait_testid(c, "partner-save")
        .await
        .click()
        .await
        .expect("click save");
    let error = wait_testid(c, "error-inn").await;
    wait_until("the ИНН error under the field", || async {
        error.is_displayed().await.unwrap_or(false)
            && !error.text().await.unwrap_or_default().trim().is_empty()
    })
    .await;
    let message = error.text().await.expect("the error's text");
    assert!(
        message.contains("ИНН"),
        "the message names the field: {message}"
    );

    // Nothing saved: close the form (Esc) and search the table.
    press_escape(c).await;
    let rows = search_partners(c, "Ромашка").await;
    assert!(
        rows.iter().all(|row| !row.contains(NAME)),
        "a partner with a wrong ИНН was saved: {rows:?}"
    );

    fill_new_partner(&app, RIGHT_INN).await;
    wait_testid(c, "partner-save")
        .await
        .click()
        .await
        .expect("click save");
    let rows = search_partners(c, "Ромашка").await;
    let rows = if rows.is_empty() {
        wait_partner_rows(c, NAME).await
    } else {
        rows
    };
    assert_eq!(rows.len(), 1, "exactly one partner saved: {rows:?}");
    assert!(rows[0].contains(NAME), "{rows:?}");
    assert!(
        rows[0].contains(RIGHT_INN),
        "the row shows the ИНН: {rows:?}"
    );

    app.close().await;
}
