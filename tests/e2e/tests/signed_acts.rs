//! A signed package from EDO in the app: on the demo book, the EDO XML the book made for a
//! draft act comes back signed by the partner and the vendor (keys and signatures made by
//! OpenSSL's gost engine); «Загрузить подписанный пакет» (the path typed, as the import
//! tests do instead of the native dialog) signs the act, its dialog shows who signed, and
//! the signed act's PDF is saved with the stamps and the package beside it.

use std::path::{Path, PathBuf};

use partnerbook_core::acts::{act_file, ActFormat, ActQuery, ActRow, ActStatus};
use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::demo::fill_demo;
use partnerbook_core::documents::zip_files;
use partnerbook_core::store::Book;
use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::ui::{click, open_section, text_of, wait_testid, wait_until, SETTLE};
use partnerbook_e2e::App;
use partnerbook_signature::openssl_fixtures::{Bits, Dn, Identity};
use serde_json::json;

/// What the prepared book holds for the test: the act, the package, who signed.
struct Prepared {
    act: ActRow,
    package: PathBuf,
    partner_signer: &'static str,
    serial: String,
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// A key and certificate of the company with ИНН `inn`, its director `surname given`.
fn identity(
    dir: &Path,
    name: &str,
    company: &str,
    inn: &str,
    who: (&'static str, &'static str),
) -> Identity {
    let (inn, inn_le) = if inn.len() == 12 {
        (Some(leak(inn.to_owned())), None)
    } else {
        (None, Some(leak(inn.to_owned())))
    };
    Identity::self_signed(
        dir,
        name,
        Bits::B256,
        "A",
        &Dn {
            cn: Some(leak(company.to_owned())),
            sn: Some(who.0),
            gn: Some(who.1),
            o: Some(leak(company.to_owned())),
            inn,
            inn_le,
            ..Dn::default()
        },
    )
}

/// The demo book; a draft act whose EDO XML the book makes; that XML signed by the
/// partner and a buyer's title signed by the vendor, zipped beside the book.
fn demo_and_package(path: &Path) -> Prepared {
    let mut book = Book::open(path).expect("a new book");
    let now = chrono::Local::now().naive_local();
    let actor = Actor::new("demo", now);
    fill_demo(&mut book, &actor).expect("demo data");
    let query = ActQuery {
        status: Some(ActStatus::Draft),
        limit: Some(500),
        ..ActQuery::default()
    };
    let drafts = api::acts_page(&book, &query, now.date())
        .expect("the drafts")
        .rows;
    let (act, xml) = drafts
        .into_iter()
        .find_map(|act| {
            let xml = book
                .write(|tx| act_file(tx, &act.number, ActFormat::Xml, now))
                .ok()?;
            Some((act, xml))
        })
        .expect("a draft act with every requisite the EDO XML needs");
    let partner = api::partner(&book, &act.partner).expect("its partner");
    let vendor = api::vendor(&book).expect("the vendor");
    let dir = path.with_file_name("keys");
    std::fs::create_dir_all(&dir).expect("a folder for the keys");
    let seller = identity(
        &dir,
        "partner",
        &partner.name,
        partner.inn.as_deref().expect("the partner's ИНН"),
        ("Кузнецова", "Мария Сергеевна"),
    );
    let buyer = identity(
        &dir,
        "vendor",
        vendor.name.as_deref().expect("the vendor's name"),
        vendor.inn.as_deref().expect("the vendor's ИНН"),
        ("Орлов", "Андрей Викторович"),
    );
    let file_id = xml.name.trim_end_matches(".xml");
    let title = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<Файл ИдФайл=\"ON_NSCHFDOPPOK_{}\" ИдФайлИнфПр=\"{file_id}\"/>\n",
        act.number
    );
    let title = partnerbook_core::documents::sample_statement::windows_1251(&title);
    let buyer_name = format!("ON_NSCHFDOPPOK_{}.xml", act.number);
    let files = vec![
        (format!("{}.sig", xml.name), seller.sign(&xml.bytes, &[])),
        (xml.name.clone(), xml.bytes.clone()),
        (
            format!("{buyer_name}.sgn"),
            buyer.sign(&title, &["-outform", "PEM"]),
        ),
        (buyer_name, title),
    ];
    let package = path.with_file_name(format!("{}-signed.zip", act.number));
    std::fs::write(&package, zip_files(&files).expect("a zip")).expect("the package");
    Prepared {
        act,
        package,
        partner_signer: "Кузнецова Мария Сергеевна",
        serial: seller.serial(),
    }
}

#[tokio::test]
async fn a_signed_package_signs_the_act_and_the_signed_pdf_carries_the_stamps() {
    let mut prepared = None;
    let app = App::start_with("signed_acts", |path| {
        prepared = Some(demo_and_package(path))
    })
    .await;
    let prepared = prepared.expect("the package");
    let c = &app.client;
    let number = &prepared.act.number;
    let row = format!("[data-testid='act-row-{number}']");

    open_section(c, "acts").await;
    wait_testid(c, "acts-table").await;
    click(c, "acts-signed-package-open").await;
    wait_testid(c, "signed-package-path")
        .await
        .send_keys(prepared.package.to_str().expect("a UTF-8 path"))
        .await
        .expect("type the path");
    click(c, "signed-package-load").await;
    let done = wait_testid(c, "signed-package-done").await;
    let said = done.text().await.expect("the result");
    assert!(
        said.contains(&format!("Акт № {number}: подписей добавлено — 2")),
        "{said}"
    );
    assert!(said.contains(prepared.partner_signer), "{said}");
    assert!(said.contains(&prepared.serial), "{said}");
    tokio::time::sleep(SETTLE).await;
    app.screenshot("signed-package.png").await;
    click(c, "signed-package-close").await;

    wait_until("the act listed as signed", || async {
        text_of(c, &row).await.contains("подписан")
    })
    .await;
    let cell = format!("{row} [data-col='number']");
    c.execute(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
        vec![json!(cell)],
    )
    .await
    .expect("the act's row in view");
    c.find(fantoccini::Locator::Css(&cell))
        .await
        .expect("the act's row")
        .click()
        .await
        .expect("open the act");
    let seller = wait_testid(c, "act-signature-seller").await;
    let stamp = seller.text().await.expect("the stamp");
    assert!(stamp.contains(prepared.partner_signer), "{stamp}");
    assert!(text_of(c, "[data-testid='act-signature-buyer']")
        .await
        .contains("Орлов Андрей Викторович"));
    tokio::time::sleep(SETTLE).await;
    app.screenshot("act-dialog-signatures.png").await;

    // «Подписанный акт»: the save dialog cannot be driven, so the same command is called
    // with the place it would answer.
    let pdf = app
        .book()
        .with_file_name(format!("act-{number}-signed.pdf"));
    let saved = invoke(
        c,
        "save_signed_act",
        json!({ "act": prepared.act.act, "to": pdf.to_str() }),
    )
    .await
    .expect("saved");
    assert_eq!(saved, json!(pdf.to_str()));
    assert!(
        pdf.with_extension("zip").is_file(),
        "the package beside the PDF"
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(
        text.matches("Документ подписан электронной подписью")
            .count(),
        2,
        "{text}"
    );
    assert!(text.contains(&prepared.serial), "{text}");
    app.close().await;
}
