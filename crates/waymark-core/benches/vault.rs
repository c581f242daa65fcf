//! Benchmarks for the brief's figures, printed as plain lines (run with
//! `cargo bench -p waymark-core --bench vault`):
//! - sealed record write and read throughput against the same rows in plain SQLite, same run;
//! - the Argon2id default's time (the KDF should take 0.3–1 s);
//! - unlocking (after the KDF) and listing a vault of 10,000 records;
//! - full-text search over a 500-article library.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::params;
use waymark_core::domain::library::{Audience, LibraryBundle, Resource};
use waymark_core::domain::{PathwayNote, RecordBody, RecordKind};
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{FixedClock, Role, SystemEntropy, Timestamp, Vault, VaultOptions};

fn note(i: usize) -> RecordBody {
    RecordBody::PathwayNote(PathwayNote {
        matter: None,
        plan_id: None,
        goal_id: None,
        text: format!("Note {i}: went to the college open day and asked about the bricklaying course. Need to bring ID next time."),
        progress: Some((i % 100) as u8),
        shared: false,
        written_at: Timestamp(1_795_000_000 + i as i64),
    })
}

fn options(kdf: KdfParams) -> VaultOptions {
    VaultOptions { kdf, clock: Arc::new(FixedClock::at(1_795_000_000)), entropy: Arc::new(SystemEntropy::new()) }
}

fn per_sec(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn throughput(n: usize, batched: bool) {
    let dir = tempfile::tempdir().unwrap();
    let pass = Passphrase::new("bench lantern otter".into());
    let mut vault = Vault::open(&dir.path().join("sealed"), options(KdfParams::FLOOR)).unwrap();
    let (s, _) = vault.create_profile("Bench", Role::YoungPerson, &pass).unwrap();

    // Plain SQLite: the same rows (id, kind, version, JSON), same settings, same transactions.
    let plain = rusqlite::Connection::open(dir.path().join("plain.db")).unwrap();
    for (k, v) in [("journal_mode", "WAL"), ("synchronous", "FULL"), ("secure_delete", "ON"), ("temp_store", "MEMORY")] {
        plain.pragma_update(None, k, v).unwrap();
    }
    plain.execute_batch("CREATE TABLE records (profile_id BLOB NOT NULL, id BLOB NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (profile_id, id)) WITHOUT ROWID; CREATE INDEX records_by_kind ON records (profile_id, kind);").unwrap();

    let bodies: Vec<RecordBody> = (0..n).map(note).collect();

    let t = Instant::now();
    let written = if batched {
        vault.insert_many(&s, bodies.clone()).unwrap()
    } else {
        bodies.iter().map(|b| vault.insert(&s, b.clone()).unwrap()).collect()
    };
    let sealed_write = t.elapsed();
    // The plain table gets the very same ids, so both B-trees grow the same way.
    let ids: Vec<[u8; 16]> = written.iter().map(|r| *r.id.as_bytes()).collect();

    let t = Instant::now();
    let profile = [7u8; 16];
    // The plain path does all the same work except sealing: validation, a fresh random id (the
    // value is discarded so both B-trees get the same keys), JSON, the same upsert.
    let entropy = SystemEntropy::new();
    let write_plain = |tx: &rusqlite::Connection, i: usize, b: &RecordBody| {
        b.validate().unwrap();
        std::hint::black_box(waymark_core::RecordId::random(&entropy));
        tx.prepare_cached(
            "INSERT INTO records (profile_id, id, kind, version, body) VALUES (?1, ?2, ?3, 1, ?4)
             ON CONFLICT (profile_id, id) DO UPDATE SET version = excluded.version, body = excluded.body",
        )
        .unwrap()
        .execute(params![&profile[..], &ids[i][..], b.kind().as_str(), serde_json::to_vec(&b.data_json()).unwrap()])
        .unwrap();
    };
    if batched {
        let tx = rusqlite::Transaction::new_unchecked(&plain, rusqlite::TransactionBehavior::Immediate).unwrap();
        for (i, b) in bodies.iter().enumerate() {
            write_plain(&tx, i, b);
        }
        tx.commit().unwrap();
    } else {
        for (i, b) in bodies.iter().enumerate() {
            let tx = rusqlite::Transaction::new_unchecked(&plain, rusqlite::TransactionBehavior::Immediate).unwrap();
            write_plain(&tx, i, b);
            tx.commit().unwrap();
        }
    }
    let plain_write = t.elapsed();

    let t = Instant::now();
    let list = vault.list(&s, Some(RecordKind::PathwayNote)).unwrap();
    assert_eq!(list.records.len(), n);
    let sealed_read = t.elapsed();

    let t = Instant::now();
    let mut stmt = plain
        .prepare("SELECT id, kind, version, body FROM records WHERE profile_id = ?1 AND (?2 IS NULL OR kind = ?2)")
        .unwrap();
    let mut rows = stmt.query(params![&profile[..], "pathway_note"]).unwrap();
    let mut count = 0;
    while let Some(r) = rows.next().unwrap() {
        let id: Vec<u8> = r.get(0).unwrap();
        let kind: String = r.get(1).unwrap();
        let _version: u32 = r.get(2).unwrap();
        let body: Vec<u8> = r.get(3).unwrap();
        std::hint::black_box(waymark_core::RecordId::from_slice(&id).unwrap());
        let kind = RecordKind::parse(&kind).unwrap();
        std::hint::black_box(RecordBody::from_json(kind, &body).unwrap());
        count += 1;
    }
    assert_eq!(count, n);
    let plain_read = t.elapsed();

    let label = if batched { "one transaction" } else { "one transaction per record" };
    println!(
        "write, {label}: sealed {:.0}/s, plain {:.0}/s, ratio {:.2}",
        per_sec(n, sealed_write),
        per_sec(n, plain_write),
        plain_write.as_secs_f64() / sealed_write.as_secs_f64()
    );
    println!(
        "read all, {label} data: sealed {:.0}/s, plain {:.0}/s, ratio {:.2}",
        per_sec(n, sealed_read),
        per_sec(n, plain_read),
        plain_read.as_secs_f64() / sealed_read.as_secs_f64()
    );
}

fn kdf_default() {
    let pass = Passphrase::new("bench lantern otter".into());
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            KdfParams::DEFAULT.derive(&pass, &[1u8; 16]).unwrap();
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "argon2id default ({} MiB, {} passes, {} lane): median {:.0} ms",
        KdfParams::DEFAULT.memory_kib / 1024,
        KdfParams::DEFAULT.iterations,
        KdfParams::DEFAULT.parallelism,
        times[1].as_secs_f64() * 1000.0
    );
}

