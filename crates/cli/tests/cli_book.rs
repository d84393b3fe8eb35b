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
}

/// What a book answers that a copy must answer the same: its balances, its acts, every
/// partner's ledger and the bindings of every client.
fn outputs(scene: &Scene) -> Vec<String> {
    let mut runs: Vec<Vec<String>> = vec![
        vec![
            "balances".into(),
            "--as-of".into(),
            "2026-12-31".into(),
            "--json".into(),
        ],
        vec!["acts".into(), "--json".into()],
    ];
    let partners = scene.ok(&["partners", "--json"]).json();
    for p in partners.as_array().expect("the partners") {
        let id = p["partner"].as_str().expect("an id").to_owned();
        runs.push(vec![
            "accruals".into(),
            "--partner".into(),
            id,
            "--json".into(),
        ]);
    }
    let clients = scene.ok(&["clients", "--json"]).json();
    for c in clients.as_array().expect("the clients").iter().step_by(7) {
        let id = c["client"].as_str().expect("an id").to_owned();
        let program = c["program"].as_str().expect("a program").to_owned();
        runs.push(vec![
            "bindings".into(),
            "--client".into(),
            id,
            "--program".into(),
            program,
            "--json".into(),
        ]);
    }
    runs.iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            scene.ok(&args).stdout
        })
        .collect()
}

#[test]
fn a_book_copied_to_the_server_and_back_answers_the_same() {
    let scene = Scene::in_file();
    scene.ok(&["demo"]);
    scene.ok(&["batch", "--date", "2026-11-30"]);
    let server = scene.server_book();
    let copied = scene
        .ok(&["book", "copy", "--to", &server.url, "--json"])
        .json();
    for t in copied.as_array().expect("the tables") {
        assert_eq!(t["source"], t["target"], "{t}");
    }
    let on_server = Scene::at(server.url.clone().into());
    assert_eq!(outputs(&on_server), outputs(&scene));
    on_server.ok(&["book", "check"]);

    let back = scene.dir.path().join("back.sqlite");
    on_server.ok(&["book", "copy", "--to", &back.to_string_lossy()]);
    let back = Scene::at(back);
    assert_eq!(outputs(&back), outputs(&scene));

    // A server book that holds a book already is refused, and keeps what it holds.
    let again = scene.run(&["book", "copy", "--to", &server.url]);
    assert_eq!(again.code, 1, "{again:?}");
    assert!(again.stderr.contains("не пуст"), "{again:?}");
    assert_eq!(outputs(&on_server), outputs(&scene));
}

#[test]
fn a_damaged_book_is_named_by_what_disagrees() {
    let scene = scene_with_clients();
    scene.ok(&["book", "check"]);
    let book = partnerbook_core::store::Book::open(&scene.book).expect("the book");
    book.db()
        .execute(
            "UPDATE partners SET bound_clients = 99 WHERE id = 'P-1'",
            [],
        )
        .expect("tampered");
    drop(book);
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
