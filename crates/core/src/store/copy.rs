//! `book copy`: the whole book into an empty target — a file or a server's database,
//! from either — with the rows of every table counted on both sides.

use std::path::Path;

use serde::Serialize;

use super::sql::{is_server_url, Db, Dialect, Value};
use super::Book;
use crate::{Error, Result};

/// The tables a book holds, in the order they are copied and counted, and whether the
/// first column is the table's integer key (read page by page, in order; on a server,
/// its id counter moves past the copied rows).
const TABLES: [(&str, bool); 16] = [
    ("settings", false),
    ("programs", false),
    ("program_versions", true),
    ("partners", false),
    ("partner_codes", false),
    ("partner_rates", false),
    ("clients", true),
    ("binding_events", true),
    ("payments", true),
    ("payment_outcomes", true),
    ("ledger", true),
    ("acts", true),
    ("act_edo_files", true),
    ("act_signatures", true),
    ("imports", true),
    ("audit", true),
];

/// The tables a new book is made with rows in (the program templates, its settings).
const SEEDED: [&str; 3] = ["program_versions", "programs", "settings"];

/// Rows read from the book at a time.
const PAGE: i64 = 5_000;

/// A table's rows in the book and in its copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counted {
    pub table: &'static str,
    pub source: i64,
    pub target: i64,
}

fn counts(db: &Db) -> Result<Vec<i64>> {
    TABLES
        .iter()
        .map(|(t, _)| db.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)))
        .collect()
}

impl Book {
    /// Copies the book into `target` — a file that does not exist yet (or is empty), or a
    /// server's database (`postgres://…`) holding no book yet; refused, nothing written,
    /// otherwise. Answers the rows of every table on both sides, which are equal.
    pub fn copy_to(&self, target: &Path) -> Result<Vec<Counted>> {
        let server = target.to_str().is_some_and(is_server_url);
        let copy = if server {
            self.copy_rows(target)?
        } else {
            self.copy_to_file(target)?
        };
        let counted: Vec<Counted> = TABLES
            .iter()
            .map(|(table, _)| *table)
            .zip(counts(self.db())?)
            .zip(counts(copy.db())?)
            .map(|((table, source), target)| Counted {
                table,
                source,
                target,
            })
            .collect();
        if let Some(c) = counted.iter().find(|c| c.source != c.target) {
            return Err(Error::refused(
                "copy_differs",
                format!(
                    "копия неполна: в таблице {} {} строк против {}",
                    c.table, c.target, c.source
                ),
                format!(
                    "the copy is incomplete: the table {} has {} rows, not {}",
                    c.table, c.target, c.source
                ),
            ));
        }
        Ok(counted)
    }

    /// The copy into a file: made whole beside the target under a name of its own, then
    /// renamed to the target, so that a copy killed in the middle leaves the target as it
    /// was (not a part of a book that would refuse the copy made again).
    fn copy_to_file(&self, target: &Path) -> Result<Book> {
        let taken = std::fs::metadata(target).is_ok_and(|m| m.len() > 0);
        if taken {
            return Err(not_empty(&target.display().to_string()));
        }
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let partial = partial_path(target);
        remove_file_book(&partial);
        let made = if self.db.dialect() == Dialect::Sqlite {
            self.backup_to(&partial).map(|()| None)
        } else {
            self.copy_rows(&partial).map(Some)
        };
        // A book made by copying rows is closed before its file moves.
        if let Err(e) = made.map(drop) {
            remove_file_book(&partial);
            return Err(e);
        }
        std::fs::rename(&partial, target)?;
        Book::open(target)
    }

