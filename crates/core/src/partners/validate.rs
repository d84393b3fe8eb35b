//! Checking a partner's input: one path for the form and for spreadsheet rows, so the
//! same value gets the same message wherever it is typed.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{PartnerInput, PartnerKind, PartnerStatus};
use crate::import::table::{self, Cell};
use crate::programs::{CodeFormat, Program};
use crate::{ids, Problem, Text};

/// A partner's input that passed every check, values parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPartner {
    pub partner_id: String,
    pub program: String,
    pub name: String,
    pub kind: PartnerKind,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub vat_payer: bool,
    pub vat_rate: Option<Decimal>,
    pub code: Option<String>,
    pub rate: Option<Decimal>,
    pub contract_no: Option<String>,
    pub contract_date: Option<NaiveDate>,
    pub registered: Option<NaiveDate>,
    pub status: Option<PartnerStatus>,
    pub status_since: Option<NaiveDate>,
    pub bik: Option<String>,
    pub account: Option<String>,
    pub address: Option<String>,
    pub signer: Option<String>,
    pub signer_position: Option<String>,
    pub email: Option<String>,
    pub edo_id: Option<String>,
    pub client_id: Option<String>,
}

fn filled(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn required(field: &'static str) -> Problem {
    Problem::new(
        "required",
        Text::new("обязательное поле не заполнено", "required, but empty"),
    )
    .field(field)
}

fn parse_with<T>(
    value: &Option<String>,
    field: &'static str,
    problems: &mut Vec<Problem>,
    parse: fn(&Cell) -> Result<Option<T>, Problem>,
) -> Option<T> {
    let text = filled(value)?;
    match parse(&Cell::Text(text)) {
        Ok(v) => v,
        Err(p) => {
            problems.push(p.field(field));
            None
        }
    }
}

fn percent(
    value: &Option<String>,
    field: &'static str,
    problems: &mut Vec<Problem>,
) -> Option<Decimal> {
    let rate = parse_with(value, field, problems, table::amount)?;
    if rate <= Decimal::ZERO || rate > Decimal::from(100) {
        problems.push(
            Problem::new(
                "percent_range",
                Text::new(
                    format!("процент должен быть больше 0 и не больше 100, а не {rate}"),
                    format!("a percentage must be above 0 and at most 100, not {rate}"),
                ),
            )
            .field(field),
        );
        return None;
    }
    Some(rate.normalize())
}

/// A code as typed: letters, digits, `-` and `_`, up to 32; for a digits-only program
/// exactly its length in digits.
fn check_code(code: &str, format: CodeFormat) -> Option<Problem> {
    let bad = match format {
        CodeFormat::Digits(n) => {
            if code.len() != n as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
                Some(Text::new(
                    format!("код программы — ровно {n} цифр, а не «{code}»"),
                    format!("the program's codes are exactly {n} digits, not “{code}”"),
                ))
            } else {
                None
            }
        }
        CodeFormat::Alnum(_) | CodeFormat::Hex(_) => {
            let ok = code.len() <= 32
                && code
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            (!ok).then(|| {
                Text::new(
                    format!("код — буквы, цифры, «-» и «_», не длиннее 32 знаков, а не «{code}»"),
                    format!("a code is letters, digits, “-” and “_”, at most 32, not “{code}”"),
                )
            })
        }
    };
    bad.map(|text| Problem::new("code_format", text).field("code"))
}

