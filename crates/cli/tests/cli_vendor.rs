//! `vendor set` / `vendor show`: the vendor's requisites, checked, stored, shown.

mod common;

use common::*;
use serde_json::json;

const FULL: [&str; 18] = [
    "vendor",
    "set",
    "--name",
    "ООО «Вендор»",
    "--inn",
    "7736207543",
    "--kpp",
    "773601001",
    "--ogrn",
    "1027700229193",
    "--address",
    "Москва, ул. Льва Толстого, 16",
    "--edo-id",
    "2BE1234567890",
    "--signer",
    "Иванов И. И.",
    "--signer-position",
    "Генеральный директор",
];

#[test]
fn vendor_set_then_show_json() {
    let scene = Scene::new();
    assert_eq!(
        scene.ok(&["vendor", "show", "--json"]).json(),
        json!({"name": null, "inn": null, "kpp": null, "ogrn": null, "address": null, "edo_id": null,
               "signer": null, "signer_position": null, "bik": null, "account": null})
    );
    let run = scene.ok(&FULL);
    assert_eq!(run.stderr.trim(), "Реквизиты поставщика сохранены.");
    assert_eq!(
        scene.ok(&["vendor", "show", "--json"]).json(),
        json!({"name": "ООО «Вендор»", "inn": "7736207543", "kpp": "773601001", "ogrn": "1027700229193",
               "address": "Москва, ул. Льва Толстого, 16", "edo_id": "2BE1234567890",
               "signer": "Иванов И. И.", "signer_position": "Генеральный директор",
               "bik": null, "account": null})
    );
}

#[test]
fn vendor_set_changes_only_the_options_given() {
    let scene = Scene::new();
    scene.ok(&FULL);
    scene.ok(&["vendor", "set", "--signer", "Петров П. П."]);
    let v = scene.ok(&["vendor", "show", "--json"]).json();
    assert_eq!(v["signer"], "Петров П. П.");
    assert_eq!(v["inn"], "7736207543");
    assert_eq!(v["name"], "ООО «Вендор»");
    let text = scene.ok(&["vendor", "show"]).stdout;
    assert!(text.lines().any(|l| l == "ИНН: 7736207543"), "{text}");
    assert!(
        text.lines().any(|l| l == "Подписант: Петров П. П."),
        "{text}"
    );
}

#[test]
fn vendor_set_with_a_bad_inn_exits_1_and_saves_nothing() {
    let scene = Scene::new();
    scene.ok(&FULL);
    let run = scene.run(&["vendor", "set", "--inn", "7736207542", "--name", "Другое"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("неверное контрольное число"),
        "{}",
        run.stderr
    );
    let v = scene.ok(&["vendor", "show", "--json"]).json();
    assert_eq!(
        (v["inn"].as_str(), v["name"].as_str()),
        (Some("7736207543"), Some("ООО «Вендор»"))
    );
    let en = scene.run(&["--lang", "en", "vendor", "set", "--kpp", "7736"]);
    assert_eq!(en.code, 1);
    assert!(
        en.stderr.contains("must have 9 characters, not 4"),
        "{}",
        en.stderr
    );
}

#[test]
fn vendor_set_names_the_field_that_is_wrong() {
    let scene = Scene::new();
    let run = scene.run(&["vendor", "set", "--inn", "7736207542", "--kpp", "7736"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(lines[0].contains("ИНН"), "which field? {}", run.stderr);
    assert!(lines[1].contains("КПП"), "which field? {}", run.stderr);
}
