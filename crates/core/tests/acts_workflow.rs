//! Conversions and the act workflow: thresholds, contract, status and payout kind refusals
//! (each changing nothing), act numbers per year, sign and pay deadlines on the production
//! calendar, a rejection returning the amount, a payout.

mod common;

use chrono::NaiveDate;
use common::*;
use partnerbook_core::acts::{
    act_step, convert, deadlines, get_act, ActStatus, ActStep, ConvertRequest, DeadlineKind,
};
use partnerbook_core::partners::{update_partner, PartnerInput};
use partnerbook_core::programs::PayoutKind;
use partnerbook_core::store::Book;
use partnerbook_core::Error;
use rust_decimal::Decimal;

/// A bitrix24 partner P-A with a contract and one client whose first purchase of
/// `paid` on 2026-03-02 credits half of it.
fn partner_a() -> PartnerInput {
    PartnerInput {
        contract_no: s("П-1/2025"),
        contract_date: s("2025-01-15"),
        ..ooo("P-A", "bitrix24", INN_SBER, "ALFA")
    }
}

fn bitrix_book(paid: &str) -> Book {
    let mut book = book();
    set_vendor(&mut book);
    add_partner(&mut book, partner_a());
    bitrix_client_paying(&mut book, "B-1", "ALFA", paid);
    book
}

fn request(partner: &str, date: NaiveDate, amount: Option<&str>) -> ConvertRequest {
    ConvertRequest {
        partner: partner.to_owned(),
        date,
        amount: amount.map(|a| a.parse::<Decimal>().expect("an amount")),
        payout_kind: None,
        key: None,
    }
}

fn try_convert(
    book: &mut Book,
    req: ConvertRequest,
) -> Result<partnerbook_core::acts::Conversion, Error> {
    let actor = actor();
    book.write(|tx| convert(tx, &actor, &req))
}

fn step(
    book: &mut Book,
    act: &str,
    step: ActStep,
) -> Result<partnerbook_core::acts::ActState, Error> {
    let actor = actor();
    book.write(|tx| act_step(tx, &actor, act, &step))
}

fn refusal(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(e) => e.code().to_owned(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// `(available, converted, paid)` as of a day.
fn money(book: &Book, partner: &str, as_of: NaiveDate) -> [String; 3] {
    let b = balance(book, partner, as_of);
    [b.available, b.converted, b.paid]
}

#[test]
fn a_conversion_takes_the_amount_from_the_available_balance_and_drafts_an_act() {
    let mut book = bitrix_book("20000");
    let done =
        try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("6000"))).expect("converted");
    assert_eq!(done.partner, "P-A");
    assert_eq!(done.amount, "6000.00");
    assert_eq!(done.unit, "bonus");
    assert_eq!(done.number, "2026-0001");
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 10)),
        ["4000.00", "6000.00", "0.00"]
    );
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 9)),
        ["10000.00", "0.00", "0.00"],
        "as of the day before"
    );
    let act = get_act(book.db(), &done.act).expect("the act");
    assert_eq!(act.status, ActStatus::Draft);
    assert_eq!(act.money, 600_000, "1 bonus = 1 RUB");
    assert_eq!(act.currency, "RUB");
    assert_eq!(act.period_to, day(2026, 3, 10));
    assert_eq!(
        get_act(book.db(), "2026-0001").expect("by number").id,
        act.id
    );
}

#[test]
fn without_an_amount_everything_available_is_converted() {
    let mut book = bitrix_book("20000");
    let done = try_convert(&mut book, request("P-A", day(2026, 3, 10), None)).expect("converted");
    assert_eq!(done.amount, "10000.00");
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 10)),
        ["0.00", "10000.00", "0.00"]
    );
}

#[test]
fn refusals_say_why_and_change_nothing() {
    let mut book = bitrix_book("20000");
    let before = money(&book, "P-A", day(2026, 3, 10));
    let cases = [
        (
            request("P-A", day(2026, 3, 10), Some("4999.99")),
            "under_threshold",
        ),
        (
            request("P-A", day(2026, 3, 10), Some("10000.01")),
            "above_available",
        ),
        (request("P-A", day(2026, 3, 1), None), "nothing_to_convert"),
        (
            request("P-A", day(2026, 3, 10), Some("5000.001")),
            "bad_amount",
        ),
        (
            ConvertRequest {
                payout_kind: Some(PayoutKind::LicenceCredit),
                key: None,
                ..request("P-A", day(2026, 3, 10), None)
            },
            "payout_kind",
        ),
        (request("P-NOBODY", day(2026, 3, 10), None), "not_found"),
    ];
    for (req, code) in cases {
        assert_eq!(
            refusal(try_convert(&mut book, req.clone())),
            code,
            "{req:?}"
        );
    }
    assert_eq!(money(&book, "P-A", day(2026, 3, 10)), before);
    let acts: i64 = book
        .db()
        .query_row("SELECT count(*) FROM acts", [], |r| r.get(0))
        .expect("count");
    assert_eq!(acts, 0);
}

