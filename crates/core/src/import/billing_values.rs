//! The billing file's own kinds of value: the category and the operation type.

use super::table::{text, Cell};
use crate::programs::Category;
use crate::{Problem, Text};

/// `tariff` (default), `sms` or `other`, in English or Russian.
pub fn category(cell: &Cell) -> Result<Category, Problem> {
    let Some(value) = text(cell) else {
        return Ok(Category::Tariff);
    };
    match Category::parse(&value) {
        Some(category) => Ok(category),
        None => Err(Problem::new(
            "bad_category",
            Text::new(
                format!("категория «{value}» неизвестна (тариф, смс, прочее)"),
                format!("unknown category “{value}” (tariff, sms, other)"),
            ),
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Payment,
    Refund,
}

/// `payment` or `refund` (`оплата`, `возврат`); empty is for the amount's sign to say.
pub fn kind(cell: &Cell) -> Result<Option<Kind>, Problem> {
    let Some(value) = text(cell) else {
        return Ok(None);
    };
    match value.to_lowercase().as_str() {
        "payment" | "оплата" => Ok(Some(Kind::Payment)),
        "refund" | "возврат" => Ok(Some(Kind::Refund)),
        _ => Err(Problem::new(
            "bad_type",
            Text::new(
                format!("тип операции «{value}» неизвестен (оплата, возврат)"),
                format!("unknown operation type “{value}” (payment, refund)"),
            ),
        )),
    }
}
