//! The acts list the screens page through: one act by its id or number, the filters,
//! and the money of everything matched per currency (not only the page shown).

mod common;

use common::*;
use partnerbook_core::acts::{
    act_step, acts_page, convert, ActQuery, ActStatus, ActStep, ConvertRequest,
};
use partnerbook_core::store::Book;

/// A bitrix24 partner with a contract whose client's first purchase of 40 000 on
/// 2026-03-02 credits 20 000 bonuses.
fn book_with_bonuses() -> Book {
    let mut book = book();
    set_vendor(&mut book);
    add_partner(
        &mut book,
        partnerbook_core::partners::PartnerInput {
            contract_no: s("Д-1"),
            contract_date: s("2025-01-15"),
            ..ooo("P-A", "bitrix24", INN_SBER, "ALFA")
        },
    );
    bitrix_client_paying(&mut book, "B-1", "ALFA", "40000");
    book
}

fn act_for(book: &mut Book, date: chrono::NaiveDate, amount: &str) -> String {
    let actor = actor();
    let req = ConvertRequest {
        partner: "P-A".into(),
        date,
        amount: Some(amount.parse().expect("an amount")),
        payout_kind: None,
        key: None,
    };
    book.write(|tx| convert(tx, &actor, &req))
        .expect("converted")
        .act
}

#[test]
fn one_act_is_found_by_its_id_or_its_number() {
    let mut book = book_with_bonuses();
    act_for(&mut book, day(2026, 3, 10), "5000");
    let second = act_for(&mut book, day(2026, 3, 11), "6000");
    let today = day(2026, 3, 12);
    for id in [second.as_str(), "2026-0002", " 2026-0002 "] {
        let query = ActQuery {
            act: Some(id.to_owned()),
            ..ActQuery::default()
        };
        let page = acts_page(book.db(), &query, today).expect("a page");
        assert_eq!(page.total, 1, "{id}");
        assert_eq!(page.rows[0].number, "2026-0002");
        assert_eq!(page.rows[0].amount, "6000.00");
    }
    let none = ActQuery {
        act: Some("2026-0099".into()),
        ..ActQuery::default()
    };
    assert_eq!(acts_page(book.db(), &none, today).expect("a page").total, 0);
}

#[test]
fn the_totals_sum_every_matching_act_not_only_the_page() {
    let mut book = book_with_bonuses();
    let first = act_for(&mut book, day(2026, 3, 10), "5000");
    act_for(&mut book, day(2026, 3, 11), "6000");
    act_for(&mut book, day(2026, 4, 1), "7000.50");
    let actor = actor();
    book.write(|tx| act_step(tx, &actor, &first, &ActStep::Send(day(2026, 3, 11))))
        .expect("sent");
    let today = day(2026, 4, 2);

    let one_row = ActQuery {
        limit: Some(1),
        ..ActQuery::default()
    };
    let page = acts_page(book.db(), &one_row, today).expect("a page");
    assert_eq!((page.total, page.rows.len()), (3, 1));
    assert_eq!(page.totals.len(), 1);
    assert_eq!(page.totals[0].currency, "RUB");
    assert_eq!(page.totals[0].count, 3);
    assert_eq!(page.totals[0].money, "18000.50");

    let march_drafts = ActQuery {
        status: Some(ActStatus::Draft),
        month: Some("2026-03".into()),
        ..ActQuery::default()
    };
    let page = acts_page(book.db(), &march_drafts, today).expect("a page");
    assert_eq!(page.total, 1);
    assert_eq!(page.totals[0].money, "6000.00");

    let overdue = ActQuery {
        overdue: Some(true),
        ..ActQuery::default()
    };
    let page = acts_page(book.db(), &overdue, today).expect("a page");
    assert_eq!(page.rows.len(), 1, "sent on 11.03, to sign by 16.03");
    assert!(page.rows[0].overdue);
    assert_eq!(page.totals[0].money, "5000.00");

    let nothing = ActQuery {
        month: Some("2025-01".into()),
        ..ActQuery::default()
    };
    assert!(acts_page(book.db(), &nothing, today)
        .expect("a page")
        .totals
        .is_empty());
}
