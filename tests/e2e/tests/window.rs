//! Smoke: the real window opens on a fresh book and shows the app's page.

use partnerbook_e2e::App;

#[tokio::test]
async fn window_opens() {
    let app = App::start("window_opens").await;
    let title = app.client.title().await.expect("the page title");
    assert_eq!(title, "Partnerbook", "page title\n{}", app.log_tail());
    assert!(
        app.book().exists(),
        "the app created its book at {}",
        app.book().display()
    );
    app.close().await;
}
