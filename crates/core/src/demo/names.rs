//! Names: Russian companies and people, Kazakh people and companies (atlantys), English
//! people and companies (quantower). Lists are `|`-separated so they stay compact.

use super::dice::Dice;

const RU_MALE: &str = "Александр|Алексей|Андрей|Антон|Артём|Борис|Вадим|Валерий|Василий|Виктор|Владимир|Владислав|Глеб|Дмитрий|Евгений|Егор|Иван|Игорь|Илья|Кирилл|Константин|Максим|Михаил|Никита|Николай|Олег|Павел|Пётр|Роман|Сергей|Станислав|Тимофей|Фёдор|Юрий|Ярослав";
const RU_FEMALE: &str = "Алёна|Алина|Анастасия|Анна|Валентина|Вера|Виктория|Галина|Дарья|Евгения|Екатерина|Елена|Жанна|Ирина|Ксения|Лариса|Любовь|Маргарита|Марина|Мария|Надежда|Наталья|Нина|Оксана|Ольга|Полина|Светлана|Софья|Татьяна|Юлия";
const RU_PATRONYMICS: &str = "Александрович|Алексеевич|Андреевич|Анатольевич|Борисович|Валерьевич|Васильевич|Викторович|Владимирович|Геннадьевич|Дмитриевич|Евгеньевич|Иванович|Игоревич|Константинович|Леонидович|Михайлович|Николаевич|Олегович|Павлович|Петрович|Романович|Сергеевич|Юрьевич";
const RU_SURNAMES: &str = "Иванов|Смирнов|Кузнецов|Попов|Васильев|Петров|Соколов|Михайлов|Новиков|Фёдоров|Морозов|Волков|Алексеев|Лебедев|Семёнов|Егоров|Павлов|Козлов|Степанов|Николаев|Орлов|Андреев|Макаров|Никитин|Захаров|Зайцев|Соловьёв|Борисов|Яковлев|Григорьев|Романов|Воробьёв|Сергеев|Кузьмин|Фролов|Дмитриев|Королёв|Гусев|Киселёв|Ильин|Максимов|Поляков|Сорокин|Виноградов|Ковалёв|Белов|Медведев|Антонов|Тарасов|Жуков|Баранов|Филиппов|Комаров|Давыдов|Беляев|Герасимов|Богданов|Осипов|Сидоров|Матвеев|Титов|Марков|Миронов|Крылов|Куликов|Карпов|Власов|Мельников|Денисов|Гаврилов|Тихонов|Казаков|Афанасьев|Данилов|Савельев|Тимофеев|Фомин|Чернов|Абрамов|Мартынов|Ефимов|Щербаков|Назаров|Калинин|Исаев|Быков|Маслов|Родионов|Коновалов|Лазарев|Воронин|Климов|Филатов|Голубев|Кудрявцев|Прохоров|Наумов|Потапов|Журавлёв|Трофимов|Леонов|Соболев|Ермаков|Колесников|Гончаров|Никифоров|Котов|Гришин|Архипов|Громов|Кириллов|Малышев|Панов|Румянцев|Акимов|Бирюков|Горбунов|Тихомиров|Галкин|Лукьянов|Скворцов|Юдин|Белоусов|Нестеров|Симонов|Харитонов|Князев|Цветков|Воронов|Аксёнов|Мальцев|Логинов|Горшков|Савин|Краснов|Демидов|Елисеев|Рыбаков|Плотников|Хохлов|Шестаков|Островский|Покровский|Вишневский|Троицкий";

/// Stems of company names, Russian clients and partners alike.
const RU_STEMS: &str = "Вектор|Гранит|Меридиан|Альтаир|Горизонт|Орион|Пульсар|Радуга|Сигма|Эталон|Янтарь|Атлас|Вега|Гармония|Дельта|Ермак|Зенит|Кедр|Лидер|Магистраль|Олимп|Прогресс|Ресурс|Северный ветер|Светоч|Стандарт|Таврида|Тайга|Урал|Феникс|Форпост|Цитадель|Чайка|Эверест|Юпитер|Аврора|Байкал|Волга|Доминанта|Енисей|Жемчужина|Изумруд|Континент|Ладога|Маяк|Нева|Обь|Парус|Рубикон|Сапфир|Титан|Уют|Фортуна|Хрусталь|Эдельвейс|Алмаз|Берёзка|Витязь|Гелиос|Добрыня|Заря|Крона|Луч|Мегаполис|Новатор|Оникс|Пеликан|Родник|Созвездие|Триумф|Ярило|Азимут|Бриз|Вертикаль|Галактика|Импульс|Кварц|Лотос|Монолит|Ника|Омега|Полюс|Ритм|Спектр|Тандем|Успех|Факел|Эскорт|Аргон|Борей|Весна|Глобус";
const RU_SUFFIXES: &str =
    "Софт|-Строй|Логистик|Групп|-Трейд|Сервис|Консалт|-М|Плюс|Техно|Инжиниринг|Продакшн|Маркет|Агро|Медиа|Профи";
