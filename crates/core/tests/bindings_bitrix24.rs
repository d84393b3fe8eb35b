//! bitrix24's binding rules (PROGRAMS.md §1) through the store: the six channels until
//! 2025-12-31, only `migrator` from 2026-01-01, bindings made before stay in force.

mod common;

use common::*;
use partnerbook_core::clients::{BindOutcome, Outcome};
use partnerbook_core::programs::Channel::{self, *};
use partnerbook_core::store::Book;

/// A book with two active bitrix24 partners, A (`ALFA0001`) and B (`BETA0002`).
fn two_partners() -> Book {
    let mut book = book();
    add_partner(&mut book, ooo("P-A", "bitrix24", INN_SBER, "ALFA0001"));
    add_partner(&mut book, ooo("P-B", "bitrix24", INN_YANDEX, "BETA0002"));
    book
}

fn try_bind(
    book: &Book,
    client: i64,
    code: &str,
    channel: Channel,
    date: chrono::NaiveDate,
) -> String {
    let p = program(book, "bitrix24");
    outcome_code(&attempt(book, &p, client, code, channel, date))
}

#[test]
fn link_and_nfr_bind_a_new_client_on_its_registration_day() {
    let book = two_partners();
    for (client, channel) in [("C-link", Link), ("C-nfr", Nfr)] {
        let id = add_client(&book, "bitrix24", client, None, day(2025, 3, 1));
        assert_eq!(
            try_bind(&book, id, "ALFA0001", channel, day(2025, 3, 1)),
            "bound"
        );
        let card = card(&book, "bitrix24", client);
        assert_eq!(card.client.partner.as_deref(), Some("P-A"));
        assert_eq!(card.client.channel, Some(channel));
        assert_eq!(card.client.since.as_deref(), Some("2025-03-01"));
        assert_eq!(
            history(&book, "bitrix24", client),
            vec![("P-A".into(), "2025-03-01".into(), None)]
        );
    }
}

#[test]
fn link_and_nfr_are_refused_on_any_other_day_than_registration() {
    let book = two_partners();
    for (client, channel) in [("C-link", Link), ("C-nfr", Nfr)] {
        let id = add_client(&book, "bitrix24", client, None, day(2025, 3, 1));
        assert_eq!(
            try_bind(&book, id, "ALFA0001", channel, day(2025, 3, 2)),
            "not_at_registration"
        );
        assert_eq!(current_partner(&book, "bitrix24", client), None);
        let event = &card(&book, "bitrix24", client).events[0];
        assert_eq!(event.outcome, Outcome::Refused);
        assert_eq!(
            event.reason.as_deref(),
            Some("привязка возможна только при регистрации клиента (01.03.2025); позже клиента не привязать")
        );
    }
}

#[test]
fn link_and_nfr_do_not_take_a_client_bound_to_another_partner() {
    let book = two_partners();
    for (client, channel) in [("C-link", Link), ("C-nfr", Nfr)] {
        let id = add_client(&book, "bitrix24", client, None, day(2025, 3, 1));
        assert_eq!(
            try_bind(&book, id, "ALFA0001", Promo, day(2025, 3, 1)),
            "bound"
        );
        assert_eq!(
            try_bind(&book, id, "BETA0002", channel, day(2025, 3, 1)),
            "bound_to_other"
        );
        assert_eq!(
            current_partner(&book, "bitrix24", client).as_deref(),
            Some("P-A")
        );
        let refused = card(&book, "bitrix24", client)
            .events
            .pop()
            .expect("the refusal");
        assert_eq!(
            refused.reason.as_deref(),
            Some("клиент уже привязан к партнёру P-A с 01.03.2025; этот канал не перепривязывает")
        );
    }
}

#[test]
fn promo_purchase_link_and_invoice_always_move_the_binding_and_keep_the_old_one() {
    for channel in [Promo, PurchaseLink, Invoice] {
        let book = two_partners();
        let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
        assert_eq!(
            try_bind(&book, id, "ALFA0001", Link, day(2025, 3, 1)),
            "bound"
        );
        assert_eq!(
            try_bind(&book, id, "BETA0002", channel, day(2025, 5, 1)),
            "bound",
            "{channel:?}"
        );
        assert_eq!(
            history(&book, "bitrix24", "C-1"),
            vec![
                ("P-A".into(), "2025-03-01".into(), Some("2025-05-01".into())),
                ("P-B".into(), "2025-05-01".into(), None),
            ],
            "{channel:?}"
        );
        let card = card(&book, "bitrix24", "C-1");
        assert_eq!(card.client.partner.as_deref(), Some("P-B"));
        assert_eq!(card.client.channel, Some(channel));
        assert_eq!(card.bindings[1].channel, channel);
    }
}

#[test]
fn a_second_promo_code_moves_the_binding_but_is_flagged_promo_discount_used() {
    let book = two_partners();
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Promo, day(2025, 3, 10)),
        "bound"
    );
    assert_eq!(
        try_bind(&book, id, "BETA0002", Promo, day(2025, 4, 10)),
        "bound:promo_discount_used"
    );
    assert_eq!(
        current_partner(&book, "bitrix24", "C-1").as_deref(),
        Some("P-B")
    );
    let events = card(&book, "bitrix24", "C-1").events;
    assert_eq!(events.len(), 2);
    assert_eq!(
        (events[0].outcome, events[0].reason_code.as_deref()),
        (Outcome::Bound, None)
    );
    assert_eq!(events[1].outcome, Outcome::Bound);
    assert_eq!(
        events[1].reason_code.as_deref(),
        Some("promo_discount_used")
    );
    assert_eq!(
        events[1].reason.as_deref(),
        Some("привязка перенесена, но скидку по промокоду клиент уже получал — повторно не даётся")
    );
    // A third code, back from A: moves again, still flagged.
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Promo, day(2025, 5, 10)),
        "bound:promo_discount_used"
    );
    assert_eq!(
        current_partner(&book, "bitrix24", "C-1").as_deref(),
        Some("P-A")
    );
}

