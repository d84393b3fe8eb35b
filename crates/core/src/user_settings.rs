//! The person's own settings on this desktop — the operator's name, the language, the last
//! folder used, the books opened lately — kept in the user's config file, not in the book: a book may be shared by
//! a department, and one person's language or folder is nobody else's. A book made by an
//! older version kept them in its `settings` table; they are read from there once, when
//! the user's file does not have them yet.

use std::path::{Path, PathBuf};

use crate::store::sql::{url_to_keep, Db};
use serde::{Deserialize, Serialize};

use crate::{settings, Lang, Result};

/// What one person chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSettings {
    /// The name the audit log gives this person's changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The folder the file dialogs open in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_folder: Option<String>,
    /// The books opened lately, newest first: files' paths and servers' URLs (without a
    /// password), at most [`RECENT_BOOKS`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent_books: Vec<String>,
    /// Where the app's window was left, to open there again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowPlace>,
}

/// A window's place on the screen and its inner size, in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowPlace {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

/// How many recent books the settings keep.
pub const RECENT_BOOKS: usize = 8;

/// `$XDG_CONFIG_HOME/partnerbook/settings.json`, else `~/.config/partnerbook/settings.json`
/// (`var` reads the environment; the shells pass theirs).
pub fn user_settings_path(var: impl Fn(&str) -> Option<String>) -> PathBuf {
    let config = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".config")))
        .unwrap_or_else(|| PathBuf::from("."));
    config.join("partnerbook").join("settings.json")
}

impl UserSettings {
    /// The settings at `path`; what is missing (or a file that does not read) is taken
    /// from the book's `settings` table, where an older version kept it.
    pub fn load(path: &Path, book: &Db) -> UserSettings {
        let mine = UserSettings::of_file(path);
        let old = |key| {
            settings::get(book, key)
                .ok()
                .flatten()
                .filter(|v| !v.trim().is_empty())
        };
        UserSettings {
            operator: mine.operator.or_else(|| old("operator")),
            lang: mine
                .lang
                .or_else(|| old("lang").and_then(|l| Lang::parse(&l))),
            last_folder: mine.last_folder.or_else(|| old("last_folder")),
            recent_books: mine.recent_books,
            window: mine.window,
        }
    }

    /// The settings in the file at `path` alone (none when there is no file or it does not
    /// read): what is known before a book is open, such as the last book used.
    pub fn of_file(path: &Path) -> UserSettings {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Puts the book at `location` (a file's path or a server's URL) first among the recent
    /// books, once, a server's URL without its password; the oldest beyond
    /// [`RECENT_BOOKS`] are forgotten. Whether the list changed.
    pub fn remember_book(&mut self, location: &str) -> bool {
        let kept = url_to_keep(location.trim());
        if kept.is_empty() || self.recent_books.first() == Some(&kept) {
            return false;
        }
        self.recent_books.retain(|b| b != &kept);
        self.recent_books.insert(0, kept);
        self.recent_books.truncate(RECENT_BOOKS);
        true
    }

    /// Writes the settings to `path` whole (a file beside it, renamed over it).
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let partial = path.with_extension(format!("json.{}", std::process::id()));
        let text = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&partial, text)?;
        std::fs::rename(&partial, path)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Book;

    #[test]
    fn the_users_file_wins_and_an_older_books_settings_fill_what_it_lacks() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("partnerbook").join("settings.json");
        let book = Book::open_in_memory().expect("a book");
        settings::set(book.db(), "lang", "en").expect("an old setting");
        settings::set(book.db(), "operator", "Анна").expect("an old setting");
        let first = UserSettings::load(&path, book.db());
        assert_eq!(first.lang, Some(Lang::En));
        assert_eq!(first.operator.as_deref(), Some("Анна"));
        let mine = UserSettings {
            lang: Some(Lang::Ru),
            last_folder: Some("/home/anna/Документы".into()),
            window: Some(WindowPlace {
                x: -8,
                y: 40,
                width: 1366,
                height: 700,
            }),
            ..first
        };
        mine.save(&path).expect("saved");
        let again = UserSettings::load(&path, book.db());
        assert_eq!(again, mine);
        std::fs::write(&path, b"{ not json").expect("damaged");
        assert_eq!(
            UserSettings::load(&path, book.db()).operator.as_deref(),
            Some("Анна")
        );
    }

    #[test]
    fn recent_books_are_newest_first_once_without_passwords_and_few() {
        let mut mine = UserSettings::default();
        assert!(mine.remember_book("/home/anna/book.sqlite"));
        assert!(mine.remember_book("postgres://anna:secret@db.local:5432/book"));
        assert!(!mine.remember_book("postgres://anna@db.local:5432/book"));
        assert_eq!(
            mine.recent_books,
            [
                "postgres://anna@db.local:5432/book",
                "/home/anna/book.sqlite"
            ]
        );
        assert!(mine.remember_book("/home/anna/book.sqlite"));
        assert_eq!(mine.recent_books[0], "/home/anna/book.sqlite");
        assert_eq!(mine.recent_books.len(), 2);
        for n in 0..RECENT_BOOKS + 3 {
            mine.remember_book(&format!("/books/{n}.sqlite"));
        }
        assert_eq!(mine.recent_books.len(), RECENT_BOOKS);
        assert_eq!(
            mine.recent_books[0],
            format!("/books/{}.sqlite", RECENT_BOOKS + 2)
        );
        assert!(!mine.recent_books.iter().any(|b| b.contains("secret")));

        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("settings.json");
        mine.save(&path).expect("saved");
        let book = Book::open_in_memory().expect("a book");
        assert_eq!(UserSettings::load(&path, book.db()), mine);
    }

    #[test]
    fn the_path_follows_xdg_then_home() {
        let xdg = |k: &str| (k == "XDG_CONFIG_HOME").then(|| "/x/config".to_owned());
        assert_eq!(
            user_settings_path(xdg),
            PathBuf::from("/x/config/partnerbook/settings.json")
        );
        let home = |k: &str| (k == "HOME").then(|| "/home/anna".to_owned());
        assert_eq!(
            user_settings_path(home),
            PathBuf::from("/home/anna/.config/partnerbook/settings.json")
        );
    }
}
