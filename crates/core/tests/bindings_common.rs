//! Rules every program shares: unknown codes, partner status, self-referral, dates before
//! registration, idempotent attempts, and refusals stored and shown on both cards.

mod common;

use common::*;
use partnerbook_core::clients::{BindOutcome, Outcome};
use partnerbook_core::partners::{
    partner_card, partner_page, update_partner, PartnerInput, PartnerQuery,
};
use partnerbook_core::programs::Channel::*;
use partnerbook_core::Lang;

#[test]
fn an_unknown_code_is_refused_and_the_attempt_is_stored_without_a_partner() {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    let p = program(&book, "bitrix24");
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    let out = attempt(&book, &p, id, "NOPE0000", Link, day(2025, 3, 1));
    assert_eq!(outcome_code(&out), "unknown_code");
    let events = card(&book, "bitrix24", "C-1").events;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].partner, None);
    assert_eq!(events[0].code.as_deref(), Some("NOPE0000"));
    assert_eq!(events[0].outcome, Outcome::Refused);
    assert_eq!(
        events[0].reason.as_deref(),
        Some("код «NOPE0000» не выдан ни одному партнёру программы")
    );
}

#[test]
fn a_code_of_another_program_is_unknown_here() {
    let mut book = book();
    add_partner(&mut book, ciawifi_partner("P-W", "12345"));
    let p = program(&book, "quantower");
    let id = add_client(&book, "quantower", "Q-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "12345", Link, day(2025, 3, 1))),
        "unknown_code"
    );
}

#[test]
fn codes_are_matched_ignoring_case() {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    let p = program(&book, "bitrix24");
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "alfa0001", Link, day(2025, 3, 1))),
        "bound"
    );
    assert_eq!(
        current_partner(&book, "bitrix24", "C-1").as_deref(),
        Some("P-A")
    );
}

#[test]
fn terminated_and_disqualified_partners_bind_nobody_but_a_suspended_one_still_binds() {
    let mut book = book();
    add_partner_with_status(
        &mut book,
        foreign("P-T", "quantower", "TERM01"),
        "terminated",
    );
    add_partner_with_status(
        &mut book,
        foreign("P-D", "quantower", "DISQ01"),
        "disqualified",
    );
    add_partner_with_status(
        &mut book,
        foreign("P-S", "quantower", "SUSP01"),
        "suspended",
    );
    let p = program(&book, "quantower");
    for (client, code) in [("Q-T", "TERM01"), ("Q-D", "DISQ01")] {
        let id = add_client(&book, "quantower", client, None, day(2025, 3, 1));
        assert_eq!(
            outcome_code(&attempt(&book, &p, id, code, Link, day(2025, 3, 1))),
            "partner_inactive"
        );
        assert_eq!(current_partner(&book, "quantower", client), None);
    }
    let reason = card(&book, "quantower", "Q-T").events[0].reason.clone();
    assert_eq!(
        reason.as_deref(),
        Some("партнёр P-T не действует (расторгнут или дисквалифицирован)")
    );
    let id = add_client(&book, "quantower", "Q-S", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "SUSP01", Link, day(2025, 3, 1))),
        "bound"
    );
    assert_eq!(
        current_partner(&book, "quantower", "Q-S").as_deref(),
        Some("P-S")
    );
}

#[test]
fn a_partner_terminated_later_binds_no_more_clients() {
    let mut book = book();
    let partner = add_partner(&mut book, foreign("P-Q", "quantower", "QUANT01"));
    let p = program(&book, "quantower");
    let first = add_client(&book, "quantower", "Q-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, first, "QUANT01", Link, day(2025, 3, 1))),
        "bound"
    );
    let actor = actor();
    let input = foreign("P-Q", "quantower", "QUANT01");
    book.write(|tx| {
        update_partner(
            tx,
            &actor,
            &partner.partner_id,
            partnerbook_core::partners::PartnerInput {
                status: s("terminated"),
                ..input
            },
        )
    })
    .expect("updated");
    let second = add_client(&book, "quantower", "Q-2", None, day(2025, 4, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            second,
            "QUANT01",
            Link,
            day(2025, 4, 1)
        )),
        "partner_inactive"
    );
    // The binding made before stays.
    assert_eq!(
        current_partner(&book, "quantower", "Q-1").as_deref(),
        Some("P-Q")
    );
}

