//! Sync over loopback (criterion; `cargo bench -p waymark-bench --bench sync`): a young person's
//! N shared statements going up to a real service (axum on 127.0.0.1, SQLite back end, the same
//! code as `waymark-service serve`), and N receipts coming back down.
//! - `sync/up/N`: seal each for the service, send in batches, record each in the vault;
//! - `sync/down/N`: read the mailbox page by page, check and apply every receipt.
//! - `sync/up-to-workers/N` and `sync/down-from-workers/N`: the same on a connection that pins an
//!   organisation's roster (issue 18): each record sealed in format 4 to the chosen social
//!   worker's approved laptop, with the device's roster head inside; and N receipts signed by
//!   that laptop, each checked against the roster and the laptops the statement was sealed to.
//!
//! - `sync/worker-app-catch-up/N`: the worker app catching up on N envelopes sealed to its
//!   laptop (issue 19): `worker_refresh` through the worker app's command list reads the roster
//!   from genesis, takes the whole feed page by page, checks and opens each envelope, keeps each
//!   sealed in the worker's vault, tells each sender it arrived, and reads the alerts. The
//!   envelopes are the social worker's statements; a duty laptop's urgent feed costs the same
//!   per envelope.
//!
//! Each sample starts from a copy of one prepared vault and service database, so every sample
//! sends the same N items; copying and starting the service are not timed. Both clocks are the
//! system's, as in the app, so requests are signed and checked against real time.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use waymark_bench::fixtures::{self, passphrase, PROFILE};
use waymark_bench::sizes;
use waymark_client::{
    apply_mail, apply_roster, batches, device_code, enrol, fetch_mail, fetch_roster, finish_batch, more_mail_waiting, prepare_sends, preview, roster_from, send_batch,
};
use waymark_core::connection::ServiceConnection;
use waymark_core::domain::{RecordBody, ShareableKind};
use waymark_core::kdf::KdfParams;
use waymark_core::{Clock, Session, SystemClock, SystemEntropy, Vault, VaultOptions};
use waymark_service::http::{router, ServiceState};
use waymark_service::limits::Rate;
use waymark_service::outgoing::ReceiptSender;
use waymark_service::store::{NewInvite, ServiceStore, SqliteStore};
use waymark_sync::deletion::ReceiptSigner;
use waymark_sync::invite::{Invite, INVITE_FORMAT};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::mail::ReceiptStatus;

const SERVICE: &str = "Northvale Children's Services";

fn vault_options() -> VaultOptions {
    VaultOptions { kdf: KdfParams::FLOOR, clock: Arc::new(SystemClock), entropy: Arc::new(SystemEntropy::new()) }
}

/// A service on a fresh loopback port over the database in `dir`; returns its address.
async fn serve(dir: &Path, keys: &IdentityKeys) -> (String, SqliteStore) {
    std::fs::create_dir_all(dir).unwrap();
    let store = SqliteStore::open(&dir.join("service.db")).unwrap();
    let seed = [9u8; 32];
    let until = 4_000_000_000; // 2096: past any run
    let receipts = ReceiptSigner::new(&seed, &ReceiptSigner::certify(keys, &seed, until).unwrap(), until).unwrap();
    let mut state = ServiceState::new(store.clone(), SERVICE.into(), keys.public().clone(), Arc::new(SystemClock), receipts);
    // A device may make 120 calls and then 60 a minute; catching up on 100,000 records takes 700,
    // so the limit would be measured instead of the work. Everything else is as served.
    state.per_device = Rate { burst: 1_000_000, per_minute: 1_000_000 };
    let state = Arc::new(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router(state)).await.unwrap() });
    (url, store)
}

