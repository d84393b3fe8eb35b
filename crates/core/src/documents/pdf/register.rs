//! The month's payout register (реестр выплат) for the bank: one line per payout with
//! the partner's bank details, the act, the amount and the payment's purpose, and the
//! totals per currency. Landscape A4, as many pages as the lines need.

use super::fonts::Style;
use super::layout::{Align, Orientation, Sheet};
use super::table::{Cell, Column, Table};
use crate::documents::model::{PayoutRegister, RegisterLine};
use crate::documents::russian;
use crate::Result;

const TEXT: Style = Style::regular(9.0);

/// The register as a PDF (landscape A4, paginated).
pub fn register_pdf(register: &PayoutRegister) -> Result<Vec<u8>> {
    let title = format!("Реестр выплат за {}", russian::month(&register.month));
    let mut sheet = Sheet::new(&title, Orientation::Landscape, register.made)?;
    sheet.paragraph(Style::bold(14.0), Align::Center, &title);
    sheet.gap(8.0);

    let vendor = &register.vendor;
    let mut payer = vec![vendor.name.clone()];
    for (label, value) in [
        ("ИНН", &vendor.inn),
        ("КПП", &vendor.kpp),
        ("р/с", &vendor.account),
        ("БИК", &vendor.bik),
    ] {
        if let Some(value) = value {
            payer.push(format!("{label} {value}"));
        }
    }
    sheet.labelled("Плательщик:", 80.0, TEXT, &payer.join(", "));
    sheet.labelled("Составлен:", 80.0, TEXT, &russian::date(register.made));
    sheet.gap(8.0);

    lines(&mut sheet, &register.lines);
    sheet.gap(8.0);

    let bold = Style::bold(9.5);
    sheet.keep(bold.line_height() * (register.totals().len() + 1) as f32);
    sheet.paragraph(
        bold,
        Align::Left,
        &format!("Всего выплат: {}", register.lines.len()),
    );
    for (currency, sum) in register.totals() {
        let count = register
            .lines
            .iter()
            .filter(|l| l.currency == currency)
            .count();
        sheet.paragraph(
            bold,
            Align::Left,
            &format!(
                "Итого {currency}: {} {} (выплат: {count})",
                russian::money(sum),
                russian::unit_word(&currency)
            ),
        );
    }
    sheet.finish(|page, count| Some(format!("{title} · стр. {page} из {count}")))
}

fn lines(sheet: &mut Sheet, lines: &[RegisterLine]) {
    let l = Align::Left;
    let c = Align::Center;
    let columns = [
        Column::new("№", 3.0, Align::Right),
        Column::new("Партнёр", 17.0, l),
        Column::new("ИНН / КПП", 9.0, l),
        Column::new("БИК", 7.0, c),
        Column::new("Расчётный счёт", 13.0, c),
        Column::new("Акт", 9.0, l),
        Column::new("Сумма", 9.0, Align::Right),
        Column::new("Валюта", 5.5, c),
        Column::new("НДС", 6.0, l),
        Column::new("Срок / оплата", 9.0, l),
        Column::new("Назначение платежа", 26.0, l),
    ];
    let dash = || "—".to_owned();
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let ids = match (&line.inn, &line.kpp) {
                (Some(inn), Some(kpp)) => format!("{inn} / {kpp}"),
                (Some(inn), None) => inn.clone(),
                (None, Some(kpp)) => format!("— / {kpp}"),
                (None, None) => dash(),
            };
            let vat = match &line.vat {
                Some(vat) => format!(
                    "{} %: {}",
                    russian::rate(vat.rate),
                    russian::money(vat.amount)
                ),
                None => "Без\u{a0}НДС".into(),
            };
            let mut due = line
                .pay_due
                .map_or_else(dash, |d| format!("до\u{a0}{}", russian::date(d)));
            match line.paid {
                Some(paid) => due.push_str(&format!("\nоплачено\u{a0}{}", russian::date(paid))),
                None => due.push_str("\nне оплачено"),
            }
            vec![
                Cell::new((i + 1).to_string()),
                Cell::new(format!("{}\n{}", line.name, line.partner_id)),
                Cell::new(ids),
                Cell::new(line.bik.clone().unwrap_or_else(dash)),
                Cell::new(line.account.clone().unwrap_or_else(dash)),
                Cell::new(act_cell(line)),
                Cell::new(russian::money(line.amount)),
                Cell::new(line.currency.as_str()),
                Cell::new(vat),
                Cell::new(due),
                Cell::new(line.purpose.as_str()),
            ]
        })
        .collect();
    Table::new(sheet, &columns, Style::bold(8.0), Style::regular(8.0)).draw(sheet, &rows);
}

/// «№ 2026-0007 / от 30.11.2026 / подписан 05.12.2026 (ЭП)».
fn act_cell(line: &RegisterLine) -> String {
    let mut cell = format!(
        "№\u{a0}{}\nот\u{a0}{}",
        line.act_number,
        russian::date(line.act_date)
    );
    if let Some(signed) = line.signed {
        cell.push_str(&format!("\nподписан\u{a0}{}", russian::date(signed)));
        if line.e_signed {
            cell.push_str("\u{a0}(ЭП)");
        }
    }
    cell
}
