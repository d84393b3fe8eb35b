//! The prepared books of the crash test: each the state a write starts from.

use std::path::PathBuf;

use crate::common::*;
use chrono::NaiveDate;
use partnerbook_core::documents::sample_statement::{
    from_windows_1251, statement_of_orders, windows_1251,
};
use partnerbook_signature::openssl_fixtures::{Bits, Dn, Identity};
use serde_json::json;

/// `rows` bitrix24 payments of the fixtures' clients B-100 and B-200.
pub fn billing(rows: usize) -> Vec<u8> {
    let mut csv =
        String::from("payment_id,program,date,client_id,amount,list_price,category,direct\n");
    for i in 0..rows {
        let client = ["B-100", "B-200"][i % 2];
        csv.push_str(&format!(
            "K-{i},bitrix24,2026-0{}-{:02},{client},{}.00,,tariff,\n",
            1 + i % 9,
            1 + i % 28,
            100 + i % 900
        ));
    }
    csv.into_bytes()
}

/// `with_balances` and P-1's act 2026-0001 (6 000.00 RUB), then `steps` run on it.
pub fn with_act(steps: &[&[&str]]) -> Scene {
    let scene = scene_with_balances();
    scene.ok(&["convert", "--partner", "P-1", "--date", "2026-03-31"]);
    for step in steps {
        scene.ok(step);
    }
    scene
}

/// P-1's act sent and signed, and the bank's statement of April's payment orders
/// debited on 07.04.2026 (a file in the scene's folder).
pub fn with_statement() -> (Scene, String) {
    let scene = with_act(&[
        &["act", "send", "2026-0001", "--date", "2026-04-01"],
        &["act", "sign", "2026-0001", "--date", "2026-04-02"],
    ]);
    let orders = scene.dir.path().join("orders.txt");
    scene.ok(&[
        "payouts",
        "--month",
        "2026-04",
        "--out",
        &orders.to_string_lossy(),
    ]);
    let orders = from_windows_1251(&std::fs::read(&orders).expect("the bank file"));
    let day = NaiveDate::from_ymd_opt(2026, 4, 7);
    let text = statement_of_orders(&orders, &|_| day, &[]);
    let file = scene.file("statement.txt", &windows_1251(&text));
    (scene, file.to_string_lossy().into_owned())
}

/// P-1's draft act made today and its EDO package: the seller's title signed by the
/// partner (a folder in the scene's).
pub fn with_signed_package() -> (Scene, String) {
    let scene = scene_with_balances();
    set_edo_partner_p1(&scene);
    let today = (chrono::Utc::now() + chrono::Duration::hours(3))
        .format("%Y-%m-%d")
        .to_string();
    let act = scene
        .ok(&["convert", "--partner", "P-1", "--date", &today, "--json"])
        .json()["number"]
        .as_str()
        .expect("a number")
        .to_owned();
    let out = scene.dir.path().join("edo");
    let saved = scene.ok(&["act", "xml", &act, "--out", &out.to_string_lossy()]);
    let xml = PathBuf::from(saved.stdout.trim());
    let signer = Identity::self_signed(
        scene.dir.path(),
        "partner",
        Bits::B256,
        "B",
        &Dn {
            cn: Some("ООО «Альфа»"),
            sn: Some("Петров"),
            gn: Some("Пётр Петрович"),
            o: Some("ООО «Альфа»"),
            inn_le: Some("7707083893"),
            ..Dn::default()
        },
    );
    let package = scene.dir.path().join("package");
    std::fs::create_dir_all(&package).expect("a folder");
    let name = xml
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    let content = std::fs::read(&xml).expect("the title");
    std::fs::write(package.join(&name), &content).expect("written");
    std::fs::write(
        package.join(format!("{name}.sig")),
        signer.sign(&content, &[]),
    )
    .expect("written");
    (scene, package.to_string_lossy().into_owned())
}

/// bitrix24's first version's rules with the first purchase paying `percent`, as a file.
pub fn bitrix_rules(scene: &Scene, percent: &str) -> String {
    let shown = scene.ok(&["program", "show", "bitrix24", "--json"]).json();
    let mut rules = shown["versions"][0]["rules"].clone();
    for reward in rules["rewards"].as_array_mut().expect("rewards") {
        if reward["rule"] == json!("first_purchase") {
            reward["percent"] = json!(percent);
        }
    }
    let text = serde_json::to_string(&rules).expect("JSON");
    let path = scene.file(&format!("rules-{percent}.json"), text.as_bytes());
    path.to_string_lossy().into_owned()
}
