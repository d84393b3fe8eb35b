//! The three lists of commands agree: those `build.rs` declares (only they can be
//! allowed), those the capability allows, and those `main.rs` registers.

use std::collections::BTreeSet;
use std::path::Path;

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The quoted names between `const COMMANDS` and the end of the list in build.rs.
fn declared() -> BTreeSet<String> {
    let build = read("build.rs");
    let start = build
        .find("const COMMANDS")
        .expect("build.rs declares COMMANDS");
    let list = &build[start..];
    let list = &list[..list.find("];").expect("the COMMANDS list ends")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn allowed() -> BTreeSet<String> {
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("capability JSON");
    capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

fn registered() -> BTreeSet<String> {
    let main = read("src/main.rs");
    let start = main
        .find("generate_handler![")
        .expect("main.rs registers commands");
    let list = &main[start..];
    let list = &list[..list.find(']').expect("the handler list ends")];
    list.split(',')
        .filter_map(|item| item.trim().rsplit("::").next())
        .filter(|name| !name.is_empty() && !name.contains('['))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_declared_command_is_allowed_and_registered() {
    let declared = declared();
    assert_eq!(declared.len(), 59, "{declared:?}");
    assert_eq!(allowed(), declared, "capabilities/main.json vs build.rs");
    assert_eq!(registered(), declared, "main.rs vs build.rs");
}

#[test]
fn the_capability_grants_nothing_else_but_events() {
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("capability JSON");
    let others: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(others, ["core:event:default"]);
}

#[test]
fn the_csp_is_strict() {
    let config: serde_json::Value =
        serde_json::from_str(&read("tauri.conf.json")).expect("config JSON");
    let csp = config["app"]["security"]["csp"].as_str().expect("a CSP");
    assert!(csp.starts_with("default-src 'self';"), "{csp}");
    assert!(
        !csp.contains("http://*") && !csp.contains("https:"),
        "no remote content: {csp}"
    );
    assert_eq!(config["app"]["windows"][0]["title"], "Partnerbook");
}
