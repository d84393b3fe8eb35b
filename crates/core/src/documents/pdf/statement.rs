//! The partner's statement (выписка по счёту партнёра): the balance at the start of the
//! period, every entry of the period with its reason, and the balance at its end. As
//! many A4 pages as the entries need, the table's head on each.

use rust_decimal::Decimal;

use super::fonts::Style;
use super::layout::{Align, Orientation, Sheet};
use super::table::{Cell, Column, Table};
use crate::documents::model::Statement;
use crate::documents::russian;
use crate::Result;

const TEXT: Style = Style::regular(9.0);
const INDENT: f32 = 70.0;

/// The statement as a PDF (portrait A4, paginated).
pub fn statement_pdf(statement: &Statement) -> Result<Vec<u8>> {
    let title = "Выписка по счёту партнёра";
    let period = format!(
        "за период с {} по {}",
        russian::date(statement.from),
        russian::date(statement.to)
    );
    let mut sheet = Sheet::new(
        &format!("{title} {}", statement.partner_id),
        Orientation::Portrait,
        statement.made,
    )?;
    sheet.paragraph(Style::bold(14.0), Align::Center, title);
    sheet.paragraph(Style::regular(10.0), Align::Center, &period);
    sheet.gap(12.0);

    let partner = &statement.partner;
    let mut who = format!("{} ({})", partner.name, statement.partner_id);
    if let Some(inn) = &partner.inn {
        who.push_str(&format!(", ИНН {inn}"));
    }
    sheet.labelled("Партнёр:", INDENT, TEXT, &who);
    sheet.labelled("Программа:", INDENT, TEXT, &statement.program);
    sheet.labelled("Единица:", INDENT, TEXT, &unit_name(&statement.unit));
    sheet.labelled("Вендор:", INDENT, TEXT, &statement.vendor.name);
    sheet.gap(8.0);

    let unit = russian::unit_word(&statement.unit);
    let bold = Style::bold(9.5);
    sheet.paragraph(
        bold,
        Align::Left,
        &format!(
            "Входящий остаток на {}: {} {unit}",
            russian::date(statement.from),
            russian::money(statement.opening)
        ),
    );
    sheet.gap(6.0);
    entries(&mut sheet, statement);
    sheet.gap(8.0);
    sheet.keep(bold.line_height() * 3.0);
    sheet.paragraph(
        bold,
        Align::Left,
        &format!(
            "Исходящий остаток на {}: {} {unit}",
            russian::date(statement.to),
            russian::money(statement.closing)
        ),
    );
    sheet.gap(10.0);
    sheet.paragraph(
        Style::regular(8.0),
        Align::Left,
        &format!("Выписка сформирована {}.", russian::date(statement.made)),
    );
    let footer = format!("{title} · {} · {period}", statement.partner_id);
    sheet.finish(|page, count| Some(format!("{footer} · стр. {page} из {count}")))
}

/// «бонусы», or the currency's name.
fn unit_name(unit: &str) -> String {
    if unit.eq_ignore_ascii_case("bonus") {
        "бонусы".into()
    } else {
        russian::currency_name_and_code(unit).0
    }
}

fn entries(sheet: &mut Sheet, statement: &Statement) {
    let columns = [
        Column::new("№", 5.0, Align::Right),
        Column::new("Дата", 11.0, Align::Center),
        Column::new("Операция", 16.0, Align::Left),
        Column::new("Основание", 52.0, Align::Left),
        Column::new("Сумма", 16.0, Align::Right),
    ];
    let mut rows: Vec<Vec<Cell>> = statement
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            vec![
                Cell::new((i + 1).to_string()),
                Cell::new(russian::date(line.date)),
                Cell::new(line.kind.as_str()),
                Cell::new(line.reason.as_str()),
                Cell::new(russian::signed_money(line.amount)),
            ]
        })
        .collect();
    if rows.is_empty() {
        rows.push(vec![Cell::new("Операций за период нет")
            .span(5)
            .align(Align::Left)]);
    }
    let (added, taken) =
        statement
            .lines
            .iter()
            .fold((Decimal::ZERO, Decimal::ZERO), |(plus, minus), line| {
                if line.amount > Decimal::ZERO {
                    (plus + line.amount, minus)
                } else {
                    (plus, minus + line.amount)
                }
            });
    rows.push(vec![
        Cell::new("Поступило за период")
            .span(4)
            .bold()
            .align(Align::Left),
        Cell::new(russian::signed_money(added)).bold(),
    ]);
    rows.push(vec![
        Cell::new("Списано за период")
            .span(4)
            .bold()
            .align(Align::Left),
        Cell::new(russian::money(taken)).bold(),
    ]);
    Table::new(sheet, &columns, Style::bold(8.5), Style::regular(8.5)).draw(sheet, &rows);
}
