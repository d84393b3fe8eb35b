//! The month a payout register covers: its first and last day, and its name in Russian.

use chrono::{Months, NaiveDate};

use super::model::PayoutRegister;
use crate::{Error, Result};

impl PayoutRegister {
    /// The first and the last day of `month` (`2026-11` → 01.11.2026 and 30.11.2026).
    ///
    /// Refused (`register_month`) when `month` is not `YYYY-MM`.
    pub fn period(&self) -> Result<(NaiveDate, NaiveDate)> {
        month_days(&self.month)
    }

    /// «ноябрь 2026».
    pub fn month_words(&self) -> Result<String> {
        let (first, _) = self.period()?;
        Ok(super::russian::month(&first.format("%Y-%m").to_string()))
    }
}

/// The first and the last day of `month` (`YYYY-MM`); refused (`register_month`) otherwise.
pub fn month_days(month: &str) -> Result<(NaiveDate, NaiveDate)> {
    let first = first_day(month).ok_or_else(|| bad_month(month))?;
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .ok_or_else(|| bad_month(month))?;
    Ok((first, last))
}

fn first_day(month: &str) -> Option<NaiveDate> {
    let (year, number) = month.trim().split_once('-')?;
    if year.len() != 4 || number.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, number.parse().ok()?, 1)
}

fn bad_month(month: &str) -> Error {
    Error::refused(
        "register_month",
        format!("Месяц реестра «{month}» должен быть записан как ГГГГ-ММ, например 2026-11"),
        format!("The register's month «{month}» must be written as YYYY-MM, e.g. 2026-11"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::sample;

    fn register(month: &str) -> PayoutRegister {
        PayoutRegister {
            month: month.into(),
            ..sample::register()
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn a_month_runs_from_its_first_to_its_last_day() {
        let cases = [
            ("2026-11", day(2026, 11, 1), day(2026, 11, 30)),
            ("2026-12", day(2026, 12, 1), day(2026, 12, 31)),
            ("2028-02", day(2028, 2, 1), day(2028, 2, 29)),
            ("2026-02", day(2026, 2, 1), day(2026, 2, 28)),
        ];
        for (month, first, last) in cases {
            assert_eq!(
                register(month).period().expect(month),
                (first, last),
                "{month}"
            );
        }
    }

    #[test]
    fn the_month_is_named_in_russian() {
        assert_eq!(
            register("2026-11").month_words().expect("valid"),
            "ноябрь 2026"
        );
        assert_eq!(
            register("2027-01").month_words().expect("valid"),
            "январь 2027"
        );
    }

    #[test]
    fn a_month_not_written_yyyy_mm_is_refused() {
        for month in ["2026-13", "2026-1", "11.2026", "", "2026-00", "abcd-ef"] {
            let err = register(month).period().expect_err(month);
            assert_eq!(err.code(), "register_month", "{month}");
        }
    }
}
