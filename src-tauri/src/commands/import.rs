//! Importing partners and clients: pick a file, check it, commit it, cancel, history.
//! A check or a commit runs on a blocking thread, reports `import-progress` events
//! and stops when `import_cancel` is called (the core then changes nothing).

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use partnerbook_core::import::{
    import_history as load_import_history, run_import, ImportKind, ImportOptions, ImportProgress,
    ImportRecord, ImportReport,
};
use partnerbook_core::{ErrorDto, Lang};
use tauri::{AppHandle, Emitter, State};

use crate::book_settings::{self, LAST_FOLDER};
use crate::error::{shell_error, to_dto};
use crate::file_dialog;
use crate::state::{lock, AppState};

/// The event the UI listens to while an import runs; its payload is `ImportProgress`.
pub const PROGRESS_EVENT: &str = "import-progress";

/// The native open dialog, starting in the last folder used; `None` when cancelled.
#[tauri::command]
pub async fn pick_import_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorDto> {
    let (folder, lang) =
        state.read(|book, lang| Ok((book_settings::get(book.db(), LAST_FOLDER)?, lang)))?;
    let picked = file_dialog::pick_spreadsheet(&app, folder.map(PathBuf::from), lang).await?;
    let Some(path) = picked else { return Ok(None) };
    if let Some(dir) = path.parent().and_then(Path::to_str) {
        state.change(|book, _, _| book_settings::set(book.db(), LAST_FOLDER, dir))?;
    }
    Ok(Some(path.display().to_string()))
}

/// Reads and checks the file without changing the book.
#[tauri::command]
pub async fn import_check(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
) -> Result<ImportReport, ErrorDto> {
    run(app, &state, kind, path, true).await
}

/// Imports the file: all of it in one transaction, or nothing when a row is wrong.
#[tauri::command]
pub async fn import_commit(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
) -> Result<ImportReport, ErrorDto> {
    run(app, &state, kind, path, false).await
}

#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) -> Result<(), ErrorDto> {
    state.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command(async)]
pub fn import_history(state: State<'_, AppState>) -> Result<Vec<ImportRecord>, ErrorDto> {
    state.read(|book, _| load_import_history(book.db()))
}

async fn run(
    app: AppHandle,
    state: &AppState,
    kind: ImportKind,
    path: String,
    dry_run: bool,
) -> Result<ImportReport, ErrorDto> {
    let book = state.shared_book();
    let cancel = state.cancel.clone();
    cancel.store(false, Ordering::SeqCst);
    let task = tauri::async_runtime::spawn_blocking(move || {
        let mut book = lock(&book);
        let lang = book_settings::lang(book.db());
        let actor = book_settings::actor(book.db());
        let options = ImportOptions {
            kind,
            path: PathBuf::from(path),
            sheet: None,
            dry_run,
            lang,
        };
        let mut progress = |p: ImportProgress| -> bool {
            // A window that is gone cannot listen; the import goes on regardless.
            let _ = app.emit(PROGRESS_EVENT, p);
            !cancel.load(Ordering::SeqCst)
        };
        run_import(&mut book, &options, &actor, &mut progress).map_err(|e| to_dto(e, lang))
    });
    match task.await {
        Ok(report) => report,
        Err(e) => Err(shell_error(
            "import_failed",
            format!("Импорт прервался: {e}"),
            format!("The import stopped unexpectedly: {e}"),
            Lang::default(),
        )),
    }
}