    /// Opens (and so makes) the book at `target` and writes every row into it, in one
    /// transaction.
    fn copy_rows(&self, target: &Path) -> Result<Book> {
        let mut copy = Book::open(target)?;
        let shown = copy
            .server()
            .map_or_else(|| target.display().to_string(), str::to_owned);
        copy.write(|to| {
            if holds_a_book(to)? {
                return Err(not_empty(&shown));
            }
            for table in SEEDED {
                to.execute(&format!("DELETE FROM {table}"), [])?;
            }
            for (table, keyed) in TABLES {
                copy_table(self.db(), to, table, keyed)?;
            }
            let counted = TABLES
                .iter()
                .filter(|(t, keyed)| *keyed && *t != "payment_outcomes");
            for (table, _) in counted {
                to.ids_given(table)?;
            }
            Ok(())
        })?;
        Ok(copy)
    }
}

/// Where a copy into the file `target` is made before it is renamed to `target`.
fn partial_path(target: &Path) -> std::path::PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".partial");
    name.into()
}

/// Removes a book's file and the files SQLite keeps beside it, whichever exist.
fn remove_file_book(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

fn not_empty(target: &str) -> Error {
    Error::refused(
        "copy_target_not_empty",
        format!("{target} уже существует и не пуст: книга копируется только в пустое место"),
        format!("{target} exists and is not empty: a book is copied only into an empty place"),
    )
}

/// Whether a book made at the target holds anything of its own beyond the templates.
fn holds_a_book(db: &Db) -> Result<bool> {
    for (table, _) in TABLES.iter().filter(|(t, _)| !SEEDED.contains(t)) {
        let any: bool = db.query_row(
            &format!("SELECT count(*) > 0 FROM (SELECT 1 FROM {table} LIMIT 1) t"),
            [],
            |r| r.get(0),
        )?;
        if any {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Copies one table's rows in the order of their first column, page by page for the
/// large ones, many rows per statement.
fn copy_table(from: &Db, to: &Db, table: &str, keyed: bool) -> Result<()> {
    let sql = if keyed {
        format!("SELECT * FROM {table} WHERE {{key}} > ?1 ORDER BY 1 LIMIT {PAGE}")
    } else {
        format!("SELECT * FROM {table} ORDER BY 1")
    };
    let names = from
        .prepare(&format!("SELECT * FROM {table} LIMIT 0"))?
        .column_names();
    let sql = sql.replace("{key}", &names[0]);
    let mut last = i64::MIN;
    loop {
        let mut stmt = from.prepare(&sql)?;
        let width = names.len();
        let rows: Vec<Vec<Value>> = if keyed {
            stmt.query_map([last], |r| (0..width).map(|i| r.get(i)).collect())?
                .collect::<Result<_>>()?
        } else {
            stmt.query_map([], |r| (0..width).map(|i| r.get(i)).collect())?
                .collect::<Result<_>>()?
        };
        let Some(Value::Integer(newest)) = rows.last().and_then(|r| r.first()).cloned() else {
            write_rows(to, table, &names, rows)?;
            return Ok(());
        };
        let full = i64::try_from(rows.len()).unwrap_or(i64::MAX) == PAGE;
        write_rows(to, table, &names, rows)?;
        if !keyed || !full {
            return Ok(());
        }
        last = newest;
    }
}

fn write_rows(to: &Db, table: &str, names: &[String], rows: Vec<Vec<Value>>) -> Result<()> {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut values: Vec<Value> = rows.into_iter().flatten().collect();
    to.insert_rows(table, &names, &mut values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_killed_in_the_middle_leaves_no_target_and_the_copy_again_completes() {
        let dir = tempfile::tempdir().expect("a folder");
        let book = Book::open(&dir.path().join("book.sqlite")).expect("a new book");
        let target = dir.path().join("copy.sqlite");
        // What a copy killed while writing leaves: its partial file, never the target.
        std::fs::write(partial_path(&target), b"SQLite format 3\0 half a page").expect("written");
        assert!(!target.exists());
        let counted = book.copy_to(&target).expect("the copy again completes");
        assert!(counted.iter().all(|c| c.source == c.target), "{counted:?}");
        assert!(!partial_path(&target).exists());
        let copy = Book::open(&target).expect("the copy opens");
        assert!(crate::store::check_book(copy.db())
            .expect("checked")
            .is_empty());
    }
}
