//! A rule change applied to past billing.

use chrono::NaiveDate;

use crate::audit::Actor;
use crate::ledger::{apply_whatif, WhatIfApplied, WhatIfRequest};
use crate::store::Book;
use crate::Result;

/// Posts the what-if's differences as correcting entries dated `date` and records the
/// rules as a version, in one transaction after a backup of the book.
pub fn whatif_apply(
    book: &mut Book,
    actor: &Actor,
    request: &WhatIfRequest,
    date: NaiveDate,
) -> Result<WhatIfApplied> {
    book.backup("before-whatif-apply", actor.now)?;
    book.write(|tx| apply_whatif(tx, actor, request, date))
}
