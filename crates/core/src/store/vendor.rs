//! The vendor's requisites, kept as JSON under the `vendor` setting.

use crate::store::settings::{get, set};
use crate::store::sql::Db;
use crate::store::values::corrupt;
use crate::vendor::Vendor;
use crate::{Error, Result};

/// The vendor's requisites (empty until staff fill them in).
pub fn vendor(db: &Db) -> Result<Vendor> {
    match get(db, "vendor")? {
        Some(json) => serde_json::from_str(&json).map_err(|_| corrupt("settings.vendor", &json)),
        None => Ok(Vendor::default()),
    }
}

/// Keeps the vendor's requisites: the JSON kept.
pub(crate) fn keep_vendor(db: &Db, vendor: &Vendor) -> Result<String> {
    let json = serde_json::to_string(vendor).map_err(|e| {
        Error::refused(
            "vendor",
            format!("не записать реквизиты: {e}"),
            format!("cannot store requisites: {e}"),
        )
    })?;
    set(db, "vendor", &json)?;
    Ok(json)
}
