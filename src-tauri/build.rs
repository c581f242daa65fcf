fn main() {
    // The built UI is embedded in the binary; without this a UI-only change would leave an
    // old UI in a release build that cargo thinks is up to date.
    println!("cargo:rerun-if-changed=../ui/dist");
    println!("cargo:rerun-if-changed=capabilities/main-window.json");
    // Only the app's own commands exist, each with an allow-/deny- permission. Their names come
    // from the capability file, which is generated from the application layer's one command
    // list (src/capability.rs checks it is current), so no name is written here.
    let capability = std::fs::read_to_string("capabilities/main-window.json").expect("capabilities/main-window.json");
    let commands: Vec<String> = capability
        .lines()
        .filter_map(|l| l.trim().trim_end_matches(',').strip_prefix("\"allow-")?.strip_suffix('"').map(|n| n.replace('-', "_")))
        .collect();
    let commands: Vec<&'static str> = commands.into_iter().map(|c| &*Box::leak(c.into_boxed_str())).collect();
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(Box::leak(commands.into_boxed_slice()))),
    )
    .expect("tauri build step");
}
