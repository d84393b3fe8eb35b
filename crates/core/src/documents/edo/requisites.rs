//! The parties of the УПД drawn from the act's [`Party`]: which identification the format
//! wants for each kind of partner (organisation, ИП, person, foreign organisation), a
//! person's name split into its parts, the address, the signer, the EDO id. Whatever is
//! missing or wrong is gathered in [`Checks`], so that one refusal names it all.

use super::classifiers::{country_in, Country, KAZAKHSTAN, RUSSIA};
use crate::documents::model::Party;
use crate::ids::{self, IdError};
use crate::partners::PartnerKind;
use crate::{Error, Result, Text};

/// The side of the act a requisite belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The partner.
    Seller,
    /// The vendor.
    Buyer,
}

impl Side {
    fn ru(self) -> &'static str {
        match self {
            Side::Seller => "продавец (партнёр)",
            Side::Buyer => "покупатель (вендор)",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Side::Seller => "seller (the partner)",
            Side::Buyer => "buyer (the vendor)",
        }
    }
}

/// The requisites the act lacks and those it has wrong.
#[derive(Debug, Default)]
pub struct Checks {
    missing: Vec<Text>,
    wrong: Vec<Text>,
}

impl Checks {
    /// `field` is required and empty; `side` is whose it is (`None`: the act's own).
    pub fn missing(&mut self, side: Option<Side>, ru: &str, en: &str) {
        self.missing.push(place(side, ru.to_owned(), en.to_owned()));
    }

    pub fn wrong(&mut self, side: Option<Side>, ru: impl Into<String>, en: impl Into<String>) {
        self.wrong.push(place(side, ru.into(), en.into()));
    }

    /// A wrong identifier, with what its check said.
    fn wrong_id(&mut self, side: Side, field: &str, value: &str, error: IdError) {
        self.wrong(
            Some(side),
            format!("{field} «{value}» — {}", error.text.ru),
            format!("{field} “{value}”: {}", error.text.en),
        );
    }

    /// The value, trimmed, when it has at most `max` characters; a wrong requisite
    /// otherwise.
    fn fits(&mut self, side: Option<Side>, field: (&str, &str), value: &str, max: usize) -> bool {
        let length = value.chars().count();
        if length <= max {
            return true;
        }
        self.wrong(
            side,
            format!("{} длиннее {max} знаков ({length})", field.0),
            format!("{} is longer than {max} characters ({length})", field.1),
        );
        false
    }

    /// `Ok` when nothing was found; otherwise `edo_missing_requisite` (something required
    /// is empty) or `edo_bad_requisite` (only wrong values), naming every field.
    pub fn finish(self) -> Result<()> {
        let code = match (self.missing.is_empty(), self.wrong.is_empty()) {
            (true, true) => return Ok(()),
            (false, _) => "edo_missing_requisite",
            (true, false) => "edo_bad_requisite",
        };
        let list = |texts: &[Text], en: bool| {
            texts
                .iter()
                .map(|t| if en { t.en.as_str() } else { t.ru.as_str() })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mut ru = Vec::new();
        let mut en = Vec::new();
        if !self.missing.is_empty() {
            ru.push(format!(
                "не хватает реквизитов: {}",
                list(&self.missing, false)
            ));
            en.push(format!("missing requisites: {}", list(&self.missing, true)));
        }
        if !self.wrong.is_empty() {
            ru.push(format!("неверные реквизиты: {}", list(&self.wrong, false)));
            en.push(format!("wrong requisites: {}", list(&self.wrong, true)));
        }
        Err(Error::refused(
            code,
            format!("УПД для ЭДО не сформирован — {}.", ru.join("; ")),
            format!("Cannot make the EDO УПД — {}.", en.join("; ")),
        ))
    }
}

fn place(side: Option<Side>, ru: String, en: String) -> Text {
    match side {
        Some(side) => Text::new(
            format!("{}: {ru}", side.ru()),
            format!("{}: {en}", side.en()),
        ),
        None => Text::new(ru, en),
    }
}

/// The value trimmed, or `None` when it is empty.
pub fn filled(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A person's name in its parts; the patronymic may be absent or several words («Оглы»).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fio {
    pub last: String,
    pub first: String,
    pub middle: Option<String>,
}

/// «Фамилия Имя Отчество» split by spaces; `None` for fewer than two words or a part
/// longer than the format's 60 characters.
pub fn fio(full: &str) -> Option<Fio> {
    let mut words = full.split_whitespace();
    let last = words.next()?.to_owned();
    let first = words.next()?.to_owned();
    let rest = words.collect::<Vec<_>>().join(" ");
    let middle = (!rest.is_empty()).then_some(rest);
    let parts = [Some(&last), Some(&first), middle.as_ref()];
    parts
        .iter()
        .flatten()
        .all(|part| part.chars().count() <= 60)
        .then_some(Fio {
            last,
            first,
            middle,
        })
}

/// An ИП's own name: the party's name without «ИП» or «Индивидуальный предприниматель».
fn own_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().take(2).map(|w| w.to_lowercase()).collect();
    let skip = match lower.as_slice() {
        [a, b] if a == "индивидуальный" && b == "предприниматель" => 2,
        [a, ..] if a == "ип" => 1,
        _ => 0,
    };
    words.get(skip..).unwrap_or_default().join(" ")
}

