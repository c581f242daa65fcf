fn main() {
    // Only the app's own commands exist, and each gets an allow-/deny- permission that the
    // capability in capabilities/ must list explicitly.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "list_profiles",
            "create_profile",
            "unlock",
            "lock",
            "session_status",
            "quick_exit",
            "question_set",
            "helplines",
            "list_statements",
            "start_statement",
            "save_answer",
            "save_words",
            "set_statement_status",
            "search_library",
            "get_resource",
        ]),
    ))
    .expect("tauri build step");
}
