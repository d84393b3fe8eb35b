//! Amounts given as options: `1234.50`, `1 234,50`, `-120`.

use partnerbook_core::{Error, Problem, Result, Text};
use rust_decimal::Decimal;

/// An amount option, spaces and a decimal comma allowed.
pub fn amount(option: &'static str, text: &str) -> Result<Decimal> {
    text.trim()
        .replace([' ', '\u{a0}'], "")
        .replace(',', ".")
        .parse::<Decimal>()
        .map_err(|_| {
            Error::Invalid(vec![Problem::new(
                "bad_amount",
                Text::new(
                    format!("--{option}: «{text}» — не сумма"),
                    format!("--{option}: «{text}» is not an amount"),
                ),
            )
            .field(option)])
        })
}
