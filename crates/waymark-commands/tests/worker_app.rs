//! The worker app's commands, called as its window calls them (JSON through the worker list's
//! dispatcher), against the real service over loopback on every back end, with a young person's
//! app beside it: Robin says "I don't feel safe", the duty worker's inbox shows it first with its
//! clock, the worker acknowledges and replies, and Robin's app shows both.

use std::path::Path;
use std::sync::Arc;

use serde_json::{json, Value};
use uuid::Uuid;
use waymark_commands::{AppState, CommandError, Edition, Headless};
use waymark_core::entropy::SeededEntropy;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{FixedClock, Vault, VaultOptions};
use waymark_service::backend::Backend;
use waymark_service::store::ServiceStore;
use waymark_service::http::{router, ServiceState};
use waymark_service::organisation::{self, InviteDetails};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::roster::{RosterEntry, RosterState, ServedRole, WorkerRole};

const NOW: i64 = 1_795_000_000;
const SERVICE: &str = "Northvale Children's Services";
const PASSPHRASE: &str = "otter lantern biscuit";

struct Org {
    store: Backend,
    url: String,
    fingerprint: String,
    root: IdentityKeys,
    roster: RosterState,
    entropy: Arc<SeededEntropy>,
    clock: Arc<FixedClock>,
}

async fn org(store: Backend, _dir: &Path) -> Org {
    let entropy = Arc::new(SeededEntropy::new(41));
    let clock = Arc::new(FixedClock::at(NOW));
    let service_keys = IdentityKeys::generate(&*entropy);
    let (root_file, root) = organisation::RootKeyFile::create(SERVICE, &Passphrase::new("copper kettle orchard".into()), KdfParams::FLOOR, &*entropy).unwrap();
    let roster = organisation::start_roster(&store, &root_file, &root, NOW).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let receipts = waymark_service::testing::receipt_signer(&service_keys);
    let fingerprint = service_keys.public().fingerprint().unwrap();
    let state = Arc::new(ServiceState::new(store.clone(), SERVICE.into(), service_keys.public().clone(), clock.clone(), receipts));
    tokio::spawn(async move { axum::serve(listener, router(state)).await.unwrap() });
    Org { store, url, fingerprint, root, roster, entropy, clock }
}

impl Org {

    async fn add_worker(&mut self, name: &str, role: WorkerRole) -> Uuid {
        organisation::add_worker(&self.store, &mut self.roster, &self.root, name, role, &*self.entropy, NOW).await.unwrap()
    }

    async fn append(&mut self, entry: RosterEntry) {
        organisation::append(&self.store, &mut self.roster, &self.root, entry, NOW).await.unwrap();
    }

    /// An app of `edition` over a fresh vault in `dir`, on this organisation's clock.
    fn app(&self, dir: &Path, edition: Edition) -> AppState {
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: self.clock.clone(), entropy: self.entropy.clone() };
        AppState::new(Vault::open(dir, options).unwrap(), dir.join("documents"), Box::new(Headless)).for_edition(edition)
    }

    /// The administrator approves a laptop after its owner read them the code their app shows.
    async fn approve(&mut self, device_id: &str, owner: Uuid, code: &str) {
        let device_id = Uuid::parse_str(device_id).unwrap();
        organisation::approve_device(&self.store, &mut self.roster, &self.root, device_id, owner, code, NOW).await.unwrap();
    }
}

async fn call(app: &AppState, name: &str, request: Value) -> Result<Value, CommandError> {
    waymark_commands::dispatch(app, name, request).await.unwrap_or_else(|| panic!("{name} is not in the {:?} app's list", app.edition()))
}

