//! Backups: a consistent copy of the book before every import and batch of acts.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::Book;
use crate::Result;

/// How many backups are kept beside a book; older ones are removed.
const KEEP: usize = 20;

impl Book {
    /// Copies the book into `backups/` beside it, named with the time and `reason`;
    /// keeps the newest few. A book in memory has nothing to back up, and a server book's
    /// backups are the server's job (`None` for both).
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
        // Into a name of this process's own, then linked under the first free name: two
        // programs backing up the same book in the same second never write one file.
        let partial = dir.join(format!(
            ".{stem}-{}-{}.partial",
            std::process::id(),
            now.and_utc().timestamp_nanos_opt().unwrap_or_default()
        ));
        if partial.exists() {
            std::fs::remove_file(&partial)?;
        }
        self.backup_to(&partial)?;
        let base = format!("{stem}-{}-{reason}", now.format("%Y%m%d-%H%M%S"));
        let dest = (1..)
            .map(|n| match n {
                1 => dir.join(format!("{base}.sqlite")),
                n => dir.join(format!("{base}-{n}.sqlite")),
            })
            .find_map(|dest| match std::fs::hard_link(&partial, &dest) {
                Ok(()) => Some(Ok(dest)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
                Err(e) => Some(Err(e)),
            })
            .unwrap_or_else(|| Err(std::io::Error::other("no free backup name")));
        std::fs::remove_file(&partial)?;
        let dest = dest?;
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
            // Another program keeping the same number may have removed it first.
            match std::fs::remove_file(p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
        Ok(Some(dest))
    }
}
