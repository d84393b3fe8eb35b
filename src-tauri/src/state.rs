//! What the app holds while it runs: the open book (one connection behind a mutex), the
//! person's own settings (their config file, not the book), and the cancel flag of the
//! running import.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use partnerbook_core::audit::Actor;
use partnerbook_core::store::Book;
use partnerbook_core::user_settings::{user_settings_path, UserSettings};
use partnerbook_core::{ErrorDto, Lang, Result, Text};

use crate::error::to_dto;
use crate::user;

pub struct AppState {
    book: Arc<Mutex<Book>>,
    book_path: PathBuf,
    settings: Mutex<UserSettings>,
    settings_path: PathBuf,
    /// Set by `import_cancel`; the running import sees it at its next progress report.
    pub cancel: Arc<AtomicBool>,
}

impl AppState {
    /// Opens (or creates) the book; the message says why not, in the user's language.
    pub fn open(path: &Path) -> std::result::Result<AppState, String> {
        match Book::open(path) {
            Ok(book) => Ok(AppState::new(book, path.to_path_buf())),
            Err(e) => {
                let lang = std::env::var("LANG")
                    .ok()
                    .and_then(|v| Lang::parse(&v))
                    .unwrap_or_default();
                Err(match lang {
                    Lang::Ru => {
                        format!("Не открыть книгу {}:\n{}", path.display(), e.message(lang))
                    }
                    Lang::En => format!(
                        "Cannot open the book {}:\n{}",
                        path.display(),
                        e.message(lang)
                    ),
                })
            }
        }
    }

    /// The app on `book`, with the person's settings from their config file.
    pub fn new(book: Book, book_path: PathBuf) -> AppState {
        let settings_path = user_settings_path(|k| std::env::var(k).ok());
        let settings = UserSettings::load(&settings_path, book.db());
        AppState {
            book: Arc::new(Mutex::new(book)),
            book_path,
            settings: Mutex::new(settings),
            settings_path,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn book_path(&self) -> &Path {
        &self.book_path
    }

    /// The book for a task that outlives the command's borrow (an import).
    pub fn shared_book(&self) -> Arc<Mutex<Book>> {
        Arc::clone(&self.book)
    }

    /// The person's settings as they are now.
    pub fn settings(&self) -> UserSettings {
        self.settings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Changes the person's settings and writes them to their config file.
    pub fn change_settings(
        &self,
        change: impl FnOnce(&mut UserSettings),
    ) -> std::result::Result<(), ErrorDto> {
        let mut settings = self
            .settings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        change(&mut settings);
        let lang = user::lang(&settings);
        settings
            .save(&self.settings_path)
            .map_err(|e| to_dto(e, lang))
    }

    pub fn lang(&self) -> Lang {
        user::lang(&self.settings())
    }

    /// Who acts now.
    pub fn actor(&self) -> Actor {
        user::actor(&self.settings())
    }

    /// Runs a read on the book; errors come back in the person's language.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Book, Lang) -> Result<T>,
    ) -> std::result::Result<T, ErrorDto> {
        let lang = self.lang();
        let book = lock(&self.book);
        f(&book, lang).map_err(|e| to_dto(e, lang))
    }

    /// Runs a change on the book as the current operator, now.
    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut Book, &Actor, Lang) -> Result<T>,
    ) -> std::result::Result<T, ErrorDto> {
        let (lang, actor) = (self.lang(), self.actor());
        let mut book = lock(&self.book);
        book.set_doing(
            &actor.operator,
            Text::new("работает в приложении", "is working in the app"),
        );
        f(&mut book, &actor, lang).map_err(|e| to_dto(e, lang))
    }
}

/// Locks the book. A panic in an earlier command cannot leave a half-written change
/// (its transaction rolled back when dropped), so a poisoned lock is still usable.
pub fn lock(book: &Mutex<Book>) -> MutexGuard<'_, Book> {
    book.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
