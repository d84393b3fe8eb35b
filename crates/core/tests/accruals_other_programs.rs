//! quantower, ciawifi and tele2-ats accruals; a new program version from a date; an
//! annulment for a breach; re-importing the same billing.

mod common;

use common::*;
use partnerbook_core::ledger::{annul_for_breach, balances};
use partnerbook_core::partners::{update_partner, PartnerInput};
use partnerbook_core::programs::{add_version, Channel, RewardRule};

fn pay(id: &str, program: &str, date: &str, client: &str, amount: &str) -> String {
    format!("{id},{program},{date},{client},{amount},,,,,,,\n")
}

/// A quantower partner P-Q with its client Q-1 (bound by link on registration) and the
/// client's first payment, Q-1: 100.00 on 2025-03-01 (20.00 accrued).
fn quantower_book() -> (
    partnerbook_core::store::Book,
    partnerbook_core::programs::Program,
) {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT"));
    let program = program(&book, "quantower");
    let client = add_client(&book, "quantower", "Q-1", None, day(2025, 2, 1));
    attempt(
        &book,
        &program,
        client,
        "QUANT",
        Channel::Link,
        day(2025, 2, 1),
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("Q-1", "quantower", "2025-03-01", "Q-1", "100")
        ),
    );
    (book, program)
}

#[test]
fn quantower_pays_20_percent_of_the_amount_paid_or_the_partners_raised_rate_from_its_day() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT"));
    let program = program(&book, "quantower");
    let client = add_client(&book, "quantower", "Q-1", None, day(2025, 2, 1));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &program,
            client,
            "QUANT",
            Channel::Link,
            day(2025, 2, 1)
        )),
        "bound"
    );
    // raised to 30 % on 2025-06-01 (the actor's day)
    let mut actor = actor();
    actor.now = at(2025, 6, 1);
    book.write(|tx| {
        update_partner(
            tx,
            &actor,
            "P-Q",
            PartnerInput {
                rate: s("30"),
                ..foreign("P-Q", "quantower", "QUANT")
            },
        )
    })
    .expect("rate raised");
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}",
            pay("Q-1", "quantower", "2025-05-31", "Q-1", "99.99"),
            pay("Q-2", "quantower", "2025-06-01", "Q-1", "99.99"),
        ),
    );
    // 19.998 → 20.00; 29.997 → 30.00
    assert_eq!(
        entries(&book, "P-Q"),
        vec![
            ("credit".into(), "20.00".into(), "amount_paid".into()),
            ("credit".into(), "30.00".into(), "amount_paid".into()),
        ]
    );
    assert_eq!(balance(&book, "P-Q", day(2025, 6, 1)).unit, "USD");
}

#[test]
fn ciawifi_pays_the_contract_rate() {
    let mut book = book();
    add_partner(&mut book, ciawifi_partner("P-W", "54321"));
    let program = program(&book, "ciawifi");
    let client = add_client(&book, "ciawifi", "W-1", None, day(2025, 5, 10));
    assert_eq!(
        outcome_code(&attempt(
            &book,
            &program,
            client,
            "54321",
            Channel::Promo,
            day(2025, 5, 10)
        )),
        "bound"
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("W-1", "ciawifi", "2025-05-20", "W-1", "1234.56")
        ),
    );
    assert_eq!(
        entries(&book, "P-W"),
        vec![("credit".into(), "123.46".into(), "contract_rate".into())]
    );
}

#[test]
fn tele2_payments_earn_no_money_the_program_gives_discounts() {
    let mut book = book();
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("T-1", "tele2-ats", "2025-05-20", "T-1", "1500")
        ),
    );
    assert_eq!(reason_of(&book, "T-1").as_deref(), Some("discounts_only"));
}

