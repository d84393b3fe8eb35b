//! The end-to-end harness: starts `tauri-driver` (which starts `WebKitWebDriver`,
//! which starts the real `partnerbook-app` window) on a fresh temporary book, and
//! drives the window through WebDriver with `fantoccini`.
//!
//! Nothing here skips: a missing display, driver or app binary fails the test with
//! what to do about it. Run under `xvfb-run -a`, one test at a time, by name (they are
//! `test = false`): `xvfb-run -a cargo test -p partnerbook-e2e --test '*' -- --test-threads=1`.

pub mod app;
pub mod books;
pub mod driver;
pub mod ipc;
pub mod locate;
pub mod native_dialog;
pub mod postgres;
pub mod ui;

pub use app::App;
