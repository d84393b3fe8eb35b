//! The report of one run: the results against their targets, what the imports did, and
//! where their time went.

use std::time::Duration;

use crate::child::Measured;
use crate::imports::OurRun;
use crate::queries::QueryTiming;
use crate::report::{self, mb, ms, secs, Line};

/// Every figure of a run.
pub struct Figures {
    pub partners_rows: usize,
    pub clients_rows: usize,
    pub partners: OurRun,
    pub clients: OurRun,
    pub partners_dry: Option<OurRun>,
    pub clients_dry: Option<OurRun>,
    pub peer_partners: Measured,
    pub peer_partner_rows: u64,
    pub peer_clients: Measured,
    pub peer_client_rows: u64,
    pub partners_read: Duration,
    pub partner_rows_read: u64,
    pub partners_checked: Duration,
    pub partners_valid: u64,
    pub clients_read: Duration,
    pub client_rows_read: u64,
    pub clients_parsed: Duration,
    pub clients_with_code: u64,
    /// The backup before the clients import, and before a next import: time and bytes.
    pub backup_partners: (Duration, u64),
    pub backup_all: (Duration, u64),
    pub queries: Vec<QueryTiming>,
    /// The book's file and its WAL, in bytes.
    pub book_size: u64,
    pub table_counts: String,
}

pub fn print(f: &Figures) {
    println!("Results");
    let mut lines = Vec::new();
    import_lines(
        &mut lines,
        "partners",
        f.partners_rows,
        &f.partners,
        &f.peer_partners,
    );
    import_lines(
        &mut lines,
        "clients",
        f.clients_rows,
        &f.clients,
        &f.peer_clients,
    );
    for q in &f.queries {
        lines.push(
            Line::new(format!("query {} — median", q.name), ms(q.median)).target(
                format!("≤ {}", ms(report::QUERY_TARGET)),
                Some(q.median <= report::QUERY_TARGET),
            ),
        );
        lines.push(
            Line::new(
                format!(
                    "query {} — p95 ({} match, {} shown)",
                    q.name, q.total, q.rows
                ),
                ms(q.p95),
            )
            .target(
                format!("≤ {}", ms(report::QUERY_TARGET)),
                Some(q.p95 <= report::QUERY_TARGET),
            ),
        );
    }
    report::print_table(
        [
            "measurement",
            "ours",
            "peer (sqlite3)",
            "ratio",
            "target",
            "",
        ],
        &lines,
    );

    println!("What the imports did");
    for (kind, run, peer_rows) in [
        ("partners", &f.partners, f.peer_partner_rows),
        ("clients", &f.clients, f.peer_client_rows),
    ] {
        let o = &run.outcome;
        println!(
            "  {kind:<8} rows {}, added {}, unchanged {}, refused by rules {}, problems {}, committed {}; sqlite3 rows {peer_rows}; {}",
            o.rows, o.added, o.unchanged, o.refused, o.problems, o.committed, run.measured.status
        );
    }
    println!(
        "  rows with a binding event in clients.csv: {}; partners valid by validate_partner: {}",
        f.clients_with_code, f.partners_valid
    );
    if !f.clients.outcome.committed {
        println!("  note: the clients import did not commit, so the queries ran with every partner's bound_clients at 0");
    }
    println!(
        "  book after both imports: {:.1} MB (with WAL); {}",
        f.book_size as f64 / 1e6,
        f.table_counts
    );
    println!();

    println!(
        "Where the time goes (reading and checks in this process; dry run and import as children)"
    );
    let cpu = |m: &Measured| {
        m.cpu.map_or_else(
            || "?".into(),
            |(u, s)| {
                format!(
                    "user {:.2} s, sys {:.2} s",
                    u.as_secs_f64(),
                    s.as_secs_f64()
                )
            },
        )
    };
    let grid = vec![
        phase(
            "read CSV only (open_table)",
            secs(f.partners_read),
            secs(f.clients_read),
        ),
        phase(
            "read + checks (validate / cell parsing)",
            secs(f.partners_checked),
            secs(f.clients_parsed),
        ),
        phase(
            "dry run (all but backup and commit)",
            dry(&f.partners_dry, wall),
            dry(&f.clients_dry, wall),
        ),
        phase(
            "import",
            wall(&f.partners.measured),
            wall(&f.clients.measured),
        ),
        phase(
            "import CPU",
            cpu(&f.partners.measured),
            cpu(&f.clients.measured),
        ),
        phase(
            "dry run CPU",
            dry(&f.partners_dry, cpu),
            dry(&f.clients_dry, cpu),
        ),
        phase(
            "dry run peak RSS",
            dry(&f.partners_dry, |m| mb(m.peak_rss_mb())),
            dry(&f.clients_dry, |m| mb(m.peak_rss_mb())),
        ),
        phase(
            "backup taken before (VACUUM INTO)",
            "book empty".into(),
            format!(
                "{} ({:.1} MB)",
                secs(f.backup_partners.0),
                f.backup_partners.1 as f64 / 1e6
            ),
        ),
        phase(
            "sqlite3 .import",
            secs(f.peer_partners.wall),
            secs(f.peer_clients.wall),
        ),
    ];
    report::print_grid(
        [
            "phase".into(),
            format!("partners ({} rows)", f.partner_rows_read),
            format!("clients ({} rows)", f.client_rows_read),
        ],
        &grid,
    );
    println!(
        "  a backup of the full book (before the next import) takes {} ({:.1} MB)",
        secs(f.backup_all.0),
        f.backup_all.1 as f64 / 1e6
    );
    println!("  peak RSS read as {}", f.partners.measured.rss_source);
    println!(
        "  load average at the end: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
}

/// A figure of a dry run, or a dash when dry runs were skipped.
fn dry(run: &Option<OurRun>, show: impl Fn(&Measured) -> String) -> String {
    run.as_ref()
        .map_or_else(|| "skipped".into(), |r| show(&r.measured))
}

/// The wall time, or how long a killed run was let go.
pub fn wall(m: &Measured) -> String {
    if m.timed_out {
        format!("> {:.0} s (killed)", m.wall.as_secs_f64())
    } else {
        secs(m.wall)
    }
}

fn phase(name: &str, partners: String, clients: String) -> [String; 3] {
    [name.to_owned(), partners, clients]
}

fn import_lines(lines: &mut Vec<Line>, kind: &str, rows: usize, ours: &OurRun, peer: &Measured) {
    let m = &ours.measured;
    let ratio = m.wall.as_secs_f64() / peer.wall.as_secs_f64();
    let mut line = Line::new(format!("import {kind} ({rows} rows) wall time"), wall(m))
        .peer(secs(peer.wall), Some(ratio))
        .target(
            format!("≤ {:.0}× sqlite3", report::IMPORT_RATIO_TARGET),
            Some(ratio <= report::IMPORT_RATIO_TARGET && m.status.success() && !m.timed_out),
        );
    if m.timed_out {
        line.ratio = format!("> {}", line.ratio);
    }
    lines.push(line);
    let rss = m.peak_rss_mb();
    lines.push(
        Line::new(format!("import {kind} peak RSS"), mb(rss))
            .peer(
                mb(peer.peak_rss_mb()),
                rss.zip(peer.peak_rss_mb()).map(|(a, b)| a / b),
            )
            .target(
                format!("≤ {:.0} MB", report::PEAK_RSS_TARGET_MB),
                rss.map(|r| r <= report::PEAK_RSS_TARGET_MB),
            ),
    );
}
