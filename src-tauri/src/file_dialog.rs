//! Native file dialogs (rfd's GTK backend). GTK wants its dialogs made on the main
//! thread, where Tauri runs the GTK loop: the dialog is built there, and its answer
//! awaited here.

use std::path::{Path, PathBuf};

use partnerbook_core::{ErrorDto, Lang};
use rfd::AsyncFileDialog;
use tauri::{AppHandle, Manager};

use crate::error::shell_error;
use crate::state::AppState;

/// What an open dialog asks for.
#[derive(Debug, Clone, Copy)]
pub enum Opening {
    /// A CSV or XLSX file to import.
    Spreadsheet,
    /// A bank statement (1CClientBankExchange, `.txt`).
    Statement,
    /// An act's signed package from EDO (`.zip`).
    SignedPackage,
    /// A book's file (SQLite).
    Book,
}

impl Opening {
    /// The dialog's title, the filter's name, and its extensions.
    fn words(self, lang: Lang) -> (&'static str, &'static str, &'static [&'static str]) {
        match (self, lang) {
            (Opening::Spreadsheet, Lang::Ru) => {
                ("Файл для импорта", "Таблицы (CSV, XLSX)", SPREADSHEETS)
            }
            (Opening::Spreadsheet, Lang::En) => {
                ("File to import", "Spreadsheets (CSV, XLSX)", SPREADSHEETS)
            }
            (Opening::Statement, Lang::Ru) => (
                "Выписка банка",
                "Выписки 1С (1CClientBankExchange, TXT)",
                TEXT,
            ),
            (Opening::Statement, Lang::En) => (
                "Bank statement",
                "1C statements (1CClientBankExchange, TXT)",
                TEXT,
            ),
            (Opening::SignedPackage, Lang::Ru) => {
                ("Подписанный пакет из ЭДО", "Пакеты ЭДО (ZIP)", ZIP)
            }
            (Opening::SignedPackage, Lang::En) => {
                ("Signed package from EDO", "EDO packages (ZIP)", ZIP)
            }
            (Opening::Book, Lang::Ru) => ("Файл книги", "Книги Partnerbook (SQLite)", BOOKS),
            (Opening::Book, Lang::En) => ("Book file", "Partnerbook books (SQLite)", BOOKS),
        }
    }
}

const SPREADSHEETS: &[&str] = &["csv", "CSV", "xlsx", "XLSX"];
const TEXT: &[&str] = &["txt", "TXT"];
const ZIP: &[&str] = &["zip", "ZIP"];
const BOOKS: &[&str] = &["sqlite", "SQLITE", "db", "DB"];

/// Asks for a file of the kind `what`, starting in `folder` when it still exists; `None`
/// when cancelled.
pub async fn pick_file(
    app: &AppHandle,
    folder: Option<PathBuf>,
    what: Opening,
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorDto> {
    let (title, kind, extensions) = what.words(lang);
    pick(app, folder, title, kind, extensions, lang).await
}

/// The open dialog for `what` starting in the last folder used, which it then remembers;
/// the path picked, or `None` when cancelled.
pub async fn pick_in_last_folder(
    app: &AppHandle,
    state: &AppState,
    what: Opening,
) -> Result<Option<String>, ErrorDto> {
    let (folder, lang) = (state.settings().last_folder, state.lang());
    let picked = pick_file(app, folder.map(PathBuf::from), what, lang).await?;
    let Some(path) = picked else { return Ok(None) };
    if let Some(dir) = path.parent().and_then(Path::to_str) {
        state.change_settings(|s| s.last_folder = Some(dir.to_owned()))?;
    }
    Ok(Some(path.display().to_string()))
}

/// The open dialog with one filter of `extensions` and «all files».
async fn pick(
    app: &AppHandle,
    folder: Option<PathBuf>,
    title: &'static str,
    kind: &'static str,
    extensions: &'static [&'static str],
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorDto> {
    let all = match lang {
        Lang::Ru => "Все файлы",
        Lang::En => "All files",
    };
    let window = app.get_webview_window("main");
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.run_on_main_thread(move || {
        let mut dialog = AsyncFileDialog::new()
            .set_title(title)
            .add_filter(kind, extensions)
            .add_filter(all, &["*"]);
        if let Some(dir) = folder.filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(window) = &window {
            dialog = dialog.set_parent(window);
        }
        // The receiver only goes away when the command was dropped.
        let _ = tx.send(dialog.pick_file());
    })
    .map_err(|e| failed(&e, lang))?;
    let answer = rx.await.map_err(|e| failed(&e, lang))?;
    Ok(answer.await.map(|file| file.path().to_path_buf()))
}

fn failed(e: &dyn std::fmt::Display, lang: Lang) -> ErrorDto {
    shell_error(
        "dialog_failed",
        format!("Не открыть окно выбора файла: {e}"),
        format!("Cannot open the file dialog: {e}"),
        lang,
    )
}

/// Asks where to save a file called `name` (of the kind `what`, extension `ext`),
/// starting in `folder` when it still exists; `None` when cancelled.
pub async fn save_as(
    app: &AppHandle,
    folder: Option<PathBuf>,
    name: String,
    what: &'static str,
    ext: &'static str,
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorDto> {
    let title = match lang {
        Lang::Ru => "Сохранить файл",
        Lang::En => "Save the file",
    };
    let window = app.get_webview_window("main");
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.run_on_main_thread(move || {
        let mut dialog = AsyncFileDialog::new()
            .set_title(title)
            .set_file_name(name)
            .add_filter(what, &[ext]);
        if let Some(dir) = folder.filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(window) = &window {
            dialog = dialog.set_parent(window);
        }
        let _ = tx.send(dialog.save_file());
    })
    .map_err(|e| failed(&e, lang))?;
    let answer = rx.await.map_err(|e| failed(&e, lang))?;
    Ok(answer.await.map(|file| file.path().to_path_buf()))
}
