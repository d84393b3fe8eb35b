//! The acts benchmark's book (not timed): a fresh book with the vendor's complete
//! requisites and `count` bitrix24 partners — legal entities with valid ИНН, КПП, ОГРН,
//! bank account, address, signer, EDO id and a signed contract, every other one a VAT
//! payer at 22 % — each with one client bound by the Migrator app in 2026 and a year's
//! tariff paid (some a month's tariff later too). Everything goes through the core as a
//! user's book does: the three files imported by `import::run_import` (so the billing
//! accrues the partners' bonuses by the program's rules), the vendor by `set_vendor`, and
//! every ready balance converted on the last day of November by `acts::convert_ready`,
//! which makes one draft act per partner.

use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, NaiveDateTime};
use partnerbook_core::acts::convert_ready;
use partnerbook_core::audit::Actor;
use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::store::Book;
use partnerbook_core::vendor::{set_vendor, Vendor};
use partnerbook_core::Lang;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::clients_file::client_id;
use crate::ids::{self, CLIENT_OFFICES, PARTNER_OFFICES};
use crate::names::{self, csv_field, pick};
use crate::partners_file::{self, date_between, day, show_date, BITRIX24};

/// The vendor's tax office: neither a partner's nor a client's.
const VENDOR_OFFICE: u32 = 7705;

/// A tariff paid for a year, and the same tariff for a month (list prices, kopecks).
const TARIFFS: [(&str, i64, i64); 4] = [
    ("Базовый", 2_688_000, 249_000),
    ("Стандартный", 6_288_000, 699_000),
    ("Профессиональный", 13_188_000, 1_399_000),
    ("Энтерпрайз", 32_628_000, 3_399_000),
];

/// The day the balances are converted (the acts' date).
pub fn act_day() -> NaiveDate {
    day(2026, 11, 30)
}

/// When the documents are made: stamps the EDO files.
pub fn made_at() -> NaiveDateTime {
    day(2026, 12, 1).and_hms_opt(10, 0, 0).unwrap_or_default()
}

/// The book, open, and what went into it.
pub struct ActsBook {
    pub book: Book,
    pub path: PathBuf,
    /// The acts' numbers, `2026-0001` …
    pub acts: Vec<String>,
    pub partners: usize,
    pub vat_payers: usize,
    pub payments: usize,
    pub took: Duration,
}

fn money(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// `partners.csv`: `count` bitrix24 legal entities ready to convert; the VAT payers.
fn write_partners(path: &Path, count: usize, rng: &mut StdRng) -> std::io::Result<usize> {
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "{}", partners_file::HEADER)?;
    let mut vat_payers = 0;
    for i in 0..count {
        let serial = i as u64;
        let registered = date_between(rng, day(2021, 1, 1), day(2025, 6, 30));
        let year = chrono::Datelike::year(&registered);
        let office = PARTNER_OFFICES[i % PARTNER_OFFICES.len()];
        let form = *pick(rng, &["ООО", "ООО", "ООО", "АО"]);
        let (name, latin) = names::company(rng, form);
        let inn = ids::inn10(&PARTNER_OFFICES, serial);
        let kpp = ids::kpp(&inn);
        let ogrn = ids::ogrn(year, office / 100, serial);
        let vat = i % 2 == 0;
        vat_payers += usize::from(vat);
        let signed = date_between(rng, registered, registered + Days::new(30));
        let (bik, account) = ids::bank_account(false, serial);
        let edo_id = format!(
            "2BM-{inn}-{kpp}-{:014}",
            rng.random_range(0..100_000_000_000_000u64)
        );
        let fields: [String; 22] = [
            format!("A-{:06}", i + 1),
            "bitrix24".into(),
            name,
            "ooo".into(),
            inn,
            kpp,
            ogrn,
            if vat { "да" } else { "нет" }.into(),
            if vat { "22" } else { "" }.into(),
            partners_file::code(BITRIX24, serial),
            String::new(),
            format!("ПД-{year}/{:05}", i + 1),
            show_date(rng, signed),
            show_date(rng, registered),
            "active".into(),
            bik,
            account,
            names::address(rng, false),
            names::person(rng, false),
            (*pick(rng, &["Генеральный директор", "Директор"])).into(),
            format!("info@{latin}-{}.ru", rng.random_range(1..1000)),
            edo_id,
        ];
        writeln!(out, "{}", fields.map(|f| csv_field(&f)).join(","))?;
    }
    out.flush()?;
    Ok(vat_payers)
}

