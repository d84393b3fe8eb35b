//! What the input fields are called, in each language: messages about a field name it.

use crate::Lang;

/// The label of a field key (the spreadsheet column keys of FORMATS.md and the vendor's
/// requisites); an unknown key is shown as it is.
pub fn label(field: &str, lang: Lang) -> &str {
    let (ru, en) = match field {
        "partner_id" => ("ID партнёра", "Partner id"),
        "program" => ("Программа", "Program"),
        "name" => ("Наименование", "Name"),
        "kind" => ("Тип", "Kind"),
        "inn" => ("ИНН", "ИНН"),
        "kpp" => ("КПП", "КПП"),
        "ogrn" => ("ОГРН", "ОГРН"),
        "vat_payer" => ("Плательщик НДС", "VAT payer"),
        "vat_rate" => ("Ставка НДС", "VAT rate"),
        "code" => ("Код", "Code"),
        "rate" => ("Ставка", "Rate"),
        "contract_no" => ("Номер договора", "Contract no."),
        "contract_date" => ("Дата договора", "Contract date"),
        "registered" => ("Дата регистрации", "Registered"),
        "status" => ("Статус", "Status"),
        "status_since" => ("Статус с", "Status since"),
        "bik" => ("БИК", "БИК"),
        "account" => ("Расчётный счёт", "Account"),
        "address" => ("Адрес", "Address"),
        "signer" => ("Подписант", "Signer"),
        "signer_position" => ("Должность подписанта", "Signer's position"),
        "email" => ("E-mail", "E-mail"),
        "edo_id" => ("ID ЭДО", "EDO id"),
        "client_id" => ("ID клиента", "Client id"),
        "partner_code" => ("Код партнёра", "Partner code"),
        "channel" => ("Канал", "Channel"),
        "bound_at" => ("Дата привязки", "Bound at"),
        "users" => ("Пользователей", "Users"),
        "active_since" => ("Активен с", "Active since"),
        "promo_ends" => ("Окончание промо-периода", "Promo ends"),
        other => (other, other),
    };
    match lang {
        Lang::Ru => ru,
        Lang::En => en,
    }
}
