//! Signed packages from EDO (FORMATS.md "Signed acts from EDO"), with keys, certificates
//! and signatures made by OpenSSL's gost engine at test time: a valid package signs the
//! act on the signing days and keeps the signatures; every bad package is refused with
//! its reason and changes nothing; the same package again changes nothing; the signed
//! act's PDF carries the stamps.

mod common;

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, NaiveDate, Utc};
use common::*;
use partnerbook_core::acts::{
    act_file, act_step, convert, get_act, import_signed, read_package, register_file,
    signatures_of, signed_act_files, statement_file, ActFormat, ActStatus, ActStep, ConvertRequest,
    RegisterFormat, SignedImport,
};
use partnerbook_core::documents::SignerRole;
use partnerbook_core::partners::PartnerInput;
use partnerbook_core::store::Book;
use partnerbook_core::Error;
use partnerbook_signature::openssl_fixtures::{Bits, Dn, Identity};

fn moscow_today() -> NaiveDate {
    Utc::now()
        .with_timezone(&FixedOffset::east_opt(3 * 3600).expect("UTC+3"))
        .date_naive()
}

/// A book with one draft act of the partner P-A and the EDO file it made.
struct Scene {
    book: Book,
    act: String,
    xml_name: String,
    xml: Vec<u8>,
    dir: tempfile::TempDir,
    partner: Identity,
    vendor: Identity,
}

fn person(o: &'static str, inn_le: &'static str, sn: &'static str, gn: &'static str) -> Dn {
    Dn {
        cn: Some(o),
        sn: Some(sn),
        gn: Some(gn),
        o: Some(o),
        title: Some("Генеральный директор"),
        inn_le: Some(inn_le),
        ogrn: Some("1027700132195"),
        ..Dn::default()
    }
}

fn scene() -> Scene {
    let mut book = book();
    set_vendor(&mut book);
    let actor = actor();
    book.write(|tx| {
        partnerbook_core::vendor::set_vendor(
            tx,
            &actor,
            partnerbook_core::vendor::Vendor {
                edo_id: s("2BE-VENDOR"),
                ..Default::default()
            },
        )
    })
    .expect("the vendor's EDO id");
    add_partner(
        &mut book,
        PartnerInput {
            contract_no: s("П-1/2025"),
            contract_date: s("2025-01-15"),
            address: s("Москва, ул. Вавилова, 19"),
            signer: s("Петров Пётр Петрович"),
            signer_position: s("Генеральный директор"),
            edo_id: s("2BE-PARTNER"),
            ..ooo("P-A", "bitrix24", INN_SBER, "ALFA")
        },
    );
    bitrix_client_paying(&mut book, "B-1", "ALFA", "20000");
    let request = ConvertRequest {
        partner: "P-A".into(),
        date: moscow_today(),
        amount: None,
        payout_kind: None,
        key: None,
    };
    let act = book
        .write(|tx| convert(tx, &actor, &request))
        .expect("a conversion")
        .number;
    let now = Utc::now().naive_utc();
    let file = book
        .write(|tx| act_file(tx, &act, ActFormat::Xml, now))
        .expect("the EDO XML");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let partner = Identity::self_signed(
        dir.path(),
        "partner",
        Bits::B256,
        "A",
        &person("ООО «Партнёр P-A»", INN_SBER, "Петров", "Пётр Петрович"),
    );
    let vendor = Identity::self_signed(
        dir.path(),
        "vendor",
        Bits::B512,
        "A",
        &person("ООО «Вендор»", INN_TBANK, "Смирнова", "Анна Павловна"),
    );
    Scene {
        book,
        act,
        xml_name: file.name,
        xml: file.bytes,
        dir,
        partner,
        vendor,
    }
}

