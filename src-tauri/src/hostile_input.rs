//! Every command the web view can call, called with hostile arguments through Tauri's own IPC
//! path (the mock runtime, the real handlers, the real capability): oversized, empty,
//! wrong-typed and out-of-range values, control characters, missing arguments, and calls while
//! locked. Each must be refused with a clear error and leave the vault and the documents folder
//! exactly as they were; the few variants that are a legitimate request (an empty search, say)
//! are named below with the reason.
//!
//! The variants are made from one valid call per command, by changing one value at a time, so a
//! new argument or field is covered as soon as the valid call uses it. The commands walked are
//! each edition's declared list in the application layer (`Edition::commands`): a command
//! declared without a valid call here fails the suite. This crate runs it for a person's app;
//! `src-worker` runs the same suite (the `hostile-input` feature) for the worker app, through its
//! own window's capability.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};
use waymark_core::kdf::KdfParams;
use waymark_core::VaultOptions;



use waymark_commands::{Access, Edition};

use crate::{app_state, command_handler};

const PASSPHRASE: &str = "harbour lantern orchard pebble";
const YOUNG: &str = "Ash Example";
const CARER: &str = "Bea Example";
const WORKER: &str = "Dee Example";
/// Longer than any limit anywhere in Waymark (the longest, a library article, is 200,000).
const HUGE: usize = 1_000_001;

pub struct Harness {
    edition: Edition,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
    documents: PathBuf,
}

/// What the person could lose: every row of every table in the vault, every saved document,
/// and which profile is open.
#[derive(PartialEq, Debug)]
struct Snapshot {
    tables: BTreeMap<String, Vec<String>>,
    documents: Vec<(String, u64)>,
    session: Value,
    /// Each profile's wrong-guess count and wait: the one thing a refused passphrase changes, by
    /// design, so that guessing is slowed (and the slowing survives a restart).
    guesses: Vec<String>,
}

/// The columns that count wrong guesses, kept apart from the rest of the vault.
const GUESS_COLUMNS: &[&str] = &["failed_unlocks", "unlock_not_before"];

impl Harness {
    /// A window of `edition` over a fresh vault, with `context` (the binary's own configuration
    /// and capability: `tauri::generate_context!()` in the crate that builds it).
    pub fn new(context: tauri::Context<MockRuntime>, edition: Edition) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let documents = dir.path().join("documents");
        std::fs::create_dir(&documents).unwrap();
        // The lightest key settings Waymark accepts keep the many unlocks quick; the code path is
        // the same.
        let options = VaultOptions { kdf: KdfParams::FLOOR, ..VaultOptions::system() };
        let app = mock_builder().invoke_handler(command_handler()).build(context).unwrap();
        app.manage(app_state(app.handle(), dir.path(), options, documents.clone(), edition).unwrap());
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        Harness { edition, _app: app, window, dir, documents }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn open_as(&self, name: &str) {
        self.ok("lock", json!({}));
        self.ok("unlock", json!({"name": name, "passphrase": PASSPHRASE}));
    }

    fn snapshot(&self) -> Snapshot {
        let db = rusqlite::Connection::open(self.dir.path().join(waymark_core::vault::DATABASE_FILE)).unwrap();
        let names: Vec<String> = db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut tables = BTreeMap::new();
        let mut guesses = Vec::new();
        for name in names {
            let mut stmt = db.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
            let columns: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
            let mut rows: Vec<(String, String)> = stmt
                .query_map([], |r| {
                    let (mut kept, mut counted) = (Vec::new(), Vec::new());
                    for (i, column) in columns.iter().enumerate() {
                        let value = format!("{:?}", r.get_ref(i).unwrap());
                        if GUESS_COLUMNS.contains(&column.as_str()) { counted.push(value) } else { kept.push(value) }
                    }
                    Ok((kept.join("|"), counted.join("|")))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            guesses.extend(rows.iter().filter(|(_, g)| !g.is_empty()).map(|(_, g)| g.clone()));
            tables.insert(name, rows.into_iter().map(|(kept, _)| kept).collect());
        }
        Snapshot { tables, documents: files_in(&self.documents), session: self.ok("session_status", json!({})), guesses }
    }
}

fn files_in(dir: &Path) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), e.metadata().unwrap().len())
        })
        .collect();
    out.sort();
    out
}

/// Who must be unlocked for a command's valid call to be meaningful.
#[derive(Clone, Copy, PartialEq)]
enum Needs {
    Nobody,
    YoungPerson,
    Carer,
    Worker,
}

