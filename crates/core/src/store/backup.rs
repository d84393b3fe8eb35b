//! Backups: a consistent copy of the book before every import and batch of acts.

use std::path::{Path, PathBuf};

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
        let Some((dir, stem)) = self.backups_where() else {
            return Ok(None);
        };
        std::fs::create_dir_all(&dir)?;
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
        let old = backups_in(&dir, &stem)?;
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

    /// The folder a file book's backups are kept in (`backups/` beside it); `None` for a
    /// book in memory or on a server.
    pub fn backup_folder(&self) -> Option<PathBuf> {
        self.backups_where().map(|(dir, _)| dir)
    }

    /// The backups kept of this book, newest first (none in memory or on a server).
    pub fn backups(&self) -> Result<Vec<PathBuf>> {
        let Some((dir, stem)) = self.backups_where() else {
            return Ok(Vec::new());
        };
        let mut kept = match backups_in(&dir, &stem) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            found => found?,
        };
        kept.reverse();
        Ok(kept)
    }

    /// The backups' folder and the name they start with.
    fn backups_where(&self) -> Option<(PathBuf, String)> {
        let path = self.path()?;
        let dir = path.parent().unwrap_or(Path::new(".")).join("backups");
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "book".into());
        Some((dir, stem))
    }
}

/// The backups of the book named `stem` in `dir`, oldest first (their names begin with
/// the time they were taken); a copy still being written is not one.
fn backups_in(dir: &Path, stem: &str) -> std::io::Result<Vec<PathBuf>> {
    let prefix = format!("{stem}-");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .collect();
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backups_kept_are_listed_newest_first_and_a_book_without_a_file_has_none() {
        let dir = tempfile::tempdir().expect("a folder");
        let book = Book::open(&dir.path().join("book.sqlite")).expect("a new book");
        assert_eq!(book.backup_folder(), Some(dir.path().join("backups")));
        assert_eq!(book.backups().expect("none yet"), Vec::<PathBuf>::new());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("a day");
        let at = |h| day.and_hms_opt(h, 0, 0).expect("a time");
        let first = book.backup("before-import-partners", at(9)).expect("taken");
        let second = book.backup("before-acts-batch", at(10)).expect("taken");
        let kept = book.backups().expect("listed");
        assert_eq!(kept, [second, first].map(Option::unwrap));
        assert!(kept[0].ends_with("book-20260302-100000-before-acts-batch.sqlite"));

        let elsewhere = Book::open_in_memory().expect("a book without a file");
        assert_eq!(elsewhere.backup_folder(), None);
        assert_eq!(elsewhere.backups().expect("none"), Vec::<PathBuf>::new());
    }
}
