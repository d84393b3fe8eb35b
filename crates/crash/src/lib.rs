//! Crash trials shared by the CLI's crash test and the benchmark's `--crash` part: the
//! real `partnerbook` started on a prepared book and killed with SIGKILL after a random
//! delay, then the book checked (`book check`), compared with its state before and after
//! an uninterrupted run (none or all of the operation), and the same command run again
//! (it completes, and the book equals the uninterrupted result).

mod delays;
mod runner;
mod trial;

pub use delays::Delays;
pub use runner::{Ran, Runner};
pub use trial::{Reference, Trial, Write};
