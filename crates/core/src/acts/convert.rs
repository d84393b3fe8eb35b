//! A conversion: part or all of a partner's available balance becomes money owed, with
//! its act as a draft. The program's rules decide whether the partner may convert and how
//! much (PROGRAMS.md); a refusal says why and changes nothing.

use crate::store::sql::Db;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::model::Conversion;
use crate::audit::{self, Actor};
use crate::ledger::fold::Entry;
use crate::ledger::{partner_balance, Kind};
use crate::money::{from_minor, minor_text, to_minor};
use crate::partners::{get_partner, Partner, PartnerStatus};
use crate::programs::{load_program, ConversionRules, PayoutKind, Program};
use crate::store::act_numbers::next_number;
use crate::store::acts::{insert_act, last_period_end, made_for_key as made_under_key, NewAct};
use crate::store::append_entry;
pub(crate) use crate::store::ledger::last_conversion;
use crate::{Error, Result};

/// What staff ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertRequest {
    pub partner: String,
    pub date: NaiveDate,
    /// In the program's unit; `None`: everything available.
    pub amount: Option<Decimal>,
    /// `None`: the program's first kind (bank).
    pub payout_kind: Option<PayoutKind>,
    /// The requester's own key for this request (a dialog's, a script's): the same key
    /// again answers the act it made, never a second one.
    pub key: Option<String>,
}

/// Converts, appending the ledger's conversion entry and the act's draft.
pub fn convert(db: &Db, actor: &Actor, request: &ConvertRequest) -> Result<Conversion> {
    let key = request
        .key
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty());
    if let Some(done) = key
        .map(|k| made_for_key(db, k, request))
        .transpose()?
        .flatten()
    {
        return Ok(done);
    }
    let partner = get_partner(db, &request.partner)?;
    let program = load_program(db, &partner.program)?;
    let rules = conversion_rules(&program, request.date)?;
    may_convert(&partner, rules, request.date)?;
    in_date_order(db, &partner.partner_id, request.date)?;
    let kind = payout_kind(rules, request.payout_kind)?;
    let available = partner_balance(db, &partner.partner_id, request.date)?.available();
    let amount = amount_to_convert(request.amount, available, rules, &program.unit)?;
    let money = to_minor(
        (from_minor(amount) * rules.unit_value)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    )
    .ok_or_else(|| too_large(amount))?;
    let (vat_rate, vat) = vat_of(&partner, money, request.date);
    let (seq, number) = next_number(db, request.date.year())?;
    let at = actor.stamp();
    let conversion = Entry {
        id: 0,
        partner: partner.partner_id.clone(),
        kind: Kind::Conversion,
        date: request.date,
        available_on: request.date,
        amount,
        payment: None,
        client: None,
        corrects: None,
        rule: "conversion",
        version: None,
        base: None,
        rate: None,
        detail: Some(number.clone()),
    };
    let entry = append_entry(db, conversion, &at)?;
    let period_from = period_start(db, &partner)?;
    let act = insert_act(
        db,
        &NewAct {
            number: &number,
            year: request.date.year(),
            seq,
            partner: &partner.partner_id,
            program: &partner.program,
            conversion: entry,
            date: request.date,
            period_from: period_from.min(request.date),
            amount,
            money,
            currency: &program.currency,
            vat_rate,
            vat,
            payout_kind: payout_key(kind),
            guid: &new_guid(),
            at: &at,
            request_key: key,
        },
    )?;
    audit::record(
        db,
        actor,
        "convert",
        "partner",
        &partner.partner_id,
        Some(&format!(
            "{}: {} {} → акт {number}",
            request.date,
            minor_text(amount),
            program.unit
        )),
    )?;
    Ok(Conversion {
        conversion: entry.to_string(),
        act: act.to_string(),
        number,
        partner: partner.partner_id,
        amount: minor_text(amount),
        unit: program.unit,
    })
}

