//! Loading the accrual fold's snapshot in a few set-based reads. The payments concerned
//! (an import's, or a program's over a range for what-if) go into a temporary table; every
//! fact of their clients and of the payments they refund is read by joining on it, and
//! what those payments themselves produced before (a replay) is left out.

use std::collections::HashMap;
use std::rc::Rc;

use crate::store::sql::{params, params_from_iter, Db, Dialect};
use chrono::NaiveDate;

use super::values::{category, channel, day, decimal, optional_day, optional_text, status, text};
use crate::ledger::fold::{
    Bound, ClientState, CodeOwner, CreditState, Paid, PartnerFacts, RefundedPayment, Snapshot,
};
use crate::programs::{load_program, load_programs, Program};
use crate::Result;

/// Which payments the fold goes over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The payments an import added.
    Import(i64),
    /// Every payment of a program dated from `from` to `to` (inclusive), replayed: what
    /// they produced in the book is left out of the snapshot.
    Replay {
        program: String,
        from: NaiveDate,
        to: Option<NaiveDate>,
    },
    /// No payments: the clients of an import's activity rows.
    Clients(Vec<i64>),
}

/// Fills the temporary tables `fold_scope` (payments) and `fold_clients` (their clients).
fn fill_scope(db: &Db, scope: &Scope) -> Result<()> {
    db.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS fold_scope (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS fold_clients (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS fold_originals (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS fold_order (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL,
             client INTEGER NOT NULL, refund_of INTEGER);
         DELETE FROM fold_scope; DELETE FROM fold_clients; DELETE FROM fold_originals;
         DELETE FROM fold_order;",
    )?;
    match scope {
        Scope::Import(import) => {
            db.execute(
                "INSERT INTO fold_scope (id) SELECT id FROM payments WHERE import = ?1",
                [import],
            )?;
        }
        Scope::Replay { program, from, to } => {
            let to = to.map_or_else(|| "9999-12-31".to_owned(), |d| d.to_string());
            db.execute(
                "INSERT INTO fold_scope (id) SELECT id FROM payments WHERE program = ?1 AND date >= ?2 AND date <= ?3",
                params![program, from.to_string(), to],
            )?;
        }
        Scope::Clients(clients) => {
            // Many per statement: on a server each statement is a round trip.
            for chunk in clients.chunks(500) {
                let rows = vec!["(?)"; chunk.len()].join(", ");
                db.prepare_cached(&format!(
                    "INSERT INTO fold_clients (id) VALUES {rows} ON CONFLICT DO NOTHING"
                ))?
                .execute(params_from_iter(chunk))?;
            }
        }
    }
    if db.dialect() == Dialect::Postgres {
        // The server plans the joins below by the scope's statistics.
        db.execute_batch("ANALYZE fold_scope")?;
    }
    // One join of the payments with the scope: their clients and the payments they refund
    // are then read from the order alone.
    db.execute_batch(
        "INSERT INTO fold_order (id, client, refund_of)
             SELECT p.id, p.client, p.refund_of FROM payments p JOIN fold_scope s ON s.id = p.id
             ORDER BY p.date, p.id;
         INSERT INTO fold_clients (id)
             SELECT DISTINCT client FROM fold_order WHERE true ON CONFLICT DO NOTHING;
         INSERT INTO fold_originals (id)
             SELECT DISTINCT refund_of FROM fold_order WHERE refund_of IS NOT NULL;",
    )?;
    if db.dialect() == Dialect::Postgres {
        // The server plans by statistics, and a temporary table has none until analysed.
        db.execute_batch("ANALYZE fold_clients, fold_originals, fold_order")?;
    }
    Ok(())
}

/// Loads what the rules read about the payments of `scope`. `programs` replaces the
/// book's programs of the same id (what-if's rules).
pub fn load_snapshot(db: &Db, scope: &Scope, programs: &[Program]) -> Result<Snapshot> {
    fill_scope(db, scope)?;
    let mut snapshot = Snapshot {
        programs: load_all_programs(db, programs)?,
        partners: load_partners(db)?,
        codes: load_codes(db)?,
        clients: load_clients(db)?,
        refunded: HashMap::new(),
        next_entry: next_id(db, "SELECT coalesce(max(id), 0) + 1 FROM ledger")?,
        next_event: next_id(db, "SELECT coalesce(max(id), 0) + 1 FROM binding_events")?,
    };
    load_bindings(db, &mut snapshot, scope)?;
    load_client_history(db, &mut snapshot)?;
    load_refunded(db, &mut snapshot)?;
    Ok(snapshot)
}

fn next_id(db: &Db, sql: &str) -> Result<i64> {
    db.query_row(sql, [], |r| r.get(0))
}

fn load_all_programs(db: &Db, replaced: &[Program]) -> Result<HashMap<String, Rc<Program>>> {
    let mut programs = HashMap::new();
    for summary in load_programs(db)? {
        let program = match replaced.iter().find(|p| p.id == summary.id) {
            Some(p) => p.clone(),
            None => load_program(db, &summary.id)?,
        };
        programs.insert(summary.id, Rc::new(program));
    }
    Ok(programs)
}

fn load_partners(db: &Db) -> Result<HashMap<String, PartnerFacts>> {
    let mut partners = HashMap::new();
    let mut stmt = db.prepare("SELECT id, status, status_since, inn, client_id FROM partners")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let id: String = r.get(0)?;
        let facts = PartnerFacts {
            status: status("partners.status", &r.get::<_, String>(1)?)?,
            status_since: optional_day("partners.status_since", optional_text(r, 2)?)?,
            inn: r.get(3)?,
            client_id: r.get(4)?,
            rates: Vec::new(),
        };
        partners.insert(id, facts);
    }
    let mut stmt =
        db.prepare("SELECT partner, since, rate FROM partner_rates ORDER BY partner, since")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let partner: String = r.get(0)?;
        let since = day("partner_rates.since", text(r, 1)?)?;
        let rate = decimal("partner_rates.rate", text(r, 2)?)?;
        if let Some(facts) = partners.get_mut(&partner) {
            facts.rates.push((since, rate));
        }
    }
    Ok(partners)
}

