//! The billing benchmark: a generated realistic year (partners, clients, a year of
//! billing), then in one run `partnerbook import billing` (import and accrual) against
//! Debian `sqlite3`'s `.import` of the same CSV and pandas' `read_csv` + `to_sql`, the
//! same year's first rows as XLSX against python-calamine's and openpyxl's loads, the
//! partners and clients imports against `sqlite3 .import`, `balances --as-of` over the
//! book, and `whatif` with the rules in force over the year (the replay oracle).

use std::error::Error;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::SeedableRng;

use crate::billing_file::{self, Written};
use crate::billing_report::{self, Figures};
use crate::child::{self, Measured};
use crate::imports::{self, OurRun};
use crate::partners_file::{self, PROGRAMS};
use crate::peers::{self, PeerRun};
use crate::report::secs;
use crate::year;

/// Runs of `balances`; the median counts.
pub const BALANCES_RUNS: usize = 5;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub partners: usize,
    pub clients: usize,
    pub rows: usize,
    pub xlsx_rows: usize,
}

pub struct Options<'a> {
    pub partnerbook: &'a Path,
    pub sqlite3: &'a Path,
    pub python: &'a Path,
    /// Where the files, books and peer databases go.
    pub dir: &'a Path,
    pub seed: u64,
    pub sizes: Sizes,
    pub limit: Option<Duration>,
    pub generate_only: bool,
}

/// The generated files.
pub struct Files {
    pub partners: PathBuf,
    pub clients: PathBuf,
    pub billing: PathBuf,
    pub xlsx: PathBuf,
    pub client_rows: usize,
    pub client_attempts: usize,
    pub written: Written,
    pub took: [Duration; 3],
}

/// Writes the year's files into `dir`.
pub fn generate(dir: &Path, sizes: Sizes, seed: u64) -> Result<Files, Box<dyn Error>> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let partners = dir.join("partners.csv");
    let clients = dir.join("clients.csv");
    let billing = dir.join("billing.csv");
    let xlsx = dir.join("billing.xlsx");
    let start = Instant::now();
    let issued = partners_file::write(&partners, sizes.partners, &mut rng)?;
    let t_partners = start.elapsed();
    let start = Instant::now();
    let mut year_clients = year::write(&clients, sizes.clients, &issued, &mut rng)?;
    let t_clients = start.elapsed();
    let start = Instant::now();
    let written = billing_file::write(
        &billing,
        &xlsx,
        sizes.xlsx_rows,
        sizes.rows,
        &mut year_clients.clients,
        &issued,
        &mut rng,
    )?;
    let t_billing = start.elapsed();
    Ok(Files {
        partners,
        clients,
        billing,
        xlsx,
        client_rows: year_clients.rows,
        client_attempts: year_clients.attempts,
        written,
        took: [t_partners, t_clients, t_billing],
    })
}

fn size_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

fn print_files(dir: &Path, sizes: Sizes, files: &Files) {
    let total: Duration = files.took.iter().sum();
    println!(
        "Billing year files (generated in {}, not timed) in {}",
        secs(total),
        dir.display()
    );
    let w = &files.written;
    let lines = [
        (&files.partners, sizes.partners, files.took[0]),
        (&files.clients, files.client_rows, files.took[1]),
        (&files.billing, w.rows, files.took[2]),
    ];
    for (path, rows, took) in lines {
        println!(
            "  {:<14} {rows:>9} rows, {:>6.1} MB, written in {}",
            crate::file_name(path),
            size_mb(path),
            secs(took)
        );
    }
    println!(
        "  {:<14} {:>9} rows, {:>6.1} MB (the first rows of billing.csv, up to {}; written with it)",
        crate::file_name(&files.xlsx),
        w.xlsx_rows,
        size_mb(&files.xlsx),
        w.xlsx_until.map_or_else(|| "?".into(), |d| d.to_string())
    );
    let counts = partners_file::program_counts(sizes.partners);
    let per_program: Vec<String> = PROGRAMS
        .iter()
        .zip(counts)
        .zip(w.per_program)
        .map(|((p, partners), rows)| format!("{p} {partners}/{rows}"))
        .collect();
    println!(
        "  partners/billing rows per program: {}",
        per_program.join(", ")
    );
    println!(
        "  clients {} ({} rows, {} binding attempts); billing {} .. {}: refunds {} ({} partial), \
         with a promo code {}, with a promotion {}, not direct {}, not tariff {}",
        sizes.clients,
        files.client_rows,
        files.client_attempts,
        year::first_day(),
        year::last_day(),
        w.refunds,
        w.partial_refunds,
        w.with_promo_code,
        w.with_promotion,
        w.indirect,
        w.not_tariff
    );
    println!();
}

