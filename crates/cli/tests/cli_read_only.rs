//! A book that may be read but not written — opened with `--read-only`, a file without
//! write permission, a server role with only SELECT — answers every read, and refuses
//! every write before it starts, naming it; the book is left exactly as it was.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};

use common::*;
use partnerbook_core::store::Book;

/// A book with partners, clients, billing, the vendor and an act (the month's batch).
fn full_scene(scene: &Scene) {
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    scene.ok(&["import", "clients", &fixture("clients_ok.csv")]);
    scene.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    set_vendor(scene);
    scene.ok(&["batch", "--date", "2026-03-31"]);
}

/// What a person sees of the book: its tables as JSON.
fn seen(scene: &Scene, extra: &[&str]) -> Vec<String> {
    [
        vec!["partners", "--json"],
        vec!["clients", "--json"],
        vec!["balances", "--as-of", "2026-12-31", "--json"],
        vec!["acts", "--json"],
        vec!["accruals", "--partner", "P-5", "--json"],
        vec!["book", "check", "--json"],
    ]
    .iter()
    .map(|args| {
        let args: Vec<&str> = extra.iter().chain(args.iter()).copied().collect();
        scene.ok(&args).stdout
    })
    .collect()
}

/// Every read command answers on the book opened with `extra` (e.g. `--read-only`).
fn every_read_works(scene: &Scene, extra: &[&str]) {
    let out = scene.dir.path().join("out");
    std::fs::create_dir_all(&out).expect("a folder");
    let at = |name: &str| out.join(name).to_string_lossy().into_owned();
    let reads: Vec<Vec<String>> = [
        vec!["vendor", "show", "--json"],
        vec!["partners", "--json"],
        vec!["partners", "--out", &at("partners.xlsx")],
        vec!["clients", "--json"],
        vec!["bindings", "--client", "B-100", "--json"],
        vec!["balances", "--as-of", "2026-12-31", "--json"],
        vec!["accruals", "--partner", "P-5", "--json"],
        vec!["unearned", "--json"],
        vec!["programs", "--json"],
        vec!["program", "show", "bitrix24", "--json"],
        vec!["discounts", "--json"],
        vec!["partner", "show", "P-1", "--json"],
        vec!["acts", "--json"],
        vec!["act", "show", "2026-0001", "--json"],
        vec!["act", "pdf", "2026-0001", "--out", &at("act.pdf")],
        vec!["deadlines", "--as-of", "2026-04-10", "--json"],
        vec![
            "statement",
            "--partner",
            "P-5",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            &at("statement.pdf"),
        ],
        vec!["payouts", "--month", "2026-03", "--out", &at("payouts.pdf")],
        vec!["book", "check", "--json"],
    ]
    .iter()
    .map(|a| a.iter().map(|s| s.to_string()).collect())
    .collect();
    for args in reads {
        let args: Vec<&str> = extra
            .iter()
            .copied()
            .chain(args.iter().map(String::as_str))
            .collect();
        scene.ok(&args);
    }
    assert!(
        std::fs::metadata(out.join("act.pdf"))
            .expect("the PDF")
            .len()
            > 1000
    );
}

/// Every write is refused, naming what it was to do, before it starts.
fn every_write_is_refused(scene: &Scene, extra: &[&str]) {
    let billing = fixture("billing_ok.csv");
    let writes: Vec<Vec<&str>> = vec![
        vec!["import", "billing", &billing],
        vec!["batch", "--date", "2026-12-31"],
        vec!["convert", "--partner", "P-3", "--date", "2026-12-31"],
        vec!["act", "send", "2026-0001", "--date", "2026-04-01"],
        vec!["partner", "set", "P-1", "--name", "ООО «Другое имя»"],
        vec![
            "partner",
            "status",
            "P-1",
            "--status",
            "suspended",
            "--date",
            "2026-04-01",
        ],
        vec!["vendor", "set", "--name", "Другой вендор"],
        vec![
            "adjust",
            "--partner",
            "P-5",
            "--date",
            "2026-04-01",
            "--amount",
            "10",
            "--reason",
            "проверка",
        ],
        vec!["demo"],
    ];
    for args in writes {
        let all: Vec<&str> = extra.iter().copied().chain(args.iter().copied()).collect();
        let run = scene.run(&all);
        assert_eq!(run.code, 1, "{all:?}: {run:?}");
        assert!(
            run.stderr
                .starts_with("Книга открыта только для чтения — отказано: tester "),
            "{all:?}: {run:?}"
        );
        assert!(run.stderr.contains("ничего не изменено"), "{run:?}");
    }
    let mut en: Vec<&str> = extra.to_vec();
    en.extend(["--lang", "en", "import", "billing", &billing]);
    let run = scene.run(&en);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim_end(),
        "The book is open read-only — refused: tester is importing billing billing_ok.csv; nothing changed."
    );
}

/// The names in the book's backups folder.
fn backups(scene: &Scene) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(scene.dir.path().join("backups"))
        .expect("the backups of the writes that made the book")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The bytes of the book's files (the book and its WAL).
