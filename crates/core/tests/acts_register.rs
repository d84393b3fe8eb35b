//! What the book hands the documents: the month's payout register (which acts, totals per
//! currency), the partner's statement (opening, entries, closing), an act's document
//! (parties fixed when sent, VAT by the partner's status and the year).

mod common;

use common::*;
use partnerbook_core::acts::{
    act_document, act_step, convert, get_act, payout_register, ActStep, ConvertRequest,
};
use partnerbook_core::ledger::statement;
use partnerbook_core::partners::{update_partner, PartnerInput};
use partnerbook_core::store::Book;
use rust_decimal::Decimal;

fn partner(id: &str, inn: &str, code: &str, vat: bool) -> PartnerInput {
    PartnerInput {
        contract_no: s(&format!("Д-{id}")),
        contract_date: s("2025-01-15"),
        vat_payer: s(if vat { "yes" } else { "no" }),
        vat_rate: vat.then(|| "22".to_owned()),
        bik: s("044525225"),
        account: s("40702810938000000001"),
        ..ooo(id, "bitrix24", inn, code)
    }
}

/// Two bitrix24 partners (P-A without VAT, P-V paying VAT) with a contract, a client
/// each, and first purchases on 2026-03-02 of 20 000 and 30 000 (10 000 and 15 000 bonuses).
fn book_of_two() -> Book {
    let mut book = book();
    set_vendor(&mut book);
    add_partner(&mut book, partner("P-A", INN_SBER, "ALFA", false));
    add_partner(&mut book, partner("P-V", INN_YANDEX, "VITA", true));
    bitrix_client_paying(&mut book, "B-1", "ALFA", "20000");
    bitrix_client_paying(&mut book, "B-2", "VITA", "30000");
    book
}

fn act_for(book: &mut Book, partner: &str, date: chrono::NaiveDate, amount: &str) -> String {
    let actor = actor();
    let req = ConvertRequest {
        partner: partner.into(),
        date,
        amount: Some(amount.parse().expect("amount")),
        payout_kind: None,
        key: None,
    };
    book.write(|tx| convert(tx, &actor, &req))
        .expect("converted")
        .act
}

fn go(book: &mut Book, act: &str, steps: &[ActStep]) {
    let actor = actor();
    for step in steps {
        book.write(|tx| act_step(tx, &actor, act, step))
            .expect("a step");
    }
}

