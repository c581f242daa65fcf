//! The organisation's roster at the size of a large service (criterion;
//! `cargo bench -p waymark-bench --bench roster`): 5,000 people served, each with one device and a
//! social worker and an IRO, and 500 workers, each with a laptop — 21,001 signed links.
//! - `roster/verify_chain`: what a device does the first time it connects: every link's
//!   signature, authority and hash, from genesis;
//! - `roster/load_kept`: what a device does at unlock and each sync: read back the roster it
//!   verified before (JSON, as the vault keeps it once opened);
//! - `roster/extend_by_10`: a sync that finds ten new links.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::roster::{root_fingerprint, RosterEntry, RosterHead, RosterLink, RosterState, ServedRole, WorkerRole};

const PEOPLE: u128 = 5_000;
const WORKERS: u128 = 500;
const AT: i64 = 1_795_000_000;

fn next(links: &mut Vec<RosterLink>, signer: &IdentityKeys, entry: RosterEntry) {
    let last = links.last().expect("genesis first");
    let head = RosterHead { seq: last.content.seq, hash: last.hash() };
    links.push(RosterLink::sign(signer, Some(&head), AT, entry));
}

/// The whole chain, signed by the root (invented ids; seeded keys, so every run is the same).
fn large_roster() -> (Vec<RosterLink>, String, IdentityKeys) {
    let entropy = SeededEntropy::new(5);
    let root = IdentityKeys::generate(&entropy);
    let genesis = RosterEntry::Genesis { org_id: Uuid::from_u128(1), org_name: "Example Large Service".into(), root_key: root.public().signing.clone() };
    let mut links = vec![RosterLink::sign(&root, None, AT, genesis)];
    for w in 0..WORKERS {
        let role = if w % 2 == 0 { WorkerRole::SocialWorker } else { WorkerRole::Iro };
        next(&mut links, &root, RosterEntry::AddWorker { worker_id: Uuid::from_u128(10_000 + w), name: format!("Worker {w}"), role });
        let keys = IdentityKeys::generate(&entropy);
        next(&mut links, &root, RosterEntry::AddWorkerDevice { worker_id: Uuid::from_u128(10_000 + w), device_id: Uuid::from_u128(20_000 + w), keys: keys.public().clone() });
    }
    for p in 0..PEOPLE {
        let person_id = Uuid::from_u128(100_000 + p);
        next(&mut links, &root, RosterEntry::AddPerson { person_id, role: ServedRole::YoungPerson });
        let keys = IdentityKeys::generate(&entropy);
        next(&mut links, &root, RosterEntry::CertifyDevice { person_id, device_id: Uuid::from_u128(200_000 + p), keys: keys.public().clone() });
        let social_worker = 10_000 + (p % WORKERS) / 2 * 2;
        next(&mut links, &root, RosterEntry::Allocate { person_id, worker_id: Uuid::from_u128(social_worker), role: WorkerRole::SocialWorker });
        next(&mut links, &root, RosterEntry::Allocate { person_id, worker_id: Uuid::from_u128(social_worker + 1), role: WorkerRole::Iro });
    }
    let pin = root_fingerprint(&root.public().signing).unwrap();
    (links, pin, root)
}

fn roster(c: &mut Criterion) {
    let (links, pin, root) = large_roster();
    assert_eq!(links.len() as u128, 1 + 2 * WORKERS + 4 * PEOPLE);
    let state = RosterState::verify_chain(&links, &pin).unwrap();
    let kept = serde_json::to_vec(&state).unwrap();
    eprintln!("roster: {} links, {} bytes kept", links.len(), kept.len());
    let mut more = links.clone();
    for i in 0..10 {
        next(&mut more, &root, RosterEntry::AddPerson { person_id: Uuid::from_u128(900_000 + i), role: ServedRole::Carer });
    }
    let new_links = more[links.len()..].to_vec();

    let mut g = c.benchmark_group("roster");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("verify_chain", |b| b.iter(|| RosterState::verify_chain(&links, &pin).unwrap()));
    g.bench_function("load_kept", |b| b.iter(|| serde_json::from_slice::<RosterState>(&kept).unwrap()));
    g.bench_function("extend_by_10", |b| {
        b.iter(|| {
            let mut s: RosterState = serde_json::from_slice(&kept).unwrap();
            s.extend(&new_links).unwrap();
            serde_json::to_vec(&s).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, roster);
criterion_main!(benches);
