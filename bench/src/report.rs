//! Printing: the machine, the results table with targets, and where the time goes.

use std::fs;
use std::time::Duration;

/// Import time may be at most this many times the sqlite3 `.import` of the same file.
pub const IMPORT_RATIO_TARGET: f64 = 2.0;
pub const PEAK_RSS_TARGET_MB: f64 = 200.0;
pub const QUERY_TARGET: Duration = Duration::from_millis(20);

fn first_line_with(path: &str, key: &str) -> Option<String> {
    fs::read_to_string(path).ok()?.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        (k.trim() == key).then(|| v.trim().to_owned())
    })
}

/// nproc, CPU model, memory, kernel, load: what the figures depend on.
pub fn machine_facts(sqlite3_version: &str, our_sqlite: &str) -> Vec<(String, String)> {
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    let read = |p: &str| fs::read_to_string(p).unwrap_or_default().trim().to_owned();
    vec![
        ("nproc".into(), nproc.to_string()),
        (
            "CPU model".into(),
            first_line_with("/proc/cpuinfo", "model name").unwrap_or_else(|| "?".into()),
        ),
        (
            "memory".into(),
            first_line_with("/proc/meminfo", "MemTotal").unwrap_or_else(|| "?".into()),
        ),
        ("kernel".into(), read("/proc/sys/kernel/osrelease")),
        ("load average".into(), read("/proc/loadavg")),
        ("sqlite3 (peer)".into(), sqlite3_version.to_owned()),
        ("SQLite in partnerbook".into(), our_sqlite.to_owned()),
    ]
}

pub fn print_facts(title: &str, facts: &[(String, String)]) {
    println!("{title}");
    for (k, v) in facts {
        println!("  {k:<22} {v}");
    }
    println!();
}

pub fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

pub fn mb(v: Option<f64>) -> String {
    v.map_or_else(|| "?".into(), |v| format!("{v:.1} MB"))
}

/// One line of the results table.
pub struct Line {
    pub measurement: String,
    pub ours: String,
    pub peer: String,
    pub ratio: String,
    pub target: String,
    pub met: Option<bool>,
}

impl Line {
    pub fn new(measurement: impl Into<String>, ours: String) -> Line {
        Line {
            measurement: measurement.into(),
            ours,
            peer: "—".into(),
            ratio: "—".into(),
            target: "—".into(),
            met: None,
        }
    }

    pub fn peer(mut self, peer: String, ratio: Option<f64>) -> Line {
        self.peer = peer;
        self.ratio = ratio.map_or_else(|| "?".into(), |r| format!("{r:.2}×"));
        self
    }

    pub fn target(mut self, target: impl Into<String>, met: Option<bool>) -> Line {
        self.target = target.into();
        self.met = met;
        self
    }
}

/// Prints `lines` as a table with a header; every column as wide as its widest cell.
pub fn print_table(header: [&str; 6], lines: &[Line]) {
    let cells: Vec<[String; 6]> = lines
        .iter()
        .map(|l| {
            [
                l.measurement.clone(),
                l.ours.clone(),
                l.peer.clone(),
                l.ratio.clone(),
                l.target.clone(),
                match l.met {
                    Some(true) => "met".into(),
                    Some(false) => "NOT MET".into(),
                    None => String::new(),
                },
            ]
        })
        .collect();
    print_grid(header.map(str::to_owned), &cells);
}

/// Prints rows of `N` cells under `header`, left-aligned, padded by characters.
pub fn print_grid<const N: usize>(header: [String; N], rows: &[[String; N]]) {
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; N]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("| {} |", padded.join(" | "));
    };
    line(&header);
    println!(
        "|{}|",
        widths
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in rows {
        line(row);
    }
    println!();
}
