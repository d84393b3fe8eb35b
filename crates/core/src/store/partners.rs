//! The `partners` table: a partner's row as the registry keeps it, and the partners
//! table's search, filters, sort and paging (in SQL, so it stays fast at 100 000 partners).

use crate::store::sql::{params, params_from_iter, Db, Dialect, OptionalExtension, Row, Value};

use crate::partners::{Partner, PartnerQuery, PartnerRow, PartnerSort};
use crate::store::values::{partner_kind, status, text};
use crate::store::{page_sql, rows_and_total, PageSql, Rows};
use crate::Result;

const COLUMNS: &str = "id, program, name, kind, inn, kpp, ogrn, vat_payer, vat_rate, code, rate, \
     contract_no, contract_date, registered, status, status_since, bik, account, address, signer, \
     signer_position, email, edo_id, client_id";

fn partner(r: &Row) -> Result<Partner> {
    Ok(Partner {
        partner_id: r.get(0)?,
        program: r.get(1)?,
        name: r.get(2)?,
        kind: partner_kind("partners.kind", text(r, 3)?)?,
        inn: r.get(4)?,
        kpp: r.get(5)?,
        ogrn: r.get(6)?,
        vat_payer: r.get(7)?,
        vat_rate: r.get(8)?,
        code: r.get(9)?,
        rate: r.get(10)?,
        contract_no: r.get(11)?,
        contract_date: r.get(12)?,
        registered: r.get(13)?,
        status: status("partners.status", text(r, 14)?)?,
        status_since: r.get(15)?,
        bik: r.get(16)?,
        account: r.get(17)?,
        address: r.get(18)?,
        signer: r.get(19)?,
        signer_position: r.get(20)?,
        email: r.get(21)?,
        edo_id: r.get(22)?,
        client_id: r.get(23)?,
    })
}

/// The partner `id`, if the book has it.
pub fn find_partner(db: &Db, id: &str) -> Result<Option<Partner>> {
    db.prepare_cached(&format!("SELECT {COLUMNS} FROM partners WHERE id = ?1"))?
        .query_row([id], partner)
        .optional()
}

/// The text the partners table searches: id, name, ИНН and code, lower-cased.
fn search_text(p: &Partner) -> String {
    [
        Some(&p.partner_id),
        Some(&p.name),
        p.inn.as_ref(),
        p.code.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.to_lowercase())
    .collect::<Vec<_>>()
    .join(" ")
}

/// Adds the partner's row.
pub(crate) fn insert_partner(db: &Db, p: &Partner) -> Result<()> {
    write_partner(db, p, &format!("INSERT INTO partners ({COLUMNS}, search) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)"))
}

/// Rewrites the partner's row (its client count aside).
pub(crate) fn update_partner_row(db: &Db, p: &Partner) -> Result<()> {
    write_partner(db, p, "UPDATE partners SET program = ?2, name = ?3, kind = ?4, inn = ?5, kpp = ?6, ogrn = ?7, vat_payer = ?8, vat_rate = ?9, code = ?10, rate = ?11, contract_no = ?12, contract_date = ?13, registered = ?14, status = ?15, status_since = ?16, bik = ?17, account = ?18, address = ?19, signer = ?20, signer_position = ?21, email = ?22, edo_id = ?23, client_id = ?24, search = ?25 WHERE id = ?1")
}

fn write_partner(db: &Db, p: &Partner, sql: &str) -> Result<()> {
    db.prepare_cached(sql)?.execute(params![
        p.partner_id,
        p.program,
        p.name,
        p.kind.key(),
        p.inn,
        p.kpp,
        p.ogrn,
        p.vat_payer,
        p.vat_rate,
        p.code,
        p.rate,
        p.contract_no,
        p.contract_date,
        p.registered,
        p.status.key(),
        p.status_since,
        p.bik,
        p.account,
        p.address,
        p.signer,
        p.signer_position,
        p.email,
        p.edo_id,
        p.client_id,
        search_text(p)
    ])?;
    Ok(())
}

/// Adds `delta` to each partner's count of current clients: one statement for 500
/// partners (an import may change thousands).
pub(crate) fn add_bound_clients(
    db: &Db,
    deltas: impl IntoIterator<Item = (String, i64)>,
) -> Result<()> {
    let deltas: Vec<(String, i64)> = deltas.into_iter().filter(|(_, d)| *d != 0).collect();
    for chunk in deltas.chunks(500) {
        let rows = vec!["(?, CAST(? AS BIGINT))"; chunk.len()].join(", ");
        let values = chunk
            .iter()
            .flat_map(|(partner, delta)| [Value::Text(partner.clone()), Value::Integer(*delta)]);
        db.prepare_cached(&format!(
            "UPDATE partners SET bound_clients = bound_clients + d.column2
             FROM (VALUES {rows}) AS d WHERE partners.id = d.column1"
        ))?
        .execute(params_from_iter(values))?;
    }
    Ok(())
}

const ROW: &str = "SELECT id, program, name, kind, inn, code, status, bound_clients FROM partners";

fn partner_row(r: &Row) -> Result<PartnerRow> {
    Ok(PartnerRow {
        partner: r.get(0)?,
        program: r.get(1)?,
        name: r.get(2)?,
        kind: partner_kind("partners.kind", text(r, 3)?)?,
        inn: r.get(4)?,
        code: r.get(5)?,
        status: status("partners.status", text(r, 6)?)?,
        clients: r.get(7)?,
    })
}

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

/// The partners `q` matches (search, program, status), in its order: one page of them,
/// or every one; with how many match and the offset answered.
pub(crate) fn partner_rows(
    db: &Db,
    q: &PartnerQuery,
    rows: Rows,
) -> Result<(u32, u32, Vec<PartnerRow>)> {
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
        "{ROW} {filter} ORDER BY {} {direction}, id {direction} {window}",
        order_by(q.sort.unwrap_or_default())
    );
    let count = format!("SELECT count(*) FROM partners {filter}");
    let (total, found) = rows_and_total(db, (&sql, &count), &args, rows, partner_row)?;
    Ok((total, offset, found))
}

/// Every partner (of one program, if given), ordered by id — for the CLI's listing.
pub fn partners_of(db: &Db, program: Option<&str>) -> Result<Vec<PartnerRow>> {
    let mut stmt = db.prepare_cached(&format!(
        "{ROW} WHERE CAST(?1 AS TEXT) IS NULL OR program = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([program], partner_row)?;
    rows.collect::<Result<_>>()
}