async fn ok(app: &AppState, name: &str, request: Value) -> Value {
    call(app, name, request).await.unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// Connects an unlocked app with an invite code, as its settings screen does.
async fn connect(app: &AppState, code: &str) -> Value {
    ok(app, "preview_service", json!({ "code": code })).await;
    ok(app, "connect_service", json!({})).await
}

/// Robin's app: a young person's profile, connected, approved, sharing statements with their
/// social worker.
async fn robin(o: &mut Org, dir: &Path) -> (AppState, Uuid) {
    let app = o.app(dir, Edition::Person);
    ok(&app, "create_profile", json!({ "name": "Robin", "role": "young_person", "passphrase": PASSPHRASE })).await;
    let details = InviteDetails { service_url: &o.url, service_name: SERVICE, service_fingerprint: &o.fingerprint, expires_at: NOW + 3600 };
    let (person, invite) = organisation::invite_person(&o.store, &mut o.roster, &o.root, "Robin", ServedRole::YoungPerson, &details, &*o.entropy, NOW)
        .await
        .unwrap();
    let sharing = connect(&app, &invite.to_code()).await;
    let c = &sharing["connection"];
    o.approve(c["device_id"].as_str().unwrap(), person, c["device_code"].as_str().unwrap()).await;
    (app, person)
}

/// The words of a saved PDF as a reader would copy them, white space made single spaces.
fn pdf_text(path: &str) -> String {
    let text = pdf_extract::extract_text(path).expect("the case record reads back");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn say(app: &AppState, kind: &str, words: &str) -> String {
    let st = ok(app, "start_statement", json!({ "kind": kind })).await;
    let id = st["id"].as_str().unwrap().to_string();
    ok(app, "save_words", json!({ "id": id, "words": words })).await;
    ok(app, "set_statement_status", json!({ "id": id, "status": "ready" })).await;
    ok(app, "share_with_service", json!({ "id": id })).await;
    id
}

/// A worker's app, set up with their invite and approved with the code it shows.
async fn worker_app(o: &mut Org, dir: &Path, name: &str, worker: Uuid) -> AppState {
    let app = o.app(dir, Edition::Worker);
    ok(&app, "create_profile", json!({ "name": name, "role": "worker", "passphrase": PASSPHRASE })).await;
    let details = InviteDetails { service_url: &o.url, service_name: SERVICE, service_fingerprint: &o.fingerprint, expires_at: NOW + 3600 };
    let invite = organisation::invite_worker(&o.store, &o.roster, worker, &details, &*o.entropy, NOW).await.unwrap();
    connect(&app, &invite.to_code()).await;
    let home = ok(&app, "worker_refresh", json!({})).await;
    let c = &home["connection"];
    o.approve(c["device_id"].as_str().unwrap(), worker, c["device_code"].as_str().unwrap()).await;
    assert_eq!(ok(&app, "worker_refresh", json!({})).await["connection"]["approval"], "approved");
    app
}

async fn a_plan_written_in_the_form_reaches_robin_with_exactly_the_changes_the_preview_showed(mut o: Org) {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    let duty = o.add_worker("Dee Morgan", WorkerRole::Duty).await;
    let (robin_app, robin) = robin(&mut o, dirs[0].path()).await;
    o.append(RosterEntry::Allocate { person_id: robin, worker_id: sam, role: WorkerRole::SocialWorker }).await;
    let sam_app = worker_app(&mut o, dirs[1].path(), "Sam", sam).await;
    let dee_app = worker_app(&mut o, dirs[2].path(), "Dee", duty).await;

    // Sam starts Robin's first plan in the form.
    let start = ok(&sam_app, "person_plan", json!({ "person": robin.to_string() })).await;
    assert!(start["latest"].is_null() && start["may_publish"] == true, "{start}");
    let mut plan = start["draft"].clone();
    plan["kind"] = json!("pathway_plan");
    plan["title"] = json!("Robin's pathway plan");
    plan["summary"] = json!("Getting ready to live on my own.");
    plan["next_review_on"] = json!("2027-03-01");
    plan["goals"] = json!([
        { "id": "g1", "matter": "accommodation", "text": "Find a flat", "actions": [
            { "id": "a1", "text": "Visit two flats", "owner": "Personal adviser", "due": "2027-01-15", "status": "not_started" } ] },
        { "id": "g2", "matter": "financial_support", "text": "Open a bank account", "actions": [] }
    ]);
    // A pathway plan's goal needs its matter: refused, nothing sent.
    let mut bad = plan.clone();
    bad["goals"][1]["matter"] = Value::Null;
    assert_eq!(call(&sam_app, "publish_plan", json!({ "person": robin.to_string(), "plan": bad })).await.unwrap_err().code, "invalid");
    let preview = ok(&sam_app, "preview_plan", json!({ "person": robin.to_string(), "plan": plan })).await;
    assert_eq!((preview["version"].as_u64(), preview["first"].as_bool()), (Some(1), Some(true)));
    let published = ok(&sam_app, "publish_plan", json!({ "person": robin.to_string(), "plan": plan })).await;
    assert_eq!((published["version"].as_u64(), published["devices"].as_u64()), (Some(1), Some(1)));

    // A duty worker is not Robin's: the app refuses, and a plan their laptop sends anyway is
    // refused by Robin's device.
    let refused = call(&dee_app, "publish_plan", json!({ "person": robin.to_string(), "plan": plan })).await.unwrap_err();
    assert_eq!(refused.code, "not_their_worker");
    // Nor is Sam on the duty team: the team's alerts are not Sam's to see.
    assert_eq!(call(&sam_app, "duty_view", json!({})).await.unwrap_err().code, "not_on_duty");
    let sam_connection = {
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: o.clock.clone(), entropy: o.entropy.clone() };
        let mut v = Vault::open(dirs[1].path(), options).unwrap();
        let s = v.unlock("Sam", &Passphrase::new(PASSPHRASE.into())).unwrap();
        v.service_connection(&s).unwrap().unwrap()
    };
    let asked = waymark_client::fetch_team_alerts(&sam_connection, waymark_core::Timestamp(NOW)).await.unwrap_err();
    assert_eq!(asked.code(), "forbidden", "the service refuses the team's alerts to anyone not on duty: {asked}");

    // The second version: changed in the form, previewed, published.
    let again = ok(&sam_app, "person_plan", json!({ "person": robin.to_string() })).await;
    assert_eq!(again["versions"], json!([1]));
    let mut v2 = again["draft"].clone();
    v2["goals"][0]["text"] = json!("Find a flat near college");
    v2["goals"][0]["actions"][0]["status"] = json!("done");
    v2["next_review_on"] = json!("2027-04-12");
    let preview = ok(&sam_app, "preview_plan", json!({ "person": robin.to_string(), "plan": v2 })).await;
    assert_eq!(preview["version"], 2);
    let shown: Vec<String> = serde_json::from_value(preview["changes"].clone()).unwrap();
    assert_eq!(shown.len(), 3, "{shown:?}");
    ok(&sam_app, "publish_plan", json!({ "person": robin.to_string(), "plan": v2 })).await;
    let people = ok(&sam_app, "my_people", json!({})).await;
    assert_eq!(people[0]["next_review_on"], "2027-04-12", "My people shows the plan's next review: {people}");

    ok(&robin_app, "send_now", json!({})).await;
    let plans = ok(&robin_app, "list_plans", json!({})).await;
    assert_eq!(plans[0]["versions"], json!([1, 2]));
    let seen: Vec<String> = serde_json::from_value(plans[0]["changes"].clone()).unwrap();
    assert_eq!(seen, shown, "Robin's My plan says exactly what the preview said");

    // Dee's laptop sends a plan of its own making straight to Robin's device: refused there.
    let dee_connection = {
        // Dee's vault, opened beside the app as another program on the laptop could.
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: o.clock.clone(), entropy: o.entropy.clone() };
        let mut v = Vault::open(dirs[2].path(), options).unwrap();
        let s = v.unlock("Dee", &Passphrase::new(PASSPHRASE.into())).unwrap();
        v.service_connection(&s).unwrap().unwrap()
    };
    let roster = o.roster.clone();
    let mut forged: waymark_core::domain::Plan = serde_json::from_value(v2.clone()).unwrap();
    forged.version = 9;
    forged.plan_id = serde_json::from_value(plans[0]["latest"]["plan_id"].clone()).unwrap();
    let entropy = SeededEntropy::new(77);
    waymark_client::worker::publish_plan(&dee_connection, &roster, robin, &forged, &entropy, waymark_core::Timestamp(NOW)).await.unwrap();
    ok(&robin_app, "send_now", json!({})).await;
    let plans = ok(&robin_app, "list_plans", json!({})).await;
    assert_eq!(plans[0]["versions"], json!([1, 2]), "a plan from a worker who is not Robin's is refused");
}

