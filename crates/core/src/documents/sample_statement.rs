//! Bank statements for the tests: what a bank sends back for the payment orders the book
//! wrote (the register's 1CClientBankExchange file), and single orders to add to them.

use chrono::NaiveDate;
use encoding_rs::WINDOWS_1251;
use rust_decimal::Decimal;

/// The statement a bank would send back for `orders` (the register's bank file, decoded):
/// each order debited on the day `debited` gives for the act its purpose names (an order
/// it gives none for was not carried out and is left out), then the documents `extra`
/// (whole `СекцияДокумент` … `КонецДокумента` blocks), under one `СекцияРасчСчет` of
/// the header's `РасчСчет`. CRLF line ends.
pub fn statement_of_orders(
    orders: &str,
    debited: &dyn Fn(&str) -> Option<NaiveDate>,
    extra: &[String],
) -> String {
    let lines: Vec<&str> = orders.lines().filter(|l| !l.is_empty()).collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("СекцияДокумент"))
        .unwrap_or(lines.len());
    let header = &lines[..start];
    let value = |key: &str| {
        header
            .iter()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or_default()
            .to_owned()
    };
    let mut documents = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in &lines[start..] {
        if *line == "КонецДокумента" {
            let number = current
                .iter()
                .find_map(|l| l.strip_prefix("НазначениеПлатежа="))
                .and_then(|p| p.split("по акту № ").nth(1))
                .and_then(|p| p.split_whitespace().next())
                .unwrap_or_default();
            if let Some(day) = debited(number) {
                let mut block: Vec<String> = current.iter().map(|l| (*l).to_owned()).collect();
                block.push(format!("ДатаСписано={}", day.format("%d.%m.%Y")));
                block.push("КонецДокумента".to_owned());
                documents.push(block.join("\r\n"));
            }
            current.clear();
        } else if *line != "КонецФайла" {
            current.push(line);
        }
    }
    documents.extend(extra.iter().cloned());
    let account = value("РасчСчет");
    let spent: Decimal = documents
        .iter()
        .filter(|d| d.contains(&format!("ПлательщикСчет={account}")))
        .filter_map(|d| d.lines().find_map(|l| l.strip_prefix("Сумма=")))
        .filter_map(|s| s.parse::<Decimal>().ok())
        .sum();
    let opening = Decimal::new(100_000_000, 2);
    let mut out: Vec<String> = header.iter().map(|l| (*l).to_owned()).collect();
    out.extend([
        "СекцияРасчСчет".to_owned(),
        format!("ДатаНачала={}", value("ДатаНачала")),
        format!("ДатаКонца={}", value("ДатаКонца")),
        format!("РасчСчет={account}"),
        format!("НачальныйОстаток={opening}"),
        "ВсегоПоступило=0.00".to_owned(),
        format!("ВсегоСписано={spent}"),
        format!("КонечныйОстаток={}", opening - spent),
        "КонецРасчСчет".to_owned(),
    ]);
    out.extend(documents);
    out.push("КонецФайла".to_owned());
    out.join("\r\n") + "\r\n"
}

/// One payment order of a statement, debited (`ДатаСписано`) on `day`.
pub struct Order<'a> {
    pub number: &'a str,
    pub day: NaiveDate,
    pub amount: &'a str,
    pub payer_account: &'a str,
    pub recipient_account: &'a str,
    pub recipient_inn: &'a str,
    pub purpose: &'a str,
}

impl Order<'_> {
    /// The order as a `СекцияДокумент` block, debited on its day.
    pub fn debit(&self) -> String {
        self.block("ДатаСписано")
    }

    /// The order as a `СекцияДокумент` block, credited (`ДатаПоступило`) on its day.
    pub fn credit(&self) -> String {
        self.block("ДатаПоступило")
    }

    fn block(&self, day_key: &str) -> String {
        let day = self.day.format("%d.%m.%Y");
        [
            "СекцияДокумент=Платежное поручение".to_owned(),
            format!("Номер={}", self.number),
            format!("Дата={day}"),
            format!("Сумма={}", self.amount),
            format!("ПлательщикСчет={}", self.payer_account),
            "ПлательщикИНН=7710140679".to_owned(),
            "Плательщик1=ООО «Плательщик»".to_owned(),
            format!("ПолучательСчет={}", self.recipient_account),
            format!("ПолучательИНН={}", self.recipient_inn),
            "Получатель1=Получатель".to_owned(),
            format!("НазначениеПлатежа={}", self.purpose),
            format!("{day_key}={day}"),
            "КонецДокумента".to_owned(),
        ]
        .join("\r\n")
    }
}

/// `text` in Windows-1251 (characters it lacks become `?`).
pub fn windows_1251(text: &str) -> Vec<u8> {
    WINDOWS_1251.encode(text).0.into_owned()
}

/// `bytes` read as Windows-1251.
pub fn from_windows_1251(bytes: &[u8]) -> String {
    WINDOWS_1251
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}