/// How the format identifies a party (`ИдСв`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Id {
    /// `СвЮЛУч`: an organisation on the Russian tax register.
    Legal {
        name: String,
        inn: String,
        kpp: Option<String>,
    },
    /// `СвИП`.
    Entrepreneur {
        inn: String,
        ogrnip: Option<String>,
        fio: Fio,
    },
    /// `СвФЛУч`.
    Person { inn: Option<String>, fio: Fio },
    /// `СвИнНеУч`: a foreign organisation (`ИО`) or citizen (`ИГ`) not on the Russian tax
    /// register, identified by its number in its own country.
    Foreign {
        status: &'static str,
        country: Country,
        name: String,
        ident: String,
    },
}

/// `АдрИнф`: the address as one text with its country. The book keeps addresses as
/// text, and `АдрРФ` would need the region's code parsed out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub country: Country,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: Id,
    pub address: Option<Address>,
}

impl Participant {
    /// An organisation rather than a person: its employee hands the service over.
    pub fn is_organisation(&self) -> bool {
        matches!(self.id, Id::Legal { .. } | Id::Foreign { status: "ИО", .. })
    }
}

/// The party as the format identifies it. `kazakh`: the party is a resident of
/// Kazakhstan (the seller of a KZT act: the book checks those partners' ИИН/БИН), so a
/// foreign one. `address_required`: the act is also a счёт-фактура.
pub fn participant(
    party: &Party,
    side: Side,
    kazakh: bool,
    address_required: bool,
    checks: &mut Checks,
) -> Option<Participant> {
    let s = Some(side);
    let name = party.name.trim();
    if name.is_empty() {
        checks.missing(s, "наименование", "name");
    }
    let name_fits = checks.fits(s, ("наименование", "the name"), name, 1000);
    let inn = filled(&party.inn);
    let address = filled(&party.address);
    let address_fits = address.is_none_or(|a| checks.fits(s, ("адрес", "the address"), a, 1000));
    if address.is_none() && address_required {
        checks.missing(s, "адрес", "address");
    }
    let registered_here = inn.is_some_and(|inn| ids::check_inn_legal(inn).is_ok());
    let abroad = kazakh || (party.kind == PartnerKind::Foreign && !registered_here);
    let (id, country) = if abroad {
        let country = if kazakh {
            Some(KAZAKHSTAN)
        } else {
            address.and_then(country_in)
        };
        if country.is_none() {
            checks.missing(
                s,
                "страна иностранного партнёра (отдельной частью адреса: «Кипр, Лимасол, …»)",
                "the foreign partner's country (as a part of the address: “Cyprus, Limassol, …”)",
            );
        }
        (foreign(party, side, kazakh, country, checks), country)
    } else {
        (russian(party, side, checks), Some(RUSSIA))
    };
    let address = match (address, country) {
        (Some(text), Some(country)) => Some(Address {
            country,
            text: text.to_owned(),
        }),
        _ => None,
    };
    let complete = name_fits && address_fits && (address.is_some() || !address_required);
    id.filter(|_| complete && !name.is_empty())
        .map(|id| Participant { id, address })
}

