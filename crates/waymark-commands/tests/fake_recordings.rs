//! The UI tests' fake backend replays answers recorded here from the real application layer
//! (`ui/src/fake/recorded.json`), instead of restating the rules behind them: the passphrase
//! meter's reading, the learning log's order and totals, and the refusals its tests show. This test recomputes every recorded
//! answer and fails when one differs, so a rule change here cannot leave the fake behind.
//! `UPDATE_BINDINGS=1` rewrites the answers (and records any request added with a null one).

use std::path::PathBuf;

use serde_json::{json, Value};
use waymark_commands::carer::{self, AddLearningRequest};
use waymark_commands::session::{self, CreateProfileRequest, PassphraseStrengthRequest};
use waymark_commands::{AppState, Headless};
use waymark_core::kdf::KdfParams;
use waymark_core::{Role, Vault, VaultOptions};

fn recordings() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/fake/recorded.json")
}

/// A carer's log with `entries` added in order, as the real commands answer it (ids left out:
/// the fake keeps its own).
async fn learning_log(entries: &[Value]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), VaultOptions { kdf: KdfParams::FLOOR, ..VaultOptions::system() }).unwrap();
    let app = AppState::new(vault, dir.path().join("documents"), Box::new(Headless));
    let request = CreateProfileRequest { name: "Sam Example".into(), role: Role::Carer, passphrase: "quiet harbour pebbles".into() };
    session::create_profile(&app, request).await.unwrap();
    let mut view = carer::learning_log(&app, Default::default()).await.unwrap();
    for entry in entries {
        let entry = serde_json::from_value(entry.clone()).unwrap();
        view = carer::add_learning(&app, AddLearningRequest { entry }).await.unwrap();
    }
    json!({
        "entries": view.entries.iter().map(|e| &e.entry).collect::<Vec<_>>(),
        "by_month": view.by_month,
        "total_minutes": view.total_minutes,
    })
}

/// How the real command refuses `request` from a fresh profile of `role` (or with nobody
/// unlocked): its code and values, and the English message.
async fn refusal(command: &str, role: Option<&str>, request: Value) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), VaultOptions { kdf: KdfParams::FLOOR, ..VaultOptions::system() }).unwrap();
    // A worker's refusals are the worker app's (its own list of commands and profiles).
    let edition = if role == Some("worker") { waymark_commands::Edition::Worker } else { waymark_commands::Edition::Person };
    let app = AppState::new(vault, dir.path().join("documents"), Box::new(Headless)).for_edition(edition);
    if let Some(role) = role {
        let role = Role::parse(role).unwrap();
        let request = CreateProfileRequest { name: "Ash Example".into(), role, passphrase: "quiet harbour pebbles".into() };
        session::create_profile(&app, request).await.unwrap();
    }
    let answer = waymark_commands::dispatch(&app, command, request.clone()).await.unwrap_or_else(|| panic!("no command {command}"));
    let error = answer.expect_err(&format!("{command} {request} was not refused"));
    serde_json::to_value(error).unwrap()
}

#[tokio::test]
async fn the_fakes_recorded_answers_are_the_real_ones() {
    let path = recordings();
    let mut recorded: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), VaultOptions { kdf: KdfParams::FLOOR, ..VaultOptions::system() }).unwrap();
    let app = AppState::new(vault, dir.path().to_path_buf(), Box::new(Headless));
    for case in recorded["passphrase_strength"].as_array_mut().unwrap() {
        let passphrase = case["request"]["passphrase"].as_str().unwrap().to_string();
        let strength = session::passphrase_strength(&app, PassphraseStrengthRequest { passphrase: passphrase.into() }).await.unwrap();
        case["response"] = serde_json::to_value(strength).unwrap();
    }
    for case in recorded["learning_log"].as_array_mut().unwrap() {
        case["response"] = learning_log(case["request"]["entries"].as_array().unwrap()).await;
    }
    for case in recorded["refusals"].as_array_mut().unwrap() {
        case["response"] = refusal(case["command"].as_str().unwrap(), case["as"].as_str(), case["request"].clone()).await;
    }
    let fresh = serde_json::to_string_pretty(&recorded).unwrap() + "\n";
    waymark_commands::generated::check_current(&path, &fresh, "cargo test -p waymark-commands");
}
