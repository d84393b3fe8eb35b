//! The window opens where the person left it: its place and size are kept in their own
//! settings once a resize or move has rested for half a second, and on closing; restored
//! on start.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use partnerbook_core::user_settings::WindowPlace;
use tauri::{Manager, PhysicalPosition, PhysicalSize, Runtime, WebviewWindow, Window, WindowEvent};

use crate::state::AppState;

/// Resizes and moves so far: a save waits until no later one came.
static MOVES: AtomicU64 = AtomicU64::new(0);

/// A window smaller than this is not restored (a place kept from a broken session).
const SMALLEST: (u32, u32) = (400, 300);

/// Puts the window where the settings say it was.
pub fn restore<R: Runtime>(window: &WebviewWindow<R>) {
    let Some(place) = window.state::<AppState>().settings().window else {
        return;
    };
    if place.width < SMALLEST.0 || place.height < SMALLEST.1 {
        return;
    }
    let sized = window.set_size(PhysicalSize::new(place.width, place.height));
    let placed = window.set_position(PhysicalPosition::new(place.x, place.y));
    if let Err(e) = sized.and(placed) {
        eprintln!("Partnerbook: the window's last place: {e}");
    }
}

fn save<R: Runtime>(window: &Window<R>) {
    let (Ok(size), Ok(at)) = (window.inner_size(), window.outer_position()) else {
        return;
    };
    if window.is_minimized().unwrap_or(false) || size.width < SMALLEST.0 || size.height < SMALLEST.1
    {
        return;
    }
    let place = WindowPlace {
        x: at.x,
        y: at.y,
        width: size.width,
        height: size.height,
    };
    let state = window.state::<AppState>();
    if state.settings().window == Some(place) {
        return;
    }
    if let Err(e) = state.change_settings(|s| s.window = Some(place)) {
        eprintln!("Partnerbook: {}", e.message);
    }
}

/// Keeps the window's place: after a resize or move has rested, and on closing.
pub fn on_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    match event {
        WindowEvent::Resized(_) | WindowEvent::Moved(_) => {
            let mine = MOVES.fetch_add(1, Ordering::SeqCst) + 1;
            let window = window.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(500));
                if MOVES.load(Ordering::SeqCst) == mine {
                    save(&window);
                }
            });
        }
        WindowEvent::CloseRequested { .. } => save(window),
        _ => {}
    }
}
