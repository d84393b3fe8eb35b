//! Calling the app's commands from the page, as the UI does
//! (`window.__TAURI_INTERNALS__.invoke`), to test the IPC boundary itself.

use fantoccini::Client;
use serde_json::{json, Value};

/// `Ok(answer)` or `Err(error)` of `invoke(command, args)` in the window.
pub async fn invoke(client: &Client, command: &str, args: Value) -> Result<Value, Value> {
    let script = r#"
        const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__
            .invoke(command, args)
            .then((ok) => done({ ok }), (err) => done({ err: err ?? null }));
    "#;
    let answer = client
        .execute_async(script, vec![json!(command), args])
        .await
        .unwrap_or_else(|e| panic!("invoke {command}: {e}"));
    match answer {
        Value::Object(mut map) if map.contains_key("ok") => {
            Ok(map.remove("ok").unwrap_or(Value::Null))
        }
        Value::Object(mut map) => Err(map.remove("err").unwrap_or(Value::Null)),
        other => panic!("invoke {command}: unexpected answer {other}"),
    }
}
