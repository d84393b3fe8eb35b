//! The roster: sixty partners across the five programs, each made through
//! `partners::create_partner` (so every check applies), and the terminations and
//! disqualifications applied once their clients are in.

use chrono::{Datelike, NaiveDate};

use super::context::{Demo, DemoPartner};
use super::names::{self, Person};
use super::requisites as req;
use crate::partners::{create_partner, update_partner, PartnerInput, PartnerStatus};
use crate::programs::load_program;
use crate::Result;

fn some(value: impl Into<String>) -> Option<String> {
    Some(value.into())
}

/// When a partner joined: a founding one 16 months to 3 years ago, a newcomer 4 to 14
/// months ago.
fn joined(demo: &mut Demo, newcomer: bool) -> NaiveDate {
    let back = if newcomer {
        demo.dice.between(120, 420)
    } else {
        demo.dice.between(480, 1100)
    };
    demo.days_ago(back)
}

/// A signed contract `number` a few days after joining (never after today).
fn contract(demo: &mut Demo, input: &mut PartnerInput, number: String, joined: NaiveDate) {
    let signed = demo.dice.days_after(joined, 1, 20).min(demo.today);
    input.contract_no = Some(number);
    input.contract_date = Some(signed.to_string());
}

fn vat(input: &mut PartnerInput, rate: &str) {
    input.vat_payer = some("yes");
    input.vat_rate = some(rate);
}

/// The day a partner is stopped: 40 to 90 days ago.
fn stopped(demo: &mut Demo, status: PartnerStatus) -> Option<(NaiveDate, PartnerStatus)> {
    let back = demo.dice.between(40, 90);
    Some((demo.days_ago(back), status))
}

/// Creates the partner (id `P-NNN`, a fresh code unless one is given) and remembers it.
fn add(
    demo: &mut Demo,
    program: &'static str,
    mut input: PartnerInput,
    registered: NaiveDate,
    weight: u32,
    ends: Option<(NaiveDate, PartnerStatus)>,
) -> Result<()> {
    let id = format!("P-{:03}", demo.partners.len() + 1);
    let code = match input.code.clone() {
        Some(code) if demo.claim_code(program, &code) => code,
        _ => {
            let format = load_program(demo.db, program)?.code_format;
            demo.fresh_code(program, format)
        }
    };
    input.partner_id = Some(id.clone());
    input.program = some(program);
    input.registered = Some(registered.to_string());
    input.code = Some(code.clone());
    let partner = create_partner(demo.db, demo.actor, input.clone())?;
    demo.partners.push(DemoPartner {
        id,
        program,
        code,
        name: partner.name,
        inn: partner.inn,
        registered,
        weight,
        ends,
        input,
    });
    Ok(())
}

/// Integrators (ООО, АО, ИП) of the Russian Federation only; two suspended, one
/// terminated; most with the accession contract, some VAT payers.
fn bitrix24(demo: &mut Demo) -> Result<()> {
    for i in 0..18u32 {
        let joined = joined(demo, i >= 13);
        let ip = matches!(i, 3 | 8 | 12 | 15 | 17);
        let mut input = if ip {
            req::russian_ip(demo, joined)
        } else {
            req::russian_company(demo, joined, Some(names::INTEGRATOR_SUFFIXES))
        };
        if !ip && i % 3 != 2 {
            vat(&mut input, if i == 7 { "5" } else { "22" });
        }
        if i < 16 {
            let number = format!("Б24-{}/{:03}", joined.year(), 101 + i * 7);
            contract(demo, &mut input, number, joined);
        }
        if matches!(i, 5 | 11) {
            input.status = some("suspended");
        }
        let ends = if i == 9 {
            stopped(demo, PartnerStatus::Terminated)
        } else {
            None
        };
        let weight = if i < 2 {
            30
        } else {
            demo.dice.between(2, 12) as u32
        };
        add(demo, "bitrix24", input, joined, weight, ends)?;
    }
    Ok(())
}

