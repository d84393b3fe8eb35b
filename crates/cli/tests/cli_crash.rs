//! Crash safety of every write: the real `partnerbook` started on a prepared book and
//! killed with SIGKILL at a seeded random moment within an uninterrupted run's time; then
//! the book passes `book check`, holds none or all of the write (its fingerprint — the
//! partners, clients, balances, acts and programs as `--json` prints them — equals the
//! one before or the one after an uninterrupted run on a copy), and the same command again
//! completes it. A few trials per write on tiny books (the 1 M-row billing import's 50
//! trials are the benchmark's `--crash` part). Works on both engines: each trial's book is
//! a `book copy` of the prepared one.

mod common;
mod crash_scenes;

use std::ffi::OsString;

use common::*;
use partnerbook_crash::{Delays, Runner, Write};

/// Trials per write.
const TRIALS: usize = 3;

/// The reading commands whose outputs are a book's fingerprint.
fn reads() -> Vec<Vec<String>> {
    [
        vec!["partners", "--json"],
        vec!["clients", "--json"],
        vec!["balances", "--as-of", "2026-12-31", "--json"],
        vec!["acts", "--json"],
        vec!["programs", "--json"],
    ]
    .into_iter()
    .map(|read| read.into_iter().map(String::from).collect())
    .collect()
}

fn runner(prepared: &Scene) -> Runner {
    let home: OsString = prepared.dir.path().into();
    Runner {
        bin: env!("CARGO_BIN_EXE_partnerbook").into(),
        env: vec![
            ("HOME".into(), home.clone()),
            ("XDG_DATA_HOME".into(), home),
            ("USER".into(), "tester".into()),
        ],
        env_removed: [
            "PARTNERBOOK_LANG",
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
            "PARTNERBOOK_BOOK",
        ]
        .into_iter()
        .map(OsString::from)
        .collect(),
        reads: reads(),
        // A server's sequences move past the ids a killed transaction took (a program
        // version's id made again by `whatif --apply`, an act's by `batch`); a file
        // book's do not. Acts' numbers are not ids: they stay compared.
        masked: if prepared.on_server() {
            ["id", "act", "conversion"].map(String::from).to_vec()
        } else {
            Vec::new()
        },
    }
}

/// A fresh book holding a copy of the prepared one.
fn copy_of(prepared: &Scene) -> Scene {
    let copy = Scene::new();
    prepared.ok(&["book", "copy", "--to", &copy.book.to_string_lossy()]);
    copy
}

/// The reference run on a copy of `prepared`, then `TRIALS` killed runs, each on its own
/// copy; `write` makes the command for a copy (a target beside it, for `book copy`).
fn survives(name: &str, seed: u64, prepared: &Scene, write: impl Fn(&Scene) -> Write) {
    survives_on(name, seed, prepared, copy_of, write);
}

/// [`survives`], each book made by `copy` from the prepared one.
fn survives_on(
    name: &str,
    seed: u64,
    prepared: &Scene,
    copy: fn(&Scene) -> Scene,
    write: impl Fn(&Scene) -> Write,
) {
    let copy_of = copy;
    let runner = runner(prepared);
    let reference_book = copy_of(prepared);
    let reference = runner
        .reference(reference_book.book.as_os_str(), &write(&reference_book))
        .unwrap_or_else(|e| panic!("{name}: the uninterrupted run: {e}"));
    assert_eq!(
        reference.findings, "",
        "{name}: the book check fails without a kill"
    );
    let mut delays = Delays::new(seed);
    for n in 1..=TRIALS {
        let book = copy_of(prepared);
        let delay = delays.next(reference.took);
        let trial = runner
            .trial(book.book.as_os_str(), &write(&book), &reference, delay)
            .unwrap_or_else(|e| panic!("{name}, trial {n} killed at {delay:?}: {e}"));
        eprintln!("{name} {n}: {}", trial.line());
    }
}

/// The command `args` on the book itself.
fn on_book(args: &[&str]) -> impl Fn(&Scene) -> Write {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    move |_| Write {
        args: args.clone(),
        target: None,
    }
}

