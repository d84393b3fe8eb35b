//! Amounts as the UI sends them (typed: `1 234,50`, `-120`), read the way the import
//! reads them; a bad one is a problem at its field.

use partnerbook_core::import::table::{amount as read_amount, Cell};
use partnerbook_core::{Error, Problem, Result, Text};
use rust_decimal::Decimal;

/// The amount in `value`, or an `invalid` error at `field`.
pub fn amount(field: &'static str, value: &str) -> Result<Decimal> {
    match read_amount(&Cell::Text(value.to_owned())) {
        Ok(Some(a)) => Ok(a),
        Ok(None) => Err(Error::Invalid(vec![Problem::new(
            "required",
            Text::new("укажите сумму", "give an amount"),
        )
        .field(field)])),
        Err(p) => Err(Error::Invalid(vec![p.field(field)])),
    }
}