#[test]
fn a_promo_code_that_kept_the_binding_still_used_up_the_discount() {
    let book = two_partners();
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Link, day(2025, 3, 1)),
        "bound"
    );
    // The client applies A's promo code: it already belongs to A, but it got the discount.
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Promo, day(2025, 3, 10)),
        "kept"
    );
    // "One promo bonus per client ever: a second code from any partner is rejected for the
    // client discount, yet the binding still moves."
    assert_eq!(
        try_bind(&book, id, "BETA0002", Promo, day(2025, 4, 10)),
        "bound:promo_discount_used"
    );
}

#[test]
fn a_move_is_refused_when_dated_before_the_current_binding() {
    let book = two_partners();
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 3, 1));
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Invoice, day(2025, 6, 1)),
        "bound"
    );
    assert_eq!(
        try_bind(&book, id, "BETA0002", Promo, day(2025, 5, 1)),
        "older_than_current"
    );
    assert_eq!(
        current_partner(&book, "bitrix24", "C-1").as_deref(),
        Some("P-A")
    );
}

#[test]
fn migrator_binds_an_unbound_client_any_day_but_never_takes_one_from_another_partner() {
    let book = two_partners();
    let free = add_client(&book, "bitrix24", "C-free", None, day(2025, 3, 1));
    assert_eq!(
        try_bind(&book, free, "ALFA0001", Migrator, day(2025, 7, 15)),
        "bound"
    );
    assert_eq!(
        card(&book, "bitrix24", "C-free").client.since.as_deref(),
        Some("2025-07-15")
    );
    assert_eq!(
        try_bind(&book, free, "BETA0002", Migrator, day(2025, 8, 1)),
        "bound_to_other"
    );
    assert_eq!(
        current_partner(&book, "bitrix24", "C-free").as_deref(),
        Some("P-A")
    );
    // The same partner's migrator again: nothing changes.
    assert_eq!(
        try_bind(&book, free, "ALFA0001", Migrator, day(2025, 8, 2)),
        "kept"
    );
    assert_eq!(history(&book, "bitrix24", "C-free").len(), 1);
}

#[test]
fn promo_on_2025_12_31_is_accepted_and_on_2026_01_01_refused_with_the_channel_and_date() {
    let book = two_partners();
    let before = add_client(&book, "bitrix24", "C-2025", None, day(2025, 12, 1));
    assert_eq!(
        try_bind(&book, before, "ALFA0001", Promo, day(2025, 12, 31)),
        "bound"
    );
    let after = add_client(&book, "bitrix24", "C-2026", None, day(2025, 12, 1));
    let p = program(&book, "bitrix24");
    match attempt(&book, &p, after, "ALFA0001", Promo, day(2026, 1, 1)) {
        BindOutcome::Refused(r) => {
            assert_eq!(r.code(), "channel_not_accepted");
            let text = partnerbook_core::clients::Refusal::text(r.code(), &r.detail());
            assert_eq!(
                text.ru,
                "канал «промокод» не принимается программой с 01.01.2026"
            );
            assert!(
                text.en.contains("promo code") && text.en.contains("2026-01-01"),
                "{}",
                text.en
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(current_partner(&book, "bitrix24", "C-2026"), None);
    let event = card_en(&book, "bitrix24", "C-2026")
        .events
        .pop()
        .expect("stored");
    assert_eq!(event.reason_code.as_deref(), Some("channel_not_accepted"));
    assert!(event
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("promo code")));
}

#[test]
fn from_2026_every_channel_but_migrator_is_refused() {
    let book = two_partners();
    for (n, channel) in [Link, Nfr, Promo, PurchaseLink, Invoice]
        .into_iter()
        .enumerate()
    {
        let client = format!("C-{n}");
        // Registered on the day of the attempt, so link and nfr fail only for the date.
        let id = add_client(&book, "bitrix24", &client, None, day(2026, 1, 1));
        assert_eq!(
            try_bind(&book, id, "ALFA0001", channel, day(2026, 1, 1)),
            "channel_not_accepted",
            "{channel:?}"
        );
        assert_eq!(current_partner(&book, "bitrix24", &client), None);
    }
    let id = add_client(&book, "bitrix24", "C-migrator", None, day(2025, 11, 1));
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Migrator, day(2026, 1, 1)),
        "bound"
    );
    assert_eq!(
        try_bind(&book, id, "BETA0002", Migrator, day(2026, 2, 1)),
        "bound_to_other"
    );
}

#[test]
fn bindings_made_before_2026_stay_in_force_and_cannot_be_moved_by_closed_channels() {
    let book = two_partners();
    let id = add_client(&book, "bitrix24", "C-1", None, day(2025, 6, 1));
    assert_eq!(
        try_bind(&book, id, "ALFA0001", Link, day(2025, 6, 1)),
        "bound"
    );
    assert_eq!(
        try_bind(&book, id, "BETA0002", Promo, day(2026, 3, 1)),
        "channel_not_accepted"
    );
    assert_eq!(
        try_bind(&book, id, "BETA0002", Invoice, day(2026, 3, 2)),
        "channel_not_accepted"
    );
    assert_eq!(
        history(&book, "bitrix24", "C-1"),
        vec![("P-A".into(), "2025-06-01".into(), None)]
    );
}
