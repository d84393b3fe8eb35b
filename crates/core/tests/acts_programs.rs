//! Each money program's own conversion rules: atlantys pays monthly by the 10th of the
//! next month; quantower from 50 USD, by bank or as licence credit; ciawifi by contract.

mod common;

use common::*;
use partnerbook_core::acts::{act_step, convert, get_act, ActStep, ConvertRequest};
use partnerbook_core::programs::{Channel, PayoutKind};
use partnerbook_core::store::Book;

fn convert_on(
    book: &mut Book,
    partner: &str,
    date: chrono::NaiveDate,
    kind: Option<PayoutKind>,
) -> Result<String, String> {
    let actor = actor();
    let req = ConvertRequest {
        partner: partner.into(),
        date,
        amount: None,
        payout_kind: kind,
        key: None,
    };
    book.write(|tx| convert(tx, &actor, &req))
        .map(|c| c.act)
        .map_err(|e| e.code().to_owned())
}

fn send_and_sign(
    book: &mut Book,
    act: &str,
    sent: chrono::NaiveDate,
    signed: chrono::NaiveDate,
) -> Option<String> {
    let actor = actor();
    book.write(|tx| act_step(tx, &actor, act, &ActStep::Send(sent)))
        .expect("sent");
    book.write(|tx| act_step(tx, &actor, act, &ActStep::Sign(signed)))
        .expect("signed")
        .pay_due
}

/// An atlantys partner with a contract whose client paid 75 000 KZT (list price 100 000)
/// on `paid`: 25 000 KZT, available 14 days later.
fn atlantys_book(paid: &str) -> Book {
    let mut book = book();
    set_vendor(&mut book);
    add_partner(
        &mut book,
        partnerbook_core::partners::PartnerInput {
            contract_no: s("A-7"),
            contract_date: s("2025-01-10"),
            ..kz_partner("P-ASEL", BIN_HALYK, "ASEL25")
        },
    );
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}A-1,atlantys,{paid},KZ-1,75000,100000,,,,,ASEL25,\n"),
    );
    book
}

#[test]
fn atlantys_pays_what_became_available_in_a_month_by_the_10th_of_the_next() {
    let mut book = atlantys_book("2026-01-05");
    assert_eq!(
        convert_on(&mut book, "P-ASEL", day(2026, 1, 18), None).expect_err("on hold"),
        "nothing_to_convert"
    );
    let act = convert_on(&mut book, "P-ASEL", day(2026, 1, 31), None).expect("January's act");
    let stored = get_act(book.db(), &act).expect("act");
    assert_eq!((stored.money, stored.currency.as_str()), (2_500_000, "KZT"));
    let due = send_and_sign(&mut book, &act, day(2026, 2, 2), day(2026, 2, 3));
    assert_eq!(due.as_deref(), Some("2026-02-10"), "Tuesday 10 February");
}

#[test]
fn a_monthly_due_day_on_a_holiday_moves_to_the_next_business_day() {
    let mut book = atlantys_book("2026-04-01");
    let act = convert_on(&mut book, "P-ASEL", day(2026, 4, 30), None).expect("April's act");
    // 10 May 2026 is a Sunday and 11 May the day off for Victory Day on a Saturday.
    let due = send_and_sign(&mut book, &act, day(2026, 5, 4), day(2026, 5, 5));
    assert_eq!(due.as_deref(), Some("2026-05-12"));
}

/// A quantower partner whose client paid `paid` USD on 2025-03-01 (20 % accrued).
fn quantower_book(paid: &str) -> Book {
    let mut book = book();
    set_vendor(&mut book);
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
        &format!("{BILLING_HEADER}Q-1,quantower,2025-03-01,Q-1,{paid},,,,,,,\n"),
    );
    book
}

#[test]
fn quantower_converts_from_50_usd_by_bank_or_as_licence_credit() {
    let mut small = quantower_book("249.95");
    assert_eq!(
        convert_on(&mut small, "P-Q", day(2025, 3, 2), None).expect_err("49.99 USD"),
        "under_threshold"
    );
    let mut book = quantower_book("250");
    let act = convert_on(
        &mut book,
        "P-Q",
        day(2025, 3, 2),
        Some(PayoutKind::LicenceCredit),
    )
    .expect("licence credit");
    let stored = get_act(book.db(), &act).expect("act");
    assert_eq!(stored.payout_kind, "licence_credit");
    assert_eq!((stored.money, stored.currency.as_str()), (5_000, "USD"));
    assert_eq!(stored.vat, None, "a foreign partner pays no Russian VAT");
}

#[test]
fn the_standard_vat_rate_follows_the_law_on_the_acts_day() {
    let mut book = book();
    set_vendor(&mut book);
    add_partner(
        &mut book,
        partnerbook_core::partners::PartnerInput {
            contract_no: s("Д-1"),
            contract_date: s("2024-01-10"),
            vat_payer: s("yes"),
            vat_rate: s("20"),
            ..ooo("P-A", "bitrix24", INN_SBER, "ALFA")
        },
    );
    let program = program(&book, "bitrix24");
    let client = add_client(&book, "bitrix24", "B-1", None, day(2024, 2, 1));
    attempt(
        &book,
        &program,
        client,
        "ALFA",
        Channel::Link,
        day(2024, 2, 1),
    );
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}B-1,bitrix24,2024-03-02,B-1,24000,,,,,,,\nB-2,bitrix24,2025-12-02,B-1,30500,,,,,,,\n"),
    );
    let act = convert_on(&mut book, "P-A", day(2024, 3, 10), None).expect("converted");
    let stored = get_act(book.db(), &act).expect("act");
    assert_eq!(stored.vat_rate.as_deref(), Some("20"));
    assert_eq!(stored.vat, Some(200_000), "12 000 × 20 / 120");
    let act = convert_on(&mut book, "P-A", day(2026, 1, 12), None).expect("converted in 2026");
    let stored = get_act(book.db(), &act).expect("act");
    assert_eq!(stored.money, 610_000, "20 % of 30 500");
    assert_eq!(
        stored.vat_rate.as_deref(),
        Some("22"),
        "the card says 20; the law of 2026 says 22"
    );
    assert_eq!(stored.vat, Some(110_000), "6 100 × 22 / 122");
}
