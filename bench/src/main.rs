//! `partnerbook-bench`: the benchmark of Partnerbook's imports, partners table, billing
//! and acts.
//!
//! Three parts, each runnable alone or with another (`--imports`, `--billing`, `--acts`;
//! all three by default):
//!
//! - **imports**: generates realistic `partners.csv` and `clients.csv` (not timed), then
//!   measures in one run `partnerbook import partners` and `import clients` (release
//!   binary as a child: wall time and peak RSS), Debian `sqlite3`'s `.import` of the same
//!   files, and the partners table's queries over the imported book.
//! - **billing**: generates a realistic year (partners, clients, a year of billing as CSV
//!   and its first rows as XLSX), then measures in one run `partnerbook import billing`
//!   against `sqlite3 .import` and pandas `read_csv` + `to_sql`, the XLSX against
//!   python-calamine and openpyxl, the partners and clients imports against
//!   `sqlite3 .import`, `balances --as-of` over the book, and `whatif` with the rules in
//!   force over the year (every partner's difference must be zero).
//!
//! `--crash` runs only the crash trials instead: the year's billing import killed with
//! SIGKILL at seeded random moments, each book checked (see `crash.rs`).
//!
//! Prints every figure with its peer, target and whether it was met. A benchmark, not a
//! test: nothing here fails on a missed target.

mod act_fodt;
mod acts;
mod acts_book;
mod acts_report;
mod billing;
mod billing_file;
mod billing_report;
mod child;
mod clients_file;
mod crash;
mod fuzz;
mod ids;
mod imports;
mod names;
mod office;
mod partners_file;
mod peers;
mod phases;
mod queries;
mod report;
mod server;
mod signatures;
mod summary;
mod whatif;
mod year;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;
use partnerbook_core::store::Book;
use partnerbook_fuzz::memory::Counting;
use partnerbook_fuzz::Target;
use rand::SeedableRng;

use imports::OurRun;
use report::secs;
use summary::Figures;