struct Command {
    name: &'static str,
    needs: Needs,
    valid: Value,
}

/// One change to a valid call, and whether it must be refused.
struct Variant {
    what: String,
    args: Value,
    must_refuse: bool,
}

/// Variants that are legitimate requests and may succeed, each with the reason. They must still
/// write nothing, except those marked as a write.
const ALLOWED: &[(&str, &str, bool, &str)] = &[
    ("search_library", "empty /query", false, "an empty search lists the library"),
    ("passphrase_strength", "empty /passphrase", false, "the meter reads an empty box as weak"),
    ("passphrase_strength", "control characters in /passphrase", false, "the meter only reads"),
    ("save_words", "empty /words", true, "clearing what you wrote is allowed"),
    ("save_answer", "empty /answer/words", true, "clearing an answer's words is allowed"),
    ("save_policy", "empty /policy/sections/0/text", true, "a policy may be partly written"),
    ("save_note", "missing /id", true, "no id writes a new note"),
    ("mark_resource", "missing /bookmarked", true, "no bookmark value leaves the bookmark as it is"),
    ("mark_resource", "missing /read", true, "no read value leaves the read mark as it is"),
    ("add_learning", "empty /entry/notes", true, "notes are optional; empty ones say nothing"),
    ("export_everything", "unexpected arguments", true, "extra arguments are ignored; the export was asked for"),
    ("export_sealed", "unexpected arguments", true, "extra arguments are ignored; the locked copy was asked for"),
    ("export_policy", "unexpected arguments", true, "extra arguments are ignored; the export was asked for"),
    ("export_learning_log", "unexpected arguments", true, "extra arguments are ignored; the export was asked for"),
    ("inbox", "empty /search", false, "an empty search lists everything"),
    ("inbox", "empty /person", false, "no person is everyone"),
    ("inbox", "missing /search", false, "every filter is optional"),
    ("inbox", "missing /person", false, "every filter is optional"),
    ("inbox", "missing /kind", false, "every filter is optional"),
    ("inbox", "no arguments", false, "every filter is optional: the whole inbox"),
    ("name_person", "empty /name", true, "an empty name forgets the name given"),
    ("preview_plan", "empty /plan/summary", false, "a plan's summary may be left empty"),
];

/// Arguments checked against the profile's real passphrase: any wrong value is a guess, and is
/// counted.
const GUESSED: &[(&str, &str)] = &[("change_passphrase", "/current"), ("replace_recovery_code", "/passphrase"), ("export_sealed", "/passphrase")];

fn is_guess(command: &str, what: &str) -> bool {
    GUESSED.iter().any(|(c, pointer)| *c == command && what.ends_with(&format!(" {pointer}")))
}

fn allowed(command: &str, what: &str) -> Option<bool> {
    ALLOWED.iter().find(|(c, w, _, _)| *c == command && *w == what).map(|(_, _, writes, _)| *writes)
}

/// Every value in `v` that is not an object or array, with its JSON pointer.
fn leaves(v: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                leaves(child, format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(items) => {
            out.push((pointer.clone(), v.clone()));
            for (i, child) in items.iter().enumerate() {
                leaves(child, format!("{pointer}/{i}"), out);
            }
        }
        _ => out.push((pointer, v.clone())),
    }
}

fn replaced(valid: &Value, pointer: &str, with: Value) -> Value {
    let mut v = valid.clone();
    *v.pointer_mut(pointer).unwrap() = with;
    v
}

fn looks_like_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

