//! Every expected date here is read off the official production calendars, not computed:
//!
//! - holidays: ТК РФ art. 112 (1–8 January, 23 February, 8 March, 1 and 9 May, 12 June,
//!   4 November);
//! - 2024: Постановление Правительства РФ от 10.08.2023 № 1314 (Saturday 28 December a
//!   working day, 30–31 December days off);
//! - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 (days off 2 and 8 May,
//!   13 June, 3 November, 31 December; Saturday 1 November a working day);
//! - 2026: Постановление Правительства РФ от 24.09.2025 № 1466 (days off 9 January,
//!   9 March, 11 May, 31 December; no working Saturday);
//! - 2027: Постановление Правительства РФ от 17.09.2026 № 1187 as `holidays-ru` 0.2.2
//!   carries it (Saturday 20 February a working day, 22 February a day off).
//!
//! The same lists are in `holidays-ru` 0.2.2, `src/data/federal/y2024.rs`–`y2027.rs`.

use super::{add_business_days, is_business_day, on_or_after_business_day};
use chrono::{Datelike, NaiveDate, Weekday};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// `(from, business days, deadline)`, each checked.
fn check_deadlines(cases: &[(&str, u32, &str)]) {
    for (from, days, due) in cases {
        assert_eq!(
            add_business_days(day(from), *days),
            day(due),
            "{from} + {days} business days"
        );
    }
}

fn check_days(business: bool, days: &[&str]) {
    for text in days {
        assert_eq!(is_business_day(day(text)), business, "{text}");
    }
}

fn business_days_in(year: i32) -> usize {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January");
    first
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter(|d| is_business_day(*d))
        .count()
}

#[test]
fn the_2025_calendar() {
    check_days(
        false,
        &[
            "2025-01-01",
            "2025-01-03",
            "2025-01-06",
            "2025-01-07",
            "2025-01-08",
            "2025-02-23",
            "2025-03-08",
            "2025-05-01",
            "2025-05-02",
            "2025-05-08",
            "2025-05-09",
            "2025-05-10",
            "2025-05-11",
            "2025-06-12",
            "2025-06-13",
            "2025-11-02",
            "2025-11-03",
            "2025-11-04",
            "2025-12-31",
        ],
    );
    check_days(
        true,
        &[
            // The working Saturday (for Monday 3 November), a short day.
            "2025-11-01",
            // The first working day of the year, a Thursday.
            "2025-01-09",
            // 23 February and 8 March fell on a weekend; the days off they gave were
            // moved to 8 May and 13 June, so the Monday after each is a working day.
            "2025-02-24",
            "2025-03-10",
            "2025-04-30",
            "2025-05-05",
            "2025-05-07",
            "2025-05-12",
            "2025-06-11",
            "2025-06-16",
            "2025-11-05",
            "2025-12-30",
        ],
    );
}

#[test]
fn the_2026_calendar() {
    check_days(
        false,
        &[
            "2026-01-01",
            "2026-01-02",
            "2026-01-05",
            "2026-01-08",
            "2026-01-09",
            "2026-01-10",
            "2026-01-11",
            "2026-02-23",
            "2026-03-08",
            "2026-03-09",
            "2026-05-01",
            "2026-05-09",
            "2026-05-10",
            "2026-05-11",
            "2026-06-12",
            "2026-11-04",
            "2026-12-31",
        ],
    );
    check_days(
        true,
        &[
            "2026-01-12",
            "2026-03-06",
            "2026-03-10",
            "2026-04-30",
            "2026-05-04",
            "2026-05-08",
            "2026-05-12",
            "2026-06-11",
            "2026-11-03",
            "2026-11-05",
            "2026-12-30",
        ],
    );
    // No Saturday of 2026 was made a working day.
    let saturdays = NaiveDate::from_ymd_opt(2026, 1, 3)
        .expect("the first Saturday")
        .iter_weeks()
        .take_while(|d| d.year() == 2026);
    for saturday in saturdays {
        assert_eq!(saturday.weekday(), Weekday::Sat);
        assert!(!is_business_day(saturday), "{saturday}");
    }
}

#[test]
fn working_saturdays_of_2024_and_2027() {
    check_days(
        true,
        &["2024-04-27", "2024-11-02", "2024-12-28", "2027-02-20"],
    );
    check_days(
        false,
        &[
            "2024-12-30",
            "2024-12-31",
            "2027-02-22",
            "2027-02-23",
            "2027-12-31",
        ],
    );
}

#[test]
fn a_year_has_as_many_business_days_as_its_official_calendar() {
    // 2025 and 2026 each have 247 working days (and 118 days off).
    assert_eq!(business_days_in(2025), 247);
    assert_eq!(business_days_in(2026), 247);
}

