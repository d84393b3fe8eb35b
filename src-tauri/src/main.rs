//! Partnerbook desktop: a Tauri window over the web UI (`ui/dist`) and a thin set of
//! commands over `partnerbook-core`. The shell reads the clock and the OS user; the
//! core never does.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod book_location;
mod commands;
mod error;
mod file_dialog;
mod state;
mod user;
mod window_place;

use book_location::StartBook;
use partnerbook_core::user_settings::{user_settings_path, UserSettings};
use state::AppState;
use tauri::Manager;

fn main() {
    let settings = user_settings_path(|k| std::env::var(k).ok());
    let start = book_location::start_book(
        std::env::args().skip(1),
        std::env::var(book_location::BOOK_ENV).ok(),
        &UserSettings::of_file(&settings).recent_books,
        book_location::default_book(),
    );
    // The book opened, and the location to put first among the recent books.
    let (state, opened) = match start {
        StartBook::Asked(location) => (started(&location, settings), Some(location)),
        StartBook::Last(location) => match AppState::open(&location, settings.clone()) {
            Ok(state) => (state, Some(location)),
            // Its server down, say: the default file instead, and the first screen says so;
            // the last book stays first among the recent ones, for the next start.
            Err(e) => {
                let default = book_location::default_book().display().to_string();
                let state = started(&default, settings);
                state.fell_back_from(&location, &e);
                (state, None)
            }
        },
        StartBook::Default(path) => {
            let location = path.display().to_string();
            (started(&location, settings), Some(location))
        }
    };
    // Among the recent books, to come back to after opening another; a settings file that
    // cannot be written stops nothing here (the next change of the settings says why).
    if let Some(Err(e)) = opened.map(|location| state.remember_book(&location)) {
        eprintln!("{}", e.message);
    }
    let app = tauri::Builder::default()
        .manage(state)
        .setup(|app| {
            app.state::<AppState>().attach(app.handle().clone());
            if let Some(window) = app.get_webview_window("main") {
                window_place::restore(&window);
            }
            Ok(())
        })
        .on_window_event(window_place::on_event)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::set_lang,
            commands::app::programs,
            commands::books::book_probe,
            commands::books::book_open,
            commands::books::recent_books,
            commands::books::pick_book_file,
            commands::books::book_backups,
            commands::books::book_backup_now,
            commands::books::book_restore,
            commands::partners::partners_page,
            commands::partners::partner_card,
            commands::partners::partner_create,
            commands::partners::partner_update,
            commands::clients::clients_page,
            commands::clients::client_card,
            commands::discounts::discount_history,
            commands::discounts::invited_clients,
            commands::discounts::client_discounts,
            commands::discounts::discount_schedule,
            commands::import::pick_import_file,
            commands::import::import_preview,
            commands::import::import_check,
            commands::import::import_commit,
            commands::import::import_cancel,
            commands::import::import_history,
            commands::ledger::balances,
            commands::ledger::balances_table,
            commands::ledger::partner_ledger,
            commands::ledger::unearned_page,
            commands::ledger::monthly_accruals,
            commands::ledger::annul_for_breach,
            commands::ledger::adjust_balance,
            commands::programs::program_versions,
            commands::programs::program_add_version,
            commands::programs::whatif,
            commands::programs::whatif_apply,
            commands::settings::vendor_get,
            commands::settings::vendor_set,
            commands::acts::convert_balance,
            commands::acts::act_step,
            commands::acts::acts_page,
            commands::acts::act_preview,
            commands::acts::payout_register,
            commands::acts::deadlines,
            commands::acts::ready_balances,
            commands::acts::overview,
            commands::acts::acts_batch,
            commands::acts::acts_batch_cancel,
            commands::statement::pick_statement_file,
            commands::statement::statement_preview,
            commands::statement::statement_apply,
            commands::signed_acts::pick_signed_package,
            commands::signed_acts::import_signed_package,
            commands::signed_acts::save_signed_act,
            commands::documents::save_act,
            commands::documents::save_register,
            commands::documents::save_statement,
            commands::documents::export_table,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = app {
        error::report_fatal(&format!("Partnerbook: {e}"));
        std::process::exit(1);
    }
}

/// The app on the book at `location`, or its last words on why not.
fn started(location: &str, settings: std::path::PathBuf) -> AppState {
    AppState::open(location, settings).unwrap_or_else(|e| {
        error::report_fatal(&AppState::not_opened(location, &e));
        std::process::exit(1);
    })
}
