//! The book's backups: listed (when, before what, size), one taken now, one restored.

use std::path::Path;

use crate::audit::Actor;
use crate::store::{audit, server_backups, BackupFile, Book, Restored};
use crate::Result;

/// The backups kept beside a file book, newest first; a server book's backups are the
/// server's (refused, saying so).
pub fn list_backups(book: &Book) -> Result<Vec<BackupFile>> {
    if book.server().is_some() {
        return Err(server_backups());
    }
    book.backup_files()
}

/// A backup of the book taken now (`manual`), retention kept; a server book's backups
/// are the server's (refused, saying so).
pub fn backup_now(book: &Book, actor: &Actor) -> Result<BackupFile> {
    if book.server().is_some() {
        return Err(server_backups());
    }
    let taken = book
        .backup(crate::store::BackupReason::Manual.key(), actor.now)?
        .ok_or_else(|| {
            crate::Error::refused(
                "no_book_file",
                "У книги нет файла: копировать нечего.",
                "The book has no file to back up.",
            )
        })?;
    book.backup_files()?
        .into_iter()
        .find(|b| b.path == taken)
        .ok_or_else(|| std::io::Error::other("the backup just taken is gone").into())
}

/// Replaces the book with the backup `file` after checking it and backing up the book as
/// it is first (see [`Book::restore`]); the audit names both.
pub fn restore_backup(book: &mut Book, actor: &Actor, file: &Path) -> Result<Restored> {
    let restored = book.restore(file, actor.now)?;
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let detail = serde_json::json!({
        "from": restored.from.display().to_string(),
        "safety_backup": restored.safety.path.display().to_string(),
    })
    .to_string();
    book.write(|tx| {
        audit::record(
            tx,
            actor,
            "restore",
            "book",
            &name(&restored.from),
            Some(&detail),
        )
    })?;
    Ok(restored)
}