fn variants(valid: &Value) -> Vec<Variant> {
    let mut out = Vec::new();
    let mut push = |what: String, args: Value, must_refuse: bool| out.push(Variant { what, args, must_refuse });
    let Value::Object(top) = valid else { unreachable!() };
    if top.is_empty() {
        // No arguments: junk in their place must change nothing.
        push("unexpected arguments".into(), json!({"id": "x".repeat(HUGE), "extra": [1, 2, 3]}), false);
        return out;
    }
    push("arguments not an object".into(), json!(["not", "an", "object"]), true);
    push("no arguments".into(), json!({}), true);
    for key in top.keys() {
        let mut v = valid.clone();
        v.as_object_mut().unwrap().remove(key);
        push(format!("missing /{key}"), v, true);
    }
    let mut found = Vec::new();
    leaves(valid, String::new(), &mut found);
    for (p, value) in found {
        match value {
            Value::String(s) => {
                push(format!("oversized {p}"), replaced(valid, &p, json!("é".repeat(HUGE))), true);
                push(format!("empty {p}"), replaced(valid, &p, json!("")), true);
                push(format!("control characters in {p}"), replaced(valid, &p, json!(format!("{s}\u{0}\u{1b}[2J"))), true);
                push(format!("number for string {p}"), replaced(valid, &p, json!(7)), true);
                push(format!("object for string {p}"), replaced(valid, &p, json!({"text": s})), true);
                if looks_like_date(&s) {
                    push(format!("impossible date {p}"), replaced(valid, &p, json!("2026-02-30")), true);
                    push(format!("not a date {p}"), replaced(valid, &p, json!("30/01/2026")), true);
                }
            }
            Value::Number(_) => {
                for (label, n) in [
                    ("negative", json!(-1)),
                    ("fraction", json!(2.5)),
                    ("u32::MAX", json!(u32::MAX)),
                    ("beyond u64", json!(1e30)),
                ] {
                    push(format!("{label} {p}"), replaced(valid, &p, n), true);
                }
                push(format!("string for number {p}"), replaced(valid, &p, json!("7")), true);
            }
            Value::Bool(_) => {
                push(format!("string for bool {p}"), replaced(valid, &p, json!("yes")), true);
                push(format!("number for bool {p}"), replaced(valid, &p, json!(1)), true);
            }
            Value::Null => {
                // An optional value left out in the valid call: the wrong kind, or far too much.
                push(format!("array for optional {p}"), replaced(valid, &p, json!([1])), true);
                push(format!("oversized optional {p}"), replaced(valid, &p, json!("x".repeat(HUGE))), true);
            }
            Value::Array(items) => {
                let first = items.first().cloned().unwrap_or(json!("x"));
                let many = vec![first; waymark_core::validate::LIST_ITEMS + 1];
                push(format!("too many items in {p}"), replaced(valid, &p, Value::Array(many)), true);
                push(format!("string for list {p}"), replaced(valid, &p, json!("x")), true);
            }
            Value::Object(_) => unreachable!(),
        }
    }
    out
}

/// A refusal the person can act on: the application layer's `{code, message, values}`, even
/// for arguments that are not the right shape at all (only a broken or hostile page sends those;
/// the typed UI module cannot).
fn check_refusal(command: &str, what: &str, error: &Value) {
    let Value::Object(map) = error else { panic!("{command}, {what}: refusal is not an error object: {error}") };
    let code = map.get("code").and_then(Value::as_str).unwrap_or_default();
    let message = map.get("message").and_then(Value::as_str).unwrap_or_default();
    assert!(!code.is_empty() && !message.is_empty(), "{command}, {what}: refusal without code or message: {error}");
    assert!(code != "internal", "{command}, {what}: refused as an internal problem: {message}");
    assert!(message.chars().count() < 400, "{command}, {what}: message too long to read: {message}");
}

/// Sets up the profiles the harness's edition opens and returns the valid call of every command
/// in its list.
fn commands(h: &Harness) -> Vec<Command> {
    match h.edition {
        Edition::Person => person_commands(h),
        Edition::Worker => worker_commands(h),
    }
}

