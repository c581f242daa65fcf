//! A window's capability file is made from its edition's command list in the application layer:
//! one `allow-` permission per declared command and nothing else. `build.rs` reads the same file
//! to give each command its permission, so adding a command is one declaration and the file
//! regenerated (`UPDATE_BINDINGS=1 cargo test -p waymark-app -p waymark-worker-app`).

use waymark_commands::Edition;

/// The capability file of `edition`'s window, as it must be.
pub fn window_capability(edition: Edition) -> String {
    let permissions: Vec<String> = edition.commands().iter().map(|c| format!("allow-{}", c.name.replace('_', "-"))).collect();
    let (identifier, description) = match edition {
        Edition::Person => ("main-window", "The main window may call exactly these Waymark commands, and nothing else: no shell, file-system or HTTP access."),
        Edition::Worker => ("worker-window", "The worker app's window may call exactly these Waymark commands, and nothing else: no shell, file-system or HTTP access."),
    };
    let capability = serde_json::json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": identifier,
        "description": description,
        "windows": ["main"],
        "permissions": permissions,
    });
    serde_json::to_string_pretty(&capability).expect("JSON") + "\n"
}

#[test]
fn the_capability_allows_exactly_the_declared_commands() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/main-window.json");
    waymark_commands::generated::check_current(&path, &window_capability(Edition::Person), "cargo test -p waymark-app");
}
