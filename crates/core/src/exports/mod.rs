//! Every table of the app exported as it is shown: the same filters, search and sort as
//! the screen, every row (not only the pages loaded), the screen's columns in its order
//! with its headers and words in the user's language, money as numbers shown in their
//! unit, days as date cells, and the totals rows under the lines. One request names the
//! table and the query its screen sends; the answer is the workbook and the name it
//! suggests. Paging fields of a query (`offset`, `limit`) are ignored: an export holds
//! every row.

mod acts;
mod balances;
mod clients;
mod ledger;
mod partners;
mod unearned;
mod whatif;
pub mod words;

use std::collections::HashMap;

use crate::store::sql::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::{ActQuery, DocumentFile};
use crate::clients::ClientQuery;
use crate::documents::{table_xlsx, Column, ColumnKind, Sheet};
use crate::ledger::{BalanceQuery, UnearnedQuery, WhatIfRequest, WhatIfSort};
use crate::partners::PartnerQuery;
use crate::programs::load_programs;
use crate::{Lang, Result};

/// Which table to export and the query its screen shows it with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum TableQuery {
    /// Партнёры.
    Partners { query: PartnerQuery },
    /// Клиенты.
    Clients { query: ClientQuery },
    /// Начисления → Балансы.
    Balances { query: BalanceQuery },
    /// A partner's ledger (Начисления → Журнал партнёра, and the card's «Начисления»).
    Ledger { partner: String },
    /// Начисления → Без начисления.
    Unearned { query: UnearnedQuery },
    /// Акты (a query with a partner: the card's «Акты», without the partner's columns).
    Acts { query: ActQuery },
    /// A what-if's table (the rules replayed again; the book is not changed).
    Whatif {
        request: WhatIfRequest,
        sort: WhatIfSort,
        descending: bool,
    },
}

/// An export: the table, and the language of its headers and words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub lang: Lang,
    pub table: TableQuery,
}

/// A workbook's sheets and the file name suggested for it.
struct Export {
    name: String,
    sheets: Vec<Sheet>,
}

/// The table as `.xlsx` and the name to save it under; `today` judges overdue acts (when
/// the query names no day) and dates the file name.
pub fn export_table(db: &Db, request: &ExportRequest, today: NaiveDate) -> Result<DocumentFile> {
    let lang = request.lang;
    let export = match &request.table {
        TableQuery::Partners { query } => partners::export(db, query, lang, today)?,
        TableQuery::Clients { query } => clients::export(db, query, lang, today)?,
        TableQuery::Balances { query } => balances::export(db, query, lang)?,
        TableQuery::Ledger { partner } => ledger::export(db, partner, lang, today)?,
        TableQuery::Unearned { query } => unearned::export(db, query, lang, today)?,
        TableQuery::Acts { query } => acts::export(db, query, lang, today)?,
        TableQuery::Whatif {
            request,
            sort,
            descending,
        } => whatif::export(db, request, *sort, *descending, lang)?,
    };
    Ok(DocumentFile {
        name: export.name,
        bytes: table_xlsx(&export.sheets, lang)?,
    })
}

/// The columns of a table from the UI's header keys.
fn columns(spec: &[(&str, ColumnKind)], lang: Lang) -> Vec<Column> {
    spec.iter()
        .map(|(key, kind)| Column::new(words::word(key, lang), *kind))
        .collect()
}

/// Every program's name in `lang`, by id (the screens show names, not ids, where they
/// write `programName`).
struct ProgramNames(HashMap<String, String>);

impl ProgramNames {
    fn load(db: &Db, lang: Lang) -> Result<ProgramNames> {
        Ok(ProgramNames(
            load_programs(db)?
                .into_iter()
                .map(|p| {
                    let name = match lang {
                        Lang::Ru => p.name_ru,
                        Lang::En => p.name_en,
                    };
                    (p.id, name)
                })
                .collect(),
        ))
    }

    /// The program's name, or its id when the book has no such program.
    fn of<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.get(id).map_or(id, String::as_str)
    }
}

/// `text` as part of a file name: letters, digits, `-`, `_` and `.` kept, others `_`.
fn file_part(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::file_part;

    #[test]
    fn a_file_name_part_keeps_no_separator() {
        assert_eq!(file_part("P-17"), "P-17");
        assert_eq!(file_part("a/b\\c d"), "a_b_c_d");
        assert_eq!(file_part("Партнёр"), "Партнёр");
    }
}