fn file_bytes(scene: &Scene) -> Vec<Vec<u8>> {
    ["", "-wal"]
        .iter()
        .map(|suffix| {
            let mut name = scene.book.clone().into_os_string();
            name.push(suffix);
            std::fs::read(std::path::PathBuf::from(name)).unwrap_or_default()
        })
        .collect()
}

#[test]
fn a_book_opened_read_only_is_read_and_every_write_refused_naming_it() {
    let scene = Scene::new();
    full_scene(&scene);
    let before = seen(&scene, &[]);
    let bytes = (!scene.on_server()).then(|| file_bytes(&scene));

    every_read_works(&scene, &["--read-only"]);
    every_write_is_refused(&scene, &["--read-only"]);

    assert_eq!(seen(&scene, &["--read-only"]), before);
    if let Some(bytes) = bytes {
        assert!(
            file_bytes(&scene) == bytes,
            "the book's files are byte for byte as they were"
        );
    }
    // Opened for writing again, the same book takes writes.
    scene.ok(&["partner", "set", "P-1", "--name", "ООО «Альфа плюс»"]);
}

#[test]
fn a_book_file_without_write_permission_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let scene = Scene::in_file();
    full_scene(&scene);
    // The writer's last words in the book itself, so the WAL is empty and nothing but the
    // book file is needed to read it.
    scene.ok(&["book", "check"]);
    let before = seen(&scene, &[]);
    let bytes = file_bytes(&scene);
    let kept = backups(&scene);
    std::fs::set_permissions(&scene.book, std::fs::Permissions::from_mode(0o444))
        .expect("the book made read-only");

    every_read_works(&scene, &[]);
    every_write_is_refused(&scene, &[]);

    assert_eq!(seen(&scene, &[]), before);
    let after = file_bytes(&scene);
    assert!(
        after == bytes,
        "the book's files are byte for byte as they were: {:?} → {:?}",
        bytes.iter().map(Vec::len).collect::<Vec<_>>(),
        after.iter().map(Vec::len).collect::<Vec<_>>()
    );
    assert_eq!(
        backups(&scene),
        kept,
        "no backup was taken for a write that was refused"
    );
}

#[test]
fn an_older_book_opened_read_only_is_not_brought_up_to_date() {
    let scene = Scene::in_file();
    scene.ok(&["book", "check"]);
    {
        let book = Book::open(&scene.book).expect("the book");
        book.db()
            .execute_batch("PRAGMA user_version = 7")
            .expect("made to look older");
    }
    let run = scene.run(&["--read-only", "partners", "--json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("откройте её один раз для записи"),
        "{run:?}"
    );
    let book = Book::open_read_only(&scene.book);
    assert!(book.is_err(), "still older: nothing was written");
}

/// A login role that may only read the book `url` (a superuser's URL of the test server's
/// database), and its URL; dropped with [`drop_reader`].
fn reader_of(url: &str) -> (String, String) {
    static MADE: AtomicU64 = AtomicU64::new(0);
    let role = format!(
        "pb_reader_{}_{}",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed)
    );
    let book = Book::open(std::path::Path::new(url)).expect("the server book");
    book.db()
        .execute_batch(&format!(
            "CREATE ROLE {role} LOGIN;
             GRANT USAGE ON SCHEMA public TO {role};
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};"
        ))
        .expect("a role that may only read");
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let host = rest.split_once('@').map_or(rest, |(_, host)| host);
    (role.clone(), format!("{scheme}://{role}@{host}"))
}

fn drop_reader(url: &str, role: &str) {
    let book = Book::open(std::path::Path::new(url)).expect("the server book");
    book.db()
        .execute_batch(&format!("DROP OWNED BY {role}; DROP ROLE {role};"))
        .expect("the role dropped");
}

#[test]
fn a_server_role_with_only_select_reads_the_book_and_every_write_is_refused() {
    let dir = Scene::in_file();
    let server = dir.server_book();
    let owner = Scene::at(server.url.clone().into());
    full_scene(&owner);
    let before = seen(&owner, &[]);
    let (role, url) = reader_of(&server.url);
    let reader = Scene::at(url.into());

    every_read_works(&reader, &[]);
    every_write_is_refused(&reader, &[]);
    assert_eq!(seen(&reader, &[]), before);
    assert_eq!(seen(&owner, &[]), before);

    // A write the book's check lets through is refused by the server itself
    // (insufficient_privilege), said as clearly.
    {
        let book = Book::open(std::path::Path::new(&reader.book)).expect("the reader's book");
        let err = book
            .db()
            .execute("UPDATE partners SET name = 'x'", [])
            .expect_err("the server refuses");
        assert_eq!(err.code(), "read_only", "{err:?}");
        assert!(
            err.message(partnerbook_core::Lang::Ru)
                .starts_with("Книга открыта только для чтения: запись запрещена"),
            "{}",
            err.message(partnerbook_core::Lang::Ru)
        );
    }
    drop(reader);
    drop_reader(&server.url, &role);
}
