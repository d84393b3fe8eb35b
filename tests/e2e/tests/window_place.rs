//! The window opens where the person left it: the place and size their settings keep are
//! the window's when the app starts, and a window moved and resized is kept again (after
//! it rests for half a second).

use std::path::PathBuf;

use partnerbook_core::user_settings::{UserSettings, WindowPlace};
use partnerbook_e2e::app::user_settings_file;
use partnerbook_e2e::ui::wait_until;
use partnerbook_e2e::App;
use serde_json::Value;

/// How far the window manager (or its absence under Xvfb) may move or pad a window.
const SLACK: i64 = 60;

fn near(got: i64, want: i64) -> bool {
    (got - want).abs() <= SLACK
}

/// The place the settings file keeps now, if any.
fn kept(settings: &PathBuf) -> Option<(i64, i64, i64, i64)> {
    let text = std::fs::read_to_string(settings).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    let w = &json["window"];
    Some((
        w["x"].as_i64()?,
        w["y"].as_i64()?,
        w["width"].as_i64()?,
        w["height"].as_i64()?,
    ))
}

#[tokio::test]
async fn the_window_opens_where_it_was_left_and_a_new_place_is_kept() {
    let mut settings = PathBuf::new();
    let app = App::start_with("window_place", |path| {
        settings = user_settings_file(path);
        let left = UserSettings {
            window: Some(WindowPlace {
                x: 40,
                y: 30,
                width: 1200,
                height: 700,
            }),
            ..UserSettings::default()
        };
        left.save(&settings)
            .expect("the settings with the window's place");
    })
    .await;
    let c = &app.client;

    // Not the default 1366×768 of tauri.conf.json (centred): the place kept (above the
    // smallest size the window allows, 1100×680).
    wait_until("the window to open at its kept place and size", || async {
        c.get_window_rect().await.is_ok_and(|(x, y, w, h)| {
            near(x as i64, 40) && near(y as i64, 30) && near(w as i64, 1200) && near(h as i64, 700)
        })
    })
    .await;

    c.set_window_rect(120, 90, 1280, 740)
        .await
        .expect("the window moved and resized");
    wait_until("the new place to be kept in the settings", || async {
        kept(&settings).is_some_and(|(x, y, w, h)| {
            near(x, 120) && near(y, 90) && near(w, 1280) && near(h, 740)
        })
    })
    .await;
    app.close().await;
}
