//! Amounts given as options, read as the import reads them: `1234.50`, `1 234,50`, `-120`.

use partnerbook_core::import::table::{amount as read_amount, Cell};
use partnerbook_core::{Error, Lang, Problem, Result, Text};
use rust_decimal::Decimal;

/// An amount option.
pub fn amount(option: &'static str, text: &str) -> Result<Decimal> {
    match read_amount(&Cell::Text(text.to_owned())) {
        Ok(Some(amount)) => Ok(amount),
        Ok(None) => Err(Error::Invalid(vec![Problem::new(
            "required",
            Text::new(
                format!("--{option}: нужна сумма"),
                format!("--{option}: an amount is needed"),
            ),
        )
        .field(option)])),
        Err(p) => Err(Error::Invalid(vec![Problem::new(
            "bad_amount",
            Text::new(
                format!("--{option}: {}", p.text.get(Lang::Ru)),
                format!("--{option}: {}", p.text.get(Lang::En)),
            ),
        )
        .field(option)])),
    }
}
