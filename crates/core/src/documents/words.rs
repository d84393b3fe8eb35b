//! The amount in Russian words, as a primary document states it (402-ФЗ art. 9): the
//! whole units in words, agreeing in gender and number with the unit, then the minor part
//! as two digits with its own unit: «Двадцать один рубль 21 копейка».

use rust_decimal::{Decimal, RoundingStrategy};

/// `amount` in Russian words for an act, an invoice or a register: «Пять тысяч рублей
/// 00 копеек», «Один миллион одна тысяча один рубль 21 копейка».
///
/// - The amount is first rounded half-up (away from zero) to two decimals, as money is
///   everywhere in the book, so `0.005` reads «Ноль рублей 01 копейка».
/// - A negative amount gets «минус» in front: «Минус пять рублей 00 копеек». An amount
///   that rounds to zero is never negative.
/// - `currency` is the ISO 4217 code, in any case: `RUB` (рубль, копейка), `KZT` (тенге,
///   тиын), `USD` (доллар США, цент).
/// - Any other code (or a unit such as `bonus`) has no words here: the number is spelled
///   in the masculine, then the code as given, then the minor part as two digits:
///   `amount_in_words(dec!(123.45), "EUR")` is «Сто двадцать три EUR 45». An empty code
///   leaves just the number: «Сто двадцать три 45».
///
/// Spelled exactly up to 999 999 999 999.99 (миллиарды); larger amounts, up to what a
/// `Decimal` holds, go on through триллион, квадриллион and so on by the same rule.
pub fn amount_in_words(amount: Decimal, currency: &str) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    // `-0.00` compares equal to zero, so a rounded-away negative has no «минус».
    let negative = rounded < Decimal::ZERO;
    let absolute = rounded.abs();
    let whole = absolute.trunc();
    let units = integer_of(whole);
    let minor = integer_of((absolute - whole) * Decimal::ONE_HUNDRED);

    let code = currency.trim();
    let text = match unit_of(code) {
        Some(unit) => format!(
            "{} {} {minor:02} {}",
            spell(units, unit.gender),
            unit.major.pick(units),
            unit.minor.pick(minor),
        ),
        None if code.is_empty() => format!("{} {minor:02}", spell(units, Gender::Masculine)),
        None => format!("{} {code} {minor:02}", spell(units, Gender::Masculine)),
    };
    let text = if negative {
        format!("минус {text}")
    } else {
        text
    };
    capitalised(&text)
}

/// The grammatical gender a numeral agrees with: «один рубль», «одна тысяча».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

/// A counted noun's three forms: after 1 (21, 101…), after 2–4 (22, 103…), and after
/// 0, 5–20 and 11–14 at any scale (the genitive plural).
#[derive(Debug, Clone, Copy)]
struct Forms {
    one: &'static str,
    few: &'static str,
    many: &'static str,
}

impl Forms {
    const fn new(one: &'static str, few: &'static str, many: &'static str) -> Self {
        Forms { one, few, many }
    }

    /// The form that goes after `count`.
    fn pick(&self, count: u128) -> &'static str {
        if (11..=14).contains(&(count % 100)) {
            return self.many;
        }
        match count % 10 {
            1 => self.one,
            2..=4 => self.few,
            _ => self.many,
        }
    }
}

/// A currency's words: the major unit (with its gender) and the minor unit.
struct Unit {
    major: Forms,
    gender: Gender,
    minor: Forms,
}

const RUB: Unit = Unit {
    major: Forms::new("рубль", "рубля", "рублей"),
    gender: Gender::Masculine,
    minor: Forms::new("копейка", "копейки", "копеек"),
};

/// Тенге does not decline; тиын does.
const KZT: Unit = Unit {
    major: Forms::new("тенге", "тенге", "тенге"),
    gender: Gender::Masculine,
    minor: Forms::new("тиын", "тиына", "тиынов"),
};

const USD: Unit = Unit {
    major: Forms::new("доллар США", "доллара США", "долларов США"),
    gender: Gender::Masculine,
    minor: Forms::new("цент", "цента", "центов"),
};

fn unit_of(code: &str) -> Option<&'static Unit> {
    if code.eq_ignore_ascii_case("RUB") {
        Some(&RUB)
    } else if code.eq_ignore_ascii_case("KZT") {
        Some(&KZT)
    } else if code.eq_ignore_ascii_case("USD") {
        Some(&USD)
    } else {
        None
    }
}

/// Thousand is feminine, the rest masculine. The names past миллиард cover everything a
/// `u128` holds, so spelling never runs out of names.
const SCALES: [(Forms, Gender); 12] = [
    (Forms::new("тысяча", "тысячи", "тысяч"), Gender::Feminine),
    (
        Forms::new("миллион", "миллиона", "миллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("миллиард", "миллиарда", "миллиардов"),
        Gender::Masculine,
    ),
    (
        Forms::new("триллион", "триллиона", "триллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("квадриллион", "квадриллиона", "квадриллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("квинтиллион", "квинтиллиона", "квинтиллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("секстиллион", "секстиллиона", "секстиллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("септиллион", "септиллиона", "септиллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("октиллион", "октиллиона", "октиллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("нониллион", "нониллиона", "нониллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("дециллион", "дециллиона", "дециллионов"),
        Gender::Masculine,
    ),
    (
        Forms::new("ундециллион", "ундециллиона", "ундециллионов"),
        Gender::Masculine,
    ),
];

const HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];

const TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];

const TEENS: [&str; 10] = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];

const ONES: [&str; 10] = [
    "",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];

/// `n` in words, the last group agreeing with a noun of `gender`: «ноль», «двадцать одна»,
/// «один миллион одна тысяча один».
fn spell(n: u128, gender: Gender) -> String {
    if n == 0 {
        return "ноль".to_owned();
    }
    let mut words: Vec<&'static str> = Vec::new();
    // Groups of three digits, the highest first; index 0 is the units.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        match index.checked_sub(1).and_then(|scale| SCALES.get(scale)) {
            Some((name, scale_gender)) => {
                group_words(group, *scale_gender, &mut words);
                words.push(name.pick(group));
            }
            None => group_words(group, gender, &mut words),
        }
    }
    words.join(" ")
}

/// The words of `group` (1–999) agreeing with a noun of `gender`.
fn group_words(group: u128, gender: Gender, words: &mut Vec<&'static str>) {
    let digit = |place: u128| usize::try_from(group / place % 10).unwrap_or_default();
    let (hundreds, tens, ones) = (digit(100), digit(10), digit(1));
    if hundreds > 0 {
        words.push(HUNDREDS[hundreds]);
    }
    if tens == 1 {
        words.push(TEENS[ones]);
        return;
    }
    if tens > 1 {
        words.push(TENS[tens]);
    }
    match (ones, gender) {
        (0, _) => {}
        (1, Gender::Feminine) => words.push("одна"),
        (2, Gender::Feminine) => words.push("две"),
        _ => words.push(ONES[ones]),
    }
}

/// The integer a whole `Decimal` holds, sign dropped.
fn integer_of(whole: Decimal) -> u128 {
    whole.mantissa().unsigned_abs() / 10u128.pow(whole.scale())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
