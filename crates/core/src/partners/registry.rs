//! Writing partners: create, edit, and the import's add-or-confirm.

use crate::store::partner_codes;
pub use crate::store::partners::find_partner;
use crate::store::partners::{insert_partner, update_partner_row};
use crate::store::sql::Db;

use super::model::{Partner, PartnerInput, PartnerStatus};
use super::validate::{validate_partner, ValidPartner};
use super::{codes, rates};
use crate::audit::{self, Actor};
use crate::ledger::{annul_unconverted, AnnulReason};
use crate::programs::{find_program, Program};
use crate::{Error, Problem, Result, Text};

pub fn get_partner(db: &Db, id: &str) -> Result<Partner> {
    find_partner(db, id)?.ok_or_else(|| {
        Error::not_found(format!("нет партнёра «{id}»"), format!("no partner “{id}”"))
    })
}

/// The partner `valid` describes, with defaults for what it leaves out.
fn to_partner(v: ValidPartner, code: Option<String>, today: &str) -> Partner {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let registered = date(v.registered).unwrap_or_else(|| today.to_owned());
    let status = v.status.unwrap_or(PartnerStatus::Active);
    Partner {
        partner_id: v.partner_id,
        program: v.program,
        name: v.name,
        kind: v.kind,
        inn: v.inn,
        kpp: v.kpp,
        ogrn: v.ogrn,
        vat_payer: v.vat_payer,
        vat_rate: v.vat_rate.map(|r| r.to_string()),
        code,
        rate: v.rate.map(|r| r.to_string()),
        contract_no: v.contract_no,
        contract_date: date(v.contract_date),
        registered: registered.clone(),
        status,
        // An active partner without a status date has been active since it registered;
        // another status without its date is taken as of today.
        status_since: date(v.status_since).unwrap_or_else(|| match status {
            PartnerStatus::Active => registered,
            _ => today.to_owned(),
        }),
        bik: v.bik,
        account: v.account,
        address: v.address,
        signer: v.signer,
        signer_position: v.signer_position,
        email: v.email,
        edo_id: v.edo_id,
        client_id: v.client_id,
    }
}

/// The program the input names, if the book has it.
fn program_of(db: &Db, input: &PartnerInput) -> Result<Option<Program>> {
    match input.program.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => find_program(db, id),
        _ => Ok(None),
    }
}

fn exists_problem(id: &str) -> Problem {
    Problem::new(
        "partner_exists",
        Text::new(
            format!("партнёр «{id}» уже есть в книге"),
            format!("partner “{id}” is already in the book"),
        ),
    )
    .field("partner_id")
}

/// Adds a new partner: checks every field, issues the code (or generates one).
pub fn create_partner(db: &Db, actor: &Actor, input: PartnerInput) -> Result<Partner> {
    let program = program_of(db, &input)?;
    let valid = validate_partner(&input, program.as_ref()).map_err(Error::Invalid)?;
    let program = program.ok_or_else(|| Error::Invalid(vec![]))?;
    let mut problems = Vec::new();
    if find_partner(db, &valid.partner_id)?.is_some() {
        problems.push(exists_problem(&valid.partner_id));
    }
    if let Some(code) = &valid.code {
        problems.extend(codes::taken(db, &program.id, code, &valid.partner_id)?);
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    insert_valid(db, actor, valid, &program, "create")
}

fn insert_valid(
    db: &Db,
    actor: &Actor,
    valid: ValidPartner,
    program: &Program,
    action: &str,
) -> Result<Partner> {
    let today = actor.today().to_string();
    let code = match &valid.code {
        Some(code) => code.clone(),
        None => codes::generate_code(db, &program.id, program.code_format)?,
    };
    let partner = to_partner(valid, Some(code.clone()), &today);
    insert_partner(db, &partner)?;
    rates::keep_rate(db, &partner, &today, true)?;
    partner_codes::issue(db, &program.id, &code, &partner.partner_id, actor.today())?;
    audit::record(db, actor, action, "partner", &partner.partner_id, None)?;
    Ok(partner)
}

/// What each field holds, as text, for comparing and for the audit's diff.
fn fields(p: &Partner) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("program", Some(p.program.clone())),
        ("name", Some(p.name.clone())),
        ("kind", Some(p.kind.key().to_owned())),
        ("inn", p.inn.clone()),
        ("kpp", p.kpp.clone()),
        ("ogrn", p.ogrn.clone()),
        (
            "vat_payer",
            Some(if p.vat_payer { "yes" } else { "no" }.to_owned()),
        ),
        ("vat_rate", p.vat_rate.clone()),
        ("code", p.code.clone()),
        ("rate", p.rate.clone()),
        ("contract_no", p.contract_no.clone()),
        ("contract_date", p.contract_date.clone()),
        ("registered", Some(p.registered.clone())),
        ("status", Some(p.status.key().to_owned())),
        ("status_since", Some(p.status_since.clone())),
        ("bik", p.bik.clone()),
        ("account", p.account.clone()),
        ("address", p.address.clone()),
        ("signer", p.signer.clone()),
        ("signer_position", p.signer_position.clone()),
        ("email", p.email.clone()),
        ("edo_id", p.edo_id.clone()),
        ("client_id", p.client_id.clone()),
    ]
}

