//! A what-if exported as its dialog shows it: sorted as on screen, the totals per unit, the
//! money as numbers (negative differences too).

use partnerbook_core::exports::TableQuery;
use partnerbook_core::ledger::{whatif as replay, WhatIfRequest, WhatIfSort};
use partnerbook_core::programs::{load_program, RewardRule};
use partnerbook_core::Lang;
use rust_decimal::Decimal;

use crate::common::*;
use crate::{book_of_every_table, export, ui_headers};

/// bitrix24 paying 40 % of the first purchase instead of 50 % from 2026-01-01.
fn lower_first_purchase(book: &partnerbook_core::store::Book) -> WhatIfRequest {
    let program = load_program(book.db(), "bitrix24").expect("bitrix24");
    let mut rules = program.versions.last().expect("a version").rules.clone();
    for reward in &mut rules.rewards {
        if let RewardRule::FirstPurchase { percent } = reward {
            *percent = Decimal::from(40);
        }
    }
    WhatIfRequest {
        program: "bitrix24".into(),
        from: day(2026, 1, 1),
        to: None,
        rules,
    }
}

#[test]
fn a_whatif_sorted_by_the_difference_with_its_total() {
    let book = book_of_every_table();
    let request = lower_first_purchase(&book);
    let report = replay(book.db(), &request).expect("the what-if");
    let table = TableQuery::Whatif {
        request: request.clone(),
        sort: WhatIfSort::Difference,
        descending: false,
    };
    let (name, workbook) = export(&book, table, Lang::Ru);
    assert_eq!(name, "whatif-bitrix24-2026-01-01.xlsx");
    assert_eq!(workbook.sheets.len(), 1, "no discount changes");
    let sheet = workbook.sheet(0);
    assert_eq!(sheet.name, "Что если");
    assert_eq!(
        sheet.headers(),
        ui_headers(
            &[
                "col.partner",
                "whatif.col.book",
                "whatif.col.whatif",
                "whatif.col.difference"
            ],
            Lang::Ru
        )
    );
    assert_eq!(report.rows.len(), 2);
    assert_eq!(sheet.height(), 3, "two partners and the bonus total");
    // P-1 loses 10 % of 44 000,50 = 4 400,05; P-2 10 % of 10 000: the largest loss first.
    assert_eq!(sheet.column(0, 2), ["P-1", "P-2"]);
    let money = |t: &str| t.parse::<Decimal>().expect("an amount");
    assert_eq!(sheet.amount(1, 1), money("22000.25"));
    assert_eq!(sheet.amount(1, 2), money("17600.20"));
    assert_eq!(
        sheet.amount(1, 3),
        money("-4400.05"),
        "a negative number, not text"
    );
    assert_eq!(sheet.amount(2, 3), money("-1000"));
    assert_eq!(
        sheet.text(3, 0).as_deref(),
        Some("Итого, бонусы (изменится у 2)")
    );
    assert_eq!(sheet.amount(3, 3), money(&report.totals[0].difference));
    let backwards = TableQuery::Whatif {
        request,
        sort: WhatIfSort::Difference,
        descending: true,
    };
    let (_, workbook) = export(&book, backwards, Lang::Ru);
    assert_eq!(workbook.sheet(0).column(0, 2), ["P-2", "P-1"]);
}
