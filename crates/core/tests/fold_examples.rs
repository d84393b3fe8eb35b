//! The worked examples and rules of PROGRAMS.md against the accrual fold alone: a
//! snapshot made by hand, no book, no SQL.

mod fold;

use fold::*;
use partnerbook_core::programs::{Category, Channel};

#[test]
fn atlantys_package_with_the_code_earns_a_quarter_of_the_list_price_after_14_days() {
    let mut s = snapshot();
    partner(&mut s, "ASEL", "atlantys", "ASEL25");
    client(&mut s, 1, Some(day(2026, 3, 1)), None);
    let mut p = pay(10, "atlantys", 1, day(2026, 3, 2), 7_500_000);
    p.list_price = 10_000_000;
    p.promo_code = Some("ASEL25".into());
    let out = fold(s, vec![p]);
    assert_eq!(out.events.len(), 1, "the code bound the client");
    let credit = &out.entries[0];
    assert_eq!(
        (credit.partner.as_str(), credit.amount, credit.rule),
        ("ASEL", 2_500_000, "list_price")
    );
    assert_eq!(credit.available_on, day(2026, 3, 16));
    assert!(out.outcomes.is_empty());
}

#[test]
fn bitrix24_half_of_the_first_purchase_a_fifth_of_later_ones_within_three_years() {
    let mut s = snapshot();
    partner(&mut s, "B1", "bitrix24", "BONE");
    bound(&mut s, 1, "B1", Channel::Link, day(2023, 3, 15));
    let out = fold(
        s,
        vec![
            pay(2, "bitrix24", 1, day(2024, 1, 10), 200_000),
            pay(1, "bitrix24", 1, day(2023, 4, 1), 100_000),
            pay(3, "bitrix24", 1, day(2026, 3, 14), 50_000),
            pay(4, "bitrix24", 1, day(2026, 3, 15), 50_000),
        ],
    );
    assert_eq!(
        entries(&out),
        vec![
            ("B1".into(), "credit", 50_000, "first_purchase"),
            ("B1".into(), "credit", 40_000, "later_purchase"),
            ("B1".into(), "credit", 10_000, "later_purchase"),
        ]
    );
    assert_eq!(out.outcomes.len(), 1);
    assert_eq!(out.outcomes[0].payment, 4);
    assert_eq!(out.outcomes[0].reason.code(), "outside_window");
}

#[test]
fn bitrix24_counts_only_direct_tariffs() {
    let mut s = snapshot();
    partner(&mut s, "B1", "bitrix24", "BONE");
    bound(&mut s, 1, "B1", Channel::Link, day(2025, 1, 1));
    let mut sms = pay(1, "bitrix24", 1, day(2025, 2, 1), 10_000);
    sms.category = Category::Sms;
    let mut indirect = pay(2, "bitrix24", 1, day(2025, 2, 2), 10_000);
    indirect.direct = false;
    let out = fold(s, vec![sms, indirect]);
    assert!(out.entries.is_empty());
    let reasons: Vec<_> = out.outcomes.iter().map(|o| o.reason.code()).collect();
    assert_eq!(reasons, vec!["category_not_counted", "not_direct"]);
}

#[test]
fn bitrix24_migrator_takes_payments_from_thirty_days_before_the_install() {
    let mut s = snapshot();
    partner(&mut s, "B1", "bitrix24", "BONE");
    client(
        &mut s,
        1,
        Some(day(2026, 1, 1)),
        Some(("B1", Channel::Migrator, day(2026, 3, 31))),
    );
    let out = fold(
        s,
        vec![
            pay(1, "bitrix24", 1, day(2026, 2, 28), 100_000),
            pay(2, "bitrix24", 1, day(2026, 3, 1), 100_000),
        ],
    );
    assert_eq!(out.outcomes[0].reason.code(), "not_bound");
    assert_eq!(
        entries(&out),
        vec![("B1".into(), "credit", 50_000, "first_purchase")]
    );
}

#[test]
fn a_promo_code_binds_the_client_for_its_later_payments_in_the_same_fold() {
    let mut s = snapshot();
    partner(&mut s, "B1", "bitrix24", "BONE");
    client(&mut s, 1, None, None);
    let mut coded = pay(2, "bitrix24", 1, day(2025, 6, 2), 200_000);
    coded.promo_code = Some("bone".into());
    let out = fold(
        s,
        vec![
            pay(3, "bitrix24", 1, day(2025, 6, 3), 300_000),
            coded,
            pay(1, "bitrix24", 1, day(2025, 6, 1), 100_000),
        ],
    );
    assert_eq!(
        entries(&out),
        vec![
            ("B1".into(), "credit", 100_000, "first_purchase"),
            ("B1".into(), "credit", 60_000, "later_purchase"),
        ]
    );
    assert_eq!(out.outcomes.len(), 1);
    assert_eq!(out.outcomes[0].reason.code(), "not_bound");
}

