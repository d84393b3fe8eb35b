//! `discounts`: the tele2-ats schedule out of imported partners and clients
//! (FORMATS.md `discounts --json`; PROGRAMS.md §4).

mod common;

use common::*;
use serde_json::{json, Value};

/// P-10 invites C-1 … C-5 (C-3 and C-4 the same day, C-5 on the last day of the
/// running period); C-6 came too late; P-11 invites C-7, and C-8 the day after its
/// discount ended.
fn scene() -> Scene {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_tele2.csv")]);
    scene.ok(&["import", "clients", &fixture("clients_tele2.csv")]);
    scene
}

fn invitee(client: &str, start: &str, end: &str, inviter: &str) -> Value {
    json!({"client": client, "role": "invitee", "percent": "20", "start": start, "end": end,
           "excludes": ["sms"], "sms_package": null,
           "program": "tele2-ats", "inviter": inviter, "invitee": client, "invited": null})
}

fn inviter(
    partner: &str,
    k: u32,
    percent: &str,
    (start, end): (&str, &str),
    invitee: &str,
) -> Value {
    json!({"client": partner, "role": "inviter", "percent": percent, "start": start, "end": end,
           "excludes": ["sms"], "sms_package": null,
           "program": "tele2-ats", "inviter": partner, "invitee": invitee, "invited": k})
}

fn package(partner: &str, sms: u32, start: &str, invitee: &str, total: u32) -> Value {
    json!({"client": partner, "role": "inviter", "percent": null, "start": start, "end": null,
           "excludes": [], "sms_package": sms,
           "program": "tele2-ats", "inviter": partner, "invitee": invitee, "invited": total})
}

#[test]
fn discounts_json_is_the_whole_schedule() {
    let scene = scene();
    let expected = json!([
        invitee("C-7", "2026-03-01", "2026-05-31", "P-11"),
        inviter("P-11", 1, "20", ("2026-02-10", "2026-05-09"), "C-7"),
        invitee("C-1", "2026-03-30", "2026-06-29", "P-10"),
        inviter("P-10", 1, "20", ("2026-03-30", "2026-04-14"), "C-1"),
        invitee("C-2", "2026-04-15", "2026-07-14", "P-10"),
        inviter("P-10", 2, "40", ("2026-04-15", "2026-05-04"), "C-2"),
        invitee("C-3", "2026-05-05", "2026-08-04", "P-10"),
        package("P-10", 1200, "2026-05-05", "C-3", 3),
        invitee("C-4", "2026-05-05", "2026-08-04", "P-10"),
        inviter("P-10", 4, "80", ("2026-05-05", "2027-05-03"), "C-4"),
        invitee("C-8", "2026-05-10", "2026-08-09", "P-11"),
        inviter("P-11", 1, "20", ("2026-05-10", "2026-08-09"), "C-8"),
        invitee("C-5", "2027-05-04", "2027-08-03", "P-10"),
        inviter("P-10", 5, "100", ("2027-05-04", "2028-05-03"), "C-5"),
        package("P-10", 3200, "2027-05-04", "C-5", 5),
    ]);
    assert_eq!(scene.ok(&["discounts", "--json"]).json(), expected);
    assert_eq!(
        scene
            .ok(&["discounts", "--program", "tele2-ats", "--json"])
            .json(),
        expected
    );
}

#[test]
fn every_entry_has_the_documented_fields() {
    let scene = scene();
    let all = scene.ok(&["discounts", "--json"]).json();
    for entry in all.as_array().expect("an array") {
        let keys = keys(entry);
        for documented in [
            "client",
            "role",
            "percent",
            "start",
            "end",
            "excludes",
            "sms_package",
        ] {
            assert!(
                keys.iter().any(|k| k == documented),
                "{documented}: {entry}"
            );
        }
    }
}

#[test]
fn an_empty_book_has_an_empty_schedule() {
    assert_eq!(Scene::new().ok(&["discounts", "--json"]).json(), json!([]));
}

#[test]
fn a_program_without_discounts_is_refused() {
    let scene = scene();
    let run = scene.run(&["discounts", "--program", "bitrix24", "--json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("не даёт скидок"), "{run:?}");
    let run = scene.run(&["--lang", "en", "discounts", "--program", "bitrix24"]);
    assert!(run.stderr.contains("grants no discounts"), "{run:?}");
}

#[test]
fn discounts_without_json_is_a_table_in_the_language_asked() {
    let scene = scene();
    let text = scene.ok(&["discounts"]).stdout;
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    assert!(
        header.starts_with("Клиент") && header.contains("Пакет SMS"),
        "{header}"
    );
    assert_eq!(lines.count(), 15);
    assert!(
        text.lines().any(|l| l.starts_with("C-1")
            && l.contains("приглашённый")
            && l.contains("2026-06-29")),
        "{text}"
    );
    let en = scene.ok(&["--lang", "en", "discounts"]).stdout;
    let header = en.lines().next().expect("a header");
    assert!(
        header.starts_with("Client") && header.contains("SMS package"),
        "{en}"
    );
    assert!(
        en.lines()
            .any(|l| l.starts_with("P-10") && l.contains("3200")),
        "{en}"
    );
}