#[test]
fn deadlines_over_the_new_year_holidays() {
    check_deadlines(&[
        // Tuesday 30 December 2025: 31 December and 1–11 January are days off.
        ("2025-12-30", 1, "2026-01-12"),
        ("2025-12-30", 3, "2026-01-14"),
        ("2025-12-29", 1, "2025-12-30"),
        ("2025-12-29", 2, "2026-01-12"),
        // Friday 27 December 2024: Saturday the 28th was a working day, then 29 December
        // to 8 January off.
        ("2024-12-27", 1, "2024-12-28"),
        ("2024-12-27", 2, "2025-01-09"),
        ("2024-12-28", 1, "2025-01-09"),
        // 31 December 2026 and 1–10 January 2027 are days off.
        ("2026-12-30", 1, "2027-01-11"),
    ]);
}

#[test]
fn deadlines_over_the_may_holidays() {
    check_deadlines(&[
        // 2025: 1–4 May and 8–11 May off.
        ("2025-04-30", 1, "2025-05-05"),
        ("2025-04-30", 10, "2025-05-20"),
        ("2025-05-07", 1, "2025-05-12"),
        // 2026: 1–3 May and 9–11 May off.
        ("2026-04-30", 1, "2026-05-04"),
        ("2026-04-30", 10, "2026-05-18"),
        ("2026-05-08", 1, "2026-05-12"),
    ]);
}

#[test]
fn deadlines_from_a_friday() {
    check_deadlines(&[
        // An ordinary week: the next business day is Monday.
        ("2026-02-06", 1, "2026-02-09"),
        ("2026-02-06", 5, "2026-02-13"),
        // Friday 31 October 2025: the Saturday after is a working day, then 2–4 November off.
        ("2025-10-31", 1, "2025-11-01"),
        ("2025-10-31", 2, "2025-11-05"),
        // Friday 6 March 2026: 7–9 March off.
        ("2026-03-06", 1, "2026-03-10"),
        // Friday 19 February 2027: Saturday 20 February works, 21–23 February off.
        ("2027-02-19", 1, "2027-02-20"),
        ("2027-02-19", 2, "2027-02-24"),
    ]);
}

#[test]
fn deadlines_from_a_holiday() {
    check_deadlines(&[
        // Counting starts the next day whatever `from` is.
        ("2026-01-01", 1, "2026-01-12"),
        ("2026-01-01", 2, "2026-01-13"),
        ("2025-06-12", 1, "2025-06-16"),
        ("2025-11-04", 1, "2025-11-05"),
        ("2026-11-04", 1, "2026-11-05"),
        // Sunday 2 November 2025 → Monday 3 off, Tuesday 4 a holiday.
        ("2025-11-02", 1, "2025-11-05"),
    ]);
}

#[test]
fn zero_days_is_the_shift_to_a_business_day() {
    check_deadlines(&[
        ("2026-01-12", 0, "2026-01-12"),
        ("2025-11-01", 0, "2025-11-01"),
        ("2026-01-01", 0, "2026-01-12"),
        ("2025-12-31", 0, "2026-01-12"),
        ("2025-06-12", 0, "2025-06-16"),
        ("2026-05-09", 0, "2026-05-12"),
        ("2025-11-08", 0, "2025-11-10"),
    ]);
}

#[test]
fn on_or_after_keeps_a_business_day_and_moves_a_day_off() {
    let cases = [
        ("2026-01-12", "2026-01-12"),
        ("2026-01-01", "2026-01-12"),
        ("2025-12-31", "2026-01-12"),
        ("2025-11-01", "2025-11-01"),
        ("2025-11-02", "2025-11-05"),
        ("2026-05-09", "2026-05-12"),
        ("2026-03-08", "2026-03-10"),
    ];
    for (from, due) in cases {
        assert_eq!(on_or_after_business_day(day(from)), day(due), "{from}");
    }
}

#[test]
fn years_without_official_data_have_weekends_only() {
    // 2028 has no decree in the data: 3 January, a Monday, counts as a business day
    // (ТК РФ art. 112 would make it a holiday; see the module docs).
    check_days(true, &["2028-01-03", "2028-01-07", "1992-01-02"]);
    check_days(false, &["2028-01-01", "2028-01-02", "2028-01-08"]);
    check_deadlines(&[
        // 31 December 2027 (official) off, then 1–2 January 2028 the weekend.
        ("2027-12-30", 1, "2028-01-03"),
        ("2028-01-07", 1, "2028-01-10"),
        ("2028-01-08", 0, "2028-01-10"),
    ]);
}

#[test]
fn the_end_of_chrono_dates_stops_the_count() {
    let last = NaiveDate::MAX;
    let near = last.pred_opt().expect("the day before");
    assert_eq!(add_business_days(last, 1), last);
    assert_eq!(add_business_days(near, 10), last);
    assert_eq!(on_or_after_business_day(last), last);
}