async fn i_dont_feel_safe_reaches_the_duty_worker_first_and_their_answers_reach_robin(mut o: Org) {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let duty = o.add_worker("Dee Morgan", WorkerRole::Duty).await;
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    o.append(RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 10, escalation: vec![] }).await;
    let (robin_app, robin) = robin(&mut o, dirs[0].path()).await;
    o.append(RosterEntry::Allocate { person_id: robin, worker_id: sam, role: WorkerRole::SocialWorker }).await;

    // Dee sets up the worker app: a worker's profile, their invite, and the code read back.
    let dee = o.app(dirs[1].path(), Edition::Worker);
    let refused = call(&dee, "create_profile", json!({ "name": "Dee", "role": "young_person", "passphrase": PASSPHRASE })).await.unwrap_err();
    assert_eq!((refused.code.as_str(), refused.values.get("field").map(String::as_str)), ("invalid", Some("role")), "the worker app makes only workers' profiles");
    assert!(waymark_commands::dispatch(&dee, "start_statement", json!({ "kind": "worried" })).await.is_none(), "the worker app has no person's commands");
    assert!(waymark_commands::dispatch(&robin_app, "inbox", json!({})).await.is_none(), "a person's app has no worker's commands");
    ok(&dee, "create_profile", json!({ "name": "Dee", "role": "worker", "passphrase": PASSPHRASE })).await;
    let details = InviteDetails { service_url: &o.url, service_name: SERVICE, service_fingerprint: &o.fingerprint, expires_at: NOW + 3600 };
    let invite = organisation::invite_worker(&o.store, &o.roster, duty, &details, &*o.entropy, NOW).await.unwrap();
    // The set-up screen tells the worker how their code starts: it must be how codes start.
    for language in ["en-GB", "cy"] {
        let catalogue = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../locales/{language}/ui-worker.ftl"))).unwrap();
        let hint = catalogue.lines().find(|l| l.starts_with("worker-setup-code-hint")).unwrap();
        assert!(hint.contains(&format!("\"{}\"", &invite.to_code()[..4])), "{language}: {hint}");
    }
    connect(&dee, &invite.to_code()).await;
    let home = ok(&dee, "worker_refresh", json!({})).await;
    assert_eq!(home["connection"]["approval"], "waiting", "{home}");
    assert_eq!(home["me"]["name"], "Dee Morgan", "the roster names the worker this laptop's invite was for");
    let c = &home["connection"];
    o.approve(c["device_id"].as_str().unwrap(), duty, c["device_code"].as_str().unwrap()).await;

    // Robin's app: one worry shared with their social worker earlier, then "I don't feel safe".
    ok(&robin_app, "give_consent", json!({ "kind": "statement", "worker": "social_worker" })).await;
    say(&robin_app, "worried", "My bus pass ran out.").await;
    o.clock.advance(60);
    let not_safe = say(&robin_app, "not_safe", "Someone came to the house and I don't feel safe.").await;

    // The minute's pass and "Check for new items" meeting: one runs after the other, and Robin
    // hears once that it arrived.
    let (home, _) = tokio::join!(ok(&dee, "worker_refresh", json!({})), ok(&dee, "worker_refresh", json!({})));
    assert_eq!(home["connection"]["approval"], "approved");
    assert_eq!((home["urgent_waiting"].as_u64(), home["waiting"].as_u64()), (Some(1), Some(1)), "only the urgent item is sealed to the duty team: {home}");
    let inbox = ok(&dee, "inbox", json!({})).await;
    let urgent = &inbox["urgent"][0];
    assert_eq!(urgent["statement_kind"], "not_safe");
    assert_eq!(urgent["person_id"], robin.to_string());
    let raised = urgent["raised_at"].as_str().unwrap();
    let by = urgent["acknowledge_by"].as_str().unwrap();
    let minutes = (waymark_core::Timestamp::parse_rfc3339(by).unwrap().0 - waymark_core::Timestamp::parse_rfc3339(raised).unwrap().0) / 60;
    assert_eq!(minutes, 10, "the clock is the organisation's: acknowledge within 10 minutes");

    // Dee opens it: Robin's words as written, and who else it went to.
    let item = urgent["item"].as_str().unwrap().to_string();
    let opened = ok(&dee, "open_item", json!({ "item": item })).await;
    assert_eq!(opened["statement"]["words"], "Someone came to the house and I don't feel safe.");
    let readers: Vec<&Value> = opened["readers"].as_array().unwrap().iter().collect();
    assert!(readers.iter().any(|r| r["me"] == true), "{readers:?}");
    assert!(opened["summary"]["read_at"].is_null(), "opening tells nobody anything");

    // A reply must say something; nothing is sent or kept otherwise.
    let empty = call(&dee, "answer_item", json!({ "item": item, "answer": "reply", "words": "   " })).await.unwrap_err();
    assert_eq!(empty.code, "invalid");
    assert_eq!(ok(&dee, "open_item", json!({ "item": item })).await["replies"].as_array().unwrap().len(), 0);

    let acknowledged = ok(&dee, "answer_item", json!({ "item": item, "answer": "acknowledge" })).await;
    assert!(acknowledged["summary"]["acknowledged_at"].is_string());
    assert!(acknowledged["summary"]["alert_acknowledged"].as_bool().unwrap());
    let alerts = waymark_service::store::ServiceStore::alerts_for(&o.store, duty).await.unwrap();
    assert!(alerts.iter().all(|a| a.acknowledged_by == Some(duty)), "the alert's clock stopped at the service");
    // The duty view: the alert across the team, raised to Dee (duty) and Sam (Robin's own), and
    // acknowledged by Dee; nobody but the duty team may see it.
    let duty_view = ok(&dee, "duty_view", json!({})).await;
    let alert = &duty_view["alerts"][0];
    assert_eq!(alert["acknowledged_by"], "Dee Morgan", "{duty_view}");
    assert_eq!(alert["item"], item.as_str(), "Dee's laptop has the item itself");
    let whys: Vec<(&str, &str)> = alert["alerted"].as_array().unwrap().iter().map(|w| (w["name"].as_str().unwrap(), w["why"].as_str().unwrap())).collect();
    assert!(whys.contains(&("Dee Morgan", "duty")) && whys.contains(&("Sam Okafor", "allocated")), "{whys:?}");
    ok(&dee, "answer_item", json!({ "item": item, "answer": "reply", "words": "I am calling you now, Robin." })).await;
    let inbox = ok(&dee, "inbox", json!({})).await;
    assert!(inbox["urgent"].as_array().unwrap().is_empty(), "acknowledged: no longer waiting at the top");
    assert_eq!(inbox["items"][0]["replies"], 1);

    // Dee saves the item, and Robin's whole thread, for the council's case record: the PDF reads
    // back with Robin's words, the times, the reply and how the signatures were checked.
    ok(&dee, "name_person", json!({ "person": robin.to_string(), "name": "Robin T." })).await;
    let neither = call(&dee, "save_case_record", json!({})).await.unwrap_err();
    assert_eq!(neither.code, "invalid");
    let both = call(&dee, "save_case_record", json!({ "item": item, "person": robin.to_string() })).await.unwrap_err();
    assert_eq!(both.code, "invalid");
    let saved = ok(&dee, "save_case_record", json!({ "item": item })).await;
    let path = saved["path"].as_str().unwrap();
    assert!(path.contains("Case record - Robin T") && path.ends_with(".pdf"), "{path}");
    let text = pdf_text(path);
    for expected in [
        "Case record: Robin T.",
        "A message: I don't feel safe",
        "Urgent: they said they do not feel safe",
        "Someone came to the house and I don't feel safe.",
        "Reply from Dee Morgan",
        "I am calling you now, Robin.",
        "Acknowledged: 2026-",
        "Received on this laptop: 2026-",
        "this laptop checked the signature when the item arrived",
    ] {
        assert!(text.contains(expected), "the case record lacks {expected:?}: {text}");
    }
    let thread = ok(&dee, "save_case_record", json!({ "person": robin.to_string() })).await;
    let text = pdf_text(thread["path"].as_str().unwrap());
    assert!(text.contains("Someone came to the house") && text.contains(&format!("Person {robin}")), "{text}");
    assert_ne!(thread["path"], saved["path"], "a second record never replaces the first");

    // Robin's app shows both, by the worker's name and role.
    ok(&robin_app, "send_now", json!({})).await;
    let statements = ok(&robin_app, "list_statements", json!({})).await;
    let st = statements.as_array().unwrap().iter().find(|s| s["id"] == not_safe).unwrap();
    let responses: Vec<(String, String)> = st["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["kind"].as_str().unwrap().to_string(), r["words"].as_str().unwrap_or_default().to_string()))
        .collect();
    assert!(responses.contains(&("acknowledged".into(), String::new())), "{responses:?}");
    assert!(responses.contains(&("replied".into(), "I am calling you now, Robin.".into())), "{responses:?}");
    assert!(st["responses"].as_array().unwrap().iter().all(|r| r["worker_name"] == "Dee Morgan"));
    assert_eq!(responses.iter().filter(|(k, _)| k == "received").count(), 1, "told once that it arrived: {responses:?}");
}