fn load_codes(db: &Db) -> Result<HashMap<(String, String), CodeOwner>> {
    let mut stmt =
        db.prepare("SELECT program, code, partner, retired IS NOT NULL FROM partner_codes")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?.to_lowercase(),
            ),
            CodeOwner {
                partner: r.get(2)?,
                retired: r.get(3)?,
            },
        ))
    })?;
    rows.collect::<crate::Result<_>>()
}

fn load_clients(db: &Db) -> Result<HashMap<i64, ClientState>> {
    let mut clients = HashMap::new();
    let mut stmt = db.prepare(
        "SELECT c.id, c.client_id, c.registered, c.inn,
                (SELECT min(p.date) FROM payments p WHERE p.client = c.id AND p.amount > 0)
         FROM clients c JOIN fold_clients f ON f.id = c.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let state = ClientState {
            client_id: r.get(1)?,
            registered: optional_day("clients.registered", optional_text(r, 2)?)?,
            inn: r.get(3)?,
            first_payment: optional_day("payments.date", optional_text(r, 4)?)?,
            ..ClientState::default()
        };
        clients.insert(r.get(0)?, state);
    }
    Ok(clients)
}

/// The promo-code events that the scope's own payments recorded in a billing import
/// (left out of a replay; the same code from a clients file stays).
const REPLAYED_EVENT: &str = "NOT EXISTS (SELECT 1 FROM payments p JOIN fold_scope s ON s.id = p.id
     WHERE p.client = e.client AND p.date = e.date AND e.channel = 'promo'
       AND p.promo_code = e.code COLLATE NOCASE
       AND e.import IN (SELECT i.id FROM imports i WHERE i.kind = 'billing'))";

/// The clients' bindings, oldest first; each lasts until the next one began. In a
/// replay, the bindings the replayed payments' promo codes made are left out.
/// A billing fold tries only promo codes, so only those attempts are read.
fn load_bindings(db: &Db, snapshot: &mut Snapshot, scope: &Scope) -> Result<()> {
    let kept = match scope {
        Scope::Replay { .. } => REPLAYED_EVENT,
        _ => "true",
    };
    let tried = match scope {
        Scope::Clients(_) => "true",
        _ => "e.channel = 'promo'",
    };
    let sql = format!(
        "SELECT e.client, e.partner, e.channel, e.date FROM binding_events e
         JOIN fold_clients f ON f.id = e.client
         WHERE e.outcome = 'bound' AND {kept}
         ORDER BY e.client, e.date, e.id"
    );
    let mut stmt = db.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let client: i64 = r.get(0)?;
        let bound = Bound {
            partner: r.get(1)?,
            channel: channel("binding_events.channel", text(r, 2)?)?,
            since: day("binding_events.date", text(r, 3)?)?,
            until: None,
        };
        if let Some(state) = snapshot.clients.get_mut(&client) {
            if let Some(last) = state.bindings.last_mut() {
                last.until = Some(bound.since);
            }
            state.bindings.push(bound);
        }
    }
    let sql = format!(
        "SELECT e.client, e.date, e.channel, e.code,
                e.channel = 'promo' AND e.outcome <> 'refused' AND e.reason IS NULL
         FROM binding_events e JOIN fold_clients f ON f.id = e.client
         WHERE {tried} AND {kept}"
    );
    let mut stmt = db.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let client: i64 = r.get(0)?;
        let date = day("binding_events.date", text(r, 1)?)?;
        let channel = channel("binding_events.channel", text(r, 2)?)?;
        let code: Option<String> = r.get(3)?;
        let discount: bool = r.get(4)?;
        if let Some(state) = snapshot.clients.get_mut(&client) {
            state
                .attempts
                .insert((date, channel, code.unwrap_or_default().to_lowercase()));
            state.promo_discount_used |= discount;
        }
    }
    Ok(())
}

