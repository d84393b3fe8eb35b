//! Binding rules of atlantys, quantower and ciawifi (PROGRAMS.md §2, §3, §5).

mod common;

use common::*;
use partnerbook_core::programs::Channel::*;
use partnerbook_core::store::Book;

fn atlantys() -> Book {
    let mut book = book();
    add_partner(&mut book, kz_partner("P-ASEL", BIN_HALYK, "ASEL25"));
    add_partner(&mut book, kz_partner("P-BOLAT", BIN_KASPI, "BOLAT25"));
    book
}

#[test]
fn atlantys_binds_a_new_client_by_promo_code_or_link_any_day() {
    let book = atlantys();
    let p = program(&book, "atlantys");
    let promo = add_client(&book, "atlantys", "K-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            promo,
            "ASEL25",
            Promo,
            day(2025, 3, 20)
        )),
        "bound"
    );
    let link = add_client(&book, "atlantys", "K-2", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, link, "ASEL25", Link, day(2025, 3, 1))),
        "bound"
    );
    assert_eq!(
        current_partner(&book, "atlantys", "K-1").as_deref(),
        Some("P-ASEL")
    );
}

#[test]
fn atlantys_never_takes_over_a_client_bound_before() {
    let book = atlantys();
    let p = program(&book, "atlantys");
    let id = add_client(&book, "atlantys", "K-1", None, day(2025, 3, 1));
    attempt(&book, &p, id, "ASEL25", Promo, day(2025, 3, 2));
    let refused = attempt(&book, &p, id, "BOLAT25", Promo, day(2025, 4, 2));
    assert!(
        ["not_new_client", "bound_to_other"].contains(&outcome_code(&refused).as_str()),
        "{refused:?}"
    );
    assert_eq!(
        history(&book, "atlantys", "K-1"),
        vec![("P-ASEL".into(), "2025-03-02".into(), None)]
    );
    // The partner's own code again: the client stays, nothing new.
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "ASEL25", Promo, day(2025, 5, 2))),
        "kept"
    );
}

#[test]
fn atlantys_refuses_a_client_bound_before_naming_its_partner() {
    let book = atlantys();
    let p = program(&book, "atlantys");
    let id = add_client(&book, "atlantys", "K-1", None, day(2025, 3, 1));
    attempt(&book, &p, id, "ASEL25", Promo, day(2025, 3, 2));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "BOLAT25", Promo, day(2025, 4, 2))),
        "bound_to_other"
    );
    let refused = card(&book, "atlantys", "K-1")
        .events
        .pop()
        .expect("refusal");
    assert!(
        refused
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("P-ASEL") && r.contains("02.03.2025")),
        "{refused:?}"
    );
}

#[test]
fn atlantys_refuses_its_partners_own_bin() {
    let book = atlantys();
    let p = program(&book, "atlantys");
    let id = add_client(&book, "atlantys", "K-own", Some(BIN_HALYK), day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "ASEL25", Promo, day(2025, 3, 1))),
        "self_referral"
    );
}

#[test]
fn quantower_binds_only_through_the_link_on_the_registration_day() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT01"));
    let p = program(&book, "quantower");
    let on_day = add_client(&book, "quantower", "Q-1", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            on_day,
            "QUANT01",
            Link,
            day(2025, 3, 1)
        )),
        "bound"
    );
    assert_eq!(
        card(&book, "quantower", "Q-1").client.since.as_deref(),
        Some("2025-03-01")
    );
    let late = add_client(&book, "quantower", "Q-2", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, late, "QUANT01", Link, day(2025, 3, 2))),
        "not_at_registration"
    );
    let promo = add_client(&book, "quantower", "Q-3", None, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            promo,
            "QUANT01",
            Promo,
            day(2025, 3, 1)
        )),
        "channel_not_accepted"
    );
}

#[test]
fn quantower_never_binds_later_a_client_that_registered_without_the_link() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT01"));
    add_partner(&mut book, foreign("P-R", "quantower", "QUANT02"));
    let p = program(&book, "quantower");
    let id = add_client(&book, "quantower", "Q-1", None, day(2025, 3, 1));
    for (code, date) in [
        ("QUANT01", day(2025, 3, 2)),
        ("QUANT02", day(2025, 9, 1)),
        ("QUANT01", day(2026, 3, 1)),
    ] {
        assert_eq!(
            outcome_code(&attempt(&book, &p, id, code, Link, date)),
            "not_at_registration",
            "{date}"
        );
    }
    let card = card(&book, "quantower", "Q-1");
    assert_eq!(card.client.partner, None);
    assert!(card.bindings.is_empty());
    assert_eq!(card.events.len(), 3, "every refusal is kept");
}

#[test]
fn quantower_a_second_link_on_the_registration_day_does_not_move_the_client() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT01"));
    add_partner(&mut book, foreign("P-R", "quantower", "QUANT02"));
    let p = program(&book, "quantower");
    let id = add_client(&book, "quantower", "Q-1", None, day(2025, 3, 1));
    attempt(&book, &p, id, "QUANT01", Link, day(2025, 3, 1));
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, "QUANT02", Link, day(2025, 3, 1))),
        "bound_to_other"
    );
    assert_eq!(
        current_partner(&book, "quantower", "Q-1").as_deref(),
        Some("P-Q")
    );
}

#[test]
fn ciawifi_binds_by_link_or_promo_code_at_registration_only() {
    let mut book = book();
    add_partner(&mut book, ciawifi_partner("P-W", "12345"));
    add_partner(&mut book, ciawifi_partner("P-X", "54321"));
    let p = program(&book, "ciawifi");
    for (n, channel) in [Link, Promo].into_iter().enumerate() {
        let on_day = add_client(&book, "ciawifi", &format!("W-{n}"), None, day(2025, 5, 10));
        assert_eq!(
            outcome_code(&attempt(
                &book,
                &p,
                on_day,
                "12345",
                channel,
                day(2025, 5, 10)
            )),
            "bound"
        );
        assert_eq!(
            current_partner(&book, "ciawifi", &format!("W-{n}")).as_deref(),
            Some("P-W")
        );
        // Another partner's code on the same day cannot take it.
        assert_eq!(
            outcome_code(&attempt(
                &book,
                &p,
                on_day,
                "54321",
                channel,
                day(2025, 5, 10)
            )),
            "bound_to_other"
        );
        let late = add_client(&book, "ciawifi", &format!("L-{n}"), None, day(2025, 5, 10));
        assert_eq!(
            outcome_code(&attempt(
                &book,
                &p,
                late,
                "12345",
                channel,
                day(2025, 5, 11)
            )),
            "not_at_registration"
        );
        assert_eq!(current_partner(&book, "ciawifi", &format!("L-{n}")), None);
    }
    let invoice = add_client(&book, "ciawifi", "W-inv", None, day(2025, 5, 10));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            invoice,
            "12345",
            Invoice,
            day(2025, 5, 10)
        )),
        "channel_not_accepted"
    );
}
