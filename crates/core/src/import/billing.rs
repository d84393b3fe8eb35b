//! `import billing`: payments and refunds (FORMATS.md). Each row is checked and stored;
//! once every row is in and none had a problem, the new payments are accrued in date
//! order (so a file's rows need not be sorted for "the first purchase" to be the first).

use std::collections::HashMap;
use std::rc::Rc;

use crate::store::clients::{add_unknown_client, client_ids};
use crate::store::payments::{
    build_payments_by_client, drop_payments_by_client, stored_content, stored_original, Original,
};
use crate::store::sql::{Db, Value};
use chrono::NaiveDate;

use super::billing_values::{category, kind, Kind};
use super::field_problems::{problem, required};
use super::payment_batch::PaymentBatch;
use super::rows::{Finished, RowImport, RowResult};
use super::table::{amount, col, date, text, yes_no, ColumnMap, ColumnSpec, Row};
use crate::audit::Actor;
use crate::ledger::accrue_import;
use crate::money::to_minor;
use crate::programs::{Category, Program, ProgramCache};
use crate::{Problem, Result};

pub const BILLING_COLUMNS: &[ColumnSpec] = &[
    col("payment_id", &["payment_id", "ID платежа"], true),
    col("program", &["program", "Программа"], false),
    col("date", &["date", "Дата оплаты"], true),
    col("client_id", &["client_id", "ID клиента"], true),
    col("amount", &["amount", "Сумма"], true),
    col("list_price", &["list_price", "Цена без скидки"], false),
    col("currency", &["currency", "Валюта"], false),
    col("category", &["category", "Категория"], false),
    col("direct", &["direct", "Прямая оплата"], false),
    col("type", &["type", "Тип операции"], false),
    col("refund_of", &["refund_of", "Возврат платежа"], false),
    col("promo_code", &["promo_code", "Промокод"], false),
    col("promotion", &["promotion", "Акция"], false),
    col("product", &["product", "Продукт"], false),
];

/// Rows added from which a large import may build `payments_by_client` once, after its
/// rows, instead of keeping it up to date row by row (random inserts, one place per
/// client); checked again at each doubling.
const LARGE_IMPORT: u64 = 50_000;

pub struct BillingRows {
    /// `--program`: the program of rows whose file has no program column (or leaves it empty).
    default_program: Option<String>,
    programs: ProgramCache,
    /// Per program: its clients' ids in the book (`client_id` → row id).
    clients: HashMap<String, HashMap<String, i64>>,
    import: i64,
    at: String,
    /// Rows this import added so far.
    added: u64,
    /// `payments_by_client` was dropped for a large import: `finish` builds it again.
    index_dropped: bool,
    /// New payments waiting to be written, many per statement.
    batch: PaymentBatch,
}

impl BillingRows {
    pub fn new(default_program: Option<String>, import: i64, actor: &Actor) -> BillingRows {
        BillingRows {
            default_program,
            programs: ProgramCache::default(),
            clients: HashMap::new(),
            import,
            at: actor.stamp(),
            added: 0,
            index_dropped: false,
            batch: PaymentBatch::default(),
        }
    }

    /// The client's row id; an unknown client is created, bound to nobody. A program's
    /// clients are read in one query the first time one of its rows comes, so a row costs
    /// a map lookup instead of a query.
    fn client(&mut self, db: &Db, program: &str, client_id: &str) -> Result<i64> {
        let known = |clients: &HashMap<String, HashMap<String, i64>>| {
            clients.get(program).and_then(|c| c.get(client_id)).copied()
        };
        if let Some(id) = known(&self.clients) {
            return Ok(id);
        }
        if !self.clients.contains_key(program) {
            self.clients
                .insert(program.to_owned(), client_ids(db, program)?);
            if let Some(id) = known(&self.clients) {
                return Ok(id);
            }
        }
        // An unknown client is created, bound to nobody.
        let id = add_unknown_client(db, program, client_id)?;
        self.clients
            .entry(program.to_owned())
            .or_default()
            .insert(client_id.to_owned(), id);
        Ok(id)
    }
}

