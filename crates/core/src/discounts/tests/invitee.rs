//! The invitee's 20 % for three months, and when it starts.

use rust_decimal::Decimal;

use super::{d, inv, lines, tele2};
use crate::discounts::{schedule, DiscountRole};

#[test]
fn starts_the_day_after_the_promo_period_ends() {
    assert_eq!(
        lines(&[inv("P-1", "C-1", "2026-03-10", Some("2026-03-29"))])[0],
        "invitee C-1 20% 2026-03-30..2026-06-29"
    );
}

#[test]
fn starts_on_the_code_day_when_the_promo_end_is_unknown() {
    assert_eq!(
        lines(&[inv("P-1", "C-1", "2026-03-10", None)])[0],
        "invitee C-1 20% 2026-03-10..2026-06-09"
    );
}

#[test]
fn starts_on_the_code_day_when_that_is_later_than_the_day_after_the_promo() {
    assert_eq!(
        lines(&[inv("P-1", "C-1", "2026-03-10", Some("2026-03-01"))])[0],
        "invitee C-1 20% 2026-03-10..2026-06-09"
    );
    // Promo ended the day before: the day after it is the code day itself.
    assert_eq!(
        lines(&[inv("P-1", "C-1", "2026-03-10", Some("2026-03-09"))])[0],
        "invitee C-1 20% 2026-03-10..2026-06-09"
    );
}

#[test]
fn from_31_01_three_months_end_the_day_before_30_04() {
    assert_eq!(
        lines(&[inv("P-1", "C-1", "2025-01-31", None)])[0],
        "invitee C-1 20% 2025-01-31..2025-04-29"
    );
}

#[test]
fn the_period_carries_the_documented_fields_and_the_extras() {
    let out = schedule(&tele2(), &[inv("P-1", "C-1", "2026-03-10", None)]);
    let p = &out[0];
    assert_eq!(p.client, "C-1");
    assert_eq!(p.role, DiscountRole::Invitee);
    assert_eq!(p.percent, Some(Decimal::from(20)));
    assert_eq!(p.start, d("2026-03-10"));
    assert_eq!(p.excludes, ["sms"]);
    assert_eq!(p.sms_package, None);
    assert_eq!(p.program, "tele2-ats");
    assert_eq!(p.inviter, "P-1");
    assert_eq!(p.invitee, "C-1");
    assert_eq!(p.invited, None);
    let json = serde_json::to_value(p).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"client": "C-1", "role": "invitee", "percent": "20",
            "start": "2026-03-10", "end": "2026-06-09", "excludes": ["sms"], "sms_package": null,
            "program": "tele2-ats", "inviter": "P-1", "invitee": "C-1", "invited": null})
    );
}

#[test]
fn an_invitation_before_the_program_was_in_force_grants_nothing() {
    assert_eq!(
        lines(&[inv("P-1", "C-1", "1999-12-31", None)]),
        Vec::<String>::new()
    );
}
