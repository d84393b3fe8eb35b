//! The server part: the generated year (partners, clients, a year of billing) imported
//! into a book on PostgreSQL beside the same imports into a SQLite book, in one run, and
//! `balances --as-of` over each. `scripts/bench.sh --postgres` starts a throwaway local
//! cluster for it (and stops it after). Target: the server's billing import within 2×
//! of the file's.

use std::error::Error;
use std::path::Path;
use std::time::Duration;

use partnerbook_core::store::Throwaway;

use crate::billing::{self, Sizes};
use crate::child::{self, Measured};
use crate::imports;
use crate::report::{mb, print_table, secs, Line};
use crate::year;

pub struct Options<'a> {
    pub partnerbook: &'a Path,
    pub server: &'a str,
    pub dir: &'a Path,
    pub seed: u64,
    pub sizes: Sizes,
    pub limit: Option<Duration>,
}

/// What one engine took.
struct Engine {
    imports: [Measured; 3],
    balances: Measured,
}

const KINDS: [&str; 3] = ["partners", "clients", "billing"];

fn on(
    o: &Options,
    book: &Path,
    files: [&Path; 3],
    scratch: &Path,
) -> Result<Engine, Box<dyn Error>> {
    let mut imports = Vec::new();
    for (kind, file) in KINDS.iter().zip(files) {
        let run = imports::ours(o.partnerbook, book, kind, file, false, scratch, o.limit)?;
        if !run.measured.status.success() {
            return Err(format!(
                "import {kind} into {} failed: {}",
                book.display(),
                run.measured.stderr
            )
            .into());
        }
        imports.push(run.measured);
    }
    let as_of = year::last_day().to_string();
    let args = [
        "--book".as_ref(),
        book.as_os_str(),
        "balances".as_ref(),
        "--as-of".as_ref(),
        as_of.as_ref(),
        "--json".as_ref(),
    ];
    let balances = child::run(o.partnerbook, &args, scratch, o.limit)?;
    let imports: [Measured; 3] = imports.try_into().map_err(|_| "three imports")?;
    Ok(Engine { imports, balances })
}

pub fn run(o: &Options) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(o.dir)?;
    let scratch = o.dir.join("scratch");
    std::fs::create_dir_all(&scratch)?;
    let files = billing::generate(o.dir, o.sizes, o.seed)?;
    println!(
        "Server book: the generated year ({} partners, {} client rows, {} billing rows) into PostgreSQL and SQLite",
        o.sizes.partners, files.client_rows, files.written.rows
    );
    let paths = [
        files.partners.as_path(),
        files.clients.as_path(),
        files.billing.as_path(),
    ];
    let file_book = o.dir.join("book.sqlite");
    crate::remove_book(&file_book)?;
    let sqlite = on(o, &file_book, paths, &scratch)?;
    let database = Throwaway::make(o.server)?;
    let postgres = on(o, Path::new(&database.url), paths, &scratch)?;
    let mut lines = Vec::new();
    for ((kind, ours), peer) in KINDS.iter().zip(&postgres.imports).zip(&sqlite.imports) {
        let ratio = ours.wall.as_secs_f64() / peer.wall.as_secs_f64().max(1e-9);
        let line = Line::new(
            format!("import {kind} (peak {})", mb(ours.peak_rss_mb())),
            secs(ours.wall),
        )
        .peer(
            format!("{} (peak {})", secs(peer.wall), mb(peer.peak_rss_mb())),
            Some(ratio),
        );
        lines.push(if *kind == "billing" {
            line.target("≤ 2× SQLite", Some(ratio <= 2.0))
        } else {
            line
        });
    }
    let ratio = postgres.balances.wall.as_secs_f64() / sqlite.balances.wall.as_secs_f64().max(1e-9);
    lines.push(
        Line::new(
            "balances --as-of the year's end",
            secs(postgres.balances.wall),
        )
        .peer(secs(sqlite.balances.wall), Some(ratio)),
    );
    print_table(
        [
            "measurement",
            "PostgreSQL",
            "SQLite (same run)",
            "ratio",
            "target",
            "",
        ],
        &lines,
    );
    let same = postgres.balances.stdout == sqlite.balances.stdout;
    println!(
        "  balances on both engines: {}",
        if same { "identical" } else { "DIFFERENT" }
    );
    Ok(())
}
