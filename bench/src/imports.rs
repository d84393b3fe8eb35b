//! The timed imports: `partnerbook import …` as a child, and the peer, Debian's
//! `sqlite3` `.import` of the same file into a bare table of a fresh database.

use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::time::Duration;

use crate::child::{self, Measured};

/// What `partnerbook import --json` reported.
#[derive(Debug, Default)]
pub struct Outcome {
    pub rows: u64,
    pub added: u64,
    pub unchanged: u64,
    pub refused: u64,
    pub problems: usize,
    pub committed: bool,
}

pub struct OurRun {
    pub measured: Measured,
    pub outcome: Outcome,
}

/// `partnerbook --book BOOK --lang en import KIND FILE --json [--dry-run]`.
pub fn ours(
    partnerbook: &Path,
    book: &Path,
    kind: &str,
    file: &Path,
    dry_run: bool,
    scratch: &Path,
    limit: Option<Duration>,
) -> io::Result<OurRun> {
    let mut args: Vec<&OsStr> = vec![
        "--book".as_ref(),
        book.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
        "--operator".as_ref(),
        "bench".as_ref(),
        "import".as_ref(),
        kind.as_ref(),
        file.as_os_str(),
        "--json".as_ref(),
    ];
    if dry_run {
        args.push("--dry-run".as_ref());
    }
    let measured = child::run(partnerbook, &args, scratch, limit)?;
    let outcome = parse_outcome(&measured.stdout);
    if not_available(&measured) {
        eprintln!("note: partnerbook import {kind}: command not available (usage error, exit 2)");
    } else if measured.timed_out {
        eprintln!(
            "warning: partnerbook import {kind}{} killed after {:.0} s (--timeout)",
            if dry_run { " --dry-run" } else { "" },
            measured.wall.as_secs_f64()
        );
    } else if !measured.status.success() || outcome.problems > 0 {
        eprintln!(
            "warning: partnerbook import {kind}{} exited with {}; stderr:\n{}",
            if dry_run { " --dry-run" } else { "" },
            measured.status,
            measured
                .stderr
                .lines()
                .take(20)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    Ok(OurRun { measured, outcome })
}

/// Exit status 2, a usage error: this `partnerbook` does not have the command.
pub fn not_available(measured: &Measured) -> bool {
    !measured.timed_out && measured.status.code() == Some(2)
}

fn parse_outcome(stdout: &str) -> Outcome {
    let Ok(json) = serde_json::from_str::<serde_json::Value>(stdout) else {
        return Outcome::default();
    };
    let n = |key: &str| {
        json.get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    Outcome {
        rows: n("rows"),
        added: n("added"),
        unchanged: n("unchanged"),
        refused: n("refused"),
        problems: json
            .get("problems")
            .and_then(serde_json::Value::as_array)
            .map_or(0, Vec::len),
        committed: json
            .get("committed")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false),
    }
}

/// `sqlite3 -cmd '.mode csv' -cmd '.separator ,' DB '.import FILE TABLE'` into a fresh
/// database: the table is created from the header, every column untyped text.
pub fn peer(
    sqlite3: &Path,
    db: &Path,
    file: &Path,
    table: &str,
    scratch: &Path,
) -> io::Result<(Measured, u64)> {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let import = format!(".import \"{}\" {table}", file.display());
    let args: Vec<&OsStr> = vec![
        "-bail".as_ref(),
        "-cmd".as_ref(),
        ".mode csv".as_ref(),
        "-cmd".as_ref(),
        ".separator ,".as_ref(),
        db.as_os_str(),
        import.as_ref(),
    ];
    let measured = child::run(sqlite3, &args, scratch, None)?;
    if !measured.status.success() || !measured.stderr.trim().is_empty() {
        eprintln!(
            "warning: sqlite3 .import {table} exited with {}; stderr:\n{}",
            measured.status,
            measured
                .stderr
                .lines()
                .take(20)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    let count_sql = format!("SELECT count(*) FROM {table}");
    let count = child::run(
        sqlite3,
        &[db.as_os_str(), count_sql.as_ref()],
        scratch,
        None,
    )?;
    let rows = count.stdout.trim().parse().unwrap_or(0);
    Ok((measured, rows))
}

/// `sqlite3 --version`, first two words.
pub fn sqlite3_version(sqlite3: &Path, scratch: &Path) -> String {
    child::run(sqlite3, &["--version".as_ref()], scratch, None)
        .map(|m| {
            m.stdout
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|e| format!("unavailable: {e}"))
}
