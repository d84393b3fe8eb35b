//! Where the book lives: the one the app starts on (`$PARTNERBOOK_BOOK`, else
//! `book.sqlite` in the platform's data folder, `~/.local/share/partnerbook/` on Linux),
//! and a book's location as the UI shows it — a file's path, or a server's URL without
//! its password.

use std::path::{Path, PathBuf};

use partnerbook_core::store::sql::{is_server_url, without_password};
use serde::Serialize;
use ts_rs::TS;

pub const BOOK_ENV: &str = "PARTNERBOOK_BOOK";

pub fn book_path() -> PathBuf {
    resolve(
        std::env::var_os(BOOK_ENV).map(PathBuf::from),
        dirs::data_dir(),
    )
}

fn resolve(from_env: Option<PathBuf>, data_dir: Option<PathBuf>) -> PathBuf {
    match from_env {
        Some(path) if !path.as_os_str().is_empty() => path,
        _ => data_dir
            .unwrap_or_else(|| Path::new(".").to_path_buf())
            .join("partnerbook")
            .join("book.sqlite"),
    }
}

/// Where a book is, as the settings screen and the recent books show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum BookLocation {
    /// A SQLite file on this desk.
    File { path: String },
    /// A database on a PostgreSQL server; the URL without its password.
    Server { url: String },
}

impl BookLocation {
    /// The location of the book opened as `location` (a path or a URL as given).
    pub fn of(location: &str) -> BookLocation {
        let location = location.trim();
        if is_server_url(location) {
            BookLocation::Server {
                url: without_password(location),
            }
        } else {
            BookLocation::File {
                path: location.to_owned(),
            }
        }
    }

    /// The path or the URL, as shown.
    pub fn shown(&self) -> &str {
        match self {
            BookLocation::File { path } => path,
            BookLocation::Server { url } => url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins() {
        let path = resolve(
            Some("/tmp/x.sqlite".into()),
            Some("/home/a/.local/share".into()),
        );
        assert_eq!(path, PathBuf::from("/tmp/x.sqlite"));
    }

    #[test]
    fn else_the_data_folder() {
        let path = resolve(None, Some("/home/a/.local/share".into()));
        assert_eq!(
            path,
            PathBuf::from("/home/a/.local/share/partnerbook/book.sqlite")
        );
        let empty = resolve(Some(PathBuf::new()), Some("/d".into()));
        assert_eq!(empty, PathBuf::from("/d/partnerbook/book.sqlite"));
    }

    #[test]
    fn a_server_is_shown_without_its_password_and_a_file_as_its_path() {
        assert_eq!(
            BookLocation::of(" postgres://anna:secret@db:5432/book "),
            BookLocation::Server {
                url: "postgres://anna:***@db:5432/book".into()
            }
        );
        let file = BookLocation::of("/home/anna/book.sqlite");
        assert_eq!(file.shown(), "/home/anna/book.sqlite");
        assert!(matches!(file, BookLocation::File { .. }));
    }
}
