//! An act's signed package from EDO: picked in the native dialog, typed, or dropped on
//! the window; verified and kept by the core; and the signed act saved as its PDF with the
//! signatures' stamps and, beside it, the package as it came (the archive copy).

use std::path::{Path, PathBuf};

use partnerbook_core::acts::SignedImport;
use partnerbook_core::api;
use partnerbook_core::{Error, ErrorDto, Text};
use tauri::{AppHandle, State};

use super::documents::{save, write_whole};
use crate::error::to_dto;
use crate::file_dialog::{self, Opening};
use crate::state::AppState;

/// The native open dialog for a package (`.zip`), in the last folder used.
#[tauri::command]
pub async fn pick_signed_package(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorDto> {
    file_dialog::pick_in_last_folder(&app, &state, Opening::SignedPackage).await
}

/// Loads the package at `path` (a `.zip` or a folder) onto its act.
#[tauri::command]
pub async fn import_signed_package(
    state: State<'_, AppState>,
    path: String,
) -> Result<SignedImport, ErrorDto> {
    state
        .change(
            Text::new(
                "загружает подписанный пакет акта",
                "is importing an act's signed package",
            ),
            move |book, actor, _| {
                let path = PathBuf::from(path.trim());
                api::import_signed(book, actor, &path)
            },
        )
        .await
}

/// Saves the signed act: its PDF where the person chooses in the save dialog (or at `to`
/// when the caller already knows where), and the package beside it under the same name
/// with `.zip`. Answers the PDF's path, or `None` when the dialog was cancelled.
#[tauri::command]
pub async fn save_signed_act(
    app: AppHandle,
    state: State<'_, AppState>,
    act: String,
    to: Option<String>,
) -> Result<Option<String>, ErrorDto> {
    let (pdf, package) = state
        .read(move |book, _| api::signed_act_files(book, &act))
        .await?;
    let saved = match to {
        Some(to) => {
            let lang = state.lang();
            write_whole(Path::new(&to), &pdf.bytes).map_err(|e| to_dto(Error::Io(e), lang))?;
            Some(to)
        }
        None => save(&app, &state, pdf).await?,
    };
    let Some(saved) = saved else { return Ok(None) };
    let beside = Path::new(&saved).with_extension("zip");
    let lang = state.lang();
    write_whole(&beside, &package.bytes).map_err(|e| to_dto(Error::Io(e), lang))?;
    Ok(Some(saved))
}
