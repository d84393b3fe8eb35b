//! Who holds the book's write lock, for those who wait for it: a small note beside the
//! book (`book.sqlite.writer`), written by every writer as soon as the lock is its own —
//! who, doing what, since when. Only a writer that gives up waiting reads it, and then the
//! lock is held, so the newest note is the holder's. A note outlives its writer harmlessly.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Text;

/// What a writer says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriterNote {
    /// The person (the operator).
    pub who: String,
    /// What it does, in Russian and English: «импортирует billing.csv».
    pub what: Text,
    /// When it took the book, `HH:MM:SS` local time.
    pub since: String,
    pub pid: u32,
}

/// The note's path beside the book at `book`.
pub fn note_path(book: &Path) -> PathBuf {
    let mut name = book.file_name().unwrap_or_default().to_os_string();
    name.push(".writer");
    book.with_file_name(name)
}

/// Writes the note whole (into a file of this process, renamed over the note).
pub(crate) fn write_note(book: &Path, note: &WriterNote) {
    let path = note_path(book);
    let partial = path.with_extension(format!("writer.{}", note.pid));
    let Ok(text) = serde_json::to_vec(note) else {
        return;
    };
    // A note that cannot be written only makes a waiting writer's message vaguer.
    if std::fs::write(&partial, text).is_ok() && std::fs::rename(&partial, &path).is_err() {
        let _ = std::fs::remove_file(&partial);
    }
}

/// The note beside the book, if there is a readable one.
pub fn read_note(book: &Path) -> Option<WriterNote> {
    let text = std::fs::read(note_path(book)).ok()?;
    serde_json::from_slice(&text).ok()
}

/// Removes the note if this process wrote it.
pub(crate) fn remove_own_note(book: &Path) {
    if read_note(book).is_some_and(|n| n.pid == std::process::id()) {
        let _ = std::fs::remove_file(note_path(book));
    }
}
