//! What went wrong speaking to the database, whichever engine it is.

use std::fmt;

#[derive(Debug)]
pub enum SqlError {
    /// A query that must return one row returned none.
    NoRows,
    /// A column held another kind of value than the code reads.
    WrongType {
        column: usize,
        wanted: &'static str,
        found: &'static str,
    },
    /// A number that does not fit the type it is read as.
    OutOfRange {
        column: usize,
        value: i64,
    },
    Sqlite(rusqlite::Error),
    /// The server's error, with the statement it came from (for a developer's eyes).
    Postgres {
        error: tokio_postgres::Error,
        sql: Option<String>,
    },
}

impl SqlError {
    pub(crate) fn wrong_type(column: usize, wanted: &'static str, found: &'static str) -> Self {
        SqlError::WrongType {
            column,
            wanted,
            found,
        }
    }

    pub(crate) fn out_of_range(column: usize, value: i64) -> Self {
        SqlError::OutOfRange { column, value }
    }

    /// The message a trigger raised (`RAISE(ABORT, …)`), if this is one.
    pub fn constraint_message(&self) -> Option<&str> {
        match self {
            SqlError::Sqlite(rusqlite::Error::SqliteFailure(e, Some(message)))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Some(message)
            }
            SqlError::Postgres { error: e, .. } => e
                .as_db_error()
                .filter(|d| d.code() == &tokio_postgres::error::SqlState::RAISE_EXCEPTION)
                .map(|d| d.message()),
            _ => None,
        }
    }

    /// Another writer held the book for longer than we waited.
    pub fn is_busy(&self) -> bool {
        match self {
            SqlError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            SqlError::Postgres { error: e, .. } => e.code().is_some_and(|c| {
                c == &tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE
                    || c == &tokio_postgres::error::SqlState::T_R_DEADLOCK_DETECTED
            }),
            _ => false,
        }
    }
}

impl SqlError {
    /// The disk (or the page limit standing in for it) had no room for the write.
    pub fn is_full(&self) -> bool {
        match self {
            SqlError::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull),
            SqlError::Postgres { error: e, .. } => {
                e.code() == Some(&tokio_postgres::error::SqlState::DISK_FULL)
            }
            _ => false,
        }
    }

    /// The server ran short of memory or another resource (class 53 but a full disk).
    pub fn is_out_of_resources(&self) -> bool {
        match self {
            SqlError::Postgres { error: e, .. } => e.code().is_some_and(|c| {
                c.code().starts_with("53") && c != &tokio_postgres::error::SqlState::DISK_FULL
            }),
            SqlError::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::OutOfMemory),
            _ => false,
        }
    }

    /// The book may be read but not written: a file opened read-only, or a server role
    /// without the right to write (`insufficient_privilege`).
    pub fn is_read_only(&self) -> bool {
        match self {
            SqlError::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly),
            SqlError::Postgres { error: e, .. } => e.code().is_some_and(|c| {
                c == &tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
                    || c == &tokio_postgres::error::SqlState::READ_ONLY_SQL_TRANSACTION
            }),
            _ => false,
        }
    }

    /// The file is not a SQLite database at all.
    pub fn is_not_a_database(&self) -> bool {
        matches!(self, SqlError::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase))
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlError::NoRows => f.write_str("no row found"),
            SqlError::WrongType {
                column,
                wanted,
                found,
            } => write!(f, "column {column}: {found} where {wanted} was expected"),
            SqlError::OutOfRange { column, value } => {
                write!(f, "column {column}: {value} is out of range")
            }
            SqlError::Sqlite(e) => e.fmt(f),
            SqlError::Postgres { error: e, .. } => match e.as_db_error() {
                Some(d) => write!(f, "{}", d.message()),
                None => e.fmt(f),
            },
        }
    }
}

impl std::error::Error for SqlError {}

impl From<rusqlite::Error> for SqlError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => SqlError::NoRows,
            e => SqlError::Sqlite(e),
        }
    }
}
