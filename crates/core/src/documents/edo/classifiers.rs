//! The codes the УПД writes instead of words: countries (ОКСМ), currencies (ОКВ) and the
//! VAT rates the format enumerates.

use rust_decimal::Decimal;

/// A country of the ОКСМ: its three-digit code and short name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
}

pub const RUSSIA: Country = Country {
    code: "643",
    name: "Россия",
};

pub const KAZAKHSTAN: Country = Country {
    code: "398",
    name: "Казахстан",
};

/// Countries a foreign partner is likely to be from, with the spellings an address may
/// use (lower case, `ё` as `е`). Russia is not here: a partner with a Russian address is
/// no foreign organisation.
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    (
        "398",
        "Казахстан",
        &[
            "казахстан",
            "республика казахстан",
            "kazakhstan",
            "қазақстан",
        ],
    ),
    (
        "112",
        "Беларусь",
        &["беларусь", "республика беларусь", "белоруссия", "belarus"],
    ),
    (
        "051",
        "Армения",
        &["армения", "республика армения", "armenia"],
    ),
    ("031", "Азербайджан", &["азербайджан", "azerbaijan"]),
    ("268", "Грузия", &["грузия", "georgia"]),
    (
        "417",
        "Киргизия",
        &[
            "киргизия",
            "кыргызстан",
            "кыргызская республика",
            "kyrgyzstan",
        ],
    ),
    ("762", "Таджикистан", &["таджикистан", "tajikistan"]),
    (
        "860",
        "Узбекистан",
        &["узбекистан", "республика узбекистан", "uzbekistan"],
    ),
    ("795", "Туркменистан", &["туркменистан", "turkmenistan"]),
    ("498", "Молдова", &["молдова", "молдавия", "moldova"]),
    ("804", "Украина", &["украина", "ukraine"]),
    ("196", "Кипр", &["кипр", "республика кипр", "cyprus"]),
    (
        "840",
        "Соединенные Штаты",
        &[
            "сша",
            "соединенные штаты",
            "соединенные штаты америки",
            "usa",
            "united states",
            "united states of america",
        ],
    ),
    (
        "826",
        "Соединенное Королевство",
        &[
            "великобритания",
            "соединенное королевство",
            "united kingdom",
            "uk",
            "great britain",
        ],
    ),
    ("276", "Германия", &["германия", "germany", "deutschland"]),
    ("250", "Франция", &["франция", "france"]),
    ("380", "Италия", &["италия", "italy"]),
    ("724", "Испания", &["испания", "spain"]),
    ("620", "Португалия", &["португалия", "portugal"]),
    (
        "528",
        "Нидерланды",
        &["нидерланды", "netherlands", "the netherlands"],
    ),
    ("056", "Бельгия", &["бельгия", "belgium"]),
    ("756", "Швейцария", &["швейцария", "switzerland"]),
    ("040", "Австрия", &["австрия", "austria"]),
    ("203", "Чехия", &["чехия", "czechia", "czech republic"]),
    ("616", "Польша", &["польша", "poland"]),
    ("233", "Эстония", &["эстония", "estonia"]),
    ("428", "Латвия", &["латвия", "latvia"]),
    ("440", "Литва", &["литва", "lithuania"]),
    ("246", "Финляндия", &["финляндия", "finland"]),
    ("752", "Швеция", &["швеция", "sweden"]),
    ("578", "Норвегия", &["норвегия", "norway"]),
    ("208", "Дания", &["дания", "denmark"]),
    ("372", "Ирландия", &["ирландия", "ireland"]),
    ("442", "Люксембург", &["люксембург", "luxembourg"]),
    ("688", "Сербия", &["сербия", "serbia"]),
    ("499", "Черногория", &["черногория", "montenegro"]),
    ("792", "Турция", &["турция", "turkey", "turkiye", "türkiye"]),
    ("376", "Израиль", &["израиль", "israel"]),
    (
        "784",
        "Объединенные Арабские Эмираты",
        &[
            "оаэ",
            "объединенные арабские эмираты",
            "uae",
            "united arab emirates",
        ],
    ),
    ("156", "Китай", &["китай", "кнр", "china"]),
    ("344", "Гонконг", &["гонконг", "hong kong"]),
    ("702", "Сингапур", &["сингапур", "singapore"]),
    ("356", "Индия", &["индия", "india"]),
    ("764", "Таиланд", &["таиланд", "thailand"]),
    ("704", "Вьетнам", &["вьетнам", "vietnam", "viet nam"]),
    ("360", "Индонезия", &["индонезия", "indonesia"]),
    ("392", "Япония", &["япония", "japan"]),
    (
        "410",
        "Корея, Республика",
        &["южная корея", "республика корея", "south korea"],
    ),
    ("124", "Канада", &["канада", "canada"]),
    ("036", "Австралия", &["австралия", "australia"]),
    ("076", "Бразилия", &["бразилия", "brazil"]),
    ("484", "Мексика", &["мексика", "mexico"]),
    ("032", "Аргентина", &["аргентина", "argentina"]),
];

