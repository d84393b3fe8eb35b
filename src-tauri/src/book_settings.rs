//! The shell's own settings kept in the book's `settings` table: `operator`, `lang`
//! and `last_folder`. (The vendor's requisites live there too, through the core.)

use partnerbook_core::audit::Actor;
use partnerbook_core::Lang;
use rusqlite::Connection;

pub const OPERATOR: &str = "operator";
pub const LANG: &str = "lang";
pub const LAST_FOLDER: &str = "last_folder";

/// Settings are read and written by the core; the shell only names its keys.
pub use partnerbook_core::settings::{get, set};

/// The language chosen in the book (Russian unless set).
pub fn lang(db: &Connection) -> Lang {
    get(db, LANG)
        .ok()
        .flatten()
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// The operator named in the book, else the OS user.
pub fn operator(db: &Connection) -> String {
    get(db, OPERATOR)
        .ok()
        .flatten()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .or_else(os_user)
        .unwrap_or_else(|| "operator".to_owned())
}

fn os_user() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
}

/// Who acts now: the operator and the local wall-clock time.
pub fn actor(db: &Connection) -> Actor {
    Actor::new(operator(db), chrono::Local::now().naive_local())
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerbook_core::store::Book;
    use partnerbook_core::Result;

    #[test]
    fn settings_round_trip() -> Result<()> {
        let book = Book::open_in_memory()?;
        let db = book.db();
        assert_eq!(get(db, LAST_FOLDER)?, None);
        set(db, LAST_FOLDER, "/home/anna/billing")?;
        set(db, LAST_FOLDER, "/home/anna/partners")?;
        assert_eq!(
            get(db, LAST_FOLDER)?.as_deref(),
            Some("/home/anna/partners")
        );
        Ok(())
    }

    #[test]
    fn lang_defaults_to_russian() -> Result<()> {
        let book = Book::open_in_memory()?;
        assert_eq!(lang(book.db()), Lang::Ru);
        set(book.db(), LANG, Lang::En.key())?;
        assert_eq!(lang(book.db()), Lang::En);
        Ok(())
    }

    #[test]
    fn operator_from_the_book_first() -> Result<()> {
        let book = Book::open_in_memory()?;
        set(book.db(), OPERATOR, "Анна")?;
        assert_eq!(actor(book.db()).operator, "Анна");
        Ok(())
    }
}
