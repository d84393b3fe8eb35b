//! Dates and amounts given as options, read by the core as a form's fields are; a problem
//! names the option (`--date: …`).

use chrono::NaiveDate;
use partnerbook_core::typed::{typed_amount, typed_day};
use partnerbook_core::{Error, Lang, Problem, Result, Text};
use rust_decimal::Decimal;

/// The problem as the option's: `--option: message`.
fn of_option(option: &'static str, p: Problem) -> Error {
    Error::Invalid(vec![Problem::new(
        p.code,
        Text::new(
            format!("--{option}: {}", p.text.get(Lang::Ru)),
            format!("--{option}: {}", p.text.get(Lang::En)),
        ),
    )])
}

/// A date option: `YYYY-MM-DD` or `DD.MM.YYYY`.
pub fn day(option: &'static str, value: &str) -> Result<NaiveDate> {
    typed_day(option, value).map_err(|p| of_option(option, p))
}

/// An amount option: `1234.50`, `1 234,50`, `-120`.
pub fn amount(option: &'static str, value: &str) -> Result<Decimal> {
    typed_amount(option, value).map_err(|p| of_option(option, p))
}
