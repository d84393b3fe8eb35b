//! Exit status: 0 done, 1 refused (nothing changed), 2 usage error (FORMATS.md).

mod common;

use common::*;

#[test]
fn an_unknown_subcommand_is_a_usage_error_and_opens_no_book() {
    let scene = Scene::new();
    let run = scene.run(&["frobnicate"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("frobnicate"), "{}", run.stderr);
    assert!(run.stderr.contains("Usage"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(!scene.book.exists(), "a usage error touches no book");
}

#[test]
fn missing_or_wrong_arguments_are_usage_errors() {
    let scene = Scene::new();
    assert_eq!(scene.run(&["bindings"]).code, 2, "--client is required");
    assert_eq!(
        scene.run(&["import", "widgets", "x.csv"]).code,
        2,
        "unknown import kind"
    );
    assert_eq!(scene.run(&["import", "partners"]).code, 2, "no file");
    assert_eq!(scene.run(&["partners", "--jsn"]).code, 2, "unknown option");
    assert_eq!(scene.run(&["vendor"]).code, 2, "vendor needs set or show");
}

#[test]
fn help_and_version_exit_0() {
    let scene = Scene::new();
    let help = scene.ok(&["--help"]);
    assert!(help.stdout.contains("partnerbook"), "{}", help.stdout);
    assert!(help.stdout.contains("import"), "{}", help.stdout);
    let version = scene.ok(&["--version"]);
    assert!(
        version.stdout.starts_with("partnerbook "),
        "{}",
        version.stdout
    );
}

#[test]
fn any_command_creates_the_book_where_asked() {
    let scene = Scene::new();
    let nested = scene.dir.path().join("a/b/book.sqlite");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .arg("--book")
        .arg(&nested)
        .args(["partners", "--json"])
        .env_remove("PARTNERBOOK_BOOK")
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0));
    assert!(nested.exists());
    assert_eq!(String::from_utf8_lossy(&run.stdout).trim(), "[]");
}

#[test]
fn the_book_comes_from_partnerbook_book_when_no_option_is_given() {
    let scene = Scene::new();
    let path = scene.dir.path().join("env-book.sqlite");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(["import", "partners", &fixture("partners_ok.csv")])
        .env("PARTNERBOOK_BOOK", &path)
        .env("LANG", "C")
        .output()
        .expect("runs");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(path.exists());
    // The same book read through --book.
    let again = Scene::at(path);
    let partners = again.ok(&["partners", "--json"]).json();
    assert_eq!(partners.as_array().map(Vec::len), Some(6));
}

#[test]
fn a_refusal_exits_1_with_the_reason_on_stderr() {
    let scene = Scene::new();
    let run = scene.run(&["bindings", "--client", "NOPE"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr.trim(), "нет клиента «NOPE»");
    assert!(run.stdout.is_empty());
}

#[test]
fn an_import_of_a_missing_or_unreadable_file_exits_1() {
    let scene = Scene::new();
    let missing = scene.dir.path().join("nowhere.csv");
    let run = scene.run(&["import", "partners", &missing.to_string_lossy()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("Ошибка файла"), "{}", run.stderr);
    let txt = scene.file("partners.txt", b"partner_id\n");
    let run = scene.run(&["import", "partners", &txt.to_string_lossy()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim(),
        "«partners.txt»: читаются только файлы .csv и .xlsx"
    );
}

#[test]
fn a_client_in_two_programs_needs_the_program() {
    let scene = Scene::new();
    let file = scene.file(
        "dup.csv",
        "client_id,program,registered\nDUP,bitrix24,2025-01-01\nDUP,quantower,2025-01-02\n"
            .as_bytes(),
    );
    scene.ok(&["import", "clients", &file.to_string_lossy()]);
    let run = scene.run(&["bindings", "--client", "DUP"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--program"), "{}", run.stderr);
    let card = scene
        .ok(&[
            "bindings",
            "--client",
            "DUP",
            "--program",
            "quantower",
            "--json",
        ])
        .json();
    assert_eq!(card["client"]["registered"], "2025-01-02");
}

#[test]
fn a_server_that_does_not_answer_is_named_without_its_password() {
    let scene = Scene::at("postgres://anna:secret@127.0.0.1:1/book".into());
    let run = scene.run(&["partners"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains(
            "Не удалось подключиться к книге на сервере postgres://anna:***@127.0.0.1:1/book"
        ),
        "{run:?}"
    );
    assert!(!run.stderr.contains("secret"), "{run:?}");
    let bad = Scene::at("postgres://anna@127.0.0.1:notaport/book".into()).run(&["partners"]);
    assert_eq!(bad.code, 1, "{bad:?}");
    assert!(
        bad.stderr.contains("Неверный адрес книги на сервере"),
        "{bad:?}"
    );
}
