//! atlantys: 25 % of the list price of each purchase made with the partner's code, new
//! clients only, not with another promotion, a 14-day hold, refunds as reversals.

mod common;

use common::*;
use partnerbook_core::partners::PartnerInput;

fn book_with_asel() -> partnerbook_core::store::Book {
    let mut book = book();
    add_partner(&mut book, kz_partner("P-ASEL", BIN_HALYK, "ASEL25"));
    book
}

/// P-ASEL's partnership terminated from `since`.
fn terminate_asel(book: &mut partnerbook_core::store::Book, since: &str) {
    let actor = actor();
    let input = PartnerInput {
        status: s("terminated"),
        status_since: s(since),
        ..kz_partner("P-ASEL", BIN_HALYK, "ASEL25")
    };
    book.write(|tx| partnerbook_core::partners::update_partner(tx, &actor, "P-ASEL", input))
        .expect("terminated");
}

#[test]
fn the_worked_example_100_000_package_paid_75_000_accrues_25_000_available_14_days_later() {
    let mut book = book_with_asel();
    let report = billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n"),
    );
    assert_eq!(report.accrued[0].credited, "25000.00");
    let held = balance(&book, "P-ASEL", day(2026, 3, 15));
    assert_eq!(held.unit, "KZT");
    assert_eq!(
        sums(&held),
        ["25000.00", "0.00", "0.00", "25000.00", "0.00"]
    );
    let available = balance(&book, "P-ASEL", day(2026, 3, 16));
    assert_eq!(
        sums(&available),
        ["25000.00", "0.00", "0.00", "0.00", "25000.00"]
    );
    let before = balance(&book, "P-ASEL", day(2026, 3, 1));
    assert_eq!(before.accrued, "0.00", "nothing before the payment date");
    assert_eq!(
        current_partner(&book, "atlantys", "KZ-1").as_deref(),
        Some("P-ASEL")
    );
    let entry =
        &partnerbook_core::ledger::partner_entries(book.db(), "P-ASEL", partnerbook_core::Lang::Ru)
            .expect("ledger")[0];
    assert_eq!(entry.base.as_deref(), Some("100000.00"));
    assert_eq!(entry.rate.as_deref(), Some("25"));
    assert_eq!(entry.available_on, "2026-03-16");
    assert!(
        entry
            .reason
            .contains("25 % × 100000.00 — от цены без скидки"),
        "{}",
        entry.reason
    );
}

#[test]
fn a_code_with_another_promotion_binds_nothing_and_earns_nothing() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,Весна\n"),
    );
    assert_eq!(
        reason_of(&book, "A-1").as_deref(),
        Some("promotion_not_combinable")
    );
    assert_eq!(current_partner(&book, "atlantys", "KZ-1"), None);
    assert_eq!(balance(&book, "P-ASEL", day(2026, 12, 31)).accrued, "0.00");
}

#[test]
fn a_client_that_paid_before_is_not_new_and_its_code_is_refused() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-0,atlantys,2026-01-10,KZ-1,100000,100000,,,,,,\n\
             A-1,atlantys,2026-04-10,KZ-1,75000,100000,,,,,ASEL25,\n"
        ),
    );
    assert_eq!(reason_of(&book, "A-0").as_deref(), Some("not_bound"));
    assert_eq!(reason_of(&book, "A-1").as_deref(), Some("not_new_client"));
    assert_eq!(balance(&book, "P-ASEL", day(2026, 12, 31)).accrued, "0.00");
}

#[test]
fn a_partners_own_purchase_with_its_own_code_is_self_referral() {
    let mut book = book_with_asel();
    add_client(
        &book,
        "atlantys",
        "KZ-OWN",
        Some(BIN_HALYK),
        day(2026, 3, 1),
    );
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-OWN,75000,100000,,,,,ASEL25,\n"),
    );
    assert_eq!(reason_of(&book, "A-1").as_deref(), Some("self_referral"));
    assert_eq!(balance(&book, "P-ASEL", day(2026, 12, 31)).accrued, "0.00");
}

