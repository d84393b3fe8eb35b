//! A book on a PostgreSQL server, opened from Настройки by its URL: the connection is
//! tested first (a database that is not there is refused, in Russian; the right one says
//! how many partners it holds), then the app works on it — several screens and an import,
//! every command reaching the server where blocking is allowed (the sync client panics
//! inside an async context) — the settings say its backups are the server's, and partners
//! another desk adds show when the window comes back, without opening the screen again.
//!
//! The server: `PARTNERBOOK_TEST_POSTGRES`, else a throwaway cluster (`scripts/pg.sh`).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use fantoccini::{Client, Locator};
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::import::ImportKind;
use partnerbook_core::partners::PartnerInput;
use partnerbook_core::store::Book;
use partnerbook_e2e::books::imported;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::postgres::Server;
use partnerbook_e2e::ui::{
    check_import, open_section, search_partners, table_rows, testid, wait_partner_rows,
    wait_testid, wait_until, TABLE_ROW,
};
use partnerbook_e2e::App;
use serde_json::json;

/// Imports fixtures into the book at a server's URL as another desk would: through the
/// core, on a blocking thread (the sync `postgres` client cannot run on this test's
/// async runtime either).
async fn import_elsewhere(url: &str, files: &'static [(ImportKind, &'static str)]) {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || imported(Path::new(&url), day(), files))
        .await
        .expect("imported into the server book");
}

/// Adds the partner `id` called `name` to the book at a server's URL, as another desk's
/// form would.
async fn partner_elsewhere(url: &str, id: &'static str, name: &'static str) {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut book = Book::open(Path::new(&url)).expect("the server book");
        let input = PartnerInput {
            partner_id: Some(id.into()),
            program: Some("tele2-ats".into()),
            name: Some(name.into()),
            kind: Some("ooo".into()),
            inn: Some("7710140679".into()),
            kpp: Some("773401001".into()),
            registered: Some("2026-01-01".into()),
            ..PartnerInput::default()
        };
        let actor = Actor::new("другой стол", day().and_hms_opt(10, 0, 0).expect("a time"));
        api::create_partner(&mut book, &actor, input).expect("a partner added");
    })
    .await
    .expect("added to the server book");
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).expect("a day")
}

async fn text_of(c: &Client, id: &str) -> String {
    wait_testid(c, id)
        .await
        .text()
        .await
        .unwrap_or_else(|e| panic!("the text of {id}: {e}"))
}

async fn attr_of(c: &Client, id: &str, attr: &str) -> Option<String> {
    wait_testid(c, id)
        .await
        .attr(attr)
        .await
        .unwrap_or_else(|e| panic!("{attr} of {id}: {e}"))
}

async fn click(c: &Client, id: &str) {
    wait_testid(c, id)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {id}: {e}"));
}

async fn type_url(c: &Client, url: &str) {
    let field = wait_testid(c, "book-url").await;
    field.clear().await.expect("clear the URL");
    field.send_keys(url).await.expect("type the URL");
}