#[derive(Parser, Debug)]
#[command(
    name = "partnerbook-bench",
    about = "Benchmark of Partnerbook's imports, partners table, billing and acts",
    long_about = "Benchmark of Partnerbook's imports, partners table, billing and acts.\n\n\
        Three parts, all by default; --imports, --billing and --acts choose among them:\n\
        - imports: partners.csv and clients.csv against sqlite3 .import, the partners table;\n\
        - billing: a realistic year against sqlite3, pandas, python-calamine and openpyxl,\n  balances --as-of, whatif with the rules in force;\n\
        - acts: 1 000 acts' PDF and EDO XML made in-process against LibreOffice headless\n  \
        converting the same acts (.fodt) to PDF; `act pdf` / `act xml` for one act.\n\n\
        Every figure is printed with its peer, its target and whether it was met; nothing \
        fails on a missed target."
)]
struct Args {
    /// Run the imports part (partners and clients against sqlite3, the partners table).
    #[arg(long)]
    imports: bool,
    /// Run the billing part (a realistic year against sqlite3, pandas and openpyxl).
    #[arg(long)]
    billing: bool,
    /// Run the acts part (acts' PDF and EDO XML against LibreOffice headless).
    #[arg(long)]
    acts: bool,
    /// Run the signatures part (EDO signatures verified in-process against `openssl cms
    /// -verify` with the gost engine).
    #[arg(long)]
    signatures: bool,
    /// Run the server part against this PostgreSQL server (its URL; `scripts/bench.sh
    /// --postgres` starts a throwaway cluster and passes it): the billing year imported
    /// into PostgreSQL beside SQLite.
    #[arg(long)]
    postgres: Option<String>,
    /// Run only the crash part: the billing year's import killed with SIGKILL at random
    /// moments, each book checked (none or all of the file, the same import again
    /// completes); prints how many trials survived.
    #[arg(long)]
    crash: bool,
    /// Crash part: trials.
    #[arg(long, default_value_t = 50)]
    trials: usize,
    /// Run only the fuzz part: mutated inputs fed in process to every reader of untrusted
    /// bytes (CSV, XLSX, cell values, bank statements, EDO packages, signatures).
    #[arg(long)]
    fuzz: bool,
    /// Fuzz part: executions (the target is ≥ 10 million).
    #[arg(long, default_value_t = 10_000_000)]
    execs: u64,
    /// Fuzz part: threads (default: the machine's cores).
    #[arg(long)]
    fuzz_threads: Option<usize>,
    /// Fuzz part: only this reader (csv, xlsx, cell, statement, package, signature).
    #[arg(long, value_parser = parse_target)]
    fuzz_only: Option<Target>,
    /// Fuzz part: make and run only execution N of --seed, saving its input.
    #[arg(long)]
    replay: Option<u64>,
    /// Signatures part: signatures made and verified per key size.
    #[arg(long, default_value_t = 200)]
    signature_count: usize,
    /// Write the generated files (into --keep DIR) and stop: nothing is timed.
    #[arg(long)]
    generate_only: bool,
    /// Multiply every generated count by this (e.g. 0.01 for a quick check).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Imports part: partners to generate (ciawifi gets at most 20 000 of them).
    #[arg(long, default_value_t = 100_000)]
    partners: usize,
    /// Imports part: client rows to generate.
    #[arg(long, default_value_t = 1_000_000)]
    clients: usize,
    /// Billing part: partners of the year.
    #[arg(long, default_value_t = 10_000)]
    billing_partners: usize,
    /// Billing part: clients of the year.
    #[arg(long, default_value_t = 200_000)]
    billing_clients: usize,
    /// Billing part: billing rows of the year (CSV).
    #[arg(long, default_value_t = 1_000_000)]
    billing_rows: usize,
    /// Billing part: the first rows of the year also written as XLSX.
    #[arg(long, default_value_t = 200_000)]
    xlsx_rows: usize,
    /// Acts part: partners, so acts, to generate.
    #[arg(long, default_value_t = 1_000)]
    act_count: usize,
    /// Acts part: acts LibreOffice converts (one invocation each, then all in one).
    #[arg(long, default_value_t = 20)]
    office_acts: usize,
    /// Keep the files (CSV, XLSX, books, peer databases) in this directory.
    #[arg(long)]
    keep: Option<PathBuf>,
    /// The `partnerbook` binary (default: beside this one).
    #[arg(long)]
    partnerbook: Option<PathBuf>,
    /// The peer's `sqlite3` command.
    #[arg(long, default_value = "sqlite3")]
    sqlite3: PathBuf,
    /// The peer's LibreOffice command (acts part).
    #[arg(long, default_value = "soffice")]
    soffice: PathBuf,
    /// The Python that runs the pandas, openpyxl and python-calamine peers.
    #[arg(long, default_value = "python3")]
    python: PathBuf,
    /// Imports part: skip the dry runs (they take as long as the imports' reading, checks
    /// and writes).
    #[arg(long)]
    no_dry_run: bool,
    /// Kill an import (or dry run, Python peer, act command or LibreOffice run; LibreOffice
    /// otherwise after 300 s) still running after this many seconds; it is then reported
    /// as "> N s (killed)" or as a peer that did not run.
    #[arg(long)]
    timeout: Option<u64>,
    /// Seed of the generated data.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

impl Args {
    /// The billing year to generate (the billing and the server parts).
    fn billing_sizes(&self) -> billing::Sizes {
        billing::Sizes {
            partners: self.scaled(self.billing_partners),
            clients: self.scaled(self.billing_clients),
            rows: self.scaled(self.billing_rows),
            xlsx_rows: self.scaled(self.xlsx_rows),
        }
    }

    /// `n` times `--scale`, at least 1.
    fn scaled(&self, n: usize) -> usize {
        ((n as f64 * self.scale).round() as usize).max(1)
    }
}

/// Counts the heap, so that the fuzz part can say how much each input made it grow (an
/// atomic add per allocation elsewhere; the timed imports run in child processes).
#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn parse_target(name: &str) -> Result<Target, String> {
    Target::named(name).ok_or_else(|| {
        let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
        format!("no fuzz target {name:?}; there are {}", names.join(", "))
    })
}

