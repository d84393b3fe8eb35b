//! The bank's statement on «Акты и выплаты»: pick the file (the native dialog), preview
//! what it pays, already paid and does not match, then mark the acts paid (after a backup
//! of the book, in one transaction).

use partnerbook_core::acts::StatementReport;
use partnerbook_core::api;
use partnerbook_core::{ErrorDto, Text};
use tauri::{AppHandle, State};

use crate::file_dialog::{self, Opening};
use crate::state::AppState;

/// The native open dialog for a statement, starting in the last folder used; `None` when
/// cancelled.
#[tauri::command]
pub async fn pick_statement_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorDto> {
    file_dialog::pick_in_last_folder(&app, &state, Opening::Statement).await
}

/// What the statement at `path` would mark paid, what was paid before and which debits
/// match no act; the book is not changed.
#[tauri::command]
pub async fn statement_preview(
    state: State<'_, AppState>,
    path: String,
) -> Result<StatementReport, ErrorDto> {
    state
        .read(move |book, lang| {
            let bytes = std::fs::read(path.trim())?;
            api::statement_preview(book, &bytes, lang)
        })
        .await
}

/// Marks paid every act the statement at `path` pays, after a backup of the book.
#[tauri::command]
pub async fn statement_apply(
    state: State<'_, AppState>,
    path: String,
) -> Result<StatementReport, ErrorDto> {
    state
        .change(
            Text::new(
                "проводит банковскую выписку",
                "is applying a bank statement",
            ),
            move |book, actor, lang| {
                let bytes = std::fs::read(path.trim())?;
                api::statement_apply(book, &bytes, actor, lang)
            },
        )
        .await
}