/// The worker app: a worker's profile, not connected (so nothing reaches the network), and the
/// valid call of each of its commands.
fn worker_commands(h: &Harness) -> Vec<Command> {
    let code = h.ok("create_profile", json!({"name": WORKER, "role": "worker", "passphrase": PASSPHRASE}));
    let code = code["recovery_code"].as_str().unwrap().to_string();
    let someone = "6f1c2a9e-0b7d-4e3a-9c55-2d8e41f0a7b3";
    let plan = json!({
        "plan_id": "0c9a1f2e-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "version": 1, "kind": "pathway_plan", "title": "Getting ready to live on my own",
        "summary": "What we agreed at the review.", "effective_from": "2026-12-01", "received_at": "2026-12-01T10:00:00Z", "next_review_on": "2027-03-01",
        "goals": [{"id": "g1", "matter": "accommodation", "text": "Find a flat near college", "actions": [{"id": "a1", "text": "Visit two flats", "owner": "Personal adviser", "due": "2027-01-15", "status": "not_started"}]}]
    });
    use Needs::*;
    let c = |name, needs, valid| Command { name, needs, valid };
    vec![
        c("list_profiles", Nobody, json!({})),
        c("create_profile", Nobody, json!({"name": "Cai Example", "role": "worker", "passphrase": PASSPHRASE})),
        c("unlock", Nobody, json!({"name": "Nobody Here", "passphrase": PASSPHRASE})),
        c("session_status", Nobody, json!({})),
        c("question_set", Nobody, json!({"language": "cy"})),
        c("passphrase_strength", Nobody, json!({"passphrase": PASSPHRASE})),
        c("suggest_words", Nobody, json!({})),
        c("recover", Nobody, json!({"name": "Nobody Here", "recovery_code": code, "passphrase": PASSPHRASE})),
        c("get_settings", Nobody, json!({})),
        c("save_settings", Nobody, json!({"settings": {"text_size": "large", "dyslexia_font": true, "high_contrast": false, "idle_lock_minutes": 10}})),
        c("plan_matters", Nobody, json!({})),
        c("policy_guide", Nobody, json!({})),
        c("set_profile_language", Worker, json!({"language": "cy"})),
        c("save_recovery_code", Worker, json!({"recovery_code": code})),
        c("change_passphrase", Worker, json!({"current": "not my passphrase at all", "new_passphrase": "meadow copper violin thistle"})),
        c("replace_recovery_code", Worker, json!({"passphrase": "not my passphrase at all"})),
        c("work_progress", Nobody, json!({})),
        c("keep_what_opens", Worker, json!({})),
        c("preview_service", Worker, json!({"code": "waymark-invite-not-a-real-one"})),
        c("connect_service", Worker, json!({"passphrase": "not my passphrase at all"})),
        c("worker_overview", Worker, json!({})),
        c("worker_refresh", Worker, json!({})),
        c("inbox", Worker, json!({"search": "football", "person": someone, "kind": "statement"})),
        c("open_item", Worker, json!({"item": someone})),
        c("answer_item", Worker, json!({"item": someone, "answer": "reply", "words": "I will call you this afternoon."})),
        c("my_people", Worker, json!({})),
        c("duty_view", Worker, json!({})),
        c("name_person", Worker, json!({"person": someone, "name": "Robin T."})),
        c("save_case_record", Worker, json!({"item": someone})),
        c("person_plan", Worker, json!({"person": someone})),
        c("preview_plan", Worker, json!({"person": someone, "plan": plan.clone()})),
        c("publish_plan", Worker, json!({"person": someone, "plan": plan})),
        c("organisation_view", Worker, json!({})),
        c("person_devices", Worker, json!({"person": someone})),
        c("approve_device", Worker, json!({"person": someone, "device": someone, "code": "3f2a-9c1b-77d0-4e8a"})),
        c("revoke_device", Worker, json!({"person": someone, "device": someone})),
        c("invite_person", Worker, json!({"name": "Robin T.", "served_as": "young_person", "workers": [someone], "days": 14})),
        c("save_invite_sheet", Worker, json!({"name": "Robin T.", "code": "wm1-bm90LWEtcmVhbC1jb2Rl"})),
        c("add_worker", Worker, json!({"name": "Sam Okafor", "role": "social_worker"})),
        c("new_invite_code", Worker, json!({"person": someone})),
        c("remove_worker", Worker, json!({"worker": someone})),
        c("allocate", Worker, json!({"person": someone, "worker": someone})),
        c("audit_log", Worker, json!({})),
        c("publish_library", Worker, json!({"pages": [{"name": "a-page.md", "text": "---\ntitle: A page\n---\nWords."}], "version": 2})),
    ]
}

