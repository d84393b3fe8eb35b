//! Backups: a consistent copy of the book before every import and batch of acts (and when
//! a person asks), listed with when and before what, and restored whole.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

use super::migrations::SCHEMA_VERSION;
use super::{busy, check_book, read_note, server_backups, Book};
use crate::{Error, Lang, Result, Text};

/// How many backups are kept beside a book; older ones are removed.
pub const KEEP: usize = 20;

/// Before what a backup was taken (the last part of its file's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum BackupReason {
    BeforeImportPartners,
    BeforeImportClients,
    BeforeImportBilling,
    BeforeImportStatement,
    BeforeActsBatch,
    BeforeWhatifApply,
    BeforeRestore,
    /// Taken when a person asked («Сделать копию сейчас», `book backup`).
    Manual,
    /// A name this build does not know (a newer build's).
    Other,
}

impl BackupReason {
    const ALL: [(BackupReason, &'static str, &'static str, &'static str); 8] = [
        (
            BackupReason::BeforeImportPartners,
            "before-import-partners",
            "перед импортом партнёров",
            "before importing partners",
        ),
        (
            BackupReason::BeforeImportClients,
            "before-import-clients",
            "перед импортом клиентов",
            "before importing clients",
        ),
        (
            BackupReason::BeforeImportBilling,
            "before-import-billing",
            "перед импортом биллинга",
            "before importing billing",
        ),
        (
            BackupReason::BeforeImportStatement,
            "before-import-statement",
            "перед импортом выписки банка",
            "before importing a bank statement",
        ),
        (
            BackupReason::BeforeActsBatch,
            "before-acts-batch",
            "перед актами за месяц",
            "before the month's acts",
        ),
        (
            BackupReason::BeforeWhatifApply,
            "before-whatif-apply",
            "перед применением новых правил",
            "before applying new rules",
        ),
        (
            BackupReason::BeforeRestore,
            "before-restore",
            "перед восстановлением копии",
            "before restoring a backup",
        ),
        (
            BackupReason::Manual,
            "manual",
            "сделана вручную",
            "made on request",
        ),
    ];

    /// The reason a file's name carries.
    pub fn parse(key: &str) -> BackupReason {
        Self::ALL
            .iter()
            .find(|(_, k, _, _)| *k == key)
            .map_or(BackupReason::Other, |(r, ..)| *r)
    }

    /// As a file's name carries it.
    pub fn key(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(r, ..)| *r == self)
            .map_or("other", |(_, k, _, _)| k)
    }

    /// Before what, in the person's language.
    pub fn label(self, lang: Lang) -> &'static str {
        Self::ALL.iter().find(|(r, ..)| *r == self).map_or(
            match lang {
                Lang::Ru => "другое",
                Lang::En => "other",
            },
            |(_, _, ru, en)| match lang {
                Lang::Ru => ru,
                Lang::En => en,
            },
        )
    }
}

/// One backup kept beside a book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// When it was taken (the desk's local time, from its name).
    pub taken_at: NaiveDateTime,
    pub reason: BackupReason,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A backup restored: the file the book now is a copy of, and the backup of the book as
/// it was just before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub from: PathBuf,
    pub safety: BackupFile,
}