/// Suffixes that make an integrator of a stem (bitrix24 partners).
pub(super) const INTEGRATOR_SUFFIXES: &str =
    "Интегратор|Софт|ИТ|Бизнес-Системы|Консалтинг|Автоматизация|Цифра|Диджитал|CRM|Облако|-Интеграция";
/// Kinds of venue for the WiFi clients (ciawifi).
const VENUES: &str = "Кафе|Кофейня|Ресторан|Пекарня|Отель|Хостел|Фитнес-клуб|Салон красоты|Коворкинг|Бургерная|Пиццерия|Автомойка|Гостевой дом|Бар|Антикафе";

const KZ_MALE: &str = "Арман|Айдар|Асхат|Бауыржан|Данияр|Дастан|Ерлан|Ержан|Жандос|Кайрат|Марат|Нурлан|Нуржан|Самат|Серик|Тимур|Азамат|Руслан|Ильяс|Мирас|Алибек|Ерболат|Даурен|Санжар|Болат";
const KZ_FEMALE: &str = "Асель|Айгерим|Айжан|Алия|Гульнара|Динара|Жанар|Жансая|Камила|Мадина|Назерке|Сауле|Томирис|Улжан|Аружан|Меруерт|Дана|Салтанат|Индира|Карлыгаш|Сабина|Балжан";
const KZ_PATRONYMICS: &str = "Нурланович|Серикович|Маратович|Ерланович|Кайратович|Болатович|Муратович|Асанович|Каримович|Даулетович|Бахытович|Аскарович|Ерикович|Тимурович";
const KZ_SURNAMES: &str = "Ахметов|Абдрахманов|Байжанов|Жумабаев|Искаков|Касымов|Кенжебаев|Мукашев|Нурланов|Омаров|Сапаров|Сейтказиев|Тулегенов|Утепов|Шарипов|Ермеков|Есенов|Бекмуханов|Амиров|Калиев|Султанов|Жакупов|Оспанов|Сарсенбаев|Мусин|Кабдулов|Ибраев|Алиев";
const KZ_STEMS: &str = "Алтын Дала|Самрук Консалт|Астана Диджитал|Каспий Трейд|Ордабасы|Жетысу Логистик|Сарыарка Сервис|Тенгри Тех|Кок Тобе|Алатау Групп|Шымкент Агро|Номад Эдьюкейшн|Байтерек Инвест|Есиль Консалтинг|Атырау Ойл Сервис|Тараз Строй|Медеу Финанс|Арна Медиа|Шанырак|Кулагер|Акжол Транс|Бирлик Плюс|Жибек Жолы|Достар Трейд";

const EN_FIRST: &str = "James|Oliver|William|Henry|Jack|Thomas|Daniel|Michael|David|Lucas|Emma|Olivia|Sophia|Charlotte|Amelia|Grace|Emily|Hannah|Chloe|Lucy|Marco|Luca|Jan|Piotr|Lars|Mateo|Diego|Noah|Ethan|Isabella|Mia|Leon|Felix|Anna|Sara|Viktor|Tomas|Nina|Ryan|Adam";
const EN_LAST: &str = "Smith|Johnson|Carter|Walker|Harris|Clarke|Bennett|Hughes|Turner|Parker|Collins|Morgan|Reed|Brooks|Foster|Hayes|Price|Ward|Fischer|Novak|Kowalski|Rossi|Lindqvist|Jansen|Dubois|Moreau|Garcia|Silva|Schneider|Weber|Nielsen|Horvat|Petrov|Kaplan|Mitchell|Cooper|Bailey|Murphy|Kelly|Evans";
const EN_STEMS: &str = "Northwind Trading|Bluewater Capital|Helix Quant|Redstone Futures|Silverline Analytics|Apex Prop Trading|Meridian Markets|Kestrel Research|Orbit FX Academy|TradeCraft Education|Summit Order Flow|Falcon Signals|Ironbridge Securities|Clearview Charts|Tidewater Trading|Granite Peak Capital|Lighthouse Algo|Copperleaf Markets";
const EN_FORMS: &str = "Ltd|LLC|GmbH|s.r.o.|B.V.|OÜ|Ltd|Inc.";

/// A person's name parts; Russian and Kazakh ones have a patronymic.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub surname: String,
    pub first: String,
    pub patronymic: Option<String>,
    pub female: bool,
}

