//! A server book's password, as the person types it in the app: for this session's
//! connections, and — when they ask — kept in their password file for the next ones.
//! Never in the book, the recent books or a log.

use std::path::PathBuf;

use crate::store::sql;
use crate::Result;

/// The server book's `url` with `password` for this session's connections (what opens
/// it); the location shown and the recent books drop it.
pub fn with_password(url: &str, password: &str) -> String {
    sql::with_password(url, password)
}

/// Keeps `password` for the server book at `url` in the person's `~/.pgpass` (or
/// `$PGPASSFILE`), mode 0600, in place of a line for the same host, port, database and
/// user; answers the file's path.
pub fn keep_password(url: &str, password: &str) -> Result<PathBuf> {
    sql::keep_password(url, password)
}
