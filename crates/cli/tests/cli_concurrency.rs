//! Several `partnerbook` processes on one book at the same moment, as several people (or
//! scripts) of a department would: a second writer waits its turn, never an engine
//! error; two imports both land, as if one after the other; acts made at once get
//! numbers without gaps or duplicates; a writer that waits too long is told who holds
//! the book and doing what.

mod common;

use std::process::{Child, Command, Stdio};

use common::*;
use serde_json::Value;

/// `partnerbook --book BOOK ARGS…` started, not waited for.
fn spawn(scene: &Scene, args: &[&str], env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
    command
        .arg("--book")
        .arg(&scene.book)
        .args(args)
        .env("HOME", scene.dir.path())
        .env("XDG_DATA_HOME", scene.dir.path())
        .env("USER", "tester")
        .env_remove("PARTNERBOOK_BOOK")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    command.spawn().expect("the binary starts")
}

fn finish(child: Child) -> (i32, String, String) {
    let out = child.wait_with_output().expect("the process ends");
    (
        out.status.code().expect("an exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `rows` payments of `client` (bitrix24, bound to P-1 then P-2) named `prefix-N`.
fn billing(prefix: &str, client: &str, rows: usize) -> Vec<u8> {
    let mut csv =
        String::from("payment_id,program,date,client_id,amount,list_price,category,direct\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "{prefix}-{i},bitrix24,2026-0{}-{:02},{client},{}.00,,tariff,\n",
            1 + i % 9,
            1 + i % 28,
            100 + i % 900
        ));
    }
    csv.into_bytes()
}

/// The fixtures' book with the vendor set, P-2 under contract and `amount` bonuses on its
/// balance to convert.
fn p2_with_balance(amount: &str) -> Scene {
    let scene = scene_with_clients();
    set_vendor(&scene);
    scene.ok(&[
        "partner",
        "set",
        "P-2",
        "--contract-no",
        "Д-2",
        "--contract-date",
        "2025-01-12",
    ]);
    scene.ok(&[
        "adjust",
        "--partner",
        "P-2",
        "--date",
        "2026-01-10",
        "--amount",
        amount,
        "--reason",
        "перенос остатка",
    ]);
    scene
}

fn balances(scene: &Scene) -> Value {
    scene
        .ok(&["balances", "--as-of", "2026-12-31", "--json"])
        .json()
}

#[test]
fn two_imports_started_together_both_land_as_if_one_after_the_other() {
    let together = scene_with_clients();
    let apart = scene_with_clients();
    let a = together.file("a.csv", &billing("A", "B-100", 6000));
    let b = together.file("b.csv", &billing("B", "B-200", 6000));
    let (a, b) = (a.to_string_lossy(), b.to_string_lossy());
    let first = spawn(&together, &["import", "billing", &a], &[]);
    let second = spawn(&together, &["import", "billing", &b], &[]);
    for (code, out, err) in [finish(first), finish(second)] {
        assert_eq!(code, 0, "{out}\n{err}");
    }
    apart.ok(&["import", "billing", &a]);
    apart.ok(&["import", "billing", &b]);
    assert_eq!(balances(&together), balances(&apart));
    let check = together.ok(&["import", "billing", &a, "--json"]).json();
    assert_eq!(check["added"], serde_json::json!(0), "{check}");
}

#[test]
fn eight_conversions_at_once_make_eight_acts_numbered_without_gaps() {
    let scene = p2_with_balance("100000");
    let writers: Vec<Child> = (0..8)
        .map(|_| {
            spawn(
                &scene,
                &[
                    "convert",
                    "--partner",
                    "P-2",
                    "--date",
                    "2026-02-01",
                    "--amount",
                    "5000",
                    "--json",
                ],
                &[],
            )
        })
        .collect();
    let mut numbers: Vec<String> = writers
        .into_iter()
        .map(|w| {
            let (code, out, err) = finish(w);
            assert_eq!(code, 0, "{out}\n{err}");
            serde_json::from_str::<Value>(&out).expect("JSON")["number"]
                .as_str()
                .expect("a number")
                .to_owned()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("2026-{n:04}")).collect();
    assert_eq!(numbers, expected);
    let p2 = balances(&scene)
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["partner"] == "P-2")
        .cloned()
        .expect("P-2");
    assert_eq!(p2["converted"], serde_json::json!("40000.00"));
}

/// Until a writer holds the book: the note beside a file book appears; a server book's
/// write lock is granted.
fn wait_until_a_writer_holds(scene: &Scene) {
    let server = scene
        .on_server()
        .then(|| partnerbook_core::store::Book::open(&scene.book).expect("the server book"));
    let note = scene.book.with_extension("sqlite.writer");
    let start = std::time::Instant::now();
    loop {
        let held = match &server {
            Some(book) => book
                .db()
                .query_row(
                    "SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND granted
                       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    [],
                    |r| r.get::<_, bool>(0),
                )
                .expect("the server's locks"),
            None => note.exists(),
        };
        if held {
            return;
        }
        assert!(
            start.elapsed().as_secs() < 30,
            "the import never took the book"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_writer_that_cannot_wait_is_told_who_holds_the_book_and_nothing_changes() {
    let scene = scene_with_clients();
    let big = scene.file("big.csv", &billing("C", "B-100", 40000));
    let holder = spawn(&scene, &["import", "billing", &big.to_string_lossy()], &[]);
    wait_until_a_writer_holds(&scene);
    let refused = finish(spawn(
        &scene,
        &[
            "adjust",
            "--partner",
            "P-2",
            "--date",
            "2026-01-10",
            "--amount",
            "1",
            "--reason",
            "x",
        ],
        &[("PARTNERBOOK_WAIT_SECONDS", "0")],
    ));
    let (code, out, err) = finish(holder);
    assert_eq!(code, 0, "{out}\n{err}");
    assert_eq!(refused.0, 1, "{refused:?}");
    assert!(
        refused.2.contains("Книга занята")
            && refused.2.contains("tester")
            && refused.2.contains("big.csv"),
        "{refused:?}"
    );
    let ledger = scene.ok(&["accruals", "--partner", "P-2"]).stdout;
    assert!(!ledger.contains("корректировка вручную"), "{ledger}");
}

#[test]
fn two_conversions_of_one_balance_at_once_make_exactly_one_act() {
    let scene = p2_with_balance("7000");
    let both: Vec<(i32, String, String)> = (0..2)
        .map(|_| {
            spawn(
                &scene,
                &["convert", "--partner", "P-2", "--date", "2026-02-01"],
                &[],
            )
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(finish)
        .collect();
    let done: Vec<_> = both.iter().filter(|(code, ..)| *code == 0).collect();
    let refused: Vec<_> = both.iter().filter(|(code, ..)| *code == 1).collect();
    assert_eq!((done.len(), refused.len()), (1, 1), "{both:?}");
    assert!(
        refused[0].2.contains("конвертировать нечего"),
        "the second finds nothing left: {both:?}"
    );
    let acts = scene.ok(&["acts", "--json"]).json();
    assert_eq!(acts.as_array().map(Vec::len), Some(1), "{acts}");
}

#[test]
fn a_reader_during_an_import_sees_the_book_before_or_after_never_half() {
    let scene = scene_with_clients();
    let before = balances(&scene);
    let big = scene.file("big.csv", &billing("R", "B-100", 30000));
    let import = spawn(&scene, &["import", "billing", &big.to_string_lossy()], &[]);
    let mut seen = Vec::new();
    let mut import = Some(import);
    while let Some(mut running) = import.take() {
        seen.push(balances(&scene));
        match running.try_wait().expect("the import's state") {
            Some(status) => assert!(status.success(), "the import failed"),
            None => import = Some(running),
        }
    }
    let after = balances(&scene);
    assert_ne!(before, after, "the import changed the balances");
    for view in &seen {
        assert!(
            *view == before || *view == after,
            "a half-imported book was seen: {view}"
        );
    }
}

#[test]
fn a_conversion_retried_with_its_key_answers_the_act_it_made() {
    let scene = p2_with_balance("20000");
    let args = [
        "convert",
        "--partner",
        "P-2",
        "--date",
        "2026-02-01",
        "--amount",
        "5000",
        "--key",
        "dialog-7f3a",
        "--json",
    ];
    let answers: Vec<Value> = [spawn(&scene, &args, &[]), spawn(&scene, &args, &[])]
        .into_iter()
        .map(finish)
        .map(|(code, out, err)| {
            assert_eq!(code, 0, "{out}\n{err}");
            serde_json::from_str(&out).expect("JSON")
        })
        .collect();
    assert_eq!(answers[0], answers[1], "the same act answered twice");
    let again = scene.ok(&args).json();
    assert_eq!(again, answers[0]);
    let acts = scene.ok(&["acts", "--json"]).json();
    assert_eq!(acts.as_array().map(Vec::len), Some(1), "{acts}");
    let other_day = scene.run(&[
        "convert",
        "--partner",
        "P-2",
        "--date",
        "2026-02-02",
        "--key",
        "dialog-7f3a",
    ]);
    assert_eq!(other_day.code, 1, "{other_day:?}");
    assert!(
        other_day.stderr.contains("уже использован"),
        "{other_day:?}"
    );
}
