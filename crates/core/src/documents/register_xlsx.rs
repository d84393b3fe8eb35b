//! The payout register as an Excel workbook: one sheet «Реестр выплат» with a line per act
//! and a total per currency, for people to read, filter and check before the bank file
//! goes out.
//!
//! Layout (rows counted from 1, as the spreadsheet shows them):
//! 1. the title, «Реестр выплат за ноябрь 2026»;
//! 2. the payer: the vendor's name and requisites, and the day the register was made;
//! 3. the header (frozen, with an autofilter over the lines);
//! 4. … one row per line, in the register's order;
//! 5. … then one «Итого RUB», «Итого USD» … row per currency, in the order currencies
//!    first appear ([`PayoutRegister::totals`]).
//!
//! Amounts are number cells, so the spreadsheet can sum and filter them; ИНН, КПП, БИК and
//! the account are text cells, so leading zeros and all 20 digits of an account survive;
//! dates are date cells shown as ДД.ММ.ГГГГ. Every text goes through [`neutral_text`], so a
//! name or a purpose that starts like a formula stays text (FORMATS.md, "Exports").

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use super::model::{PayoutRegister, RegisterLine};
use super::spreadsheet_cells::{
    date_format, excel_date, neutral_text, spreadsheet_number, SheetNumber, MONEY_FORMAT,
};
use crate::{Error, Lang, Result};

/// The sheet's name.
pub const REGISTER_SHEET: &str = "Реестр выплат";

/// The header, with each column's width in characters.
pub const REGISTER_COLUMNS: [(&str, f64); 17] = [
    ("№", 5.0),
    ("Партнёр", 36.0),
    ("Код партнёра", 13.0),
    ("ИНН", 14.0),
    ("КПП", 11.0),
    ("БИК", 11.0),
    ("Счёт", 23.0),
    ("Акт №", 12.0),
    ("Дата акта", 11.0),
    ("Сумма", 15.0),
    ("Валюта", 8.0),
    ("НДС", 13.0),
    ("Подписан", 11.0),
    ("ЭП", 5.0),
    ("Срок оплаты", 12.0),
    ("Оплачено", 11.0),
    ("Назначение платежа", 70.0),
];

/// The header's row, counted from 0 (the title and the payer are above it).
pub const REGISTER_HEADER_ROW: u32 = 2;

const AMOUNT_COLUMN: u16 = 9;
const CURRENCY_COLUMN: u16 = 10;
const LAST_COLUMN: u16 = 16;

/// The register as `.xlsx` bytes (see the module's documentation for the layout).
///
/// An amount is written as a spreadsheet number ([`spreadsheet_number`]): the cell gives
/// back exactly the amount (`12345.67`) and the spreadsheet can sum it; the book's
/// [`Decimal`] stays the truth. A currency's total is a
/// `SUMIF` over the lines *and* its value, stored with the formula as its result, so
/// readers that do not recalculate (calamine, pandas, bank portals) still see it.
///
/// Refused (`register_month`) when the register's month is not `YYYY-MM`, and
/// (`xlsx_amount_digits`) when an amount has more significant digits than a
/// spreadsheet number holds (15), which no real payout has.
pub fn register_xlsx(register: &PayoutRegister) -> Result<Vec<u8>> {
    let title = format!("Реестр выплат за {}", register.month_words()?);
    // A total too big for a spreadsheet number is refused like a line's amount.
    for (_, total) in register.totals() {
        spreadsheet_number(total)?;
    }
    workbook(register, &title)
}

/// A writer's failure as the book's error.
fn xlsx(e: XlsxError) -> Error {
    Error::Io(std::io::Error::other(e))
}

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    number: Format,
    money: Format,
    date: Format,
    total_label: Format,
    total_money: Format,
}

impl Formats {
    fn new() -> Formats {
        let text = Format::new().set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#D9E1F2")
                .set_border(FormatBorder::Thin),
            number: text.clone().set_num_format("0"),
            money: text.clone().set_num_format(MONEY_FORMAT),
            date: text.clone().set_num_format(date_format(Lang::Ru)),
            total_label: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            total_money: Format::new()
                .set_bold()
                .set_num_format(MONEY_FORMAT)
                .set_border_top(FormatBorder::Thin),
            text,
        }
    }
}

fn workbook(register: &PayoutRegister, title: &str) -> Result<Vec<u8>> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(REGISTER_SHEET).map_err(xlsx)?;
    sheet
        .write_string_with_format(0, 0, neutral_text(title), &formats.title)
        .map_err(xlsx)?;
    sheet
        .write_string(1, 0, neutral_text(&payer_line(register)))
        .map_err(xlsx)?;
    for (column, (name, width)) in (0u16..).zip(REGISTER_COLUMNS) {
        sheet
            .write_string_with_format(REGISTER_HEADER_ROW, column, name, &formats.header)
            .map_err(xlsx)?;
        sheet.set_column_width(column, width).map_err(xlsx)?;
    }
    let first = REGISTER_HEADER_ROW + 1;
    let mut row = first;
    for (index, line) in register.lines.iter().enumerate() {
        write_line(sheet, row, index + 1, line, &formats)?;
        row += 1;
    }
    let last_line_row = row.saturating_sub(1).max(REGISTER_HEADER_ROW);
    for (currency, total) in register.totals() {
        write_total(
            sheet,
            row,
            (first, last_line_row),
            &currency,
            total,
            &formats,
        )
        .map_err(xlsx)?;
        row += 1;
    }
    sheet.set_freeze_panes(first, 0).map_err(xlsx)?;
    sheet
        .autofilter(REGISTER_HEADER_ROW, 0, last_line_row, LAST_COLUMN)
        .map_err(xlsx)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet
        .set_repeat_rows(REGISTER_HEADER_ROW, REGISTER_HEADER_ROW)
        .map_err(xlsx)?;
    workbook.save_to_buffer().map_err(xlsx)
}

