//! Opening the book: one SQLite file, migrations, transactions and backups.

mod accrual_snapshot;
mod accrual_writer;
pub(crate) mod act_edo_files;
pub(crate) mod act_signatures;
mod backup;
mod check;
mod copy;
mod migrations;
mod page;
pub(crate) mod partner_rates;
pub mod sql;
pub(crate) mod values;
mod whatif_book;
pub mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use sql::{Db, Tx};

use crate::{Error, Result, Text};
use writer::{read_note, remove_own_note, write_note, WriterNote};

pub(crate) use accrual_snapshot::{for_each_payment, load_snapshot, Scope};
pub(crate) use accrual_writer::{append_entry, AccrualWriter};
pub use check::{check_book, Finding};
pub use copy::Counted;
pub use migrations::SCHEMA_VERSION;
pub use page::MAX_PAGE;
pub(crate) use page::{page_sql, PageSql, Rows};
pub(crate) use whatif_book::{
    book_net_by_partner, book_net_by_payment, program_unit, replace_outcomes, BookNet,
};

/// An open book. Reads go through [`Book::db`]; every change goes through
/// [`Book::write`], one `BEGIN IMMEDIATE` transaction that commits whole or not at all.
pub struct Book {
    db: Db,
    path: Option<PathBuf>,
    /// Who writes through this book and doing what, for the note other writers read.
    doing: Option<(String, Text)>,
}

/// How long a writer waits for another to finish before it is told who holds the book.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(120);

impl Book {
    /// Opens the book at `path`, creating it (with the five program templates) when it
    /// does not exist, and bringing an older book's schema up to date.
    pub fn open(path: &Path) -> Result<Book> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let db = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        db.busy_timeout(DEFAULT_WAIT)?;
        db.pragma_update(None, "journal_mode", "WAL")?;
        db.pragma_update(None, "synchronous", "NORMAL")?;
        Book::prepare(db, Some(path.to_path_buf()))
    }

    /// A book in memory, for tests.
    pub fn open_in_memory() -> Result<Book> {
        Book::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(connection: Connection, path: Option<PathBuf>) -> Result<Book> {
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.pragma_update(None, "cache_size", -32_000)?;
        let db = Db::sqlite(connection);
        migrations::migrate(&db, SCHEMA_VERSION)?;
        Ok(Book {
            db,
            path,
            doing: None,
        })
    }

    /// Where the book lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Says who writes through this book and doing what (the note a waiting writer reads).
    pub fn set_doing(&mut self, who: &str, what: Text) {
        self.doing = Some((who.to_owned(), what));
    }

    /// How long a write waits for another program's write to finish (default
    /// [`DEFAULT_WAIT`]); then it is refused with `book_busy`, naming the holder.
    pub fn set_wait(&mut self, wait: Duration) -> Result<()> {
        match self.db.as_sqlite() {
            Some(c) => Ok(c.busy_timeout(wait)?),
            None => Ok(()),
        }
    }

    /// Runs `change` in one immediate transaction: committed when it returns `Ok`,
    /// rolled back otherwise. Another program's write is waited for (see [`Book::set_wait`]).
    pub fn write<T>(&mut self, change: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let tx = self.begin()?;
        let out = change(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// An immediate transaction the caller commits, or drops to roll back (imports
    /// keep nothing from a check or a file with any problem).
    pub fn begin(&mut self) -> Result<Tx<'_>> {
        let (path, doing) = (self.path.clone(), self.doing.clone());
        let tx = Tx::begin_write(&self.db).map_err(|e| busy(e, path.as_deref()))?;
        if let Some(path) = &path {
            let (who, what) = doing.unwrap_or_else(|| {
                (
                    "—".to_owned(),
                    Text::new("записывает в книгу", "is writing to the book"),
                )
            });
            let note = WriterNote {
                who,
                what,
                since: chrono::Local::now().format("%H:%M:%S").to_string(),
                pid: std::process::id(),
            };
            write_note(path, &note);
        }
        Ok(tx)
    }

    /// A consistent copy of the whole book (`VACUUM INTO`).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let dest = dest.to_string_lossy();
        self.db.execute("VACUUM INTO ?1", [dest.as_ref()])?;
        Ok(())
    }
}

impl Drop for Book {
    fn drop(&mut self) {
        if let Some(path) = &self.path {
            remove_own_note(path);
        }
    }
}

/// A write that waited in vain: who holds the book, doing what, since when.
fn busy(e: Error, path: Option<&Path>) -> Error {
    if !matches!(&e, Error::Database(s) if s.is_busy()) {
        return e;
    }
    match path.and_then(read_note) {
        Some(n) => Error::refused(
            "book_busy",
            format!(
                "Книга занята: {} {} (с {}). Ничего не изменено — повторите, когда закончит.",
                n.who, n.what.ru, n.since
            ),
            format!(
                "The book is busy: {} {} (since {}). Nothing changed — try again when it is done.",
                n.who, n.what.en, n.since
            ),
        ),
        None => Error::refused(
            "book_busy",
            "Книга занята другой программой. Ничего не изменено — повторите позже.",
            "The book is busy with another program. Nothing changed — try again later.",
        ),
    }
}
