//! Native file dialogs (rfd's GTK backend). GTK wants its dialogs made on the main
//! thread, where Tauri runs the GTK loop: the dialog is built there, and its answer
//! awaited here.

use std::path::PathBuf;

use partnerbook_core::{ErrorDto, Lang};
use rfd::AsyncFileDialog;
use tauri::{AppHandle, Manager};

use crate::error::shell_error;

/// Asks for a CSV or XLSX file, starting in `folder` when it still exists.
pub async fn pick_spreadsheet(
    app: &AppHandle,
    folder: Option<PathBuf>,
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorDto> {
    let (title, tables) = match lang {
        Lang::Ru => ("Файл для импорта", "Таблицы (CSV, XLSX)"),
        Lang::En => ("File to import", "Spreadsheets (CSV, XLSX)"),
    };
    pick(
        app,
        folder,
        title,
        tables,
        &["csv", "CSV", "xlsx", "XLSX"],
        lang,
    )
    .await
}

/// Asks for a bank statement (1CClientBankExchange, `.txt`), starting in `folder` when it
/// still exists.
pub async fn pick_statement(
    app: &AppHandle,
    folder: Option<PathBuf>,
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorDto> {
    let (title, statements) = match lang {
        Lang::Ru => ("Выписка банка", "Выписки 1С (1CClientBankExchange, TXT)"),
        Lang::En => (
            "Bank statement",
            "1C statements (1CClientBankExchange, TXT)",
        ),
    };
    pick(app, folder, title, statements, &["txt", "TXT"], lang).await
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
