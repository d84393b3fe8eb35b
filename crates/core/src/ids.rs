//! Placeholder until the ids branch lands.
use crate::{Problem, Text};
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError { pub code: &'static str, pub text: Text }
impl IdError { pub fn into_problem(self, field: &'static str) -> Problem { Problem::new(self.code, self.text).field(field) } }
pub fn check_inn(_: &str) -> Result<(), IdError> { Ok(()) }
pub fn check_kpp(_: &str) -> Result<(), IdError> { Ok(()) }
pub fn check_ogrn(_: &str) -> Result<(), IdError> { Ok(()) }
