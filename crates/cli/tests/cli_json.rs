//! `--json` output shapes of the reading commands (FORMATS.md): `partners`, `clients`,
//! `bindings --client ID`.

mod common;

use common::*;
use serde_json::json;

#[test]
fn partners_json_has_exactly_the_documented_fields() {
    let scene = Scene::new();
    assert_eq!(scene.ok(&["partners", "--json"]).json(), json!([]));
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let partners = scene.ok(&["partners", "--json"]).json();
    let rows = partners.as_array().expect("an array");
    assert_eq!(rows.len(), 6);
    for row in rows {
        assert_eq!(
            keys(row),
            ["code", "inn", "kind", "name", "partner", "program", "status"]
        );
    }
    assert_eq!(
        rows[0],
        json!({"partner": "P-1", "program": "bitrix24", "name": "ООО «Альфа»", "kind": "ooo",
               "inn": "7707083893", "code": "ALFA2025", "status": "active"})
    );
    assert_eq!(
        rows[3],
        json!({"partner": "P-4", "program": "quantower", "name": "Trader Ltd", "kind": "foreign",
               "inn": null, "code": "QUANT001", "status": "suspended"})
    );
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["partner"].as_str()).collect();
    assert_eq!(ids, ["P-1", "P-2", "P-3", "P-4", "P-5", "P-6"]);
}

#[test]
fn partners_json_filters_by_program() {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let rows = scene
        .ok(&["partners", "--program", "bitrix24", "--json"])
        .json();
    let ids: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["partner"].as_str())
        .collect();
    assert_eq!(ids, ["P-1", "P-2"]);
    assert_eq!(
        scene
            .ok(&["partners", "--program", "nosuch", "--json"])
            .json(),
        json!([])
    );
}

#[test]
fn partners_without_json_is_a_table_for_people() {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    let text = scene.ok(&["partners"]).stdout;
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    assert!(
        header.starts_with("ID") && header.contains("Наименование"),
        "{header}"
    );
    assert_eq!(lines.count(), 6);
    let en = scene.ok(&["--lang", "en", "partners"]).stdout;
    assert!(
        en.lines().next().is_some_and(|h| h.contains("Name")),
        "{en}"
    );
}

#[test]
fn clients_json_shows_each_client_with_its_current_partner() {
    let scene = scene_with_clients();
    let clients = scene.ok(&["clients", "--json"]).json();
    let rows = clients.as_array().expect("an array");
    assert_eq!(rows.len(), 5);
    for row in rows {
        assert_eq!(
            keys(row),
            [
                "channel",
                "client",
                "inn",
                "name",
                "partner",
                "partner_name",
                "program",
                "registered",
                "since"
            ]
        );
    }
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["client"].as_str()).collect();
    assert_eq!(ids, ["B-100", "B-200", "B-300", "T-1", "W-1"]);
    assert_eq!(
        rows[0],
        json!({"client": "B-100", "program": "bitrix24", "name": "ООО «Клиент Один»", "inn": "7704217370",
               "registered": "2025-03-01", "partner": "P-2", "partner_name": "ИП Борисов Борис Борисович",
               "channel": "promo", "since": "2025-04-01"})
    );
    assert_eq!(rows[1]["partner"], json!(null));
    assert_eq!(rows[1]["channel"], json!(null));
    let ciawifi = scene
        .ok(&["clients", "--program", "ciawifi", "--json"])
        .json();
    assert_eq!(ciawifi.as_array().map(Vec::len), Some(1));
    assert_eq!(ciawifi[0]["partner"], "P-3");
}

#[test]
fn bindings_json_gives_the_history_and_every_attempt() {
    let scene = scene_with_clients();
    let card = scene
        .ok(&["bindings", "--client", "B-100", "--json"])
        .json();
    assert_eq!(card["client"]["client"], "B-100");
    assert_eq!(
        card["bindings"],
        json!([
            {"client": "B-100", "client_name": "ООО «Клиент Один»", "partner": "P-1", "partner_name": "ООО «Альфа»",
             "channel": "link", "since": "2025-03-01", "until": "2025-04-01"},
            {"client": "B-100", "client_name": "ООО «Клиент Один»", "partner": "P-2",
             "partner_name": "ИП Борисов Борис Борисович", "channel": "promo", "since": "2025-04-01", "until": null}
        ])
    );
    let events = card["events"].as_array().expect("events");
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[0],
        json!({"client": "B-100", "program": "bitrix24", "date": "2025-03-01", "code": "ALFA2025", "partner": "P-1",
               "channel": "link", "outcome": "bound", "reason_code": null, "reason": null})
    );
    assert_eq!(events[1]["outcome"], "bound");
    assert_eq!(events[1]["partner"], "P-2");
}

#[test]
fn bindings_json_shows_a_refused_attempt_with_its_reason_in_the_language_asked() {
    let scene = scene_with_clients();
    let ru = scene
        .ok(&["bindings", "--client", "B-200", "--json"])
        .json();
    assert_eq!(ru["bindings"], json!([]));
    assert_eq!(ru["client"]["partner"], json!(null));
    let event = &ru["events"][0];
    assert_eq!(event["outcome"], "refused");
    assert_eq!(event["partner"], "P-1");
    assert_eq!(event["reason_code"], "not_at_registration");
    assert_eq!(
        event["reason"],
        "привязка возможна только при регистрации клиента (05.03.2025); позже клиента не привязать"
    );
    let en = scene
        .ok(&["--lang", "en", "bindings", "--client", "B-200", "--json"])
        .json();
    assert_eq!(
        en["events"][0]["reason"],
        "a client can be bound only when it registers (2025-03-05); never later"
    );
    let tele2 = scene.ok(&["bindings", "--client", "T-1", "--json"]).json();
    assert_eq!(tele2["events"][0]["reason_code"], "invite_window_passed");
    assert_eq!(
        tele2["events"][0]["reason"],
        "код можно зарегистрировать в течение месяца после регистрации, до 20.05.2025 включительно"
    );
}

#[test]
fn bindings_without_json_lists_bindings_and_events_with_reasons() {
    let scene = scene_with_clients();
    let text = scene.ok(&["bindings", "--client", "B-200"]).stdout;
    assert!(text.starts_with("Клиент B-200 (bitrix24)"), "{text}");
    assert!(text.contains("отказ"), "{text}");
    assert!(
        text.contains("привязка возможна только при регистрации клиента (05.03.2025)"),
        "{text}"
    );
}
