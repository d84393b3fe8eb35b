//! The values of a statement's sections, read strictly: dates `ДД.ММ.ГГГГ`, sums with a dot
//! and at most two decimals, 20-digit accounts, 10- or 12-digit ИНН; each one wrong is a
//! problem naming its line and key.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::{Problem, Text};

/// A section's `Key=Value` lines: value and line by key.
pub(super) type Fields = HashMap<String, (String, u64)>;

/// Reads the values of one section, adding a problem for each one wrong.
pub(super) struct Reader<'a> {
    pub fields: &'a Fields,
    pub problems: &'a mut Vec<Problem>,
}

impl Reader<'_> {
    /// The value and its line, when the key is there (maybe empty).
    pub(super) fn text(&self, key: &str) -> Option<(String, u64)> {
        self.fields.get(key).cloned()
    }

    /// The value, when the key is there and not empty.
    pub(super) fn given(&self, key: &str) -> Option<(String, u64)> {
        self.text(key).filter(|(v, _)| !v.is_empty())
    }

    /// The value of a key the section must have, non-empty; else a problem at `start`.
    pub(super) fn required(&mut self, key: &str, start: u64) -> Option<(String, u64)> {
        let value = self.given(key);
        if value.is_none() {
            self.problems.push(
                problem(
                    "statement_key_missing",
                    "нет обязательного ключа в разделе, начатом здесь",
                    "a required key is missing from the section started here",
                )
                .at(start, key),
            );
        }
        value
    }

    pub(super) fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let (value, no) = self.given(key)?;
        self.parse_date(key, &value, no)
    }

    pub(super) fn parse_date(&mut self, key: &str, value: &str, no: u64) -> Option<NaiveDate> {
        let date = NaiveDate::parse_from_str(value, "%d.%m.%Y")
            .ok()
            .filter(|_| value.len() == 10);
        if date.is_none() {
            self.problems.push(
                problem(
                    "statement_date",
                    format!("«{}» — не дата ДД.ММ.ГГГГ", shown(value)),
                    format!("«{}» is not a date DD.MM.YYYY", shown(value)),
                )
                .at(no, key),
            );
        }
        date
    }

    pub(super) fn sum(&mut self, key: &str, zero_allowed: bool) -> Option<Decimal> {
        let (value, no) = self.given(key)?;
        self.parse_sum(key, &value, no, zero_allowed)
    }

    /// Digits, a dot and at most two decimals (`7988.00`, `100`): positive, or zero too
    /// where `zero_allowed` (balances and turnover; they may also be negative).
    pub(super) fn parse_sum(
        &mut self,
        key: &str,
        value: &str,
        no: u64,
        zero_allowed: bool,
    ) -> Option<Decimal> {
        let sum = sum_value(value, zero_allowed);
        if sum.is_none() {
            self.problems.push(
                problem(
                    "statement_sum",
                    format!(
                        "«{}» — не сумма (цифры, точка, не больше двух знаков после неё)",
                        shown(value)
                    ),
                    format!(
                        "«{}» is not a sum (digits, a dot, at most two decimals)",
                        shown(value)
                    ),
                )
                .at(no, key),
            );
        }
        sum
    }

    pub(super) fn account(&mut self, key: &str) -> Option<String> {
        let (value, no) = self.given(key)?;
        self.check_account(key, value, no)
    }

    pub(super) fn required_account(&mut self, key: &str, start: u64) -> Option<String> {
        let (value, no) = self.required(key, start)?;
        self.check_account(key, value, no)
    }

    /// `first`, else `second`; one of them required.
    pub(super) fn either_account(
        &mut self,
        first: &str,
        second: &str,
        start: u64,
    ) -> Option<String> {
        if self.given(first).is_none() && self.given(second).is_some() {
            return self.account(second);
        }
        self.required_account(first, start)
    }

    pub(super) fn check_account(&mut self, key: &str, value: String, no: u64) -> Option<String> {
        if value.len() == 20 && value.bytes().all(|b| b.is_ascii_digit()) {
            return Some(value);
        }
        self.problems.push(
            problem(
                "statement_account",
                format!("«{}» — не номер счёта (20 цифр)", shown(&value)),
                format!("«{}» is not an account number (20 digits)", shown(&value)),
            )
            .at(no, key),
        );
        None
    }

    /// 10 or 12 digits; empty or `0` (none) is `None`.
    pub(super) fn inn(&mut self, key: &str) -> Option<String> {
        let (value, no) = self.given(key).filter(|(v, _)| v != "0")?;
        if matches!(value.len(), 10 | 12) && value.bytes().all(|b| b.is_ascii_digit()) {
            return Some(value);
        }
        self.problems.push(
            problem(
                "statement_inn",
                format!("«{}» — не ИНН (10 или 12 цифр)", shown(&value)),
                format!("«{}» is not an ИНН (10 or 12 digits)", shown(&value)),
            )
            .at(no, key),
        );
        None
    }
}

/// A sum as the format writes it, or `None`.
pub(super) fn sum_value(value: &str, signed: bool) -> Option<Decimal> {
    let digits = if signed {
        value.strip_prefix('-').unwrap_or(value)
    } else {
        value
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() <= 2
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && fraction.is_empty());
    if !well_formed {
        return None;
    }
    let sum: Decimal = value.parse().ok()?;
    (signed || sum > Decimal::ZERO).then_some(sum)
}

/// A value as a message quotes it: at most 60 characters.
pub(super) fn shown(value: &str) -> String {
    const MAX: usize = 60;
    if value.chars().count() <= MAX {
        return value.to_owned();
    }
    let cut: String = value.chars().take(MAX).collect();
    format!("{cut}…")
}

pub(super) fn problem(code: &'static str, ru: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem::new(code, Text::new(ru, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    #[test]
    fn a_sum_has_digits_a_dot_and_at_most_two_decimals() {
        assert_eq!(sum_value("7988.00", false), Some(decimal("7988.00")));
        assert_eq!(sum_value("100", false), Some(decimal("100")));
        assert_eq!(sum_value("0.5", false), Some(decimal("0.5")));
        for bad in [
            "12,3.4", "1 000.00", "10.005", "", ".5", "5.", "-1.00", "0", "1e3", "+5",
        ] {
            assert_eq!(sum_value(bad, false), None, "{bad}");
        }
        assert_eq!(sum_value("-1.00", true), Some(decimal("-1.00")));
        assert_eq!(sum_value("0.00", true), Some(Decimal::ZERO));
    }

    #[test]
    fn a_long_value_is_cut_in_messages() {
        let long = "x".repeat(100);
        assert_eq!(shown(&long).chars().count(), 61);
        assert_eq!(shown("short"), "short");
    }
}
