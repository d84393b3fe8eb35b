//! The app's native file dialogs (GTK, drawn by the app itself, out of WebDriver's reach),
//! answered as a person does at the keyboard: `xdotool` (Debian's `xdotool`) finds the
//! dialog's window by its title, gives it the keyboard focus, and presses keys through
//! XTEST, which GTK takes for real key presses.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::ui::WAIT;

/// `xdotool ARGS…`: its stdout, or the failure said plainly.
fn xdotool(args: &[&str]) -> Result<String, String> {
    let out = Command::new("xdotool").args(args).output().map_err(|e| {
        format!("xdotool cannot run ({e}): `apt-get install xdotool` (scripts/setup.sh does)")
    })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    } else {
        Err(format!(
            "xdotool {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Waits for a window titled `title` (the save dialog: «Сохранить файл») and answers it
/// with Enter: the dialog saves under the name it suggests, in the folder it opened in.
pub async fn press_enter_in(title: &str) {
    let started = Instant::now();
    let window = loop {
        match xdotool(&["search", "--onlyvisible", "--name", title]) {
            Ok(found) if !found.is_empty() => {
                break found.lines().last().unwrap_or_default().to_owned();
            }
            Err(e) if e.contains("cannot run") => panic!("{e}"),
            _ => {}
        }
        assert!(
            started.elapsed() < WAIT,
            "no window «{title}» within {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // The dialog lays out its name field a moment after it is mapped.
    tokio::time::sleep(Duration::from_millis(700)).await;
    xdotool(&["windowfocus", "--sync", &window]).unwrap_or_else(|e| panic!("{e}"));
    xdotool(&["key", "--clearmodifiers", "Return"]).unwrap_or_else(|e| panic!("{e}"));
}
