//! The totals the screens show come from the core (the UI adds no money): the balances
//! table's line per unit (following its search), what is ready to convert per unit (the
//! batch dialog and Сводка), the payout register per currency, and what an annulment
//! would take. Checked against sums made here from the rows, on the demo book.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use partnerbook_core::acts::{payout_register, ready_list};
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::documents::RegisterView;
use partnerbook_core::ledger::{balance_table, partner_ledger, BalanceQuery};
use partnerbook_core::overview::overview;
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use rust_decimal::Decimal;

fn dec(text: &str) -> Decimal {
    text.parse()
        .unwrap_or_else(|_| panic!("«{text}» is a decimal"))
}

fn demo() -> (Book, NaiveDate) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a day");
    let mut book = Book::open_in_memory().expect("a book");
    fill_demo(
        &mut book,
        &Actor::new("demo", today.and_hms_opt(12, 0, 0).expect("a time")),
    )
    .expect("the demo");
    (book, today)
}

#[test]
fn the_balances_totals_are_the_rows_summed_per_unit_and_follow_the_search() {
    let (book, today) = demo();
    for search in [None, Some("ооо"), Some("нет такого партнёра")] {
        let query = BalanceQuery {
            as_of: today,
            program: None,
            search: search.map(str::to_owned),
            sort: None,
            descending: None,
        };
        let table = balance_table(book.db(), &query).expect("the balances table");
        let mut want: BTreeMap<String, (u32, Decimal, Decimal)> = BTreeMap::new();
        for r in &table.rows {
            let e = want.entry(r.unit.clone()).or_default();
            e.0 += 1;
            e.1 += dec(&r.available);
            e.2 += dec(&r.accrued);
        }
        let have: BTreeMap<String, (u32, Decimal, Decimal)> = table
            .totals
            .iter()
            .map(|t| {
                (
                    t.unit.clone(),
                    (t.count, dec(&t.available), dec(&t.accrued)),
                )
            })
            .collect();
        assert_eq!(have, want, "search {search:?}");
        if search.is_none() {
            assert!(
                table.totals.len() >= 2,
                "the demo has several units: {:?}",
                table.totals
            );
            assert!(
                table.totals.iter().all(|t| t.available.contains('.')),
                "{:?}",
                table.totals
            );
        }
    }
}

#[test]
fn what_is_ready_is_summed_per_unit_for_the_batch_and_the_overview() {
    let (book, today) = demo();
    let list = ready_list(book.db(), today, None).expect("what is ready");
    assert!(!list.rows.is_empty(), "the demo has balances ready");
    let mut want: BTreeMap<String, (u32, Decimal)> = BTreeMap::new();
    for r in &list.rows {
        let e = want.entry(r.unit.clone()).or_default();
        e.0 += 1;
        e.1 += dec(&r.available);
    }
    let have: BTreeMap<String, (u32, Decimal)> = list
        .totals
        .iter()
        .map(|t| (t.unit.clone(), (t.count, dec(&t.available))))
        .collect();
    assert_eq!(have, want);
    let summary = overview(book.db(), today).expect("Сводка");
    assert_eq!(summary.ready, list.rows);
    assert_eq!(summary.ready_totals, list.totals);
}

#[test]
fn the_register_is_summed_per_currency_and_an_annulment_takes_available_and_on_hold() {
    let (book, today) = demo();
    // The latest month of the year whose register has payouts.
    let register = (1..=today.month())
        .rev()
        .map(|m| {
            payout_register(book.db(), &format!("{}-{m:02}", today.year()), today)
                .expect("a register")
        })
        .find(|r| !r.lines.is_empty())
        .expect("a month of the demo with payouts");
    let view = RegisterView::of(register.clone());
    let mut want: BTreeMap<String, (u32, Decimal)> = BTreeMap::new();
    for l in &register.lines {
        let e = want.entry(l.currency.clone()).or_default();
        e.0 += 1;
        e.1 += l.amount;
    }
    let have: BTreeMap<String, (u32, Decimal)> = view
        .totals
        .iter()
        .map(|t| (t.currency.clone(), (t.count, t.amount)))
        .collect();
    assert_eq!(have, want);
    assert_eq!(view.register, register);

    let query = BalanceQuery {
        as_of: today,
        program: None,
        search: None,
        sort: None,
        descending: None,
    };
    let rows = balance_table(book.db(), &query).expect("balances").rows;
    let held = rows
        .iter()
        .find(|r| dec(&r.on_hold) != Decimal::ZERO && dec(&r.available) != Decimal::ZERO)
        .or_else(|| rows.iter().find(|r| dec(&r.available) != Decimal::ZERO))
        .expect("a partner with money");
    let ledger = partner_ledger(book.db(), &held.partner, today, Lang::Ru).expect("the ledger");
    assert_eq!(
        dec(&ledger.unconverted),
        dec(&held.available) + dec(&held.on_hold),
        "{}",
        held.partner
    );
}
