//! The worker app's figures (criterion; `cargo bench -p waymark-bench --bench worker`):
//! - `worker/unlock_to_inbox/N`: open a worker's vault holding N shared items, unlock (KDF floor,
//!   so the figure is what comes after the passphrase step) and list the inbox as the window asks
//!   for it (urgent first, then newest first), through the worker app's command list;
//! - `worker/inbox_search/N`: the same inbox narrowed by a search, as the worker types;
//! - `worker/audit_verify/N`: an administrator's laptop checking one laptop's audit chain of N
//!   entries against the roster (each entry's signature and hash), as the Audit log does.
//!
//! The target (issue 19) is an inbox of 10,000 items listed within 1 s of unlocking.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::json;
use uuid::Uuid;
use waymark_bench::fixtures::{self, options, passphrase, PASSPHRASE};
use waymark_bench::sizes;
use waymark_commands::{AppState, Edition, Headless};
use waymark_core::domain::shared::SharedItem;
use waymark_core::kdf::KdfParams;
use waymark_core::entropy::SeededEntropy;
use waymark_core::{Role, Timestamp, Vault};
use waymark_sync::audit::{verify_chain, AuditAction, AuditEntry};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::roster::{root_fingerprint, RosterEntry, RosterHead, RosterLink, RosterState, WorkerRole};

const WORKER: &str = "Bench Dee";

/// A worker's vault with `n` items from 40 people, one in fifty urgent.
fn seed(dir: &std::path::Path, n: usize) {
    let mut vault = Vault::open(dir, options(KdfParams::FLOOR)).unwrap();
    let (s, _) = vault.create_profile(WORKER, Role::Worker, &passphrase()).unwrap();
    let items: Vec<SharedItem> = (0..n)
        .map(|i| {
            let body = fixtures::statement(i);
            SharedItem {
                envelope_id: Uuid::new_v4(),
                feed_seq: i as i64 + 1,
                person_id: Some(Uuid::from_u128(1 + (i % 40) as u128)),
                record_kind: "statement".into(),
                record_id: Uuid::new_v4(),
                urgent: i % 50 == 0,
                readers: vec![Uuid::from_u128(900), Uuid::from_u128(901)],
                record: json!({ "record_kind": body.kind().as_str(), "data": body.data_json() }),
                received_at: Timestamp(fixtures::START + i as i64),
                refused: None,
                receipt_sent_at: Some(Timestamp(fixtures::START + i as i64)),
                read_at: None,
                acknowledged_at: None,
                replies: Vec::new(),
                opened_at: None,
            }
        })
        .collect();
    for chunk in items.chunks(1000) {
        vault.keep_shared(&s, chunk).unwrap();
    }
}

fn app(dir: &std::path::Path) -> AppState {
    let vault = Vault::open(dir, options(KdfParams::FLOOR)).unwrap();
    AppState::new(vault, dir.join("documents"), Box::new(Headless)).for_edition(Edition::Worker)
}

fn worker(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let mut g = c.benchmark_group("worker");
    g.sample_size(10);
    for n in sizes() {
        let dir = tempfile::tempdir().unwrap();
        seed(dir.path(), n);
        g.bench_function(BenchmarkId::new("unlock_to_inbox", n), |b| {
            b.iter(|| {
                let app = app(dir.path());
                runtime.block_on(async {
                    waymark_commands::dispatch(&app, "unlock", json!({ "name": WORKER, "passphrase": PASSPHRASE })).await.unwrap().unwrap();
                    let inbox = waymark_commands::dispatch(&app, "inbox", json!({})).await.unwrap().unwrap();
                    assert_eq!(inbox["total"], n);
                    assert!(!inbox["urgent"].as_array().unwrap().is_empty());
                });
            })
        });
        let app = Arc::new(app(dir.path()));
        runtime.block_on(waymark_commands::dispatch(&app, "unlock", json!({ "name": WORKER, "passphrase": PASSPHRASE }))).unwrap().unwrap();
        g.bench_function(BenchmarkId::new("inbox_search", n), |b| {
            b.iter(|| {
                let found = runtime.block_on(waymark_commands::dispatch(&app, "inbox", json!({ "search": "football" }))).unwrap().unwrap();
                assert_eq!(found["total"], n);
            })
        });
    }
    for n in sizes() {
        let (roster, laptop, keys) = audit_roster();
        let mut entries: Vec<AuditEntry> = Vec::with_capacity(n);
        for i in 0..n {
            let action = AuditAction::Answered { envelope_id: Uuid::from_u128(i as u128), person_id: Some(Uuid::from_u128(7)), answer: "read".into() };
            let entry = AuditEntry::sign(&keys, laptop, entries.last().map(AuditEntry::head).as_ref(), fixtures::START + i as i64, action);
            entries.push(entry);
        }
        g.bench_function(BenchmarkId::new("audit_verify", n), |b| {
            b.iter(|| {
                let chain = verify_chain(&roster, laptop, entries.clone());
                assert_eq!((chain.entries.len(), chain.problems.len()), (n, 0));
            })
        });
    }
    g.finish();
}

/// A roster with one worker's laptop, and that laptop's id and keys.
fn audit_roster() -> (RosterState, Uuid, IdentityKeys) {
    let entropy = SeededEntropy::new(4);
    let root = IdentityKeys::generate(&entropy);
    let keys = IdentityKeys::generate(&entropy);
    let laptop = Uuid::from_u128(11);
    let mut links = vec![RosterLink::sign(&root, None, fixtures::START, RosterEntry::Genesis { org_id: Uuid::from_u128(1), org_name: "Bench Services".into(), root_key: root.public().signing.clone() })];
    for entry in [
        RosterEntry::AddWorker { worker_id: Uuid::from_u128(10), name: "Bench Sam".into(), role: WorkerRole::SocialWorker },
        RosterEntry::AddWorkerDevice { worker_id: Uuid::from_u128(10), device_id: laptop, keys: keys.public().clone() },
    ] {
        let last = links.last().unwrap();
        let head = RosterHead { seq: last.content.seq, hash: last.hash() };
        links.push(RosterLink::sign(&root, Some(&head), fixtures::START, entry));
    }
    let roster = RosterState::verify_chain(&links, &root_fingerprint(&root.public().signing).unwrap()).unwrap();
    (roster, laptop, keys)
}

criterion_group!(benches, worker);
criterion_main!(benches);