/// «Плательщик: ООО "Вендор Софт", ИНН 7707083893, КПП 770701001, р/с … в банке с БИК …;
/// реестр составлен 01.12.2026».
fn payer_line(register: &PayoutRegister) -> String {
    let vendor = &register.vendor;
    let mut parts = vec![vendor.name.clone()];
    let labelled = [
        ("ИНН", &vendor.inn),
        ("КПП", &vendor.kpp),
        ("р/с", &vendor.account),
        ("БИК", &vendor.bik),
    ];
    for (label, value) in labelled {
        if let Some(value) = value {
            parts.push(format!("{label} {value}"));
        }
    }
    format!(
        "Плательщик: {}; реестр составлен {}",
        parts.join(", "),
        register.made.format("%d.%m.%Y")
    )
}

/// One line; its amounts become spreadsheet numbers here, at the cell.
fn write_line(
    sheet: &mut Worksheet,
    row: u32,
    number: usize,
    line: &RegisterLine,
    formats: &Formats,
) -> Result<()> {
    let amount = spreadsheet_number(line.amount)?;
    let vat = line
        .vat
        .as_ref()
        .map(|vat| spreadsheet_number(vat.amount))
        .transpose()?;
    write_cells(sheet, row, number, line, (amount, vat), formats).map_err(xlsx)
}

fn write_cells(
    sheet: &mut Worksheet,
    row: u32,
    number: usize,
    line: &RegisterLine,
    (amount, vat): (SheetNumber, Option<SheetNumber>),
    formats: &Formats,
) -> Result<(), XlsxError> {
    let number = u32::try_from(number).unwrap_or(u32::MAX);
    sheet.write_number_with_format(row, 0, number, &formats.number)?;
    let texts: [(u16, Option<&str>); 9] = [
        (1, Some(line.name.as_str())),
        (2, Some(line.partner_id.as_str())),
        (3, line.inn.as_deref()),
        (4, line.kpp.as_deref()),
        (5, line.bik.as_deref()),
        (6, line.account.as_deref()),
        (7, Some(line.act_number.as_str())),
        (13, line.e_signed.then_some("да")),
        (16, Some(line.purpose.as_str())),
    ];
    for (column, value) in texts {
        match value {
            Some(value) => {
                sheet.write_string_with_format(row, column, neutral_text(value), &formats.text)?
            }
            None => sheet.write_blank(row, column, &formats.text)?,
        };
    }
    write_date(sheet, row, 8, Some(line.act_date), formats)?;
    sheet.write_number_with_format(row, AMOUNT_COLUMN, amount, &formats.money)?;
    sheet.write_string_with_format(
        row,
        CURRENCY_COLUMN,
        neutral_text(&line.currency),
        &formats.text,
    )?;
    match vat {
        Some(vat) => sheet.write_number_with_format(row, 11, vat, &formats.money)?,
        None => sheet.write_string_with_format(row, 11, "без НДС", &formats.text)?,
    };
    write_date(sheet, row, 12, line.signed, formats)?;
    write_date(sheet, row, 14, line.pay_due, formats)?;
    write_date(sheet, row, 15, line.paid, formats)?;
    Ok(())
}

fn write_date(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    date: Option<NaiveDate>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match date {
        Some(date) => {
            sheet.write_datetime_with_format(row, column, excel_date(date)?, &formats.date)?
        }
        None => sheet.write_blank(row, column, &formats.date)?,
    };
    Ok(())
}

/// «Итого RUB» and the currency's total: `SUMIF` over the lines' currency column, with the
/// book's total stored as the formula's result.
fn write_total(
    sheet: &mut Worksheet,
    row: u32,
    (first, last): (u32, u32),
    currency: &str,
    total: Decimal,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let label = format!("Итого {currency}");
    sheet.write_string_with_format(row, 1, neutral_text(&label), &formats.total_label)?;
    let currencies = format!("K{}:K{}", first + 1, last + 1);
    let amounts = format!("J{}:J{}", first + 1, last + 1);
    let quoted = currency.replace('"', "\"\"");
    let formula = Formula::new(format!("=SUMIF({currencies},\"{quoted}\",{amounts})"))
        .set_result(total.to_string());
    sheet.write_formula_with_format(row, AMOUNT_COLUMN, formula, &formats.total_money)?;
    sheet.write_string_with_format(
        row,
        CURRENCY_COLUMN,
        neutral_text(currency),
        &formats.total_label,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payer_line_names_the_vendor_and_its_requisites() {
        let register = crate::documents::sample::register();
        assert_eq!(
            payer_line(&register),
            "Плательщик: ООО \"Вендор Софт\", ИНН 7707083893, КПП 770701001, \
             р/с 40702810938000000001, БИК 044525225; реестр составлен 01.12.2026"
        );
    }
}
