//! The partners table: search, filters, sort and paging, all in SQL so it stays fast at
//! 100 000 partners.

use crate::store::sql::Db;
use crate::store::sql::{Dialect, Value};

use super::model::{
    PartnerKind, PartnerPage, PartnerQuery, PartnerRow, PartnerSort, PartnerStatus,
};
use crate::store::{page_sql, PageSql, Rows};
use crate::Result;

fn order_by(sort: PartnerSort) -> &'static str {
    match sort {
        PartnerSort::Name => "name",
        PartnerSort::Partner => "id",
        PartnerSort::Program => "program",
        PartnerSort::Inn => "inn",
        PartnerSort::Code => "code",
        PartnerSort::Status => "status",
        PartnerSort::Clients => "bound_clients",
    }
}

fn partner_row(r: &crate::store::sql::Row) -> crate::Result<PartnerRow> {
    let kind: String = r.get(3)?;
    let status: String = r.get(6)?;
    Ok(PartnerRow {
        partner: r.get(0)?,
        program: r.get(1)?,
        name: r.get(2)?,
        kind: PartnerKind::parse(&kind).unwrap_or(PartnerKind::Foreign),
        inn: r.get(4)?,
        code: r.get(5)?,
        status: PartnerStatus::parse(&status).unwrap_or(PartnerStatus::Active),
        clients: r.get(7)?,
    })
}

/// The partners `q` matches (search, program, status), in its order: one page of them,
/// or every one.
fn partner_rows(db: &Db, q: &PartnerQuery, rows: Rows) -> Result<(u32, u32, Vec<PartnerRow>)> {
    let mut filters = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(search) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let search = search.to_lowercase();
        if search.chars().count() >= 3 && db.dialect() == Dialect::Sqlite {
            // The trigram index finds the substring; a quoted phrase matches it literally.
            args.push(Value::Text(format!("\"{}\"", search.replace('"', "\"\""))));
            filters.push(format!(
                "rowid IN (SELECT rowid FROM partners_search WHERE partners_search MATCH ?{})",
                args.len()
            ));
        } else if db.dialect() == Dialect::Postgres {
            // The server's trigram index serves LIKE; its wildcards are taken literally.
            let literal = search
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            args.push(Value::Text(format!("%{literal}%")));
            filters.push(format!("search LIKE ?{}", args.len()));
        } else {
            args.push(Value::Text(search));
            filters.push(format!("instr(search, ?{}) > 0", args.len()));
        }
    }
    if let Some(program) = q.program.as_deref().filter(|s| !s.is_empty()) {
        args.push(Value::Text(program.to_owned()));
        filters.push(format!("program = ?{}", args.len()));
    }
    if let Some(status) = q.status {
        args.push(Value::Text(status.key().to_owned()));
        filters.push(format!("status = ?{}", args.len()));
    }
    let PageSql {
        filter,
        window,
        offset,
        direction,
    } = page_sql(&filters, rows, q.descending);
    let sql = format!(
        "SELECT id, program, name, kind, inn, code, status, bound_clients FROM partners {filter}
         ORDER BY {} {direction}, id {direction} {window}",
        order_by(q.sort.unwrap_or_default())
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let found = stmt
        .query_map(
            crate::store::sql::params_from_iter(args.iter()),
            partner_row,
        )?
        .collect::<crate::Result<Vec<_>>>()?;
    let total: u32 = match rows {
        Rows::All => u32::try_from(found.len()).unwrap_or(u32::MAX),
        Rows::Page { .. } => db
            .prepare_cached(&format!("SELECT count(*) FROM partners {filter}"))?
            .query_row(crate::store::sql::params_from_iter(args.iter()), |r| {
                r.get(0)
            })?,
    };
    Ok((total, offset, found))
}

/// One page of the partners table.
pub fn partner_page(db: &Db, q: &PartnerQuery) -> Result<PartnerPage> {
    let rows = Rows::Page {
        offset: q.offset,
        limit: q.limit,
    };
    let (total, offset, rows) = partner_rows(db, q, rows)?;
    Ok(PartnerPage {
        total,
        offset,
        rows,
    })
}

/// Every partner the partners table shows for `q` (its paging aside), in its order: what
/// an export of the table holds.
pub fn partners_shown(db: &Db, q: &PartnerQuery) -> Result<Vec<PartnerRow>> {
    Ok(partner_rows(db, q, Rows::All)?.2)
}

/// Every partner (of one program, if given), ordered by id — for the CLI's listing.
pub fn partners_of(db: &Db, program: Option<&str>) -> Result<Vec<PartnerRow>> {
    let mut stmt = db.prepare_cached(
        "SELECT id, program, name, kind, inn, code, status, bound_clients FROM partners
         WHERE CAST(?1 AS TEXT) IS NULL OR program = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([program], partner_row)?;
    rows.collect::<crate::Result<_>>()
}
