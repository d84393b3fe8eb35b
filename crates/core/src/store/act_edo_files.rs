//! The EDO files the book made for its acts, kept byte for byte: a signed package is
//! matched to its act by the seller's title it carries, which must be one of these.

use crate::store::sql::{params, Db};

use crate::Result;

/// Keeps a file made for the act `act` (the same bytes again are kept once).
pub(crate) fn keep_edo_file(
    db: &Db,
    act: i64,
    file_id: &str,
    bytes: &[u8],
    made_at: &str,
) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO act_edo_files (act, file_id, bytes, made_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![act, file_id, bytes, made_at])?;
    Ok(())
}

/// What the book made under `file_id`: (act, bytes) of each version.
pub(crate) fn edo_files(db: &Db, file_id: &str) -> Result<Vec<(i64, Vec<u8>)>> {
    let mut stmt =
        db.prepare_cached("SELECT act, bytes FROM act_edo_files WHERE file_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([file_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect::<crate::Result<_>>()
}