impl BillingRows {
    /// Drops `payments_by_client` when this import's rows so far are at least half as many
    /// as the book's other payments: building it once after the rows then costs less.
    fn drop_index_if_large(&mut self, db: &Db) -> Result<()> {
        // Payments' row ids only grow: the largest, less this import's rows, is about
        // how many the book held before (without counting them).
        let others = self.batch.largest_id() - self.added as i64;
        if others <= 2 * self.added as i64 {
            drop_payments_by_client(db)?;
            self.index_dropped = true;
        }
        Ok(())
    }
}

/// A row, read and checked but not yet stored.
struct Payment {
    program: Rc<Program>,
    payment_id: String,
    client_id: String,
    date: NaiveDate,
    amount: i64,
    list_price: i64,
    category: Category,
    direct: bool,
    refund_of: Option<String>,
    promo_code: Option<String>,
    promotion: Option<String>,
    product: Option<String>,
}

impl Payment {
    /// The row's content: what "the same row again" compares.
    fn content(&self) -> String {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        format!(
            "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
            self.date,
            self.client_id,
            self.amount,
            self.list_price,
            self.category.key(),
            self.direct,
            o(&self.refund_of),
            o(&self.promo_code),
            o(&self.promotion),
            o(&self.product)
        )
    }
}

impl BillingRows {
    fn read(
        &mut self,
        db: &Db,
        row: &Row,
        columns: &ColumnMap,
    ) -> Result<std::result::Result<Payment, Vec<Problem>>> {
        let cell = |key| columns.cell(row, key);
        let mut problems = Vec::new();
        let payment_id = text(cell("payment_id"));
        if payment_id.is_none() {
            problems.push(required("payment_id"));
        }
        let client_id = text(cell("client_id"));
        if client_id.is_none() {
            problems.push(required("client_id"));
        }
        let day = match date(cell("date")) {
            Ok(None) => {
                problems.push(required("date"));
                None
            }
            Ok(d) => d,
            Err(p) => {
                problems.push(p.field("date"));
                None
            }
        };
        let mut money = |key: &'static str| match amount(cell(key)) {
            Ok(None) => None,
            Ok(Some(value)) => match to_minor(value) {
                Some(minor) => Some(minor),
                None if value.normalize().scale() > crate::money::SCALE => {
                    problems.push(problem(
                        key,
                        "too_precise",
                        format!("не больше двух знаков после запятой: «{value}»"),
                        format!("at most two decimal places: “{value}”"),
                    ));
                    None
                }
                None => {
                    problems.push(problem(
                        key,
                        "too_large",
                        format!("сумма слишком велика: «{value}»"),
                        format!("the amount is too large: “{value}”"),
                    ));
                    None
                }
            },
            Err(p) => {
                problems.push(p.field(key));
                None
            }
        };
        let paid = money("amount");
        let list_price = money("list_price");
        if paid.is_none() && text(cell("amount")).is_none() {
            problems.push(required("amount"));
        }
        let category = match category(cell("category")) {
            Ok(c) => c,
            Err(p) => {
                problems.push(p.field("category"));
                Category::Tariff
            }
        };
        let direct = match yes_no(cell("direct")) {
            Ok(d) => d.unwrap_or(true),
            Err(p) => {
                problems.push(p.field("direct"));
                true
            }
        };
        let kind = match kind(cell("type")) {
            Ok(k) => k,
            Err(p) => {
                problems.push(p.field("type"));
                None
            }
        };
        let program = self.program_of(db, row, columns, &mut problems)?;
        if let (Some(program), Some(currency)) = (&program, text(cell("currency"))) {
            if !currency.eq_ignore_ascii_case(&program.currency) {
                let ours = &program.currency;
                problems.push(problem("currency", "wrong_currency", format!("валюта «{currency}» не валюта программы ({ours}); пересчёт валют не делается"), format!("currency “{currency}” is not the program's ({ours}); no currency conversion is done")));
            }
        }
        let refund_of = text(cell("refund_of"));
        // The type, when the row gives one, says; else a negative amount or a payment
        // refunded make the row a refund.
        let refund = match kind {
            Some(kind) => kind == Kind::Refund,
            None => paid.is_some_and(|a| a < 0) || refund_of.is_some(),
        };
        if let Some(paid) = paid {
            if refund && paid >= 0 {
                problems.push(problem(
                    "amount",
                    "refund_not_negative",
                    "сумма возврата должна быть отрицательной",
                    "a refund's amount must be negative",
                ));
            }
            if kind == Some(Kind::Payment) && paid < 0 {
                problems.push(problem("amount", "payment_negative", "отрицательная сумма у оплаты: для возврата укажите тип «возврат» и платёж", "a payment with a negative amount: for a refund, give the type “refund” and the payment refunded"));
            }
        }
        if refund && refund_of.is_none() {
            problems.push(problem(
                "refund_of",
                "refund_of_required",
                "у возврата должен быть указан возвращаемый платёж",
                "a refund must name the payment it refunds",
            ));
        }
        if !refund && refund_of.is_some() {
            problems.push(problem(
                "refund_of",
                "refund_of_on_payment",
                "возвращаемый платёж указан у оплаты, а не у возврата",
                "a payment (not a refund) names a payment refunded",
            ));
        }
        if list_price.is_some_and(|p| p < 0) && !refund {
            problems.push(problem(
                "list_price",
                "negative_list_price",
                "цена без скидки не может быть отрицательной",
                "the list price cannot be negative",
            ));
        }
        let (Some(program), Some(payment_id), Some(client_id), Some(date), Some(paid), true) = (
            program,
            payment_id,
            client_id,
            day,
            paid,
            problems.is_empty(),
        ) else {
            return Ok(Err(problems));
        };
        Ok(Ok(Payment {
            program,
            payment_id,
            client_id,
            date,
            amount: paid,
            list_price: list_price.unwrap_or(paid),
            category,
            direct,
            refund_of: if refund { refund_of } else { None },
            promo_code: text(cell("promo_code")),
            promotion: text(cell("promotion")),
            product: text(cell("product")),
        }))
    }

    fn program_of(
        &mut self,
        db: &Db,
        row: &Row,
        columns: &ColumnMap,
        problems: &mut Vec<Problem>,
    ) -> Result<Option<Rc<Program>>> {
        let Some(id) = text(columns.cell(row, "program")).or(self.default_program.clone()) else {
            problems.push(problem(
                "program",
                "program_required",
                "не указана программа (колонка «Программа» или --program)",
                "no program (the “program” column or --program)",
            ));
            return Ok(None);
        };
        let found = self.programs.get(db, &id)?;
        if found.is_none() {
            problems.push(problem(
                "program",
                "unknown_program",
                format!("нет программы «{id}»"),
                format!("no program “{id}”"),
            ));
        }
        Ok(found)
    }
}

