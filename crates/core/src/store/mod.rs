//! Opening the book: one SQLite file, migrations, transactions and backups.

mod accrual_snapshot;
mod accrual_writer;
pub(crate) mod act_edo_files;
pub(crate) mod act_numbers;
pub(crate) mod act_signatures;
pub(crate) mod acts;
pub(crate) mod audit;
mod backup;
pub(crate) mod balances;
pub(crate) mod bindings;
mod check;
pub(crate) mod clients;
mod copy;
pub(crate) mod counts;
pub(crate) mod discounts;
pub(crate) mod imports;
pub(crate) mod ledger;
mod migrations;
mod page;
pub(crate) mod partner_codes;
pub(crate) mod partner_rates;
pub(crate) mod partners;
pub(crate) mod payment_outcomes;
pub(crate) mod payments;
pub(crate) mod programs;
pub mod settings;
pub mod sql;
mod throwaway;
pub(crate) mod values;
pub(crate) mod vendor;
mod whatif_book;
pub mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use backup::{BackupFile, BackupReason, Restored, KEEP};
pub use sql::{Db, Tx};
pub use throwaway::{test_books_server, test_server, Throwaway, TEST_ENGINE, TEST_SERVER};

use crate::{Error, Result, Text};
use sql::Dialect;
use writer::{
    read_note, read_server_note, remove_own_note, write_note, write_server_note, WriterNote,
};

pub(crate) use accrual_snapshot::{for_each_payment, load_snapshot, Scope};
pub(crate) use accrual_writer::{append_entry, AccrualWriter};
pub use check::{check_book, Finding};
pub use copy::Counted;
pub use migrations::SCHEMA_VERSION;
pub use page::MAX_PAGE;
pub(crate) use page::{page_sql, rows_and_total, PageSql, Rows};
pub(crate) use whatif_book::{
    book_net_by_partner, book_net_by_payment, program_unit, replace_outcomes, BookNet,
};

/// An open book: a SQLite file on this desk, or a database on a PostgreSQL server that a
/// department shares. Every read goes through [`Book::read`], one snapshot of the book;
/// every change goes through [`Book::write`], one transaction that takes the book's write
/// lock first and commits whole or not at all. The shells call neither: they call
/// [`crate::api`], which does.
pub struct Book {
    // Declared first, dropped first: a throwaway book is removed after its connection.
    db: Db,
    path: Option<PathBuf>,
    /// The server's URL as it may be shown (no password), for a server book.
    server: Option<String>,
    /// Who writes through this book and doing what, for the note other writers read.
    doing: Option<(String, Text)>,
    /// Whether this book wrote the writer's note beside its file (removed when it closes).
    noted: bool,
    /// Opened to be read only (`--read-only`, a file without write permission, a server
    /// role that may not write): every write is refused before it starts.
    read_only: bool,
    /// The most pages the book and its backups may have: a full disk in tests.
    page_limit: Option<u64>,
    throwaway: Option<throwaway::Throwaway>,
}

/// How long a writer waits for another to finish before it is told who holds the book.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(120);

impl Book {
    /// Opens the book at `path`, creating it (with the five program templates) when it
    /// does not exist, and bringing an older book's schema up to date.
    /// A `postgres://` URL (as `path`) opens the book on that server instead.
    /// A file the person may not write (no write permission) opens read-only.
    pub fn open(path: &Path) -> Result<Book> {
        if let Some(url) = path.to_str().filter(|p| sql::is_server_url(p)) {
            return Book::open_server(url);
        }
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Book::open_read_only(path);
        }
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

    /// The book at `path` (a file, or a server's URL) to be read only: nothing in it is
    /// written, not even an older book's schema brought up to date (refused: open it for
    /// writing once); every write is refused, naming the operation.
    pub fn open_read_only(path: &Path) -> Result<Book> {
        if let Some(url) = path.to_str().filter(|p| sql::is_server_url(p)) {
            let db = Db::postgres(url)?;
            migrations::check_current(&db)?;
            let mut book = Book::with(db, None);
            book.server = Some(sql::without_password(url));
            book.read_only = true;
            return Ok(book);
        }
        if !path.is_file() {
            return Err(Error::not_found(
                format!(
                    "Книги {} нет: только для чтения открывается книга, которая уже есть.",
                    path.display()
                ),
                format!(
                    "There is no book at {}: only a book that exists opens read-only.",
                    path.display()
                ),
            ));
        }
        let db = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        db.busy_timeout(DEFAULT_WAIT)?;
        db.pragma_update(None, "foreign_keys", "ON")?;
        db.pragma_update(None, "cache_size", -32_000)?;
        let db = Db::sqlite(db);
        migrations::check_current(&db)?;
        let mut book = Book::with(db, Some(path.to_path_buf()));
        book.read_only = true;
        Ok(book)
    }

