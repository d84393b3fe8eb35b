//! A partner's requisites by kind: Russian ООО/АО, ИП and persons with valid numbers and
//! bank accounts, Kazakh ТОО, ИП and persons with ИИН/БИН, foreign companies and people.

use chrono::{Duration, NaiveDate};

use super::context::Demo;
use super::names::{self, Person};
use super::{addresses, numbers};
use crate::partners::PartnerInput;

const HEX: &[u8] = b"0123456789abcdef";

fn some(value: impl Into<String>) -> Option<String> {
    Some(value.into())
}

/// The partner's EDO participant id at Диадок (2BM), СБИС (2BE) or Такском (2AL).
fn edo_id(demo: &mut Demo, inn: &str, kpp: Option<&str>) -> String {
    let dice = &mut demo.dice;
    match dice.below(3) {
        0 => {
            let kpp = kpp.map(|k| format!("-{k}")).unwrap_or_default();
            format!("2BM-{inn}{kpp}-{}", dice.number(14))
        }
        1 => format!("2BE{}", dice.chars(HEX, 32)),
        _ => format!(
            "2AL-{}-{}-{}-{}-{}",
            dice.chars(HEX, 8),
            dice.chars(HEX, 4),
            dice.chars(HEX, 4),
            dice.chars(HEX, 4),
            dice.chars(HEX, 12)
        ),
    }
}

/// The day a business was founded, some years before it joined a program.
fn founded(demo: &mut Demo, joined: NaiveDate) -> NaiveDate {
    joined - Duration::days(demo.dice.between(200, 4500))
}

fn bank(demo: &mut Demo, first5: &str) -> (String, String) {
    let bik = demo.dice.pick(&numbers::BIKS).copied().unwrap_or_default();
    (
        bik.to_owned(),
        numbers::account(&mut demo.dice, bik, first5),
    )
}

/// `ООО «Вектор Софт»` (or АО), its brand (for the e-mail) and requisites.
pub(super) fn russian_company(
    demo: &mut Demo,
    joined: NaiveDate,
    suffixes: Option<&'static str>,
) -> PartnerInput {
    let city = addresses::city(&mut demo.dice);
    let office = demo.dice.word(city.offices);
    let brand = demo.unique_name(|d| names::russian_brand(d, suffixes));
    let form = if demo.dice.chance(88) {
        "ООО"
    } else {
        "АО"
    };
    let inn = numbers::inn_legal(&mut demo.dice, office);
    let kpp = numbers::kpp(&inn);
    let registered = founded(demo, joined);
    let ogrn = numbers::ogrn(&mut demo.dice, registered, office);
    let director = demo.unique_person(names::russian_person);
    let (bik, account) = bank(demo, "40702");
    let mailbox = demo.dice.word("info|partners|office|sales|buh");
    PartnerInput {
        name: some(format!("{form} «{brand}»")),
        kind: some("ooo"),
        edo_id: some(edo_id(demo, &inn, Some(&kpp))),
        inn: some(inn),
        kpp: some(kpp),
        ogrn: some(ogrn),
        bik: some(bik),
        account: some(account),
        address: some(addresses::russian(&mut demo.dice, city)),
        signer: some(director.full()),
        signer_position: some(
            demo.dice
                .word("Генеральный директор|Генеральный директор|Директор"),
        ),
        email: some(format!("{mailbox}@{}.ru", names::translit(&brand))),
        ..PartnerInput::default()
    }
}

fn private_email(demo: &mut Demo, person: &Person, domains: &'static str) -> String {
    format!(
        "{}.{}@{}",
        names::translit(&person.first),
        names::translit(&person.surname),
        demo.dice.word(domains)
    )
}