/// The refunded payment's id, after checking the refund `p` (of `client`) fits it.
fn check_refund(
    p: &Payment,
    client: i64,
    refund_of: &str,
    original: Option<&Original>,
) -> std::result::Result<i64, Problem> {
    let Some(o) = original else {
        return Err(problem(
            "refund_of",
            "unknown_payment",
            format!("возвращаемый платёж «{refund_of}» не найден ни в книге, ни выше в файле"),
            format!(
                "the payment refunded, “{refund_of}”, is neither in the book nor above in the file"
            ),
        ));
    };
    if o.is_refund {
        return Err(problem(
            "refund_of",
            "refund_of_refund",
            format!("«{refund_of}» — сам возврат, а не оплата"),
            format!("“{refund_of}” is itself a refund, not a payment"),
        ));
    }
    if o.client != client {
        return Err(problem(
            "client_id",
            "refund_other_client",
            format!("платёж «{refund_of}» оплачен другим клиентом"),
            format!("payment “{refund_of}” was paid by another client"),
        ));
    }
    if p.date < o.date {
        let paid_on = o.date;
        return Err(problem(
            "date",
            "refund_before_payment",
            format!("возврат раньше самого платежа ({paid_on})"),
            format!("the refund is dated before the payment ({paid_on})"),
        ));
    }
    if o.refunded - p.amount > o.amount {
        let left = crate::money::minor_text(o.amount - o.refunded);
        return Err(problem(
            "amount",
            "refund_too_large",
            format!("возвратов больше, чем было оплачено: к возврату осталось {left}"),
            format!("more refunded than was paid: {left} is left to refund"),
        ));
    }
    Ok(o.id)
}

