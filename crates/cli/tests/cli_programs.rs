//! `programs`, `program show`, `program add-version`: the programs' rules by version from
//! the command line, in the shapes FORMATS.md fixes.

mod common;

use common::*;
use serde_json::{json, Value};

/// The rules of a program's version as `program show --json` prints them.
fn rules_of(scene: &Scene, program: &str, version: usize) -> Value {
    let shown = scene.ok(&["program", "show", program, "--json"]).json();
    shown["versions"][version]["rules"].clone()
}

fn write_json(scene: &Scene, name: &str, value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).expect("JSON");
    scene
        .file(name, text.as_bytes())
        .to_string_lossy()
        .into_owned()
}

#[test]
fn programs_lists_the_five_built_in_programs_with_their_versions() {
    let scene = Scene::new();
    let programs = scene.ok(&["programs", "--json"]).json();
    let ids: Vec<&str> = programs
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|p| p["program"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["bitrix24", "atlantys", "quantower", "tele2-ats", "ciawifi"]
    );
    let bitrix24 = &programs[0];
    assert_eq!(keys(bitrix24), ["name", "program", "unit", "versions"]);
    assert_eq!(bitrix24["unit"], json!("bonus"));
    assert!(bitrix24["name"].as_str().is_some_and(|n| !n.is_empty()));
    let versions = bitrix24["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2, "{bitrix24}");
    assert_eq!(keys(&versions[0]), ["effective_from", "id"]);
    assert!(versions[0]["id"].is_i64(), "{bitrix24}");
    assert_eq!(versions[1]["effective_from"], json!("2026-01-01"));

    let table = scene.ok(&["--lang", "en", "programs"]);
    assert!(table.stdout.starts_with("Program"), "{}", table.stdout);
    assert!(
        table.stdout.contains("2000-01-01, 2026-01-01"),
        "{}",
        table.stdout
    );
}

#[test]
fn program_show_prints_every_version_with_its_rules() {
    let scene = Scene::new();
    let shown = scene.ok(&["program", "show", "bitrix24", "--json"]).json();
    assert_eq!(keys(&shown), ["name", "program", "unit", "versions"]);
    let version = &shown["versions"][1];
    assert_eq!(keys(version), ["effective_from", "id", "rules"]);
    assert_eq!(
        keys(&version["rules"]),
        [
            "binding",
            "conversion",
            "discounts",
            "hold_days",
            "payments",
            "rewards"
        ]
    );
    assert_eq!(
        version["rules"]["rewards"][0],
        json!({"rule": "first_purchase", "percent": "50"})
    );
    let text = scene.ok(&["program", "show", "bitrix24"]);
    assert!(
        text.stdout.contains("первая покупка 50 %"),
        "{}",
        text.stdout
    );
}

#[test]
fn shown_rules_go_back_in_as_a_new_version() {
    let scene = Scene::new();
    let mut rules = rules_of(&scene, "bitrix24", 1);
    rules["rewards"][0]["percent"] = json!("60");
    let file = write_json(&scene, "rules.json", &rules);
    let added = scene
        .ok(&[
            "program",
            "add-version",
            "bitrix24",
            "--from",
            "01.01.2027",
            "--rules",
            &file,
            "--json",
        ])
        .json();
    assert_eq!(added["program"], json!("bitrix24"));
    assert_eq!(added["effective_from"], json!("2027-01-01"));
    assert_eq!(added["rules"], rules);

    let shown = scene.ok(&["program", "show", "bitrix24", "--json"]).json();
    let versions = shown["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 3, "{shown}");
    assert_eq!(versions[2]["id"], added["id"]);
    assert_eq!(versions[2]["effective_from"], json!("2027-01-01"));
    assert_eq!(versions[2]["rules"], rules);
    assert_eq!(
        versions[2]["rules"]["rewards"][0],
        json!({"rule": "first_purchase", "percent": "60"})
    );
    assert_eq!(
        versions[1]["rules"]["rewards"][0]["percent"],
        json!("50"),
        "the version before stays as it was"
    );
    let listed = scene.ok(&["programs", "--json"]).json();
    assert_eq!(listed[0]["versions"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_rules_file_that_is_not_json_is_refused_by_line_and_column() {
    let scene = Scene::new();
    let before = scene.ok(&["program", "show", "bitrix24", "--json"]).stdout;
    let file = scene
        .file("broken.json", b"{\n  \"hold_days\": 0,\n}\n")
        .to_string_lossy()
        .into_owned();
    let add = ["program", "add-version", "bitrix24", "--from", "2027-01-01"];
    let run = scene.run(&[&add[..], &["--rules", &file]].concat());
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        format!("{file}, строка 3, столбец 1: это не JSON: trailing comma")
    );
    let run = scene.run(&[&["--lang", "en"], &add[..], &["--rules", &file]].concat());
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        format!("{file}, line 3, column 1: this is not valid JSON: trailing comma")
    );

    let mut rules = rules_of(&scene, "bitrix24", 1);
    rules["hold_days"] = json!("soon");
    let not_rules = write_json(&scene, "not_rules.json", &rules);
    let run = scene.run(&[&["--lang", "en"], &add[..], &["--rules", &not_rules]].concat());
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with(&format!("{not_rules}, line ")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("this is not a program rule set: invalid type: string \"soon\""),
        "{}",
        run.stderr
    );

    let mut rules = rules_of(&scene, "bitrix24", 1);
    rules["rewards"][1]["within_year"] = json!(5);
    let typo = write_json(&scene, "typo.json", &rules);
    let run = scene.run(&[&["--lang", "en"], &add[..], &["--rules", &typo]].concat());
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        format!("{typo}: a rule set has no key “rewards[1].within_year” (a typo?)")
    );

    let after = scene.ok(&["program", "show", "bitrix24", "--json"]).stdout;
    assert_eq!(after, before, "nothing changed");
}

#[test]
fn rules_the_app_would_refuse_are_refused_naming_the_file() {
    let scene = Scene::new();
    let mut rules = rules_of(&scene, "bitrix24", 1);
    rules["rewards"][0]["percent"] = json!("150");
    let file = write_json(&scene, "rules.json", &rules);
    let run = scene.run(&[
        "--lang",
        "en",
        "program",
        "add-version",
        "bitrix24",
        "--from",
        "2027-01-01",
        "--rules",
        &file,
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        format!("{file}, rewards: reward percent 150 is outside 0…100")
    );
}

#[test]
fn an_unknown_program_is_refused() {
    let scene = Scene::new();
    let run = scene.run(&["program", "show", "bitrix42"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with("нет программы «bitrix42»"),
        "{}",
        run.stderr
    );
    let file = write_json(&scene, "rules.json", &rules_of(&scene, "bitrix24", 1));
    let run = scene.run(&[
        "--lang",
        "en",
        "program",
        "add-version",
        "bitrix42",
        "--from",
        "2027-01-01",
        "--rules",
        &file,
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with("no program “bitrix42”"),
        "{}",
        run.stderr
    );
    let listed = scene.ok(&["programs", "--json"]).json();
    assert_eq!(listed.as_array().map(Vec::len), Some(5));
}

#[test]
fn a_version_on_a_day_that_has_one_is_refused() {
    let scene = Scene::new();
    let before = scene.ok(&["program", "show", "bitrix24", "--json"]).stdout;
    let file = write_json(&scene, "rules.json", &rules_of(&scene, "bitrix24", 0));
    let add = |lang: &str| {
        scene.run(&[
            "--lang",
            lang,
            "program",
            "add-version",
            "bitrix24",
            "--from",
            "01.01.2026",
            "--rules",
            &file,
        ])
    };
    let run = add("ru");
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.trim(),
        "--from: версия с 01.01.2026 уже есть; выберите другую дату"
    );
    let run = add("en");
    assert_eq!(
        run.stderr.trim(),
        "--from: a version from 2026-01-01 exists already; choose another day"
    );
    let after = scene.ok(&["program", "show", "bitrix24", "--json"]).stdout;
    assert_eq!(after, before, "nothing changed");
}
