//! Programs as data: versioned rule sets and the five templates a book starts with.

mod catalog;
mod model;
mod rules_json;
pub mod templates;
mod versions;

pub(crate) use crate::store::programs::seed_templates;
pub use crate::store::programs::{load_program, load_programs};
pub(crate) use catalog::ProgramCache;
pub use catalog::{find_program, unknown_program};
pub use model::*;
pub use rules_json::{read_rules_file, rules_from_json};
pub use versions::{add_version, check_rules};
