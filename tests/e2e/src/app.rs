//! One running app: a fresh temporary book, the driver, and a WebDriver session on
//! the app's window.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};
use tempfile::TempDir;

use crate::driver::Driver;
use crate::locate;

/// The variable the app reads its book path from.
pub const BOOK_ENV: &str = "PARTNERBOOK_BOOK";

/// The person's settings file of the app started on the book at `book` (its language, its
/// last folder), for a test to prepare before the app starts.
pub fn user_settings_file(book: &std::path::Path) -> std::path::PathBuf {
    partnerbook_core::user_settings::user_settings_path(|k| {
        (k == "XDG_CONFIG_HOME").then(|| book.with_file_name("config").display().to_string())
    })
}

/// How long the window gets to show its first page.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);

pub struct App {
    pub client: Client,
    book: PathBuf,
    // Dropped after `client`: the driver goes down, then the book's folder.
    driver: Driver,
    _book_dir: TempDir,
}

impl App {
    /// Starts the app on a new, empty book. `name` names the driver's log file
    /// (`target/e2e/<name>.log`).
    pub async fn start(name: &str) -> App {
        App::start_with(name, |_| {}).await
    }

    /// Starts the app on a book that `prepare` fills first (given the book's path).
    pub async fn start_with(name: &str, prepare: impl FnOnce(&Path)) -> App {
        let app_binary = locate::app_binary();
        let book_dir = tempfile::Builder::new()
            .prefix("partnerbook-e2e-")
            .tempdir()
            .expect("a temporary folder for the book");
        let book = book_dir.path().join("book.sqlite");
        prepare(&book);
        // The person's own settings (language, last folder) in a config of this run's own.
        let config = book_dir.path().join("config");
        let driver = Driver::start(
            name,
            &[
                (BOOK_ENV, book.as_path()),
                ("XDG_CONFIG_HOME", config.as_path()),
            ],
        );
        let client = tokio::time::timeout(SESSION_TIMEOUT, connect(&driver, &app_binary))
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "no WebDriver session within {SESSION_TIMEOUT:?}\n{}",
                    driver.log_tail()
                )
            })
            .unwrap_or_else(|e| {
                panic!(
                    "cannot open a WebDriver session: {e}\n{}",
                    driver.log_tail()
                )
            });
        App {
            client,
            book,
            driver,
            _book_dir: book_dir,
        }
    }

    /// The book file this app was started on.
    pub fn book(&self) -> &Path {
        &self.book
    }

    /// What the driver, WebKitWebDriver and the app have logged, for a failure message.
    pub fn log_tail(&self) -> String {
        self.driver.log_tail()
    }

    /// Writes a PNG of the window to `<target>/e2e/<file>` and returns its path.
    pub async fn screenshot(&self, file: &str) -> PathBuf {
        let png = self
            .client
            .screenshot()
            .await
            .expect("a screenshot of the window");
        let path = locate::output_dir().join(file);
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// Ends the session (the window closes); the driver stops when `self` drops.
    pub async fn close(self) {
        let App { client, driver, .. } = self;
        if let Err(e) = client.close().await {
            eprintln!("closing the session: {e}\n{}", driver.log_tail());
        }
    }
}

async fn connect(
    driver: &Driver,
    app_binary: &Path,
) -> Result<Client, fantoccini::error::NewSessionError> {
    let mut capabilities = Map::new();
    capabilities.insert("browserName".into(), json!("wry"));
    capabilities.insert(
        "tauri:options".into(),
        json!({ "application": app_binary, "args": Value::Array(vec![]) }),
    );
    ClientBuilder::native()
        .capabilities(capabilities)
        .connect(&driver.url())
        .await
}