/// Our import of `file` into `book`, or `None` when the command is not there (exit 2).
fn import(
    o: &Options,
    book: &Path,
    kind: &str,
    file: &Path,
    scratch: &Path,
) -> std::io::Result<OurRun> {
    imports::ours(o.partnerbook, book, kind, file, false, scratch, o.limit)
}

/// `balances --as-of LAST_DAY --json`, [`BALANCES_RUNS`] times.
pub struct Balances {
    pub runs: Vec<Measured>,
    pub partners: Option<usize>,
}

impl Balances {
    pub fn available(&self) -> bool {
        self.runs
            .first()
            .is_some_and(|m| !imports::not_available(m))
    }

    pub fn ok(&self) -> bool {
        self.runs.iter().all(|m| m.status.success())
    }

    pub fn sorted(&self) -> Vec<Duration> {
        let mut walls: Vec<Duration> = self.runs.iter().map(|m| m.wall).collect();
        walls.sort();
        walls
    }

    pub fn median(&self) -> Option<Duration> {
        let walls = self.sorted();
        walls.get(walls.len() / 2).copied()
    }
}

fn balances(o: &Options, book: &Path, scratch: &Path) -> std::io::Result<Balances> {
    let as_of = year::last_day().to_string();
    let args: [&OsStr; 8] = [
        "--book".as_ref(),
        book.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
        "balances".as_ref(),
        "--as-of".as_ref(),
        as_of.as_ref(),
        "--json".as_ref(),
    ];
    let mut runs = Vec::new();
    let mut partners = None;
    for _ in 0..BALANCES_RUNS {
        let m = child::run(o.partnerbook, &args, scratch, o.limit)?;
        if imports::not_available(&m) {
            eprintln!("note: partnerbook balances: command not available (usage error, exit 2)");
            runs.push(m);
            break;
        }
        if !m.status.success() {
            eprintln!(
                "warning: partnerbook balances exited with {}; stderr:\n{}",
                m.status,
                m.stderr.lines().take(20).collect::<Vec<_>>().join("\n")
            );
        }
        partners = serde_json::from_str::<serde_json::Value>(&m.stdout)
            .ok()
            .and_then(|v| v.as_array().map(Vec::len));
        runs.push(m);
    }
    Ok(Balances { runs, partners })
}

/// Copies the book (and its WAL, if any) to `to`: the same partners and clients.
fn copy_book(from: &Path, to: &Path) -> std::io::Result<()> {
    crate::remove_book(to)?;
    std::fs::copy(from, to)?;
    let wal = |p: &Path| PathBuf::from(format!("{}-wal", p.display()));
    if wal(from).exists() {
        std::fs::copy(wal(from), wal(to))?;
    }
    Ok(())
}

