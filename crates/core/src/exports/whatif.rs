//! A what-if as its dialog shows it: per partner in the book, under the rules and the
//! difference, sorted as on screen, with the totals per unit; for a discount program a
//! second sheet of the periods and packages the rules would add or remove.

use crate::store::sql::Db;

use super::words::{count_text, unit_label, word, word_with};
use super::{columns, file_part, Export};
use crate::discounts::DiscountRole;
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::ledger::{whatif, Change, DiscountChange, WhatIfRequest, WhatIfSort};
use crate::{Lang, Result};

/// The table's columns (`ui/src/programs/WhatIfTable.tsx`).
pub const COLUMNS: [(&str, ColumnKind); 4] = [
    ("col.partner", ColumnKind::Text),
    ("whatif.col.book", ColumnKind::Money),
    ("whatif.col.whatif", ColumnKind::Money),
    ("whatif.col.difference", ColumnKind::Money),
];

/// The discount changes' columns (`ui/src/programs/WhatIfDiscounts.tsx`).
pub const DISCOUNT_COLUMNS: [(&str, ColumnKind); 7] = [
    ("whatif.col.change", ColumnKind::Text),
    ("whatif.col.who", ColumnKind::Text),
    ("whatif.col.role", ColumnKind::Text),
    ("discount.col.discount", ColumnKind::Text),
    ("discount.col.from", ColumnKind::Date),
    ("discount.col.to", ColumnKind::Date),
    ("discount.col.inviter", ColumnKind::Text),
];

fn discount_row(c: &DiscountChange, lang: Lang) -> Vec<Cell> {
    let p = &c.period;
    let change = match c.change {
        Change::Added => "whatif.change.added",
        Change::Removed => "whatif.change.removed",
    };
    let role = match p.role {
        DiscountRole::Inviter => "whatif.role.inviter",
        DiscountRole::Invitee => "whatif.role.invitee",
    };
    let discount = match p.percent {
        Some(percent) => {
            let text = percent.to_string();
            let text = match lang {
                Lang::Ru => text.replace('.', ","),
                Lang::En => text,
            };
            word_with("discount.percent", lang, &[("p", &text)])
        }
        None => {
            let n = count_text(u64::from(p.sms_package.unwrap_or(0)), lang);
            word_with("discount.package", lang, &[("n", &n)])
        }
    };
    vec![
        Cell::text(word(change, lang)),
        Cell::text(&p.client),
        Cell::text(word(role, lang)),
        Cell::text(discount),
        Cell::Date(p.start),
        p.end.map_or(Cell::Blank, Cell::Date),
        Cell::text(&p.inviter),
    ]
}

pub(super) fn export(
    db: &Db,
    request: &WhatIfRequest,
    sort: WhatIfSort,
    descending: bool,
    lang: Lang,
) -> Result<Export> {
    let report = whatif(db, request)?;
    let mut rows = Vec::with_capacity(report.rows.len());
    for r in report.sorted_rows(sort, descending) {
        rows.push(vec![
            Cell::text(&r.partner),
            Cell::money(&r.book, &r.unit)?,
            Cell::money(&r.whatif, &r.unit)?,
            Cell::money(&r.difference, &r.unit)?,
        ]);
    }
    let mut totals = Vec::with_capacity(report.totals.len());
    for t in &report.totals {
        let n = count_text(t.partners_changed, lang);
        let label = word_with(
            "whatif.total",
            lang,
            &[("unit", unit_label(&t.unit, lang)), ("n", &n)],
        );
        totals.push(vec![
            Cell::text(label),
            Cell::money(&t.book, &t.unit)?,
            Cell::money(&t.whatif, &t.unit)?,
            Cell::money(&t.difference, &t.unit)?,
        ]);
    }
    let mut sheets = vec![Sheet {
        name: word("whatif.open", lang).to_owned(),
        columns: columns(&COLUMNS, lang),
        rows,
        totals,
    }];
    if !report.discounts.is_empty() {
        sheets.push(Sheet {
            name: word("whatif.discounts", lang).to_owned(),
            columns: columns(&DISCOUNT_COLUMNS, lang),
            rows: report
                .discounts
                .iter()
                .map(|c| discount_row(c, lang))
                .collect(),
            totals: vec![],
        });
    }
    Ok(Export {
        name: format!(
            "whatif-{}-{}.xlsx",
            file_part(&request.program),
            request.from
        ),
        sheets,
    })
}