/// A payment with the row's key already in the book: the same content is "already
/// imported", other content is a problem. `None` when the key is new.
fn known_payment(db: &Db, p: &Payment, content: &str) -> Result<Option<RowResult>> {
    let stored = stored_content(db, &p.program.id, &p.payment_id)?;
    Ok(stored.map(|stored| {
        if stored == content {
            return RowResult::Unchanged;
        }
        let id = &p.payment_id;
        RowResult::Problems(vec![problem(
            "payment_id",
            "payment_changed",
            format!("платёж «{id}» уже загружен с другими данными; исправление — это новый платёж или возврат"),
            format!("payment “{id}” was imported before with other content; a correction is a new payment or a refund"),
        )])
    }))
}

impl RowImport for BillingRows {
    fn finish(&mut self, db: &Db, clean: bool) -> Result<Finished> {
        self.batch.finish(db)?;
        // The clients' ids and payments' keys are not needed any more: their memory goes
        // before the fold's.
        self.clients = HashMap::new();
        self.batch.forget_keys();
        if self.index_dropped {
            build_payments_by_client(db)?;
            self.index_dropped = false;
        }
        if !clean {
            return Ok(Finished::default());
        }
        Ok(Finished {
            accrued: accrue_import(db, self.import, self.at.clone())?,
            pending: vec![],
        })
    }

    fn row(
        &mut self,
        db: &Db,
        _actor: &Actor,
        import: i64,
        row: &Row,
        columns: &ColumnMap,
    ) -> Result<RowResult> {
        let p = match self.read(db, row, columns)? {
            Ok(p) => p,
            Err(problems) => return Ok(RowResult::Problems(problems)),
        };
        let content = p.content();
        let client = self.client(db, &p.program.id, &p.client_id)?;
        if self.batch.is_known(db, &p.program.id, &p.payment_id)? {
            // The same key again: the same row is "already imported", another a problem.
            self.batch.flush(db)?;
            return Ok(known_payment(db, &p, &content)?.unwrap_or(RowResult::Unchanged));
        }
        let mut refund_of = None;
        if let Some(original) = &p.refund_of {
            let checked = match self.batch.added(&p.program.id, original) {
                Some(o) => check_refund(&p, client, original, Some(o)),
                None => {
                    // Another refund of the book's payment may still be waiting.
                    if self.batch.holds(&p.program.id, original) {
                        self.batch.flush(db)?;
                    }
                    let stored = stored_original(db, &p.program.id, original)?;
                    check_refund(&p, client, original, stored.as_ref())
                }
            };
            refund_of = match checked {
                Ok(id) => Some(id),
                Err(problem) => return Ok(RowResult::Problems(vec![problem])),
            };
        }
        let values = [
            Value::Text(p.program.id.clone()),
            Value::Text(p.payment_id.clone()),
            Value::Integer(client),
            Value::Text(p.date.to_string()),
            Value::Integer(p.amount),
            Value::Integer(p.list_price),
            Value::Text(p.category.key().to_owned()),
            Value::Integer(i64::from(p.direct)),
            refund_of.into(),
            p.promo_code.clone().into(),
            p.promotion.clone().into(),
            p.product.clone().into(),
            Value::Text(content),
            Value::Integer(import),
        ];
        let facts = Original {
            id: 0,
            client,
            amount: p.amount,
            date: p.date,
            is_refund: refund_of.is_some(),
            refunded: 0,
        };
        self.batch.push(
            db,
            (&p.program.id, &p.payment_id),
            p.refund_of.as_deref(),
            facts,
            values,
        )?;
        self.added += 1;
        if !self.index_dropped
            && self.added.is_multiple_of(LARGE_IMPORT)
            && (self.added / LARGE_IMPORT).is_power_of_two()
        {
            self.drop_index_if_large(db)?;
        }
        Ok(RowResult::Added)
    }
}