/// Checks `input` for `program` (`None` when the program named is not in the book).
/// Every problem is returned at once, each naming its field.
pub fn validate_partner(
    input: &PartnerInput,
    program: Option<&Program>,
) -> Result<ValidPartner, Vec<Problem>> {
    let mut problems = Vec::new();
    let partner_id = filled(&input.partner_id);
    if partner_id.is_none() {
        problems.push(required("partner_id"));
    }
    let program_id = filled(&input.program);
    match (&program_id, program) {
        (None, _) => problems.push(required("program")),
        (Some(id), None) => problems.push(
            Problem::new(
                "unknown_program",
                Text::new(
                    format!("нет программы «{id}»"),
                    format!("no program “{id}”"),
                ),
            )
            .field("program"),
        ),
        _ => {}
    }
    let name = filled(&input.name);
    if name.is_none() {
        problems.push(required("name"));
    }
    let kind = match filled(&input.kind) {
        None => {
            problems.push(required("kind"));
            None
        }
        Some(k) => match PartnerKind::parse(&k) {
            Some(kind) => Some(kind),
            None => {
                problems.push(
                    Problem::new(
                        "bad_kind",
                        Text::new(
                            format!("тип «{k}» неизвестен (ooo, ip, person, foreign)"),
                            format!("unknown kind “{k}” (ooo, ip, person, foreign)"),
                        ),
                    )
                    .field("kind"),
                );
                None
            }
        },
    };
    if let (Some(kind), Some(program)) = (kind, program) {
        if !program.kinds.is_empty() && !program.kinds.contains(&kind) {
            problems.push(
                Problem::new(
                    "kind_not_admitted",
                    Text::new(
                        format!("программа {} не принимает партнёров этого типа", program.id),
                        format!(
                            "program {} does not admit partners of this kind",
                            program.id
                        ),
                    ),
                )
                .field("kind"),
            );
        }
    }
    let kazakh = program.is_some_and(|p| p.currency == "KZT");
    let inn = filled(&input.inn);
    match (&inn, kind) {
        (None, Some(PartnerKind::Ooo | PartnerKind::Ip)) => problems.push(required("inn")),
        (Some(_), Some(PartnerKind::Foreign)) | (None, _) => {}
        (Some(inn), Some(kind)) => {
            let checked = if kazakh {
                ids::check_kz_iin_bin(inn)
            } else if kind == PartnerKind::Ooo {
                ids::check_inn_legal(inn)
            } else {
                ids::check_inn_person(inn)
            };
            if let Err(e) = checked {
                problems.push(e.into_problem("inn"));
            }
        }
        (Some(inn), None) => {
            if let Err(e) = ids::check_inn(inn) {
                problems.push(e.into_problem("inn"));
            }
        }
    }
    let kpp = filled(&input.kpp);
    match &kpp {
        None if kind == Some(PartnerKind::Ooo) && !kazakh => problems.push(required("kpp")),
        Some(kpp) => {
            if let Err(e) = ids::check_kpp(kpp) {
                problems.push(e.into_problem("kpp"));
            }
        }
        None => {}
    }
    let ogrn = filled(&input.ogrn);
    if let Some(ogrn) = &ogrn {
        let wrong_kind = match kind {
            Some(PartnerKind::Ooo) if ogrn.len() == 15 => Some((
                "ОГРН юрлица — 13 цифр",
                "a legal entity's ОГРН has 13 digits",
            )),
            Some(PartnerKind::Ip) if ogrn.len() == 13 => {
                Some(("у ИП — ОГРНИП из 15 цифр", "an ИП has a 15-digit ОГРНИП"))
            }
            _ => None,
        };
        if let Err(e) = ids::check_ogrn(ogrn) {
            problems.push(e.into_problem("ogrn"));
        } else if let Some((ru, en)) = wrong_kind {
            problems.push(Problem::new("ogrn_kind", Text::new(ru, en)).field("ogrn"));
        }
    }
    let vat_payer =
        parse_with(&input.vat_payer, "vat_payer", &mut problems, table::yes_no).unwrap_or(false);
    let vat_rate = percent(&input.vat_rate, "vat_rate", &mut problems);
    if vat_payer && vat_rate.is_none() && filled(&input.vat_rate).is_none() {
        problems.push(
            Problem::new(
                "vat_rate_required",
                Text::new(
                    "у плательщика НДС должна быть ставка НДС",
                    "a VAT payer needs a VAT rate",
                ),
            )
            .field("vat_rate"),
        );
    }
    let code = filled(&input.code);
    if let (Some(code), Some(program)) = (&code, program) {
        if let Some(problem) = check_code(code, program.code_format) {
            problems.push(problem);
        }
    }
    let rate = percent(&input.rate, "rate", &mut problems);
    if rate.is_none() && filled(&input.rate).is_none() && program.is_some_and(|p| p.rate_required) {
        problems.push(
            Problem::new(
                "rate_required",
                Text::new(
                    "программа требует ставку вознаграждения в договоре партнёра",
                    "the program needs the reward rate on the partner's contract",
                ),
            )
            .field("rate"),
        );
    }
    let contract_date = parse_with(
        &input.contract_date,
        "contract_date",
        &mut problems,
        table::date,
    );
    let registered = parse_with(&input.registered, "registered", &mut problems, table::date);
    let status_since = parse_with(
        &input.status_since,
        "status_since",
        &mut problems,
        table::date,
    );
    let status = filled(&input.status).and_then(|s| {
        let parsed = PartnerStatus::parse(&s);
        if parsed.is_none() {
            problems.push(
                Problem::new(
                    "bad_status",
                    Text::new(
                        format!(
                            "статус «{s}» неизвестен (active, suspended, terminated, disqualified)"
                        ),
                        format!(
                            "unknown status “{s}” (active, suspended, terminated, disqualified)"
                        ),
                    ),
                )
                .field("status"),
            );
        }
        parsed
    });
    let bik = filled(&input.bik);
    let account = filled(&input.account);
    match (&bik, &account) {
        (Some(bik), Some(account)) => {
            if let Err(e) = ids::check_bik(bik) {
                problems.push(e.into_problem("bik"));
            } else if let Err(e) = ids::check_account(bik, account) {
                problems.push(e.into_problem("account"));
            }
        }
        (Some(bik), None) => {
            if let Err(e) = ids::check_bik(bik) {
                problems.push(e.into_problem("bik"));
            }
        }
        (None, Some(_)) => problems.push(
            Problem::new(
                "bik_required",
                Text::new(
                    "счёт проверяется по БИК: укажите БИК банка",
                    "an account is checked against the bank's БИК: give the БИК",
                ),
            )
            .field("bik"),
        ),
        (None, None) => {}
    }
    let email = filled(&input.email);
    if let Some(email) = &email {
        let ok = email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !email.contains(' ')
        });
        if !ok {
            problems.push(
                Problem::new(
                    "bad_email",
                    Text::new(
                        format!("не адрес почты: «{email}»"),
                        format!("not an e-mail address: “{email}”"),
                    ),
                )
                .field("email"),
            );
        }
    }
    match (partner_id, program_id, name, kind) {
        (Some(partner_id), Some(program), Some(name), Some(kind)) if problems.is_empty() => {
            Ok(ValidPartner {
                partner_id,
                program,
                name,
                kind,
                inn,
                kpp,
                ogrn,
                vat_payer,
                vat_rate,
                code,
                rate,
                contract_no: filled(&input.contract_no),
                contract_date,
                registered,
                status,
                status_since,
                bik,
                account,
                address: filled(&input.address),
                signer: filled(&input.signer),
                signer_position: filled(&input.signer_position),
                email,
                edo_id: filled(&input.edo_id),
                client_id: filled(&input.client_id),
            })
        }
        _ => Err(problems),
    }
}