/// One client per partner, registered in 2026 and bound by the partner's Migrator
/// install within three weeks; its payments (a year's tariff, for some a month's later)
/// go to `billing.csv`. Returns the payments written.
fn write_clients_and_billing(
    clients: &Path,
    billing: &Path,
    count: usize,
    rng: &mut StdRng,
) -> std::io::Result<usize> {
    let mut c_out = BufWriter::new(File::create(clients)?);
    let mut b_out = BufWriter::new(File::create(billing)?);
    writeln!(c_out, "{}", crate::year::HEADER)?;
    writeln!(b_out, "{}", crate::billing_file::HEADER.join(","))?;
    let mut payments = 0;
    let mut payment = |out: &mut BufWriter<File>,
                       date: NaiveDate,
                       client: &str,
                       amount: i64,
                       list: i64,
                       product: String|
     -> std::io::Result<()> {
        payments += 1;
        let fields: [String; 14] = [
            format!("B24-ACT-{payments:07}"),
            "bitrix24".into(),
            date.to_string(),
            client.into(),
            money(amount),
            money(list),
            "RUB".into(),
            "tariff".into(),
            "yes".into(),
            "payment".into(),
            String::new(),
            String::new(),
            String::new(),
            product,
        ];
        writeln!(out, "{}", fields.map(|f| csv_field(&f)).join(","))
    };
    for i in 0..count {
        let serial = i as u64;
        let id = client_id(BITRIX24, serial);
        let registered = date_between(rng, day(2026, 1, 10), day(2026, 8, 31));
        let bound = date_between(rng, registered, registered + Days::new(20));
        let (name, _) = names::company(rng, "ООО");
        let fields: [String; 11] = [
            id.clone(),
            "bitrix24".into(),
            name,
            ids::inn10(&CLIENT_OFFICES, serial),
            registered.to_string(),
            partners_file::code(BITRIX24, serial),
            "migrator".into(),
            show_date(rng, bound),
            rng.random_range(4..60).to_string(),
            String::new(),
            String::new(),
        ];
        writeln!(c_out, "{}", fields.map(|f| csv_field(&f)).join(","))?;

        let (tariff, year_price, month_price) = *pick(rng, &TARIFFS);
        let first = date_between(rng, bound + Days::new(1), bound + Days::new(30));
        // A fifth of the clients buy the year at a 10 % discount.
        let paid = if rng.random_bool(0.2) {
            year_price * 9 / 10
        } else {
            year_price
        };
        payment(
            &mut b_out,
            first,
            &id,
            paid,
            year_price,
            format!("{tariff}, 12 мес."),
        )?;
        if rng.random_bool(0.4) {
            let later = date_between(rng, first + Days::new(1), day(2026, 11, 25));
            payment(
                &mut b_out,
                later,
                &id,
                month_price,
                month_price,
                format!("{tariff}, 1 мес. (дополнительные пользователи)"),
            )?;
        }
    }
    c_out.flush()?;
    b_out.flush()?;
    Ok(payments)
}

fn vendor(rng: &mut StdRng) -> Vendor {
    let inn = ids::inn10(&[VENDOR_OFFICE], 4_242);
    let kpp = ids::kpp(&inn);
    let (bik, account) = ids::bank_account(false, 777_777);
    Vendor {
        name: Some("ООО «Облачные Платформы»".into()),
        ogrn: Some(ids::ogrn(2012, 77, 424_242)),
        edo_id: Some(format!(
            "2BM-{inn}-{kpp}-{:014}",
            rng.random_range(0..100_000_000_000_000u64)
        )),
        inn: Some(inn),
        kpp: Some(kpp),
        address: Some("125167, г. Москва, Ленинградский пр-т, д. 39, стр. 79, этаж 12".into()),
        signer: Some("Корнилова Елена Андреевна".into()),
        signer_position: Some("Генеральный директор".into()),
        bik: Some(bik),
        account: Some(account),
    }
}

/// Imports `file` for real; an error naming the first problems when it did not commit.
fn import(
    book: &mut Book,
    actor: &Actor,
    kind: ImportKind,
    file: &Path,
) -> Result<(), Box<dyn Error>> {
    let options = ImportOptions {
        kind,
        path: file.to_owned(),
        sheet: None,
        program: None,
        dry_run: false,
        lang: Lang::En,
    };
    let report = run_import(book, &options, actor, &mut |_| true)?;
    if !report.committed {
        let first: Vec<String> = report
            .problems
            .iter()
            .take(5)
            .map(|p| p.render(Lang::En))
            .collect();
        return Err(format!(
            "the generated {} did not import ({} problems): {}",
            file.display(),
            report.problems.len(),
            first.join("; ")
        )
        .into());
    }
    Ok(())
}

/// Makes the book in `dir` (its files beside it) with up to `count` acts.
pub fn generate(dir: &Path, count: usize, seed: u64) -> Result<ActsBook, Box<dyn Error>> {
    let start = Instant::now();
    let mut rng = StdRng::seed_from_u64(seed);
    let path = dir.join("book.sqlite");
    crate::remove_book(&path)?;
    let mut book = Book::open(&path)?;
    let actor = Actor::new("partnerbook-bench", made_at());
    let change = vendor(&mut rng);
    book.write(|tx| set_vendor(tx, &actor, change))?;

    let partners = dir.join("partners.csv");
    let clients = dir.join("clients.csv");
    let billing = dir.join("billing.csv");
    let vat_payers = write_partners(&partners, count, &mut rng)?;
    let payments = write_clients_and_billing(&clients, &billing, count, &mut rng)?;
    import(&mut book, &actor, ImportKind::Partners, &partners)?;
    import(&mut book, &actor, ImportKind::Clients, &clients)?;
    import(&mut book, &actor, ImportKind::Billing, &billing)?;

    let conversions =
        book.write(|tx| convert_ready(tx, &actor, act_day(), Some("bitrix24"), &mut |_| true))?;
    let acts = conversions.into_iter().map(|c| c.number).collect();
    Ok(ActsBook {
        book,
        path,
        acts,
        partners: count,
        vat_payers,
        payments,
        took: start.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerbook_core::acts::{act_file, ActFormat};

    #[test]
    fn every_partner_gets_an_act_whose_edo_xml_is_made() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let made = generate(dir.path(), 24, 7).expect("the book");
        assert_eq!(made.acts.len(), 24);
        assert_eq!(made.vat_payers, 12);
        for number in &made.acts {
            let xml = act_file(made.book.db(), number, ActFormat::Xml, made_at())
                .unwrap_or_else(|e| panic!("act {number}: {e}"));
            assert!(xml.bytes.starts_with(b"<?xml"), "act {number}");
        }
    }
}
