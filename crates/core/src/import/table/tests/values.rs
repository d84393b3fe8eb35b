use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::text as cell;
use crate::import::table::{amount, date, text, yes_no, Cell};

fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

#[test]
fn text_is_trimmed_and_numbers_and_dates_are_their_text() {
    assert_eq!(text(&cell("  Альфа \u{a0}")).as_deref(), Some("Альфа"));
    assert_eq!(text(&cell("   ")), None);
    assert_eq!(text(&Cell::Empty), None);
    assert_eq!(
        text(&Cell::Number("12345".into())).as_deref(),
        Some("12345")
    );
    assert_eq!(
        text(&Cell::Date(day(2025, 3, 1).expect("a date"))).as_deref(),
        Some("2025-03-01")
    );
    assert_eq!(text(&Cell::Bool(false)).as_deref(), Some("false"));
}

#[test]
fn dates_in_both_forms() {
    assert_eq!(date(&cell("2025-01-15")), Ok(day(2025, 1, 15)));
    assert_eq!(date(&cell(" 15.01.2025 ")), Ok(day(2025, 1, 15)));
    assert_eq!(date(&cell("5.1.2025")), Ok(day(2025, 1, 5)));
    assert_eq!(date(&cell("29.02.2024")), Ok(day(2024, 2, 29)));
    assert_eq!(date(&cell("2024-02-29")), Ok(day(2024, 2, 29)));
    assert_eq!(
        date(&Cell::Date(day(2025, 6, 30).expect("a date"))),
        Ok(day(2025, 6, 30))
    );
    assert_eq!(date(&Cell::Empty), Ok(None));
    assert_eq!(date(&cell("  ")), Ok(None));
}

#[test]
fn dates_that_are_not() {
    for bad in [
        "29.02.2025",
        "31.02.2025",
        "2025-13-01",
        "2025-1-5",
        "15/01/2025",
        "15.01.25",
        "2025-01-15 10:00",
        "сегодня",
        "1.2.3.2025",
    ] {
        let problem = date(&cell(bad)).expect_err(bad);
        assert_eq!(problem.code, "bad_date");
        assert_eq!((problem.row, problem.column.as_deref()), (None, None));
        assert!(problem.text.en.contains(bad), "{}", problem.text.en);
    }
    assert_eq!(
        date(&cell("31.02.2025")).expect_err("no such day").text.ru,
        "не дата: «31.02.2025» (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"
    );
    assert_eq!(
        date(&cell("31.02.2025")).expect_err("no such day").text.en,
        "not a date: “31.02.2025” (expected YYYY-MM-DD or DD.MM.YYYY)"
    );
    assert!(date(&Cell::Number("45678".into())).is_err());
    assert!(date(&Cell::Bool(true)).is_err());
}

#[test]
fn amounts_in_every_form() {
    let cases: [(&str, Decimal); 13] = [
        ("12345.67", dec!(12345.67)),
        ("12345,67", dec!(12345.67)),
        ("12 345,67", dec!(12345.67)),
        ("12\u{a0}345,67", dec!(12345.67)),
        ("1\u{202f}234\u{202f}567.8", dec!(1234567.8)),
        ("-12 345.67", dec!(-12345.67)),
        ("-0,5", dec!(-0.5)),
        ("\u{2212}7", dec!(-7)),
        ("12345", dec!(12345)),
        ("0", dec!(0)),
        ("  100,00 ", dec!(100.00)),
        ("1234567", dec!(1234567)),
        ("999 999 999 999,99", dec!(999999999999.99)),
    ];
    for (written, expected) in cases {
        assert_eq!(amount(&cell(written)), Ok(Some(expected)), "{written}");
    }
    assert_eq!(
        amount(&Cell::Number("12345.67".into())),
        Ok(Some(dec!(12345.67)))
    );
    assert_eq!(amount(&Cell::Number("-3".into())), Ok(Some(dec!(-3))));
    assert_eq!(amount(&Cell::Empty), Ok(None));
    assert_eq!(amount(&cell(" ")), Ok(None));
}

#[test]
fn amounts_that_are_not() {
    for bad in [
        "12,345.67.8",
        "12,345.67",
        "abc",
        "1 2 3,4,5",
        "12 34,5",
        "1234 567",
        "12  345",
        "12.",
        ",5",
        "+5",
        "--5",
        "- 5",
        "5-",
        "12 345,6 7",
        "1e5",
        "12345.67 ₽",
        "99999999999999999999999999999999",
    ] {
        let problem = amount(&cell(bad)).expect_err(bad);
        assert_eq!(problem.code, "bad_amount", "{bad}");
        assert!(
            problem.text.ru.starts_with("не сумма: «"),
            "{}",
            problem.text.ru
        );
    }
    assert!(amount(&Cell::Bool(true)).is_err());
    assert!(amount(&Cell::Date(day(2025, 1, 1).expect("a date"))).is_err());
}

#[test]
fn yes_and_no_in_both_languages() {
    for yes in ["yes", "YES", "Да", "ДА", "1", "true", "True", "истина"] {
        assert_eq!(yes_no(&cell(yes)), Ok(Some(true)), "{yes}");
    }
    for no in ["no", "No", "нет", "НЕТ", "0", "false", "FALSE", "Ложь"] {
        assert_eq!(yes_no(&cell(no)), Ok(Some(false)), "{no}");
    }
    assert_eq!(yes_no(&Cell::Bool(true)), Ok(Some(true)));
    assert_eq!(yes_no(&Cell::Number("0".into())), Ok(Some(false)));
    assert_eq!(yes_no(&Cell::Empty), Ok(None));
    for bad in ["может быть", "2", "y", "ok"] {
        assert_eq!(yes_no(&cell(bad)).expect_err(bad).code, "bad_yes_no");
    }
    assert!(yes_no(&Cell::Number("2".into())).is_err());
}