impl Book {
    /// Copies the book into `backups/` beside it, named with the time and `reason`;
    /// keeps the newest few. A book in memory has nothing to back up, and a server book's
    /// backups are the server's job (`None` for both). A copy that does not fit on the
    /// disk is refused (`disk_full`), nothing left of it.
    pub fn backup(&self, reason: &str, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        self.refuse_if_read_only()?;
        let Some((dir, stem)) = self.backups_where() else {
            return Ok(None);
        };
        std::fs::create_dir_all(&dir).map_err(|e| no_room(e.into(), &dir))?;
        // Into a name of this process's own, then linked under the first free name: two
        // programs backing up the same book in the same second never write one file.
        let partial = dir.join(format!(
            ".{stem}-{}-{}.partial",
            std::process::id(),
            now.and_utc().timestamp_nanos_opt().unwrap_or_default()
        ));
        let _gone = Gone(partial.clone());
        if partial.exists() {
            std::fs::remove_file(&partial)?;
        }
        self.backup_to(&partial).map_err(|e| no_room(e, &dir))?;
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
        let dest = dest?;
        let old = backups_in(&dir, &stem)?;
        let excess = old.len().saturating_sub(KEEP);
        for p in old.into_iter().take(excess) {
            // Another program keeping the same number may have removed it first.
            match std::fs::remove_file(p.path) {
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
        Ok(self.backup_files()?.into_iter().map(|b| b.path).collect())
    }

    /// The backups kept of this book with when, before what and their size, newest first
    /// (none in memory or on a server).
    pub fn backup_files(&self) -> Result<Vec<BackupFile>> {
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

    /// Replaces the book with the backup at `file` — after checking it is a Partnerbook
    /// book (its schema not newer than this build's, brought up to date when older;
    /// `book check` clean) and backing up the book as it is (`before-restore`). The
    /// replacement is one transaction of the book's own connection (SQLite's online
    /// backup): whole or not at all, the book's WAL kept by SQLite, every other
    /// connection seeing the book before or after; another writer is waited for as any
    /// write waits, then refused (`book_busy`). A server book's backups are the server's.
    pub fn restore(&mut self, file: &Path, now: NaiveDateTime) -> Result<Restored> {
        if self.server.is_some() {
            return Err(server_backups());
        }
        self.refuse_if_read_only()?;
        let Some((dir, _)) = self.backups_where() else {
            return Err(Error::refused(
                "no_book_file",
                "У книги нет файла: восстанавливать некуда.",
                "The book has no file to restore into.",
            ));
        };
        if !file.is_file() {
            return Err(Error::not_found(
                format!("Файла {} нет.", file.display()),
                format!("There is no file {}.", file.display()),
            ));
        }
        std::fs::create_dir_all(&dir).map_err(|e| no_room(e.into(), &dir))?;
        // The backup is read into a copy of its own (which an older schema may change):
        // the file itself stays as it was, and retention cannot remove it meanwhile.
        let copy = dir.join(format!(
            ".restore-{}-{}.partial",
            std::process::id(),
            now.and_utc().timestamp_nanos_opt().unwrap_or_default()
        ));
        let _gone = Gone(copy.clone());
        candidate(file, &copy).map_err(|e| no_room(e, &dir))?;
        {
            let checked = Book::open(&copy)?;
            let findings = check_book(checked.db())?;
            if !findings.is_empty() {
                let list = |lang: Lang| {
                    findings
                        .iter()
                        .map(|f| f.text.get(lang).to_owned())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                return Err(Error::refused(
                    "backup_unsound",
                    format!(
                        "Копия {} не прошла проверку книги ({}); книга не изменилась.",
                        file.display(),
                        list(Lang::Ru)
                    ),
                    format!(
                        "The backup {} fails the book's check ({}); the book is unchanged.",
                        file.display(),
                        list(Lang::En)
                    ),
                ));
            }
        }
        let safety = self
            .backup(BackupReason::BeforeRestore.key(), now)?
            .ok_or_else(|| std::io::Error::other("no backup of a file book"))?;
        let path = self.path.clone();
        self.db
            .restore_from(&copy)
            .map_err(|e| busy(e, || path.as_deref().and_then(read_note)))
            .map_err(|e| no_room(e, path.as_deref().unwrap_or(&dir)))?;
        let safety = self
            .backup_files()?
            .into_iter()
            .find(|b| b.path == safety)
            .ok_or_else(|| std::io::Error::other("the backup before the restore is gone"))?;
        Ok(Restored {
            from: file.to_path_buf(),
            safety,
        })
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

/// Copies the SQLite file at `file` into `copy` — refused unless it is a Partnerbook book
/// this build can open.
fn candidate(file: &Path, copy: &Path) -> Result<()> {
    let not_a_book = || {
        Error::refused(
            "not_a_book",
            format!(
                "{} — не книга Partnerbook; книга не изменилась.",
                file.display()
            ),
            format!(
                "{} is not a Partnerbook book; the book is unchanged.",
                file.display()
            ),
        )
    };
    let source = rusqlite::Connection::open_with_flags(
        file,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let looked = source
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .and_then(|version| {
            source
                .query_row(
                    "SELECT count(*) FROM sqlite_master
                     WHERE type = 'table' AND name IN ('partners', 'ledger', 'audit')",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .map(|tables| (version, tables))
        });
    let (version, tables) = match looked {
        Ok(found) => found,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(not_a_book())
        }
        Err(e) => return Err(e.into()),
    };
    if version > SCHEMA_VERSION {
        return Err(Error::BookTooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 || tables < 3 {
        return Err(not_a_book());
    }
    drop(source);
    super::sql::copy_file(file, copy)
}

/// A failure to write for want of room, said so: `where_` had no space; the book is as
/// it was. Anything else as it is.
fn no_room(e: Error, where_: &Path) -> Error {
    let full = match &e {
        Error::Database(s) => s.is_full(),
        Error::Io(io) => {
            io.raw_os_error() == Some(28) || io.kind() == std::io::ErrorKind::StorageFull
        }
        _ => false,
    };
    if !full {
        return e;
    }
    Error::disk_full(&Text::new(
        format!("копия книги в {} не поместилась", where_.display()),
        format!("the copy of the book did not fit into {}", where_.display()),
    ))
}

/// A file (with its WAL and shared memory) removed when this goes out of scope.
struct Gone(PathBuf);

impl Drop for Gone {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.0.clone().into_os_string();
            name.push(suffix);
            // Nothing to report from a drop; a file already gone is the wish.
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
}

/// The backup file's time and reason from its `name` (`<stem>-YYYYmmdd-HHMMSS-<reason>`
/// with `-N` for a second one in the same second, `.sqlite`).
fn parse_name(stem: &str, name: &str) -> Option<(NaiveDateTime, BackupReason, u32)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".sqlite")?;
    let (when, reason) = (rest.get(..15)?, rest.get(15..)?.strip_prefix('-')?);
    let taken_at = NaiveDateTime::parse_from_str(when, "%Y%m%d-%H%M%S").ok()?;
    let (reason, n) = match reason.rsplit_once('-') {
        Some((key, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (key, n.parse().ok()?)
        }
        _ => (reason, 1),
    };
    Some((taken_at, BackupReason::parse(reason), n))
}

/// The backups of the book named `stem` in `dir`, oldest first (their names begin with
/// the time they were taken); a copy still being written is not one.
fn backups_in(dir: &Path, stem: &str) -> std::io::Result<Vec<BackupFile>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, reason, n)) = parse_name(stem, &name) else {
            continue;
        };
        let meta = entry.metadata().ok();
        let bytes = meta.as_ref().map_or(0, |m| m.len());
        // Within one second (the name's), the copy written last is the newer one.
        let written = meta.and_then(|m| m.modified().ok());
        let file = BackupFile {
            path: entry.path(),
            taken_at,
            reason,
            bytes,
        };
        found.push(((taken_at, written, n), file));
    }
    found.sort_by_key(|(key, _)| *key);
    Ok(found.into_iter().map(|(_, file)| file).collect())
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
