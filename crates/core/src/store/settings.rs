//! The `settings` table: small settings kept in the book (operator name, language, last
//! folder, the vendor's requisites), each a text under its key.

use crate::store::sql::{Db, OptionalExtension};

use crate::Result;

/// The setting `key`, if the book has it.
pub fn get(db: &Db, key: &str) -> Result<Option<String>> {
    db.prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
}

/// Sets `key` to `value`.
pub fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}