#[test]
fn the_under_threshold_message_names_the_threshold_and_what_is_available() {
    let mut book = bitrix_book("9000");
    let err =
        try_convert(&mut book, request("P-A", day(2026, 3, 10), None)).expect_err("4 500 < 5 000");
    assert_eq!(err.code(), "under_threshold");
    let text = err.to_string();
    assert!(
        text.contains("5000.00") && text.contains("4500.00"),
        "{text}"
    );
}

#[test]
fn a_bitrix24_partner_without_a_signed_contract_cannot_convert() {
    let mut book = bitrix_book("20000");
    let actor = actor();
    book.write(|tx| {
        update_partner(
            tx,
            &actor,
            "P-A",
            PartnerInput {
                contract_no: s(""),
                contract_date: s(""),
                ..partner_a()
            },
        )
    })
    .expect("contract removed");
    assert_eq!(
        refusal(try_convert(
            &mut book,
            request("P-A", day(2026, 3, 10), None)
        )),
        "no_contract"
    );
}

#[test]
fn a_contract_dated_after_the_conversion_does_not_count() {
    let mut book = bitrix_book("20000");
    let actor = actor();
    book.write(|tx| {
        update_partner(
            tx,
            &actor,
            "P-A",
            PartnerInput {
                contract_date: s("2026-04-01"),
                ..partner_a()
            },
        )
    })
    .expect("contract moved");
    assert_eq!(
        refusal(try_convert(
            &mut book,
            request("P-A", day(2026, 3, 10), None)
        )),
        "no_contract"
    );
    try_convert(&mut book, request("P-A", day(2026, 4, 1), None)).expect("from the contract's day");
}

#[test]
fn a_suspended_partner_accrues_but_cannot_convert() {
    let mut book = bitrix_book("20000");
    let actor = actor();
    book.write(|tx| {
        update_partner(
            tx,
            &actor,
            "P-A",
            PartnerInput {
                status: s("suspended"),
                status_since: s("2026-03-05"),
                ..partner_a()
            },
        )
    })
    .expect("suspended");
    assert_eq!(
        refusal(try_convert(
            &mut book,
            request("P-A", day(2026, 3, 10), None)
        )),
        "partner_suspended"
    );
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 10))[0],
        "10000.00",
        "the balance stays"
    );
}

#[test]
fn tele2_rewards_with_discounts_and_converts_nothing() {
    let mut book = book();
    add_partner(&mut book, ooo("T-1", "tele2-ats", INN_YANDEX, "T2CODE1"));
    assert_eq!(
        refusal(try_convert(
            &mut book,
            request("T-1", day(2026, 3, 10), None)
        )),
        "no_conversion"
    );
}

#[test]
fn sending_and_signing_set_the_deadlines_on_the_production_calendar() {
    let mut book = bitrix_book("20000");
    let done = try_convert(&mut book, request("P-A", day(2026, 4, 30), None)).expect("converted");
    // Sent on Friday 8 May 2026: 9 May is a Saturday and its day off moves to Monday
    // 11 May, so the three business days are 12, 13 and 14 May.
    let sent = step(&mut book, &done.act, ActStep::Send(day(2026, 5, 8))).expect("sent");
    assert_eq!(sent.status, ActStatus::Sent);
    assert_eq!(sent.sent.as_deref(), Some("2026-05-08"));
    assert_eq!(sent.sign_due.as_deref(), Some("2026-05-14"));
    assert_eq!(sent.pay_due, None);
    // Signed on 14 May: ten business days are 15, 18–22 and 25–28 May.
    let signed = step(&mut book, &done.act, ActStep::Sign(day(2026, 5, 14))).expect("signed");
    assert_eq!(signed.status, ActStatus::Signed);
    assert_eq!(signed.pay_due.as_deref(), Some("2026-05-28"));
    let paid = step(&mut book, &done.number, ActStep::Pay(day(2026, 5, 27))).expect("paid");
    assert_eq!(paid.status, ActStatus::Paid);
    assert_eq!(paid.paid.as_deref(), Some("2026-05-27"));
    assert_eq!(
        money(&book, "P-A", day(2026, 5, 27)),
        ["0.00", "10000.00", "10000.00"]
    );
}

