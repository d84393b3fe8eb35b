//! `book backup`, `book backups`, `book restore FILE`: a backup a person can use, the book
//! kept as a backup before it is replaced, retention bounded; a server's backups are the
//! server's.

mod common;

use common::*;
use serde_json::Value;

fn name_of(scene: &Scene, partner: &str) -> String {
    scene.ok(&["partner", "show", partner, "--json"]).json()["name"]
        .as_str()
        .expect("a name")
        .to_owned()
}

fn listed(scene: &Scene) -> Vec<Value> {
    let kept = scene.ok(&["book", "backups", "--json"]).json();
    assert_eq!(kept["keep"], 20);
    kept["backups"].as_array().expect("the backups").clone()
}

#[test]
fn a_backup_taken_now_is_listed_with_when_before_what_and_its_size() {
    let scene = Scene::in_file();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let taken = scene.ok(&["book", "backup"]).json();
    assert_eq!(
        keys(&taken),
        ["bytes", "label", "path", "reason", "taken_at"]
    );
    assert_eq!(taken["reason"], "manual");
    assert_eq!(taken["label"], "сделана вручную");
    let path = taken["path"].as_str().expect("a path");
    assert!(path.starts_with(&scene.dir.path().join("backups").display().to_string()));
    assert_eq!(
        std::fs::metadata(path).expect("the file").len(),
        taken["bytes"].as_u64().expect("bytes")
    );
    let kept = listed(&scene);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(kept[0], taken, "newest first");
    assert_eq!(kept[1]["reason"], "before-import-partners");
    let en = scene.ok(&["--lang", "en", "book", "backups"]).stdout;
    assert!(
        en.contains("made on request") && en.contains("before importing partners"),
        "{en}"
    );
    let ru = scene.ok(&["book", "backups"]).stdout;
    assert!(ru.contains("перед импортом партнёров"), "{ru}");
}

#[test]
fn a_backup_is_restored_after_the_book_is_kept_as_a_backup_first() {
    let scene = Scene::in_file();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let taken = scene.ok(&["book", "backup"]).json();
    let backup = taken["path"].as_str().expect("a path").to_owned();
    scene.ok(&["partner", "set", "P-1", "--name", "ООО «Изменено»"]);
    assert_eq!(name_of(&scene, "P-1"), "ООО «Изменено»");

    let restored = scene.ok(&["book", "restore", &backup]).json();
    assert_eq!(keys(&restored), ["restored", "safety_backup"]);
    assert_eq!(restored["restored"], backup);
    let safety = &restored["safety_backup"];
    assert_eq!(safety["reason"], "before-restore");
    assert_eq!(safety["label"], "перед восстановлением копии");

    // The change is gone; the book is sound and takes writes.
    assert_eq!(name_of(&scene, "P-1"), "ООО «Альфа»");
    scene.ok(&["book", "check"]);
    assert_eq!(listed(&scene)[0], *safety);
    // The book as it was before the restore is in the safety backup.
    let kept = Scene::at(safety["path"].as_str().expect("a path").into());
    assert_eq!(name_of(&kept, "P-1"), "ООО «Изменено»");
    // The backup restored from is as it was.
    let from = Scene::at(backup.clone().into());
    assert_eq!(name_of(&from, "P-1"), "ООО «Альфа»");
    // And the safety backup brings the change back.
    scene.ok(&["book", "restore", safety["path"].as_str().expect("a path")]);
    assert_eq!(name_of(&scene, "P-1"), "ООО «Изменено»");
}

#[test]
fn what_is_not_a_sound_book_is_not_restored_and_nothing_changes() {
    let scene = Scene::in_file();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let text = scene.file("notes.sqlite", b"not a database, just words");
    let run = scene.run(&["book", "restore", &text.to_string_lossy()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "{} — не книга Partnerbook; книга не изменилась.",
            text.display()
        )
    );
    let missing = scene.dir.path().join("none.sqlite");
    let run = scene.run(&[
        "--lang",
        "en",
        "book",
        "restore",
        &missing.to_string_lossy(),
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim_end(),
        format!("There is no file {}.", missing.display())
    );
    // A SQLite file that is not a book (no schema version of ours).
    let other = scene.dir.path().join("other.sqlite");
    {
        let book = partnerbook_core::store::Book::open(&other).expect("made");
        book.db()
            .execute_batch("PRAGMA user_version = 0")
            .expect("not ours any more");
    }
    let run = scene.run(&["book", "restore", &other.to_string_lossy()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "{} — не книга Partnerbook; книга не изменилась.",
            other.display()
        )
    );
    // A book that fails its own check.
    let unsound = scene.dir.path().join("unsound.sqlite");
    scene.ok(&["book", "copy", "--to", &unsound.to_string_lossy()]);
    {
        let book = partnerbook_core::store::Book::open(&unsound).expect("the copy");
        book.db()
            .execute("UPDATE partners SET bound_clients = 5 WHERE id = 'P-1'", [])
            .expect("a partner whose count of clients is wrong");
    }
    let run = scene.run(&["book", "restore", &unsound.to_string_lossy()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("не прошла проверку книги (у партнёра")
            && run.stderr.contains("книга не изменилась"),
        "{run:?}"
    );
    assert_eq!(name_of(&scene, "P-1"), "ООО «Альфа»");
    assert_eq!(
        listed(&scene).len(),
        1,
        "no backup taken for a refused restore"
    );
}

#[test]
fn retention_keeps_the_newest_twenty() {
    let scene = Scene::in_file();
    scene.ok(&["book", "check"]);
    let mut taken = Vec::new();
    for _ in 0..23 {
        taken.push(scene.ok(&["book", "backup"]).json());
    }
    let kept = listed(&scene);
    assert_eq!(kept.len(), 20);
    taken.reverse();
    assert_eq!(
        kept,
        taken[..20].to_vec(),
        "the newest twenty, newest first"
    );
    let files = std::fs::read_dir(scene.dir.path().join("backups"))
        .expect("the folder")
        .count();
    assert_eq!(files, 20, "nothing else is left in the folder");
}

#[test]
fn a_server_books_backups_are_the_servers_job() {
    let scene = Scene::in_file();
    let server = scene.server_book();
    let on_server = Scene::at(server.url.clone().into());
    for args in [
        vec!["book", "backup"],
        vec!["book", "backups"],
        vec!["book", "restore", "/tmp/whatever.sqlite"],
    ] {
        let run = on_server.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert_eq!(
            run.stderr.trim_end(),
            "Копии книги на сервере делает сервер (pg_dump и его расписание).",
            "{args:?}"
        );
    }
}
