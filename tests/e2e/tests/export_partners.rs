//! «Экспорт в XLSX» of the partners table filtered by a program: the save dialog opens in
//! the folder the person's settings remember with the suggested name, Enter saves there, the notice
//! names the file, and the file holds exactly the partners the table shows, in its order,
//! under the table's headers.

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};
use partnerbook_core::api;
use partnerbook_core::partners::PartnerQuery;
use partnerbook_core::store::Book;
use partnerbook_core::user_settings::UserSettings;
use partnerbook_e2e::app::user_settings_file;
use partnerbook_e2e::books::partners_and_clients;
use partnerbook_e2e::native_dialog::press_enter_in;
use partnerbook_e2e::ui::{open_section, table_rows, wait_testid, wait_until};
use partnerbook_e2e::App;

#[tokio::test]
async fn the_partners_of_a_program_are_exported_to_the_folder_chosen() {
    let folder = tempfile::tempdir().expect("a folder for the export");
    let mut expected: Vec<Vec<String>> = Vec::new();
    let app = App::start_with("export_partners", |path| {
        partners_and_clients(path);
        let book = Book::open(path).expect("the book");
        let dir = folder.path().to_str().expect("a UTF-8 folder");
        let mine = UserSettings {
            last_folder: Some(dir.to_owned()),
            ..UserSettings::default()
        };
        mine.save(&user_settings_file(path))
            .expect("the last folder");
        let query = PartnerQuery {
            program: Some("bitrix24".into()),
            limit: Some(1000),
            ..PartnerQuery::default()
        };
        expected = api::partner_page(&book, &query)
            .expect("the partners")
            .rows
            .into_iter()
            .map(|r| vec![r.partner, r.name])
            .collect();
    })
    .await;
    assert!(expected.len() >= 2, "partners_ok.csv has bitrix24 partners");
    let c = &app.client;

    open_section(c, "partners").await;
    wait_testid(c, "partners-program-bitrix24")
        .await
        .click()
        .await
        .expect("the bitrix24 chip");
    wait_until("the table to show bitrix24's partners only", || async {
        table_rows(c).await.len() == expected.len()
    })
    .await;

    wait_testid(c, "partners-export")
        .await
        .click()
        .await
        .expect("Экспорт в XLSX");
    press_enter_in("Сохранить файл").await;
    let notice = wait_testid(c, "partners-export-saved").await;
    let saved = PathBuf::from(
        notice
            .attr("data-path")
            .await
            .expect("the notice's path")
            .expect("a path"),
    );
    assert_eq!(
        saved.parent(),
        Some(folder.path()),
        "saved in the last folder"
    );
    let name = saved
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    assert!(
        name.starts_with("partners-") && name.ends_with(".xlsx"),
        "{name}"
    );
    let text = notice.text().await.expect("the notice's text");
    assert!(text.contains(name), "{text}");
    app.screenshot("partners-export.png").await;

    let bytes = std::fs::read(&saved).expect("the exported file");
    let mut workbook = Xlsx::new(Cursor::new(bytes)).expect("an xlsx workbook");
    let range = workbook
        .worksheet_range("Партнёры")
        .expect("the sheet Партнёры");
    let cell = |row: usize, column: usize| match range.get_value((row as u32, column as u32)) {
        Some(Data::String(text)) => text.clone(),
        other => format!("{other:?}"),
    };
    let headers: Vec<String> = (0..8).map(|column| cell(0, column)).collect();
    assert_eq!(
        headers,
        [
            "ID",
            "Наименование",
            "Программа",
            "Тип",
            "ИНН",
            "Код",
            "Статус",
            "Клиентов"
        ]
    );
    let rows: Vec<Vec<String>> = (1..range.height())
        .map(|row| vec![cell(row, 0), cell(row, 1)])
        .collect();
    assert_eq!(rows, expected, "the table's partners, in its order");
    for row in 1..range.height() {
        assert!(cell(row, 2).starts_with("Битрикс24"), "{}", cell(row, 2));
    }
    app.close().await;
}