fn conversion_rules(program: &Program, date: NaiveDate) -> Result<&ConversionRules> {
    program
        .version_on(date)
        .and_then(|v| v.rules.conversion.as_ref())
        .ok_or_else(|| {
            Error::refused(
                "no_conversion",
                format!(
                    "Программа {} не выплачивает деньги: её вознаграждение — скидки",
                    program.id
                ),
                format!(
                    "The program {} pays no money: it rewards with discounts",
                    program.id
                ),
            )
        })
}

pub(crate) fn may_convert(
    partner: &Partner,
    rules: &ConversionRules,
    date: NaiveDate,
) -> Result<()> {
    match partner.status {
        PartnerStatus::Active => {}
        PartnerStatus::Suspended => {
            return Err(Error::refused(
                "partner_suspended",
                format!(
                    "Партнёр {} приостановлен и не может конвертировать баланс",
                    partner.partner_id
                ),
                format!(
                    "Partner {} is suspended and cannot convert",
                    partner.partner_id
                ),
            ))
        }
        PartnerStatus::Terminated | PartnerStatus::Disqualified => {
            return Err(Error::refused(
                "partner_ended",
                format!(
                    "Партнёрство {} прекращено: конвертировать нечего",
                    partner.partner_id
                ),
                format!(
                    "The partnership of {} has ended: nothing to convert",
                    partner.partner_id
                ),
            ))
        }
    }
    if rules.requires_contract {
        let signed = partner
            .contract_no
            .as_deref()
            .is_some_and(|n| !n.trim().is_empty())
            && partner
                .contract_date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .is_none_or(|d| d <= date);
        if !signed {
            return Err(Error::refused(
                "no_contract",
                format!(
                    "С партнёром {} нет подписанного договора на {}: конвертация невозможна",
                    partner.partner_id,
                    date.format("%d.%m.%Y")
                ),
                format!(
                    "Partner {} has no signed contract on {date}: it cannot convert",
                    partner.partner_id
                ),
            ));
        }
    }
    Ok(())
}

/// Conversions follow one another in time: one dated before the partner's latest would
/// take again what that one took (the balance on its day does not know of it).
fn in_date_order(db: &Db, partner: &str, date: NaiveDate) -> Result<()> {
    match last_conversion(db, partner)? {
        Some(last) if last > date => Err(Error::refused(
            "conversion_out_of_order",
            format!(
                "У партнёра {partner} уже есть конвертация от {}: новая не может быть датирована раньше",
                last.format("%d.%m.%Y")
            ),
            format!("Partner {partner} already converted on {last}: a new conversion cannot be dated earlier"),
        )),
        _ => Ok(()),
    }
}

fn payout_kind(rules: &ConversionRules, asked: Option<PayoutKind>) -> Result<PayoutKind> {
    let first = rules
        .payout_kinds
        .first()
        .copied()
        .unwrap_or(PayoutKind::Bank);
    match asked {
        None => Ok(first),
        Some(kind) if rules.payout_kinds.contains(&kind) => Ok(kind),
        Some(kind) => Err(Error::refused(
            "payout_kind",
            format!("Программа не выплачивает способом «{}»", payout_key(kind)),
            format!("The program does not pay out as «{}»", payout_key(kind)),
        )),
    }
}

pub(crate) fn payout_key(kind: PayoutKind) -> &'static str {
    match kind {
        PayoutKind::Bank => "bank",
        PayoutKind::LicenceCredit => "licence_credit",
    }
}

