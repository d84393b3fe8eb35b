//! The bank's statement on «Акты и выплаты»: pick the file (the native dialog), preview
//! what it pays, already paid and does not match, then mark the acts paid (after a backup
//! of the book, in one transaction).

use std::path::{Path, PathBuf};

use partnerbook_core::acts::{
    statement_apply as apply_statement, statement_preview as preview_statement, StatementReport,
};
use partnerbook_core::ErrorDto;
use tauri::{AppHandle, State};

use crate::book_settings::{self, LAST_FOLDER};
use crate::file_dialog;
use crate::state::AppState;

/// The native open dialog for a statement, starting in the last folder used; `None` when
/// cancelled.
#[tauri::command]
pub async fn pick_statement_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorDto> {
    let (folder, lang) =
        state.read(|book, lang| Ok((book_settings::get(book.db(), LAST_FOLDER)?, lang)))?;
    let picked = file_dialog::pick_statement(&app, folder.map(PathBuf::from), lang).await?;
    let Some(path) = picked else { return Ok(None) };
    if let Some(dir) = path.parent().and_then(Path::to_str) {
        state.change(|book, _, _| book_settings::set(book.db(), LAST_FOLDER, dir))?;
    }
    Ok(Some(path.display().to_string()))
}

/// What the statement at `path` would mark paid, what was paid before and which debits
/// match no act; the book is not changed.
#[tauri::command(async)]
pub fn statement_preview(
    state: State<'_, AppState>,
    path: String,
) -> Result<StatementReport, ErrorDto> {
    state.read(|book, lang| {
        let bytes = std::fs::read(path.trim())?;
        preview_statement(book.db(), &bytes, lang)
    })
}

/// Marks paid every act the statement at `path` pays, after a backup of the book.
#[tauri::command(async)]
pub fn statement_apply(
    state: State<'_, AppState>,
    path: String,
) -> Result<StatementReport, ErrorDto> {
    state.change(|book, actor, lang| {
        let bytes = std::fs::read(path.trim())?;
        apply_statement(book, &bytes, actor, lang)
    })
}
