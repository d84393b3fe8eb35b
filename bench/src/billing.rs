//! The billing benchmark: a generated realistic year (partners, clients, a year of
//! billing), then in one run `partnerbook import billing` (import and accrual) against
//! Debian `sqlite3`'s `.import` of the same CSV and pandas' `read_csv` + `to_sql`, the
//! same year's first rows as XLSX against openpyxl's read-only load, and
//! `balances --as-of` over the book.

use std::error::Error;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::SeedableRng;

use crate::billing_file::{self, Written};
use crate::child::{self, Measured};
use crate::imports::{self, OurRun};
use crate::partners_file::{self, PROGRAMS};
use crate::peers::{self, PeerRun};
use crate::report::{self, mb, ms, secs, Line};
use crate::summary::wall;
use crate::year;

/// Targets of the issue.
const SQLITE3_RATIO_TARGET: f64 = 1.5;
const PANDAS_RATIO_TARGET: f64 = 0.5;
const OPENPYXL_RATIO_TARGET: f64 = 0.1;
const RSS_TARGET_MB: f64 = 200.0;
const BALANCES_TARGET: Duration = Duration::from_millis(300);
/// Runs of `balances`; the median counts.
const BALANCES_RUNS: usize = 5;

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
struct Balances {
    runs: Vec<Measured>,
    partners: Option<usize>,
}

impl Balances {
    fn available(&self) -> bool {
        self.runs
            .first()
            .is_some_and(|m| !imports::not_available(m))
    }

    fn ok(&self) -> bool {
        self.runs.iter().all(|m| m.status.success())
    }

    fn sorted(&self) -> Vec<Duration> {
        let mut walls: Vec<Duration> = self.runs.iter().map(|m| m.wall).collect();
        walls.sort();
        walls
    }

