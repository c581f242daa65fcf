//! Waymark for workers: the app a social worker, Independent Reviewing Officer, supervising
//! social worker or duty worker uses on their own laptop to read what the people they work with
//! shared, and answer. It is the shared desktop shell (`waymark_app::run`) over the worker's list
//! of commands, with its own configuration (name, window, data folder, package), capability and
//! UI (`ui/worker.html`). Like the person's shell it holds no rule: every one is in
//! `waymark-commands` and the crates below it.

// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    waymark_app::run(tauri::generate_context!(), waymark_app::Edition::Worker);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_capability_allows_exactly_the_worker_commands() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/worker-window.json");
        let expected = waymark_app::window_capability(waymark_app::Edition::Worker);
        waymark_commands::generated::check_current(&path, &expected, "cargo test -p waymark-worker-app");
    }

    #[test]
    fn every_worker_command_refuses_hostile_arguments_and_writes_nothing() {
        use waymark_app::hostile_input::{every_command_refuses_hostile_arguments_and_writes_nothing, Harness};
        every_command_refuses_hostile_arguments_and_writes_nothing(Harness::new(tauri::generate_context!(), waymark_app::Edition::Worker));
    }

    #[test]
    fn every_worker_command_while_locked_says_locked_and_writes_nothing() {
        use waymark_app::hostile_input::{every_profile_command_while_locked_says_locked_and_writes_nothing, Harness};
        every_profile_command_while_locked_says_locked_and_writes_nothing(Harness::new(tauri::generate_context!(), waymark_app::Edition::Worker));
    }

    #[test]
    fn the_shell_holds_no_rule_of_its_own() {
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
        let code: String = text.lines().take_while(|l| !l.starts_with("#[cfg(test)]")).collect::<Vec<_>>().join("\n");
        for word in ["rusqlite", "Vault", "SELECT ", "Session", "RecordBody"] {
            assert!(!code.contains(word), "src-worker/src/main.rs names `{word}`: that work belongs in crates/waymark-commands or the core");
        }
    }
}
