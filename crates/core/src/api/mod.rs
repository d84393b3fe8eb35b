//! The application's operations, one function each, as both shells (the command line and
//! the desktop app) call them: each owns its transaction and its backup policy, so the
//! two cannot differ in what they do around the rules. Operations move here one by one
//! (FORMATS.md's commands first); the ones not here yet are called in the modules that
//! hold their rules.

mod acts;
mod programs;

pub use acts::acts_batch;
pub use programs::whatif_apply;
