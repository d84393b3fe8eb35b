//! A realistic sample book: about sixty partners of the five programs and six hundred
//! clients over the fifteen months before today, with their binding attempts, accepted
//! and refused. Everything goes through the core's own functions
//! (`partners::create_partner`, `clients::record_client`, `clients::bind`), so every
//! check and every program rule applies, in one transaction. The dice have a fixed
//! seed: the same day always gives the same book.

mod acts;
mod addresses;
mod billing;
mod bitrix24;
mod clients;
mod context;
mod dice;
mod names;
mod numbers;
mod partners;
mod referrals;
mod requisites;
mod tele2;
#[cfg(test)]
mod tests;

use crate::store::sql::Db;

use self::context::Demo;
use crate::audit::Actor;
use crate::programs::{load_program, Program};
use crate::store::counts::{book_counts, has_data};
use crate::store::Book;
use crate::vendor::{self, Vendor};
use crate::{Error, Result};

/// What `demo` put into the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoSummary {
    pub partners: u64,
    pub clients: u64,
    /// Binding attempts recorded, accepted or refused.
    pub events: u64,
    /// Clients bound to a partner now.
    pub bound: u64,
    /// Attempts the programs' rules refused.
    pub refused: u64,
    /// Bindings that moved on to another partner.
    pub moved: u64,
    /// Billing rows imported (payments and refunds).
    pub payments: u64,
    /// Ledger entries the billing and the acts made.
    pub entries: u64,
    /// Acts made, in every state.
    pub acts: u64,
}

/// Refuses a book that has any partner, client or import.
fn ensure_empty(db: &Db) -> Result<()> {
    let used = has_data(db)?;
    if used {
        return Err(Error::refused(
            "demo_not_empty",
            "В книге уже есть данные: демо-данные заполняют только пустую книгу",
            "The book already has data: demo data fills only an empty book",
        ));
    }
    Ok(())
}

/// The vendor's requisites, unless the user has set any.
fn vendor_if_unset(demo: &mut Demo) -> Result<()> {
    if vendor::vendor(demo.db)? != Vendor::default() {
        return Ok(());
    }
    let founded = demo.days_ago(9 * 365);
    let inn = numbers::inn_legal(&mut demo.dice, "7714");
    let ogrn = numbers::ogrn(&mut demo.dice, founded, "7714");
    let bik = numbers::BIKS
        .first()
        .copied()
        .unwrap_or_default()
        .to_owned();
    let account = numbers::account(&mut demo.dice, &bik, "40702");
    let change = Vendor {
        name: Some("ООО «Облачные Платформы»".into()),
        bik: Some(bik),
        account: Some(account),
        kpp: Some(numbers::kpp(&inn)),
        edo_id: Some(format!(
            "2BM-{inn}-{}-{}",
            numbers::kpp(&inn),
            demo.dice.number(14)
        )),
        inn: Some(inn),
        ogrn: Some(ogrn),
        address: Some("125167, г. Москва, Ленинградский пр-т, д. 39, стр. 79, этаж 12".into()),
        signer: Some("Корнилова Елена Андреевна".into()),
        signer_position: Some("Генеральный директор".into()),
    };
    vendor::set_vendor(demo.db, demo.actor, change)?;
    Ok(())
}

/// Fills an empty book with the demo as of `actor.today()`; refuses a book with data
/// (`demo_not_empty`) and then changes nothing.
pub fn fill_demo(book: &mut Book, actor: &Actor) -> Result<DemoSummary> {
    let mut summary = fill_registry(book, actor)?;
    let billing = billing::import_year(book, actor)?;
    if let Some(problem) = billing.problems.first() {
        return Err(Error::refused(
            "demo_billing",
            format!(
                "Демо-биллинг не загрузился: {}",
                problem.render(crate::Lang::Ru)
            ),
            format!(
                "The demo billing did not import: {}",
                problem.render(crate::Lang::En)
            ),
        ));
    }
    summary.payments = billing.rows;
    summary.acts = acts::make_acts(book, actor)?;
    // the billing's promo codes made binding attempts of their own
    let counts = book_counts(book.db())?;
    summary.events = counts.events;
    summary.bound = counts.bound;
    summary.refused = counts.refused;
    summary.moved = counts.moved;
    summary.entries = counts.entries;
    Ok(summary)
}

/// The partners, clients and binding attempts, in one transaction.
fn fill_registry(book: &mut Book, actor: &Actor) -> Result<DemoSummary> {
    book.write(|tx| {
        ensure_empty(tx)?;
        let mut demo = Demo::new(tx, actor);
        vendor_if_unset(&mut demo)?;
        partners::create_all(&mut demo)?;
        type Make = fn(&mut Demo, &Program) -> Vec<clients::ClientPlan>;
        let makers: [(&str, Make); 5] = [
            ("bitrix24", bitrix24::plans),
            ("atlantys", referrals::atlantys_plans),
            ("quantower", referrals::quantower_plans),
            ("tele2-ats", tele2::plans),
            ("ciawifi", referrals::ciawifi_plans),
        ];
        let mut plans = Vec::with_capacity(makers.len());
        for (id, make) in makers {
            let program = load_program(tx, id)?;
            let made = make(&mut demo, &program);
            plans.push((program, made));
        }
        for (program, plans) in &plans {
            clients::record(&demo, program, plans, false)?;
        }
        partners::apply_endings(&mut demo)?;
        for (program, plans) in &plans {
            clients::record(&demo, program, plans, true)?;
        }
        let counts = book_counts(tx)?;
        Ok(DemoSummary {
            partners: counts.partners,
            clients: counts.clients,
            events: counts.events,
            bound: counts.bound,
            refused: counts.refused,
            moved: counts.moved,
            payments: 0,
            entries: 0,
            acts: 0,
        })
    })
}
