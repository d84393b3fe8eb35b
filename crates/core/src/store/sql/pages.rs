//! A SQLite book copied page for page: into a backup, and back from one (SQLite's online
//! backup). A server book has neither: its backups are the server's.

use std::path::Path;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{sqlite, Db, Engine, SqlError};
use crate::{Error, Result};

impl Db {
    /// Copies the whole book into a new SQLite file at `dest`, in one step (one snapshot
    /// of the book; a writer meanwhile is not waited for). `page_limit` bounds the copy as
    /// a disk would (tests).
    pub(crate) fn copy_into(&self, dest: &Path, page_limit: Option<u64>) -> Result<()> {
        let Engine::Sqlite(source) = &self.engine else {
            return Err(crate::store::server_backups());
        };
        let mut target = Connection::open(dest).map_err(sqlite)?;
        if let Some(pages) = page_limit {
            target
                .execute_batch(&format!("PRAGMA max_page_count = {pages}"))
                .map_err(sqlite)?;
        }
        let backup = Backup::new(source, &mut target).map_err(sqlite)?;
        step_whole(&backup)?;
        drop(backup);
        plain_file(&target)
    }

    /// Replaces the whole book with the SQLite book at `source`, in one transaction of
    /// this connection: committed whole or not at all (a crash leaves the book as it was),
    /// the book's WAL kept by SQLite; other connections see the book before or after it.
    /// Another writer is waited for as long as any write waits.
    pub(crate) fn restore_from(&mut self, source: &Path) -> Result<()> {
        let Engine::Sqlite(book) = &mut self.engine else {
            return Err(crate::store::server_backups());
        };
        let from = Connection::open_with_flags(
            source,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        let backup = Backup::new(&from, book).map_err(sqlite)?;
        step_whole(&backup)
    }
}

/// Copies every page in one step; a lock the step could not take within the
/// destination's busy timeout is `busy`, as any write's wait in vain.
fn step_whole(backup: &Backup<'_, '_>) -> Result<()> {
    match backup.step(-1).map_err(sqlite)? {
        StepResult::Done => Ok(()),
        StepResult::Busy | StepResult::Locked => Err(Error::Database(SqlError::Sqlite(
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                None,
            ),
        ))),
        // One step of every page ends the copy; anything else is the copy unfinished.
        _ => Err(Error::Database(SqlError::Sqlite(
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERNAL),
                Some("the copy did not finish in one step".into()),
            ),
        ))),
    }
}

/// Copies the SQLite book at `source` (with what its WAL holds) into a new file at
/// `dest`; `source` is only read.
pub(crate) fn copy_file(source: &Path, dest: &Path) -> Result<()> {
    let from = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    let mut target = Connection::open(dest).map_err(sqlite)?;
    let backup = Backup::new(&from, &mut target).map_err(sqlite)?;
    step_whole(&backup)?;
    drop(backup);
    plain_file(&target)
}

/// A copy's pages say WAL, as the book's do: made a file of its own (a rollback journal),
/// so that reading it later leaves nothing beside it.
fn plain_file(copy: &Connection) -> Result<()> {
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(sqlite)
}
