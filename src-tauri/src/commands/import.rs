//! Importing partners, clients and billing: pick a file, preview it, check it, commit
//! it, cancel, history. A check or a commit runs on a blocking thread, reports
//! `import-progress` events and stops when `import_cancel` is called (the core then
//! changes nothing).

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use partnerbook_core::api;
use partnerbook_core::import::{
    preview_import, ImportKind, ImportOptions, ImportPreview, ImportProgress, ImportRecord,
    ImportReport,
};
use partnerbook_core::{ErrorDto, Text};
use tauri::{AppHandle, Emitter, State};

use crate::error::{shell_error, to_dto};
use crate::file_dialog::{self, Opening};
use crate::state::AppState;

/// The event the UI listens to while an import runs; its payload is `ImportProgress`.
pub const PROGRESS_EVENT: &str = "import-progress";

/// Data rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// What the options of a check or a commit say besides the kind and the file.
struct Extra {
    /// The sheet of an `.xlsx` workbook (the first when none).
    sheet: Option<String>,
    /// Billing: the program of rows whose file has no program column.
    program: Option<String>,
}

fn given(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// The native open dialog, starting in the last folder used; `None` when cancelled.
#[tauri::command]
pub async fn pick_import_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorDto> {
    file_dialog::pick_in_last_folder(&app, &state, Opening::Spreadsheet).await
}

/// The file's header matched against the kind's columns and its first rows; reads
/// nothing else and changes nothing.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    sheet: Option<String>,
) -> Result<ImportPreview, ErrorDto> {
    let lang = state.lang();
    let task = tauri::async_runtime::spawn_blocking(move || {
        preview_import(
            Path::new(path.trim()),
            given(sheet).as_deref(),
            kind,
            PREVIEW_ROWS,
        )
        .map_err(|e| to_dto(e, lang))
    });
    match task.await {
        Ok(preview) => preview,
        Err(e) => Err(shell_error(
            "preview_failed",
            format!("Просмотр файла прервался: {e}"),
            format!("The preview stopped unexpectedly: {e}"),
            lang,
        )),
    }
}

/// Reads and checks the file without changing the book.
#[tauri::command]
pub async fn import_check(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    sheet: Option<String>,
    program: Option<String>,
) -> Result<ImportReport, ErrorDto> {
    let extra = Extra {
        sheet: given(sheet),
        program: given(program),
    };
    run(app, &state, kind, path, extra, true).await
}

/// Imports the file: all of it in one transaction, or nothing when a row is wrong.
#[tauri::command]
pub async fn import_commit(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    sheet: Option<String>,
    program: Option<String>,
) -> Result<ImportReport, ErrorDto> {
    let extra = Extra {
        sheet: given(sheet),
        program: given(program),
    };
    run(app, &state, kind, path, extra, false).await
}

#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) -> Result<(), ErrorDto> {
    state.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
pub async fn import_history(state: State<'_, AppState>) -> Result<Vec<ImportRecord>, ErrorDto> {
    state.read(move |book, _| api::import_history(book)).await
}

async fn run(
    app: AppHandle,
    state: &AppState,
    kind: ImportKind,
    path: String,
    extra: Extra,
    dry_run: bool,
) -> Result<ImportReport, ErrorDto> {
    let cancel = state.cancel.clone();
    cancel.store(false, Ordering::SeqCst);
    state
        .change(kind.doing(&file_name(&path)), move |book, actor, lang| {
            let options = ImportOptions {
                kind,
                path: PathBuf::from(path.trim()),
                sheet: extra.sheet,
                program: extra.program,
                dry_run,
                lang,
            };
            let name = options
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let kind = kind.key();
            book.set_doing(
                &actor.operator,
                Text::new(
                    format!("импортирует {kind} {name}"),
                    format!("is importing {kind} {name}"),
                ),
            );
            let mut progress = |p: ImportProgress| -> bool {
                // A window that is gone cannot listen; the import goes on regardless.
                let _ = app.emit(PROGRESS_EVENT, p);
                !cancel.load(Ordering::SeqCst)
            };
            api::import(book, &options, actor, &mut progress)
        })
        .await
}

/// The file's name alone, as another writer is told what is imported.
fn file_name(path: &str) -> String {
    Path::new(path.trim())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
