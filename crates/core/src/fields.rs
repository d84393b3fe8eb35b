//! What the input fields are called, in each language: messages about a field name it, and
//! the UI labels its forms and cards with the same words (`field.<key>` in
//! `ui/src/bindings/coreWords.ts`, written from [`FIELDS`] by `cargo test`).

use crate::Lang;

/// `(key, Russian, English)`: the field keys (the spreadsheet column keys of FORMATS.md and
/// the vendor's requisites) and their labels.
pub const FIELDS: &[(&str, &str, &str)] = &[
    ("partner_id", "ID партнёра", "Partner ID"),
    ("program", "Программа", "Program"),
    ("name", "Наименование", "Name"),
    ("kind", "Тип", "Kind"),
    ("inn", "ИНН", "INN"),
    ("kpp", "КПП", "KPP"),
    ("ogrn", "ОГРН", "OGRN"),
    ("vat_payer", "Плательщик НДС", "VAT payer"),
    ("vat_rate", "Ставка НДС", "VAT rate"),
    ("code", "Код", "Code"),
    ("rate", "Ставка", "Rate"),
    ("contract_no", "Номер договора", "Contract no."),
    ("contract_date", "Дата договора", "Contract date"),
    ("registered", "Дата регистрации", "Registered"),
    ("status", "Статус", "Status"),
    ("status_since", "Статус с", "Status since"),
    ("bik", "БИК", "BIK"),
    ("account", "Расчётный счёт", "Bank account"),
    ("address", "Адрес", "Address"),
    ("signer", "Подписант", "Signer"),
    (
        "signer_position",
        "Должность подписанта",
        "Signer's position",
    ),
    ("email", "E-mail", "E-mail"),
    ("edo_id", "ID ЭДО", "EDO ID"),
    ("client_id", "ID клиента в биллинге", "Client ID in billing"),
    ("partner_code", "Код партнёра", "Partner code"),
    ("channel", "Канал", "Channel"),
    ("bound_at", "Дата привязки", "Bound at"),
    ("users", "Пользователей", "Users"),
    ("active_since", "Активен с", "Active since"),
    ("promo_ends", "Окончание промо-периода", "Promo ends"),
];

/// The label of a field key; an unknown key is shown as it is.
pub fn label(field: &str, lang: Lang) -> &str {
    FIELDS
        .iter()
        .find(|(key, ..)| *key == field)
        .map_or(field, |(_, ru, en)| match lang {
            Lang::Ru => *ru,
            Lang::En => *en,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_named_in_each_language_and_an_unknown_one_as_it_is() {
        assert_eq!(label("client_id", Lang::Ru), "ID клиента в биллинге");
        assert_eq!(label("inn", Lang::En), "INN");
        assert_eq!(label("no_such_field", Lang::Ru), "no_such_field");
        let mut keys: Vec<_> = FIELDS.iter().map(|(key, ..)| key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), FIELDS.len(), "a key listed twice");
    }
}