#[test]
fn a_deadline_over_the_new_year_holidays_skips_them() {
    let mut book = bitrix_book("20000");
    let done = try_convert(&mut book, request("P-A", day(2026, 3, 10), None)).expect("converted");
    // Sent on 30 December 2026: 31 December 2026 is a day off (moved from 4 January), and
    // the New Year holidays of 2027 follow (the calendar's own tests hold the data).
    let sent = step(&mut book, &done.act, ActStep::Send(day(2026, 12, 30))).expect("sent");
    let due = sent.sign_due.expect("a sign-by day");
    assert!(
        due.as_str() > "2027-01-11",
        "sign-by {due} falls after the holidays"
    );
}

#[test]
fn a_rejected_act_returns_its_amount_and_keeps_the_reason() {
    let mut book = bitrix_book("20000");
    let done =
        try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("7000"))).expect("converted");
    step(&mut book, &done.act, ActStep::Send(day(2026, 3, 11))).expect("sent");
    assert_eq!(
        refusal(step(
            &mut book,
            &done.act,
            ActStep::Reject(day(2026, 3, 12), "  ".into())
        )),
        "invalid"
    );
    let rejected = step(
        &mut book,
        &done.act,
        ActStep::Reject(day(2026, 3, 12), "Неверные реквизиты банка".into()),
    )
    .expect("rejected");
    assert_eq!(rejected.status, ActStatus::Rejected);
    assert_eq!(rejected.reason.as_deref(), Some("Неверные реквизиты банка"));
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 11)),
        ["3000.00", "7000.00", "0.00"]
    );
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 12)),
        ["10000.00", "0.00", "0.00"]
    );
    let last =
        partnerbook_core::ledger::partner_entries(book.db(), "P-A", partnerbook_core::Lang::Ru)
            .expect("ledger")
            .pop()
            .expect("an entry");
    assert_eq!(last.kind, "conversion_reversal");
    assert!(
        last.reason.contains("Неверные реквизиты банка"),
        "{}",
        last.reason
    );
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Sign(day(2026, 3, 13)))),
        "act_wrong_state"
    );
}

#[test]
fn steps_out_of_order_or_dated_before_the_last_are_refused() {
    let mut book = bitrix_book("20000");
    let done = try_convert(&mut book, request("P-A", day(2026, 3, 10), None)).expect("converted");
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Sign(day(2026, 3, 11)))),
        "act_wrong_state"
    );
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Pay(day(2026, 3, 11)))),
        "act_wrong_state"
    );
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Send(day(2026, 3, 9)))),
        "act_date_order"
    );
    step(&mut book, &done.act, ActStep::Send(day(2026, 3, 11))).expect("sent");
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Send(day(2026, 3, 12)))),
        "act_wrong_state"
    );
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Sign(day(2026, 3, 10)))),
        "act_date_order"
    );
    step(&mut book, &done.act, ActStep::Sign(day(2026, 3, 12))).expect("signed");
    assert_eq!(
        refusal(step(
            &mut book,
            &done.act,
            ActStep::Reject(day(2026, 3, 13), "поздно".into())
        )),
        "act_wrong_state"
    );
    step(&mut book, &done.act, ActStep::Pay(day(2026, 3, 13))).expect("paid");
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Pay(day(2026, 3, 14)))),
        "act_wrong_state"
    );
    assert_eq!(
        refusal(step(&mut book, "2026-0999", ActStep::Pay(day(2026, 3, 14)))),
        "not_found"
    );
}

#[test]
fn an_act_is_not_sent_before_the_vendors_requisites_are_set() {
    let mut book = bitrix_book("20000");
    book.db()
        .execute("DELETE FROM settings WHERE key = 'vendor'", [])
        .expect("forgotten");
    let done =
        try_convert(&mut book, request("P-A", day(2026, 3, 10), None)).expect("a draft needs none");
    assert_eq!(
        refusal(step(&mut book, &done.act, ActStep::Send(day(2026, 3, 11)))),
        "vendor_missing"
    );
    assert_eq!(
        get_act(book.db(), &done.act).expect("act").status,
        ActStatus::Draft
    );
}

#[test]
fn act_numbers_run_per_year_and_a_rejected_number_is_never_given_again() {
    let mut book = bitrix_book("40000");
    let first = try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("5000"))).expect("1");
    step(
        &mut book,
        &first.act,
        ActStep::Reject(day(2026, 3, 11), "ошибка".into()),
    )
    .expect("rejected");
    let second = try_convert(&mut book, request("P-A", day(2026, 3, 12), Some("5000"))).expect("2");
    let third = try_convert(&mut book, request("P-A", day(2027, 1, 12), Some("5000"))).expect("3");
    let fourth = try_convert(&mut book, request("P-A", day(2027, 2, 1), Some("5000"))).expect("4");
    let numbers = [first.number, second.number, third.number, fourth.number];
    assert_eq!(
        numbers,
        ["2026-0001", "2026-0002", "2027-0001", "2027-0002"]
    );
    let deleted = book.db().execute("DELETE FROM acts", []);
    assert!(deleted.is_err(), "acts are never deleted");
    let renumbered = book
        .db()
        .execute("UPDATE acts SET number = 'X' WHERE seq = 1", []);
    assert!(renumbered.is_err(), "an act keeps its number");
}