/// `СвИнНеУч`: the number it has in its country is its identifier.
fn foreign(
    party: &Party,
    side: Side,
    kazakh: bool,
    country: Option<Country>,
    checks: &mut Checks,
) -> Option<Id> {
    let s = Some(side);
    let Some(ident) = filled(&party.inn) else {
        if kazakh {
            checks.missing(s, "ИИН/БИН", "ИИН/БИН (Kazakh tax id)");
        } else {
            checks.missing(
                s,
                "ИНН (регистрационный номер в стране регистрации)",
                "ИНН (the registration number in its country)",
            );
        }
        return None;
    };
    if kazakh {
        if let Err(e) = ids::check_kz_iin_bin(ident) {
            checks.wrong_id(side, "ИИН/БИН", ident, e);
            return None;
        }
    }
    if !checks.fits(
        s,
        ("регистрационный номер", "the registration number"),
        ident,
        255,
    ) {
        return None;
    }
    let status = match party.kind {
        PartnerKind::Ip | PartnerKind::Person => "ИГ",
        PartnerKind::Ooo | PartnerKind::Foreign => "ИО",
    };
    Some(Id::Foreign {
        status,
        country: country?,
        name: party.name.trim().to_owned(),
        ident: ident.to_owned(),
    })
}

/// A party on the Russian tax register, by its kind.
fn russian(party: &Party, side: Side, checks: &mut Checks) -> Option<Id> {
    let s = Some(side);
    let inn = filled(&party.inn);
    let organisation = matches!(party.kind, PartnerKind::Ooo | PartnerKind::Foreign);
    if inn.is_none() && party.kind != PartnerKind::Person {
        checks.missing(s, "ИНН", "ИНН (tax id)");
    }
    let inn_ok = inn.is_none_or(|inn| {
        let checked = if organisation {
            ids::check_inn_legal(inn)
        } else {
            ids::check_inn_person(inn)
        };
        checked
            .map_err(|e| checks.wrong_id(side, "ИНН", inn, e))
            .is_ok()
    });
    if organisation {
        let kpp = filled(&party.kpp);
        // An organisation is registered with a КПП; a foreign one's branch may lack it.
        if kpp.is_none() && party.kind == PartnerKind::Ooo {
            checks.missing(s, "КПП", "КПП");
        }
        let kpp_ok = kpp.is_none_or(|kpp| {
            ids::check_kpp(kpp)
                .map_err(|e| checks.wrong_id(side, "КПП", kpp, e))
                .is_ok()
        });
        let complete = inn_ok && kpp_ok && (kpp.is_some() || party.kind != PartnerKind::Ooo);
        return Some(Id::Legal {
            name: party.name.trim().to_owned(),
            inn: inn?.to_owned(),
            kpp: kpp.map(str::to_owned),
        })
        .filter(|_| complete);
    }
    let own = own_name(&party.name);
    let person = fio(&own).or_else(|| filled(&party.signer).and_then(fio));
    if person.is_none() {
        checks.wrong(
            s,
            format!("ФИО «{}» — нужны фамилия и имя (до 60 знаков каждое)", own),
            format!(
                "full name “{own}”: a surname and a name are needed (60 characters each at most)"
            ),
        );
    }
    if party.kind == PartnerKind::Ip {
        let ogrnip = filled(&party.ogrn);
        let ogrnip_ok = ogrnip.is_none_or(|ogrn| match ids::check_ogrn(ogrn) {
            Ok(()) if ogrn.len() == 15 => true,
            Ok(()) => {
                checks.wrong(
                    s,
                    format!("ОГРНИП «{ogrn}» — у ИП 15 цифр"),
                    format!("ОГРНИП “{ogrn}”: an ИП's has 15 digits"),
                );
                false
            }
            Err(e) => {
                checks.wrong_id(side, "ОГРНИП", ogrn, e);
                false
            }
        });
        return Some(Id::Entrepreneur {
            inn: inn?.to_owned(),
            ogrnip: ogrnip.map(str::to_owned),
            fio: person?,
        })
        .filter(|_| inn_ok && ogrnip_ok);
    }
    Some(Id::Person {
        inn: inn.map(str::to_owned),
        fio: person?,
    })
    .filter(|_| inn_ok)
}

