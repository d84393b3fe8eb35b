//! The fuzz part: `partnerbook-fuzz`'s engine run long over every reader of untrusted
//! bytes (CSV, XLSX, cell values, 1CClientBankExchange statements, EDO packages,
//! signatures); prints executions per second, the total, panics, slow inputs, the slowest
//! input and the peak memory. Findings' inputs are saved under the run's directory.

use std::error::Error;
use std::path::Path;
use std::time::Duration;

use partnerbook_fuzz::corpus::Corpus;
use partnerbook_fuzz::memory;
use partnerbook_fuzz::round::{input_of, peak_rss_bytes};
use partnerbook_fuzz::{run_round, RoundOptions, Target};

pub struct Options<'a> {
    pub findings: &'a Path,
    pub executions: u64,
    pub seed: u64,
    pub threads: usize,
    /// Only make and run this one execution (of `seed`), saving its input.
    pub replay: Option<u64>,
    /// Only this reader.
    pub only: Option<Target>,
}

/// An input above this is a finding (issue 11: none above 2 s).
const SLOW: Duration = Duration::from_secs(2);
/// An input still running after this ends the round as a hang (its input saved).
const HANG: Duration = Duration::from_secs(60);
/// No input may make the heap grow past this (issue 11: none above 500 MB).
const MEMORY: u64 = 500 * 1024 * 1024;

pub fn run(o: &Options) -> Result<(), Box<dyn Error>> {
    let corpus = Corpus::load();
    if let Some(n) = o.replay {
        let (target, input) = input_of(&corpus, o.seed, n, o.only);
        std::fs::create_dir_all(o.findings)?;
        let path = o
            .findings
            .join(format!("{}-seed{}-{n}.bin", target.name(), o.seed));
        std::fs::write(&path, &input)?;
        println!(
            "Fuzz replay: execution {n} of seed {}: {} input of {} bytes, saved to {}",
            o.seed,
            target.name(),
            input.len(),
            path.display()
        );
        let base = memory::start(0);
        memory::watch(1);
        let start = std::time::Instant::now();
        target.run(&input);
        let took = start.elapsed();
        let grown = memory::grown(0, base).unwrap_or_default();
        memory::watch(0);
        println!(
            "  no panic; took {:.1} ms, the heap grew by {:.1} MB, process peak (VmHWM) {:.0} MB",
            took.as_secs_f64() * 1e3,
            grown as f64 / 1e6,
            peak_rss_bytes().unwrap_or_default() as f64 / 1e6
        );
        return Ok(());
    }
    println!(
        "Fuzz: {} executions, seed {}, {} thread(s), {}; findings saved in {}",
        o.executions,
        o.seed,
        o.threads,
        o.only.map_or("every reader", |t| t.name()),
        o.findings.display()
    );
    let report = run_round(
        &corpus,
        &RoundOptions {
            executions: o.executions,
            seed: o.seed,
            threads: o.threads,
            slow: SLOW,
            hang: HANG,
            findings: Some(o.findings.to_path_buf()),
            progress: Some(Duration::from_secs(30)),
            only: o.only,
            memory: MEMORY,
        },
    );
    let per_target: Vec<String> = report
        .per_target
        .iter()
        .map(|(t, n)| format!("{} {n}", t.name()))
        .collect();
    println!("  executions          {}", report.executions);
    println!("  per target          {}", per_target.join(", "));
    println!(
        "  time                {:.1} s",
        report.elapsed.as_secs_f64()
    );
    println!("  executions/s        {:.0}", report.per_second());
    println!("  panics              {}", report.panics.len());
    println!("  inputs above 2 s    {}", report.slow.len());
    println!("  inputs above 500 MB {}", report.big.len());
    let (took, target, n) = report.slowest;
    println!(
        "  slowest input       {:.1} ms ({} execution {n})",
        took.as_secs_f64() * 1e3,
        target.name()
    );
    match report.largest {
        Some((bytes, target, n)) => println!(
            "  largest input       heap grew by {:.1} MB ({} execution {n}; with {} threads it \
             includes what the others allocated meanwhile)",
            bytes as f64 / 1e6,
            target.name(),
            o.threads
        ),
        None => println!("  largest input       not measured (no counting allocator)"),
    }
    match report.peak_rss_bytes {
        Some(peak) => println!(
            "  process peak (VmHWM) {:.0} MB (both threads at once, and what C libraries — \
             OpenSSL, SQLite — allocate, which the count above does not see)",
            peak as f64 / 1e6
        ),
        None => println!("  process peak (VmHWM) unknown (no /proc/self/status)"),
    }
    let met = report.executions >= 10_000_000
        && report.panics.is_empty()
        && report.slow.is_empty()
        && report.big.is_empty()
        && report.largest.is_some();
    println!(
        "  target: ≥ 10 000 000 executions, 0 panics, none above 2 s or 500 MB: {}",
        if met { "met" } else { "not met" }
    );
    for finding in report.panics.iter().chain(&report.slow).chain(&report.big) {
        println!(
            "  finding: {} execution {} ({} bytes): {}{}",
            finding.target.name(),
            finding.execution,
            finding.input_len,
            finding.what,
            finding
                .saved
                .as_ref()
                .map(|p| format!(", saved to {}", p.display()))
                .unwrap_or_default()
        );
    }
    Ok(())
}