#[test]
fn a_new_version_changes_payments_from_its_day_and_leaves_past_accruals_alone() {
    let (mut book, program) = quantower_book();
    let mut rules = program.versions[0].rules.clone();
    rules.rewards = vec![RewardRule::AmountPaid { percent: 25.into() }];
    rules.hold_days = 7;
    let actor = actor();
    book.write(|tx| add_version(tx, &actor, "quantower", day(2025, 4, 1), &rules))
        .expect("a new version");
    let again = book.write(|tx| add_version(tx, &actor, "quantower", day(2025, 4, 1), &rules));
    assert_eq!(
        again.expect_err("same day twice").problems()[0].code,
        "version_exists"
    );
    billing_ok(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}{}",
            pay("Q-2", "quantower", "2025-03-31", "Q-1", "100"),
            pay("Q-3", "quantower", "2025-04-01", "Q-1", "100")
        ),
    );
    let ledger =
        partnerbook_core::ledger::partner_entries(book.db(), "P-Q", partnerbook_core::Lang::En)
            .expect("ledger");
    let amounts: Vec<(&str, &str)> = ledger
        .iter()
        .map(|e| (e.amount.as_str(), e.available_on.as_str()))
        .collect();
    assert_eq!(
        amounts,
        vec![
            ("20.00", "2025-03-01"),
            ("20.00", "2025-03-31"),
            ("25.00", "2025-04-08")
        ]
    );
}

#[test]
fn a_breach_annuls_the_unconverted_balance_with_its_reason() {
    let (mut book, _) = quantower_book();
    let actor = actor();
    let empty = book.write(|tx| annul_for_breach(tx, &actor, "P-Q", day(2025, 3, 2), "  "));
    assert_eq!(
        empty.expect_err("a reason is needed").problems()[0].code,
        "reason_required"
    );
    let annulled = book
        .write(|tx| {
            annul_for_breach(
                tx,
                &actor,
                "P-Q",
                day(2025, 3, 2),
                "самореферал через несколько аккаунтов",
            )
        })
        .expect("annulled");
    assert_eq!(annulled, 2000);
    let b = balance(&book, "P-Q", day(2025, 3, 2));
    assert_eq!(sums(&b), ["20.00", "0.00", "20.00", "0.00", "0.00"]);
    let ledger =
        partnerbook_core::ledger::partner_entries(book.db(), "P-Q", partnerbook_core::Lang::Ru)
            .expect("ledger");
    assert!(
        ledger[1].reason.contains("нарушение правил программы"),
        "{}",
        ledger[1].reason
    );
    assert!(
        ledger[1].reason.contains("самореферал"),
        "{}",
        ledger[1].reason
    );
}

#[test]
fn re_importing_the_same_billing_changes_nothing_and_other_content_is_refused() {
    let mut book = book();
    add_partner(&mut book, foreign("P-Q", "quantower", "QUANT"));
    let program = program(&book, "quantower");
    let client = add_client(&book, "quantower", "Q-1", None, day(2025, 2, 1));
    attempt(
        &book,
        &program,
        client,
        "QUANT",
        Channel::Link,
        day(2025, 2, 1),
    );
    let file = format!(
        "{BILLING_HEADER}{}",
        pay("Q-1", "quantower", "2025-03-01", "Q-1", "100")
    );
    billing_ok(&mut book, &file);
    let before = balances(book.db(), day(2026, 1, 1), None).expect("balances");
    let again = billing_ok(&mut book, &file);
    assert_eq!((again.added, again.unchanged), (0, 1));
    assert_eq!(
        balances(book.db(), day(2026, 1, 1), None).expect("balances"),
        before
    );
    let changed = billing(
        &mut book,
        &format!(
            "{BILLING_HEADER}{}",
            pay("Q-1", "quantower", "2025-03-01", "Q-1", "101")
        ),
    );
    assert!(!changed.committed);
    assert_eq!(changed.problems[0].render(partnerbook_core::Lang::Ru), "строка 2, столбец payment_id: платёж «Q-1» уже загружен с другими данными; исправление — это новый платёж или возврат");
    assert_eq!(
        balances(book.db(), day(2026, 1, 1), None).expect("balances"),
        before
    );
}

#[test]
fn the_ledger_refuses_to_be_edited() {
    let (book, _) = quantower_book();
    let update = book.db().execute("UPDATE ledger SET amount = 1", []);
    assert!(update
        .expect_err("append-only")
        .to_string()
        .contains("append-only"));
    let delete = book.db().execute("DELETE FROM ledger", []);
    assert!(delete.is_err());
}
