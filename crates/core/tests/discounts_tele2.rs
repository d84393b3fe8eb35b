//! tele2-ats discounts out of a book (PROGRAMS.md §4): the schedule is derived from the
//! accepted invitations the binding recorded; refused ones and other programs' bindings
//! grant nothing.

mod common;

use chrono::NaiveDate;
use common::*;
use partnerbook_core::clients::{record_client, ClientRecord};
use partnerbook_core::discounts::{
    client_discounts, discount_history, discount_programs, discount_schedule, invited_clients,
    DiscountPeriod,
};
use partnerbook_core::programs::Channel::{self, *};
use partnerbook_core::store::Book;
use serde_json::{json, Value};

const INVITER: &str = "5e83e12b1";
const OTHER: &str = "a1b2c3d4e";

/// A tele2-ats client registered on `registered` (promo until `promo_ends`) that tries
/// `code` through `channel` on `date`; the outcome's code.
fn client_tries(
    book: &Book,
    client: &str,
    (registered, promo_ends): (NaiveDate, Option<NaiveDate>),
    code: &str,
    channel: Channel,
    date: NaiveDate,
) -> String {
    let record = ClientRecord {
        program: "tele2-ats".into(),
        client_id: client.into(),
        name: Some(format!("Клиент {client}")),
        inn: None,
        registered: Some(registered),
        users: None,
        active_since: None,
        promo_ends,
    };
    let (id, _) = record_client(book.db(), &record)
        .expect("the database answers")
        .expect("a valid client");
    let p = program(book, "tele2-ats");
    outcome_code(&attempt(book, &p, id, code, channel, date))
}

/// P-INV invites T-1 (promo until 29.03) and T-2; T-3 is too late, T-4 used a link;
/// P-OTHER invites T-5; a bitrix24 client is bound by link.
fn scene() -> Book {
    let mut book = book();
    add_partner(&mut book, ooo("P-INV", "tele2-ats", INN_TBANK, INVITER));
    add_partner(&mut book, ooo("P-OTHER", "tele2-ats", INN_OZON, OTHER));
    add_partner(&mut book, ooo("P-B", "bitrix24", INN_SBER, "BX1"));
    let tries = [
        (
            "T-1",
            day(2026, 3, 1),
            Some(day(2026, 3, 29)),
            INVITER,
            Invite,
            day(2026, 3, 10),
            "bound",
        ),
        (
            "T-2",
            day(2026, 3, 20),
            None,
            INVITER,
            Invite,
            day(2026, 4, 1),
            "bound",
        ),
        (
            "T-3",
            day(2026, 1, 1),
            None,
            INVITER,
            Invite,
            day(2026, 4, 5),
            "invite_window_passed",
        ),
        (
            "T-4",
            day(2026, 4, 1),
            None,
            INVITER,
            Link,
            day(2026, 4, 1),
            "channel_not_accepted",
        ),
        (
            "T-5",
            day(2026, 5, 1),
            Some(day(2026, 4, 30)),
            OTHER,
            Invite,
            day(2026, 5, 2),
            "bound",
        ),
    ];
    for (client, registered, promo_ends, code, channel, date, expected) in tries {
        let got = client_tries(&book, client, (registered, promo_ends), code, channel, date);
        assert_eq!(got, expected, "{client}");
    }
    let id = add_client(&book, "bitrix24", "B-1", None, day(2025, 3, 1));
    let bitrix = program(&book, "bitrix24");
    assert_eq!(
        outcome_code(&attempt(&book, &bitrix, id, "BX1", Link, day(2025, 3, 1))),
        "bound"
    );
    book
}

fn as_json(periods: &[DiscountPeriod]) -> Value {
    serde_json::to_value(periods).expect("serialises")
}

/// The invitee's 20 % from `start` to `end`, invited by `inviter`.
fn invitee(client: &str, (start, end): (&str, &str), inviter: &str) -> Value {
    json!({"client": client, "role": "invitee", "percent": "20", "start": start, "end": end,
           "excludes": ["sms"], "sms_package": null, "program": "tele2-ats",
           "inviter": inviter, "invitee": client, "invited": null})
}

/// The inviter's period at level `k`, given by `invitee`'s invitation.
fn inviter(
    partner: &str,
    k: u32,
    percent: &str,
    (start, end): (&str, &str),
    invitee: &str,
) -> Value {
    json!({"client": partner, "role": "inviter", "percent": percent, "start": start, "end": end,
           "excludes": ["sms"], "sms_package": null, "program": "tele2-ats",
           "inviter": partner, "invitee": invitee, "invited": k})
}