fn main() -> Result<(), Box<dyn Error>> {
    let args = Args::parse();
    if args.fuzz {
        let findings = match &args.keep {
            Some(dir) => dir.join("fuzz-findings"),
            None => PathBuf::from("target/fuzz-findings"),
        };
        let threads = args.fuzz_threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        return fuzz::run(&fuzz::Options {
            findings: &findings,
            executions: args.execs,
            seed: args.seed,
            threads,
            replay: args.replay,
            only: args.fuzz_only,
        });
    }
    let partnerbook = match &args.partnerbook {
        Some(p) => p.clone(),
        None => std::env::current_exe()?.with_file_name("partnerbook"),
    };
    if !partnerbook.exists() {
        return Err(format!("no partnerbook binary at {}", partnerbook.display()).into());
    }
    let temp;
    let dir: &Path = match &args.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            dir
        }
        None => {
            temp = tempfile::tempdir()?;
            temp.path()
        }
    };
    let scratch = dir.join("scratch");
    std::fs::create_dir_all(&scratch)?;

    let version_book = scratch.join("version.sqlite");
    remove_book(&version_book)?;
    let our_sqlite: String =
        Book::open(&version_book)?
            .db()
            .query_row("SELECT sqlite_version()", [], |r| r.get(0))?;
    remove_book(&version_book)?;
    let facts = report::machine_facts(
        &imports::sqlite3_version(&args.sqlite3, &scratch),
        &our_sqlite,
    );
    report::print_facts("Machine", &facts);

    if args.crash {
        let survived = crash::run(&crash::Options {
            partnerbook: &partnerbook,
            dir: &dir.join("crash"),
            seed: args.seed,
            sizes: args.billing_sizes(),
            trials: args.trials,
        })?;
        if survived < args.trials {
            return Err(format!(
                "{} of {} crash trials failed",
                args.trials - survived,
                args.trials
            )
            .into());
        }
        return Ok(());
    }
    let (imports_part, billing_part, acts_part, signatures_part) =
        match (args.imports, args.billing, args.acts, args.signatures) {
            (false, false, false, false) if args.postgres.is_none() => (true, true, true, true),
            chosen => chosen,
        };
    if let Some(server) = &args.postgres {
        server::run(&server::Options {
            partnerbook: &partnerbook,
            server,
            dir: &dir.join("server"),
            seed: args.seed,
            sizes: args.billing_sizes(),
            limit: args.timeout.map(Duration::from_secs),
        })?;
        println!();
    }
    if imports_part {
        run_imports(&args, &partnerbook, dir, &scratch)?;
    }
    if billing_part {
        if imports_part {
            println!();
        }
        billing::run(&billing::Options {
            partnerbook: &partnerbook,
            sqlite3: &args.sqlite3,
            python: &args.python,
            dir: &dir.join("billing"),
            seed: args.seed,
            sizes: args.billing_sizes(),
            limit: args.timeout.map(Duration::from_secs),
            generate_only: args.generate_only,
        })?;
    }
    if acts_part {
        if imports_part || billing_part {
            println!();
        }
        acts::run(&acts::Options {
            partnerbook: &partnerbook,
            soffice: &args.soffice,
            dir: &dir.join("acts"),
            seed: args.seed,
            acts: args.scaled(args.act_count),
            office_acts: args.office_acts.max(1),
            limit: args.timeout.map(Duration::from_secs),
            generate_only: args.generate_only,
        })?;
    }
    if signatures_part && !args.generate_only {
        if imports_part || billing_part || acts_part {
            println!();
        }
        signatures::run(&signatures::Options {
            dir: &dir.join("signatures"),
            count: args.signature_count.max(1),
        })?;
    }
    if args.keep.is_some() {
        println!("  files kept in {}", dir.display());
    }
    Ok(())
}

