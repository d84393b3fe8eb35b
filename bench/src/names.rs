//! Names, people and addresses for the generated rows: Russian and Kazakh companies,
//! individual entrepreneurs, signers, with the commas and guillemets real files have.

use rand::rngs::StdRng;
use rand::Rng;

/// Company name roots, with a Latin spelling for e-mail domains. «Ромашка» is the one
/// the partners-table queries look for.
pub const ROOTS: [(&str, &str); 40] = [
    ("Ромашка", "romashka"),
    ("Вектор", "vector"),
    ("Альфа", "alfa"),
    ("Гранит", "granit"),
    ("Меридиан", "meridian"),
    ("Северный ветер", "sever"),
    ("Сфера", "sfera"),
    ("Восход", "voshod"),
    ("Интегра", "integra"),
    ("Технополис", "technopolis"),
    ("Цифровые решения", "digital"),
    ("Облако", "oblako"),
    ("Горизонт", "horizont"),
    ("Парус", "parus"),
    ("Квант", "kvant"),
    ("Лидер", "lider"),
    ("Инфосистемы", "infosys"),
    ("Скиф", "skif"),
    ("Эталон", "etalon"),
    ("Прогресс", "progress"),
    ("Балтика Софт", "baltsoft"),
    ("Урал Телеком", "uraltel"),
    ("Сибирь Консалтинг", "sibcons"),
    ("Волга ИТ", "volgait"),
    ("Невский проект", "nevsky"),
    ("Астра", "astra"),
    ("Феникс", "phoenix"),
    ("Орион", "orion"),
    ("Пульсар", "pulsar"),
    ("Бизнес Автоматизация", "bizauto"),
    ("Связь Сервис", "svyaz"),
    ("Дельта", "delta"),
    ("Кедр", "kedr"),
    ("Аврора", "aurora"),
    ("Стандарт", "standart"),
    ("Триумф", "triumf"),
    ("Маяк", "mayak"),
    ("Спектр", "spektr"),
    ("Атлант", "atlant"),
    ("Зенит", "zenit"),
];

const TAILS: [&str; 10] = [
    "",
    " Плюс",
    " Групп",
    " Софт",
    " Интеграция",
    " Про",
    "-М",
    " Сервис",
    " Центр",
    " Диджитал",
];

const SURNAMES: [&str; 20] = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
];
const FIRST: [&str; 10] = [
    "Александр",
    "Сергей",
    "Дмитрий",
    "Андрей",
    "Алексей",
    "Максим",
    "Евгений",
    "Иван",
    "Михаил",
    "Артём",
];
const PATRONYMICS: [&str; 8] = [
    "Александрович",
    "Сергеевич",
    "Дмитриевич",
    "Андреевич",
    "Игоревич",
    "Викторович",
    "Олегович",
    "Петрович",
];
const KZ_PEOPLE: [&str; 6] = [
    "Нурланов Ерлан Бауыржанович",
    "Сапарова Айгерим Маратовна",
    "Ахметов Данияр Серикович",
    "Жумабаев Асхат Кайратович",
    "Ким Виктория Олеговна",
    "Абдрахманов Тимур Нурланович",
];

const CITIES: [&str; 8] = [
    "г. Москва",
    "г. Санкт-Петербург",
    "г. Новосибирск",
    "г. Екатеринбург",
    "г. Казань",
    "г. Нижний Новгород",
    "г. Самара",
    "г. Краснодар",
];
const KZ_CITIES: [&str; 3] = ["г. Алматы", "г. Астана", "г. Шымкент"];
const STREETS: [&str; 8] = [
    "ул. Ленина",
    "ул. Гагарина",
    "пр-т Мира",
    "ул. Советская",
    "Ленинградский пр-т",
    "ул. Профсоюзная",
    "наб. реки Фонтанки",
    "ул. Абая",
];

pub fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// A company's name with its legal form, and the Latin domain for its e-mail.
pub fn company(rng: &mut StdRng, form: &str) -> (String, String) {
    let (root, latin) = pick(rng, &ROOTS);
    let tail = pick(rng, &TAILS);
    let name = if rng.random_bool(0.15) {
        format!("{form} «{root}{tail} {}»", rng.random_range(1..100))
    } else {
        format!("{form} «{root}{tail}»")
    };
    (name, (*latin).to_owned())
}

/// Фамилия Имя Отчество.
pub fn person(rng: &mut StdRng, kazakh: bool) -> String {
    if kazakh {
        return (*pick(rng, &KZ_PEOPLE)).to_owned();
    }
    format!(
        "{} {} {}",
        pick(rng, &SURNAMES),
        pick(rng, &FIRST),
        pick(rng, &PATRONYMICS)
    )
}

/// A legal address, commas and all (so the CSV quotes it).
pub fn address(rng: &mut StdRng, kazakh: bool) -> String {
    let city = if kazakh {
        pick(rng, &KZ_CITIES)
    } else {
        pick(rng, &CITIES)
    };
    let index = if kazakh {
        format!(
            "A{:02}T{}X{}",
            rng.random_range(10..99),
            rng.random_range(0..10),
            rng.random_range(0..10)
        )
    } else {
        format!("{}", rng.random_range(101_000..199_999))
    };
    format!(
        "{index}, {city}, {}, д. {}, офис {}",
        pick(rng, &STREETS),
        rng.random_range(1..150),
        rng.random_range(1..600)
    )
}

/// A field as CSV wants it: quoted when it holds a comma, a quote or a line break.
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}