#[test]
fn the_schedule_holds_every_accepted_invitation_and_nothing_else() {
    let book = scene();
    let expected = json!([
        invitee("T-1", ("2026-03-30", "2026-06-29"), "P-INV"),
        inviter("P-INV", 1, "20", ("2026-03-10", "2026-03-31"), "T-1"),
        invitee("T-2", ("2026-04-01", "2026-06-30"), "P-INV"),
        inviter("P-INV", 2, "40", ("2026-04-01", "2026-09-30"), "T-2"),
        invitee("T-5", ("2026-05-02", "2026-08-01"), "P-OTHER"),
        inviter("P-OTHER", 1, "20", ("2026-05-02", "2026-08-01"), "T-5"),
    ]);
    assert_eq!(
        as_json(&discount_schedule(book.db(), None).expect("schedule")),
        expected
    );
    assert_eq!(
        as_json(&discount_schedule(book.db(), Some("tele2-ats")).expect("schedule")),
        expected
    );
}

#[test]
fn only_programs_with_discount_rules_have_a_schedule() {
    let book = scene();
    let ids: Vec<String> = discount_programs(book.db())
        .expect("programs")
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, ["tele2-ats"]);
    let refused = discount_schedule(book.db(), Some("bitrix24")).expect_err("no discounts");
    assert_eq!(refused.code(), "no_discounts");
    assert!(refused
        .message(partnerbook_core::Lang::Ru)
        .contains("не даёт скидок"));
    let unknown = discount_schedule(book.db(), Some("nope")).expect_err("unknown");
    assert_eq!(unknown.code(), "unknown_program");
}

#[test]
fn an_empty_book_has_an_empty_schedule() {
    let book = book();
    assert_eq!(
        discount_schedule(book.db(), None).expect("schedule"),
        vec![]
    );
}

#[test]
fn the_inviters_history_and_invited_clients() {
    let book = scene();
    let history = discount_history(book.db(), "P-INV").expect("history");
    assert_eq!(
        as_json(&history),
        json!([
            inviter("P-INV", 1, "20", ("2026-03-10", "2026-03-31"), "T-1"),
            inviter("P-INV", 2, "40", ("2026-04-01", "2026-09-30"), "T-2"),
        ])
    );
    let invited = invited_clients(book.db(), "P-INV").expect("invited");
    assert_eq!(
        serde_json::to_value(&invited).expect("serialises"),
        json!([
            {"client": "T-1", "name": "Клиент T-1", "activated": "2026-03-10"},
            {"client": "T-2", "name": "Клиент T-2", "activated": "2026-04-01"},
        ])
    );
    assert_eq!(discount_history(book.db(), "P-B").expect("history"), vec![]);
    assert_eq!(invited_clients(book.db(), "P-B").expect("invited"), vec![]);
    for missing in [
        discount_history(book.db(), "P-X").err(),
        invited_clients(book.db(), "P-X").err(),
    ] {
        assert_eq!(missing.map(|e| e.code()), Some("not_found"));
    }
}

#[test]
fn a_clients_own_periods_for_its_card() {
    let book = scene();
    assert_eq!(
        as_json(&client_discounts(book.db(), "tele2-ats", "T-1").expect("periods")),
        json!([invitee("T-1", ("2026-03-30", "2026-06-29"), "P-INV")])
    );
    for none in ["T-3", "T-4", "nobody"] {
        assert_eq!(
            client_discounts(book.db(), "tele2-ats", none).expect("periods"),
            vec![],
            "{none}"
        );
    }
}

#[test]
fn a_third_and_a_fifth_invitation_bring_the_sms_packages_once() {
    let mut book = book();
    add_partner(&mut book, ooo("P-INV", "tele2-ats", INN_TBANK, INVITER));
    let days = [
        day(2026, 1, 5),
        day(2026, 1, 6),
        day(2026, 1, 7),
        day(2026, 9, 1),
        day(2026, 9, 2),
        day(2026, 9, 3),
    ];
    for (i, d) in days.into_iter().enumerate() {
        let got = client_tries(
            &book,
            &format!("T-{}", i + 1),
            (d, None),
            INVITER,
            Invite,
            d,
        );
        assert_eq!(got, "bound");
    }
    let packages: Vec<(u32, String)> = discount_history(book.db(), "P-INV")
        .expect("history")
        .into_iter()
        .filter_map(|p| p.sms_package.map(|sms| (sms, p.start.to_string())))
        .collect();
    assert_eq!(
        packages,
        [
            (1200, "2026-01-07".to_owned()),
            (3200, "2026-09-02".to_owned())
        ]
    );
}