/// Makes the template: a vault connected to the service with `n` ready statements queued for it.
async fn template(dir: &Path, keys: &IdentityKeys, n: usize) {
    let (url, store) = serve(&dir.join("service"), keys).await;
    let token = Invite::new_token(&SystemEntropy::new());
    let now = SystemClock.now().0;
    store
        .add_invite(NewInvite { token_hash: Invite::token_hash(&token).unwrap(), person_id: None, person_name: PROFILE.into(), role: "young_person".into(), created_at: now, expires_at: now + 3600 })
        .await
        .unwrap();
    let code = Invite { format: INVITE_FORMAT, service_url: url, service_name: SERVICE.into(), fingerprint: keys.public().fingerprint().unwrap(), token, expires_at: now + 3600, organisation: None, person_id: None }.to_code();
    let mut vault = Vault::open(&dir.join("vault"), vault_options()).unwrap();
    let (s, _) = vault.create_profile(PROFILE, waymark_core::Role::YoungPerson, &passphrase()).unwrap();
    let connection = enrol(&preview(&code, vault.now()).await.unwrap(), &SystemEntropy::new(), vault.now()).await.unwrap();
    vault.save_service_connection(&s, &connection).unwrap();
    vault.grant_consent(&s, ShareableKind::Statement, SERVICE).unwrap();
    let written = vault.insert_many(&s, (0..n).map(fixtures::statement).collect::<Vec<RecordBody>>()).unwrap();
    for r in written {
        vault.share_record(&s, r.id, SERVICE).unwrap();
    }
}

