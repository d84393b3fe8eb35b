//! The act of services rendered (акт об оказании услуг): one A4 page with every
//! requisite of a primary document (402-ФЗ art. 9) — title, number and date, both
//! parties, the basis contract, the service, the amount and VAT, the amount in words,
//! and both signatures.

use rust_decimal::Decimal;

use super::fonts::Style;
use super::layout::{Align, Orientation, Sheet};
use super::stamp::{stamp, stamp_height};
use super::table::{Cell, Column, Table};
use crate::documents::model::{ActDocument, Party, SignerRole};
use crate::documents::russian;
use crate::Result;

const TEXT: Style = Style::regular(9.0);
const INDENT: f32 = 78.0;

/// The act as a PDF (A4, one page for a normal act).
pub fn act_pdf(doc: &ActDocument) -> Result<Vec<u8>> {
    let title = format!("Акт № {} от {}", doc.number, russian::date(doc.date));
    let mut sheet = Sheet::new(&title, Orientation::Portrait, doc.date)?;
    sheet.paragraph(Style::bold(14.0), Align::Center, &title);
    sheet.paragraph(Style::regular(11.0), Align::Center, "об оказании услуг");
    sheet.gap(14.0);

    party(&mut sheet, "Исполнитель:", &doc.seller);
    sheet.gap(6.0);
    party(&mut sheet, "Заказчик:", &doc.buyer);
    sheet.gap(6.0);
    let contract = russian::contract(doc.contract_no.as_deref(), doc.contract_date);
    sheet.labelled("Основание:", INDENT, TEXT, &contract);
    sheet.gap(12.0);

    services(&mut sheet, doc);
    sheet.gap(6.0);
    totals(&mut sheet, doc);
    sheet.gap(10.0);

    sheet.paragraph(
        TEXT,
        Align::Left,
        "Вышеперечисленные услуги оказаны полностью и в срок. Заказчик претензий по объёму, \
         качеству и срокам оказания услуг не имеет.",
    );
    sheet.gap(24.0);
    signatures(&mut sheet, doc);
    sheet.finish(|page, count| (count > 1).then(|| format!("{title} · стр. {page} из {count}")))
}

/// A party's lines: name, ИНН/КПП/ОГРН (those it has), address and bank account.
fn party(sheet: &mut Sheet, role: &str, party: &Party) {
    sheet.labelled(role, INDENT, TEXT, &requisites(party).join("\n"));
}

pub(super) fn requisites(party: &Party) -> Vec<String> {
    let mut lines = vec![party.name.clone()];
    let ids: Vec<String> = [
        ("ИНН", &party.inn),
        ("КПП", &party.kpp),
        (russian::ogrn_label(party.kind), &party.ogrn),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| format!("{label} {v}")))
    .collect();
    if !ids.is_empty() {
        lines.push(ids.join(", "));
    }
    if let Some(address) = &party.address {
        lines.push(format!("Адрес: {address}"));
    }
    let bank: Vec<String> = [("р/с", &party.account), ("БИК", &party.bik)]
        .into_iter()
        .filter_map(|(label, value)| value.as_ref().map(|v| format!("{label} {v}")))
        .collect();
    if !bank.is_empty() {
        lines.push(bank.join(", "));
    }
    lines
}

fn services(sheet: &mut Sheet, doc: &ActDocument) {
    let unit = russian::unit_word(&doc.currency);
    let price = format!("Цена, {unit}");
    let sum = format!("Сумма, {unit}");
    let columns = [
        Column::new("№", 4.0, Align::Center),
        Column::new("Наименование услуги", 46.0, Align::Left),
        Column::new("Кол-во", 8.0, Align::Right),
        Column::new("Ед.", 8.0, Align::Center),
        Column::new(&price, 14.0, Align::Right),
        Column::new(&sum, 14.0, Align::Right),
    ];
    let amount = russian::money(doc.amount);
    let rows = vec![vec![
        Cell::new("1"),
        Cell::new(doc.service.as_str()),
        Cell::new("1"),
        Cell::new("усл. ед."),
        Cell::new(amount.as_str()),
        Cell::new(amount.as_str()),
    ]];
    Table::new(sheet, &columns, Style::bold(8.5), TEXT).draw(sheet, &rows);
}