/// The library's Markdown pages as an administrator chooses the files: every page, every language.
fn library_pages() -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/library");
    let mut pages = Vec::new();
    for dir in [root.clone(), root.join("cy")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "md") {
                pages.push(json!({ "name": path.file_name().unwrap().to_str().unwrap(), "text": std::fs::read_to_string(&path).unwrap() }));
            }
        }
    }
    Value::Array(pages)
}

/// A laptop's app connected with `code`: the device id and the code it shows, as its screen does.
async fn connected(app: &AppState, code: &str) -> (String, String) {
    let sharing = connect(app, code).await;
    let c = &sharing["connection"];
    (c["device_id"].as_str().unwrap().to_string(), c["device_code"].as_str().unwrap().to_string())
}

async fn an_administrator_runs_the_organisation_from_the_worker_app(mut o: Org) {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let jo = o.add_worker("Jo Adeyemi", WorkerRole::SocialWorker).await;
    let jo_app = worker_app(&mut o, dirs[0].path(), "Jo", jo).await;

    // Until the root makes Jo an administrator, her app refuses, and the service refuses a change
    // her laptop signs anyway against a roster of its own imagining.
    let asked = json!({ "name": "Robin T.", "served_as": "young_person", "workers": [jo.to_string()] });
    assert_eq!(call(&jo_app, "invite_person", asked.clone()).await.unwrap_err().code, "not_admin");
    assert_eq!(call(&jo_app, "audit_log", json!({})).await.unwrap_err().code, "not_admin");
    let pages = library_pages();
    assert_eq!(call(&jo_app, "publish_library", json!({ "pages": pages, "version": 50 })).await.unwrap_err().code, "not_admin");
    let jo_connection = {
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: o.clock.clone(), entropy: o.entropy.clone() };
        let mut v = Vault::open(dirs[0].path(), options).unwrap();
        let s = v.unlock("Jo", &Passphrase::new(PASSPHRASE.into())).unwrap();
        v.service_connection(&s).unwrap().unwrap()
    };
    let entry = RosterEntry::AddPerson { person_id: Uuid::from_u128(99), role: ServedRole::Carer };
    let unchecked = waymark_client::roster_admin::sign_roster_link(&jo_connection, &o.roster.head, entry, waymark_core::Timestamp(NOW)).unwrap();
    let refused = waymark_client::roster_admin::send_roster_link(&jo_connection, &unchecked, waymark_core::Timestamp(NOW)).await.unwrap_err();
    assert_eq!(refused.code(), "roster_refused", "{refused}");
    // Signed on a head that is no longer the head: a conflict, to read the roster again.
    let mut behind = o.roster.head.clone();
    behind.seq -= 1;
    let stale = waymark_client::roster_admin::sign_roster_link(&jo_connection, &behind, RosterEntry::AddPerson { person_id: Uuid::from_u128(98), role: ServedRole::Carer }, waymark_core::Timestamp(NOW)).unwrap();
    let refused = waymark_client::roster_admin::send_roster_link(&jo_connection, &stale, waymark_core::Timestamp(NOW)).await.unwrap_err();
    assert_eq!(refused.code(), "conflict", "{refused}");
    o.append(RosterEntry::GrantAdmin { worker_id: jo }).await;
    assert_eq!(ok(&jo_app, "worker_refresh", json!({})).await["me"]["admin"], true);

    // Jo invites Robin: a new id in the roster, allocated to her, the name kept on her laptop.
    let invite = ok(&jo_app, "invite_person", asked).await;
    let robin = invite["person"].as_str().unwrap().to_string();
    assert_eq!(invite["name"], "Robin T.");
    let code = invite["code"].as_str().unwrap().to_string();
    let org = ok(&jo_app, "organisation_view", json!({})).await;
    assert_eq!(org["i_am_admin"], true);
    let listed = org["people"].as_array().unwrap().iter().find(|p| p["id"] == robin.as_str()).unwrap().clone();
    assert_eq!((listed["name"].as_str(), listed["allocations"][0]["name"].as_str(), listed["mine"].as_bool()), (Some("Robin T."), Some("Jo Adeyemi"), Some(true)));
    let link_text: Vec<String> = o.store.roster_links(0, 1000).await.unwrap();
    assert!(!link_text.iter().any(|l| l.contains("Robin")), "the name Jo typed never reaches the roster");

    // A second code for Robin (a replaced laptop, or the first ran out): a new one, for the same id.
    let again = ok(&jo_app, "new_invite_code", json!({ "person": robin })).await;
    assert_eq!((again["person"].as_str(), again["name"].as_str()), (Some(robin.as_str()), Some("Robin T.")));
    assert_ne!(again["code"], invite["code"]);

    // The printable sheet: the name, the code in groups, when it runs out.
    let sheet = ok(&jo_app, "save_invite_sheet", json!({ "name": "Robin T.", "code": code })).await;
    let text = pdf_text(sheet["path"].as_str().unwrap());
    let expires = waymark_core::Timestamp(NOW + 14 * 86_400).to_rfc3339();
    assert!(text.contains("Robin T.") && text.contains(&code[..8]) && text.contains(&expires[..10]), "{text}");
    let damaged = format!("{}x", &code[..code.len() - 3]);
    assert_eq!(call(&jo_app, "save_invite_sheet", json!({ "name": "Robin T.", "code": damaged })).await.unwrap_err().code, "bad_invite");

    // Robin connects with the code; the device waits until the code it shows is read out.
    let robin_app = o.app(dirs[1].path(), Edition::Person);
    ok(&robin_app, "create_profile", json!({ "name": "Robin", "role": "young_person", "passphrase": PASSPHRASE })).await;
    let (device, device_code) = connected(&robin_app, &code).await;
    let devices = ok(&jo_app, "person_devices", json!({ "person": robin })).await;
    assert_eq!((devices["devices"][0]["status"].as_str(), devices["devices"][0]["device"].as_str()), (Some("waiting"), Some(device.as_str())));
    let wrong = call(&jo_app, "approve_device", json!({ "person": robin, "device": device, "code": "0000-1111-2222-3333-4444-5555-6666-7777" })).await.unwrap_err();
    assert_eq!(wrong.code, "code_does_not_match");
    assert_eq!(ok(&jo_app, "person_devices", json!({ "person": robin })).await["devices"][0]["status"], "waiting", "a wrong code approves nothing");
    let devices = ok(&jo_app, "approve_device", json!({ "person": robin, "device": device, "code": device_code.to_uppercase() })).await;
    assert_eq!(devices["devices"][0]["status"], "approved");
    ok(&robin_app, "send_now", json!({})).await;
    assert_eq!(ok(&robin_app, "sharing_overview", json!({})).await["connection"]["approval"], "approved");

    // Sam joins: added, his laptop invited and approved from Jo's app.
    let added = ok(&jo_app, "add_worker", json!({ "name": "Sam Okafor", "role": "social_worker" })).await;
    let sam = added["person"].as_str().unwrap().to_string();
    let sam_app = o.app(dirs[2].path(), Edition::Worker);
    ok(&sam_app, "create_profile", json!({ "name": "Sam", "role": "worker", "passphrase": PASSPHRASE })).await;
    connect(&sam_app, added["code"].as_str().unwrap()).await;
    let home = ok(&sam_app, "worker_refresh", json!({})).await;
    let (laptop, laptop_code) = (home["connection"]["device_id"].as_str().unwrap(), home["connection"]["device_code"].as_str().unwrap());
    let laptops = ok(&jo_app, "person_devices", json!({ "person": sam })).await;
    assert_eq!((laptops["name"].as_str(), laptops["devices"][0]["status"].as_str()), (Some("Sam Okafor"), Some("waiting")));
    ok(&jo_app, "approve_device", json!({ "person": sam, "device": laptop, "code": laptop_code })).await;
    assert_eq!(ok(&sam_app, "worker_refresh", json!({})).await["connection"]["approval"], "approved");
    assert_eq!(call(&sam_app, "organisation_view", json!({})).await.unwrap()["people"], json!([]), "Sam has nobody yet, and is no administrator");
    assert_eq!(call(&sam_app, "revoke_device", json!({ "person": robin, "device": device })).await.unwrap_err().code, "not_admin");

    // Robin's social worker becomes Sam; Sam sees Robin's devices, Jo no longer holds the role.
    let org = ok(&jo_app, "allocate", json!({ "person": robin, "worker": sam })).await;
    let listed = org["people"].as_array().unwrap().iter().find(|p| p["id"] == robin.as_str()).unwrap().clone();
    assert_eq!((listed["allocations"][0]["name"].as_str(), listed["mine"].as_bool()), (Some("Sam Okafor"), Some(false)));
    assert_eq!(ok(&sam_app, "person_devices", json!({ "person": robin })).await["devices"][0]["status"], "approved");

    // Jo publishes the library from its Markdown pages; Robin's app installs it, checking that an
    // administrator's laptop in its roster signed it. One the service hands out signed by anyone
    // else (here, a key of its own) is not installed.
    let library_of = |dir: &Path| {
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: o.clock.clone(), entropy: o.entropy.clone() };
        Vault::open(dir, options).unwrap().library_version().unwrap()
    };
    let before = library_of(dirs[1].path()).unwrap_or(0);
    let published = ok(&jo_app, "publish_library", json!({ "pages": pages, "version": before + 1 })).await;
    assert_eq!(published["version"], before + 1);
    assert!(published["pages"].as_u64().unwrap() > 20, "{published}");
    assert!(published["expires_at"].as_str().unwrap().starts_with("2027-11-18"), "a published library lasts a year: {published}");
    let again = call(&jo_app, "publish_library", json!({ "pages": pages, "version": before + 1 })).await.unwrap_err();
    assert_eq!(again.values.get("reason").map(String::as_str), Some("conflict"), "the same version twice: {again:?}");
    let _ = call(&robin_app, "send_now", json!({})).await;
    assert_eq!(library_of(dirs[1].path()), Some(before + 1), "Robin's app installed the library Jo published");
    let bundle = waymark_core::domain::library::build_bundle(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/library"), before + 2).unwrap();
    let stranger = IdentityKeys::generate(&SeededEntropy::new(91));
    let forged = waymark_core::domain::library::SignedLibraryBundle::sign_with(serde_json::to_string(&bundle).unwrap(), waymark_core::Timestamp(NOW + 86_400), |m| stranger.sign(m));
    o.store.put_resources(i64::from(before + 2), serde_json::to_string(&forged).unwrap(), NOW).await.unwrap();
    let _ = call(&robin_app, "send_now", json!({})).await;
    assert_eq!(library_of(dirs[1].path()), Some(before + 1), "a library nobody Robin's roster trusts signed is not installed");

    // Robin loses the laptop: Jo switches it off, and Robin's app says so.
    let devices = ok(&jo_app, "revoke_device", json!({ "person": robin, "device": device })).await;
    assert_eq!(devices["devices"][0]["status"], "revoked");
    let refused = call(&robin_app, "send_now", json!({})).await.unwrap_err();
    assert_eq!(refused.values.get("reason").map(String::as_str), Some("forbidden"), "the service takes nothing more from it");
    assert_eq!(ok(&robin_app, "sharing_overview", json!({})).await["connection"]["approval"], "revoked");

    // Sam leaves: his laptop is switched off, Robin is listed as needing a new worker, and Jo
    // cannot remove herself.
    assert_eq!(call(&jo_app, "remove_worker", json!({ "worker": jo.to_string() })).await.unwrap_err().code, "not_yourself");
    let org = ok(&jo_app, "remove_worker", json!({ "worker": sam })).await;
    assert_eq!(org["without_worker"], json!([robin]));
    let gone = org["workers"].as_array().unwrap().iter().find(|w| w["id"] == sam.as_str()).unwrap().clone();
    assert_eq!((gone["revoked"].as_bool(), gone["laptops"].as_u64()), (Some(true), Some(0)));
    let sam_home = call(&sam_app, "worker_refresh", json!({})).await;
    assert!(sam_home.is_err() || sam_home.unwrap()["connection"]["approval"] == "revoked", "Sam's laptop is switched off");

    // The audit log: what Jo's laptop did, signed by it, handed in on the next pass, and read back
    // and checked by her app, names from the roster and her own labels.
    ok(&jo_app, "worker_refresh", json!({})).await;
    let log = ok(&jo_app, "audit_log", json!({})).await;
    assert_eq!(log["problems"], json!([]), "{log}");
    let did: Vec<(&str, Option<&str>)> = log["entries"].as_array().unwrap().iter().map(|e| (e["action"].as_str().unwrap(), e["roster_change"].as_str())).collect();
    for expected in [("made_invite", None), ("changed_roster", Some("add_person")), ("changed_roster", Some("certify_device")), ("changed_roster", Some("revoke_device")), ("changed_roster", Some("revoke_worker"))] {
        assert!(did.contains(&expected), "{expected:?} in {did:?}");
    }
    let invited = log["entries"].as_array().unwrap().iter().find(|e| e["action"] == "made_invite" && e["person"] == robin.as_str()).unwrap();
    assert_eq!((invited["worker"].as_str(), invited["person_name"].as_str()), (Some("Jo Adeyemi"), Some("Robin T.")));
    assert!(log["entries"].as_array().unwrap().iter().any(|e| e["action"] == "saved_case_record" || e["action"] == "made_invite"));

    // The service keeps each laptop's chain whole: an entry that skips one, or one not signed by
    // the laptop that sends it, is refused; the two in order are kept.
    let (skipped, next) = {
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: o.clock.clone(), entropy: o.entropy.clone() };
        let mut v = Vault::open(dirs[0].path(), options).unwrap();
        let s = v.unlock("Jo", &Passphrase::new(PASSPHRASE.into())).unwrap();
        let action = || waymark_sync::audit::AuditAction::MadeInvite { person_id: Uuid::parse_str(&robin).unwrap() };
        let now = waymark_core::Timestamp(NOW);
        (waymark_client::audit_trail::record(&mut v, &s, &jo_connection, action(), now).unwrap(), waymark_client::audit_trail::record(&mut v, &s, &jo_connection, action(), now).unwrap())
    };
    let refused = waymark_client::audit_trail::hand_in(&jo_connection, vec![next.clone()], waymark_core::Timestamp(NOW)).await.unwrap_err();
    assert_eq!(refused.code(), "conflict", "{refused}");
    let stranger = IdentityKeys::generate(&SeededEntropy::new(90));
    let forged = waymark_sync::audit::AuditEntry::sign(&stranger, jo_connection.device_id, Some(&skipped.head()), NOW, waymark_sync::audit::AuditAction::MadeInvite { person_id: Uuid::from_u128(5) });
    let refused = waymark_client::audit_trail::hand_in(&jo_connection, vec![skipped.clone(), forged], waymark_core::Timestamp(NOW)).await.unwrap_err();
    assert_eq!(refused.code(), "forbidden", "{refused}");
    let held = waymark_client::audit_trail::hand_in(&jo_connection, vec![skipped, next.clone()], waymark_core::Timestamp(NOW)).await.unwrap();
    assert_eq!(held, next.content.seq);
    // Handed in again by Jo's next pass (it had not marked them): kept once, no problem.
    ok(&jo_app, "worker_refresh", json!({})).await;
    assert_eq!(ok(&jo_app, "audit_log", json!({})).await["problems"], json!([]));

    // Everything Jo's laptop signed verifies from the organisation's root, as the administrator's
    // own tool reads it.
    let pin = waymark_sync::roster::root_fingerprint(&o.roster.root_key).unwrap();
    let verified = organisation::read_roster(&o.store, &pin, Some(&o.roster.head)).await.unwrap().unwrap();
    assert!(verified.head.seq > o.roster.head.seq + 8, "{:?}", verified.head);
}

waymark_service::on_every_backend!(super::org;
    i_dont_feel_safe_reaches_the_duty_worker_first_and_their_answers_reach_robin,
    a_plan_written_in_the_form_reaches_robin_with_exactly_the_changes_the_preview_showed,
    an_administrator_runs_the_organisation_from_the_worker_app,
);
