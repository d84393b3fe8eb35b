//! Where the book lives: the one the app starts on (a path on the command line, else
//! `$PARTNERBOOK_BOOK`, else the last book used, else `book.sqlite` in the platform's data
//! folder, `~/.local/share/partnerbook/` on Linux), and a book's location as the UI shows
//! it — a file's path, or a server's URL without its password.

use std::path::{Path, PathBuf};

use partnerbook_core::store::sql::{is_server_url, without_password};
use partnerbook_core::ErrorDto;
use serde::Serialize;
use ts_rs::TS;

pub const BOOK_ENV: &str = "PARTNERBOOK_BOOK";

/// The book the app starts on, and whether another may be opened instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartBook {
    /// Asked for on the command line or in `$PARTNERBOOK_BOOK`: opened, or the app says
    /// why not and stops.
    Asked(String),
    /// The last book used: when it does not open (its server down), the default file does.
    Last(String),
    /// The default file: no book asked for and none used before.
    Default(PathBuf),
}

/// The book this run starts on: the command line's first path (`args` without the
/// program; options such as the driver's `--automation` are passed over), else
/// `$PARTNERBOOK_BOOK`, else the first of the person's recent books, else `default`.
pub fn start_book(
    args: impl IntoIterator<Item = String>,
    from_env: Option<String>,
    recent: &[String],
    default: PathBuf,
) -> StartBook {
    let asked = args
        .into_iter()
        .find(|a| !a.starts_with('-'))
        .or(from_env)
        .filter(|a| !a.trim().is_empty());
    match (asked, recent.first()) {
        (Some(asked), _) => StartBook::Asked(asked),
        (None, Some(last)) if !last.trim().is_empty() => StartBook::Last(last.clone()),
        (None, _) => StartBook::Default(default),
    }
}

/// `book.sqlite` in the platform's data folder.
pub fn default_book() -> PathBuf {
    in_data_folder(dirs::data_dir())
}

fn in_data_folder(data_dir: Option<PathBuf>) -> PathBuf {
    data_dir
        .unwrap_or_else(|| Path::new(".").to_path_buf())
        .join("partnerbook")
        .join("book.sqlite")
}

/// The last book used, when it did not open as the app started (the default file was
/// opened instead), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StartFallback {
    pub book: BookLocation,
    pub error: ErrorDto,
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

    fn start(args: &[&str], env: Option<&str>, recent: &[&str]) -> StartBook {
        let recent: Vec<String> = recent.iter().map(|r| r.to_string()).collect();
        start_book(
            args.iter().map(|a| a.to_string()),
            env.map(str::to_owned),
            &recent,
            PathBuf::from("/d/partnerbook/book.sqlite"),
        )
    }

    #[test]
    fn the_command_line_then_the_environment_then_the_last_book_then_the_default() {
        let last = "postgres://anna@db:5432/book";
        assert_eq!(
            start(
                &["--automation", "/tmp/x.sqlite"],
                Some("/tmp/env.sqlite"),
                &[last]
            ),
            StartBook::Asked("/tmp/x.sqlite".into())
        );
        assert_eq!(
            start(&["--automation"], Some("/tmp/env.sqlite"), &[last]),
            StartBook::Asked("/tmp/env.sqlite".into())
        );
        assert_eq!(
            start(&[], None, &[last, "/home/anna/old.sqlite"]),
            StartBook::Last(last.into())
        );
        assert_eq!(
            start(&[], Some(""), &[]),
            StartBook::Default("/d/partnerbook/book.sqlite".into())
        );
    }

    #[test]
    fn the_default_is_in_the_data_folder() {
        assert_eq!(
            in_data_folder(Some("/home/a/.local/share".into())),
            PathBuf::from("/home/a/.local/share/partnerbook/book.sqlite")
        );
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