#[test]
fn a_partner_cannot_bind_a_client_with_its_own_inn() {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    let p = program(&book, "bitrix24");
    let own = add_client(&book, "bitrix24", "C-own", Some(INN_SBER), day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, own, "ALFA0001", Link, day(2025, 3, 1))),
        "self_referral"
    );
    assert_eq!(current_partner(&book, "bitrix24", "C-own"), None);
    assert_eq!(
        card(&book, "bitrix24", "C-own").events[0].reason.as_deref(),
        Some("партнёр не может привязать сам себя (тот же ИНН или тот же ID клиента)")
    );
    let other = add_client(
        &book,
        "bitrix24",
        "C-other",
        Some(INN_OZON),
        day(2025, 3, 1),
    );
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            other,
            "ALFA0001",
            Link,
            day(2025, 3, 1)
        )),
        "bound"
    );
}

#[test]
fn a_partners_own_id_is_never_taken_for_a_client_id() {
    // The department's id `Q1` and the billing's client `q1` are two different people.
    let mut book = book();
    add_partner(&mut book, ooo("Q1", "quantower", INN_SBER, "QUANT01"));
    let p = program(&book, "quantower");
    let client = add_client(&book, "quantower", "q1", Some(INN_OZON), day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            client,
            "QUANT01",
            Link,
            day(2025, 3, 1)
        )),
        "bound"
    );
    assert_eq!(
        current_partner(&book, "quantower", "q1").as_deref(),
        Some("Q1")
    );
}

#[test]
fn a_partner_cannot_bind_its_own_billing_account_compared_exactly() {
    let mut book = book();
    add_partner(
        &mut book,
        PartnerInput {
            client_id: s("acc-77"),
            ..ooo("P-A", "bitrix24", INN_SBER, "ALFA0001")
        },
    );
    let p = program(&book, "bitrix24");
    let own = add_client(&book, "bitrix24", "acc-77", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, own, "ALFA0001", Link, day(2025, 3, 1))),
        "self_referral"
    );
    // Another account that differs only in case is another client.
    let other = add_client(&book, "bitrix24", "ACC-77", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            other,
            "ALFA0001",
            Link,
            day(2025, 3, 1)
        )),
        "bound"
    );
}

#[test]
fn an_event_before_the_clients_registration_is_refused() {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    let p = program(&book, "bitrix24");
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            id,
            "ALFA0001",
            Invoice,
            day(2025, 2, 28)
        )),
        "before_registration"
    );
    let events = card(&book, "bitrix24", "C-1").events;
    assert_eq!(
        events[0].reason.as_deref(),
        Some("дата привязки раньше регистрации клиента (01.03.2025)")
    );
    let events = card_en(&book, "bitrix24", "C-1").events;
    assert_eq!(
        events[0].reason.as_deref(),
        Some("the binding date is before the client registered (2025-03-01)")
    );
}

#[test]
fn the_same_attempt_twice_is_recorded_once() {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    let p = program(&book, "bitrix24");
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "ALFA0001", Promo, day(2025, 3, 5))),
        "bound"
    );
    assert_eq!(
        attempt(&book, &p, id, "ALFA0001", Promo, day(2025, 3, 5)),
        BindOutcome::AlreadyRecorded
    );
    // A refused attempt, twice.
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "NOPE", Promo, day(2025, 3, 6))),
        "unknown_code"
    );
    assert_eq!(
        attempt(&book, &p, id, "NOPE", Promo, day(2025, 3, 6)),
        BindOutcome::AlreadyRecorded
    );
    let card = card(&book, "bitrix24", "C-1");
    assert_eq!(card.events.len(), 2);
    assert_eq!(card.bindings.len(), 1);
    let page = partner_page(book.db(), &PartnerQuery::default()).expect("page");
    assert_eq!(page.rows[0].clients, 1, "counted once");
}