#[test]
fn import_partners_survives_a_kill() {
    let prepared = Scene::new();
    set_vendor(&prepared);
    let file = fixture("partners_ok.csv");
    survives(
        "import partners",
        1,
        &prepared,
        on_book(&["import", "partners", &file]),
    );
}

#[test]
fn import_clients_survives_a_kill() {
    let prepared = Scene::new();
    prepared.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let file = fixture("clients_ok.csv");
    survives(
        "import clients",
        2,
        &prepared,
        on_book(&["import", "clients", &file]),
    );
}

#[test]
fn import_billing_survives_a_kill() {
    let prepared = scene_with_clients();
    let file = prepared.file("billing.csv", &crash_scenes::billing(3000));
    let file = file.to_string_lossy();
    survives(
        "import billing",
        3,
        &prepared,
        on_book(&["import", "billing", &file]),
    );
}

#[test]
fn the_months_batch_of_acts_survives_a_kill() {
    let prepared = scene_with_balances();
    survives(
        "batch",
        4,
        &prepared,
        on_book(&["batch", "--date", "2026-03-31"]),
    );
}

#[test]
fn convert_survives_a_kill() {
    let prepared = scene_with_balances();
    let args = ["convert", "--partner", "P-1", "--date", "2026-03-31"];
    survives("convert", 5, &prepared, on_book(&args));
}

#[test]
fn every_act_step_survives_a_kill() {
    let drafted = crash_scenes::with_act(&[]);
    let send = ["act", "send", "2026-0001", "--date", "2026-04-01"];
    survives("act send", 6, &drafted, on_book(&send));
    let sent = crash_scenes::with_act(&[&send]);
    let sign = ["act", "sign", "2026-0001", "--date", "2026-04-02"];
    survives("act sign", 7, &sent, on_book(&sign));
    let reject = [
        "act",
        "reject",
        "2026-0001",
        "--date",
        "2026-04-02",
        "--reason",
        "не те реквизиты",
    ];
    survives("act reject", 8, &sent, on_book(&reject));
    let signed = crash_scenes::with_act(&[&send, &sign]);
    let pay = ["act", "pay", "2026-0001", "--date", "2026-04-10"];
    survives("act pay", 9, &signed, on_book(&pay));
}

#[test]
fn act_import_signed_survives_a_kill() {
    let (prepared, package) = crash_scenes::with_signed_package();
    survives(
        "act import-signed",
        10,
        &prepared,
        on_book(&["act", "import-signed", &package]),
    );
}

#[test]
fn import_statement_survives_a_kill() {
    let (prepared, file) = crash_scenes::with_statement();
    survives(
        "import statement",
        11,
        &prepared,
        on_book(&["import", "statement", &file]),
    );
}

#[test]
fn whatif_apply_survives_a_kill() {
    let prepared = scene_with_clients();
    prepared.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    let rules = crash_scenes::bitrix_rules(&prepared, "60");
    let args = [
        "whatif",
        "--program",
        "bitrix24",
        "--from",
        "2025-01-01",
        "--rules",
        &rules,
        "--apply",
        "--date",
        "2026-12-01",
    ];
    survives("whatif --apply", 12, &prepared, on_book(&args));
}

#[test]
fn book_copy_survives_a_kill() {
    let prepared = scene_with_balances();
    survives("book copy", 13, &prepared, |book: &Scene| {
        let target = book.dir.path().join("copy.sqlite");
        Write {
            args: vec![
                "book".into(),
                "copy".into(),
                "--to".into(),
                target.to_string_lossy().into_owned(),
            ],
            target: Some(target.into()),
        }
    });
}

/// A file book holding a copy of the prepared one (only a file has backups to restore).
fn file_copy_of(prepared: &Scene) -> Scene {
    let copy = Scene::in_file();
    prepared.ok(&["book", "copy", "--to", &copy.book.to_string_lossy()]);
    copy
}

#[test]
fn book_restore_survives_a_kill() {
    let prepared = scene_with_balances();
    // The backup restored: a book of the fixtures' partners alone.
    let backup = Scene::in_file();
    backup.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    backup.ok(&["book", "check"]);
    let file = backup.book.to_string_lossy().into_owned();
    survives_on(
        "book restore",
        14,
        &prepared,
        file_copy_of,
        on_book(&["book", "restore", &file]),
    );
}
