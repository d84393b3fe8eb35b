//! `book check` and `book copy` (FORMATS.md "The book's location"): a sound book passes,
//! a damaged one is named; a copy holds every row and is refused over anything not empty.

mod common;

use common::*;
use serde_json::json;

#[test]
fn the_demo_book_is_sound_and_its_copy_holds_every_row() {
    let scene = Scene::new();
    scene.ok(&["demo"]);
    let checked = scene.ok(&["book", "check"]);
    assert!(checked.stdout.contains("Книга в порядке"), "{checked:?}");

    let target = scene.dir.path().join("copies").join("book-copy.sqlite");
    let target = target.to_string_lossy().into_owned();
    let counted = scene
        .ok(&["book", "copy", "--to", &target, "--json"])
        .json();
    let tables = counted.as_array().expect("the tables");
    assert!(tables.len() >= 14, "{counted}");
    for t in tables {
        assert_eq!(t["source"], t["target"], "{t}");
    }
    let ledger = tables
        .iter()
        .find(|t| t["table"] == "ledger")
        .expect("the ledger");
    assert!(ledger["source"].as_i64().unwrap_or(0) > 100, "{ledger}");

    let of_copy = std::process::Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args([
            "--book",
            &target,
            "balances",
            "--as-of",
            "2026-12-31",
            "--json",
        ])
        .env("HOME", scene.dir.path())
        .output()
        .expect("the binary runs");
    let original = scene.ok(&["balances", "--as-of", "2026-12-31", "--json"]);
    assert!(
        of_copy.stdout == original.stdout.as_bytes(),
        "the copy's balances differ from the book's"
    );

    let again = scene.run(&["book", "copy", "--to", &target]);
    assert_eq!(again.code, 1, "{again:?}");
    assert!(again.stderr.contains("не пуст"), "{again:?}");
    let server = scene.run(&["book", "copy", "--to", "postgres://anna@localhost/book"]);
    assert_eq!(server.code, 1, "{server:?}");
}

#[test]
fn a_damaged_book_is_named_by_what_disagrees() {
    let scene = scene_with_clients();
    scene.ok(&["book", "check"]);
    let db = rusqlite::Connection::open(&scene.book).expect("the book's file");
    db.execute(
        "UPDATE partners SET bound_clients = 99 WHERE id = 'P-1'",
        [],
    )
    .expect("tampered");
    drop(db);
    let checked = scene.run(&["book", "check", "--json"]);
    assert_eq!(checked.code, 1, "{checked:?}");
    let report = checked.json();
    assert_eq!(report["ok"], json!(false));
    assert_eq!(
        report["problems"][0]["code"],
        json!("partner_clients"),
        "{report}"
    );
    let text = scene.run(&["--lang", "en", "book", "check"]);
    assert!(text.stderr.contains("partner P-1"), "{text:?}");
}