/// The country an address names as one of its comma-separated parts («Кипр, Лимасол, …»
/// or «…, Limassol, Cyprus»).
pub fn country_in(address: &str) -> Option<Country> {
    address.split(',').find_map(|part| {
        let part = part
            .trim()
            .trim_end_matches('.')
            .to_lowercase()
            .replace('ё', "е");
        COUNTRIES
            .iter()
            .find(|(_, _, spellings)| spellings.contains(&part.as_str()))
            .map(|&(code, name, _)| Country { code, name })
    })
}

/// A currency of the ОКВ: its three-digit code and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    pub code: &'static str,
    pub name: &'static str,
}

/// The currency of ISO 4217 `letters` (`RUB`, `KZT`, `USD`, `EUR`).
pub fn currency(letters: &str) -> Option<Currency> {
    let (code, name) = match letters.trim().to_ascii_uppercase().as_str() {
        "RUB" => ("643", "Российский рубль"),
        "KZT" => ("398", "Тенге"),
        "USD" => ("840", "Доллар США"),
        "EUR" => ("978", "Евро"),
        _ => return None,
    };
    Some(Currency { code, name })
}

/// The rate as `НалСт` writes it (`22%`), when the format has it: 0, 5, 7, 10, 18, 20
/// and 22 %. (The computed rates 22/122 and the like are for advances, not for acts.)
pub fn vat_rate(percent: Decimal) -> Option<String> {
    let percent = percent.normalize();
    const RATES: [i64; 7] = [0, 5, 7, 10, 18, 20, 22];
    RATES
        .iter()
        .find(|rate| Decimal::from(**rate) == percent)
        .map(|rate| format!("{rate}%"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_is_found_as_a_part_of_the_address() {
        let cyprus = country_in("Кипр, 3035, Лимасол, ул. Арх. Макариоса III, д. 1");
        assert_eq!(cyprus.map(|c| c.code), Some("196"));
        let latin = country_in("1 Main Street, Wilmington, DE 19801, USA.");
        assert_eq!(latin.map(|c| c.code), Some("840"));
        let yo = country_in("Dubai, Объединённые Арабские Эмираты");
        assert_eq!(yo.map(|c| c.code), Some("784"));
        // A street named after a country is not the country.
        assert_eq!(country_in("г. Москва, Грузинская ул., д. 5"), None);
        assert_eq!(country_in("Россия, г. Москва"), None);
    }

    #[test]
    fn currencies_and_rates_have_their_codes() {
        assert_eq!(currency("usd").map(|c| c.code), Some("840"));
        assert_eq!(currency("KZT").map(|c| c.name), Some("Тенге"));
        assert_eq!(currency("bonus"), None);
        assert_eq!(vat_rate(Decimal::new(2200, 2)).as_deref(), Some("22%"));
        assert_eq!(vat_rate(Decimal::ZERO).as_deref(), Some("0%"));
        assert_eq!(vat_rate(Decimal::from(13)), None);
    }
}
