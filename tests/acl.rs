//! The three lists that must agree for a command to work from the window:
//! the handler table (`lib.rs`), the app manifest (`build.rs`) and the
//! window's capability. A command missing from either of the last two is
//! refused at run time, which only the e2e suite would otherwise notice.

use std::collections::BTreeSet;

fn quoted_commands(text: &str, start: &str) -> BTreeSet<String> {
    let from = text.find(start).expect("the list start");
    let to = from + text[from..].find("];").expect("the list end");
    text[from..to].split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn every_command_is_registered_listed_and_granted() {
    let root = env!("CARGO_MANIFEST_DIR");
    let lib = std::fs::read_to_string(format!("{root}/src-tauri/src/lib.rs")).unwrap();
    let build = std::fs::read_to_string(format!("{root}/src-tauri/build.rs")).unwrap();
    let capability: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/src-tauri/capabilities/main.json")).unwrap())
            .unwrap();

    let handled: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::"))
        .filter_map(|l| l.trim_end_matches(',').rsplit("::").next().map(str::to_owned))
        .collect();
    let listed = quoted_commands(&build, "const COMMANDS");
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect();

    assert!(!handled.is_empty());
    assert_eq!(handled, listed, "generate_handler! and build.rs COMMANDS differ");
    assert_eq!(listed, granted, "build.rs COMMANDS and capabilities/main.json differ");
}