#[test]
fn the_register_holds_payouts_paid_in_the_month_and_unpaid_ones_due_by_its_end() {
    let mut book = book_of_two();
    let paid = act_for(&mut book, "P-A", day(2026, 3, 10), "5000");
    go(
        &mut book,
        &paid,
        &[
            ActStep::Send(day(2026, 3, 11)),
            ActStep::Sign(day(2026, 3, 12)),
            ActStep::Pay(day(2026, 3, 20)),
        ],
    );
    let due = act_for(&mut book, "P-V", day(2026, 3, 10), "12345.67");
    go(
        &mut book,
        &due,
        &[
            ActStep::Send(day(2026, 3, 11)),
            ActStep::Sign(day(2026, 3, 12)),
        ],
    );
    act_for(&mut book, "P-A", day(2026, 3, 10), "5000"); // a draft: not on the register
    let register = payout_register(book.db(), "2026-03", day(2026, 4, 1)).expect("register");
    let lines: Vec<_> = register
        .lines
        .iter()
        .map(|l| {
            (
                l.act_number.as_str(),
                l.amount.to_string(),
                l.paid.is_some(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("2026-0001", "5000.00".to_owned(), true),
            ("2026-0002", "12345.67".to_owned(), false)
        ]
    );
    assert_eq!(
        register.totals(),
        [(
            "RUB".to_owned(),
            "17345.67".parse::<Decimal>().expect("sum")
        )]
    );
    let sum: Decimal = register.lines.iter().map(|l| l.amount).sum();
    assert_eq!(
        register.totals()[0].1,
        sum,
        "the total is the sum of the lines"
    );
    let line = &register.lines[1];
    assert_eq!(line.inn.as_deref(), Some(INN_YANDEX));
    assert_eq!(line.account.as_deref(), Some("40702810938000000001"));
    assert!(
        line.purpose.contains("2026-0002") && line.purpose.contains("НДС 22 %"),
        "{}",
        line.purpose
    );
    assert!(
        register.lines[0].purpose.contains("Без налога (НДС)"),
        "{}",
        register.lines[0].purpose
    );
    let april = payout_register(book.db(), "2026-04", day(2026, 5, 1)).expect("april");
    assert_eq!(april.lines.len(), 1, "the unpaid one stays until paid");
    let february = payout_register(book.db(), "2026-02", day(2026, 3, 1)).expect("february");
    assert!(february.lines.is_empty());
    assert_eq!(
        payout_register(book.db(), "2026-13", day(2026, 3, 1))
            .expect_err("no month")
            .code(),
        "register_month"
    );
}

#[test]
fn an_act_shows_vat_by_the_partner_and_fixes_its_parties_when_sent() {
    let mut book = book_of_two();
    let with_vat = act_for(&mut book, "P-V", day(2026, 3, 10), "6100");
    let doc = act_document(book.db(), &get_act(book.db(), &with_vat).expect("act")).expect("doc");
    let vat = doc.vat.expect("a VAT payer");
    assert_eq!(vat.rate, Decimal::from(22));
    assert_eq!(vat.amount.to_string(), "1100.00", "6 100 × 22 / 122");
    assert_eq!(doc.seller.inn.as_deref(), Some(INN_YANDEX));
    assert_eq!(doc.buyer.name, "ООО «Вендор»");
    assert_eq!(doc.contract_no.as_deref(), Some("Д-P-V"));
    assert!(doc.service.contains("10.03.2026"), "{}", doc.service);
    assert!(
        doc.conversion_note.is_some(),
        "bonuses are converted to roubles"
    );
    let without = act_for(&mut book, "P-A", day(2026, 3, 10), "5000");
    let doc = act_document(book.db(), &get_act(book.db(), &without).expect("act")).expect("doc");
    assert_eq!(doc.vat, None);

    go(&mut book, &with_vat, &[ActStep::Send(day(2026, 3, 11))]);
    let actor = actor();
    book.write(|tx| {
        update_partner(
            tx,
            &actor,
            "P-V",
            PartnerInput {
                address: s("Новый адрес"),
                ..partner("P-V", INN_YANDEX, "VITA", true)
            },
        )
    })
    .expect("moved");
    let sent = act_document(book.db(), &get_act(book.db(), &with_vat).expect("act")).expect("doc");
    assert_ne!(
        sent.seller.address.as_deref(),
        Some("Новый адрес"),
        "a sent act keeps its requisites"
    );
    let draft = act_for(&mut book, "P-V", day(2026, 3, 12), "5000");
    let fresh = act_document(book.db(), &get_act(book.db(), &draft).expect("act")).expect("doc");
    assert_eq!(
        fresh.seller.address.as_deref(),
        Some("Новый адрес"),
        "a draft shows the card as it is"
    );
}

#[test]
fn documents_need_the_vendors_requisites() {
    let mut book = book_of_two();
    let act = act_for(&mut book, "P-A", day(2026, 3, 10), "5000");
    book.db()
        .execute("DELETE FROM settings WHERE key = 'vendor'", [])
        .expect("vendor forgotten");
    let err =
        act_document(book.db(), &get_act(book.db(), &act).expect("act")).expect_err("no vendor");
    assert_eq!(err.code(), "vendor_missing");
}

#[test]
fn a_statement_opens_with_the_balance_before_and_closes_with_the_balance_after() {
    let mut book = book_of_two();
    let act = act_for(&mut book, "P-A", day(2026, 3, 10), "6000");
    go(
        &mut book,
        &act,
        &[
            ActStep::Send(day(2026, 3, 11)),
            ActStep::Reject(day(2026, 3, 12), "ошибка в акте".into()),
        ],
    );
    act_for(&mut book, "P-A", day(2026, 3, 13), "5000");
    let whole = statement(
        book.db(),
        "P-A",
        day(2026, 3, 1),
        day(2026, 3, 31),
        day(2026, 4, 1),
    )
    .expect("statement");
    assert_eq!(whole.opening, Decimal::ZERO);
    let kinds: Vec<_> = whole
        .lines
        .iter()
        .map(|l| (l.kind.as_str(), l.amount.to_string()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Начисление", "10000.00".to_owned()),
            ("Конвертация", "-6000.00".to_owned()),
            ("Возврат конвертации", "6000.00".to_owned()),
            ("Конвертация", "-5000.00".to_owned()),
        ]
    );
    assert_eq!(whole.closing.to_string(), "5000.00");
    assert!(
        whole.lines[2].reason.contains("ошибка в акте"),
        "{}",
        whole.lines[2].reason
    );
    let later = statement(
        book.db(),
        "P-A",
        day(2026, 3, 11),
        day(2026, 3, 31),
        day(2026, 4, 1),
    )
    .expect("later");
    assert_eq!(later.opening.to_string(), "4000.00");
    assert_eq!(later.closing, whole.closing);
    let err = statement(
        book.db(),
        "P-A",
        day(2026, 3, 31),
        day(2026, 3, 1),
        day(2026, 4, 1),
    )
    .expect_err("backwards");
    assert_eq!(err.code(), "bad_period");
}
