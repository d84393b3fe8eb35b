//! The Russian production calendar: which days are business days, and deadlines counted
//! in business days the way the Civil Code counts them (ГК РФ arts. 191 and 193).
//!
//! The facts come from the `holidays-ru` crate: the federal calendar as the Government's
//! yearly decrees «О переносе выходных дней» fix it (holidays of ТК РФ art. 112, the
//! extra days off they move, the Saturdays that become working days), 1993–2027.
//!
//! **Years without official data** (before 1993 and after 2027): only Saturdays and
//! Sundays are days off. The crate's own forecast for such years is not used: a deadline
//! in a year whose decree is not out is counted over weekends alone, and moves once the
//! crate carries that year's decree.

use chrono::{Datelike, NaiveDate, Weekday};
use holidays_ru::{Federal, Resolved};

/// Whether `day` is a business day by the federal production calendar: a Saturday made a
/// working day by a decree (2025-11-01) is one; a holiday or a weekday made a day off by
/// a transfer (2025-11-03, 2026-01-09) is not. Years without official data: every
/// Monday–Friday is a business day (see the module docs).
pub fn is_business_day(day: NaiveDate) -> bool {
    match holidays_ru::flags::<Federal, _>(day) {
        Some(Resolved::Fact(flags)) => flags.is_working_day(),
        Some(Resolved::Predict(_)) | None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
    }
}

/// `day` if it is a business day, else the first business day after it: the shift of
/// ГК РФ art. 193 for a deadline whose last day falls on a day off (the next business day
/// from `day`, `day` included).
pub fn on_or_after_business_day(day: NaiveDate) -> NaiveDate {
    let mut current = day;
    while !is_business_day(current) {
        match current.succ_opt() {
            Some(next) => current = next,
            // The end of the dates chrono can hold: nothing later to move to.
            None => return current,
        }
    }
    current
}

/// The deadline «`days` business days after `from`»: counting starts the day after `from`
/// (ГК РФ art. 191), so the result is the `days`-th business day strictly after `from`;
/// an act sent on Tuesday 2025-12-30 with 3 business days to sign is due on 2026-01-14.
///
/// `days = 0` is the art. 193 shift alone: `from` if it is a business day, else the next
/// one (as [`on_or_after_business_day`]). Counting stops at the last date chrono holds.
pub fn add_business_days(from: NaiveDate, days: u32) -> NaiveDate {
    if days == 0 {
        return on_or_after_business_day(from);
    }
    let mut current = from;
    let mut left = days;
    while left > 0 {
        match current.succ_opt() {
            Some(next) => current = next,
            None => return current,
        }
        if is_business_day(current) {
            left -= 1;
        }
    }
    current
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