/// The roster path's template: an organisation with Robin (approved) and a social worker with an
/// approved laptop, Robin's vault holding the verified roster and `n` statements queued for the
/// social worker. Returns the worker laptop's connection (its address is the template's).
async fn template_roster(dir: &Path, keys: &IdentityKeys, n: usize) -> ServiceConnection {
    use waymark_service::organisation::{self, InviteDetails, RootKeyFile};
    use waymark_sync::roster::{RosterEntry, ServedRole, WorkerRole};
    let entropy = SystemEntropy::new();
    let (url, store) = serve(&dir.join("service"), keys).await;
    let now = SystemClock.now().0;
    let (root_file, root) = RootKeyFile::create(SERVICE, &passphrase(), KdfParams::FLOOR, &entropy).unwrap();
    let mut roster = organisation::start_roster(&store, &root_file, &root, now).await.unwrap();
    let fingerprint = keys.public().fingerprint().unwrap();
    let details = InviteDetails { service_url: &url, service_name: SERVICE, service_fingerprint: &fingerprint, expires_at: now + 3600 };
    let (person, invite) = organisation::invite_person(&store, &mut roster, &root, PROFILE, ServedRole::YoungPerson, &details, &entropy, now).await.unwrap();
    let mut vault = Vault::open(&dir.join("vault"), vault_options()).unwrap();
    let (s, _) = vault.create_profile(PROFILE, waymark_core::Role::YoungPerson, &passphrase()).unwrap();
    let connection = enrol(&preview(&invite.to_code(), vault.now()).await.unwrap(), &entropy, vault.now()).await.unwrap();
    vault.save_service_connection(&s, &connection).unwrap();
    let code = device_code(&connection).unwrap();
    organisation::approve_device(&store, &mut roster, &root, connection.device_id, person, &code, now).await.unwrap();
    let worker = organisation::add_worker(&store, &mut roster, &root, "Sam Okafor", WorkerRole::SocialWorker, &entropy, now).await.unwrap();
    organisation::append(&store, &mut roster, &root, RosterEntry::Allocate { person_id: person, worker_id: worker, role: WorkerRole::SocialWorker }, now).await.unwrap();
    let invite = organisation::invite_worker(&store, &roster, worker, &details, &entropy, now).await.unwrap();
    let laptop = enrol(&preview(&invite.to_code(), vault.now()).await.unwrap(), &entropy, vault.now()).await.unwrap();
    organisation::approve_device(&store, &mut roster, &root, laptop.device_id, worker, &device_code(&laptop).unwrap(), now).await.unwrap();
    loop {
        let from = roster_from(&vault, &s, &connection).unwrap();
        let page = fetch_roster(&connection, from, vault.now()).await.unwrap();
        if !apply_roster(&mut vault, &s, &page).unwrap() {
            break;
        }
    }
    vault.grant_consent(&s, ShareableKind::Statement, &connection.recipient_for(&[WorkerRole::SocialWorker])).unwrap();
    let written = vault.insert_many(&s, (0..n).map(fixtures::statement).collect::<Vec<RecordBody>>()).unwrap();
    for r in written {
        vault.share_with(&s, r.id, &connection).unwrap();
    }
    laptop
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the template, its service running, the vault unlocked and pointed at it.
async fn fresh(template: &Path, keys: &IdentityKeys) -> (tempfile::TempDir, Vault, Session, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(template, dir.path());
    let (url, store) = serve(&dir.path().join("service"), keys).await;
    let mut vault = Vault::open(&dir.path().join("vault"), vault_options()).unwrap();
    let s = vault.unlock(PROFILE, &passphrase()).unwrap();
    let mut connection = vault.service_connection(&s).unwrap().unwrap();
    connection.service_url = url;
    vault.save_service_connection(&s, &connection).unwrap();
    (dir, vault, s, store)
}

async fn up(vault: &mut Vault, s: &Session, n: usize) {
    let entropy = SystemEntropy::new();
    let (prepared, _) = prepare_sends(vault, s, &entropy).unwrap();
    assert_eq!(prepared.len(), n);
    for group in batches(&prepared) {
        let receipts = send_batch(group, vault.now()).await.unwrap();
        finish_batch(vault, s, group, Some(&receipts), &entropy).unwrap();
    }
}

async fn down(vault: &mut Vault, s: &Session, n: usize) {
    let mut receipts = 0;
    loop {
        let connection = vault.service_connection(s).unwrap().unwrap();
        let items = fetch_mail(&connection, vault.now()).await.unwrap();
        receipts += apply_mail(vault, s, &items).unwrap().receipts;
        let taken = vault.service_connection(s).unwrap().unwrap();
        let acked = waymark_client::ack_mail(&taken, vault.now()).await.unwrap();
        waymark_client::mail_acked(vault, s, &acked).unwrap();
        if !more_mail_waiting(&items) {
            break;
        }
    }
    assert_eq!(receipts, n);
}

fn sync(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let keys = IdentityKeys::generate(&SystemEntropy::new());
    let mut g = c.benchmark_group("sync");
    g.sample_size(10);
    for n in sizes() {
        let template_dir = tempfile::tempdir().unwrap();
        runtime.block_on(template(template_dir.path(), &keys, n));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("up", n), |b| {
            b.iter_custom(|iters| {
                runtime.block_on(async {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let (_dir, mut vault, s, _store) = fresh(template_dir.path(), &keys).await;
                        let t = Instant::now();
                        up(&mut vault, &s, n).await;
                        total += t.elapsed();
                    }
                    total
                })
            })
        });
        g.bench_function(BenchmarkId::new("down", n), |b| {
            b.iter_custom(|iters| {
                runtime.block_on(async {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let (_dir, mut vault, s, store) = fresh(template_dir.path(), &keys).await;
                        up(&mut vault, &s, n).await;
                        // The service says "received" for each, as `waymark-service inbox` does.
                        let entropy = SystemEntropy::new();
                        let mut receipts = ReceiptSender::new(&store, &keys, &entropy);
                        for item in store.envelopes(0, n as u32).await.unwrap() {
                            receipts.send(&item, ReceiptStatus::Received, SystemClock.now().0).await.unwrap();
                        }
                        let t = Instant::now();
                        down(&mut vault, &s, n).await;
                        total += t.elapsed();
                    }
                    total
                })
            })
        });
    }
    g.finish();
}

