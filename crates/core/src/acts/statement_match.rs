//! Which act a debit of a bank statement pays: pure rules over the statement's operations
//! and the facts of the acts their purposes name (FORMATS.md, «Bank statements»).
//!
//! A debit of the vendor's account (`ПлательщикСчет` = the vendor's account, `ДатаСписано`
//! set) pays an act when its `НазначениеПлатежа` names the act's number (as the register's
//! purpose writes it: «… по акту № 2026-0146 от …»), its `Сумма` equals the act's money
//! exactly and its `ПолучательИНН` is the partner's; the act must be signed, and the debit
//! no earlier than its signing. Every other debit is not matched, with its reason; credits
//! and other accounts' operations are skipped.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::ActStatus;
use crate::documents::Operation;
use crate::Text;

/// What the rules need of an act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActFacts {
    pub id: i64,
    pub number: String,
    pub partner: String,
    /// The partner's name as the act shows it.
    pub name: String,
    /// The partner's ИНН as the act (and so the register's payment order) shows it.
    pub inn: Option<String>,
    pub status: ActStatus,
    /// The money, VAT included.
    pub money: Decimal,
    pub currency: String,
    /// `bank` or `licence_credit`.
    pub payout_kind: String,
    /// The last step's day (the act's date, sent, signed): a payment cannot be earlier.
    pub last_step: NaiveDate,
    pub paid: Option<NaiveDate>,
}

/// What one operation of the statement comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome<'a> {
    /// The debit pays this act on this day.
    Pays(&'a ActFacts, NaiveDate),
    /// The debit matches an act already paid.
    AlreadyPaid(&'a ActFacts),
    /// A debit of the vendor's account that pays no act.
    Unmatched(Reason),
    /// A credit, or another account's operation.
    Skipped,
}

/// Why a debit pays no act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reason {
    /// `ДатаСписано` is empty: the order was not carried out.
    NotDebited,
    /// The purpose names no act number.
    NoActNumber,
    /// The purpose names a number the book has no act under.
    NoSuchAct(String),
    /// The purpose names more than one act of the book.
    SeveralActs(Vec<String>),
    NotRoubles {
        act: String,
        currency: String,
    },
    NotBank {
        act: String,
    },
    AmountDiffers {
        act: String,
        money: Decimal,
    },
    RecipientDiffers {
        act: String,
        inn: Option<String>,
    },
    NotSigned {
        act: String,
        status: ActStatus,
    },
    BeforeSigned {
        act: String,
        day: NaiveDate,
    },
    /// An earlier debit of the same statement pays the act.
    PaidTwice {
        act: String,
        payment: String,
    },
}

impl Reason {
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NotDebited => "not_debited",
            Reason::NoActNumber => "no_act_number",
            Reason::NoSuchAct(_) => "no_such_act",
            Reason::SeveralActs(_) => "several_acts",
            Reason::NotRoubles { .. } => "act_not_roubles",
            Reason::NotBank { .. } => "act_not_bank",
            Reason::AmountDiffers { .. } => "amount_differs",
            Reason::RecipientDiffers { .. } => "recipient_differs",
            Reason::NotSigned { .. } => "act_not_signed",
            Reason::BeforeSigned { .. } => "before_signed",
            Reason::PaidTwice { .. } => "paid_twice",
        }
    }

    pub fn text(&self) -> Text {
        match self {
            Reason::NotDebited => Text::new(
                "нет даты списания (ДатаСписано): платёж не проведён",
                "no debit date (ДатаСписано): the payment was not made",
            ),
            Reason::NoActNumber => Text::new(
                "в назначении платежа нет номера акта",
                "the payment's purpose names no act number",
            ),
            Reason::NoSuchAct(number) => Text::new(
                format!("акта № {number} нет в книге"),
                format!("there is no act {number} in the book"),
            ),
            Reason::SeveralActs(numbers) => Text::new(
                format!(
                    "назначение называет несколько актов: {}",
                    numbers.join(", ")
                ),
                format!("the purpose names several acts: {}", numbers.join(", ")),
            ),
            Reason::NotRoubles { act, currency } => Text::new(
                format!("акт № {act} — в {currency}, а платёж в рублях"),
                format!("act {act} is in {currency}, the payment in roubles"),
            ),
            Reason::NotBank { act } => Text::new(
                format!("акт № {act} выплачивается не банком (зачёт в счёт лицензий)"),
                format!("act {act} is not paid by the bank (licence credit)"),
            ),
            Reason::AmountDiffers { act, money } => Text::new(
                format!("сумма не та: по акту № {act} — {money}"),
                format!("the amount differs: act {act} is {money}"),
            ),
            Reason::RecipientDiffers { act, inn } => match inn {
                Some(inn) => Text::new(
                    format!("ИНН получателя не тот: у партнёра по акту № {act} ИНН {inn}"),
                    format!("the recipient's ИНН differs: act {act}'s partner has ИНН {inn}"),
                ),
                None => Text::new(
                    format!("ИНН получателя не тот: у партнёра по акту № {act} нет ИНН"),
                    format!("the recipient's ИНН differs: act {act}'s partner has no ИНН"),
                ),
            },
            Reason::NotSigned { act, status } => Text::new(
                format!("акт № {act} ещё не подписан ({})", status.name_ru()),
                format!("act {act} is not signed yet ({})", status.key()),
            ),
            Reason::BeforeSigned { act, day } => Text::new(
                format!(
                    "списание раньше последнего шага акта № {act} ({})",
                    day.format("%d.%m.%Y")
                ),
                format!("debited before act {act}'s last step ({day})"),
            ),
            Reason::PaidTwice { act, payment } => Text::new(
                format!("акт № {act} уже оплачивает платёж № {payment} этой выписки"),
                format!("act {act} is already paid by payment {payment} of this statement"),
            ),
        }
    }
}

