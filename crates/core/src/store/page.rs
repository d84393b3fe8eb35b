//! What every paged table query shares: the WHERE of its filters and the bounds of a page.

/// The most rows one page may ask for.
pub const MAX_PAGE: u32 = 1000;

/// SQL pieces for one page of a table.
pub(crate) struct PageSql {
    /// `WHERE a AND b`, or empty without filters.
    pub filter: String,
    pub offset: u32,
    pub limit: u32,
    /// `ASC` or `DESC`.
    pub direction: &'static str,
}

pub(crate) fn page_sql(
    filters: &[String],
    offset: Option<u32>,
    limit: Option<u32>,
    descending: Option<bool>,
) -> PageSql {
    PageSql {
        filter: if filters.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", filters.join(" AND "))
        },
        offset: offset.unwrap_or(0),
        limit: limit.unwrap_or(100).min(MAX_PAGE),
        direction: if descending.unwrap_or(false) {
            "DESC"
        } else {
            "ASC"
        },
    }
}