fn open_10k() {
    let dir = tempfile::tempdir().unwrap();
    let pass = Passphrase::new("bench lantern otter".into());
    {
        let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
        let (s, _) = vault.create_profile("Bench", Role::YoungPerson, &pass).unwrap();
        vault.insert_many(&s, (0..10_000).map(note).collect()).unwrap();
    }
    let t = Instant::now();
    let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
    let opened = t.elapsed();
    let t = Instant::now();
    let s = vault.unlock("Bench", &pass).unwrap();
    let unlock_floor = t.elapsed();
    let t = Instant::now();
    let list = vault.list(&s, None).unwrap();
    let listed = t.elapsed();
    assert_eq!(list.records.len(), 10_000);
    println!(
        "10,000 records: open file {:.1} ms, unlock at the KDF floor {:.0} ms, open and read every record {:.0} ms",
        opened.as_secs_f64() * 1000.0,
        unlock_floor.as_secs_f64() * 1000.0,
        listed.as_secs_f64() * 1000.0
    );
}

fn search_500() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
    let words = ["safer", "caring", "phone", "contact", "allegation", "review", "pathway", "money", "health", "school", "family", "online", "photos", "transport", "training"];
    let items: Vec<Resource> = (0..500)
        .map(|i| Resource {
            id: format!("article-{i}"),
            audience: if i % 3 == 0 { Audience::YoungPerson } else { Audience::Carer },
            title: format!("Guide {i} on {}", words[i % words.len()]),
            summary: format!("A short guide about {} and {}.", words[i % words.len()], words[(i * 7) % words.len()]),
            body: (0..600).map(|j| words[(i + j * 3) % words.len()]).collect::<Vec<_>>().join(" "),
            tags: vec![words[(i * 5) % words.len()].to_string()],
            last_reviewed: "2026-11-01".into(),
            sources: vec![],
        })
        .collect();
    vault
        .install_library(&LibraryBundle { format: "waymark-library".into(), format_version: 1, bundle_version: 1, items })
        .unwrap();
    let queries = ["allegation", "phone rul", "contact with family", "leaving care money", "what is a review"];
    let mut times = Vec::new();
    for _ in 0..20 {
        for q in queries {
            let t = Instant::now();
            let _ = vault.search_library(q, 20).unwrap();
            times.push(t.elapsed());
        }
    }
    times.sort();
    println!(
        "search 500 articles: median {:.2} ms, worst {:.2} ms over {} searches",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        times.len()
    );
}

/// The cost of sealing and opening alone, per record, without SQLite.
fn seal_alone() {
    use waymark_core::seal::{RecordBinding, RecordSealer};
    let e = SystemEntropy::new();
    let key = waymark_core::secret::VaultKey::generate(&e);
    let sealer = RecordSealer::new(&key);
    let profile = waymark_core::ProfileId::random(&e);
    let record = waymark_core::RecordId::random(&e);
    let b = RecordBinding { profile: &profile, record: &record, kind: "pathway_note", version: 1 };
    let plain = serde_json::to_vec(&note(1).data_json()).unwrap();
    let n = 100_000;
    let t = Instant::now();
    let mut last = Vec::new();
    for _ in 0..n {
        last = sealer.seal(b, &plain, &e);
    }
    let sealed = t.elapsed();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(sealer.open(b, &last).unwrap());
    }
    let opened = t.elapsed();
    println!(
        "seal alone: {:.2} µs, open alone: {:.2} µs ({} byte record)",
        sealed.as_secs_f64() * 1e6 / n as f64,
        opened.as_secs_f64() * 1e6 / n as f64,
        plain.len()
    );
}

fn main() {
    // `cargo test --benches` passes --bench-less args; only run when asked to benchmark.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    kdf_default();
    seal_alone();
    // Each comparison runs twice; the first run warms the allocator and page cache for both.
    for _ in 0..2 {
        throughput(2_000, false);
        throughput(20_000, true);
    }
    open_10k();
    search_500();
}
