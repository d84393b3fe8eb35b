//! `import partners|clients FILE`: the end-to-end scenarios on the fixture files, the
//! messages on stderr in Russian and English, and the book left unchanged on any problem.

mod common;

use common::*;
use serde_json::json;

#[test]
fn one_bad_row_exits_1_lists_row_3_column_inn_and_writes_nothing() {
    let scene = Scene::new();
    let run = scene.run(&["import", "partners", &fixture("partners_one_bad_row.csv")]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert_eq!(
        lines[0],
        "строка 3, столбец ИНН: неверное контрольное число"
    );
    assert!(lines[1].starts_with("Строк: 3, "), "{}", lines[1]);
    assert_eq!(lines[2], "Ошибок: 1. Ничего не записано.");
    assert!(run.stdout.is_empty());
    assert_eq!(scene.ok(&["partners", "--json"]).json(), json!([]));
}

#[test]
fn a_refused_import_does_not_claim_rows_were_added() {
    let scene = Scene::new();
    let run = scene.run(&["import", "partners", &fixture("partners_one_bad_row.csv")]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("добавлено: 2"), "{}", run.stderr);
}

#[test]
fn the_same_in_english() {
    let scene = Scene::new();
    let run = scene.run(&[
        "--lang",
        "en",
        "import",
        "partners",
        &fixture("partners_one_bad_row.csv"),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("row 3, column ИНН: wrong check digit\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Problems: 1. Nothing was written."),
        "{}",
        run.stderr
    );
}

#[test]
fn the_language_comes_from_the_environment_when_not_given() {
    let scene = Scene::new();
    let file = fixture("partners_one_bad_row.csv");
    for (var, value, expected) in [
        (
            "LANG",
            "en_US.UTF-8",
            "row 3, column ИНН: wrong check digit",
        ),
        (
            "PARTNERBOOK_LANG",
            "en",
            "row 3, column ИНН: wrong check digit",
        ),
        (
            "LANG",
            "ru_RU.UTF-8",
            "строка 3, столбец ИНН: неверное контрольное число",
        ),
        (
            "LANG",
            "C",
            "строка 3, столбец ИНН: неверное контрольное число",
        ),
    ] {
        let run = scene.run_with(&["import", "partners", &file], &[(var, value)]);
        assert_eq!(run.code, 1);
        assert!(
            run.stderr.contains(expected),
            "{var}={value}: {}",
            run.stderr
        );
    }
    // --lang wins over the environment.
    let run = scene.run_with(
        &["--lang", "ru", "import", "partners", &file],
        &[("LANG", "en_US.UTF-8")],
    );
    assert!(
        run.stderr.contains("строка 3, столбец ИНН"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_bad_row_is_listed() {
    let scene = Scene::new();
    let run = scene.run(&[
        "import",
        "partners",
        &fixture("partners_several_bad_rows.csv"),
    ]);
    assert_eq!(run.code, 1);
    for line in [
        "строка 3, столбец kind: программа bitrix24 не принимает партнёров этого типа",
        "строка 4, столбец rate: программа требует ставку вознаграждения в договоре партнёра",
        "строка 5, столбец program: нет программы «nosuch»",
        "строка 6, столбец kpp: обязательное поле не заполнено",
        "Ошибок: 4. Ничего не записано.",
    ] {
        assert!(
            run.stderr.lines().any(|l| l == line),
            "missing «{line}» in:\n{}",
            run.stderr
        );
    }
    assert_eq!(scene.ok(&["partners", "--json"]).json(), json!([]));
}

#[test]
fn a_missing_column_is_reported_at_row_1() {
    let scene = Scene::new();
    let run = scene.run(&[
        "import",
        "partners",
        &fixture("partners_missing_column.csv"),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("строка 1, столбец name: нет обязательного столбца «Наименование» («name»)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_good_file_goes_in_and_again_is_already_imported() {
    let scene = Scene::new();
    let file = fixture("partners_ok.csv");
    let run = scene.ok(&["import", "partners", &file]);
    assert_eq!(
        run.stderr.trim(),
        "Строк: 6, добавлено: 6, уже было в книге: 0, отказано правилами программ: 0."
    );
    let again = scene.ok(&["--lang", "en", "import", "partners", &file]);
    assert_eq!(
        again.stderr.trim(),
        "Rows: 6, added: 0, already imported: 6, refused by program rules: 0."
    );
    assert_eq!(
        scene
            .ok(&["partners", "--json"])
            .json()
            .as_array()
            .map(Vec::len),
        Some(6)
    );
}

#[test]
fn a_conflicting_row_exits_1_and_keeps_the_book() {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let run = scene.run(&["import", "partners", &fixture("partners_conflict.csv")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("строка 2, столбец name: партнёр «P-1» уже есть в книге с другим значением"),
        "{}",
        run.stderr
    );
    assert_eq!(
        scene.ok(&["partners", "--json"]).json()[0]["name"],
        "ООО «Альфа»"
    );
}

#[test]
fn a_dry_run_checks_and_writes_nothing() {
    let scene = Scene::new();
    let run = scene.ok(&[
        "import",
        "partners",
        &fixture("partners_ok.csv"),
        "--dry-run",
    ]);
    assert!(
        run.stderr.contains("Проверка без записи.")
            && run.stderr.contains("будет добавлено: 6")
            && run.stderr.contains("Файл можно загружать."),
        "{}",
        run.stderr
    );
    assert_eq!(scene.ok(&["partners", "--json"]).json(), json!([]));
    let bad = scene.run(&[
        "import",
        "partners",
        &fixture("partners_one_bad_row.csv"),
        "--dry-run",
    ]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("строка 3, столбец ИНН"),
        "{}",
        bad.stderr
    );
}

#[test]
fn clients_are_imported_with_refusals_counted_not_failed() {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let run = scene.ok(&["import", "clients", &fixture("clients_ok.csv")]);
    assert_eq!(
        run.stderr.trim(),
        "Строк: 6, добавлено: 4, уже было в книге: 0, отказано правилами программ: 2."
    );
    let again = scene.ok(&["import", "clients", &fixture("clients_ok.csv")]);
    assert_eq!(
        again.stderr.trim(),
        "Строк: 6, добавлено: 0, уже было в книге: 6, отказано правилами программ: 0."
    );
    let bad = scene.run(&["import", "clients", &fixture("clients_bad.csv")]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr
            .contains("строка 5, столбец channel: канал «carrier» неизвестен"),
        "{}",
        bad.stderr
    );
    assert_eq!(
        scene
            .ok(&["clients", "--json"])
            .json()
            .as_array()
            .map(Vec::len),
        Some(5)
    );
}

#[test]
fn a_windows_1251_file_is_read() {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_cp1251.csv")]);
    let rows = scene.ok(&["partners", "--json"]).json();
    assert_eq!(rows[0]["name"], "ООО «Ёлка и Щука»");
    assert_eq!(rows[1]["name"], "ИП Жуков Илья");
    assert_eq!(rows[1]["kind"], "ip");
}

#[test]
fn import_json_prints_the_report() {
    let scene = Scene::new();
    let run = scene.ok(&["import", "partners", &fixture("partners_ok.csv"), "--json"]);
    let report = run.json();
    assert_eq!(report["committed"], true);
    assert_eq!(report["kind"], "partners");
    assert_eq!(
        (report["rows"].as_u64(), report["added"].as_u64()),
        (Some(6), Some(6))
    );
    assert_eq!(report["problems"], json!([]));
    let bad = scene.run(&[
        "import",
        "partners",
        &fixture("partners_one_bad_row.csv"),
        "--json",
    ]);
    assert_eq!(bad.code, 1);
    let report = bad.json();
    assert_eq!(report["committed"], false);
    assert_eq!(
        report["problems"],
        json!([{"code": "inn_checksum", "message": "неверное контрольное число", "row": 3, "column": "ИНН", "field": "inn"}])
    );
}