#[test]
fn the_next_act_covers_the_days_after_the_last_one() {
    let mut book = bitrix_book("40000");
    let first = try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("5000"))).expect("1");
    let second = try_convert(&mut book, request("P-A", day(2026, 4, 10), Some("5000"))).expect("2");
    let (a, b) = (
        get_act(book.db(), &first.act).expect("a"),
        get_act(book.db(), &second.act).expect("b"),
    );
    assert_eq!(
        a.period_from,
        day(2025, 1, 10),
        "from the partner's registration"
    );
    assert_eq!(b.period_from, day(2026, 3, 11));
    assert_eq!(b.period_to, day(2026, 4, 10));
}

#[test]
fn deadlines_list_acts_to_sign_and_to_pay_and_flag_the_overdue() {
    let mut book = bitrix_book("40000");
    let a = try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("5000"))).expect("a");
    let b = try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("6000"))).expect("b");
    try_convert(&mut book, request("P-A", day(2026, 3, 10), Some("7000"))).expect("a draft");
    step(&mut book, &a.act, ActStep::Send(day(2026, 3, 11))).expect("sent");
    step(&mut book, &b.act, ActStep::Send(day(2026, 3, 11))).expect("sent");
    step(&mut book, &b.act, ActStep::Sign(day(2026, 3, 12))).expect("signed");
    let list = deadlines(book.db(), day(2026, 3, 17)).expect("deadlines");
    let seen: Vec<_> = list
        .iter()
        .map(|d| (d.number.as_str(), d.what, d.due.as_str(), d.overdue))
        .collect();
    assert_eq!(
        seen,
        [
            ("2026-0001", DeadlineKind::Sign, "2026-03-16", true),
            ("2026-0002", DeadlineKind::Pay, "2026-03-26", false),
        ]
    );
    assert_eq!(list[0].days_left, -1);
    assert_eq!(list[1].money, "6000.00");
}

#[test]
fn a_conversion_dated_before_the_partners_last_one_is_refused_and_the_batch_skips_the_partner() {
    let mut book = bitrix_book("40000");
    try_convert(&mut book, request("P-A", day(2026, 4, 20), Some("6000"))).expect("converted");
    assert_eq!(
        refusal(try_convert(
            &mut book,
            request("P-A", day(2026, 4, 10), None)
        )),
        "conversion_out_of_order"
    );
    let ready =
        partnerbook_core::acts::ready_to_convert(book.db(), day(2026, 4, 10), None).expect("ready");
    assert!(ready.is_empty(), "{ready:?}");
    try_convert(&mut book, request("P-A", day(2026, 4, 20), Some("5000")))
        .expect("the same day is fine");
    assert_eq!(
        money(&book, "P-A", day(2026, 4, 20)),
        ["9000.00", "11000.00", "0.00"]
    );
}

/// A refund after a conversion takes the balance below zero (the partner's next accruals
/// pay it off): the book is sound. A conversion beyond what was accrued is not.
#[test]
fn a_refund_after_a_conversion_leaves_a_sound_book_a_double_conversion_does_not() {
    let mut book = bitrix_book("20000");
    try_convert(&mut book, request("P-A", day(2026, 3, 10), None)).expect("converted");
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}R-1,bitrix24,2026-03-20,B-1,-20000,,,,refund,B-1,,\n"),
    );
    assert_eq!(
        money(&book, "P-A", day(2026, 3, 20)),
        ["-10000.00", "10000.00", "0.00"]
    );
    let findings = partnerbook_core::api::check_book(&book).expect("checked");
    assert!(findings.is_empty(), "{findings:?}");
    // the same conversion written twice, as two desks converting at once would
    book.db()
        .execute(
            "INSERT INTO ledger (id, partner, kind, date, available_on, amount, rule, at)
             SELECT (SELECT max(id) + 1 FROM ledger), partner, kind, date, available_on, amount, rule, at
             FROM ledger WHERE kind = 'conversion'",
            [],
        )
        .expect("forged");
    let findings = partnerbook_core::api::check_book(&book).expect("checked");
    let codes: Vec<_> = findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["converted_beyond_accrued"]);
}
