//! The screens' words the exports write: headers, statuses, kinds, channels, entry kinds,
//! totals lines and sheet names, by the key the UI's dictionaries (`ui/src/i18n/ru.ts`,
//! `en.ts`) give them, with the same text in Russian and English. A test reads the UI's
//! dictionaries and checks every word here against them.

use crate::Lang;

/// `(key, Russian, English)`: the UI's key and its texts.
pub const WORDS: &[(&str, &str, &str)] = &[
    ("col.id", "ID", "ID"),
    ("col.name", "Наименование", "Name"),
    ("col.program", "Программа", "Program"),
    ("col.kind", "Тип", "Kind"),
    ("col.inn", "ИНН", "INN"),
    ("col.code", "Код", "Code"),
    ("col.status", "Статус", "Status"),
    ("col.clients", "Клиентов", "Clients"),
    ("col.client", "ID клиента", "Client ID"),
    ("col.registered", "Зарегистрирован", "Registered"),
    ("col.partner", "Партнёр", "Partner"),
    ("col.channel", "Канал", "Channel"),
    ("col.since", "С даты", "Since"),
    ("col.date", "Дата", "Date"),
    ("col.entryKind", "Запись", "Entry"),
    ("col.amount", "Сумма", "Amount"),
    ("col.availableOn", "Доступно с", "Available from"),
    ("col.reason", "Причина", "Reason"),
    ("col.payment", "ID платежа", "Payment id"),
    ("col.actNumber", "№ акта", "Act no."),
    ("col.money", "К выплате", "Payable"),
    ("col.signDue", "Подписать до", "Sign by"),
    ("col.payDue", "Оплатить до", "Pay by"),
    ("col.paid", "Оплачен", "Paid"),
    ("balance.accrued", "Начислено", "Accrued"),
    ("balance.reversed", "Сторно", "Reversed"),
    ("balance.annulled", "Аннулировано", "Annulled"),
    ("balance.on_hold", "На удержании", "On hold"),
    ("balance.available", "Доступно", "Available"),
    ("balance.converted", "Конвертировано", "Converted"),
    ("balance.paid", "Выплачено", "Paid"),
    ("whatif.col.book", "В книге", "In the book"),
    (
        "whatif.col.whatif",
        "По новым правилам",
        "Under the new rules",
    ),
    ("whatif.col.difference", "Разница", "Difference"),
    ("whatif.col.change", "Изменение", "Change"),
    ("whatif.col.who", "Клиент или партнёр", "Client or partner"),
    ("whatif.col.role", "Кому", "For"),
    ("discount.col.discount", "Скидка", "Discount"),
    ("discount.col.from", "С", "From"),
    ("discount.col.to", "По (включительно)", "To (inclusive)"),
    ("discount.col.inviter", "Пригласил", "Invited by"),
    ("whatif.change.added", "добавится", "will be added"),
    ("whatif.change.removed", "отменится", "will be removed"),
    ("whatif.role.inviter", "пригласившему", "inviter"),
    ("whatif.role.invitee", "приглашённому", "invitee"),
    ("discount.percent", "{p} %", "{p} %"),
    ("discount.package", "Пакет {n} SMS", "Package of {n} SMS"),
    ("status.active", "действует", "active"),
    ("status.suspended", "приостановлен", "suspended"),
    ("status.terminated", "расторгнут", "terminated"),
    ("status.disqualified", "дисквалифицирован", "disqualified"),
    ("kind.ooo", "ООО/АО", "Company"),
    ("kind.ip", "ИП", "Sole trader"),
    ("kind.person", "Физлицо", "Individual"),
    ("kind.foreign", "Иностранный", "Foreign"),
    ("channel.link", "ссылка", "link"),
    ("channel.promo", "промокод", "promo code"),
    (
        "channel.purchase_link",
        "ссылка на покупку",
        "purchase link",
    ),
    ("channel.invoice", "счёт партнёра", "partner's invoice"),
    ("channel.nfr", "NFR-баннер", "NFR banner"),
    ("channel.migrator", "мигратор", "migrator"),
    ("channel.invite", "приглашение", "invitation"),
    ("actStatus.draft", "черновик", "draft"),
    ("actStatus.sent", "отправлен", "sent"),
    ("actStatus.signed", "подписан", "signed"),
    ("actStatus.rejected", "отклонён", "rejected"),
    ("actStatus.paid", "оплачен", "paid"),
    ("entry.credit", "начисление", "accrual"),
    ("entry.reversal", "сторно", "reversal"),
    ("entry.annulment", "аннулирование", "annulment"),
    ("entry.conversion", "конвертация", "conversion"),
    (
        "entry.conversion_reversal",
        "возврат конвертации",
        "conversion returned",
    ),
    ("entry.payout", "выплата", "payout"),
    ("clients.unbound", "без партнёра", "no partner"),
    (
        "accruals.total",
        "Итого, {unit} (партнёров: {n})",
        "Total, {unit} (partners: {n})",
    ),
    (
        "acts.total",
        "Итого, {unit} (актов: {n})",
        "Total, {unit} ({n} acts)",
    ),
    (
        "whatif.total",
        "Итого, {unit} (изменится у {n})",
        "Total, {unit} ({n} change)",
    ),
    ("nav.partners", "Партнёры", "Partners"),
    ("nav.clients", "Клиенты", "Clients"),
    ("accruals.tab.balances", "Балансы", "Balances"),
    ("accruals.tab.ledger", "Журнал партнёра", "Partner's ledger"),
    ("accruals.tab.unearned", "Без начисления", "Earned nothing"),
    ("acts.tab.acts", "Акты", "Acts"),
    ("whatif.open", "Что если", "What if"),
    ("whatif.discounts", "Периоды скидок", "Discount periods"),
];