/// The buyer's title naming `seller` (a file name).
fn buyer_title(seller: &str) -> (String, Vec<u8>) {
    let id = seller.trim_end_matches(".xml");
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<Файл ИдФайл=\"ON_NSCHFDOPPOK_2BE-PARTNER_2BE-VENDOR_1\" ИдФайлИнфПр=\"{id}\"><ИнфПок/></Файл>\n"
    );
    (
        "ON_NSCHFDOPPOK_2BE-PARTNER_2BE-VENDOR_1.xml".into(),
        encoding_rs::WINDOWS_1251.encode(&xml).0.into_owned(),
    )
}

/// A folder `name` holding `files`.
fn folder(scene: &Scene, name: &str, files: &[(String, Vec<u8>)]) -> PathBuf {
    let dir = scene.dir.path().join(name);
    std::fs::create_dir_all(&dir).expect("a folder");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("written");
    }
    dir
}

fn signed_by_partner(scene: &Scene) -> Vec<(String, Vec<u8>)> {
    vec![
        (scene.xml_name.clone(), scene.xml.clone()),
        (
            format!("{}.sig", scene.xml_name),
            scene.partner.sign(&scene.xml, &[]),
        ),
    ]
}

fn signed_by_both(scene: &Scene) -> Vec<(String, Vec<u8>)> {
    with_vendor(scene, signed_by_partner(scene))
}

/// The partner's files with the buyer's title and the vendor's signature (Base64) added.
fn with_vendor(scene: &Scene, mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    let (buyer, bytes) = buyer_title(&scene.xml_name);
    let base64 = scene.vendor.sign(&bytes, &["-outform", "PEM"]);
    files.push((format!("{buyer}.p7s"), base64));
    files.push((buyer, bytes));
    files.push(("receipt.xml".into(), b"<receipt/>".to_vec()));
    files
}

fn load(scene: &mut Scene, path: &Path) -> Result<SignedImport, Error> {
    let actor = actor();
    scene.book.write(|tx| import_signed(tx, &actor, path))
}

fn refused(scene: &mut Scene, path: &Path) -> (String, String) {
    let before = get_act(scene.book.db(), &scene.act).expect("the act");
    let error = load(scene, path).expect_err("refused");
    let after = get_act(scene.book.db(), &scene.act).expect("the act");
    assert_eq!(before, after, "nothing changed");
    assert!(signatures_of(scene.book.db(), &scene.act)
        .expect("signatures")
        .is_empty());
    (
        error.code().to_owned(),
        error.message(partnerbook_core::Lang::Ru),
    )
}

#[test]
fn a_package_signed_by_both_signs_the_act_and_keeps_what_the_certificates_say() {
    let mut scene = scene();
    let path = folder(&scene, "both", &signed_by_both(&scene));
    let done = load(&mut scene, &path).expect("a valid package");
    assert_eq!(done.status_before, ActStatus::Draft);
    assert_eq!(done.status, ActStatus::Signed);
    assert_eq!(done.added.len(), 2);
    let act = get_act(scene.book.db(), &scene.act).expect("the act");
    assert_eq!(act.sent, Some(moscow_today()));
    assert_eq!(act.signed, Some(moscow_today()));
    let signatures = signatures_of(scene.book.db(), &scene.act).expect("signatures");
    let seller = &signatures[0];
    assert_eq!(seller.role, SignerRole::Seller);
    assert_eq!(seller.signer, "Петров Пётр Петрович");
    assert_eq!(seller.organization.as_deref(), Some("ООО «Партнёр P-A»"));
    assert_eq!(seller.inn.as_deref(), Some(INN_SBER));
    assert_eq!(seller.ogrn.as_deref(), Some("1027700132195"));
    assert_eq!(seller.serial, scene.partner.serial());
    assert_eq!(seller.signed_at.offset().local_minus_utc(), 3 * 3600);
    assert!(seller.valid_from <= seller.signed_at && seller.signed_at <= seller.valid_to);
    let buyer = &signatures[1];
    assert_eq!(buyer.role, SignerRole::Buyer);
    assert_eq!(buyer.signer, "Смирнова Анна Павловна");
    assert_eq!(buyer.serial, scene.vendor.serial());

    // The same package again changes nothing.
    let again = load(&mut scene, &path).expect("the same package");
    assert!(again.added.is_empty());
    assert_eq!(get_act(scene.book.db(), &scene.act).expect("the act"), act);
}

