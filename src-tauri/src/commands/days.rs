//! Days and amounts as the UI sends them (`YYYY-MM-DD` from a date input or `ДД.ММ.ГГГГ`
//! typed; `1 234,50`), read by the core as the import reads them; a bad one is a problem
//! at its field.

use chrono::NaiveDate;
use partnerbook_core::typed::{typed_amount, typed_day};
use partnerbook_core::{Error, Result};
use rust_decimal::Decimal;

/// The day in `value`, or an `invalid` error at `field`.
pub fn day(field: &'static str, value: &str) -> Result<NaiveDate> {
    typed_day(field, value).map_err(|p| Error::Invalid(vec![p]))
}

/// The amount in `value`, or an `invalid` error at `field`.
pub fn amount(field: &'static str, value: &str) -> Result<Decimal> {
    typed_amount(field, value).map_err(|p| Error::Invalid(vec![p]))
}

/// The day given, or today (the shell's clock) when none is.
pub fn day_or_today(field: &'static str, value: Option<&str>) -> Result<NaiveDate> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => day(field, v),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_and_a_problem_at_the_field() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 30);
        assert_eq!(day("as_of", "2026-03-30").ok(), d);
        assert_eq!(day("as_of", "30.03.2026").ok(), d);
        let err = day("as_of", "30 марта").expect_err("not a date");
        assert_eq!(err.problems()[0].field, Some("as_of"));
        let err = day("date", " ").expect_err("empty");
        assert_eq!(err.problems()[0].field, Some("date"));
        assert!(day_or_today("as_of", None).is_ok());
        assert_eq!(amount("amount", "-1 200,50").ok(), "-1200.50".parse().ok());
        let err = amount("amount", "12,345.67").expect_err("a comma for thousands");
        assert_eq!(err.problems()[0].field, Some("amount"));
    }
}
