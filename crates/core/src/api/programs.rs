//! Programs: a new version of the rules, and a rule change applied to past billing.

use chrono::NaiveDate;

use crate::audit::Actor;
use crate::ledger::{apply_whatif, WhatIfApplied, WhatIfRequest};
use crate::programs::{self, ProgramVersion, RuleSet};
use crate::store::Book;
use crate::Result;

/// The program's rules from `from` on.
pub fn add_version(
    book: &mut Book,
    actor: &Actor,
    program: &str,
    from: NaiveDate,
    rules: &RuleSet,
) -> Result<ProgramVersion> {
    book.write(|tx| programs::add_version(tx, actor, program, from, rules))
}

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