    fn median(&self) -> Option<Duration> {
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

/// Every figure of a billing run.
struct Figures {
    sizes: Sizes,
    partners: OurRun,
    clients: OurRun,
    csv: OurRun,
    xlsx: OurRun,
    sqlite3: Measured,
    sqlite3_rows: u64,
    pandas: PeerRun,
    pandas_rows: Option<u64>,
    openpyxl: PeerRun,
    balances: Balances,
    read_csv: (u64, Duration),
    read_xlsx: (u64, Duration),
    python: String,
    book_size: u64,
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

    // 5. The XLSX: openpyxl, then ours into the copy of the book.
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
    print(&Figures {
        sizes: Sizes {
            clients: files.client_rows,
            xlsx_rows: files.written.xlsx_rows,
            ..o.sizes
        },
        partners,
        clients,
        csv,
        xlsx,
        sqlite3,
        sqlite3_rows,
        pandas,
        pandas_rows,
        openpyxl,
        balances,
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
        "{} ({}), pandas {}, openpyxl {}",
        python.display(),
        peers::python_version(python),
        version("pandas"),
        version("openpyxl")
    )
}

/// Whether our run did its job: exit 0, no problems, committed.
fn done(run: &OurRun) -> bool {
    let m = &run.measured;
    m.status.success() && !m.timed_out && run.outcome.problems == 0 && run.outcome.committed
}

/// Our wall time, or why there is none.
fn ours(run: &OurRun) -> String {
    if imports::not_available(&run.measured) {
        "command not available (exit 2)".into()
    } else if run.measured.status.success() || run.measured.timed_out {
        wall(&run.measured)
    } else {
        format!("{} (failed, {})", wall(&run.measured), run.measured.status)
    }
}

/// Our time against a peer's: the line with its ratio (ours / peer) and target.
fn versus(
    what: String,
    run: &OurRun,
    peer: Result<&Measured, &str>,
    target: &str,
    max_ratio: f64,
) -> Line {
    let line = Line::new(what, ours(run));
    let available = !imports::not_available(&run.measured);
    match peer {
        Err(why) => line
            .peer(format!("unavailable: {why}"), None)
            .target(target, None),
        Ok(p) if available => {
            let ratio = run.measured.wall.as_secs_f64() / p.wall.as_secs_f64();
            let mut line = line
                .peer(secs(p.wall), Some(ratio))
                .target(target, Some(done(run) && ratio <= max_ratio));
            if run.measured.timed_out {
                line.ratio = format!("> {}", line.ratio);
            }
            line
        }
        Ok(p) => line.peer(secs(p.wall), None).target(target, None),
    }
}

fn peer_measured(peer: &PeerRun) -> Result<&Measured, &str> {
    match peer {
        PeerRun::Ran { measured, .. } => Ok(measured),
        PeerRun::Unavailable(why) => Err(why.as_str()),
    }
}

fn rss_line(what: &str, run: &OurRun, peer: Result<&Measured, &str>, target: bool) -> Line {
    let available = !imports::not_available(&run.measured);
    let rss = run.measured.peak_rss_mb().filter(|_| available);
    let ours = if available {
        mb(rss)
    } else {
        "command not available (exit 2)".into()
    };
    let line = Line::new(what, ours);
    let line = match peer {
        Ok(p) => line.peer(
            mb(p.peak_rss_mb()),
            rss.zip(p.peak_rss_mb()).map(|(a, b)| a / b),
        ),
        Err(why) => line.peer(format!("unavailable: {why}"), None),
    };
    if target {
        line.target(
            format!("≤ {RSS_TARGET_MB:.0} MB"),
            rss.map(|r| r <= RSS_TARGET_MB),
        )
    } else {
        line
    }
}

fn print(f: &Figures) {
    let s = f.sizes;
    println!("Billing results (ratio = ours / peer)");
    let mut lines = vec![
        Line::new(
            format!("import partners, {} rows (builds the book)", s.partners),
            ours(&f.partners),
        ),
        Line::new(
            format!("import clients, {} rows (builds the book)", s.clients),
            ours(&f.clients),
        ),
        versus(
            format!("import billing.csv, {} rows — vs sqlite3 .import", s.rows),
            &f.csv,
            Ok(&f.sqlite3),
            &format!("≤ {SQLITE3_RATIO_TARGET}× sqlite3"),
            SQLITE3_RATIO_TARGET,
        ),
        versus(
            format!(
                "import billing.csv, {} rows — vs pandas read_csv + to_sql",
                s.rows
            ),
            &f.csv,
            peer_measured(&f.pandas),
            "≥ 2× faster (≤ 0.50×)",
            PANDAS_RATIO_TARGET,
        ),
        rss_line(
            "import billing.csv peak RSS — vs pandas",
            &f.csv,
            peer_measured(&f.pandas),
            true,
        ),
        versus(
            format!(
                "import billing.xlsx, {} rows — vs openpyxl read-only load",
                s.xlsx_rows
            ),
            &f.xlsx,
            peer_measured(&f.openpyxl),
            "≥ 10× faster (≤ 0.10×)",
            OPENPYXL_RATIO_TARGET,
        ),
        rss_line(
            "import billing.xlsx peak RSS — vs openpyxl",
            &f.xlsx,
            peer_measured(&f.openpyxl),
            false,
        ),
    ];
    let target = format!("≤ {}", ms(BALANCES_TARGET));
    let b = &f.balances;
    lines.push(match (b.available(), b.median()) {
        (true, Some(median)) => Line::new(
            format!(
                "balances --as-of {} --json, median of {BALANCES_RUNS}",
                year::last_day()
            ),
            ms(median),
        )
        .target(target, Some(b.ok() && median <= BALANCES_TARGET)),
        _ => Line::new(
            format!("balances --as-of {} --json", year::last_day()),
            "command not available (exit 2)".into(),
        )
        .target(target, None),
    });
    report::print_table(
        ["measurement", "ours", "peer", "ratio", "target", "met?"],
        &lines,
    );

    println!("What the billing run did");
    let outcome = |name: &str, run: &OurRun| {
        let o = &run.outcome;
        if imports::not_available(&run.measured) {
            println!("  {name:<20} command not available (usage error, exit 2)");
        } else {
            println!(
                "  {name:<20} rows {}, added {}, unchanged {}, refused by rules {}, problems {}, committed {}; {}, peak RSS {}",
                o.rows, o.added, o.unchanged, o.refused, o.problems, o.committed,
                run.measured.status, mb(run.measured.peak_rss_mb())
            );
        }
    };
    outcome("import partners", &f.partners);
    outcome("import clients", &f.clients);
    outcome("import billing.csv", &f.csv);
    outcome("import billing.xlsx", &f.xlsx);
    println!(
        "  {:<20} {} rows in {}, peak RSS {}",
        "sqlite3 .import",
        f.sqlite3_rows,
        secs(f.sqlite3.wall),
        mb(f.sqlite3.peak_rss_mb())
    );
    for (name, peer, rows) in [
        ("pandas", &f.pandas, f.pandas_rows),
        (
            "openpyxl",
            &f.openpyxl,
            match &f.openpyxl {
                PeerRun::Ran { rows, .. } => rows.map(|r| r.saturating_sub(1)),
                PeerRun::Unavailable(_) => None,
            },
        ),
    ] {
        match peer {
            PeerRun::Ran { measured, .. } => println!(
                "  {name:<20} {} rows in {}, {}, peak RSS {}",
                rows.map_or_else(|| "?".into(), |r| r.to_string()),
                secs(measured.wall),
                cpu(measured),
                mb(measured.peak_rss_mb())
            ),
            PeerRun::Unavailable(why) => println!("  {name:<20} did not run: {why}"),
        }
    }
    if b.available() && !b.runs.is_empty() {
        let walls = b.sorted();
        println!(
            "  {:<20} {} partners in the JSON; runs {}",
            "balances",
            b.partners.map_or_else(|| "?".into(), |n| n.to_string()),
            walls.iter().map(|w| ms(*w)).collect::<Vec<_>>().join(", ")
        );
    }
    println!(
        "  book after the billing import: {:.1} MB (with WAL)",
        f.book_size as f64 / 1e6
    );
    println!("  python: {}", f.python);
    println!();
    println!("Where the time goes");
    println!(
        "  reading billing.csv alone (open_table, in this process): {} for {} rows",
        secs(f.read_csv.1),
        f.read_csv.0
    );
    println!(
        "  reading billing.xlsx alone (open_table, in this process): {} for {} rows",
        secs(f.read_xlsx.1),
        f.read_xlsx.0
    );
    if !imports::not_available(&f.csv.measured) {
        println!("  import billing.csv CPU: {}", cpu(&f.csv.measured));
    }
    println!("  peak RSS read as {}", f.csv.measured.rss_source);
    println!(
        "  load average at the end: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
}

fn cpu(m: &Measured) -> String {
    m.cpu.map_or_else(
        || "CPU ?".into(),
        |(u, s)| {
            format!(
                "user {:.2} s, sys {:.2} s",
                u.as_secs_f64(),
                s.as_secs_f64()
            )
        },
    )
}