/// First purchases already earned and active-client rewards, outside the scope.
fn load_client_history(db: &Db, snapshot: &mut Snapshot) -> Result<()> {
    let mut stmt = db.prepare(
        "SELECT l.client, l.partner, l.rule FROM ledger l JOIN fold_clients f ON f.id = l.client
         WHERE (l.rule IN ('first_purchase', 'active_client')
                OR (l.rule = 'rule_change' AND l.kind = 'credit'
                    AND l.detail LIKE '%\"rule\":\"first_purchase\"%'))
           AND NOT EXISTS (SELECT 1 FROM fold_scope s WHERE s.id = l.payment)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let client: i64 = r.get(0)?;
        let partner: String = r.get(1)?;
        let Some(state) = snapshot.clients.get_mut(&client) else {
            continue;
        };
        match text(r, 2)? {
            "active_client" => state.active_rewarded = true,
            _ => {
                state.firsts.insert(partner);
            }
        }
    }
    Ok(())
}

/// The payments refunded by the scope's refunds: what they earned (and whether that was
/// annulled since) and their other refunds, outside the scope.
fn load_refunded(db: &Db, snapshot: &mut Snapshot) -> Result<()> {
    let mut stmt = db.prepare(
        "SELECT p.id, p.client, p.amount, o.partner, EXISTS (SELECT 1 FROM fold_scope s WHERE s.id = p.id)
         FROM payments p JOIN fold_originals f ON f.id = p.id
         LEFT JOIN payment_outcomes o ON o.payment = p.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let replayed: bool = r.get(4)?;
        let refunded = RefundedPayment {
            client: r.get(1)?,
            amount: r.get(2)?,
            partner: if replayed { None } else { r.get(3)? },
            ..RefundedPayment::default()
        };
        snapshot.refunded.insert(r.get(0)?, refunded);
    }
    let mut stmt = db.prepare(
        "SELECT r.refund_of, r.date, -r.amount FROM payments r JOIN fold_originals f ON f.id = r.refund_of
         WHERE NOT EXISTS (SELECT 1 FROM fold_scope s WHERE s.id = r.id)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let original: i64 = r.get(0)?;
        let date = day("payments.date", text(r, 1)?)?;
        if let Some(refunded) = snapshot.refunded.get_mut(&original) {
            refunded.refunds.push((date, r.get(2)?));
        }
    }
    let mut stmt = db.prepare(
        "SELECT c.payment, c.id, c.partner, c.amount, c.available_on, c.version,
                coalesce((SELECT sum(x.amount) FROM ledger x WHERE x.corrects = c.id AND x.kind = 'reversal'
                          AND NOT EXISTS (SELECT 1 FROM fold_scope s WHERE s.id = x.payment)), 0),
                EXISTS (SELECT 1 FROM ledger a WHERE a.corrects = c.id AND a.kind = 'annulment')
                OR EXISTS (SELECT 1 FROM ledger a WHERE a.partner = c.partner AND a.date >= c.date
                           AND a.kind = 'annulment' AND a.corrects IS NULL)
         FROM ledger c JOIN fold_originals f ON f.id = c.payment
         WHERE c.kind = 'credit' AND NOT EXISTS (SELECT 1 FROM fold_scope s WHERE s.id = c.payment)
         ORDER BY c.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let r = &row;
        let original: i64 = r.get(0)?;
        let credit = CreditState {
            entry: r.get(1)?,
            partner: r.get(2)?,
            amount: r.get(3)?,
            available_on: day("ledger.available_on", text(r, 4)?)?,
            version: r.get(5)?,
            reversed: r.get(6)?,
            annulled: r.get(7)?,
        };
        if let Some(refunded) = snapshot.refunded.get_mut(&original) {
            if refunded.partner.is_none() {
                refunded.partner = Some(credit.partner.clone());
            }
            refunded.credits.push(credit);
        }
    }
    Ok(())
}

/// The scope's payments in the order they are accrued: by date, then as imported. The
/// order was sorted on its keys alone when the scope was filled (`fold_order`), so the
/// payments are read in that order by their row ids without sorting whole rows; a chunk
/// at a time from a server, not a year's answer at once.
pub fn for_each_payment(db: &Db, mut each: impl FnMut(Paid) -> Result<()>) -> Result<()> {
    // SQLite's CROSS JOIN keeps the loop over `fold_order` outermost; the server's
    // planner chooses its own.
    let join = match db.dialect() {
        Dialect::Sqlite => "CROSS JOIN",
        Dialect::Postgres => "JOIN",
    };
    let sql = format!(
        "SELECT p.id, p.program, p.client, p.date, p.amount, p.list_price, p.category, p.direct,
                p.refund_of, p.promo_code, p.promotion
         FROM fold_order o {join} payments p ON p.id = o.id ORDER BY o.seq",
    );
    db.for_each_row(&sql, |r| {
        each(Paid {
            id: r.get(0)?,
            program: r.get(1)?,
            client: r.get(2)?,
            date: day("payments.date", text(r, 3)?)?,
            amount: r.get(4)?,
            list_price: r.get(5)?,
            category: category("payments.category", text(r, 6)?)?,
            direct: r.get(7)?,
            refund_of: r.get(8)?,
            promo_code: r.get(9)?,
            promotion: r.get(10)?,
        })
    })
}
