//! A fuzz harness on stable Rust: seeded mutations of the test corpus (bit flips,
//! truncations, spliced and duplicated rows, huge and odd-Unicode fields, wrong encodings,
//! XLSX entries rewritten and zip bombs, broken signatures, statements and packages) fed
//! in process to every reader of untrusted bytes the book has, each run under
//! `catch_unwind`. A panic, or an input slower than the limit, is a finding: its seed is
//! printed and its bytes saved.
//!
//! - [`corpus`]: the inputs mutations start from, per target.
//! - [`mutate`]: the byte-level and row-level mutators; [`xlsx`] the workbook ones.
//! - [`targets`]: the readers, one function each.
//! - [`round`]: runs a number of executions on threads and reports.
//! - [`memory`]: a counting allocator, for what each input makes the heap grow by.

pub mod corpus;
pub mod memory;
pub mod mutate;
pub mod round;
pub mod targets;
pub mod xlsx;

pub use round::{run_round, Finding, RoundOptions, RoundReport};
pub use targets::Target;
