//! The `ledger` table's reads for the rules: the days of a partner's latest entries.

use chrono::NaiveDate;

use crate::store::sql::Db;
use crate::store::values::optional_day;
use crate::Result;

/// The day of the partner's latest conversion, if any.
pub(crate) fn last_conversion(db: &Db, partner: &str) -> Result<Option<NaiveDate>> {
    let last: Option<String> = db
        .prepare_cached("SELECT max(date) FROM ledger WHERE partner = ?1 AND kind = 'conversion'")?
        .query_row([partner], |r| r.get(0))?;
    optional_day("ledger.date", last.as_deref())
}