impl Person {
    /// `Фамилия Имя Отчество` (`First Last` for English names).
    pub(super) fn full(&self) -> String {
        match &self.patronymic {
            Some(p) => format!("{} {} {p}", self.surname, self.first),
            None => format!("{} {}", self.first, self.surname),
        }
    }

    /// `Фамилия И. О.`
    pub(super) fn short(&self) -> String {
        let initial = |s: &str| {
            s.chars()
                .next()
                .map(|c| format!("{c}."))
                .unwrap_or_default()
        };
        match &self.patronymic {
            Some(p) => format!("{} {} {}", self.surname, initial(&self.first), initial(p)),
            None => self.full(),
        }
    }
}

/// The feminine form of a Russian or Kazakh surname.
fn feminine_surname(surname: &str) -> String {
    if let Some(stem) = surname.strip_suffix("ий") {
        format!("{stem}ая")
    } else if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|s| surname.ends_with(s))
    {
        format!("{surname}а")
    } else {
        surname.to_owned()
    }
}

fn person(
    dice: &mut Dice,
    male: &'static str,
    female: &'static str,
    patronymics: &'static str,
    surnames: &'static str,
) -> Person {
    let is_female = dice.chance(45);
    let surname = dice.word(surnames);
    let patronymic = dice.word(patronymics);
    Person {
        surname: if is_female {
            feminine_surname(surname)
        } else {
            surname.to_owned()
        },
        first: dice.word(if is_female { female } else { male }).to_owned(),
        patronymic: Some(if is_female {
            format!("{}на", patronymic.trim_end_matches("ич"))
        } else {
            patronymic.to_owned()
        }),
        female: is_female,
    }
}

pub(super) fn russian_person(dice: &mut Dice) -> Person {
    person(dice, RU_MALE, RU_FEMALE, RU_PATRONYMICS, RU_SURNAMES)
}

pub(super) fn kazakh_person(dice: &mut Dice) -> Person {
    person(dice, KZ_MALE, KZ_FEMALE, KZ_PATRONYMICS, KZ_SURNAMES)
}

pub(super) fn english_person(dice: &mut Dice) -> Person {
    Person {
        surname: dice.word(EN_LAST).to_owned(),
        first: dice.word(EN_FIRST).to_owned(),
        patronymic: None,
        female: false,
    }
}

/// `Вектор Софт`, `Гранит-Строй`: a stem and a suffix from `suffixes`; for general
/// companies (no `suffixes`) sometimes the bare stem.
pub(super) fn russian_brand(dice: &mut Dice, suffixes: Option<&'static str>) -> String {
    let stem = dice.word(RU_STEMS);
    if suffixes.is_none() && dice.chance(30) {
        return stem.to_owned();
    }
    let suffix = dice.word(suffixes.unwrap_or(RU_SUFFIXES));
    if suffix.starts_with('-') {
        format!("{stem}{suffix}")
    } else {
        format!("{stem} {suffix}")
    }
}

/// `Кофейня «Зенит»`.
pub(super) fn venue(dice: &mut Dice) -> String {
    format!("{} «{}»", dice.word(VENUES), dice.word(RU_STEMS))
}

pub(super) fn kazakh_brand(dice: &mut Dice) -> &'static str {
    dice.word(KZ_STEMS)
}

/// `Helix Quant Ltd`.
pub(super) fn english_company(dice: &mut Dice) -> String {
    format!("{} {}", dice.word(EN_STEMS), dice.word(EN_FORMS))
}

/// Latin letters for a Russian or Kazakh word, lower-case, for e-mails, portals and
/// codes: `Вектор Софт` → `vektor-soft`.
pub(super) fn translit(value: &str) -> String {
    let mut out = String::new();
    for c in value.to_lowercase().chars() {
        let latin = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' => "y",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            'ъ' | 'ь' => "",
            ' ' | '-' | '_' | '.' => "-",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                ""
            }
            _ => "",
        };
        if !(latin == "-" && (out.is_empty() || out.ends_with('-'))) {
            out.push_str(latin);
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_in_gender_and_transliterate() {
        assert_eq!(feminine_surname("Королёв"), "Королёва");
        assert_eq!(feminine_surname("Островский"), "Островская");
        assert_eq!(translit("Асель"), "asel");
        assert_eq!(translit("Вектор Софт"), "vektor-soft");
        assert_eq!(translit("Щербаков-Южный"), "shcherbakov-yuzhnyy");
        let mut dice = Dice::new(5);
        for _ in 0..200 {
            let p = russian_person(&mut dice);
            let patronymic = p.patronymic.clone().unwrap_or_default();
            assert_eq!(p.female, patronymic.ends_with("на"), "{}", p.full());
            assert_eq!(p.short().chars().filter(|c| *c == '.').count(), 2);
        }
    }
}