    /// Whether the book is open to be read only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn with(db: Db, path: Option<PathBuf>) -> Book {
        Book {
            db,
            path,
            server: None,
            doing: None,
            noted: false,
            read_only: false,
            page_limit: None,
            throwaway: None,
        }
    }

    /// The book on a PostgreSQL server at `url` (`postgres://user@host:port/database`;
    /// the password from `PGPASSWORD` or `~/.pgpass`), made there when the database is
    /// empty, brought up to date when older.
    pub fn open_server(url: &str) -> Result<Book> {
        let db = Db::postgres(url)?;
        migrations::migrate(&db, SCHEMA_VERSION)?;
        let mut book = Book::with(db, None);
        book.server = Some(sql::without_password(url));
        // A role that may read the book but not write it: a read-only book, whose
        // writes are refused before they start.
        book.read_only = !book.db.query_row(
            "SELECT has_table_privilege('audit', 'INSERT') AND has_table_privilege('ledger', 'INSERT')",
            [],
            |r| r.get::<_, bool>(0),
        )?;
        Ok(book)
    }

    /// A book of its own for a test: in memory, or — with `PARTNERBOOK_TEST_ENGINE=postgres`
    /// — a fresh database on the test server, removed when the book is dropped.
    pub fn open_in_memory() -> Result<Book> {
        if let Some(server) = throwaway::test_books_server() {
            let made = throwaway::Throwaway::make(&server)?;
            let mut book = Book::open_server(&made.url)?;
            book.throwaway = Some(made);
            return Ok(book);
        }
        Book::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(connection: Connection, path: Option<PathBuf>) -> Result<Book> {
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.pragma_update(None, "cache_size", -32_000)?;
        let db = Db::sqlite(connection);
        migrations::migrate(&db, SCHEMA_VERSION)?;
        Ok(Book::with(db, path))
    }

    /// Where the book's file is (`None` in memory or on a server).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The server a shared book is on, as it may be shown (`None` for a file).
    pub fn server(&self) -> Option<&str> {
        self.server.as_deref()
    }

    /// The connection itself: the core's, and — with the `direct-db` feature — its own
    /// integration tests' and the benchmark's, which call the domain's functions on it.
    /// The shells (built without the feature) read through [`crate::api`].
    #[cfg(feature = "direct-db")]
    pub fn db(&self) -> &Db {
        &self.db
    }

    #[cfg(not(feature = "direct-db"))]
    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    /// Runs `read` on one snapshot of the book (see [`Tx::begin_read`]): a page and its
    /// total agree even while another connection commits; a writer is never waited for.
    pub(crate) fn read<T>(&self, read: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let tx = Tx::begin_read(&self.db)?;
        let out = read(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Says who writes through this book and doing what (the note a waiting writer reads).
    pub fn set_doing(&mut self, who: &str, what: Text) {
        self.doing = Some((who.to_owned(), what));
    }

    /// How long a write waits for another program's write to finish (default
    /// [`DEFAULT_WAIT`]); then it is refused with `book_busy`, naming the holder.
    pub fn set_wait(&mut self, wait: Duration) -> Result<()> {
        self.db.set_wait(wait)
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
        self.refuse_if_read_only()?;
        let (who, what) = self.doing();
        let note = WriterNote {
            who,
            what,
            since: chrono::Local::now().format("%H:%M:%S").to_string(),
            pid: std::process::id(),
        };
        let db = &self.db;
        if db.dialect() == Dialect::Postgres {
            write_server_note(db, &note)?;
            return Tx::begin_write(db).map_err(|e| busy(e, || read_server_note(db)));
        }
        let path = self.path.as_deref();
        let tx = Tx::begin_write(db).map_err(|e| busy(e, || path.and_then(read_note)))?;
        if let Some(path) = path {
            write_note(path, &note);
            self.noted = true;
        }
        Ok(tx)
    }

    /// Who writes through this book and doing what.
    fn doing(&self) -> (String, Text) {
        self.doing.clone().unwrap_or_else(|| {
            (
                "—".to_owned(),
                Text::new("записывает в книгу", "is writing to the book"),
            )
        })
    }

    /// Refuses a write to a book open read-only, naming what was to be done.
    pub(crate) fn refuse_if_read_only(&self) -> Result<()> {
        if !self.read_only {
            return Ok(());
        }
        let (who, what) = self.doing();
        Err(Error::read_only(&Text::new(
            format!("{who} {}", what.ru),
            format!("{who} {}", what.en),
        )))
    }

    /// A consistent copy of the whole book, page for page (SQLite's online backup, in
    /// one step: one snapshot); a server book's backups are the server's (refused here).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if self.db.dialect() == Dialect::Postgres {
            return Err(server_backups());
        }
        self.db.copy_into(dest, self.page_limit)
    }

    /// Limits the book and the backups it takes to `pages` pages: a disk that fills up,
    /// for tests (SQLite's `max_page_count`).
    #[cfg(feature = "direct-db")]
    pub fn limit_pages(&mut self, pages: u64) -> Result<()> {
        self.db
            .execute_batch(&format!("PRAGMA max_page_count = {pages}"))?;
        self.page_limit = Some(pages);
        Ok(())
    }
}

impl Drop for Book {
    fn drop(&mut self) {
        // Only a book that wrote the note removes it: a second connection of this
        // process to the same file (the app's reader) leaves the writer's note alone.
        if let Some(path) = self.path.as_ref().filter(|_| self.noted) {
            remove_own_note(path);
        }
    }
}

/// A server book's backups are the server's.
pub(crate) fn server_backups() -> Error {
    Error::refused(
        "server_backup",
        "Копии книги на сервере делает сервер (pg_dump и его расписание).",
        "A server book is backed up by its server (pg_dump and its schedule).",
    )
}

/// A write that waited in vain: who holds the book, doing what, since when.
fn busy(e: Error, holder: impl FnOnce() -> Option<WriterNote>) -> Error {
    if !matches!(&e, Error::Database(s) if s.is_busy()) {
        return e;
    }
    match holder() {
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
