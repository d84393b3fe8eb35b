//! The book's programs as the domain asks for them: one that may be missing, the
//! refusal naming an unknown one, and programs read once for a long run of rows.

use crate::store::programs::load_program;
use crate::store::sql::Db;

use super::model::Program;
use crate::{Error, Result};

/// The program, or `None` when the book has no program `id`.
pub fn find_program(db: &Db, id: &str) -> Result<Option<Program>> {
    match load_program(db, id) {
        Ok(p) => Ok(Some(p)),
        Err(Error::Refused {
            code: "unknown_program",
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Programs read once for a long run of rows (an import).
#[derive(Default)]
pub(crate) struct ProgramCache(std::collections::HashMap<String, Option<std::rc::Rc<Program>>>);

impl ProgramCache {
    pub fn get(&mut self, db: &Db, id: &str) -> Result<Option<std::rc::Rc<Program>>> {
        if let Some(found) = self.0.get(id) {
            return Ok(found.clone());
        }
        let found = find_program(db, id)?.map(std::rc::Rc::new);
        self.0.insert(id.to_owned(), found.clone());
        Ok(found)
    }
}

pub fn unknown_program(id: &str) -> Error {
    Error::refused(
        "unknown_program",
        format!("нет программы «{id}» (есть bitrix24, atlantys, quantower, tele2-ats, ciawifi и созданные в книге)"),
        format!("no program “{id}” (there are bitrix24, atlantys, quantower, tele2-ats, ciawifi and those created in the book)"),
    )
}