/// The amount to convert, in minor units: what was asked, or all that is available.
fn amount_to_convert(
    asked: Option<Decimal>,
    available: i64,
    rules: &ConversionRules,
    unit: &str,
) -> Result<i64> {
    let min = to_minor(rules.min_amount).unwrap_or(0);
    let amount = match asked {
        None => available,
        Some(a) => to_minor(a).filter(|m| from_minor(*m) == a).ok_or_else(|| {
            Error::refused(
                "bad_amount",
                format!("Сумма {a} не годится: не больше двух знаков после запятой"),
                format!("The amount {a} will not do: at most two decimals"),
            )
        })?,
    };
    if available <= 0 || amount <= 0 {
        return Err(Error::refused(
            "nothing_to_convert",
            format!(
                "Доступно {} {unit}: конвертировать нечего",
                minor_text(available)
            ),
            format!(
                "{} {unit} available: nothing to convert",
                minor_text(available)
            ),
        ));
    }
    if amount > available {
        return Err(Error::refused(
            "above_available",
            format!(
                "Сумма {} больше доступной: {} {unit}",
                minor_text(amount),
                minor_text(available)
            ),
            format!(
                "The amount {} is more than is available: {} {unit}",
                minor_text(amount),
                minor_text(available)
            ),
        ));
    }
    if amount < min {
        return Err(Error::refused(
            "under_threshold",
            format!(
                "Сумма {} меньше порога программы {} {unit} (доступно {})",
                minor_text(amount),
                minor_text(min),
                minor_text(available)
            ),
            format!(
                "The amount {} is under the program's threshold of {} {unit} ({} available)",
                minor_text(amount),
                minor_text(min),
                minor_text(available)
            ),
        ));
    }
    Ok(amount)
}

fn too_large(amount: i64) -> Error {
    Error::refused(
        "bad_amount",
        format!("Сумма {} слишком велика", minor_text(amount)),
        format!("The amount {} is too large", minor_text(amount)),
    )
}

/// The VAT inside `money` for a VAT payer, rounded half-up to the minor unit. The rate is
/// the partner's; the standard rate follows the law on `date` (20 % until 2025, 22 % from
/// 2026-01-01), so a card that says 20 gets 22 on an act of 2026 and the other way round.
/// Reduced rates (0, 5, 7, 10 %) stay as they are.
fn vat_of(partner: &Partner, money: i64, date: NaiveDate) -> (Option<Decimal>, Option<i64>) {
    if !partner.vat_payer {
        return (None, None);
    }
    let standard = if date.year() >= 2026 {
        Decimal::from(22)
    } else {
        Decimal::from(20)
    };
    let rate = match partner.vat_rate.as_deref().and_then(|r| {
        r.trim()
            .trim_end_matches('%')
            .trim()
            .parse::<Decimal>()
            .ok()
    }) {
        Some(r) if r == Decimal::from(20) || r == Decimal::from(22) => standard,
        Some(r) => r,
        None => standard,
    };
    let vat = (from_minor(money) * rate / (Decimal::ONE_HUNDRED + rate))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    (Some(rate), to_minor(vat))
}

/// The first day of the next act's period: the day after the partner's last act (not
/// rejected), else the partner's registration.
fn period_start(db: &Db, partner: &Partner) -> Result<NaiveDate> {
    let after_last = last_period_end(db, &partner.partner_id)?.and_then(|d| d.succ_opt());
    let registered = NaiveDate::parse_from_str(&partner.registered, "%Y-%m-%d").ok();
    Ok(after_last.or(registered).unwrap_or(NaiveDate::MIN))
}

/// A random (version 4) GUID for the act's EDO file.
fn new_guid() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The conversion a request with `key` made before, if one did: the same partner and day
/// answer it again; anything else under the same key is refused.
fn made_for_key(db: &Db, key: &str, request: &ConvertRequest) -> Result<Option<Conversion>> {
    let Some((done, date)) = made_under_key(db, key)? else {
        return Ok(None);
    };
    let (number, partner) = (&done.number, &done.partner);
    if *partner != request.partner || date != request.date {
        return Err(Error::refused(
            "request_key_reused",
            format!(
                "Ключ запроса «{key}» уже использован для акта № {number} ({partner}, {date}): для новой конвертации нужен новый ключ"
            ),
            format!(
                "The request key “{key}” was used for act {number} ({partner}, {date}): a new conversion needs a new key"
            ),
        ));
    }
    Ok(Some(done))
}
