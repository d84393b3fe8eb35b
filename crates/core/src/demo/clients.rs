//! Clients as the demo plans them: who registered when, and every attempt to bind them,
//! recorded through `clients::record_client` and `clients::bind` in date order, so the
//! programs' rules decide each one.

use chrono::NaiveDate;

use super::addresses;
use super::context::{Demo, DemoPartner};
use super::names;
use super::numbers;
use crate::clients::{bind, record_client, ClientRecord};
use crate::programs::{Channel, Program};
use crate::{Error, Result};

/// One attempt to bind: a code (or link id) used through a channel on a day.
#[derive(Debug, Clone)]
pub(super) struct Attempt {
    pub date: NaiveDate,
    pub code: String,
    pub channel: Channel,
}

#[derive(Debug, Clone)]
pub(super) struct ClientPlan {
    pub record: ClientRecord,
    pub attempts: Vec<Attempt>,
    /// Recorded after the terminations and disqualifications.
    pub late: bool,
}

impl ClientPlan {
    pub(super) fn new(
        program: &str,
        client_id: String,
        name: String,
        inn: Option<String>,
        registered: NaiveDate,
    ) -> ClientPlan {
        ClientPlan {
            record: ClientRecord {
                program: program.to_owned(),
                client_id,
                name: Some(name),
                inn,
                registered: Some(registered),
                users: None,
                active_since: None,
                promo_ends: None,
            },
            attempts: Vec::new(),
            late: false,
        }
    }

    pub(super) fn registered(&self) -> NaiveDate {
        self.record.registered.unwrap_or_default()
    }

    pub(super) fn attempt(&mut self, date: NaiveDate, code: &str, channel: Channel) {
        self.attempts.push(Attempt {
            date,
            code: code.to_owned(),
            channel,
        });
    }

    /// An attempt with `partner`'s code.
    pub(super) fn by(&mut self, date: NaiveDate, partner: &DemoPartner, channel: Channel) {
        self.attempt(date, &partner.code, channel);
    }

    pub(super) fn late(mut self) -> ClientPlan {
        self.late = true;
        self
    }
}

/// Records the clients (`late` ones or the others) and their attempts up to today.
pub(super) fn record(
    demo: &Demo,
    program: &Program,
    plans: &[ClientPlan],
    late: bool,
) -> Result<()> {
    for plan in plans.iter().filter(|p| p.late == late) {
        let (client, _) = record_client(demo.db, &plan.record)?.map_err(Error::Invalid)?;
        let mut attempts: Vec<&Attempt> = plan
            .attempts
            .iter()
            .filter(|a| a.date <= demo.today)
            .collect();
        attempts.sort_by_key(|a| a.date);
        for a in attempts {
            bind(demo.db, program, client, &a.code, a.channel, a.date, None)?;
        }
    }
    Ok(())
}

/// A Russian business client: `ООО «Гранит Логистик»` with a 10-digit ИНН, or an ИП
/// with a 12-digit one.
pub(super) fn russian_business(demo: &mut Demo) -> (String, String) {
    let city = addresses::city(&mut demo.dice);
    let office = demo.dice.word(city.offices);
    if demo.dice.chance(78) {
        let brand = demo.unique_name(|d| names::russian_brand(d, None));
        let form = if demo.dice.chance(92) {
            "ООО"
        } else {
            "АО"
        };
        (
            format!("{form} «{brand}»"),
            numbers::inn_legal(&mut demo.dice, office),
        )
    } else {
        let person = demo.unique_person(names::russian_person);
        (
            format!("ИП {}", person.short()),
            numbers::inn_person(&mut demo.dice, office),
        )
    }
}

/// A Russian business client named after its venue (`Кофейня «Зенит»`).
pub(super) fn venue(demo: &mut Demo) -> (String, String) {
    let city = addresses::city(&mut demo.dice);
    let office = demo.dice.word(city.offices);
    let name = demo.unique_name(|d| format!("{}, {}", names::venue(d), city.name));
    let inn = if demo.dice.chance(50) {
        numbers::inn_legal(&mut demo.dice, office)
    } else {
        numbers::inn_person(&mut demo.dice, office)
    };
    (name, inn)
}

/// The program's partner with the highest weight taking clients on `day`.
pub(super) fn busiest(demo: &Demo, program: &str, day: NaiveDate) -> Option<DemoPartner> {
    demo.partners
        .iter()
        .filter(|p| p.program == program && p.takes_on(day))
        .max_by_key(|p| p.weight)
        .cloned()
}