#[test]
fn the_partners_signature_alone_sends_the_act_and_the_vendors_later_signs_it_from_a_zip() {
    let mut scene = scene();
    let partner_files = signed_by_partner(&scene);
    let partner_only = folder(&scene, "partner", &partner_files);
    let done = load(&mut scene, &partner_only).expect("the partner's signature");
    assert_eq!(done.status, ActStatus::Sent);
    assert_eq!(done.signatures.len(), 1);

    let zip = scene.dir.path().join("both.zip");
    let files = with_vendor(&scene, partner_files.clone());
    std::fs::write(
        &zip,
        partnerbook_core::documents::zip_files(&files).expect("a zip"),
    )
    .expect("written");
    let done = load(&mut scene, &zip).expect("the whole package");
    assert_eq!(done.status_before, ActStatus::Sent);
    assert_eq!(done.status, ActStatus::Signed);
    assert_eq!(done.added.len(), 1, "only the vendor's is new");
    // A partner's signature other than the one the act holds is refused.
    let resigned = folder(&scene, "resigned", &signed_by_both(&scene));
    let error = load(&mut scene, &resigned).expect_err("another signature");
    assert_eq!(error.code(), "act_signed_otherwise");

    // The archive copy beside the signed PDF is the package as it came.
    let (pdf, archive) = signed_act_files(scene.book.db(), &scene.act).expect("signed files");
    let saved = scene.dir.path().join(&archive.name);
    std::fs::write(&saved, &archive.bytes).expect("written");
    let back = read_package(&saved).expect("the archive reads as a package");
    assert_eq!(back.seller.bytes, scene.xml);
    assert_eq!(
        back.buyer.expect("the buyer's title").name,
        buyer_title(&scene.xml_name).0
    );

    let pdf_path = scene.dir.path().join(&pdf.name);
    std::fs::write(&pdf_path, &pdf.bytes).expect("written");
    let text = pdftotext(&pdf_path);
    assert_eq!(
        text.matches("Документ подписан электронной подписью")
            .count(),
        2,
        "{text}"
    );
    for expected in [
        scene.partner.serial(),
        scene.vendor.serial(),
        "Владелец: Петров Пётр Петрович".to_owned(),
        "Владелец: Смирнова Анна Павловна".to_owned(),
        format!("Подписан: {}", moscow_today().format("%d.%m.%Y")),
        "(МСК)".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected}: {text}");
    }
    assert_eq!(pages(&pdf_path), 1, "a one-line act stays one page");

    // The statement and the payout register list the signing day.
    let act = get_act(scene.book.db(), &scene.act).expect("the act");
    let signed_words = format!("подписан {} (ЭП)", moscow_today().format("%d.%m.%Y"));
    let month = act
        .pay_due
        .expect("a payout due day")
        .format("%Y-%m")
        .to_string();
    let now = Utc::now().naive_utc();
    let register =
        register_file(scene.book.db(), &month, RegisterFormat::Pdf, now).expect("the register");
    let statement = statement_file(
        scene.book.db(),
        "P-A",
        moscow_today(),
        moscow_today(),
        moscow_today(),
    )
    .expect("the statement");
    for file in [register, statement] {
        let path = scene.dir.path().join(&file.name);
        std::fs::write(&path, &file.bytes).expect("written");
        let text = pdftotext(&path).replace('\u{a0}', " ");
        assert!(
            text.contains(&signed_words) || text.replace('\n', " ").contains(&signed_words),
            "{}: {text}",
            file.name
        );
    }
}

