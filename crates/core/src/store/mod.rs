//! Opening the book: one SQLite file, migrations, transactions and backups.

mod accrual_snapshot;
mod accrual_writer;
mod backup;
mod migrations;
mod page;
pub(crate) mod values;
mod whatif_book;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::Result;

pub(crate) use accrual_snapshot::{for_each_payment, load_snapshot, Scope};
pub(crate) use accrual_writer::{append_entry, AccrualWriter};
pub use migrations::SCHEMA_VERSION;
pub use page::MAX_PAGE;
pub(crate) use page::{page_sql, PageSql, Rows};
pub(crate) use whatif_book::{
    book_net_by_partner, book_net_by_payment, program_unit, replace_outcomes, BookNet,
};

/// An open book. Reads go through [`Book::db`]; every change goes through
/// [`Book::write`], one `BEGIN IMMEDIATE` transaction that commits whole or not at all.
pub struct Book {
    db: Connection,
    path: Option<PathBuf>,
}

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
        db.busy_timeout(Duration::from_secs(10))?;
        db.pragma_update(None, "journal_mode", "WAL")?;
        db.pragma_update(None, "synchronous", "NORMAL")?;
        Book::prepare(db, Some(path.to_path_buf()))
    }

    /// A book in memory, for tests.
    pub fn open_in_memory() -> Result<Book> {
        Book::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut db: Connection, path: Option<PathBuf>) -> Result<Book> {
        db.pragma_update(None, "foreign_keys", "ON")?;
        db.pragma_update(None, "cache_size", -32_000)?;
        migrations::migrate(&mut db, SCHEMA_VERSION)?;
        Ok(Book { db, path })
    }

    /// Where the book lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn db(&self) -> &Connection {
        &self.db
    }

    /// Runs `change` in one immediate transaction: committed when it returns `Ok`,
    /// rolled back otherwise. Another process waits (busy timeout) rather than
    /// interleaving.
    pub fn write<T>(&mut self, change: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .db
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = change(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// An immediate transaction the caller commits, or drops to roll back (imports
    /// keep nothing from a check or a file with any problem).
    pub fn begin(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .db
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// A consistent copy of the whole book (`VACUUM INTO`).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let dest = dest.to_string_lossy();
        self.db.execute("VACUUM INTO ?1", [dest.as_ref()])?;
        Ok(())
    }
}
