//! A bank statement closes the payouts: the statement is made from the book's own payment
//! orders (the register's 1CClientBankExchange file) as the bank sends it back, debited;
//! its debits mark exactly those acts paid, with the ledger's payout entries; every other
//! debit is listed with its reason; the same statement again changes nothing; a malformed
//! file is refused by line and key and changes nothing.

mod common;
#[path = "statement_cases/mod.rs"]
mod statement_cases;

use common::*;
use partnerbook_core::acts::{statement_apply, statement_preview, StatementReport};
use partnerbook_core::documents::sample_statement::{windows_1251, Order};
use partnerbook_core::Lang;
use statement_cases::*;

fn numbers(rows: &[partnerbook_core::acts::StatementPaid]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|p| (p.act.clone(), p.date.clone(), p.amount.clone()))
        .collect()
}

fn reasons(report: &StatementReport) -> Vec<(String, String, String)> {
    report
        .unmatched
        .iter()
        .map(|u| (u.number.clone(), u.amount.clone(), u.code.clone()))
        .collect()
}

#[test]
fn the_banks_statement_of_the_books_own_orders_pays_exactly_those_acts() {
    let mut scene = scene();
    let text = statement(&scene, &[]);
    let bytes = windows_1251(&text);

    let preview = statement_preview(scene.book.db(), &bytes, Lang::Ru).expect("a preview");
    assert!(!preview.applied);
    assert_eq!(
        statuses(&scene),
        before_statement(),
        "a preview changes nothing"
    );

    let report = statement_apply(&mut scene.book, &bytes, &actor(), Lang::Ru).expect("applied");
    assert!(report.applied);
    assert_eq!(
        numbers(&report.paid),
        [
            (scene.a.clone(), "2026-03-20".into(), "5000.00".into()),
            (scene.v.clone(), "2026-03-20".into(), "6100.00".into()),
        ]
    );
    assert_eq!(report.paid, preview.paid, "the preview said what was done");
    assert!(report.already_paid.is_empty() && report.unmatched.is_empty());
    assert_eq!(report.paid[0].partner, "P-A");
    assert_eq!(report.paid[0].name, "ООО «Партнёр P-A»");
    assert_eq!(
        statuses(&scene),
        [
            ("paid", Some("2026-03-20".into())),
            ("paid", Some("2026-03-20".into())),
            ("sent", None),
            ("signed", None),
        ]
    );
    assert_eq!(
        payouts(&scene, "P-A"),
        [("2026-03-20".into(), "5000.00".into())]
    );
    assert_eq!(
        payouts(&scene, "P-V"),
        [("2026-03-20".into(), "6100.00".into())]
    );
    assert_eq!(
        balance(&scene.book, "P-V", day(2026, 3, 31)).paid,
        "6100.00"
    );
}

