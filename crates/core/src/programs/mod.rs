//! Programs as data: versioned rule sets and the five templates a book starts with.

mod model;
mod store;
pub mod templates;

pub use model::*;
pub(crate) use store::seed_templates;
pub use store::unknown_program;
pub use store::{load_program, load_programs, ProgramSummary};
