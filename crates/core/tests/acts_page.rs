//! The acts list the screens page through: one act by its id or number, the filters,
//! and the money of everything matched per currency (not only the page shown).

mod common;

use common::*;
use partnerbook_core::acts::{
    act_step, acts_page, convert, ActQuery, ActSort, ActStatus, ActStep, ConvertRequest,
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
    act_of(book, "P-A", date, amount)
}

fn act_of(book: &mut Book, partner: &str, date: chrono::NaiveDate, amount: &str) -> String {
    let actor = actor();
    let req = ConvertRequest {
        partner: partner.into(),
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

/// The numbers of the acts `query` finds, in its order.
fn numbers(book: &Book, query: ActQuery) -> Vec<String> {
    acts_page(book.db(), &query, day(2026, 4, 2))
        .expect("a page")
        .rows
        .into_iter()
        .map(|r| r.number)
        .collect()
}

/// P-A («ООО «Партнёр P-A»») with acts 0001 (5 000, 10.03), 0002 (6 000, 11.03, sent),
/// 0004 (5 000, 01.04); «ООО «Бета»» (P-B) with act 0003 (7 000, 12.03).
fn two_partners_acts() -> Book {
    let mut book = book_with_bonuses();
    add_partner(
        &mut book,
        partnerbook_core::partners::PartnerInput {
            name: s("ООО «Бета»"),
            contract_no: s("Д-2"),
            contract_date: s("2025-01-15"),
            ..ooo("P-B", "bitrix24", INN_YANDEX, "BETA")
        },
    );
    bitrix_client_paying(&mut book, "B-2", "BETA", "40000");
    act_of(&mut book, "P-A", day(2026, 3, 10), "5000");
    let second = act_of(&mut book, "P-A", day(2026, 3, 11), "6000");
    act_of(&mut book, "P-B", day(2026, 3, 12), "7000");
    act_of(&mut book, "P-A", day(2026, 4, 1), "5000");
    let actor = actor();
    book.write(|tx| act_step(tx, &actor, &second, &ActStep::Send(day(2026, 3, 11))))
        .expect("sent");
    book
}

#[test]
fn the_search_finds_acts_by_number_and_by_partner_id_name_or_code() {
    let book = two_partners_acts();
    let search = |text: &str| {
        numbers(
            &book,
            ActQuery {
                search: Some(text.into()),
                ..ActQuery::default()
            },
        )
    };
    assert_eq!(search("0003"), ["2026-0003"]);
    assert_eq!(search("  бета "), ["2026-0003"], "the name, case aside");
    assert_eq!(search("БЕТА"), ["2026-0003"]);
    assert_eq!(search("p-a"), ["2026-0004", "2026-0002", "2026-0001"]);
    assert_eq!(
        search("alfa"),
        ["2026-0004", "2026-0002", "2026-0001"],
        "the partner's code"
    );
    assert_eq!(
        search("2026-00"),
        ["2026-0004", "2026-0003", "2026-0002", "2026-0001"]
    );
    assert!(search("нет такого").is_empty());
    assert_eq!(search("").len(), 4, "an empty search filters nothing");

    let found = acts_page(
        book.db(),
        &ActQuery {
            search: Some("бета".into()),
            ..ActQuery::default()
        },
        day(2026, 4, 2),
    )
    .expect("a page");
    assert_eq!(found.total, 1);
    assert_eq!(
        found.totals[0].money, "7000.00",
        "the totals follow the search"
    );
}

#[test]
fn the_acts_sort_by_number_date_partner_amount_and_status_both_ways() {
    let book = two_partners_acts();
    let sorted = |sort: ActSort, descending: bool| {
        numbers(
            &book,
            ActQuery {
                sort: Some(sort),
                descending: Some(descending),
                ..ActQuery::default()
            },
        )
    };
    assert_eq!(
        sorted(ActSort::Number, false),
        ["2026-0001", "2026-0002", "2026-0003", "2026-0004"]
    );
    assert_eq!(
        sorted(ActSort::Number, true),
        ["2026-0004", "2026-0003", "2026-0002", "2026-0001"]
    );
    assert_eq!(
        sorted(ActSort::Date, false),
        ["2026-0001", "2026-0002", "2026-0003", "2026-0004"]
    );
    // «ООО «Бета»» before «ООО «Партнёр P-A»».
    assert_eq!(
        sorted(ActSort::Partner, false),
        ["2026-0003", "2026-0001", "2026-0002", "2026-0004"]
    );
    // Equal amounts (0001 and 0004) keep the row order, turned round too.
    assert_eq!(
        sorted(ActSort::Amount, true),
        ["2026-0003", "2026-0002", "2026-0004", "2026-0001"]
    );
    assert_eq!(
        sorted(ActSort::Amount, false),
        ["2026-0001", "2026-0004", "2026-0002", "2026-0003"]
    );
    // Drafts first, then the act sent.
    assert_eq!(
        sorted(ActSort::Status, false),
        ["2026-0001", "2026-0003", "2026-0004", "2026-0002"]
    );
    assert_eq!(
        numbers(&book, ActQuery::default()),
        ["2026-0004", "2026-0003", "2026-0002", "2026-0001"],
        "newest first without a sort"
    );
}
