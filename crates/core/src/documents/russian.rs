//! How the documents write things in Russian: money `5 000,00` (no-break space between
//! thousands, comma before kopecks), dates `30.11.2026`, months, currencies and units,
//! VAT rates, and a signer as «Кузнецов П. А.».

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::partners::PartnerKind;

/// The no-break space between groups of thousands: a line never breaks inside a sum.
pub const GROUP: char = '\u{a0}';

/// `5000` → `5 000,00`, `-1234.5` → `-1 234,50` (rounded half-up to kopecks).
pub fn money(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{},{fraction}", grouped(whole))
}

/// `+6 000,00` for what adds to a balance, `-1 000,00` for what takes from it.
pub fn signed_money(amount: Decimal) -> String {
    if amount > Decimal::ZERO {
        format!("+{}", money(amount))
    } else {
        money(amount)
    }
}

fn grouped(digits: &str) -> String {
    let count = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + count / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i).is_multiple_of(3) {
            out.push(GROUP);
        }
        out.push(c);
    }
    out
}

/// `30.11.2026`.
pub fn date(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// A stored `2026-11-30` as `30.11.2026`; anything else as it is.
pub fn iso_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(date)
        .unwrap_or_else(|_| iso.to_owned())
}

/// `22` → `22`, `7.5` → `7,5`: a VAT rate as the documents print it, without the `%`.
pub fn rate(percent: Decimal) -> String {
    percent.normalize().to_string().replace('.', ",")
}

/// The word after a sum: `руб.`, `тенге`, `долл. США`, `бонусов`; an unknown code as is.
pub fn unit_word(unit: &str) -> String {
    match unit.to_ascii_uppercase().as_str() {
        "RUB" | "RUR" => "руб.".into(),
        "KZT" => "тенге".into(),
        "USD" => "долл. США".into(),
        "EUR" => "евро".into(),
        "BONUS" => "бонусов".into(),
        _ => unit.to_owned(),
    }
}

/// The currency as a счёт-фактура names it (line 7): its name and the ОКВ code.
pub fn currency_name_and_code(code: &str) -> (String, String) {
    let (name, number) = match code.to_ascii_uppercase().as_str() {
        "RUB" | "RUR" => ("Российский рубль", "643"),
        "KZT" => ("Казахстанский тенге", "398"),
        "USD" => ("Доллар США", "840"),
        "EUR" => ("Евро", "978"),
        _ => return (code.to_owned(), "—".to_owned()),
    };
    (name.to_owned(), number.to_owned())
}

const MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// `2026-11` → `ноябрь 2026`; anything else is returned as it is.
pub fn month(year_month: &str) -> String {
    let parsed = year_month.split_once('-').and_then(|(y, m)| {
        let year: i32 = y.parse().ok()?;
        let month: usize = m.parse().ok()?;
        let name = MONTHS.get(month.checked_sub(1)?)?;
        Some(format!("{name} {year}"))
    });
    parsed.unwrap_or_else(|| year_month.to_owned())
}

/// «Кузнецов Павел Андреевич» → «Кузнецов П. А.»; one word stays as it is.
pub fn initials(full_name: &str) -> String {
    let mut words = full_name.split_whitespace();
    let Some(surname) = words.next() else {
        return String::new();
    };
    let mut out = surname.to_owned();
    for word in words {
        if let Some(first) = word.chars().next() {
            out.push(' ');
            out.push(first);
            out.push('.');
        }
    }
    out
}

/// The registration number's name: ОГРНИП for an ИП, ОГРН for an organization.
pub fn ogrn_label(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::Ip => "ОГРНИП",
        _ => "ОГРН",
    }
}

/// Who signs when the party names no position.
pub fn default_position(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::Ip => "Индивидуальный предприниматель",
        PartnerKind::Person => "",
        _ => "Руководитель",
    }
}

/// «Договор № П-2024/118 от 15.03.2024», or «Без договора».
pub fn contract(number: Option<&str>, signed: Option<NaiveDate>) -> String {
    match (number, signed) {
        (Some(n), Some(d)) => format!("Договор № {n} от {}", date(d)),
        (Some(n), None) => format!("Договор № {n}"),
        (None, Some(d)) => format!("Договор от {}", date(d)),
        (None, None) => "Без договора".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    #[test]
    fn money_is_grouped_with_comma_decimals() {
        assert_eq!(money(d("5000")), "5\u{a0}000,00");
        assert_eq!(money(d("901.64")), "901,64");
        assert_eq!(money(d("12345.675")), "12\u{a0}345,68");
        assert_eq!(money(d("1234567.8")), "1\u{a0}234\u{a0}567,80");
        assert_eq!(money(d("-1000")), "-1\u{a0}000,00");
        assert_eq!(money(d("-0.001")), "0,00");
        assert_eq!(money(d("0")), "0,00");
        assert_eq!(money(d("100")), "100,00");
        assert_eq!(signed_money(d("6000")), "+6\u{a0}000,00");
        assert_eq!(signed_money(d("-5000")), "-5\u{a0}000,00");
        assert_eq!(signed_money(d("0")), "0,00");
    }

    #[test]
    fn words_dates_and_names() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        assert_eq!(date(day), "05.03.2026");
        assert_eq!(rate(d("22.00")), "22");
        assert_eq!(rate(d("7.5")), "7,5");
        assert_eq!(unit_word("RUB"), "руб.");
        assert_eq!(unit_word("bonus"), "бонусов");
        assert_eq!(unit_word("GBP"), "GBP");
        assert_eq!(currency_name_and_code("KZT").1, "398");
        assert_eq!(month("2026-11"), "ноябрь 2026");
        assert_eq!(month("2026-01"), "январь 2026");
        assert_eq!(month("2026-13"), "2026-13");
        assert_eq!(month("ноябрь"), "ноябрь");
        assert_eq!(initials("Кузнецов Павел Андреевич"), "Кузнецов П. А.");
        assert_eq!(initials("  Orlova  "), "Orlova");
        assert_eq!(initials(""), "");
        assert_eq!(
            contract(Some("П-1"), Some(day)),
            "Договор № П-1 от 05.03.2026"
        );
        assert_eq!(contract(None, None), "Без договора");
    }
}