/// Whether the operation is a debit of `vendor_account` (carried out or not).
pub(crate) fn is_vendor_debit(op: &Operation, vendor_account: &str) -> bool {
    op.payer_account == vendor_account
}

/// The act numbers `purpose` names: the words after «акт…» and «№» (as the register's
/// purpose writes them), else every word shaped like an act number (`2026-0146`).
pub(crate) fn named_numbers(purpose: &str) -> Vec<String> {
    let spaced = purpose.replace('№', " № ");
    let words: Vec<&str> = spaced
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| ".,;:()«»\"'".contains(c)))
        .filter(|w| !w.is_empty())
        .collect();
    let mut named = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !word.to_lowercase().starts_with("акт") {
            continue;
        }
        let number = words[i + 1..]
            .iter()
            .find(|w| !["№", "N", "No", "N°", "#"].contains(w));
        if let Some(number) = number.filter(|n| n.chars().any(|c| c.is_ascii_digit())) {
            named.push((*number).to_owned());
        }
    }
    if named.is_empty() {
        named = words
            .iter()
            .filter(|w| act_number_shaped(w))
            .map(|w| (*w).to_owned())
            .collect();
    }
    let mut seen = HashSet::new();
    named.retain(|n| seen.insert(n.clone()));
    named
}

/// `YYYY-NNNN…`: how the book numbers acts.
fn act_number_shaped(word: &str) -> bool {
    word.split_once('-').is_some_and(|(year, seq)| {
        year.len() == 4
            && !seq.is_empty()
            && year.bytes().chain(seq.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// Every operation of the statement, in order, with what it comes to. `acts` holds the
/// facts of the acts the debits' purposes name (by number).
pub(crate) fn match_operations<'a>(
    operations: &[Operation],
    vendor_account: &str,
    acts: &'a HashMap<String, ActFacts>,
) -> Vec<Outcome<'a>> {
    let mut paying: HashMap<&str, &str> = HashMap::new();
    operations
        .iter()
        .map(|op| {
            if !is_vendor_debit(op, vendor_account) {
                return Outcome::Skipped;
            }
            let outcome = debit(op, acts);
            if let Outcome::Pays(act, _) = &outcome {
                if let Some(payment) = paying.get(act.number.as_str()) {
                    return Outcome::Unmatched(Reason::PaidTwice {
                        act: act.number.clone(),
                        payment: (*payment).to_owned(),
                    });
                }
                paying.insert(&act.number, &op.number);
            }
            outcome
        })
        .collect()
}

fn debit<'a>(op: &Operation, acts: &'a HashMap<String, ActFacts>) -> Outcome<'a> {
    let Some(debited) = op.debited else {
        return Outcome::Unmatched(Reason::NotDebited);
    };
    let named = named_numbers(&op.purpose);
    let known: Vec<&ActFacts> = named.iter().filter_map(|n| acts.get(n)).collect();
    let act = match (named.first(), known.as_slice()) {
        (None, _) => return Outcome::Unmatched(Reason::NoActNumber),
        (Some(number), []) => return Outcome::Unmatched(Reason::NoSuchAct(number.clone())),
        (_, [act]) => *act,
        (_, several) => {
            let numbers = several.iter().map(|a| a.number.clone()).collect();
            return Outcome::Unmatched(Reason::SeveralActs(numbers));
        }
    };
    let number = act.number.clone();
    let reason = if act.currency != "RUB" {
        Reason::NotRoubles {
            act: number,
            currency: act.currency.clone(),
        }
    } else if act.payout_kind != "bank" {
        Reason::NotBank { act: number }
    } else if op.amount != act.money {
        Reason::AmountDiffers {
            act: number,
            money: act.money,
        }
    } else if op.recipient_inn.as_deref() != act.inn.as_deref().map(str::trim) {
        Reason::RecipientDiffers {
            act: number,
            inn: act.inn.clone(),
        }
    } else if act.status == ActStatus::Paid {
        return Outcome::AlreadyPaid(act);
    } else if act.status != ActStatus::Signed {
        Reason::NotSigned {
            act: number,
            status: act.status,
        }
    } else if debited < act.last_step {
        Reason::BeforeSigned {
            act: number,
            day: act.last_step,
        }
    } else {
        return Outcome::Pays(act, debited);
    };
    Outcome::Unmatched(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registers_purpose_names_its_act() {
        let purpose = "Партнёрское вознаграждение по акту № 2026-0146 от 30.11.2026 по договору № Д-1 от 15.01.2025. Без налога (НДС)";
        assert_eq!(named_numbers(purpose), ["2026-0146"]);
    }

    #[test]
    fn a_number_right_after_the_sign_or_after_n_is_read_too() {
        assert_eq!(named_numbers("Оплата по акту №2026-0007."), ["2026-0007"]);
        assert_eq!(named_numbers("оплата акта N 15 от 01.12.2026"), ["15"]);
        assert_eq!(named_numbers("Акты 2026-0001"), ["2026-0001"]);
    }

    #[test]
    fn without_the_word_act_any_act_shaped_number_counts() {
        assert_eq!(
            named_numbers("Вознаграждение 2026-0003, 2026-0004; 2026-0003"),
            ["2026-0003", "2026-0004"]
        );
        assert!(named_numbers("Оплата по счёту 15 от 01.12.2026").is_empty());
        assert!(named_numbers("").is_empty());
    }
}
