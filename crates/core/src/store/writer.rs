//! Who holds the book's write lock, for those who wait for it: a small note beside the
//! book (`book.sqlite.writer`), written by every writer as soon as the lock is its own —
//! who, doing what, since when. Only a writer that gives up waiting reads it, and then the
//! lock is held, so the newest note is the holder's. A note outlives its writer harmlessly.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::sql::{params, Db};
use crate::{Result, Text};

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

/// On a server book the note is a row of `book_writers`, one per session, written before
/// the writer queues for the lock; the holder's is the one whose session holds it.
pub(crate) fn write_server_note(db: &Db, note: &WriterNote) -> Result<()> {
    db.execute(
        "INSERT INTO book_writers (pid, who, what_ru, what_en, since)
         VALUES (pg_backend_pid(), ?1, ?2, ?3, ?4)
         ON CONFLICT (pid) DO UPDATE SET who = excluded.who, what_ru = excluded.what_ru,
             what_en = excluded.what_en, since = excluded.since",
        params![note.who, note.what.ru, note.what.en, note.since],
    )?;
    Ok(())
}

/// The note of the session that holds a server book's write lock.
pub(crate) fn read_server_note(db: &Db) -> Option<WriterNote> {
    db.query_row(
        "SELECT w.who, w.what_ru, w.what_en, w.since, w.pid
         FROM pg_locks l JOIN book_writers w ON w.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.granted
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         LIMIT 1",
        [],
        |r| {
            Ok(WriterNote {
                who: r.get(0)?,
                what: Text::new(r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                since: r.get(3)?,
                pid: r.get(4)?,
            })
        },
    )
    .ok()
}