#[test]
fn a_refused_attempt_shows_on_the_client_card_and_on_the_partner_card() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT01"));
    let p = program(&book, "quantower");
    let id = add_client(&book, "quantower", "Q-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "QUANT01", Link, day(2025, 3, 9))),
        "not_at_registration"
    );
    let client = card(&book, "quantower", "Q-1");
    assert_eq!(client.events.len(), 1);
    let event = &client.events[0];
    assert_eq!(event.outcome, Outcome::Refused);
    assert_eq!(event.partner.as_deref(), Some("P-Q"));
    assert_eq!(event.date, "2025-03-09");
    assert_eq!(event.channel, Link);
    assert_eq!(event.reason_code.as_deref(), Some("not_at_registration"));

    let partner = partner_card(book.db(), "P-Q", Lang::En).expect("card");
    assert_eq!(partner.refused.len(), 1);
    assert_eq!(partner.refused[0].client, "Q-1");
    assert_eq!(
        partner.refused[0].reason_code.as_deref(),
        Some("not_at_registration")
    );
    assert_eq!(
        partner.refused[0].reason.as_deref(),
        Some("a client can be bound only when it registers (2025-03-01); never later")
    );
    assert!(partner.clients_now.is_empty());
}

#[test]
fn the_partner_card_lists_clients_now_and_before_and_the_table_counts_them() {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    add_partner(&mut book, ooo("P-B", "bitrix24", INN_YANDEX, "BETA0002"));
    let p = program(&book, "bitrix24");
    let one = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    let two = add_client(&book, "bitrix24", "C-2", None, day(2025, 3, 1));
    attempt(&book, &p, one, "ALFA0001", Link, day(2025, 3, 1));
    attempt(&book, &p, two, "ALFA0001", Link, day(2025, 3, 1));
    attempt(&book, &p, two, "BETA0002", PurchaseLink, day(2025, 6, 1));
    let a = partner_card(book.db(), "P-A", Lang::Ru).expect("card");
    assert_eq!(
        a.clients_now
            .iter()
            .map(|b| b.client.as_str())
            .collect::<Vec<_>>(),
        ["C-1"]
    );
    assert_eq!(a.clients_before.len(), 1);
    assert_eq!(a.clients_before[0].client, "C-2");
    assert_eq!(a.clients_before[0].until.as_deref(), Some("2025-06-01"));
    let b = partner_card(book.db(), "P-B", Lang::Ru).expect("card");
    assert_eq!(b.clients_now.len(), 1);
    let counts: Vec<(String, u32)> = partner_page(book.db(), &PartnerQuery::default())
        .expect("page")
        .rows
        .into_iter()
        .map(|r| (r.partner, r.clients))
        .collect();
    assert!(
        counts.contains(&("P-A".into(), 1)) && counts.contains(&("P-B".into(), 1)),
        "{counts:?}"
    );
}

#[test]
fn a_retired_code_binds_nobody() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "OLDCODE"));
    let actor = actor();
    book.write(|tx| update_partner(tx, &actor, "P-Q", foreign("P-Q", "quantower", "NEWCODE")))
        .expect("code changed");
    let p = program(&book, "quantower");
    let old = add_client(&book, "quantower", "Q-old", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, old, "OLDCODE", Link, day(2025, 3, 1))),
        "unknown_code"
    );
    let new = add_client(&book, "quantower", "Q-new", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, new, "NEWCODE", Link, day(2025, 3, 1))),
        "bound"
    );
}

#[test]
fn an_event_from_before_the_termination_still_binds_when_recorded_later() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT01"));
    // Terminated on 2025-06-01 ...
    let actor = partnerbook_core::audit::Actor::new("tester", at(2025, 6, 1));
    let input = partnerbook_core::partners::PartnerInput {
        status: s("terminated"),
        ..foreign("P-Q", "quantower", "QUANT01")
    };
    book.write(|tx| update_partner(tx, &actor, "P-Q", input))
        .expect("terminated");
    // ... then the March registrations arrive in the monthly file.
    let p = program(&book, "quantower");
    let id = add_client(&book, "quantower", "Q-march", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "QUANT01", Link, day(2025, 3, 1))),
        "bound"
    );
}
