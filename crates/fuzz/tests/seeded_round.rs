//! CI's short fuzz round: 4 000 seeded executions over every reader (a debug build runs
//! them in about 20 s; 20 000 took 90 s), none may panic. The same seed gives the same
//! inputs, so a failure here is made again by `scripts/bench.sh --fuzz --seed 11 --execs
//! 4000` (or `--replay N` for one input).

use std::time::Duration;

use partnerbook_fuzz::corpus::Corpus;
use partnerbook_fuzz::memory::Counting;
use partnerbook_fuzz::{run_round, Finding, RoundOptions, Target};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// No input may make the heap grow past this (issue 11: none above 500 MB).
const MEMORY: u64 = 500 * 1024 * 1024;

/// Executions in the round.
const ROUND: u64 = 4_000;

#[test]
fn a_seeded_round_finds_no_panic_in_any_reader() {
    let corpus = Corpus::load();
    assert!(corpus.csv.len() > 20, "the table fixtures are read");
    assert!(!corpus.xlsx.is_empty() && !corpus.packages.is_empty());
    assert_eq!(
        corpus.signatures.len(),
        2,
        "crates/fuzz/corpus has both signatures"
    );
    let report = run_round(
        &corpus,
        &RoundOptions {
            executions: ROUND,
            seed: 11,
            threads: 2,
            slow: Duration::from_secs(3600),
            hang: Duration::from_secs(300),
            findings: Some(std::env::temp_dir().join("partnerbook-fuzz-findings")),
            progress: None,
            only: None,
            memory: MEMORY,
        },
    );
    let panics = described(&report.panics);
    assert!(panics.is_empty(), "panics: {panics:#?}");
    let big = described(&report.big);
    assert!(big.is_empty(), "inputs above 500 MB: {big:#?}");
    let (largest, _, _) = report.largest.expect("the heap is counted");
    assert!(largest > 0);
    for (target, count) in &report.per_target {
        assert!(*count > 0, "{} was never run", target.name());
    }
    assert_eq!(report.per_target.iter().map(|(_, n)| n).sum::<u64>(), ROUND);
    assert!(Target::ALL.len() == report.per_target.len());
}

/// Each finding as `target #execution: what`.
fn described(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} #{}: {}", f.target.name(), f.execution, f.what))
        .collect()
}

#[test]
fn the_corpus_seeds_are_read_cleanly() {
    let corpus = Corpus::load();
    let statement = partnerbook_core::documents::read_bank_statement(&corpus.statements[0]);
    assert!(statement.is_ok(), "{statement:?}");
    for (doc, sig) in &corpus.signatures {
        let signed = partnerbook_signature::verify_detached(doc, sig);
        assert!(signed.is_ok(), "{signed:?}");
    }
    for package in &corpus.packages {
        let read = partnerbook_core::acts::read_package_bytes("p.zip", package);
        assert!(read.is_ok(), "{read:?}");
    }
}
