//! Which book the app works on: where it is and where its backups are, a server's book
//! tried before it is opened, another book opened (a server's, a file from the native
//! dialog, a recent one), and the person's recent books.

use std::path::Path;

use partnerbook_core::api;
use partnerbook_core::clients::ClientQuery;
use partnerbook_core::partners::PartnerQuery;
use partnerbook_core::store::sql::is_server_url;
use partnerbook_core::store::{BackupFile, BackupReason};
use partnerbook_core::{Error, ErrorDto, Lang, Problem, Text};
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use super::app::AppInfo;
use crate::book_location::BookLocation;
use crate::file_dialog::{self, Opening};
use crate::state::AppState;

/// What a server's book holds, found by connecting to it (the password never shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BookProbe {
    pub book: BookLocation,
    pub partners: u32,
    pub clients: u32,
}

/// Where the open book's backups are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum BookBackups {
    /// A server book is backed up by its server (pg_dump on the server's schedule).
    Server,
    /// A file book is copied into `folder` before every import and batch of acts; the
    /// copies kept, newest first.
    Files {
        folder: String,
        files: Vec<BackupRow>,
    },
}

/// One backup of a file book, as the settings screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupRow {
    /// The file's full path (what «Восстановить…» restores).
    pub path: String,
    /// The file's name.
    pub name: String,
    /// When it was taken, `YYYY-MM-DDTHH:MM:SS` (the desk's time).
    pub taken_at: String,
    pub reason: BackupReason,
    /// Before what, in the person's language.
    pub label: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

impl BackupRow {
    fn of(file: &BackupFile, lang: Lang) -> BackupRow {
        BackupRow {
            path: file.path.display().to_string(),
            name: file
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            taken_at: file.taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            reason: file.reason,
            label: file.reason.label(lang).to_owned(),
            bytes: file.bytes,
        }
    }
}

/// A backup restored: the file the book now is, and the backup of the book as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoredBackup {
    pub restored: String,
    pub safety: BackupRow,
}

/// Connects to the book at the server's `url` (with the `password` typed, if any, else
/// `PGPASSWORD` or `~/.pgpass`), counts its partners and clients, and disconnects; the open
/// book stays.
#[tauri::command]
pub async fn book_probe(
    state: State<'_, AppState>,
    url: String,
    password: Option<String>,
) -> Result<BookProbe, ErrorDto> {
    let url = server_url(&url).map_err(|e| ErrorDto::new(&e, state.lang()))?;
    let book = BookLocation::of(&url);
    state
        .try_book(url, password, move |opened, _| {
            let partners = PartnerQuery {
                limit: Some(1),
                ..PartnerQuery::default()
            };
            let clients = ClientQuery {
                limit: Some(1),
                ..ClientQuery::default()
            };
            Ok(BookProbe {
                book,
                partners: api::partner_page(opened, &partners)?.total,
                clients: api::client_page(opened, &clients)?.total,
            })
        })
        .await
}

/// Opens the book at `location` — a server's URL, or a book file that exists — and makes
/// it the app's book for every command after; answers the app's info on it. A server's
/// `password` (when typed) serves this session's connections, and with `remember` is kept
/// in the person's `~/.pgpass` once the book has opened with it.
#[tauri::command]
pub async fn book_open(
    state: State<'_, AppState>,
    location: String,
    password: Option<String>,
    remember: Option<bool>,
) -> Result<AppInfo, ErrorDto> {
    let location = location.trim().to_owned();
    if !is_server_url(&location) && !Path::new(&location).is_file() {
        let e = Error::Invalid(vec![Problem::new(
            "not_a_book",
            Text::new(
                format!("«{location}» — не адрес книги на сервере (postgres://…) и не файл книги"),
                format!(
                    "“{location}” is neither a server book's URL (postgres://…) nor a book file"
                ),
            ),
        )
        .field("url")]);
        return Err(ErrorDto::new(&e, state.lang()));
    }
    let password = password.filter(|p| !p.is_empty() && is_server_url(&location));
    state.switch(location.clone(), password.clone()).await?;
    if let (Some(password), Some(true)) = (password, remember) {
        api::keep_password(&location, &password).map_err(|e| ErrorDto::new(&e, state.lang()))?;
    }
    Ok(AppInfo::of(&state))
}

/// The books opened lately, newest first (the open one among them).
#[tauri::command]
pub async fn recent_books(state: State<'_, AppState>) -> Result<Vec<BookLocation>, ErrorDto> {
    Ok(state
        .settings()
        .recent_books
        .iter()
        .map(|b| BookLocation::of(b))
        .collect())
}

/// The native open dialog for a book file, in the last folder used; `None` when cancelled.
#[tauri::command]
pub async fn pick_book_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ErrorDto> {
    file_dialog::pick_in_last_folder(&app, &state, Opening::Book).await
}

/// Where the open book's backups are, and the copies kept of a file book.
#[tauri::command]
pub async fn book_backups(state: State<'_, AppState>) -> Result<BookBackups, ErrorDto> {
    state
        .read(move |book, lang| {
            let Some(folder) = book.backup_folder() else {
                return Ok(BookBackups::Server);
            };
            let files = api::list_backups(book)?
                .iter()
                .map(|b| BackupRow::of(b, lang))
                .collect();
            Ok(BookBackups::Files {
                folder: folder.display().to_string(),
                files,
            })
        })
        .await
}

/// A backup of the open book taken now («Сделать копию сейчас»).
#[tauri::command]
pub async fn book_backup_now(state: State<'_, AppState>) -> Result<BackupRow, ErrorDto> {
    state
        .change(
            Text::new(
                "делает резервную копию книги",
                "is making a backup of the book",
            ),
            move |book, actor, lang| Ok(BackupRow::of(&api::backup_now(book, actor)?, lang)),
        )
        .await
}

/// Replaces the open book with the backup at `path`, after keeping the book as it is as a
/// backup first; every screen reads the book again after it.
#[tauri::command]
pub async fn book_restore(
    state: State<'_, AppState>,
    path: String,
) -> Result<RestoredBackup, ErrorDto> {
    state
        .change(
            Text::new(
                "восстанавливает книгу из копии",
                "is restoring the book from a backup",
            ),
            move |book, actor, lang| {
                let restored = api::restore_backup(book, actor, Path::new(&path))?;
                Ok(RestoredBackup {
                    restored: restored.from.display().to_string(),
                    safety: BackupRow::of(&restored.safety, lang),
                })
            },
        )
        .await
}

/// `url` trimmed when it is a server's URL; else a problem at the field.
fn server_url(url: &str) -> partnerbook_core::Result<String> {
    let url = url.trim();
    if is_server_url(url) {
        return Ok(url.to_owned());
    }
    Err(Error::Invalid(vec![Problem::new(
        "not_a_server_url",
        Text::new(
            "адрес книги на сервере начинается с postgres:// или postgresql://",
            "a server book's URL begins with postgres:// or postgresql://",
        ),
    )
    .field("url")]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_server_url_is_tried() {
        assert_eq!(
            server_url(" postgres://anna@db:5432/book ").ok().as_deref(),
            Some("postgres://anna@db:5432/book")
        );
        assert!(server_url("postgresql://anna@db/book").is_ok());
        let e = server_url("db:5432/book").expect_err("not a URL");
        assert_eq!(e.problems()[0].field, Some("url"));
        assert_eq!(e.code(), "invalid");
    }
}