#[tokio::test]
async fn a_book_on_a_server_is_opened_from_the_settings_and_worked_on() {
    let mut server = Server::start("server_book");
    let url = server.new_database("server_book");
    import_elsewhere(&url, &[(ImportKind::Partners, "partners_ok.csv")]).await;

    let app = App::start("server_book").await;
    let c = &app.client;
    let file = app.book().display().to_string();

    open_section(c, "settings").await;
    assert_eq!(text_of(c, "settings-book").await, file);
    assert_eq!(
        attr_of(c, "settings-backups", "data-kind").await.as_deref(),
        Some("files"),
        "a file book lists its copies"
    );
    click(c, "book-open-server").await;
    wait_testid(c, "open-book-dialog").await;

    // A database the server does not have: refused, the reason in Russian.
    type_url(c, &server.url_of("pb_e2e_no_such_book")).await;
    click(c, "book-probe").await;
    let refused = text_of(c, "book-open-error").await;
    assert!(
        refused.contains("Не удалось подключиться к книге на сервере")
            && refused.contains("на сервере нет такой базы данных"),
        "{refused}"
    );

    // The right one: the connection says what the book holds; the open book stays.
    type_url(c, &url).await;
    click(c, "book-probe").await;
    let probed = text_of(c, "book-probe-ok").await;
    assert!(
        probed.contains(&url) && probed.contains("Партнёров: 6,"),
        "{probed}"
    );
    assert_eq!(text_of(c, "settings-book").await, file);
    let shot = app.screenshot("server-book-dialog.png").await;
    eprintln!("screenshot: {}", shot.display());

    click(c, "book-open-submit").await;
    wait_until("the settings to name the server book", || async {
        c.find(Locator::Css(&testid("open-book-dialog")))
            .await
            .is_err()
            && attr_of(c, "settings-book", "data-kind").await.as_deref() == Some("server")
    })
    .await;
    assert_eq!(text_of(c, "settings-book").await, url);
    wait_until("the backups to be the server's", || async {
        attr_of(c, "settings-backups", "data-kind").await.as_deref() == Some("server")
    })
    .await;
    let backups = text_of(c, "settings-backups").await;
    assert!(
        backups.contains("копирует сам сервер") && backups.contains("pg_dump"),
        "{backups}"
    );
    let shot = app.screenshot("server-book-settings.png").await;
    eprintln!("screenshot: {}", shot.display());

    let info = invoke(c, "app_info", json!({})).await.expect("app_info");
    assert_eq!(
        info["book"],
        json!({ "kind": "server", "url": url }),
        "{info}"
    );

    // Screens, each read from the server book.
    wait_partner_rows(c, "ООО «Альфа»").await;
    open_section(c, "overview").await;
    wait_until("Сводка to load", || async {
        !text_of(c, "overview-as-of").await.trim().is_empty()
    })
    .await;
    open_section(c, "programs").await;
    wait_testid(c, "program-bitrix24").await;
    open_section(c, "accruals").await;
    wait_testid(c, "balances-table").await;
    open_section(c, "acts").await;
    wait_until("the acts table to count", || async {
        text_of(c, "acts-found").await.contains('0')
    })
    .await;

    // An import through the app, into the server book.
    check_import(c, "clients", "clients_ok.csv").await;
    let commit = wait_testid(c, "import-commit").await;
    wait_until("commit to become possible", || async {
        commit.is_enabled().await.unwrap_or(false)
    })
    .await;
    commit.click().await.expect("click commit");
    let summary = text_of(c, "import-summary").await;
    assert!(summary.contains("Загружено в книгу"), "{summary}");
    open_section(c, "clients").await;
    wait_until("the imported clients in the clients table", || async {
        table_rows(c)
            .await
            .iter()
            .any(|row| row.contains("ООО «Клиент Один»"))
    })
    .await;

    // Another desk adds partners; the window coming back shows them, the screen not
    // opened again.
    let before = search_partners(c, "").await;
    assert_eq!(before.len(), 6, "{before:?}");
    partner_elsewhere(&url, "P-10", "ООО «Северный ветер»").await;
    let added = || async {
        table_rows(c)
            .await
            .iter()
            .any(|row| row.contains("ООО «Северный ветер»"))
    };
    c.execute("window.dispatchEvent(new Event('focus'))", vec![])
        .await
        .expect("the window gets the focus back");
    // Well before the 30 s that would bring it anyway.
    let started = Instant::now();
    while !added().await {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the other desk's partner is not in the table 5 s after the focus came back: {:?}",
            table_rows(c).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        c.find_all(Locator::Css(TABLE_ROW))
            .await
            .expect("the rows")
            .len(),
        7
    );
    let shot = app.screenshot("server-book-partners.png").await;
    eprintln!("screenshot: {}", shot.display());

    // The dialog offers both books, the server's first and open.
    open_section(c, "settings").await;
    click(c, "book-open-server").await;
    let recent = text_of(c, "recent-books").await;
    let (server_at, file_at) = (
        recent.find(&url).expect("the server book among the recent"),
        recent.find(&file).expect("the file book among the recent"),
    );
    assert!(server_at < file_at, "{recent}");
    assert!(recent.contains("открыта сейчас"), "{recent}");

    app.close().await;
    drop(server);
}
