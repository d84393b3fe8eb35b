//! When the vendor must sign an act and pay it, on the Russian production calendar
//! (ГК РФ ст. 191: counting starts the next day; ст. 193: a deadline on a day off moves
//! to the next business day).

use chrono::{Datelike, NaiveDate};

use crate::calendar::{add_business_days, on_or_after_business_day};
use crate::programs::ConversionRules;

/// Business days to sign when a program says nothing (bitrix24's rule).
const SIGN_DAYS: u32 = 3;
/// Business days to pay after signing when a program says nothing.
const PAY_DAYS: u32 = 10;

/// The last day to sign an act sent on `sent`.
pub fn sign_due(sent: NaiveDate, rules: Option<&ConversionRules>) -> NaiveDate {
    let days = rules
        .and_then(|r| r.sign_business_days)
        .unwrap_or(SIGN_DAYS);
    add_business_days(sent, days)
}

/// The last day to pay an act dated `date` and signed on `signed`: for a monthly program
/// (atlantys) the due day of the month after the act's month, else business days after
/// signing.
pub fn pay_due(date: NaiveDate, signed: NaiveDate, rules: Option<&ConversionRules>) -> NaiveDate {
    if let Some(due_day) = rules.and_then(|r| r.monthly_due_day) {
        let (year, month) = if date.month() == 12 {
            (date.year() + 1, 1)
        } else {
            (date.year(), date.month() + 1)
        };
        let due = NaiveDate::from_ymd_opt(year, month, due_day.clamp(1, 28)).unwrap_or(date);
        return on_or_after_business_day(due);
    }
    let days = rules.and_then(|r| r.pay_business_days).unwrap_or(PAY_DAYS);
    add_business_days(signed, days)
}