#[test]
fn every_other_debit_is_listed_with_its_reason_and_credits_are_skipped() {
    let mut scene = scene();
    let purpose = |act: &str| format!("Партнёрское вознаграждение по акту № {act} от 10.03.2026");
    let (pa, pv, ps) = (purpose(&scene.a), purpose(&scene.v), purpose(&scene.sent));
    let extra = [
        order("101", "6000.00", INN_YANDEX, &pv).debit(),
        order(
            "102",
            "100.00",
            INN_SBER,
            "Партнёрское вознаграждение по акту № 2026-0999",
        )
        .debit(),
        order("103", "5000.00", INN_YANDEX, &pa).debit(),
        order("104", "5000.00", INN_SBER, &ps).debit(),
        order("105", "5000.00", INN_SBER, &pa).debit(),
        order("106", "50.00", INN_SBER, "Оплата услуг связи").debit(),
        Order {
            payer_account: PARTNER_ACCOUNT,
            recipient_account: VENDOR_ACCOUNT,
            ..order("107", "9999.00", INN_TBANK, "Оплата по счёту")
        }
        .credit(),
        Order {
            payer_account: PARTNER_ACCOUNT,
            ..order("108", "10.00", INN_SBER, &pa)
        }
        .debit(),
    ];
    // c's order debited on 11.03, the day before c was signed.
    let (a, v, c) = (scene.a.clone(), scene.v.clone(), scene.c.clone());
    let debited = move |act: &str| {
        Some(if act == c {
            day(2026, 3, 11)
        } else {
            day(2026, 3, 20)
        })
    };
    let text = statement_with(&scene, &debited, &extra);
    let report = statement_apply(&mut scene.book, &windows_1251(&text), &actor(), Lang::Ru)
        .expect("read, even with debits that match nothing");
    assert_eq!(
        numbers(&report.paid),
        [
            (a, "2026-03-20".into(), "5000.00".into()),
            (v, "2026-03-20".into(), "6100.00".into()),
        ]
    );
    assert_eq!(
        reasons(&report),
        [
            ("3".into(), "7000.00".into(), "before_signed".into()),
            ("101".into(), "6000.00".into(), "amount_differs".into()),
            ("102".into(), "100.00".into(), "no_such_act".into()),
            ("103".into(), "5000.00".into(), "recipient_differs".into()),
            ("104".into(), "5000.00".into(), "act_not_signed".into()),
            ("105".into(), "5000.00".into(), "paid_twice".into()),
            ("106".into(), "50.00".into(), "no_act_number".into()),
        ]
    );
    let said: Vec<&str> = report.unmatched.iter().map(|u| u.reason.as_str()).collect();
    assert_eq!(
        said[0],
        format!(
            "списание раньше последнего шага акта № {} (12.03.2026)",
            scene.c
        )
    );
    assert_eq!(
        said[1],
        format!("сумма не та: по акту № {} — 6100.00", scene.v)
    );
    assert_eq!(said[2], "акта № 2026-0999 нет в книге");
    assert_eq!(
        said[3],
        format!(
            "ИНН получателя не тот: у партнёра по акту № {} ИНН {INN_SBER}",
            scene.a
        )
    );
    assert_eq!(
        said[4],
        format!("акт № {} ещё не подписан (отправлен)", scene.sent)
    );
    assert_eq!(
        report.skipped, 2,
        "the credit and the other account's debit"
    );
    assert_eq!(report.unmatched[1].date, "2026-03-20");
    assert_eq!(report.unmatched[1].act.as_deref(), Some(scene.v.as_str()));
    assert_eq!(report.unmatched[2].act, None);
    assert_eq!(
        statuses(&scene)[2..],
        before_statement()[2..],
        "the others untouched"
    );

    let english = statement_preview(scene.book.db(), &windows_1251(&text), Lang::En).expect("en");
    assert_eq!(
        english.unmatched[4].reason,
        format!("act {} is not signed yet (sent)", scene.sent)
    );
}

#[test]
fn the_same_statement_again_changes_nothing() {
    let mut scene = scene();
    let bytes = windows_1251(&statement(&scene, &[]));
    let first = statement_apply(&mut scene.book, &bytes, &actor(), Lang::Ru).expect("first");
    let ledger = ledger_rows(&scene);
    let acts = statuses(&scene);
    let audit = audit_rows(&scene);

    let again = statement_apply(&mut scene.book, &bytes, &actor(), Lang::Ru).expect("again");
    assert!(again.paid.is_empty(), "{again:?}");
    assert_eq!(numbers(&again.already_paid), numbers(&first.paid));
    assert!(again.unmatched.is_empty());
    assert_eq!(ledger_rows(&scene), ledger, "no entry added");
    assert_eq!(statuses(&scene), acts);
    assert_eq!(audit_rows(&scene), audit, "nothing recorded");
}

#[test]
fn windows_1251_and_utf8_with_lf_read_the_same() {
    let scene = scene();
    let text = statement(&scene, &[]);
    let cp1251 = statement_preview(scene.book.db(), &windows_1251(&text), Lang::Ru).expect("1251");
    let utf8 = text.replace("\r\n", "\n");
    let from_utf8 = statement_preview(scene.book.db(), utf8.as_bytes(), Lang::Ru).expect("UTF-8");
    assert_eq!(cp1251, from_utf8);
    assert_eq!(cp1251.paid.len(), 2);
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let from_bom = statement_preview(scene.book.db(), &with_bom, Lang::Ru).expect("UTF-8 BOM");
    assert_eq!(from_bom, cp1251);
}