fn diff(old: &Partner, new: &Partner) -> Vec<String> {
    fields(old)
        .into_iter()
        .zip(fields(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((key, a), (_, b))| {
            format!(
                "{key}: {} → {}",
                a.unwrap_or_default(),
                b.unwrap_or_default()
            )
        })
        .collect()
}

/// Edits a partner. The program cannot change; a new code retires the old one (codes
/// are never reused); a new status starts today.
pub fn update_partner(
    db: &Db,
    actor: &Actor,
    id: &str,
    mut input: PartnerInput,
) -> Result<Partner> {
    let old = get_partner(db, id)?;
    input.partner_id = Some(id.to_owned());
    let program = program_of(db, &input)?;
    let valid = validate_partner(&input, program.as_ref()).map_err(Error::Invalid)?;
    if valid.program != old.program {
        return Err(Error::Invalid(vec![Problem::new(
            "program_change",
            Text::new(
                "партнёра нельзя перевести в другую программу: заведите нового",
                "a partner cannot move to another program: add a new one",
            ),
        )
        .field("program")]));
    }
    let program = program.ok_or_else(|| Error::Invalid(vec![]))?;
    let today = actor.today().to_string();
    let new_code = match &valid.code {
        Some(code) => code.clone(),
        None => match &old.code {
            Some(code) => code.clone(),
            None => codes::generate_code(db, &program.id, program.code_format)?,
        },
    };
    let code_changed = old.code.as_deref().map(str::to_lowercase) != Some(new_code.to_lowercase());
    if code_changed {
        if let Some(problem) = codes::taken(db, &program.id, &new_code, id)? {
            return Err(Error::Invalid(vec![problem]));
        }
    }
    let mut partner = to_partner(valid, Some(new_code.clone()), &today);
    let since_given = input
        .status_since
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty());
    if partner.status == old.status {
        if !since_given {
            partner.status_since = old.status_since.clone();
        }
    } else if partner.status_since == old.status_since {
        // A form sends back the old status's date: a new status starts today unless
        // a date of its own was given.
        partner.status_since = today.clone();
    }
    if input
        .registered
        .as_deref()
        .is_none_or(|r| r.trim().is_empty())
    {
        partner.registered = old.registered.clone();
    }
    let changes = diff(&old, &partner);
    if changes.is_empty() {
        return Ok(old);
    }
    if code_changed {
        if let Some(old_code) = &old.code {
            partner_codes::retire(db, &program.id, old_code, actor.today())?;
        }
        partner_codes::issue(db, &program.id, &new_code, id, actor.today())?;
    }
    update_partner_row(db, &partner)?;
    rates::keep_rate(db, &partner, &today, false)?;
    annul_when_ended(db, actor, &old, &partner)?;
    audit::record(
        db,
        actor,
        "update",
        "partner",
        id,
        Some(&changes.join("; ")),
    )?;
    Ok(partner)
}

/// A partner terminated or disqualified loses its unconverted balance (PROGRAMS.md),
/// as of the day the status took effect.
fn annul_when_ended(db: &Db, actor: &Actor, old: &Partner, new: &Partner) -> Result<()> {
    let reason = match new.status {
        PartnerStatus::Terminated => AnnulReason::Termination,
        PartnerStatus::Disqualified => AnnulReason::Disqualification,
        PartnerStatus::Active | PartnerStatus::Suspended => return Ok(()),
    };
    if !old.status.accrues() {
        return Ok(());
    }
    let since =
        chrono::NaiveDate::parse_from_str(&new.status_since, "%Y-%m-%d").unwrap_or(actor.today());
    annul_unconverted(db, &new.partner_id, since, reason, None, &actor.stamp())?;
    Ok(())
}

/// What the import did with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportedRow {
    Added,
    Unchanged,
}

/// A spreadsheet row: adds a new partner, or confirms one already in the book with the
/// same content (only the columns the file has are compared). Problems name fields.
pub(crate) fn import_partner(
    db: &Db,
    actor: &Actor,
    input: PartnerInput,
    program: Option<&Program>,
) -> Result<std::result::Result<ImportedRow, Vec<Problem>>> {
    let valid = match validate_partner(&input, program) {
        Ok(v) => v,
        Err(problems) => return Ok(Err(problems)),
    };
    let Some(program) = program else {
        return Ok(Err(vec![]));
    };
    if let Some(old) = find_partner(db, &valid.partner_id)? {
        let today = actor.today().to_string();
        let given = to_partner(valid.clone(), valid.code.clone(), &today);
        let differing: Vec<&str> = fields(&old)
            .into_iter()
            .zip(fields(&given))
            .filter(|((key, a), (_, b))| {
                let in_file = match *key {
                    "registered" => valid.registered.is_some(),
                    "status" => valid.status.is_some(),
                    "status_since" => valid.status_since.is_some(),
                    "code" => valid.code.is_some(),
                    "vat_payer" => input
                        .vat_payer
                        .as_deref()
                        .is_some_and(|v| !v.trim().is_empty()),
                    _ => b.is_some(),
                };
                in_file
                    && !a
                        .as_deref()
                        .unwrap_or("")
                        .eq_ignore_ascii_case(b.as_deref().unwrap_or(""))
            })
            .map(|((key, _), _)| key)
            .collect();
        return Ok(if differing.is_empty() {
            Ok(ImportedRow::Unchanged)
        } else {
            Err(differing
                .into_iter()
                .map(|key| {
                    Problem::new(
                        "conflict",
                        Text::new(
                            format!("партнёр «{}» уже есть в книге с другим значением; измените его в карточке", old.partner_id),
                            format!("partner “{}” is already in the book with another value; edit it in the card", old.partner_id),
                        ),
                    )
                    .field(key)
                })
                .collect())
        });
    }
    if let Some(code) = &valid.code {
        if let Some(problem) = codes::taken(db, &program.id, code, &valid.partner_id)? {
            return Ok(Err(vec![problem]));
        }
    }
    insert_valid(db, actor, valid, program, "import")?;
    Ok(Ok(ImportedRow::Added))
}
