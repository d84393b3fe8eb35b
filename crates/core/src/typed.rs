//! Values a person types — a form's field, a command line's option — read exactly as the
//! import reads a spreadsheet cell (`YYYY-MM-DD` or `ДД.ММ.ГГГГ`; `1 234,50`, `-120`), so
//! the app, the command line and the files accept the same things. A value that does not
//! read is a problem at `field`; an empty one is `required` there.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::import::table::{amount as read_amount, date as read_date, Cell};
use crate::{Problem, Text};

fn required(field: &'static str, ru: &str, en: &str) -> Problem {
    Problem::new("required", Text::new(ru, en)).field(field)
}

/// The day typed in `field`.
pub fn typed_day(field: &'static str, text: &str) -> Result<NaiveDate, Problem> {
    match read_date(&Cell::Text(text.to_owned())) {
        Ok(Some(day)) => Ok(day),
        Ok(None) => Err(required(field, "укажите дату", "give a date")),
        Err(p) => Err(p.field(field)),
    }
}

/// The amount typed in `field`.
pub fn typed_amount(field: &'static str, text: &str) -> Result<Decimal, Problem> {
    match read_amount(&Cell::Text(text.to_owned())) {
        Ok(Some(amount)) => Ok(amount),
        Ok(None) => Err(required(field, "укажите сумму", "give an amount")),
        Err(p) => Err(p.field(field)),
    }
}
