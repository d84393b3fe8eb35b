//! N months later, minus one day.

use super::d;
use crate::discounts::period_end;

#[test]
fn three_months_from_30_03_end_on_29_06() {
    assert_eq!(period_end(d("2026-03-30"), 3), Some(d("2026-06-29")));
    assert_eq!(period_end(d("2026-03-30"), 6), Some(d("2026-09-29")));
    assert_eq!(period_end(d("2026-03-30"), 12), Some(d("2027-03-29")));
}

#[test]
fn a_month_from_the_1st_is_the_whole_month() {
    assert_eq!(period_end(d("2026-03-01"), 1), Some(d("2026-03-31")));
    assert_eq!(period_end(d("2026-02-01"), 1), Some(d("2026-02-28")));
    assert_eq!(period_end(d("2025-12-15"), 1), Some(d("2026-01-14")));
}

#[test]
fn a_month_from_31_01_ends_the_day_before_28_02_or_29_02() {
    // 31.01 + 1 month is clamped to 28.02 (29.02 in a leap year), as the invitation
    // window clamps; the period ends the day before.
    assert_eq!(period_end(d("2025-01-31"), 1), Some(d("2025-02-27")));
    assert_eq!(period_end(d("2024-01-31"), 1), Some(d("2024-02-28")));
    assert_eq!(period_end(d("2025-03-31"), 1), Some(d("2025-04-29")));
    assert_eq!(period_end(d("2024-02-29"), 12), Some(d("2025-02-27")));
}

#[test]
fn zero_months_grant_no_period() {
    assert_eq!(period_end(d("2026-03-30"), 0), None);
}