/// Асель (code `ASEL25`) and other Kazakh people, ИП and ТОО; one excluded.
fn atlantys(demo: &mut Demo) -> Result<()> {
    for i in 0..12u32 {
        let joined = joined(demo, i >= 9);
        let mut input = match i {
            0 => {
                let asel = Person {
                    surname: "Сапарова".into(),
                    first: "Асель".into(),
                    patronymic: Some("Маратовна".into()),
                    female: true,
                };
                demo.unique_name(|_| asel.full());
                req::kazakh_person(demo, &asel, false)
            }
            1..=7 => {
                let person = demo.unique_person(names::kazakh_person);
                let mut input = req::kazakh_person(demo, &person, i >= 5);
                let vanity = format!("{}25", names::translit(&person.first).to_uppercase());
                input.code = (!demo.code_taken("atlantys", &vanity)).then_some(vanity);
                input
            }
            _ => req::kazakh_company(demo, joined),
        };
        if i == 0 {
            input.code = some("ASEL25");
        }
        let number = format!("ATL-{}/{:03}", joined.year(), 11 + i * 3);
        contract(demo, &mut input, number, joined);
        let ends = if i == 6 {
            stopped(demo, PartnerStatus::Terminated)
        } else {
            None
        };
        let weight = if i == 0 {
            25
        } else {
            demo.dice.between(3, 12) as u32
        };
        add(demo, "atlantys", input, joined, weight, ends)?;
    }
    Ok(())
}

/// Trading schools and traders abroad, one Russian ИП; two raised rates, one
/// disqualified.
fn quantower(demo: &mut Demo) -> Result<()> {
    for i in 0..10u32 {
        let joined = joined(demo, i >= 8);
        let mut input = match i {
            0..=4 => req::foreign_company(demo),
            5..=8 => req::foreign_person(demo),
            _ => req::russian_ip(demo, joined),
        };
        if i <= 4 {
            let number = format!("QT-RP-{:04}", 1040 + i * 13);
            contract(demo, &mut input, number, joined);
        }
        input.rate = match i {
            0 => some("30"),
            5 => some("25"),
            _ => None,
        };
        let ends = if i == 7 {
            stopped(demo, PartnerStatus::Disqualified)
        } else {
            None
        };
        let weight = if i == 0 {
            20
        } else {
            demo.dice.between(2, 10) as u32
        };
        add(demo, "quantower", input, joined, weight, ends)?;
    }
    Ok(())
}

/// PBX clients that invite others with their 9-character codes.
fn tele2(demo: &mut Demo) -> Result<()> {
    for i in 0..10u32 {
        let back = if i == 9 {
            demo.dice.between(100, 200)
        } else {
            demo.dice.between(250, 700)
        };
        let joined = demo.days_ago(back);
        let input = if matches!(i, 2 | 5 | 8) {
            req::russian_ip(demo, joined)
        } else {
            req::russian_company(demo, joined, None)
        };
        let weight = if i == 0 {
            14
        } else {
            demo.dice.between(1, 6) as u32
        };
        add(demo, "tele2-ats", input, joined, weight, None)?;
    }
    Ok(())
}

/// Venues' suppliers, ИП and people with 5-digit codes; the rate is on every contract.
fn ciawifi(demo: &mut Demo) -> Result<()> {
    for i in 0..10u32 {
        let joined = joined(demo, i >= 7);
        let mut input = match i {
            0..=4 => req::russian_company(demo, joined, None),
            5..=7 => req::russian_ip(demo, joined),
            _ => req::russian_person(demo),
        };
        if matches!(i, 1 | 3) {
            vat(&mut input, "22");
        }
        input.rate = some(if i == 0 {
            "25"
        } else {
            demo.dice.word("10|15|15|20")
        });
        let number = format!("ЦВ-{:03}/{}", 21 + i * 4, joined.format("%y"));
        contract(demo, &mut input, number, joined);
        if i == 4 {
            input.status = some("suspended");
        }
        let weight = demo.dice.between(2, 10) as u32;
        add(demo, "ciawifi", input, joined, weight, None)?;
    }
    Ok(())
}

pub(super) fn create_all(demo: &mut Demo) -> Result<()> {
    bitrix24(demo)?;
    atlantys(demo)?;
    quantower(demo)?;
    tele2(demo)?;
    ciawifi(demo)?;
    Ok(())
}

/// Terminates and disqualifies the partners whose time is up (after their clients
/// were bound, so their history stays).
pub(super) fn apply_endings(demo: &mut Demo) -> Result<()> {
    let ending: Vec<DemoPartner> = demo
        .partners
        .iter()
        .filter(|p| p.ends.is_some())
        .cloned()
        .collect();
    for p in ending {
        if let Some((since, status)) = p.ends {
            let mut input = p.input.clone();
            input.status = some(status.key());
            input.status_since = Some(since.to_string());
            update_partner(demo.db, demo.actor, &p.id, input)?;
        }
    }
    Ok(())
}