fn sync_to_workers(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let keys = IdentityKeys::generate(&SystemEntropy::new());
    let mut g = c.benchmark_group("sync");
    g.sample_size(10);
    for n in sizes() {
        let template_dir = tempfile::tempdir().unwrap();
        let laptop = runtime.block_on(template_roster(template_dir.path(), &keys, n));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("up-to-workers", n), |b| {
            b.iter_custom(|iters| {
                runtime.block_on(async {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let (_dir, mut vault, s, _store) = fresh(template_dir.path(), &keys).await;
                        let t = Instant::now();
                        up(&mut vault, &s, n).await;
                        total += t.elapsed();
                    }
                    total
                })
            })
        });
        g.bench_function(BenchmarkId::new("down-from-workers", n), |b| {
            b.iter_custom(|iters| {
                runtime.block_on(async {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let (_dir, mut vault, s, _store) = fresh(template_dir.path(), &keys).await;
                        up(&mut vault, &s, n).await;
                        // The social worker's laptop takes each and says so, as `waymark-worker shared` does.
                        let connection = vault.service_connection(&s).unwrap().unwrap();
                        let worker = laptop_at(&laptop, &connection.service_url);
                        let roster = waymark_client::worker::read_roster(&worker, None, vault.now()).await.unwrap();
                        let feed = waymark_client::worker::read_feed(&worker, &roster.state, 0, vault.now()).await.unwrap();
                        let answers =
                            feed.iter().map(|(_, r)| (r.as_ref().unwrap(), waymark_client::worker::Answer::Receipt(ReceiptStatus::Received))).collect();
                        waymark_client::worker::answer_all(&worker, &roster.state, answers, &SystemEntropy::new(), vault.now()).await.unwrap();
                        let t = Instant::now();
                        down(&mut vault, &s, n).await;
                        total += t.elapsed();
                    }
                    total
                })
            })
        });
    }
    g.finish();
}

/// The worker laptop's connection, pointed at a fresh copy's address.
fn laptop_at(laptop: &ServiceConnection, url: &str) -> ServiceConnection {
    ServiceConnection {
        service_url: url.to_string(),
        service_name: laptop.service_name.clone(),
        service_signing_key: laptop.service_signing_key.clone(),
        service_receiving_key: laptop.service_receiving_key.clone(),
        fingerprint: laptop.fingerprint.clone(),
        device_id: laptop.device_id,
        connected_at: laptop.connected_at,
        organisation: laptop.organisation.clone(),
        person_id: laptop.person_id,
        device_secret: laptop.device_secret.clone(),
        mailbox_cursor: 0,
        mail_to_ack: Vec::new(),
    }
}

/// A worker app over a fresh vault in `dir`, with a worker's profile holding `laptop` (the
/// worker's enrolled connection), unlocked, as the worker app is after set-up.
async fn worker_app(dir: &Path, laptop: ServiceConnection) -> waymark_commands::AppState {
    use waymark_commands::{AppState, Edition, Headless};
    {
        let mut vault = Vault::open(dir, vault_options()).unwrap();
        let (s, _) = vault.create_profile("Bench Dee", waymark_core::Role::Worker, &passphrase()).unwrap();
        vault.save_service_connection(&s, &laptop).unwrap();
    }
    let app = AppState::new(Vault::open(dir, vault_options()).unwrap(), dir.join("documents"), Box::new(Headless)).for_edition(Edition::Worker);
    let unlock = serde_json::json!({ "name": "Bench Dee", "passphrase": fixtures::PASSPHRASE });
    waymark_commands::dispatch(&app, "unlock", unlock).await.unwrap().unwrap();
    app
}

fn worker_app_catch_up(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let keys = IdentityKeys::generate(&SystemEntropy::new());
    let mut g = c.benchmark_group("sync");
    g.sample_size(10);
    for n in sizes() {
        let template_dir = tempfile::tempdir().unwrap();
        let laptop = runtime.block_on(template_roster(template_dir.path(), &keys, n));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("worker-app-catch-up", n), |b| {
            b.iter_custom(|iters| {
                runtime.block_on(async {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let (dir, mut vault, s, _store) = fresh(template_dir.path(), &keys).await;
                        up(&mut vault, &s, n).await;
                        let url = vault.service_connection(&s).unwrap().unwrap().service_url;
                        let app = worker_app(&dir.path().join("worker"), laptop_at(&laptop, &url)).await;
                        let t = Instant::now();
                        waymark_commands::dispatch(&app, "worker_refresh", serde_json::json!({})).await.unwrap().unwrap();
                        total += t.elapsed();
                        let inbox = waymark_commands::dispatch(&app, "inbox", serde_json::json!({})).await.unwrap().unwrap();
                        assert_eq!(inbox["total"], n, "every envelope was taken");
                    }
                    total
                })
            })
        });
    }
    g.finish();
}

criterion_group!(benches, sync, sync_to_workers, worker_app_catch_up);
criterion_main!(benches);