#[test]
fn a_changed_title_a_signature_of_other_bytes_and_a_file_the_book_never_made_are_refused() {
    let mut scene = scene();
    let mut tampered = scene.xml.clone();
    let at = tampered.len() - 20;
    tampered[at] ^= 0x01;
    let files = vec![
        (scene.xml_name.clone(), tampered.clone()),
        (
            format!("{}.sig", scene.xml_name),
            scene.partner.sign(&tampered, &[]),
        ),
    ];
    let path = folder(&scene, "tampered", &files);
    let (code, message) = refused(&mut scene, &path);
    assert_eq!(code, "edo_title_changed", "{message}");
    assert!(message.contains(&scene.act), "{message}");

    let files = vec![
        (scene.xml_name.clone(), scene.xml.clone()),
        (
            format!("{}.sgn", scene.xml_name),
            scene.partner.sign(b"other bytes", &[]),
        ),
    ];
    let path = folder(&scene, "other-bytes", &files);
    let (code, message) = refused(&mut scene, &path);
    assert_eq!(code, "signature_digest", "{message}");
    assert!(message.contains(".sgn"), "names the file: {message}");

    let stranger = scene.xml_name.replace("ON_NSCHFDOPPR_", "ON_NSCHFDOPPR_X");
    let files = vec![
        (
            stranger.clone(),
            b"<?xml version=\"1.0\"?><\xd4\xe0\xe9\xeb \xc8\xe4\xd4\xe0\xe9\xeb=\"X\"/>".to_vec(),
        ),
        (format!("{stranger}.sig"), scene.partner.sign(b"x", &[])),
    ];
    let path = folder(&scene, "stranger", &files);
    assert_eq!(refused(&mut scene, &path).0, "edo_unknown_file");

    let path = folder(
        &scene,
        "unsigned",
        &[(scene.xml_name.clone(), scene.xml.clone())],
    );
    assert_eq!(refused(&mut scene, &path).0, "package_no_signature");
    let junk = scene.dir.path().join("junk.zip");
    std::fs::write(&junk, b"not a zip at all").expect("written");
    assert_eq!(refused(&mut scene, &junk).0, "package_unreadable");
}

#[test]
fn an_expired_certificate_or_someone_elses_signature_is_refused() {
    let mut scene = scene();
    let ca = Identity::self_signed(scene.dir.path(), "ca", Bits::B256, "A", &Dn::ca());
    let expired = Identity::issued(
        &ca,
        "expired",
        Bits::B256,
        "A",
        &person("ООО «Партнёр P-A»", INN_SBER, "Петров", "Пётр Петрович"),
        ("20200101000000Z", "20210101000000Z"),
    );
    let files = vec![
        (scene.xml_name.clone(), scene.xml.clone()),
        (
            format!("{}.sig", scene.xml_name),
            expired.sign(&scene.xml, &[]),
        ),
    ];
    let path = folder(&scene, "expired", &files);
    let (code, message) = refused(&mut scene, &path);
    assert_eq!(code, "certificate_expired", "{message}");

    let files = vec![
        (scene.xml_name.clone(), scene.xml.clone()),
        (
            format!("{}.sig", scene.xml_name),
            scene.vendor.sign(&scene.xml, &[]),
        ),
    ];
    let path = folder(&scene, "vendor-as-seller", &files);
    let (code, message) = refused(&mut scene, &path);
    assert_eq!(code, "signature_other_party", "{message}");
    assert!(
        message.contains(INN_SBER) && message.contains(INN_TBANK),
        "{message}"
    );
}

#[test]
fn a_rejected_act_takes_no_signatures() {
    let mut scene = scene();
    let actor = actor();
    let act = scene.act.clone();
    scene
        .book
        .write(|tx| {
            act_step(
                tx,
                &actor,
                &act,
                &ActStep::Reject(moscow_today(), "ошибка".into()),
            )
        })
        .expect("rejected");
    let path = folder(&scene, "late", &signed_by_both(&scene));
    let before = get_act(scene.book.db(), &scene.act).expect("the act");
    assert_eq!(
        load(&mut scene, &path).expect_err("refused").code(),
        "act_rejected"
    );
    assert_eq!(
        get_act(scene.book.db(), &scene.act).expect("the act"),
        before
    );
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/setup.sh installs poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}
