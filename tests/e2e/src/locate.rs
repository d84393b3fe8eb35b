//! Where the harness finds what it runs: the app binary, `tauri-driver`,
//! `WebKitWebDriver`, the fixtures, and where it writes screenshots and logs.

use std::path::{Path, PathBuf};

/// `PARTNERBOOK_APP` or `<target>/debug/partnerbook-app`.
pub const APP_ENV: &str = "PARTNERBOOK_APP";
/// `TAURI_DRIVER` or `$CARGO_HOME/bin/tauri-driver` (`~/.cargo/bin/tauri-driver`).
pub const DRIVER_ENV: &str = "TAURI_DRIVER";
/// `WEBKIT_WEBDRIVER` or `/usr/bin/WebKitWebDriver` (Debian's `webkit2gtk-driver`).
pub const NATIVE_DRIVER_ENV: &str = "WEBKIT_WEBDRIVER";

/// The profile folder this test binary was built into (`<target>/debug`): the test
/// runs from `<target>/debug/deps/`.
pub fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .expect("the test binary lives in <target>/<profile>/deps")
}

/// `<target>/e2e`: screenshots and the driver's logs.
pub fn output_dir() -> PathBuf {
    let dir = profile_dir()
        .parent()
        .map(|target| target.join("e2e"))
        .expect("the profile folder is inside the target folder");
    std::fs::create_dir_all(&dir).expect("create <target>/e2e");
    dir
}

pub fn app_binary() -> PathBuf {
    let path = std::env::var_os(APP_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| profile_dir().join("partnerbook-app"));
    assert!(
        path.is_file(),
        "the app binary {} is missing: build it with `cargo build -p partnerbook-app` \
         (after `npm --prefix ui ci && npm --prefix ui run build`), or set {APP_ENV}",
        path.display()
    );
    path
}

pub fn tauri_driver() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default();
    let path = std::env::var_os(DRIVER_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| cargo_home.join("bin/tauri-driver"));
    assert!(
        path.is_file(),
        "tauri-driver is missing at {}: install it with `cargo install tauri-driver --locked` \
         (scripts/setup.sh does), or set {DRIVER_ENV}",
        path.display()
    );
    path
}

pub fn native_driver() -> PathBuf {
    let path = std::env::var_os(NATIVE_DRIVER_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/WebKitWebDriver"));
    assert!(
        path.is_file(),
        "WebKitWebDriver is missing at {}: `apt-get install webkit2gtk-driver` \
         (scripts/setup.sh does), or set {NATIVE_DRIVER_ENV}",
        path.display()
    );
    path
}

/// A file under `tests/fixtures/`, as an absolute path.
pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name);
    let path = path
        .canonicalize()
        .unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()));
    assert!(path.is_file(), "fixture {} is not a file", path.display());
    path
}

/// Fails unless there is an X display for the window (run under `xvfb-run -a`).
pub fn require_display() {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    assert!(
        !display.is_empty(),
        "no X display (DISPLAY is not set): run the end-to-end tests under `xvfb-run -a`"
    );
}