#[test]
fn a_later_purchase_without_the_code_earns_nothing() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             A-2,atlantys,2026-06-02,KZ-1,100000,100000,,,,,,\n\
             A-3,atlantys,2026-09-02,KZ-1,150000,200000,,,,,ASEL25,\n"
        ),
    );
    assert_eq!(reason_of(&book, "A-2").as_deref(), Some("no_code_used"));
    assert_eq!(reason_of(&book, "A-3"), None);
    assert_eq!(
        balance(&book, "P-ASEL", day(2026, 12, 31)).accrued,
        "75000.00"
    );
}

#[test]
fn a_refund_during_the_hold_cancels_the_accrual_before_it_is_ever_available() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             R-1,atlantys,2026-03-05,KZ-1,-75000,,,,refund,A-1,,\n"
        ),
    );
    let during = balance(&book, "P-ASEL", day(2026, 3, 10));
    assert_eq!(
        sums(&during),
        ["25000.00", "25000.00", "0.00", "0.00", "0.00"]
    );
    let after = balance(&book, "P-ASEL", day(2026, 3, 20));
    assert_eq!(
        sums(&after),
        ["25000.00", "25000.00", "0.00", "0.00", "0.00"]
    );
    let before_refund = balance(&book, "P-ASEL", day(2026, 3, 4));
    assert_eq!(
        before_refund.on_hold, "25000.00",
        "the refund is not known yet on 04.03"
    );
}

#[test]
fn a_partial_refund_after_the_hold_is_deducted_pro_rata() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             R-1,atlantys,2026-04-01,KZ-1,-25000,,,,refund,A-1,,\n"
        ),
    );
    let b = balance(&book, "P-ASEL", day(2026, 4, 1));
    // a third of what was paid came back: a third of 25 000
    assert_eq!(
        sums(&b),
        ["25000.00", "8333.33", "0.00", "0.00", "16666.67"]
    );
    assert_eq!(
        entries(&book, "P-ASEL"),
        vec![
            ("credit".into(), "25000.00".into(), "list_price".into()),
            ("reversal".into(), "8333.33".into(), "refund".into()),
        ]
    );
}

#[test]
fn the_rest_of_a_payment_refunded_later_nets_the_accrual_to_exactly_zero() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             R-1,atlantys,2026-04-01,KZ-1,-25000,,,,refund,A-1,,\n"
        ),
    );
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}R-2,atlantys,2026-05-01,KZ-1,-50000,,,,возврат,A-1,,\n"),
    );
    let b = balance(&book, "P-ASEL", day(2026, 5, 1));
    assert_eq!(sums(&b), ["25000.00", "25000.00", "0.00", "0.00", "0.00"]);
}

/// Two refunds in a later file of one payment from an earlier one: the second is checked
/// against the first (not yet written when it comes) and the book's, and refused.
#[test]
fn refunds_of_an_earlier_files_payment_count_each_other() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n"),
    );
    let report = billing(
        &mut book,
        &format!(
            "{BILLING_HEADER}R-1,atlantys,2026-04-01,KZ-1,-50000,,,,refund,A-1,,\n\
             R-2,atlantys,2026-04-02,KZ-1,-30000,,,,refund,A-1,,\n"
        ),
    );
    assert!(!report.committed);
    assert_eq!(
        placed(&report),
        [(Some(3), Some("amount".into()), "refund_too_large".into())]
    );
    assert_eq!(
        report.problems[0].message,
        "возвратов больше, чем было оплачено: к возврату осталось 25000.00"
    );
}

