//! Embedded migrations, applied in one transaction; the book records how far it has
//! come (SQLite's `user_version`, the server's `book_schema`), so an older build refuses
//! a newer book instead of damaging it. Each engine has its own text of each migration;
//! the two change together.

use super::sql::{Db, Dialect, Tx};

use crate::{Error, Result};

const SQLITE: [&str; 8] = [
    include_str!("migrations/001_book.sql"),
    include_str!("migrations/002_audit.sql"),
    include_str!("migrations/003_ledger.sql"),
    include_str!("migrations/004_acts.sql"),
    include_str!("migrations/005_partner_account.sql"),
    include_str!("migrations/006_act_signatures.sql"),
    include_str!("migrations/007_request_keys.sql"),
    include_str!("migrations/008_shared_book.sql"),
];

const POSTGRES: [&str; 8] = [
    include_str!("migrations/postgres/001_book.sql"),
    include_str!("migrations/postgres/002_audit.sql"),
    include_str!("migrations/postgres/003_ledger.sql"),
    include_str!("migrations/postgres/004_acts.sql"),
    include_str!("migrations/postgres/005_partner_account.sql"),
    include_str!("migrations/postgres/006_act_signatures.sql"),
    include_str!("migrations/postgres/007_request_keys.sql"),
    include_str!("migrations/postgres/008_shared_book.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = SQLITE.len() as i64;

fn version(db: &Db) -> Result<i64> {
    match db.dialect() {
        Dialect::Sqlite => db.query_row("PRAGMA user_version", [], |r| r.get(0)),
        Dialect::Postgres => {
            let kept: bool =
                db.query_row("SELECT to_regclass('book_schema') IS NOT NULL", [], |r| {
                    r.get(0)
                })?;
            if !kept {
                return Ok(0);
            }
            db.query_row(
                "SELECT coalesce(max(version), 0) FROM book_schema",
                [],
                |r| r.get(0),
            )
        }
    }
}

fn set_version(db: &Db, version: i64) -> Result<()> {
    match db.dialect() {
        Dialect::Sqlite => db.execute_batch(&format!("PRAGMA user_version = {version}")),
        Dialect::Postgres => {
            db.execute("DELETE FROM book_schema", [])?;
            db.execute("INSERT INTO book_schema (version) VALUES (?1)", [version])?;
            Ok(())
        }
    }
}

/// The texts that make a book of this engine.
pub(crate) fn texts(dialect: Dialect) -> &'static [&'static str] {
    match dialect {
        Dialect::Sqlite => &SQLITE,
        Dialect::Postgres => &POSTGRES,
    }
}

/// Whether the book has this build's schema, for a book opened read-only (which is never
/// written): a newer book is refused as always, an older one must be opened for writing
/// once to be brought up to date.
pub(crate) fn check_current(db: &Db) -> Result<()> {
    let found = version(db)?;
    if found > SCHEMA_VERSION {
        return Err(Error::BookTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found < SCHEMA_VERSION {
        return Err(Error::refused(
            "book_needs_upgrade",
            format!("Книга старой версии (схема {found}, нужна {SCHEMA_VERSION}): только для чтения её не открыть — откройте её один раз для записи, чтобы обновить."),
            format!("The book is older (schema {found}, this build needs {SCHEMA_VERSION}): it cannot be opened read-only — open it once for writing to bring it up to date."),
        ));
    }
    Ok(())
}

/// Brings the book to `target` (the newest, except in tests of upgrades).
pub(crate) fn migrate(db: &Db, target: i64) -> Result<()> {
    let found = version(db)?;
    if found > SCHEMA_VERSION {
        return Err(Error::BookTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found >= target {
        return Ok(());
    }
    let tx = Tx::begin_write(db)?;
    // Another process may have migrated while we waited for the lock.
    let start = version(&tx)?;
    for (index, sql) in texts(db.dialect()).iter().enumerate() {
        let number = index as i64 + 1;
        if number <= start || number > target {
            continue;
        }
        tx.execute_batch(sql)?;
        if number == 1 {
            crate::programs::seed_templates(&tx)?;
        }
    }
    set_version(&tx, target.max(start))?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Book;

    #[test]
    fn a_fresh_book_has_the_newest_schema_and_five_programs() {
        let book = Book::open_in_memory().expect("open");
        assert_eq!(version(book.db()).expect("version"), SCHEMA_VERSION);
        let n: i64 = book
            .db()
            .query_row("SELECT count(*) FROM programs", [], |r| r.get(0))
            .expect("count");
        assert_eq!(n, 5);
    }

    #[test]
    fn an_older_book_is_upgraded_and_keeps_its_data() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("old.sqlite");
        {
            let db = Db::sqlite(rusqlite::Connection::open(&path).expect("open"));
            migrate(&db, 1).expect("version 1");
            db.execute(
                "INSERT INTO settings (key, value) VALUES ('operator', 'Анна')",
                [],
            )
            .expect("insert");
            assert_eq!(version(&db).expect("v"), 1);
            let audit: i64 = db
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'audit'",
                    [],
                    |r| r.get(0),
                )
                .expect("q");
            assert_eq!(audit, 0);
        }
        let book = Book::open(&path).expect("upgrade");
        assert_eq!(version(book.db()).expect("v"), SCHEMA_VERSION);
        let operator: String = book
            .db()
            .query_row(
                "SELECT value FROM settings WHERE key = 'operator'",
                [],
                |r| r.get(0),
            )
            .expect("kept");
        assert_eq!(operator, "Анна");
        book.db()
            .execute(
                "INSERT INTO audit (at, operator, action, entity, entity_id) VALUES ('2026-01-01 00:00:00', 'x', 'y', 'z', '1')",
                [],
            )
            .expect("new table usable");
    }

    #[test]
    fn a_newer_book_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("new.sqlite");
        drop(Book::open(&path).expect("create"));
        {
            let db = Db::sqlite(rusqlite::Connection::open(&path).expect("open"));
            db.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
                .expect("bump");
        }
        let err = Book::open(&path).err().expect("refused");
        assert_eq!(err.code(), "book_too_new");
        assert!(err.message(crate::Lang::Ru).contains("более новой версией"));
        let db = Db::sqlite(rusqlite::Connection::open(&path).expect("open"));
        assert_eq!(version(&db).expect("v"), SCHEMA_VERSION + 1);
    }

    #[test]
    fn a_failing_migration_leaves_nothing_behind() {
        let db = Db::sqlite(rusqlite::Connection::open_in_memory().expect("open"));
        db.execute_batch("CREATE TABLE programs (id TEXT)")
            .expect("clash");
        assert!(migrate(&db, SCHEMA_VERSION).is_err());
        assert_eq!(version(&db).expect("v"), 0);
        let tables: i64 = db
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .expect("q");
        assert_eq!(tables, 1, "only the table that was there before");
    }
}
