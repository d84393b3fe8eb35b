//! Programs as data: versioned rule sets and the five templates a book starts with.

mod model;
mod rules_json;
mod store;
pub mod templates;
mod versions;

pub use model::*;
pub use rules_json::{read_rules_file, rules_from_json};
pub(crate) use store::seed_templates;
pub(crate) use store::ProgramCache;
pub use store::{find_program, unknown_program};
pub use store::{load_program, load_programs, ProgramSummary};
pub use versions::{add_version, check_rules};