#[test]
fn a_terminated_partners_unconverted_balance_is_annulled_held_or_not() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             A-2,atlantys,2026-03-20,KZ-2,100000,100000,,,,,ASEL25,\n"
        ),
    );
    terminate_asel(&mut book, "2026-03-25");
    let b = balance(&book, "P-ASEL", day(2026, 3, 25));
    // 25 000 available, 25 000 still on hold: both annulled
    assert_eq!(sums(&b), ["50000.00", "0.00", "50000.00", "0.00", "0.00"]);
    let later = balance(&book, "P-ASEL", day(2026, 6, 1));
    assert_eq!(
        sums(&later),
        ["50000.00", "0.00", "50000.00", "0.00", "0.00"]
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-3,atlantys,2026-03-24,KZ-3,100000,100000,,,,,ASEL25,\n\
             A-4,atlantys,2026-03-26,KZ-4,100000,100000,,,,,ASEL25,\n"
        ),
    );
    assert_eq!(
        reason_of(&book, "A-3"),
        None,
        "paid before the termination: accrued, then annulled"
    );
    assert_eq!(reason_of(&book, "A-4").as_deref(), Some("partner_inactive"));
    let end = balance(&book, "P-ASEL", day(2026, 6, 1));
    assert_eq!(sums(&end), ["75000.00", "0.00", "75000.00", "0.00", "0.00"]);
}

/// A refund of a payment whose accrual the termination annulled reverses nothing: the
/// annulment took it already, and the balance stays nil, never below. Refunds of an
/// earlier file's payment and of one accrued and annulled in the same file alike.
#[test]
fn a_refund_after_the_termination_reverses_nothing_the_annulment_took() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             A-2,atlantys,2026-03-20,KZ-2,100000,100000,,,,,ASEL25,\n"
        ),
    );
    terminate_asel(&mut book, "2026-03-25");
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-3,atlantys,2026-03-24,KZ-3,100000,100000,,,,,ASEL25,\n\
             R-1,atlantys,2026-04-01,KZ-1,-75000,,,,refund,A-1,,\n\
             R-2,atlantys,2026-04-01,KZ-2,-50000,,,,refund,A-2,,\n\
             R-3,atlantys,2026-04-02,KZ-3,-100000,,,,refund,A-3,,\n"
        ),
    );
    for refund in ["R-1", "R-2", "R-3"] {
        assert_eq!(
            reason_of(&book, refund).as_deref(),
            Some("refund_of_annulled"),
            "{refund}"
        );
    }
    let end = balance(&book, "P-ASEL", day(2026, 6, 1));
    assert_eq!(sums(&end), ["75000.00", "0.00", "75000.00", "0.00", "0.00"]);
    let findings = partnerbook_core::api::check_book(&book).expect("checked");
    assert!(findings.is_empty(), "{findings:?}");
}

/// A refund that comes before the termination is a reversal as always; the termination
/// then annuls only what is left.
#[test]
fn a_refund_before_the_termination_reverses_and_the_annulment_takes_the_rest() {
    let mut book = book_with_asel();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,KZ-1,75000,100000,,,,,ASEL25,\n\
             R-1,atlantys,2026-04-01,KZ-1,-25000,,,,refund,A-1,,\n"
        ),
    );
    terminate_asel(&mut book, "2026-04-10");
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}R-2,atlantys,2026-05-01,KZ-1,-50000,,,,refund,A-1,,\n"),
    );
    assert_eq!(reason_of(&book, "R-1"), None, "a reversal");
    assert_eq!(
        reason_of(&book, "R-2").as_deref(),
        Some("refund_of_annulled")
    );
    let end = balance(&book, "P-ASEL", day(2026, 6, 1));
    assert_eq!(
        sums(&end),
        ["25000.00", "8333.33", "16666.67", "0.00", "0.00"]
    );
    let findings = partnerbook_core::api::check_book(&book).expect("checked");
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_purchase_under_the_partners_own_billing_account_is_self_referral_but_not_under_its_id() {
    let mut book = book();
    add_partner(
        &mut book,
        PartnerInput {
            client_id: s("kz-asel-own"),
            ..kz_partner("P-ASEL", BIN_HALYK, "ASEL25")
        },
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}A-1,atlantys,2026-03-02,kz-asel-own,75000,100000,,,,,ASEL25,\n\
             A-2,atlantys,2026-03-02,P-ASEL,75000,100000,,,,,ASEL25,\n"
        ),
    );
    assert_eq!(reason_of(&book, "A-1").as_deref(), Some("self_referral"));
    // The department's id of the partner is not a billing account.
    assert_eq!(reason_of(&book, "A-2"), None);
}
