//! Dates given as options.

use chrono::NaiveDate;
use partnerbook_core::import::table::{date, Cell};
use partnerbook_core::{Error, Lang, Problem, Result, Text};

/// A date option: `YYYY-MM-DD` or `DD.MM.YYYY`.
pub fn day(option: &'static str, value: &str) -> Result<NaiveDate> {
    match date(&Cell::Text(value.to_owned())) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(Error::Invalid(vec![Problem::new(
            "required",
            Text::new(
                format!("--{option}: нужна дата"),
                format!("--{option}: a date is needed"),
            ),
        )])),
        Err(p) => Err(Error::Invalid(vec![Problem::new(
            "bad_date",
            Text::new(
                format!("--{option}: {}", p.text.get(Lang::Ru)),
                format!("--{option}: {}", p.text.get(Lang::En)),
            ),
        )])),
    }
}
