//! `capabilities/main-window.json` is made from the application layer's command list: one
//! `allow-` permission per declared command and nothing else. `build.rs` reads the same file to
//! give each command its permission, so adding a command is one declaration and this file
//! regenerated (`UPDATE_BINDINGS=1 cargo test -p waymark-app`).

/// The capability file as it must be.
pub fn main_window_capability() -> String {
    let permissions: Vec<String> =
        waymark_commands::COMMANDS.iter().map(|c| format!("allow-{}", c.name.replace('_', "-"))).collect();
    let capability = serde_json::json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": "main-window",
        "description": "The main window may call exactly these Waymark commands, and nothing else: no shell, file-system or HTTP access.",
        "windows": ["main"],
        "permissions": permissions,
    });
    serde_json::to_string_pretty(&capability).expect("JSON") + "\n"
}

#[test]
fn the_capability_allows_exactly_the_declared_commands() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/main-window.json");
    waymark_commands::generated::check_current(&path, &main_window_capability(), "cargo test -p waymark-app");
}
