//! `whatif` and `whatif --apply`: a rule change replayed over past billing without
//! touching the book, then posted as correcting entries (FORMATS.md, "Programs, and
//! what-if").

mod common;

use common::*;
use serde_json::{json, Value};

fn scene_with_billing() -> Scene {
    let scene = scene_with_clients();
    scene.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    scene
}

/// The rules of bitrix24's first version (in force in 2025), with the first purchase
/// paying `percent` instead of 50.
fn bitrix_rules(scene: &Scene, percent: &str) -> String {
    let shown = scene.ok(&["program", "show", "bitrix24", "--json"]).json();
    let mut rules = shown["versions"][0]["rules"].clone();
    for reward in rules["rewards"].as_array_mut().expect("rewards") {
        if reward["rule"] == json!("first_purchase") {
            reward["percent"] = json!(percent);
        }
    }
    let path = scene.file(
        &format!("rules-{percent}.json"),
        serde_json::to_string(&rules).expect("JSON").as_bytes(),
    );
    path.to_string_lossy().into_owned()
}

fn balances(scene: &Scene) -> Value {
    scene
        .ok(&["balances", "--as-of", "2026-12-31", "--json"])
        .json()
}

/// `whatif --json` of bitrix24 from 2025-01-01 (to `to`, when given) under `rules`.
fn whatif_rows(scene: &Scene, rules: &str, to: Option<&str>) -> Value {
    let mut args = vec![
        "whatif",
        "--program",
        "bitrix24",
        "--from",
        "2025-01-01",
        "--rules",
        rules,
        "--json",
    ];
    if let Some(to) = to {
        args.extend(["--to", to]);
    }
    scene.ok(&args).json()
}

#[test]
fn the_rules_in_force_replay_to_no_difference() {
    let scene = scene_with_billing();
    let rules = bitrix_rules(&scene, "50");
    let rows = whatif_rows(&scene, &rules, Some("2025-12-31"));
    let rows = rows.as_array().expect("an array");
    assert!(!rows.is_empty());
    for row in rows {
        assert_eq!(
            keys(row),
            ["book", "difference", "partner", "program", "unit", "whatif"]
        );
        assert_eq!(row["difference"], json!("0.00"), "{row}");
        assert_eq!(row["book"], row["whatif"], "{row}");
    }
}

#[test]
fn a_higher_first_purchase_shows_the_difference_and_changes_nothing() {
    let scene = scene_with_billing();
    let before = balances(&scene);
    let rules = bitrix_rules(&scene, "60");
    let rows = whatif_rows(&scene, &rules, None);
    // B-100's first purchase (X-1, 10 000) is P-2's after the promo code moved it:
    // 60 % instead of 50 % is 1 000 more.
    let changed: Vec<&Value> = rows
        .as_array()
        .expect("an array")
        .iter()
        .filter(|r| r["difference"] != json!("0.00"))
        .collect();
    assert_eq!(changed.len(), 1, "{rows}");
    assert_eq!(changed[0]["difference"], json!("1000.00"), "{rows}");
    assert_eq!(balances(&scene), before, "what-if changes nothing");
    assert_eq!(
        scene.ok(&["program", "show", "bitrix24", "--json"]).json()["versions"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn applying_posts_the_difference_once_and_records_the_version() {
    let scene = scene_with_billing();
    let rules = bitrix_rules(&scene, "60");
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
        "--json",
    ];
    let untouched = balances(&scene);
    let applied = scene.ok(&args).json();
    assert_eq!(applied["entries"], json!(1), "{applied}");
    assert_eq!(applied["amount"], json!("1000.00"), "{applied}");
    let partner = changed_partner(&untouched, &balances(&scene));
    let ledger = scene
        .ok(&["accruals", "--partner", &partner, "--json"])
        .json();
    let correction = ledger
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["rule"] == json!("rule_change"))
        .expect("a correcting entry")
        .clone();
    assert_eq!(correction["kind"], json!("credit"));
    assert_eq!(correction["amount"], json!("1000.00"));
    assert_eq!(correction["date"], json!("2026-12-01"));
    assert_eq!(correction["payment"], json!("X-1"));
    assert!(correction["corrects"].is_i64(), "{correction}");

    // the rules are now a version from 2025-01-01; applying again posts nothing
    let versions = scene.ok(&["program", "show", "bitrix24", "--json"]).json()["versions"]
        .as_array()
        .map(Vec::len);
    assert_eq!(versions, Some(3));
    let before = balances(&scene);
    let again = scene.ok(&args).json();
    assert_eq!(again["entries"], json!(0), "{again}");
    assert_eq!(balances(&scene), before);

    // and the rules in force now replay to no difference
    let rows = whatif_rows(&scene, &rules, None);
    assert!(rows
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["difference"] == json!("0.00")));
}

/// The one partner whose balance changed between `before` and `after`.
fn changed_partner(before: &Value, after: &Value) -> String {
    let after = after.as_array().expect("balances");
    let changed: Vec<&str> = after
        .iter()
        .filter(|b| !before.as_array().expect("balances").contains(b))
        .filter_map(|b| b["partner"].as_str())
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    changed[0].to_owned()
}

#[test]
fn bad_rules_and_a_conflicting_version_are_refused_and_change_nothing() {
    let scene = scene_with_billing();
    let bad = scene.file("bad.json", b"{\"binding\": ");
    let run = scene.run(&[
        "whatif",
        "--program",
        "bitrix24",
        "--from",
        "2025-01-01",
        "--rules",
        &bad.to_string_lossy(),
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("bad.json"), "{}", run.stderr);

    // a version from 2026-01-01 exists with other rules: applying there is refused
    let before = balances(&scene);
    let rules = bitrix_rules(&scene, "60");
    let run = scene.run(&[
        "whatif",
        "--program",
        "bitrix24",
        "--from",
        "2026-01-01",
        "--rules",
        &rules,
        "--apply",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("2026"), "{}", run.stderr);
    assert_eq!(balances(&scene), before);
}