/// A person's app: two profiles (a young person with a statement and a note, a carer) and the
/// valid call of every command.
fn person_commands(h: &Harness) -> Vec<Command> {
    h.ok("create_profile", json!({"name": CARER, "role": "carer", "passphrase": PASSPHRASE}));
    h.ok("lock", json!({}));
    let code = h.ok("create_profile", json!({"name": YOUNG, "role": "young_person", "passphrase": PASSPHRASE}));
    let code = code["recovery_code"].as_str().unwrap().to_string();
    let statement = h.ok("start_statement", json!({"kind": "review_preparation"}))["id"].as_str().unwrap().to_string();
    let note = h.ok("save_note", json!({"note": {"matter": "health", "text": "Dentist booked for March.", "progress": 20}}));
    let note = note["id"].as_str().unwrap().to_string();
    let resource = h.ok("search_library", json!({"query": "", "language": "en-GB"}))[0]["id"].as_str().unwrap().to_string();
    let question = h.ok("question_set", json!({"language": "en-GB"}))["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "words")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    use Needs::*;
    let c = |name, needs, valid| Command { name, needs, valid };
    vec![
        c("list_profiles", Nobody, json!({})),
        c("create_profile", Nobody, json!({"name": "Cai Example", "role": "young_person", "passphrase": PASSPHRASE})),
        // Not a locked copy, so nothing is restored whatever else is sent.
        c("restore_profile", Nobody, json!({"file": "bm90IGEgbG9ja2VkIGNvcHk=", "name": null, "passphrase": PASSPHRASE})),
        // A profile that does not exist, so the calls are not guesses at a real passphrase.
        c("unlock", Nobody, json!({"name": "Nobody Here", "passphrase": PASSPHRASE})),
        c("session_status", Nobody, json!({})),
        c("question_set", Nobody, json!({"language": "cy"})),
        c("helplines", Nobody, json!({})),
        c("search_library", Nobody, json!({"query": "contact", "language": "cy"})),
        c("get_resource", Nobody, json!({"id": resource, "language": "cy"})),
        c("library_source", Nobody, json!({})),
        // The built-in library is installed already, so putting it back changes nothing.
        c("reset_library", Nobody, json!({})),
        c("passphrase_strength", Nobody, json!({"passphrase": PASSPHRASE})),
        c("suggest_words", Nobody, json!({})),
        c("recover", Nobody, json!({"name": "Nobody Here", "recovery_code": code, "passphrase": PASSPHRASE})),
        c("get_settings", Nobody, json!({})),
        c("save_settings", Nobody, json!({"settings": {"text_size": "large", "dyslexia_font": true, "high_contrast": false, "idle_lock_minutes": 10}})),
        c("plan_matters", Nobody, json!({})),
        c("policy_guide", Nobody, json!({})),
        c("set_profile_language", YoungPerson, json!({"language": "cy"})),
        c("list_statements", YoungPerson, json!({})),
        c("start_statement", YoungPerson, json!({"kind": "worried"})),
        c("save_answer", YoungPerson, json!({"id": statement, "answer": {"question_id": question, "face": null, "choice": null, "words": "I like my new school."}})),
        c("save_words", YoungPerson, json!({"id": statement, "words": "I want to see my brother more."})),
        c("set_statement_status", YoungPerson, json!({"id": statement, "status": "ready"})),
        c("save_recovery_code", YoungPerson, json!({"recovery_code": code})),
        c("change_passphrase", YoungPerson, json!({"current": "not my passphrase at all", "new_passphrase": "meadow copper violin thistle"})),
        c("replace_recovery_code", YoungPerson, json!({"passphrase": "not my passphrase at all"})),
        c("work_progress", Nobody, json!({})),
        c("keep_what_opens", YoungPerson, json!({})),
        c("resource_marks", YoungPerson, json!({})),
        c("mark_resource", YoungPerson, json!({"id": resource, "bookmarked": true, "read": false})),
        c("list_plans", YoungPerson, json!({})),
        c("list_notes", YoungPerson, json!({})),
        c("save_note", YoungPerson, json!({"id": note, "note": {"matter": "health", "text": "Dentist moved to April.", "progress": 40}})),
        c("sharing_overview", YoungPerson, json!({})),
        c("withdraw_consent", YoungPerson, json!({"kind": "statement", "recipient": "Example Council"})),
        c("preview_service", YoungPerson, json!({"code": "waymark-invite-not-a-real-one"})),
        c("connect_service", YoungPerson, json!({"passphrase": "not my passphrase at all"})),
        c("give_consent", YoungPerson, json!({"kind": "statement"})),
        c("share_with_service", YoungPerson, json!({"id": statement})),
        c("send_now", YoungPerson, json!({})),
        c("export_everything", YoungPerson, json!({})),
        c("export_sealed", YoungPerson, json!({"passphrase": PASSPHRASE})),
        c("delete_profile", YoungPerson, json!({"confirm_name": "Someone Else"})),
        c("get_policy", Carer, json!({})),
        c("save_policy", Carer, json!({"policy": {"household": "The Example household", "sections": [{"topic": "photos", "text": "We ask before taking photos."}], "reviewed_on": "2026-10-01"}})),
        c("export_policy", Carer, json!({})),
        c("learning_log", Carer, json!({})),
        c("add_learning", Carer, json!({"entry": {"date": "2026-11-02", "kind": "course", "title": "Understanding trauma", "minutes": 90, "notes": "Useful for bedtimes."}})),
        c("export_learning_log", Carer, json!({})),
    ]
}

/// Commands that change the window or the session rather than the vault, and so are left out of
/// the "nothing changed" comparison: they are driven by the tests of locking.
const SESSION_COMMANDS: &[&str] = &["lock", "quick_exit"];

/// Every command of `h`'s edition, with every variant of its valid call: refused with a clear
/// error and nothing written, or (for the named legitimate variants) accepted.
pub fn every_command_refuses_hostile_arguments_and_writes_nothing(h: Harness) {
    let commands = commands(&h);
    for declared in h.edition.commands() {
        let case = commands.iter().find(|c| c.name == declared.name);
        assert!(case.is_some() || SESSION_COMMANDS.contains(&declared.name), "command {} has no hostile-input cases", declared.name);
        if let Some(case) = case {
            // A command anyone may call is tried with nobody in particular unlocked, and one that
            // needs a profile with the profile it is for.
            assert_eq!(case.needs == Needs::Nobody, declared.access == Access::Anyone, "{}: declared access and test setup disagree", declared.name);
        }
    }
    let mut checked = 0;
    let mut current = if h.edition == Edition::Worker { Needs::Worker } else { Needs::YoungPerson };
    for command in &commands {
        if command.needs != Needs::Nobody && command.needs != current {
            h.open_as(match command.needs {
                Needs::Carer => CARER,
                Needs::Worker => WORKER,
                _ => YOUNG,
            });
            current = command.needs;
        }
        for variant in variants(&command.valid) {
            let before = h.snapshot();
            let outcome = h.call(command.name, variant.args.clone());
            let after = h.snapshot();
            let allowed = allowed(command.name, &variant.what);
            match outcome {
                Err(error) => {
                    check_refusal(command.name, &variant.what, &error);
                    let unchanged = if is_guess(command.name, &variant.what) {
                        Snapshot { guesses: Vec::new(), ..before } == Snapshot { guesses: Vec::new(), ..after }
                    } else {
                        before == after
                    };
                    assert!(unchanged, "{}, {}: refused, but something changed", command.name, variant.what);
                }
                Ok(_) if allowed == Some(true) => {}
                Ok(_) if allowed == Some(false) || !variant.must_refuse => {
                    assert!(before == after, "{}, {}: accepted and changed something", command.name, variant.what);
                }
                Ok(value) => panic!(
                    "{}, {}: accepted, should be refused; answered {}",
                    command.name,
                    variant.what,
                    value.to_string().chars().take(200).collect::<String>()
                ),
            }
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} hostile calls made");
    eprintln!("{checked} hostile calls across {} commands", commands.len());
}

/// Every command that needs an unlocked profile, called while locked: `locked`, nothing written.
pub fn every_profile_command_while_locked_says_locked_and_writes_nothing(h: Harness) {
    let commands = commands(&h);
    h.ok("lock", json!({}));
    let unlocked_only = h.edition.commands().iter().filter(|c| c.access == Access::Unlocked);
    for command in unlocked_only.map(|d| commands.iter().find(|c| c.name == d.name).expect("every command has a case")) {
        let before = h.snapshot();
        let error = h.call(command.name, command.valid.clone()).expect_err(command.name);
        assert_eq!(error["code"], "locked", "{}: {error}", command.name);
        assert!(before == h.snapshot(), "{}: refused while locked, but something changed", command.name);
    }
}

#[cfg(test)]
mod person_app {
    use super::*;

    #[test]
    fn every_command_refuses_hostile_arguments_and_writes_nothing() {
        super::every_command_refuses_hostile_arguments_and_writes_nothing(Harness::new(tauri::generate_context!(), Edition::Person));
    }

    #[test]
    fn every_profile_command_while_locked_says_locked_and_writes_nothing() {
        super::every_profile_command_while_locked_says_locked_and_writes_nothing(Harness::new(tauri::generate_context!(), Edition::Person));
    }
}

#[cfg(test)]
#[test]
fn the_harness_sees_writes_and_accepts_the_valid_calls() {
    // Without this, a snapshot that missed a table, or calls that never reached the handlers,
    // would pass everything above.
    let h = Harness::new(tauri::generate_context!(), Edition::Person);
    let commands = commands(&h);
    let before = h.snapshot();
    let save_words = commands.iter().find(|c| c.name == "save_words").unwrap();
    h.ok("save_words", save_words.valid.clone());
    assert!(before != h.snapshot(), "saving words changed no row");
    let before = h.snapshot();
    h.open_as(CARER);
    h.ok("export_learning_log", json!({}));
    assert!(before.documents != h.snapshot().documents, "saving a document changed nothing");
    assert!(h.window.app_handle().try_state::<std::sync::Arc<waymark_commands::AppState>>().is_some());
}
