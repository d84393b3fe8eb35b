//! tele2-ats: an invitee may register a code within one month of its own registration
//! (PROGRAMS.md §4): registered 20.04 → accepted up to and including 20.05.

mod common;

use chrono::{Months, NaiveDate};
use common::*;
use partnerbook_core::clients::BindOutcome;
use partnerbook_core::programs::Channel::*;
use partnerbook_core::store::Book;

const INVITER: &str = "5e83e12b1";

fn tele2() -> Book {
    let mut book = book();
    add_partner(&mut book, ooo("P-INV", "tele2-ats", INN_TBANK, INVITER));
    add_partner(
        &mut book,
        ooo("P-OTHER", "tele2-ats", INN_OZON, "a1b2c3d4e"),
    );
    book
}

/// A fresh client registered on `registered`, inviting on `date`: the outcome's code.
fn invite(book: &Book, client: &str, registered: NaiveDate, date: NaiveDate) -> String {
    let p = program(book, "tele2-ats");
    let id = add_client(book, "tele2-ats", client, None, registered);
    outcome_code(&attempt(book, &p, id, INVITER, Invite, date))
}

#[test]
fn registered_20_04_the_code_is_accepted_on_20_05() {
    let book = tele2();
    assert_eq!(
        invite(&book, "T-1", day(2025, 4, 20), day(2025, 4, 20)),
        "bound"
    );
    assert_eq!(
        invite(&book, "T-2", day(2025, 4, 20), day(2025, 5, 20)),
        "bound"
    );
    assert_eq!(
        current_partner(&book, "tele2-ats", "T-2").as_deref(),
        Some("P-INV")
    );
    assert_eq!(
        card(&book, "tele2-ats", "T-2").client.since.as_deref(),
        Some("2025-05-20")
    );
}

#[test]
fn registered_20_04_the_code_is_refused_on_21_05_with_the_last_day_in_the_message() {
    let book = tele2();
    let p = program(&book, "tele2-ats");
    let id = add_client(&book, "tele2-ats", "T-1", None, day(2025, 4, 20));
    match attempt(&book, &p, id, INVITER, Invite, day(2025, 5, 21)) {
        BindOutcome::Refused(r) => assert_eq!(r.code(), "invite_window_passed"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(current_partner(&book, "tele2-ats", "T-1"), None);
    let event = card(&book, "tele2-ats", "T-1")
        .events
        .pop()
        .expect("stored");
    assert_eq!(event.reason_code.as_deref(), Some("invite_window_passed"));
    assert_eq!(
        event.reason.as_deref(),
        Some("код можно зарегистрировать в течение месяца после регистрации, до 20.05.2025 включительно")
    );
    let event = card_en(&book, "tele2-ats", "T-1")
        .events
        .pop()
        .expect("stored");
    assert_eq!(
        event.reason.as_deref(),
        Some("a code can be registered within one month of registration, up to and including 2025-05-20")
    );
}

#[test]
fn chrono_clamps_the_month_end_as_the_window_needs() {
    // What the rule is built on: the same day a month later, or the month's last day.
    let plus_month = |d: NaiveDate| d.checked_add_months(Months::new(1)).expect("in range");
    assert_eq!(plus_month(day(2025, 4, 20)), day(2025, 5, 20));
    assert_eq!(plus_month(day(2025, 1, 31)), day(2025, 2, 28));
    assert_eq!(plus_month(day(2024, 1, 31)), day(2024, 2, 29));
    assert_eq!(plus_month(day(2025, 3, 31)), day(2025, 4, 30));
    assert_eq!(plus_month(day(2025, 12, 31)), day(2026, 1, 31));
}

#[test]
fn registered_31_01_the_last_day_is_28_02_or_29_02_in_a_leap_year() {
    let book = tele2();
    assert_eq!(
        invite(&book, "T-25a", day(2025, 1, 31), day(2025, 2, 28)),
        "bound"
    );
    assert_eq!(
        invite(&book, "T-25b", day(2025, 1, 31), day(2025, 3, 1)),
        "invite_window_passed"
    );
    let reason = card(&book, "tele2-ats", "T-25b").events[0].reason.clone();
    assert!(
        reason
            .as_deref()
            .is_some_and(|r| r.contains("до 28.02.2025 включительно")),
        "{reason:?}"
    );

    assert_eq!(
        invite(&book, "T-24a", day(2024, 1, 31), day(2024, 2, 29)),
        "bound"
    );
    assert_eq!(
        invite(&book, "T-24b", day(2024, 1, 31), day(2024, 3, 1)),
        "invite_window_passed"
    );
    let reason = card(&book, "tele2-ats", "T-24b").events[0].reason.clone();
    assert!(
        reason
            .as_deref()
            .is_some_and(|r| r.contains("до 29.02.2024 включительно")),
        "{reason:?}"
    );
}

#[test]
fn registered_31_03_the_last_day_is_30_04_and_31_12_gives_31_01() {
    let book = tele2();
    assert_eq!(
        invite(&book, "T-1", day(2025, 3, 31), day(2025, 4, 30)),
        "bound"
    );
    assert_eq!(
        invite(&book, "T-2", day(2025, 3, 31), day(2025, 5, 1)),
        "invite_window_passed"
    );
    assert_eq!(
        invite(&book, "T-3", day(2025, 12, 31), day(2026, 1, 31)),
        "bound"
    );
    assert_eq!(
        invite(&book, "T-4", day(2025, 12, 31), day(2026, 2, 1)),
        "invite_window_passed"
    );
}

#[test]
fn only_the_invite_channel_binds_and_a_second_inviter_cannot_take_the_invitee() {
    let book = tele2();
    let p = program(&book, "tele2-ats");
    let id = add_client(&book, "tele2-ats", "T-1", None, day(2025, 4, 20));
    for channel in [Link, Promo] {
        assert_eq!(
            outcome_code(&attempt(&book, &p, id, INVITER, channel, day(2025, 4, 21))),
            "channel_not_accepted"
        );
    }
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, INVITER, Invite, day(2025, 4, 22))),
        "bound"
    );
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &p,
            id,
            "a1b2c3d4e",
            Invite,
            day(2025, 4, 23)
        )),
        "bound_to_other"
    );
    assert_eq!(
        current_partner(&book, "tele2-ats", "T-1").as_deref(),
        Some("P-INV")
    );
}

#[test]
fn an_inviter_cannot_invite_itself() {
    let book = tele2();
    let p = program(&book, "tele2-ats");
    let id = add_client(
        &book,
        "tele2-ats",
        "T-self",
        Some(INN_TBANK),
        day(2025, 4, 20),
    );
    assert_eq!(
        outcome_code(&attempt(&book, &p, id, INVITER, Invite, day(2025, 4, 20))),
        "self_referral"
    );
}