fn totals(sheet: &mut Sheet, doc: &ActDocument) {
    let amount = russian::money(doc.amount);
    let bold = Style::bold(9.0);
    sheet.paragraph(bold, Align::Right, &format!("Итого: {amount}"));
    sheet.paragraph(TEXT, Align::Right, &vat_line(doc));
    sheet.gap(8.0);
    sheet.paragraph(
        TEXT,
        Align::Left,
        &format!(
            "Всего оказано услуг на сумму: {amount} {}",
            russian::unit_word(&doc.currency)
        ),
    );
    sheet.paragraph(bold, Align::Left, &doc.amount_words);
    if let Some(note) = &doc.conversion_note {
        sheet.gap(4.0);
        sheet.paragraph(TEXT, Align::Left, &format!("Расчёт суммы: {note}"));
    }
}

/// «В том числе НДС 22 %: 901,64», or «Без налога (НДС)».
pub(super) fn vat_line(doc: &ActDocument) -> String {
    match &doc.vat {
        Some(vat) => format!(
            "В том числе НДС {} %: {}",
            russian::rate(vat.rate),
            russian::money(vat.amount)
        ),
        None => "Без налога (НДС)".into(),
    }
}

/// Both parties' signature blocks side by side, each with the stamp of its electronic
/// signature under it when the act came back signed from EDO.
fn signatures(sheet: &mut Sheet, doc: &ActDocument) {
    let gutter = 24.0;
    let width = (sheet.content_width() - gutter) / 2.0;
    let stamp_of = |role| doc.signatures.iter().find(|s| s.role == role);
    let columns = [
        ("Исполнитель:", &doc.seller, stamp_of(SignerRole::Seller)),
        ("Заказчик:", &doc.buyer, stamp_of(SignerRole::Buyer)),
    ];
    let stamps = columns
        .iter()
        .filter_map(|(_, _, s)| s.map(|s| stamp_height(sheet, s, width) + STAMP_GAP))
        .fold(0.0, f32::max);
    sheet.keep(TEXT.line_height() * 6.0 + stamps);
    let top = sheet.y();
    let mut bottom = top;
    for (i, (role, party, signed)) in columns.into_iter().enumerate() {
        let x = sheet.left() + i as f32 * (width + gutter);
        sheet.set_y(top);
        signature(sheet, x, width, role, party);
        if let Some(signed) = signed {
            sheet.gap(STAMP_GAP);
            stamp(sheet, x, width, signed);
        }
        bottom = bottom.max(sheet.y());
    }
    sheet.set_y(bottom);
}

/// Between a signature line and its stamp.
const STAMP_GAP: f32 = 6.0;

/// «Исполнитель:», the position, «__________ / Кузнецов П. А. /», the full name.
fn signature(sheet: &mut Sheet, x: f32, width: f32, role: &str, party: &Party) {
    let position = party
        .signer_position
        .clone()
        .unwrap_or_else(|| russian::default_position(party.kind).to_owned());
    let signer = party.signer.as_deref().unwrap_or("");
    let short = if signer.is_empty() {
        "____________".to_owned()
    } else {
        russian::initials(signer)
    };
    sheet.paragraph_in(x, width, Style::bold(9.0), Align::Left, role);
    sheet.paragraph_in(x, width, TEXT, Align::Left, &position);
    sheet.gap(10.0);
    sheet.paragraph_in(
        x,
        width,
        TEXT,
        Align::Left,
        &format!("______________ / {short} /"),
    );
    if !signer.is_empty() {
        sheet.paragraph_in(x, width, Style::regular(7.5), Align::Left, signer);
    }
}

/// The amount without VAT: the act's amount less the VAT in it.
pub(super) fn net(doc: &ActDocument) -> Decimal {
    doc.amount - doc.vat.as_ref().map_or(Decimal::ZERO, |v| v.amount)
}
