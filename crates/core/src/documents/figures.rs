//! Numbers as Russian documents print them: `5 000,00` (no-break space between thousands,
//! comma before the kopecks) and dates as `30.11.2026`.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// `12345.6` → `12 345,60` (U+00A0 between thousands; a minus in front when negative).
pub fn ru_amount(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.2}", rounded.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 * 2);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped},{cents}")
}

/// `30.11.2026`.
pub fn ru_date(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// The short word for a currency on a document: `руб.`, `тенге`, `долл. США`.
pub fn currency_word(currency: &str) -> &str {
    match currency {
        "RUB" => "руб.",
        "KZT" => "тенге",
        "USD" => "долл. США",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    #[test]
    fn amounts_group_thousands_and_keep_two_decimals() {
        assert_eq!(ru_amount(d("0")), "0,00");
        assert_eq!(ru_amount(d("5")), "5,00");
        assert_eq!(ru_amount(d("999.5")), "999,50");
        assert_eq!(ru_amount(d("1000")), "1\u{a0}000,00");
        assert_eq!(ru_amount(d("12345.675")), "12\u{a0}345,68");
        assert_eq!(ru_amount(d("1001001.21")), "1\u{a0}001\u{a0}001,21");
        assert_eq!(ru_amount(d("-2500")), "-2\u{a0}500,00");
    }
}
