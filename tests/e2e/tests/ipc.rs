//! The IPC boundary: the page may call the app's own commands, errors come back as
//! `{code, message, problems}`, and anything not allowed is refused.

use partnerbook_e2e::ipc::invoke;
use partnerbook_e2e::App;
use serde_json::json;

#[tokio::test]
async fn the_page_calls_our_commands_and_nothing_else() {
    let app = App::start("ipc").await;
    let c = &app.client;

    let info = invoke(c, "app_info", json!({})).await.expect("app_info");
    assert_eq!(
        info["book"],
        json!({ "kind": "file", "path": app.book().display().to_string() }),
        "{info}"
    );
    assert_eq!(info["lang"], json!("ru"), "Russian by default: {info}");
    assert!(
        !info["operator"].as_str().unwrap_or_default().is_empty(),
        "{info}"
    );

    let programs = invoke(c, "programs", json!({})).await.expect("programs");
    assert_eq!(programs.as_array().map(Vec::len), Some(5), "{programs}");

    invoke(c, "set_lang", json!({ "lang": "en" }))
        .await
        .expect("set_lang");
    let info = invoke(c, "app_info", json!({})).await.expect("app_info");
    assert_eq!(info["lang"], json!("en"), "{info}");

    // An error is the core's DTO, never a bare string.
    let error = invoke(c, "partner_card", json!({ "partner": "NO-SUCH-PARTNER" }))
        .await
        .expect_err("no such partner");
    assert!(error["code"].is_string(), "{error}");
    assert!(error["message"].is_string(), "{error}");
    assert!(error["problems"].is_array(), "{error}");

    // Core window commands are not in the capability: refused.
    let refused = invoke(c, "plugin:window|set_title", json!({ "value": "x" })).await;
    let refused = refused.expect_err("set_title is not allowed");
    assert!(
        refused.as_str().unwrap_or_default().contains("not allowed"),
        "refused by the ACL: {refused}"
    );
    assert_eq!(c.title().await.expect("title"), "Partnerbook");

    app.close().await;
}
