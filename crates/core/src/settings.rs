//! Small settings kept in the book: operator name, language, last folder.

use crate::store::sql::{Db, OptionalExtension};

use crate::Result;

pub fn get(db: &Db, key: &str) -> Result<Option<String>> {
    db.prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
}

pub fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}
