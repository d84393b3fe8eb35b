//! How long a period of N months lasts.

use chrono::{Days, Months, NaiveDate};

/// The last day (inclusive) of a period of `months` starting on `start`: N months later,
/// minus one day (PROGRAMS.md §4: 3 months from 30.03 end on 29.06). `None` for zero
/// months: such a rule grants no period at all.
///
/// "N months later" is chrono's [`Months`], which clamps to the end of a shorter month —
/// the same arithmetic as the one-month invitation window (registered 31.01 → up to
/// 28.02, or 29.02 in a leap year). So a month from 31.01 ends 27.02 (28.02 in a leap
/// year): the day before 28.02 (29.02).
///
/// Past chrono's last date (year 262 143), which no billing reaches, the period runs to
/// that last date.
pub fn period_end(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    if months == 0 {
        return None;
    }
    Some(
        start
            .checked_add_months(Months::new(months))
            .and_then(|later| later.checked_sub_days(Days::new(1)))
            .unwrap_or(NaiveDate::MAX),
    )
}
