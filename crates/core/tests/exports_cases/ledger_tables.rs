//! Балансы, a partner's ledger, «Без начисления» and Акты exported as shown: money cells
//! are numbers equal to the book's amounts, days are dates, totals rows under the lines.

use calamine::Data;
use partnerbook_core::acts::{acts_page, ActQuery, ActStatus};
use partnerbook_core::exports::TableQuery;
use partnerbook_core::ledger::{
    balances, partner_entries, unearned_page, BalanceQuery, BalanceSort, UnearnedQuery,
};
use partnerbook_core::partners::MAX_PAGE;
use partnerbook_core::Lang;
use rust_decimal::Decimal;

use crate::common::*;
use crate::{book_of_every_table, export, today, ui_headers};

fn money(text: &str) -> Decimal {
    text.parse().expect("an amount")
}

const BALANCE_HEADERS: [&str; 10] = [
    "col.partner",
    "col.name",
    "col.program",
    "balance.accrued",
    "balance.reversed",
    "balance.annulled",
    "balance.on_hold",
    "balance.available",
    "balance.converted",
    "balance.paid",
];

#[test]
fn balances_searched_and_sorted_by_what_is_available_with_a_total_per_unit() {
    let book = book_of_every_table();
    let query = BalanceQuery {
        as_of: day(2026, 12, 31),
        program: s("bitrix24"),
        search: s(" ооо "),
        sort: Some(BalanceSort::Available),
        descending: Some(true),
    };
    let (name, workbook) = export(&book, TableQuery::Balances { query }, Lang::Ru);
    assert_eq!(name, "balances-bitrix24-2026-12-31.xlsx");
    let sheet = workbook.sheet(0);
    assert_eq!(sheet.name, "Балансы");
    assert_eq!(sheet.headers(), ui_headers(&BALANCE_HEADERS, Lang::Ru));
    let all = balances(book.db(), day(2026, 12, 31), Some("bitrix24")).expect("balances");
    let found: Vec<_> = all.iter().filter(|b| b.name.contains("ООО")).collect();
    assert_eq!(found.len(), 3);
    assert_eq!(
        sheet.height(),
        found.len() + 1,
        "the rows, then one bonus total"
    );
    // P-1: 22 000,25 accrued, 11 000 converted; P-2: 5 000; P-10: nothing.
    assert_eq!(sheet.column(0, 3), ["P-1", "P-2", "P-10"]);
    for (at, partner) in [(1, "P-1"), (2, "P-2"), (3, "P-10")] {
        let row = all.iter().find(|b| b.partner == partner).expect("listed");
        assert_eq!(sheet.text(at, 1).as_ref(), Some(&row.name));
        assert_eq!(
            sheet.text(at, 2).as_deref(),
            Some("bitrix24"),
            "the id, as shown"
        );
        let book_amounts = [
            &row.accrued,
            &row.reversed,
            &row.annulled,
            &row.on_hold,
            &row.available,
            &row.converted,
            &row.paid,
        ];
        for (column, amount) in (3..).zip(book_amounts) {
            assert_eq!(
                sheet.amount(at, column),
                money(amount),
                "{partner} {column}"
            );
        }
    }
    assert_eq!(sheet.amount(1, 3), money("22000.25"));
    assert_eq!(sheet.amount(1, 7), money("11000.25"));
    assert_eq!(
        sheet.text(4, 0).as_deref(),
        Some("Итого, бонусы (партнёров: 3)")
    );
    assert_eq!(sheet.amount(4, 3), money("27000.25"));
    assert_eq!(sheet.amount(4, 8), money("11000"));
}

