//! The record of each import: started with the file, finished with its counts; the
//! history the import screen lists.

use crate::import::{ImportKind, ImportRecord, ImportReport};
use crate::store::sql::{params, Db};
use crate::Result;

/// Starts the record of an import of `file` by `operator` at `at`; its id.
pub(crate) fn start_import(
    db: &Db,
    kind: ImportKind,
    file: &str,
    (at, operator): (&str, &str),
) -> Result<i64> {
    db.query_row(
        "INSERT INTO imports (kind, file, at, operator, rows, added, unchanged, refused) VALUES (?1, ?2, ?3, ?4, 0, 0, 0, 0) RETURNING id",
        params![kind.key(), file, at, operator],
        |r| r.get(0),
    )
}

/// Keeps the counts of the import `id` as its report gives them.
pub(crate) fn finish_import(db: &Db, id: i64, r: &ImportReport) -> Result<()> {
    db.execute(
        "UPDATE imports SET rows = ?2, added = ?3, unchanged = ?4, refused = ?5 WHERE id = ?1",
        params![id, r.rows, r.added, r.unchanged, r.refused],
    )?;
    Ok(())
}

/// Past imports, newest first (the latest 200).
pub fn import_history(db: &Db) -> Result<Vec<ImportRecord>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, kind, file, at, operator, rows, added, unchanged, refused FROM imports ORDER BY id DESC LIMIT 200",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ImportRecord {
            id: r.get(0)?,
            kind: r.get(1)?,
            file: r.get(2)?,
            at: r.get(3)?,
            operator: r.get(4)?,
            rows: r.get(5)?,
            added: r.get(6)?,
            unchanged: r.get(7)?,
            refused: r.get(8)?,
        })
    })?;
    rows.collect::<crate::Result<_>>()
}
