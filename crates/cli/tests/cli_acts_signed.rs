//! `act import-signed`, `act show --json` with signatures, `act signed`: an act's signed
//! package from EDO on the command line, with keys and signatures made by OpenSSL's gost
//! engine at test time.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use partnerbook_signature::openssl_fixtures::{Bits, Dn, Identity};
use serde_json::json;

fn today_moscow() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(3))
        .format("%Y-%m-%d")
        .to_string()
}

/// The fixtures' book with a draft act of P-1 (an ООО) and the EDO XML saved from it.
fn scene() -> (Scene, String, PathBuf) {
    let scene = scene_with_clients();
    set_vendor(&scene);
    set_edo_partner_p1(&scene);
    let today = today_moscow();
    scene.ok(&[
        "adjust",
        "--partner",
        "P-1",
        "--date",
        "2026-01-10",
        "--amount",
        "6000",
        "--reason",
        "перенос остатка",
    ]);
    let act = scene
        .ok(&["convert", "--partner", "P-1", "--date", &today, "--json"])
        .json()["number"]
        .as_str()
        .expect("a number")
        .to_owned();
    let out = scene.dir.path().join("edo");
    let saved = scene.ok(&["act", "xml", &act, "--out", &out.to_string_lossy()]);
    let xml = PathBuf::from(saved.stdout.trim());
    (scene, act, xml)
}

fn identity(dir: &Path, name: &str, o: &'static str, inn: &'static str) -> Identity {
    Identity::self_signed(
        dir,
        name,
        Bits::B256,
        "B",
        &Dn {
            cn: Some(o),
            sn: Some("Петров"),
            gn: Some("Пётр Петрович"),
            o: Some(o),
            inn_le: Some(inn),
            ..Dn::default()
        },
    )
}

/// A package folder with the seller's title signed by `signer` (DER).
fn package(scene: &Scene, name: &str, xml: &Path, content: &[u8], signer: &Identity) -> String {
    let dir = scene.dir.path().join(name);
    std::fs::create_dir_all(&dir).expect("a folder");
    let file = xml
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    std::fs::write(dir.join(&file), content).expect("written");
    std::fs::write(dir.join(format!("{file}.sig")), signer.sign(content, &[])).expect("written");
    dir.to_string_lossy().into_owned()
}

#[test]
fn a_signed_package_sends_the_act_and_act_show_lists_its_signature() {
    let (scene, act, xml) = scene();
    let keys_dir = tempfile::tempdir().expect("a folder");
    let partner = identity(keys_dir.path(), "p1", "ООО «Альфа»", "7707083893");
    let bytes = std::fs::read(&xml).expect("the XML");
    let path = package(&scene, "signed", &xml, &bytes, &partner);

    let done = scene.ok(&["act", "import-signed", &path, "--json"]).json();
    assert_eq!(
        keys(&done),
        ["act", "added", "signatures", "status", "status_before"]
    );
    assert_eq!(done["status"], json!("sent"));
    let shown = scene.ok(&["act", "show", &act, "--json"]).json();
    assert_eq!(shown["status"], json!("sent"));
    assert_eq!(shown["sent"], json!(today_moscow()));
    let signature = &shown["signatures"][0];
    assert_eq!(
        keys(signature),
        [
            "inn",
            "ogrn",
            "organization",
            "role",
            "serial",
            "signed_at",
            "signer",
            "valid_from",
            "valid_to"
        ]
    );
    assert_eq!(signature["role"], json!("seller"));
    assert_eq!(signature["signer"], json!("Петров Пётр Петрович"));
    assert_eq!(signature["organization"], json!("ООО «Альфа»"));
    assert_eq!(signature["inn"], json!("7707083893"));
    assert_eq!(signature["serial"], json!(partner.serial()));
    let signed_at = signature["signed_at"].as_str().expect("a time");
    assert!(
        signed_at.starts_with(&today_moscow()) && signed_at.ends_with("+03:00"),
        "{signed_at}"
    );

    let again = scene.ok(&["act", "import-signed", &path]);
    assert!(again.stdout.contains("уже загружен"), "{again:?}");

    let pdf = scene.dir.path().join("signed-act.pdf");
    scene.ok(&["act", "signed", &act, "--out", &pdf.to_string_lossy()]);
    assert!(scene.dir.path().join("signed-act.zip").is_file());
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Документ подписан электронной подписью"),
        "{text}"
    );
    assert!(text.contains(&partner.serial()), "{text}");
}

#[test]
fn a_tampered_title_is_refused_with_its_reason_and_nothing_changes() {
    let (scene, act, xml) = scene();
    let keys_dir = tempfile::tempdir().expect("a folder");
    let partner = identity(keys_dir.path(), "p1", "ООО «Альфа»", "7707083893");
    let mut bytes = std::fs::read(&xml).expect("the XML");
    let at = bytes.len() / 2;
    bytes[at] = b'7';
    let path = package(&scene, "tampered", &xml, &bytes, &partner);
    let run = scene.run(&["--lang", "en", "act", "import-signed", &path]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("differs from the one the book made"),
        "{run:?}"
    );
    let shown = scene.ok(&["act", "show", &act, "--json"]).json();
    assert_eq!(shown["status"], json!("draft"));
    assert_eq!(shown["signatures"], json!([]));
    let unsigned = scene.run(&["act", "signed", &act, "--out", "x.pdf"]);
    assert_eq!(unsigned.code, 1, "{unsigned:?}");
    assert!(
        unsigned.stderr.contains("нет электронных подписей"),
        "{unsigned:?}"
    );
}
