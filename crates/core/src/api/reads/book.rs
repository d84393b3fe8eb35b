//! The book itself: its check, its imports, and the person's settings an older book kept.

use std::path::Path;

use crate::import::{self, ImportRecord};
use crate::store::{self, Book, Finding};
use crate::user_settings::UserSettings;
use crate::Result;

/// What is wrong with the book (nothing, when it is sound).
pub fn check_book(book: &Book) -> Result<Vec<Finding>> {
    book.read(store::check_book)
}

/// The imports made, newest first.
pub fn import_history(book: &Book) -> Result<Vec<ImportRecord>> {
    book.read(import::import_history)
}

/// The person's settings from their file at `path`, what it lacks from the book (where
/// an older version kept it).
pub fn user_settings(book: &Book, path: &Path) -> UserSettings {
    UserSettings::load(path, book.db())
}
