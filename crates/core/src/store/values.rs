//! Typed reads of what the book stores as text: a value that does not parse is an error
//! naming where it was, never a silent default.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rust_decimal::Decimal;

use crate::acts::ActStatus;
use crate::clients::Outcome;
use crate::documents::SignerRole;
use crate::partners::{PartnerKind, PartnerStatus};
use crate::programs::{Category, Channel};
use crate::{Error, Result};

/// The refusal for a value the book should not hold: `what` names where it was.
pub(crate) fn corrupt(what: &str, value: &str) -> Error {
    Error::refused(
        "book_corrupt",
        format!("в книге неверное значение «{value}» ({what})"),
        format!("the book holds a bad value “{value}” ({what})"),
    )
}

/// An RFC 3339 time with its offset.
pub fn time(what: &str, value: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(value).map_err(|_| corrupt(what, value))
}

/// `seller` or `buyer`.
pub fn signer_role(what: &str, value: &str) -> Result<SignerRole> {
    SignerRole::parse(value).ok_or_else(|| corrupt(what, value))
}

/// A `YYYY-MM-DD` day.
pub fn day(what: &str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| corrupt(what, value))
}

pub fn optional_day(what: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    value.map(|v| day(what, v)).transpose()
}

pub fn decimal(what: &str, value: &str) -> Result<Decimal> {
    value.parse().map_err(|_| corrupt(what, value))
}

pub fn channel(what: &str, value: &str) -> Result<Channel> {
    Channel::parse(value).ok_or_else(|| corrupt(what, value))
}

pub fn category(what: &str, value: &str) -> Result<Category> {
    Category::parse(value).ok_or_else(|| corrupt(what, value))
}

pub fn partner_kind(what: &str, value: &str) -> Result<PartnerKind> {
    PartnerKind::parse(value).ok_or_else(|| corrupt(what, value))
}

pub fn status(what: &str, value: &str) -> Result<PartnerStatus> {
    PartnerStatus::parse(value).ok_or_else(|| corrupt(what, value))
}

/// Column `i` of a row as text.
pub fn text<'r>(row: &'r crate::store::sql::Row<'_>, i: usize) -> Result<&'r str> {
    Ok(row.get_ref(i)?.as_str(i)?)
}

/// Column `i` of a row as text, or NULL.
pub fn optional_text<'r>(row: &'r crate::store::sql::Row<'_>, i: usize) -> Result<Option<&'r str>> {
    Ok(row.get_ref(i)?.as_str_or_null(i)?)
}

/// `bound`, `kept` or `refused`.
pub fn binding_outcome(what: &str, value: &str) -> Result<Outcome> {
    match value {
        "bound" => Ok(Outcome::Bound),
        "kept" => Ok(Outcome::Kept),
        "refused" => Ok(Outcome::Refused),
        _ => Err(corrupt(what, value)),
    }
}

pub fn act_status(what: &str, value: &str) -> Result<ActStatus> {
    ActStatus::parse(value).ok_or_else(|| corrupt(what, value))
}
