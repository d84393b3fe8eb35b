//! Saving documents through the native save dialog: an act (PDF, счёт-фактура, EDO XML),
//! a month's payout register (PDF, XLSX, the bank's 1C file), a partner's statement, any
//! table of the app as it is shown (XLSX).
//! The last folder used is remembered. Each answers the path saved, or `None` when the
//! person cancelled.

use std::path::{Path, PathBuf};

use partnerbook_core::acts::{ActFormat, DocumentFile, RegisterFormat};
use partnerbook_core::api;
use partnerbook_core::exports::ExportRequest;
use partnerbook_core::{Error, ErrorDto, Lang, Text};
use tauri::{AppHandle, State};

use super::days::day;
use crate::error::to_dto;
use crate::file_dialog;
use crate::state::AppState;

fn kind_of(name: &str, lang: Lang) -> (&'static str, &'static str) {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    match (ext, lang) {
        ("pdf", Lang::Ru) => ("Документ PDF", "pdf"),
        ("pdf", Lang::En) => ("PDF document", "pdf"),
        ("xlsx", Lang::Ru) => ("Книга Excel", "xlsx"),
        ("xlsx", Lang::En) => ("Excel workbook", "xlsx"),
        ("xml", Lang::Ru) => ("Документ ЭДО (XML)", "xml"),
        ("xml", Lang::En) => ("EDO document (XML)", "xml"),
        (_, Lang::Ru) => ("Файл для банка", "txt"),
        (_, Lang::En) => ("Bank file", "txt"),
    }
}

/// Asks where to save `file` and writes it there, whole or not at all.
pub(super) async fn save(
    app: &AppHandle,
    state: &AppState,
    file: DocumentFile,
) -> Result<Option<String>, ErrorDto> {
    let (folder, lang) = (state.settings().last_folder, state.lang());
    let (what, ext) = kind_of(&file.name, lang);
    let picked =
        file_dialog::save_as(app, folder.map(PathBuf::from), file.name, what, ext, lang).await?;
    let Some(path) = picked else { return Ok(None) };
    write_whole(&path, &file.bytes).map_err(|e| to_dto(Error::Io(e), lang))?;
    if let Some(dir) = path.parent().and_then(Path::to_str) {
        state.change_settings(|s| s.last_folder = Some(dir.to_owned()))?;
    }
    Ok(Some(path.display().to_string()))
}

/// Into a temporary file beside `path`, then renamed over it.
pub(super) fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.partial"));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[tauri::command]
pub async fn save_act(
    app: AppHandle,
    state: State<'_, AppState>,
    act: String,
    format: ActFormat,
) -> Result<Option<String>, ErrorDto> {
    let now = chrono::Local::now().naive_local();
    // The EDO XML is kept by the book as made (a signed package must bring it back).
    let file = state
        .change(
            Text::new("сохраняет файл акта", "is saving an act's file"),
            move |book, _, _| api::act_file(book, &act, format, now),
        )
        .await?;
    save(&app, &state, file).await
}

#[tauri::command]
pub async fn save_register(
    app: AppHandle,
    state: State<'_, AppState>,
    month: String,
    format: RegisterFormat,
) -> Result<Option<String>, ErrorDto> {
    let now = chrono::Local::now().naive_local();
    let file = state
        .read(move |book, _| api::register_file(book, &month, format, now))
        .await?;
    save(&app, &state, file).await
}

#[tauri::command]
pub async fn save_statement(
    app: AppHandle,
    state: State<'_, AppState>,
    partner: String,
    from: String,
    to: String,
) -> Result<Option<String>, ErrorDto> {
    let today = chrono::Local::now().date_naive();
    let file = state
        .read(move |book, _| {
            api::statement_file(book, &partner, day("from", &from)?, day("to", &to)?, today)
        })
        .await?;
    save(&app, &state, file).await
}

/// The table the request names, as it is shown (its filters, search and sort; every row),
/// as an Excel workbook in the request's language.
#[tauri::command]
pub async fn export_table(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<Option<String>, ErrorDto> {
    let today = chrono::Local::now().date_naive();
    // A big table or a what-if's replay takes a while: on the blocking pool, as every read.
    let file = state
        .read(move |book, _| api::export_table(book, &request, today))
        .await?;
    save(&app, &state, file).await
}