/// The words above, and the fields' labels (`field.<key>`, from [`crate::fields::FIELDS`]), as
/// the UI's module `ui/src/bindings/coreWords.ts` (written by `cargo test`, as ts-rs writes the
/// types): the screens take the words the core owns — statuses, kinds, channels, act states,
/// ledger entries, the tables' headers, the fields its messages name — from there, not from
/// copies in their dictionaries. One `"key": "text",` a line.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from crates/core/src/exports/words.rs and crates/core/src/fields.rs by `cargo test`. Do not edit this file manually.\n\
         // The words the core owns (statuses, kinds, channels, act states, ledger entries, headers, fields);\n\
         // ui/src/i18n merges them into its dictionaries.\n",
    );
    let fields = crate::fields::FIELDS
        .iter()
        .map(|(key, ru, en)| (format!("field.{key}"), *ru, *en));
    let words: Vec<(String, &str, &str)> = WORDS
        .iter()
        .map(|(key, ru, en)| ((*key).to_owned(), *ru, *en))
        .chain(fields)
        .collect();
    for (name, lang) in [("coreRu", Lang::Ru), ("coreEn", Lang::En)] {
        out.push_str(&format!("\nexport const {name} = {{\n"));
        for (key, ru, en) in &words {
            let text = if lang == Lang::Ru { ru } else { en };
            let quoted = |t: &str| serde_json::to_string(t).unwrap_or_else(|_| format!("{t:?}"));
            out.push_str(&format!("  {}: {},\n", quoted(key), quoted(text)));
        }
        out.push_str("} as const;\n");
    }
    out
}

/// The UI's text of `key` in `lang`, when the table has the key.
pub fn known_word(key: &str, lang: Lang) -> Option<&'static str> {
    WORDS
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, ru, en)| match lang {
            Lang::Ru => *ru,
            Lang::En => *en,
        })
}

/// The UI's text of `key` in `lang`; the key itself for a key this table lacks (the tests
/// check the headers and words the exports write against the UI's dictionaries).
pub fn word(key: &str, lang: Lang) -> &str {
    known_word(key, lang).unwrap_or(key)
}

/// The UI's text of `key` with its `{name}` placeholders filled.
pub fn word_with(key: &str, lang: Lang, vars: &[(&str, &str)]) -> String {
    vars.iter()
        .fold(word(key, lang).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A unit's name for totals lines, as `unitLabel` in `ui/src/format.ts`: «бонусы», «₽»,
/// «₸», «€», «$», else the code.
pub fn unit_label(unit: &str, lang: Lang) -> &str {
    match (unit, lang) {
        ("bonus", Lang::Ru) => "бонусы",
        ("bonus", Lang::En) => "bonuses",
        ("RUB", _) => "₽",
        ("KZT", _) => "₸",
        ("EUR", _) => "€",
        ("USD", _) => "$",
        (other, _) => other,
    }
}

/// A count as the screens write it (`formatCount`): `100 000` (no-break space) in Russian,
/// `100,000` in English.
pub fn count_text(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Ru => '\u{a0}',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes the UI's copy of the words (`TS_RS_EXPORT_DIR`, `ui/src/bindings`, as the
    /// types are written); CI fails when the committed one differs.
    #[test]
    fn the_uis_words_are_written_for_it() {
        let dir = std::env::var("TS_RS_EXPORT_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| {
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
            });
        let text = typescript();
        assert!(
            text.contains("  \"actStatus.draft\": \"черновик\",\n"),
            "{text}"
        );
        assert!(
            text.contains("  \"actStatus.draft\": \"draft\",\n"),
            "{text}"
        );
        assert!(
            text.contains("  \"field.client_id\": \"ID клиента в биллинге\",\n"),
            "{text}"
        );
        std::fs::write(dir.join("coreWords.ts"), text)
            .expect("ui/src/bindings/coreWords.ts written");
    }

    #[test]
    fn words_by_key_with_placeholders() {
        assert_eq!(word("col.inn", Lang::En), "INN");
        assert_eq!(word("no.such.key", Lang::Ru), "no.such.key");
        assert_eq!(
            word_with("acts.total", Lang::Ru, &[("unit", "₽"), ("n", "3")]),
            "Итого, ₽ (актов: 3)"
        );
        assert_eq!(count_text(100_000, Lang::Ru), "100\u{a0}000");
        assert_eq!(count_text(1_200, Lang::En), "1,200");
        assert_eq!(count_text(12, Lang::En), "12");
    }
}
