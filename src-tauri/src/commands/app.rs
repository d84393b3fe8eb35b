//! What the app is and speaks: version, book, language, operator; the programs.

use partnerbook_core::api;
use partnerbook_core::programs::ProgramSummary;
use partnerbook_core::{ErrorDto, Lang};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::book_location::{BookLocation, StartFallback};
use crate::state::AppState;
use crate::user;

/// What the status bar and the settings screen show about the running app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// Where the open book is: its file, or its server.
    pub book: BookLocation,
    pub lang: Lang,
    pub operator: String,
    /// The book is open to be read only (a file the person may not write, a server role
    /// that may only read): every change is refused, the window says so.
    pub read_only: bool,
    /// The last book used, when it did not open as the app started (the default file was
    /// opened instead), and why; until another book is opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fallback: Option<StartFallback>,
}

impl AppInfo {
    pub fn of(state: &AppState) -> AppInfo {
        let settings = state.settings();
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            book: state.location(),
            lang: user::lang(&settings),
            operator: user::operator(&settings),
            read_only: state.read_only(),
            fallback: state.fallback(),
        }
    }
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorDto> {
    Ok(AppInfo::of(&state))
}

#[tauri::command]
pub async fn set_lang(state: State<'_, AppState>, lang: Lang) -> Result<(), ErrorDto> {
    state.change_settings(|s| s.lang = Some(lang))
}

#[tauri::command]
pub async fn programs(state: State<'_, AppState>) -> Result<Vec<ProgramSummary>, ErrorDto> {
    state.read(move |book, _| api::programs(book)).await
}
