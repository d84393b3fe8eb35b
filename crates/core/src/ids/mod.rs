//! Validation of Russian and Kazakh identifiers of organisations and people: ИНН, КПП,
//! ОГРН/ОГРНИП, БИК with the settlement account, Kazakhstan ИИН/БИН.
//!
//! Every check takes the value as typed (the caller trims it) and answers `Ok(())` or an
//! [`IdError`] with a stable code and a short bilingual message. The messages are not
//! prefixed with the field's name: the UI (or [`IdError::into_problem`]) says which field.
//! Only ASCII digits count as digits; anything else is a `*_not_digits` error.

mod bank;
mod kz;
mod ru;

pub use bank::{check_account, check_bik};
pub use kz::check_kz_iin_bin;
pub use ru::{check_inn, check_inn_legal, check_inn_person, check_kpp, check_ogrn};

use crate::{Problem, Text};

/// Why an identifier is invalid: a stable `code` (`inn_checksum`, `kpp_format`, …) and a
/// message in Russian and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub code: &'static str,
    pub text: Text,
}

impl IdError {
    fn new(code: &'static str, ru: impl Into<String>, en: impl Into<String>) -> IdError {
        IdError {
            code,
            text: Text::new(ru, en),
        }
    }

    /// The same error as a [`Problem`] of the form field `field`.
    pub fn into_problem(self, field: &'static str) -> Problem {
        Problem::new(self.code, self.text).field(field)
    }

    /// `must have {expected} digits, not {found}`; `expected` is given in both languages
    /// (`"10 или 12"`, `"10 or 12"`).
    fn digit_count(
        code: &'static str,
        expected_ru: &str,
        expected_en: &str,
        found: usize,
    ) -> IdError {
        IdError::new(
            code,
            format!("должен содержать {expected_ru} цифр, а не {found}"),
            format!("must have {expected_en} digits, not {found}"),
        )
    }

    /// The wrong check digit of a number whose check is a single digit.
    fn check_digit(code: &'static str) -> IdError {
        IdError::new(code, "неверное контрольное число", "wrong check digit")
    }
}

/// The digits of `value` (0–9 each), or `code` naming the first character that is not an
/// ASCII digit, counted from 1.
fn digits(value: &str, code: &'static str) -> Result<Vec<u8>, IdError> {
    value
        .chars()
        .enumerate()
        .map(|(index, c)| {
            u8::try_from(c)
                .ok()
                .filter(u8::is_ascii_digit)
                .map(|byte| byte - b'0')
                .ok_or_else(|| not_a_digit(code, index + 1, c))
        })
        .collect()
}

fn not_a_digit(code: &'static str, position: usize, c: char) -> IdError {
    let shown = c.escape_debug();
    IdError::new(
        code,
        format!("должен состоять только из цифр, а символ {position} — «{shown}»"),
        format!("must contain digits only; character {position} is «{shown}»"),
    )
}

/// Σ weight × digit over the shorter of the two.
fn weighted_sum(weights: &[u32], digits: &[u8]) -> u32 {
    weights
        .iter()
        .zip(digits)
        .map(|(w, d)| w * u32::from(*d))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_read_in_order() {
        assert_eq!(digits("0459", "x"), Ok(vec![0, 4, 5, 9]));
        assert_eq!(digits("", "x"), Ok(vec![]));
    }

    #[test]
    fn the_first_non_digit_is_named_by_position() {
        let err = digits("12a4b", "x_not_digits").expect_err("a letter");
        assert_eq!(err.code, "x_not_digits");
        assert_eq!(err.text.en, "must contain digits only; character 3 is «a»");
        assert_eq!(
            err.text.ru,
            "должен состоять только из цифр, а символ 3 — «a»"
        );
    }

    #[test]
    fn non_ascii_digits_and_whitespace_are_not_digits() {
        // Arabic-Indic four, full-width one, a space, a tab.
        for value in ["12\u{0664}", "\u{FF11}", "77 07", "77\t07"] {
            let err = digits(value, "x_not_digits").expect_err(value);
            assert_eq!(err.code, "x_not_digits", "{value}");
        }
        let err = digits("7\t7", "x").expect_err("a tab");
        assert_eq!(
            err.text.en,
            "must contain digits only; character 2 is «\\t»"
        );
    }

    #[test]
    fn into_problem_keeps_code_and_text_and_names_the_field() {
        let err = IdError::check_digit("inn_checksum");
        let problem = err.clone().into_problem("inn");
        assert_eq!(problem, Problem::new("inn_checksum", err.text).field("inn"));
        assert_eq!(problem.field, Some("inn"));
        assert_eq!(problem.row, None);
    }
}
