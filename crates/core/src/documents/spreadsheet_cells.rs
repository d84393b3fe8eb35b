//! What every spreadsheet the book writes for people shares (FORMATS.md, "Exports"): a text
//! a spreadsheet would run as a formula is neutralised with a leading `'`; money becomes a
//! number cell here and nowhere else; days become date cells; the number formats that show
//! money in its unit and days as the screens write them.

use std::borrow::Cow;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, XlsxError};

use crate::{Error, Lang, Result};

/// What a text may start with that a spreadsheet (or a person editing the cell) would take
/// for a formula or a DDE command.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a cell may hold it: with a leading `'` when it starts like a formula
/// (`=HYPERLINK(…)`, `+7 999…`, `-1`, `@SUM(…)`, a tab, a carriage return), else as it is.
pub fn neutral_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(&FORMULA_STARTS[..]) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// An amount as a spreadsheet cell holds it (a double); made only by
/// [`spreadsheet_number`], handed to the XLSX writer and nothing else, so money never
/// travels as a bare `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetNumber(f64);

impl From<SheetNumber> for f64 {
    fn from(n: SheetNumber) -> f64 {
        n.0
    }
}

/// `amount` as a spreadsheet number: the double nearest its decimal text, so the cell gives
/// back exactly the amount (`12345.67`) and the spreadsheet can sum it; the book's
/// [`Decimal`] stays the truth. Refused (`xlsx_amount_digits`) when the double does not give
/// the same amount back (more than 15 significant digits), which no real amount has.
pub fn spreadsheet_number(amount: Decimal) -> Result<SheetNumber> {
    let number = amount.to_string().parse::<f64>().ok();
    let back = number.and_then(|n| Decimal::from_str(&n.to_string()).ok());
    if let (Some(number), true) = (number, back == Some(amount)) {
        Ok(SheetNumber(number))
    } else {
        Err(Error::refused(
            "xlsx_amount_digits",
            format!("Сумма {amount} не помещается в число электронной таблицы (больше 15 значащих цифр)"),
            format!("The amount {amount} does not fit a spreadsheet number (more than 15 significant digits)"),
        ))
    }
}

/// `date` as a spreadsheet date.
pub fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year())
        .map_err(|_| XlsxError::DateTimeRangeError(format!("year {}", date.year())))?;
    // A month (1–12) and a day (1–31) always fit a u8.
    let month = u8::try_from(date.month()).unwrap_or_default();
    let day = u8::try_from(date.day()).unwrap_or_default();
    ExcelDateTime::from_ymd(year, month, day)
}

/// Money without a unit: thousands grouped, two decimals. The file keeps Excel's
/// locale-neutral code; a Russian Excel or LibreOffice shows `# ##0,00`.
pub const MONEY_FORMAT: &str = "#,##0.00";

/// A count: thousands grouped.
pub const COUNT_FORMAT: &str = "#,##0";

/// Days as the screens write them: `ДД.ММ.ГГГГ` in Russian, ISO in English.
pub fn date_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "dd.mm.yyyy",
        Lang::En => "yyyy-mm-dd",
    }
}

/// Money in `unit` as the screens write it, the number staying a number: `12 345,67 ₽`,
/// `75 000,00 ₸`, `$19.80`, `5 000,00 бонусов`.
pub fn money_format(unit: &str, lang: Lang) -> String {
    let sign = match (unit, lang) {
        ("USD", _) => return format!("\"$\"{MONEY_FORMAT}"),
        ("RUB", _) => "₽",
        ("KZT", _) => "₸",
        ("EUR", _) => "€",
        ("bonus", Lang::Ru) => "бонусов",
        ("bonus", Lang::En) => "bonuses",
        (other, _) => other,
    };
    format!("{MONEY_FORMAT}\" {}\"", sign.replace('"', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    #[test]
    fn a_text_that_starts_like_a_formula_gets_a_quote() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+7 999",
            "-1",
            "@SUM(A1)",
            "\tcmd",
            "\rcmd",
        ] {
            assert_eq!(neutral_text(text), format!("'{text}"), "{text:?}");
        }
        for text in ["ООО «Альфа»", "7707083893", "a=b", " =1", "", "'quoted"] {
            assert_eq!(neutral_text(text), text, "{text:?}");
        }
    }

    #[test]
    fn an_amount_becomes_the_double_that_reads_back_as_it() {
        for text in ["12345.67", "0.01", "5000.00", "999999999999.99", "-80.50"] {
            let number = spreadsheet_number(decimal(text)).expect(text);
            assert_eq!(
                decimal(&f64::from(number).to_string()),
                decimal(text),
                "{text}"
            );
        }
    }

    #[test]
    fn an_amount_a_double_cannot_hold_is_refused() {
        let err = spreadsheet_number(decimal("12345678901234567.89")).expect_err("19 digits");
        assert_eq!(err.code(), "xlsx_amount_digits");
    }

    #[test]
    fn money_shows_its_unit() {
        assert_eq!(money_format("RUB", Lang::Ru), "#,##0.00\" ₽\"");
        assert_eq!(money_format("USD", Lang::En), "\"$\"#,##0.00");
        assert_eq!(money_format("bonus", Lang::Ru), "#,##0.00\" бонусов\"");
        assert_eq!(money_format("bonus", Lang::En), "#,##0.00\" bonuses\"");
        assert_eq!(money_format("CNY", Lang::En), "#,##0.00\" CNY\"");
    }
}
