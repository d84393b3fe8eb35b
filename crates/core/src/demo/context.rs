//! What the demo keeps while it fills a book: the dice, the day, the partners made so
//! far, and every code, name and client id handed out (so none repeats).

use std::collections::BTreeSet;

use crate::store::sql::Db;
use chrono::{Duration, NaiveDate};

use super::dice::Dice;
use super::names::Person;
use crate::audit::Actor;
use crate::partners::{PartnerInput, PartnerStatus};
use crate::programs::CodeFormat;

/// The fixed seed: the same `today` always gives the same book.
const SEED: u64 = 0x5052_544E_4552_424B;

/// How far back client registrations go (about 15 months).
pub(super) const HISTORY_DAYS: i64 = 455;

/// A partner the demo made, with what the client scenarios need to know of it.
#[derive(Debug, Clone)]
pub(super) struct DemoPartner {
    pub id: String,
    pub program: &'static str,
    pub code: String,
    pub name: String,
    pub inn: Option<String>,
    pub registered: NaiveDate,
    /// How many clients it brings, relative to the others of its program.
    pub weight: u32,
    /// The day it stops (terminated or disqualified), applied after its clients.
    pub ends: Option<(NaiveDate, PartnerStatus)>,
    pub input: PartnerInput,
}

impl DemoPartner {
    /// Whether it takes clients on `day`.
    pub(super) fn takes_on(&self, day: NaiveDate) -> bool {
        self.registered <= day && self.ends.is_none_or(|(end, _)| day < end)
    }
}

pub(super) struct Demo<'a> {
    pub db: &'a Db,
    pub actor: &'a Actor,
    pub today: NaiveDate,
    pub dice: Dice,
    pub partners: Vec<DemoPartner>,
    codes: BTreeSet<(&'static str, String)>,
    names: BTreeSet<String>,
    client_ids: BTreeSet<String>,
}

const ALNUM: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

impl<'a> Demo<'a> {
    pub(super) fn new(db: &'a Db, actor: &'a Actor) -> Demo<'a> {
        Demo {
            db,
            actor,
            today: actor.today(),
            dice: Dice::new(SEED),
            partners: Vec::new(),
            codes: BTreeSet::new(),
            names: BTreeSet::new(),
            client_ids: BTreeSet::new(),
        }
    }

    pub(super) fn days_ago(&self, days: i64) -> NaiveDate {
        self.today - Duration::days(days)
    }

    /// The first day of the demo's client history.
    pub(super) fn history_start(&self) -> NaiveDate {
        self.days_ago(HISTORY_DAYS)
    }

    /// A client's registration day within the history, before today.
    pub(super) fn registration_day(&mut self) -> NaiveDate {
        let back = self.dice.between(1, HISTORY_DAYS);
        self.days_ago(back)
    }

    /// A day in `from..=to`, clipped to the history and to yesterday; `None` if empty.
    pub(super) fn day_in(&mut self, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        let from = from.max(self.history_start());
        let to = to.min(self.days_ago(1));
        let span = (to - from).num_days();
        (span >= 0).then(|| self.dice.days_after(from, 0, span))
    }

    /// Claims `code` in `program`; false if it was handed out already.
    pub(super) fn claim_code(&mut self, program: &'static str, code: &str) -> bool {
        self.codes.insert((program, code.to_uppercase()))
    }

    pub(super) fn code_taken(&self, program: &'static str, code: &str) -> bool {
        self.codes.contains(&(program, code.to_uppercase()))
    }

    /// A new code in the program's format, drawn from the demo's dice.
    pub(super) fn fresh_code(&mut self, program: &'static str, format: CodeFormat) -> String {
        loop {
            let code = match format {
                CodeFormat::Digits(n) => {
                    let first = self.dice.between(1, 9).to_string();
                    first + &self.dice.number(usize::from(n).saturating_sub(1))
                }
                CodeFormat::Alnum(n) => self.dice.chars(ALNUM, usize::from(n)),
                CodeFormat::Hex(n) => self.dice.chars(b"0123456789abcdef", usize::from(n)),
            };
            if self.claim_code(program, &code) {
                return code;
            }
        }
    }

    /// The first of `candidates` nobody holds: a code someone mistyped.
    pub(super) fn unknown_code(&self, program: &'static str, candidates: &[&str]) -> String {
        candidates
            .iter()
            .find(|c| !self.code_taken(program, c))
            .map_or_else(|| format!("{program}-NOPE"), |c| (*c).to_owned())
    }

    /// A name no one in the demo has yet, made by `make` (numbered if it keeps repeating).
    pub(super) fn unique_name(&mut self, mut make: impl FnMut(&mut Dice) -> String) -> String {
        for _ in 0..20 {
            let name = make(&mut self.dice);
            if self.names.insert(name.clone()) {
                return name;
            }
        }
        let name = format!("{} ({})", make(&mut self.dice), self.names.len());
        self.names.insert(name.clone());
        name
    }

    /// A person whose full name no one in the demo has yet.
    pub(super) fn unique_person(&mut self, make: fn(&mut Dice) -> Person) -> Person {
        loop {
            let person = make(&mut self.dice);
            if self.names.insert(person.full()) {
                return person;
            }
        }
    }

    /// A client id no client has yet, made by `make`.
    pub(super) fn client_id(&mut self, mut make: impl FnMut(&mut Dice) -> String) -> String {
        loop {
            let id = make(&mut self.dice);
            if self.client_ids.insert(id.clone()) {
                return id;
            }
        }
    }

    /// A partner of `program` taking clients on `day`, drawn by weight, other than
    /// `except`.
    pub(super) fn pick_partner(
        &mut self,
        program: &str,
        day: NaiveDate,
        except: Option<&str>,
    ) -> Option<DemoPartner> {
        let eligible: Vec<&DemoPartner> = self
            .partners
            .iter()
            .filter(|p| p.program == program && p.takes_on(day) && Some(p.id.as_str()) != except)
            .collect();
        let weights: Vec<u32> = eligible.iter().map(|p| p.weight).collect();
        let index = self.dice.weighted(&weights)?;
        eligible.get(index).map(|p| (*p).clone())
    }

    pub(super) fn partner_with_code(&self, program: &str, code: &str) -> Option<DemoPartner> {
        self.partners
            .iter()
            .find(|p| p.program == program && p.code.eq_ignore_ascii_case(code))
            .cloned()
    }

    /// The program's partner that stops taking clients, if any.
    pub(super) fn ending_partner(&self, program: &str) -> Option<DemoPartner> {
        self.partners
            .iter()
            .find(|p| p.program == program && p.ends.is_some())
            .cloned()
    }
}
