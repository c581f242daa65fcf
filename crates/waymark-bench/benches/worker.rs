//! The worker app's figures (criterion; `cargo bench -p waymark-bench --bench worker`):
//! - `worker/unlock_to_inbox/N`: open a worker's vault holding N shared items, unlock (KDF floor,
//!   so the figure is what comes after the passphrase step) and list the inbox as the window asks
//!   for it (urgent first, then newest first), through the worker app's command list;
//! - `worker/inbox_search/N`: the same inbox narrowed by a search, as the worker types.
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
use waymark_core::{Role, Timestamp, Vault};

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
    g.finish();
}

criterion_group!(benches, worker);
criterion_main!(benches);
