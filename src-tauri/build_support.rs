// The build step both desktop shells share (`include!`d by src-tauri/build.rs and
// src-worker/build.rs): each window's commands get an allow-/deny- permission, named from its
// capability file, which is generated from its edition's one command list in the application
// layer (each crate's capability test checks it is current), so no command name is written here.
fn build_window(capability_file: &str, ui_dist: &str) {
    // The built UI is embedded in the binary; without this a UI-only change would leave an
    // old UI in a release build that cargo thinks is up to date.
    println!("cargo:rerun-if-changed={ui_dist}");
    println!("cargo:rerun-if-changed={capability_file}");
    let capability = std::fs::read_to_string(capability_file).unwrap_or_else(|e| panic!("{capability_file}: {e}"));
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