/// Who signs for the party (`Подписант`): its signer, or an ИП or a person itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub fio: Fio,
    pub position: Option<String>,
}

pub fn signer(party: &Party, side: Side, checks: &mut Checks) -> Option<Signer> {
    let s = Some(side);
    let name = match (filled(&party.signer), party.kind) {
        (Some(name), _) => name.to_owned(),
        (None, PartnerKind::Ip | PartnerKind::Person) => own_name(&party.name),
        (None, _) => {
            checks.missing(s, "подписант", "signer");
            return None;
        }
    };
    let Some(fio) = fio(&name) else {
        checks.wrong(
            s,
            format!("подписант «{name}» — нужны фамилия и имя (до 60 знаков каждое)"),
            format!(
                "signer “{name}”: a surname and a name are needed (60 characters each at most)"
            ),
        );
        return None;
    };
    let position = filled(&party.signer_position);
    if !position
        .is_none_or(|p| checks.fits(s, ("должность подписанта", "the signer's position"), p, 255))
    {
        return None;
    }
    Some(Signer {
        fio,
        position: position.map(str::to_owned),
    })
}

/// The party's id at its EDO operator, as the file name carries it: letters, digits and
/// hyphens (`_` separates the name's fields).
pub fn edo_id(party: &Party, side: Side, checks: &mut Checks) -> Option<String> {
    let Some(id) = filled(&party.edo_id) else {
        checks.missing(Some(side), "ID ЭДО", "EDO id");
        return None;
    };
    if id.len() > 46 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        checks.wrong(
            Some(side),
            format!("ID ЭДО «{id}» — только латинские буквы, цифры и дефис, до 46 знаков"),
            format!("EDO id “{id}”: Latin letters, digits and hyphens only, 46 at most"),
        );
        return None;
    }
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_surname_name_and_patronymic() {
        let full = fio("Кузнецов  Павел Андреевич").expect("three words");
        assert_eq!(
            (
                full.last.as_str(),
                full.first.as_str(),
                full.middle.as_deref()
            ),
            ("Кузнецов", "Павел", Some("Андреевич"))
        );
        let two = fio("Smith John").expect("two words");
        assert_eq!(two.middle, None);
        let long = fio("Мамедов Эльдар Рашид оглы").expect("four words");
        assert_eq!(long.middle.as_deref(), Some("Рашид оглы"));
        assert_eq!(fio("Мадонна"), None);
        assert_eq!(fio(""), None);
    }

    #[test]
    fn an_ip_s_own_name_drops_the_prefix() {
        assert_eq!(
            own_name("ИП Орлова Мария Сергеевна"),
            "Орлова Мария Сергеевна"
        );
        assert_eq!(
            own_name("Индивидуальный предприниматель Орлова Мария"),
            "Орлова Мария"
        );
        assert_eq!(own_name("Орлова Мария"), "Орлова Мария");
        assert_eq!(own_name("ИП"), "");
    }
}