/// The imports part: partners and clients against sqlite3, and the partners table.
fn run_imports(
    args: &Args,
    partnerbook: &Path,
    dir: &Path,
    scratch: &Path,
) -> Result<(), Box<dyn Error>> {
    let (partner_count, client_count) = (args.scaled(args.partners), args.scaled(args.clients));
    let book_path = dir.join("book.sqlite");
    remove_book(&book_path)?;
    let book = Book::open(&book_path)?;

    // 1. The files (not timed).
    let partners_csv = dir.join("partners.csv");
    let clients_csv = dir.join("clients.csv");
    let start = Instant::now();
    let mut rng = rand::rngs::StdRng::seed_from_u64(args.seed);
    let issued = partners_file::write(&partners_csv, partner_count, &mut rng)?;
    clients_file::write(&clients_csv, client_count, &issued, &mut rng)?;
    let counts = partners_file::program_counts(partner_count);
    println!(
        "Files (generated in {}, not timed) in {}",
        secs(start.elapsed()),
        dir.display()
    );
    for (path, rows) in [(&partners_csv, partner_count), (&clients_csv, client_count)] {
        let size = std::fs::metadata(path)?.len() as f64 / 1e6;
        println!("  {:<14} {rows:>9} rows, {size:.1} MB", file_name(path));
    }
    let per_program: Vec<String> = partners_file::PROGRAMS
        .iter()
        .zip(counts)
        .map(|(p, n)| format!("{p} {n}"))
        .collect();
    println!("  partners per program: {}", per_program.join(", "));
    println!();
    if args.generate_only {
        return Ok(());
    }

    // 2c. The peer.
    let (peer_partners, peer_partner_rows) = imports::peer(
        &args.sqlite3,
        &dir.join("peer-partners.db"),
        &partners_csv,
        "partners",
        scratch,
    )?;
    let (peer_clients, peer_client_rows) = imports::peer(
        &args.sqlite3,
        &dir.join("peer-clients.db"),
        &clients_csv,
        "clients",
        scratch,
    )?;

    // Phases of the partners import, then 2a.
    let (partner_rows_read, partners_read) = phases::read_only(&partners_csv)?;
    let (partners_valid, partners_checked) = phases::partners_read_validate(&partners_csv, &book)?;
    drop(book);
    let partners_dry = dry_run(
        args,
        partnerbook,
        &book_path,
        "partners",
        &partners_csv,
        scratch,
    )?;
    let limit = args.timeout.map(Duration::from_secs);
    let partners = imports::ours(
        partnerbook,
        &book_path,
        "partners",
        &partners_csv,
        false,
        scratch,
        limit,
    )?;

    // Phases of the clients import, then 2b.
    let book = Book::open(&book_path)?;
    let (backup_partners, backup_partners_size) =
        phases::backup(&book, &scratch.join("backup.sqlite"))?;
    drop(book);
    let (client_rows_read, clients_read) = phases::read_only(&clients_csv)?;
    let (clients_with_code, clients_parsed) = phases::clients_read_parse(&clients_csv)?;
    let clients_dry = dry_run(
        args,
        partnerbook,
        &book_path,
        "clients",
        &clients_csv,
        scratch,
    )?;
    let clients = imports::ours(
        partnerbook,
        &book_path,
        "clients",
        &clients_csv,
        false,
        scratch,
        limit,
    )?;

    // 2d. The partners table.
    let book = Book::open(&book_path)?;
    let query_timings = queries::time_queries(&book, partner_count)?;
    let (backup_all, backup_all_size) = phases::backup(&book, &scratch.join("backup.sqlite"))?;
    let table_counts = count_rows(&book)?;
    drop(book);
    let book_size =
        file_size(&book_path) + file_size(&PathBuf::from(format!("{}-wal", book_path.display())));

    // 3. The results.
    summary::print(&Figures {
        partners_rows: partner_count,
        clients_rows: client_count,
        partners,
        clients,
        partners_dry,
        clients_dry,
        peer_partners,
        peer_partner_rows,
        peer_clients,
        peer_client_rows,
        partners_read,
        partner_rows_read,
        partners_checked,
        partners_valid,
        clients_read,
        client_rows_read,
        clients_parsed,
        clients_with_code,
        backup_partners: (backup_partners, backup_partners_size),
        backup_all: (backup_all, backup_all_size),
        queries: query_timings,
        book_size,
        table_counts,
    });
    Ok(())
}

fn dry_run(
    args: &Args,
    partnerbook: &Path,
    book: &Path,
    kind: &str,
    file: &Path,
    scratch: &Path,
) -> std::io::Result<Option<OurRun>> {
    if args.no_dry_run {
        return Ok(None);
    }
    let limit = args.timeout.map(Duration::from_secs);
    imports::ours(partnerbook, book, kind, file, true, scratch, limit).map(Some)
}

fn count_rows(book: &Book) -> Result<String, Box<dyn Error>> {
    let mut parts = Vec::new();
    for table in [
        "partners",
        "partner_codes",
        "clients",
        "binding_events",
        "bindings",
        "audit",
    ] {
        let n: i64 = book
            .db()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        parts.push(format!("{table} {n}"));
    }
    Ok(parts.join(", "))
}

fn remove_book(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    let backups = path.with_file_name("backups");
    if backups.exists() {
        std::fs::remove_dir_all(backups)?;
    }
    Ok(())
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}
