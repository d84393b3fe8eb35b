//! `book check`: whether the book is sound — the store's own integrity check and foreign
//! keys, and what the book keeps twice agreeing: each act's amount with its ledger
//! entries, each partner's count of clients with its current bindings, at most one current
//! binding per client, no balance converted beyond what was accrued (less what was
//! annulled; a refund after a conversion may take a balance below zero — the partner's
//! next accruals pay it off — so reversals do not count here).

use crate::store::sql::{Db, Dialect};
use serde::Serialize;

use crate::{Result, Text};

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub text: Text,
}

/// Each check: its code, the query listing what is wrong (one text per row), and how to
/// say it.
const CHECKS: [(&str, &str, &str, &str); 6] = [
    (
        "act_conversion",
        "SELECT a.number FROM acts a JOIN ledger l ON l.id = a.conversion
         WHERE l.kind <> 'conversion' OR l.amount <> a.amount OR l.partner <> a.partner",
        "акт № {} не равен своей конвертации в журнале",
        "act {} differs from its conversion in the ledger",
    ),
    (
        "act_settlement",
        "SELECT a.number FROM acts a LEFT JOIN ledger l ON l.id = a.settled_by
         WHERE (a.status IN ('paid', 'rejected')) <> (l.id IS NOT NULL)
            OR (a.status = 'paid' AND (l.kind <> 'payout' OR l.amount <> a.amount))
            OR (a.status = 'rejected' AND (l.kind <> 'conversion_reversal' OR l.amount <> a.amount))",
        "акт № {}: его оплата или отклонение не сходится с журналом",
        "act {}: its payout or rejection does not match the ledger",
    ),
    (
        "partner_clients",
        "SELECT p.id FROM partners p
         WHERE p.bound_clients <> (SELECT count(*) FROM bindings b WHERE b.partner = p.id AND b.until IS NULL)",
        "у партнёра {} число клиентов не равно его текущим привязкам",
        "partner {}: its client count differs from its current bindings",
    ),
    (
        "client_bindings",
        "SELECT c.client_id FROM clients c
         WHERE (SELECT count(*) FROM bindings b WHERE b.client = c.id AND b.until IS NULL) > 1",
        "клиент {} привязан сразу к нескольким партнёрам",
        "client {} is bound to several partners at once",
    ),
    (
        "converted_beyond_accrued",
        "SELECT partner FROM ledger GROUP BY partner
         HAVING sum(CASE kind WHEN 'conversion' THEN amount WHEN 'conversion_reversal' THEN -amount ELSE 0 END)
              > sum(CASE kind WHEN 'credit' THEN amount WHEN 'annulment' THEN -amount ELSE 0 END)",
        "у партнёра {} конвертировано больше, чем начислено",
        "partner {}: more converted than accrued",
    ),
    (
        "paid_beyond_converted",
        "SELECT partner FROM ledger GROUP BY partner
         HAVING sum(CASE kind WHEN 'payout' THEN amount ELSE 0 END)
              > sum(CASE kind WHEN 'conversion' THEN amount WHEN 'conversion_reversal' THEN -amount ELSE 0 END)",
        "партнёру {} выплачено больше, чем конвертировано",
        "partner {}: more paid out than converted",
    ),
];

/// Everything wrong with the book (nothing: it is sound). A server keeps its own pages
/// and references sound; a file's are checked here.
pub fn check_book(db: &Db) -> Result<Vec<Finding>> {
    let mut found = if db.dialect() == Dialect::Sqlite {
        check_file(db)?
    } else {
        Vec::new()
    };
    for (code, sql, ru, en) in CHECKS {
        let wrong: Vec<String> = db
            .prepare(sql)?
            .query_map([], |r| r.get(0))?
            .collect::<crate::Result<_>>()?;
        found.extend(wrong.into_iter().map(|what| Finding {
            code,
            text: Text::new(ru.replacen("{}", &what, 1), en.replacen("{}", &what, 1)),
        }));
    }
    Ok(found)
}

/// SQLite's own checks of the file: its pages and its references.
fn check_file(db: &Db) -> Result<Vec<Finding>> {
    let mut found = Vec::new();
    let integrity: Vec<String> = db
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<crate::Result<_>>()?;
    found.extend(
        integrity
            .into_iter()
            .filter(|l| l != "ok")
            .map(|l| Finding {
                code: "store_integrity",
                text: Text::new(
                    format!("файл книги повреждён: {l}"),
                    format!("the book's file is damaged: {l}"),
                ),
            }),
    );
    let keys: Vec<String> = db
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<crate::Result<_>>()?;
    found.extend(keys.into_iter().map(|table| Finding {
        code: "store_references",
        text: Text::new(
            format!("в таблице {table} есть ссылка в никуда"),
            format!("the table {table} points at something that is not there"),
        ),
    }));
    Ok(found)
}