#[test]
fn a_partners_ledger_has_its_entries_with_dates_words_and_amounts() {
    let book = book_of_every_table();
    let table = TableQuery::Ledger {
        partner: "P-1".into(),
    };
    let (name, workbook) = export(&book, table, Lang::Ru);
    assert_eq!(name, "ledger-P-1-2026-03-20.xlsx");
    let sheet = workbook.sheet(0);
    assert_eq!(
        sheet.headers(),
        ui_headers(
            &[
                "col.date",
                "col.entryKind",
                "col.amount",
                "col.availableOn",
                "col.reason"
            ],
            Lang::Ru
        )
    );
    assert!(
        workbook.styles.contains(r#"formatCode="dd.mm.yyyy""#),
        "days shown as ДД.ММ.ГГГГ"
    );
    assert!(
        workbook.styles.contains("бонусов"),
        "bonuses shown in their unit"
    );
    let entries = partner_entries(book.db(), "P-1", Lang::Ru).expect("the ledger");
    assert_eq!(entries.len(), 4, "two credits, two conversions");
    assert_eq!(sheet.height(), entries.len());
    for (i, e) in entries.iter().enumerate() {
        let at = i + 1;
        assert_eq!(
            sheet.date(at, 0).map(|d| d.to_string()).as_ref(),
            Some(&e.date)
        );
        assert_eq!(sheet.amount(at, 2), money(&e.amount));
        assert_eq!(sheet.text(at, 4).as_ref(), Some(&e.reason));
        let (kind, available) = match e.kind.as_str() {
            "credit" => ("начисление", Some(e.available_on.clone())),
            "conversion" => ("конвертация", None),
            other => panic!("unexpected entry {other}"),
        };
        assert_eq!(sheet.text(at, 1).as_deref(), Some(kind));
        assert_eq!(sheet.date(at, 3).map(|d| d.to_string()), available);
    }
    let missing = partnerbook_core::exports::export_table(
        book.db(),
        &partnerbook_core::exports::ExportRequest {
            lang: Lang::Ru,
            table: TableQuery::Ledger {
                partner: "P-404".into(),
            },
        },
        today(),
    );
    assert_eq!(missing.expect_err("no such partner").code(), "not_found");
}

#[test]
fn payments_that_earned_nothing_for_one_reason() {
    let book = book_of_every_table();
    let query = UnearnedQuery {
        reason: s("not_bound"),
        limit: Some(1),
        ..UnearnedQuery::default()
    };
    let (_, workbook) = export(
        &book,
        TableQuery::Unearned {
            query: query.clone(),
        },
        Lang::Ru,
    );
    let sheet = workbook.sheet(0);
    assert_eq!(
        sheet.headers(),
        ui_headers(
            &[
                "col.date",
                "col.payment",
                "col.program",
                "col.client",
                "col.partner",
                "col.amount",
                "col.reason"
            ],
            Lang::Ru
        )
    );
    let page = unearned_page(
        book.db(),
        &UnearnedQuery {
            limit: Some(MAX_PAGE),
            ..query
        },
        Lang::Ru,
    )
    .expect("a page");
    assert_eq!(page.total, 1);
    assert_eq!(sheet.height(), 1);
    let row = &page.rows[0];
    assert_eq!(sheet.date(1, 0), Some(day(2026, 3, 5)));
    assert_eq!(sheet.text(1, 1).as_deref(), Some("U-1"));
    assert_eq!(sheet.text(1, 2).as_deref(), Some("bitrix24"));
    assert_eq!(sheet.cell(1, 4), Data::Empty, "no partner");
    assert_eq!(sheet.amount(1, 5), money("700"));
    assert_eq!(sheet.text(1, 6).as_ref(), Some(&row.reason));
}

const ACT_HEADERS: [&str; 11] = [
    "col.actNumber",
    "col.date",
    "col.partner",
    "col.name",
    "col.program",
    "col.amount",
    "col.money",
    "col.status",
    "col.signDue",
    "col.payDue",
    "col.paid",
];

#[test]
fn acts_of_a_program_newest_first_with_the_money_total() {
    let book = book_of_every_table();
    let query = ActQuery {
        program: s("bitrix24"),
        limit: Some(1),
        ..ActQuery::default()
    };
    let (name, workbook) = export(
        &book,
        TableQuery::Acts {
            query: query.clone(),
        },
        Lang::Ru,
    );
    assert_eq!(name, "acts-2026-03-20.xlsx");
    let sheet = workbook.sheet(0);
    assert_eq!(sheet.headers(), ui_headers(&ACT_HEADERS, Lang::Ru));
    let page = acts_page(
        book.db(),
        &ActQuery {
            limit: None,
            ..query
        },
        today(),
    )
    .expect("a page");
    assert_eq!(page.total, 2);
    assert_eq!(sheet.height(), 3, "two acts and the RUB total");
    let numbers: Vec<String> = page.rows.iter().map(|r| r.number.clone()).collect();
    assert_eq!(sheet.column(0, 2), numbers);
    assert_eq!(
        sheet.column(0, 2),
        ["2026-0002", "2026-0001"],
        "newest first"
    );
    // The sent act: its state in words, the day to sign by as a date.
    let sent = page
        .rows
        .iter()
        .find(|r| r.status == ActStatus::Sent)
        .expect("a sent act");
    assert_eq!(sheet.text(2, 7).as_deref(), Some("отправлен"));
    assert_eq!(
        sheet.date(2, 8).map(|d| d.to_string()),
        sent.sign_due.clone()
    );
    assert_eq!(sheet.text(1, 7).as_deref(), Some("черновик"));
    assert_eq!(sheet.date(1, 8), None);
    assert_eq!(sheet.date(1, 1), Some(day(2026, 3, 11)));
    assert_eq!(sheet.text(1, 2).as_deref(), Some("P-1"));
    assert_eq!(sheet.text(1, 3).as_deref(), Some("ООО «Альфа»"));
    assert_eq!(sheet.amount(1, 5), money("6000"));
    assert_eq!(sheet.amount(2, 6), money(&sent.money));
    let total = &page.totals[0];
    assert_eq!(sheet.text(3, 0).as_deref(), Some("Итого, ₽ (актов: 2)"));
    assert_eq!(sheet.amount(3, 6), money(&total.money));
    assert_eq!(sheet.cell(3, 5), Data::Empty);
}

#[test]
fn a_partners_own_acts_leave_out_the_partner() {
    let book = book_of_every_table();
    let query = ActQuery {
        partner: s("P-1"),
        status: Some(ActStatus::Draft),
        ..ActQuery::default()
    };
    let (name, workbook) = export(&book, TableQuery::Acts { query }, Lang::En);
    assert_eq!(name, "acts-P-1-2026-03-20.xlsx");
    let sheet = workbook.sheet(0);
    let keys: Vec<&str> = ACT_HEADERS
        .into_iter()
        .filter(|k| *k != "col.partner" && *k != "col.name")
        .collect();
    assert_eq!(sheet.headers(), ui_headers(&keys, Lang::En));
    assert_eq!(sheet.height(), 2, "the draft and the total");
    assert_eq!(sheet.text(1, 0).as_deref(), Some("2026-0002"));
    assert_eq!(sheet.date(1, 1), Some(day(2026, 3, 11)));
    assert!(
        workbook.styles.contains(r#"formatCode="yyyy-mm-dd""#),
        "days shown as the English screens write them"
    );
    assert_eq!(sheet.text(1, 5).as_deref(), Some("draft"));
    assert_eq!(sheet.text(2, 0).as_deref(), Some("Total, ₽ (1 acts)"));
}