/// `ИП Смирнова Анна Викторовна` with ИНН, ОГРНИП and an account.
pub(super) fn russian_ip(demo: &mut Demo, joined: NaiveDate) -> PartnerInput {
    let city = addresses::city(&mut demo.dice);
    let office = demo.dice.word(city.offices);
    let person = demo.unique_person(names::russian_person);
    let inn = numbers::inn_person(&mut demo.dice, office);
    let registered = founded(demo, joined);
    let ogrnip = numbers::ogrnip(&mut demo.dice, registered, office);
    let (bik, account) = bank(demo, "40802");
    PartnerInput {
        name: some(format!("ИП {}", person.full())),
        kind: some("ip"),
        edo_id: some(edo_id(demo, &inn, None)),
        inn: some(inn),
        ogrn: some(ogrnip),
        bik: some(bik),
        account: some(account),
        address: some(addresses::russian(&mut demo.dice, city)),
        signer: some(person.full()),
        signer_position: some("Индивидуальный предприниматель"),
        email: some(private_email(demo, &person, "yandex.ru|mail.ru|gmail.com")),
        ..PartnerInput::default()
    }
}

/// A natural person (ФЛ) with a 12-digit ИНН and a personal account.
pub(super) fn russian_person(demo: &mut Demo) -> PartnerInput {
    let city = addresses::city(&mut demo.dice);
    let office = demo.dice.word(city.offices);
    let person = demo.unique_person(names::russian_person);
    let (bik, account) = bank(demo, "40817");
    PartnerInput {
        name: some(person.full()),
        kind: some("person"),
        inn: some(numbers::inn_person(&mut demo.dice, office)),
        bik: some(bik),
        account: some(account),
        address: some(addresses::russian(&mut demo.dice, city)),
        signer: some(person.full()),
        email: some(private_email(demo, &person, "yandex.ru|mail.ru|gmail.com")),
        ..PartnerInput::default()
    }
}

/// `ТОО «Алтын Дала»` with its БИН.
pub(super) fn kazakh_company(demo: &mut Demo, joined: NaiveDate) -> PartnerInput {
    let brand = demo.unique_name(|d| names::kazakh_brand(d).to_owned());
    let registered = founded(demo, joined);
    let director = demo.unique_person(names::kazakh_person);
    PartnerInput {
        name: some(format!("ТОО «{brand}»")),
        kind: some("ooo"),
        inn: some(numbers::kz_bin(&mut demo.dice, registered)),
        address: some(addresses::kazakh(&mut demo.dice)),
        signer: some(director.full()),
        signer_position: some("Директор"),
        email: some(format!("info@{}.kz", names::translit(&brand))),
        ..PartnerInput::default()
    }
}

/// A Kazakh person, or an ИП when `ip`, with its ИИН.
pub(super) fn kazakh_person(demo: &mut Demo, person: &Person, ip: bool) -> PartnerInput {
    let age = demo.dice.between(22 * 365, 55 * 365);
    let born = demo.days_ago(age);
    let name = if ip {
        format!("ИП {}", person.full())
    } else {
        person.full()
    };
    PartnerInput {
        name: some(name),
        kind: some(if ip { "ip" } else { "person" }),
        inn: some(numbers::kz_iin(&mut demo.dice, born, person.female)),
        address: some(addresses::kazakh(&mut demo.dice)),
        signer: some(person.full()),
        signer_position: ip.then(|| "Индивидуальный предприниматель".to_owned()),
        email: some(private_email(demo, person, "gmail.com|mail.ru|inbox.kz")),
        ..PartnerInput::default()
    }
}

/// `Helix Quant Ltd`, abroad.
pub(super) fn foreign_company(demo: &mut Demo) -> PartnerInput {
    let name = demo.unique_name(names::english_company);
    let director = demo.unique_person(names::english_person);
    let domain: String = name
        .split(' ')
        .take(2)
        .collect::<String>()
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    PartnerInput {
        name: some(name),
        kind: some("foreign"),
        address: some(addresses::foreign(&mut demo.dice)),
        signer: some(director.full()),
        signer_position: some("Director"),
        email: some(format!("partners@{domain}.com")),
        ..PartnerInput::default()
    }
}

/// A trader or educator abroad, referring as a person.
pub(super) fn foreign_person(demo: &mut Demo) -> PartnerInput {
    let person = demo.unique_person(names::english_person);
    PartnerInput {
        name: some(person.full()),
        kind: some("person"),
        address: some(addresses::foreign(&mut demo.dice)),
        signer: some(person.full()),
        email: some(format!(
            "{}.{}@{}",
            person.first.to_lowercase(),
            person.surname.to_lowercase(),
            demo.dice.word("gmail.com|proton.me|outlook.com")
        )),
        ..PartnerInput::default()
    }
}
