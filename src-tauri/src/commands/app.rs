//! What the app is and speaks: version, book, language, operator; the programs.

use partnerbook_core::programs::{load_programs, ProgramSummary};
use partnerbook_core::{ErrorDto, Lang};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::state::AppState;
use crate::user;

/// What the status bar and the settings screen show about the running app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub book_path: String,
    pub lang: Lang,
    pub operator: String,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorDto> {
    state.read(|_, lang| {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            book_path: state.book_path().display().to_string(),
            lang,
            operator: user::operator(&state.settings()),
        })
    })
}

#[tauri::command(async)]
pub fn set_lang(state: State<'_, AppState>, lang: Lang) -> Result<(), ErrorDto> {
    state.change_settings(|s| s.lang = Some(lang))
}

#[tauri::command(async)]
pub fn programs(state: State<'_, AppState>) -> Result<Vec<ProgramSummary>, ErrorDto> {
    state.read(|book, _| load_programs(book.db()))
}