#[test]
fn quantower_pays_the_partners_raised_rate_from_its_day() {
    let mut s = snapshot();
    partner(&mut s, "Q1", "quantower", "QONE");
    rate(&mut s, "Q1", day(2026, 5, 1), 30);
    bound(&mut s, 1, "Q1", Channel::Link, day(2026, 1, 1));
    let out = fold(
        s,
        vec![
            pay(1, "quantower", 1, day(2026, 4, 30), 10_000),
            pay(2, "quantower", 1, day(2026, 5, 1), 10_000),
        ],
    );
    assert_eq!(
        entries(&out),
        vec![
            ("Q1".into(), "credit", 2_000, "amount_paid"),
            ("Q1".into(), "credit", 3_000, "amount_paid"),
        ]
    );
}

#[test]
fn ciawifi_needs_the_contract_rate() {
    let mut s = snapshot();
    partner(&mut s, "W1", "ciawifi", "12345");
    partner(&mut s, "W2", "ciawifi", "54321");
    rate(&mut s, "W1", day(2026, 2, 1), 12);
    bound(&mut s, 1, "W1", Channel::Link, day(2026, 1, 1));
    bound(&mut s, 2, "W2", Channel::Promo, day(2026, 1, 1));
    let out = fold(
        s,
        vec![
            pay(1, "ciawifi", 1, day(2026, 1, 15), 10_000),
            pay(2, "ciawifi", 2, day(2026, 1, 15), 10_000),
        ],
    );
    // before the contract's first rate, the contract rate still applies
    assert_eq!(
        entries(&out),
        vec![("W1".into(), "credit", 1_200, "contract_rate")]
    );
    assert_eq!(out.outcomes[0].reason.code(), "no_contract_rate");
}

#[test]
fn tele2_ats_gives_discounts_not_money() {
    let mut s = snapshot();
    partner(&mut s, "T1", "tele2-ats", "5e83e12b1");
    bound(&mut s, 1, "T1", Channel::Invite, day(2026, 1, 1));
    let out = fold(s, vec![pay(1, "tele2-ats", 1, day(2026, 2, 1), 10_000)]);
    assert!(out.entries.is_empty());
    assert_eq!(out.outcomes[0].reason.code(), "discounts_only");
}

#[test]
fn a_terminated_partners_credit_for_an_earlier_payment_is_annulled_at_once() {
    let mut s = snapshot();
    partner(&mut s, "Q1", "quantower", "QONE");
    if let Some(p) = s.partners.get_mut("Q1") {
        p.status = partnerbook_core::partners::PartnerStatus::Terminated;
        p.status_since = Some(day(2026, 6, 1));
    }
    bound(&mut s, 1, "Q1", Channel::Link, day(2026, 1, 1));
    let out = fold(
        s,
        vec![
            pay(1, "quantower", 1, day(2026, 5, 1), 10_000),
            pay(2, "quantower", 1, day(2026, 6, 1), 10_000),
        ],
    );
    assert_eq!(
        entries(&out),
        vec![
            ("Q1".into(), "credit", 2_000, "amount_paid"),
            ("Q1".into(), "annulment", 2_000, "termination"),
        ]
    );
    assert_eq!(out.entries[1].corrects, Some(out.entries[0].id));
    assert_eq!(out.outcomes[0].reason.code(), "partner_ended");
}

#[test]
fn refunds_reverse_pro_rata_and_a_full_refund_nets_to_zero() {
    let mut s = snapshot();
    partner(&mut s, "Q1", "quantower", "QONE");
    bound(&mut s, 1, "Q1", Channel::Link, day(2026, 1, 1));
    let paid = pay(1, "quantower", 1, day(2026, 2, 1), 10_001);
    let first = refund(2, &paid, day(2026, 2, 5), 3_333);
    let second = refund(3, &paid, day(2026, 2, 6), 6_668);
    let out = fold(s, vec![second, paid, first]);
    assert_eq!(
        entries(&out),
        vec![
            ("Q1".into(), "credit", 2_000, "amount_paid"),
            ("Q1".into(), "reversal", 667, "refund"),
            ("Q1".into(), "reversal", 1_333, "refund"),
        ]
    );
    assert_eq!(net(&out, "Q1"), 0);
    assert!(out.entries[1..]
        .iter()
        .all(|e| e.corrects == Some(out.entries[0].id)));
}