pub fn run(o: &Options) -> Result<(), Box<dyn Error>> {
    let dir = o.dir;
    std::fs::create_dir_all(dir)?;
    let scratch = dir.join("scratch");
    std::fs::create_dir_all(&scratch)?;

    // 1. The files (not timed).
    let files = generate(dir, o.sizes, o.seed)?;
    print_files(dir, o.sizes, &files);
    if o.generate_only {
        return Ok(());
    }

    // 2. The book: its partners and clients (timed, no peer); a copy for the XLSX.
    //    Their peers first: sqlite3 .import of the same files.
    let partners_peer = imports::peer(
        o.sqlite3,
        &dir.join("peer-partners.db"),
        &files.partners,
        "partners",
        &scratch,
    )?;
    let clients_peer = imports::peer(
        o.sqlite3,
        &dir.join("peer-clients.db"),
        &files.clients,
        "clients",
        &scratch,
    )?;
    let book = dir.join("book.sqlite");
    crate::remove_book(&book)?;
    let partners = import(o, &book, "partners", &files.partners, &scratch)?;
    let clients = import(o, &book, "clients", &files.clients, &scratch)?;
    let xlsx_dir = dir.join("xlsx-book");
    std::fs::create_dir_all(&xlsx_dir)?;
    let xlsx_book = xlsx_dir.join("book.sqlite");
    copy_book(&book, &xlsx_book)?;

    // Reading alone, in this process, through the import's own reader.
    let read_csv = crate::phases::read_only(&files.billing)?;
    let read_xlsx = crate::phases::read_only(&files.xlsx)?;

    // 3. The CSV: the peers, then ours.
    let (sqlite3, sqlite3_rows) = imports::peer(
        o.sqlite3,
        &dir.join("peer-sqlite3.db"),
        &files.billing,
        "billing",
        &scratch,
    )?;
    let pandas_db = dir.join("peer-pandas.db");
    let pandas = peers::run(
        o.python,
        "pandas",
        peers::PANDAS_SCRIPT,
        &[files.billing.as_os_str(), pandas_db.as_os_str()],
        &scratch,
        o.limit,
    )?;
    let pandas_rows = match &pandas {
        PeerRun::Ran { .. } => count_rows(o.sqlite3, &pandas_db, "billing", &scratch),
        PeerRun::Unavailable(_) => None,
    };
    let csv = import(o, &book, "billing", &files.billing, &scratch)?;

    // 4. `balances` over the year's book.
    let balances = balances(o, &book, &scratch)?;
    let book_size = crate::file_size(&book)
        + crate::file_size(&PathBuf::from(format!("{}-wal", book.display())));

    // 5. `whatif` with the rules in force over the year: must differ nowhere.
    let whatif = crate::whatif::run(o.partnerbook, &book, &scratch, o.limit)?;

    // 6. The XLSX: python-calamine and openpyxl, then ours into the copy of the book.
    let calamine = peers::run(
        o.python,
        "python_calamine",
        peers::CALAMINE_SCRIPT,
        &[files.xlsx.as_os_str()],
        &scratch,
        o.limit,
    )?;
    let openpyxl = peers::run(
        o.python,
        "openpyxl",
        peers::OPENPYXL_SCRIPT,
        &[files.xlsx.as_os_str()],
        &scratch,
        o.limit,
    )?;
    let xlsx = import(o, &xlsx_book, "billing", &files.xlsx, &scratch)?;

    let python = python_facts(o.python);
    billing_report::print(&Figures {
        sizes: Sizes {
            clients: files.client_rows,
            xlsx_rows: files.written.xlsx_rows,
            ..o.sizes
        },
        partners,
        clients,
        partners_peer,
        clients_peer,
        csv,
        xlsx,
        sqlite3,
        sqlite3_rows,
        pandas,
        pandas_rows,
        openpyxl,
        calamine,
        balances,
        whatif,
        read_csv,
        read_xlsx,
        python,
        book_size,
    });
    Ok(())
}

/// `SELECT count(*) FROM table` by the sqlite3 command.
fn count_rows(sqlite3: &Path, db: &Path, table: &str, scratch: &Path) -> Option<u64> {
    let sql = format!("SELECT count(*) FROM {table}");
    let out = child::run(sqlite3, &[db.as_os_str(), sql.as_ref()], scratch, None).ok()?;
    out.stdout.trim().parse().ok()
}

fn python_facts(python: &Path) -> String {
    let version = |m: &str| peers::module_version(python, m).unwrap_or_else(|e| e);
    format!(
        "{} ({}), pandas {}, openpyxl {}, python-calamine {}",
        python.display(),
        peers::python_version(python),
        version("pandas"),
        version("openpyxl"),
        version("python_calamine")
    )
}
