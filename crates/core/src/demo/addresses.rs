//! Where the demo's companies are: Russian cities with their tax offices (the first
//! digits of an ИНН), Kazakh cities, and foreign addresses.

use super::dice::Dice;

/// A Russian city: its tax offices' codes, post codes and streets (`|`-separated).
pub(super) struct City {
    pub name: &'static str,
    pub offices: &'static str,
    pub postcodes: &'static str,
    pub streets: &'static str,
}

const CITIES: [City; 8] = [
    City {
        name: "Москва",
        offices: "7701|7703|7704|7705|7707|7709|7710|7713|7714|7715|7717|7718|7719|7720|7722|7724|7725|7726|7727|7728|7729|7730|7731|7733|7734|7735|7736|7743|7751",
        postcodes: "101000|105064|107031|109012|115035|117152|119021|121099|123112|125009|127006|129090",
        streets: "ул. Тверская|Пресненская наб.|ул. Большая Ордынка|Ленинградский пр-т|ул. Нижняя Красносельская|ул. Бауманская|Варшавское ш.|ул. Профсоюзная|ул. Новый Арбат|Кутузовский пр-т|ул. Лесная|ул. Сущёвский Вал",
    },
    City {
        name: "Санкт-Петербург",
        offices: "7801|7802|7804|7805|7806|7810|7811|7813|7814|7816|7825|7838|7840|7842",
        postcodes: "190000|191186|194044|195027|196084|197046|199034",
        streets: "Невский пр-т|ул. Садовая|Лиговский пр-т|Московский пр-т|наб. реки Мойки|ул. Марата|Большой пр-т В. О.",
    },
    City {
        name: "Екатеринбург",
        offices: "6658|6659|6660|6661|6670|6671|6672|6679|6685",
        postcodes: "620014|620026|620075|620142",
        streets: "ул. Малышева|ул. 8 Марта|пр-т Ленина|ул. Радищева",
    },
    City {
        name: "Новосибирск",
        offices: "5401|5402|5403|5404|5405|5406|5407|5410",
        postcodes: "630099|630007|630091|630132",
        streets: "Красный пр-т|ул. Кирова|ул. Фрунзе|ул. Советская",
    },
    City {
        name: "Казань",
        offices: "1655|1656|1657|1658|1659|1660",
        postcodes: "420021|420107|420111|420061",
        streets: "ул. Баумана|ул. Пушкина|пр-т Победы|ул. Островского",
    },
    City {
        name: "Нижний Новгород",
        offices: "5257|5258|5259|5260|5261|5262",
        postcodes: "603000|603005|603022|603109",
        streets: "ул. Большая Покровская|ул. Рождественская|ул. Белинского|ул. Ванеева",
    },
    City {
        name: "Краснодар",
        offices: "2308|2309|2310|2311|2312",
        postcodes: "350000|350015|350020|350063",
        streets: "ул. Красная|ул. Северная|ул. Ставропольская|ул. Кубанская наб.",
    },
    City {
        name: "Самара",
        offices: "6311|6312|6315|6316|6317|6318",
        postcodes: "443001|443010|443020|443099",
        streets: "ул. Молодогвардейская|ул. Ленинградская|ул. Куйбышева|Московское ш.",
    },
];

/// How often each of `CITIES` comes up: Moscow most, then Petersburg.
const CITY_WEIGHTS: [u32; 8] = [40, 15, 8, 8, 8, 7, 7, 7];

const KZ_CITIES: &str = "050000, г. Алматы|010000, г. Астана|160000, г. Шымкент|100000, г. Караганда|030000, г. Актобе|060000, г. Атырау";
const KZ_STREETS: &str = "пр. Абая|ул. Кабанбай батыра|пр. Достык|ул. Сатпаева|пр. Республики|ул. Кенесары|ул. Толе би|пр. Мангилик Ел|ул. Жибек Жолы";
const FOREIGN: &str = "20-22 Wenlock Road, London N1 7GU, United Kingdom|1209 Orange Street, Wilmington, DE 19801, USA|Narva mnt 5, 10117 Tallinn, Estonia|Na Příkopě 15, 110 00 Praha 1, Czech Republic|Herengracht 420, 1017 BZ Amsterdam, Netherlands|Arnulfstraße 60, 80335 München, Germany|Karaiskaki 6, 3032 Limassol, Cyprus|Sheikh Zayed Road 21, Dubai, United Arab Emirates|ul. Prosta 51, 00-838 Warszawa, Poland|Via Torino 61, 20123 Milano, Italy";

pub(super) fn city(dice: &mut Dice) -> &'static City {
    let index = dice.weighted(&CITY_WEIGHTS).unwrap_or(0);
    CITIES.get(index).unwrap_or(&CITIES[0])
}

/// `123112, г. Москва, Пресненская наб., д. 12, офис 305`.
pub(super) fn russian(dice: &mut Dice, city: &City) -> String {
    let house = dice.between(1, 120);
    let office = if dice.chance(70) {
        format!(", офис {}", dice.between(1, 950))
    } else {
        format!(", пом. {}", dice.between(1, 30))
    };
    format!(
        "{}, г. {}, {}, д. {house}{office}",
        dice.word(city.postcodes),
        city.name,
        dice.word(city.streets)
    )
}

/// `Республика Казахстан, 050000, г. Алматы, пр. Абая, д. 52, кв. 14`.
pub(super) fn kazakh(dice: &mut Dice) -> String {
    format!(
        "Республика Казахстан, {}, {}, д. {}, {} {}",
        dice.word(KZ_CITIES),
        dice.word(KZ_STREETS),
        dice.between(1, 180),
        if dice.chance(50) { "кв." } else { "офис" },
        dice.between(1, 250)
    )
}

pub(super) fn foreign(dice: &mut Dice) -> &'static str {
    dice.word(FOREIGN)
}
