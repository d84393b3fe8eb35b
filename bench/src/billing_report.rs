//! The billing benchmark's report: every figure beside its peer of the same run, each
//! target of the issue with met / NOT MET, what the runs did and where the time goes.

use std::time::Duration;

use crate::billing::{Balances, Sizes, BALANCES_RUNS};
use crate::child::Measured;
use crate::imports::{self, OurRun};
use crate::peers::PeerRun;
use crate::report::{self, mb, ms, secs, Line};
use crate::summary::wall;
use crate::whatif::WhatIf;
use crate::year;

/// Targets of the issue.
const SQLITE3_RATIO_TARGET: f64 = 1.5;
const PANDAS_RATIO_TARGET: f64 = 0.5;
const CALAMINE_RATIO_TARGET: f64 = 1.5;
const BOOK_IMPORT_RATIO_TARGET: f64 = 2.0;
const RSS_TARGET_MB: f64 = 200.0;
const BALANCES_TARGET: Duration = Duration::from_millis(200);
const WHATIF_TARGET: Duration = Duration::from_secs(5);

/// Every figure of a billing run.
pub struct Figures {
    pub sizes: Sizes,
    pub partners: OurRun,
    pub clients: OurRun,
    pub partners_peer: (Measured, u64),
    pub clients_peer: (Measured, u64),
    pub csv: OurRun,
    pub xlsx: OurRun,
    pub sqlite3: Measured,
    pub sqlite3_rows: u64,
    pub pandas: PeerRun,
    pub pandas_rows: Option<u64>,
    pub openpyxl: PeerRun,
    pub calamine: PeerRun,
    pub balances: Balances,
    pub whatif: WhatIf,
    pub read_csv: (u64, Duration),
    pub read_xlsx: (u64, Duration),
    pub python: String,
    pub book_size: u64,
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

pub fn print(f: &Figures) {
    let s = f.sizes;
    println!("Billing results (ratio = ours / peer; peers measured in the same run)");
    let book_target = format!("≤ {BOOK_IMPORT_RATIO_TARGET}× sqlite3");
    let mut lines = vec![
        versus(
            format!("import partners, {} rows — vs sqlite3 .import", s.partners),
            &f.partners,
            Ok(&f.partners_peer.0),
            &book_target,
            BOOK_IMPORT_RATIO_TARGET,
        ),
        versus(
            format!("import clients, {} rows — vs sqlite3 .import", s.clients),
            &f.clients,
            Ok(&f.clients_peer.0),
            &book_target,
            BOOK_IMPORT_RATIO_TARGET,
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
                "import billing.xlsx, {} rows — vs python-calamine load",
                s.xlsx_rows
            ),
            &f.xlsx,
            peer_measured(&f.calamine),
            &format!("≤ {CALAMINE_RATIO_TARGET}× calamine"),
            CALAMINE_RATIO_TARGET,
        ),
        versus(
            format!(
                "import billing.xlsx, {} rows — vs openpyxl read-only load",
                s.xlsx_rows
            ),
            &f.xlsx,
            peer_measured(&f.openpyxl),
            "—",
            f64::INFINITY,
        )
        .target("—", None),
        rss_line(
            "import billing.xlsx peak RSS — vs python-calamine",
            &f.xlsx,
            peer_measured(&f.calamine),
            true,
        ),
    ];
    let target = format!("≤ {}", ms(BALANCES_TARGET));
    let b = &f.balances;
    lines.push(match (b.available(), b.median()) {
        (true, Some(median)) => Line::new(
            format!(
                "balances --as-of {} --json, process start included, median of {BALANCES_RUNS}",
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
    lines.extend(whatif_lines(&f.whatif, s.rows));
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
    for (name, (m, rows)) in [
        ("sqlite3 .import", (&f.sqlite3, f.sqlite3_rows)),
        ("  of partners.csv", (&f.partners_peer.0, f.partners_peer.1)),
        ("  of clients.csv", (&f.clients_peer.0, f.clients_peer.1)),
    ] {
        println!(
            "  {name:<20} {rows} rows in {}, peak RSS {}",
            secs(m.wall),
            mb(m.peak_rss_mb())
        );
    }
    if let WhatIf::Ran(replays) = &f.whatif {
        for r in replays {
            println!(
                "  whatif {:<13} {} in {}, {} partners in the JSON, {} differ",
                r.program,
                r.measured.status,
                secs(r.measured.wall),
                r.partners.map_or_else(|| "?".into(), |n| n.to_string()),
                r.differing.map_or_else(|| "?".into(), |n| n.to_string()),
            );
        }
    }
    let sheet_rows = |peer: &PeerRun| match peer {
        PeerRun::Ran { rows, .. } => rows.map(|r| r.saturating_sub(1)),
        PeerRun::Unavailable(_) => None,
    };
    for (name, peer, rows) in [
        ("pandas", &f.pandas, f.pandas_rows),
        ("openpyxl", &f.openpyxl, sheet_rows(&f.openpyxl)),
        ("python-calamine", &f.calamine, sheet_rows(&f.calamine)),
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

/// The what-if lines: its time over the year, and the partners whose replay differs.
fn whatif_lines(w: &WhatIf, rows: usize) -> Vec<Line> {
    let what = format!("whatif, rules in force, the year's {rows} payments (all programs)");
    let oracle = "whatif with the rules in force: partners whose difference ≠ 0";
    let time_target = format!("≤ {}", secs(WHATIF_TARGET));
    match w {
        WhatIf::NotRun(why) => vec![
            Line::new(what, why.clone()).target(time_target, None),
            Line::new(oracle, why.clone()).target("0", None),
        ],
        WhatIf::Ran(_) => {
            let total = w.total().unwrap_or_default();
            let differing = w.differing();
            vec![
                Line::new(what, secs(total))
                    .target(time_target, Some(w.ok() && total <= WHATIF_TARGET)),
                Line::new(
                    oracle,
                    differing.map_or_else(|| "? (no JSON)".into(), |n| n.to_string()),
                )
                .target("0", Some(w.ok() && differing == Some(0))),
            ]
        }
    }
}
