fn main() {
    // The built UI is embedded in the binary; without this a UI-only change would leave an
    // old UI in a release build that cargo thinks is up to date.
    println!("cargo:rerun-if-changed=../ui/dist");
    // Only the app's own commands exist, and each gets an allow-/deny- permission that the
    // capability in capabilities/ must list explicitly.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "list_profiles",
            "create_profile",
            "unlock",
            "lock",
            "session_status",
            "set_profile_language",
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
            "passphrase_strength",
            "suggest_words",
            "recover",
            "save_recovery_code",
            "change_passphrase",
            "replace_recovery_code",
            "get_settings",
            "save_settings",
            "resource_marks",
            "mark_resource",
            "plan_matters",
            "list_plans",
            "list_notes",
            "save_note",
            "policy_guide",
            "get_policy",
            "save_policy",
            "export_policy",
            "learning_log",
            "add_learning",
            "export_learning_log",
            "sharing_overview",
            "withdraw_consent",
            "preview_service",
            "connect_service",
            "give_consent",
            "share_with_service",
            "send_now",
            "export_everything",
            "delete_profile",
        ]),
    ))
    .expect("tauri build step");
}
