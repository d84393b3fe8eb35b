//! Backups: a consistent copy of the book before every import and batch of acts.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::Book;
use crate::Result;

/// How many backups are kept beside a book; older ones are removed.
const KEEP: usize = 20;

impl Book {
    /// Copies the book into `backups/` beside it, named with the time and `reason`;
    /// keeps the newest few. A book in memory has nothing to back up (`None`).
    pub fn backup(&self, reason: &str, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let dir = path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("backups");
        std::fs::create_dir_all(&dir)?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "book".into());
        let dest = dir.join(format!(
            "{stem}-{}-{reason}.sqlite",
            now.format("%Y%m%d-%H%M%S")
        ));
        if dest.exists() {
            std::fs::remove_file(&dest)?;
        }
        self.backup_to(&dest)?;
        let prefix = format!("{stem}-");
        let mut old: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            .collect();
        old.sort();
        let excess = old.len().saturating_sub(KEEP);
        for p in old.into_iter().take(excess) {
            std::fs::remove_file(p)?;
        }
        Ok(Some(dest))
    }
}
