//! What every paged table query shares: the WHERE of its filters and which rows it gives —
//! one page of them for a screen, or all of them for an export of what the screen shows.

use crate::store::sql::{params_from_iter, Db, Row, Value};
use crate::Result;

/// The most rows one page may ask for.
pub const MAX_PAGE: u32 = 1000;

/// Which of the rows a table query matches it answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rows {
    /// One page: from `offset` (0 when none), at most `limit` rows (the query's default
    /// when none; never more than [`MAX_PAGE`]).
    Page {
        offset: Option<u32>,
        limit: Option<u32>,
    },
    /// Every row, in the same order (an export).
    All,
}

impl Rows {
    /// `LIMIT n OFFSET m` of a page (`default` rows when the query names no limit), nothing
    /// for all rows; and the offset answered.
    pub fn sql(self, default: u32) -> (String, u32) {
        match self {
            Rows::Page { offset, limit } => {
                let offset = offset.unwrap_or(0);
                let limit = limit.unwrap_or(default).min(MAX_PAGE);
                (format!("LIMIT {limit} OFFSET {offset}"), offset)
            }
            Rows::All => (String::new(), 0),
        }
    }
}

/// SQL pieces for the rows of a table.
pub(crate) struct PageSql {
    /// `WHERE a AND b`, or empty without filters.
    pub filter: String,
    /// `LIMIT n OFFSET m`, or empty for every row.
    pub window: String,
    pub offset: u32,
    /// `ASC` or `DESC`.
    pub direction: &'static str,
}

pub(crate) fn page_sql(filters: &[String], rows: Rows, descending: Option<bool>) -> PageSql {
    let (window, offset) = rows.sql(100);
    PageSql {
        filter: if filters.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", filters.join(" AND "))
        },
        window,
        offset,
        direction: if descending.unwrap_or(false) {
            "DESC"
        } else {
            "ASC"
        },
    }
}

/// A table query's rows (`rows_sql`, each read by `read`) and how many rows match: counted
/// by `count_sql` for a page, the rows' own number for all of them.
pub(crate) fn rows_and_total<T>(
    db: &Db,
    (rows_sql, count_sql): (&str, &str),
    args: &[Value],
    rows: Rows,
    read: impl FnMut(&Row<'_>) -> Result<T>,
) -> Result<(u32, Vec<T>)> {
    let found = db
        .prepare_cached(rows_sql)?
        .query_map(params_from_iter(args.iter()), read)?
        .collect::<Result<Vec<_>>>()?;
    let total: u32 = match rows {
        Rows::All => u32::try_from(found.len()).unwrap_or(u32::MAX),
        Rows::Page { .. } => db
            .prepare_cached(count_sql)?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?,
    };
    Ok((total, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_bounded_and_all_rows_are_not() {
        let page = Rows::Page {
            offset: Some(200),
            limit: Some(50_000),
        };
        assert_eq!(page.sql(100), ("LIMIT 1000 OFFSET 200".into(), 200));
        let first = Rows::Page {
            offset: None,
            limit: None,
        };
        assert_eq!(first.sql(100), ("LIMIT 100 OFFSET 0".into(), 0));
        assert_eq!(Rows::All.sql(100), (String::new(), 0));
    }
}
