//! `book copy`: the whole book into an empty target, with the rows of every table
//! counted on both sides.

use std::path::Path;

use crate::store::sql::Db;
use serde::Serialize;

use super::Book;
use crate::{Error, Result};

/// The tables a book holds, in the order they are counted.
const TABLES: [&str; 16] = [
    "settings",
    "programs",
    "program_versions",
    "partners",
    "partner_codes",
    "partner_rates",
    "clients",
    "binding_events",
    "payments",
    "payment_outcomes",
    "ledger",
    "acts",
    "act_edo_files",
    "act_signatures",
    "imports",
    "audit",
];

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
        .map(|t| db.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)))
        .collect()
}

impl Book {
    /// Copies the book into `target`, a file that does not exist yet (or is empty);
    /// refused, nothing written, otherwise. Answers the rows of every table on both
    /// sides, which are equal.
    pub fn copy_to(&self, target: &Path) -> Result<Vec<Counted>> {
        let taken = std::fs::metadata(target).is_ok_and(|m| m.len() > 0);
        if taken {
            return Err(Error::refused(
                "copy_target_not_empty",
                format!(
                    "{} уже существует и не пуст: книга копируется только в пустое место",
                    target.display()
                ),
                format!(
                    "{} exists and is not empty: a book is copied only into an empty place",
                    target.display()
                ),
            ));
        }
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let _ = std::fs::remove_file(target);
        self.backup_to(target)?;
        let copy = Book::open(target)?;
        let counted: Vec<Counted> = TABLES
            .iter()
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
}
