//! The person's own settings on this desktop — the operator's name, the language, the last
//! folder used — kept in the user's config file, not in the book: a book may be shared by
//! a department, and one person's language or folder is nobody else's. A book made by an
//! older version kept them in its `settings` table; they are read from there once, when
//! the user's file does not have them yet.

use std::path::{Path, PathBuf};

use crate::store::sql::Db;
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
}

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
        let mine: UserSettings = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
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
        }
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
