//! The vault's figures (criterion; `cargo bench -p waymark-bench --bench vault`):
//! - `write/{sealed,plain}/N`: N records written in one transaction, sealed by the vault or as
//!   the same rows in plain SQLite (same pragmas, same ids, validation and JSON); the ratio of
//!   the two is the brief's "≥ 0.8× plain" figure (bench/report.py prints it);
//! - `write_each/{sealed,plain}/1000`: a transaction per record, as the app saves one action;
//! - `read/{sealed,plain}/N`: every record read back and parsed;
//! - `unlock/{default_kdf,floor_kdf}`: the passphrase step, with and without the real KDF cost;
//! - `open_to_home/N`: open the vault file, unlock (KDF floor, so the figure is what comes after
//!   the passphrase step) and read what the young person's home screen shows;
//! - `search/500`: library search as a carer types;
//! - `rekey/N`: changing the passphrase of a vault of N records, which seals every row again under
//!   a new key (KDF floor, so the figure is the re-sealing; the real KDF adds its 0.4 s twice);
//! - `integrity_check/N`: the whole-vault check at unlock alone (every row's keyed term).

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use rusqlite::{params, Connection};
use waymark_bench::fixtures::{self, options, passphrase, write_plain, PLAIN_PROFILE, PROFILE};
use waymark_bench::{sizes, smoke};
use waymark_core::domain::{RecordBody, RecordKind};
use waymark_core::kdf::KdfParams;
use waymark_core::{Language, RecordId, SystemEntropy, Vault};

/// The vault's own database (same migrations, pragmas, constraints and triggers) with the JSON
/// stored as it is instead of sealed: the baseline the brief compares against, so the
/// difference is the cost of sealing and nothing else.
fn plain_db(path: &Path) -> Connection {
    let db = waymark_core::store::open(path).unwrap();
    db.execute(
        "INSERT OR IGNORE INTO profiles (id, display_name, role, created_at, passphrase_wrap, recovery_wrap) VALUES (?1, 'Plain', 'young_person', 0, x'00', x'00')",
        params![&PLAIN_PROFILE[..]],
    )
    .unwrap();
    db
}

fn immediate(db: &Connection) -> rusqlite::Transaction<'_> {
    rusqlite::Transaction::new_unchecked(db, rusqlite::TransactionBehavior::Immediate).unwrap()
}

fn write(c: &mut Criterion) {
    let mut g = c.benchmark_group("write");
    g.sample_size(10);
    for n in sizes() {
        let bodies = fixtures::young_persons_records(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("sealed", n), &bodies, |b, bodies| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().unwrap();
                    let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
                    let (s, _) = vault.create_profile(PROFILE, waymark_core::Role::YoungPerson, &passphrase()).unwrap();
                    (dir, vault, s, bodies.clone())
                },
                |(dir, mut vault, s, bodies)| {
                    vault.insert_many(&s, bodies).unwrap();
                    (dir, vault)
                },
                BatchSize::PerIteration,
            )
        });
        g.bench_with_input(BenchmarkId::new("plain", n), &bodies, |b, bodies| {
            let entropy = SystemEntropy::new();
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().unwrap();
                    let db = plain_db(&dir.path().join("plain.db"));
                    (dir, db)
                },
                |(dir, db)| {
                    let tx = immediate(&db);
                    for body in bodies {
                        write_plain(&tx, &entropy, body);
                    }
                    tx.commit().unwrap();
                    (dir, db)
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();

    // One action, one transaction: how the app really writes.
    let mut g = c.benchmark_group("write_each");
    g.sample_size(10);
    let n = if smoke() { 20 } else { 1_000 };
    let bodies = fixtures::young_persons_records(n);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(BenchmarkId::new("sealed", n), |b| {
        let dir = tempfile::tempdir().unwrap();
        let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
        let (s, _) = vault.create_profile(PROFILE, waymark_core::Role::YoungPerson, &passphrase()).unwrap();
        b.iter(|| {
            for body in &bodies {
                vault.insert(&s, body.clone()).unwrap();
            }
        })
    });
    g.bench_function(BenchmarkId::new("plain", n), |b| {
        let dir = tempfile::tempdir().unwrap();
        let db = plain_db(&dir.path().join("plain.db"));
        let entropy = SystemEntropy::new();
        b.iter(|| {
            for body in &bodies {
                let tx = immediate(&db);
                write_plain(&tx, &entropy, body);
                tx.commit().unwrap();
            }
        })
    });
    g.finish();
}

fn read(c: &mut Criterion) {
    let mut g = c.benchmark_group("read");
    g.sample_size(10);
    for n in sizes() {
        let dir = tempfile::tempdir().unwrap();
        let (vault, s) = fixtures::seed_vault(&dir.path().join("vault"), n, KdfParams::FLOOR);
        let db = plain_db(&dir.path().join("plain.db"));
        let entropy = SystemEntropy::new();
        let tx = immediate(&db);
        for body in fixtures::young_persons_records(n) {
            write_plain(&tx, &entropy, &body);
        }
        tx.commit().unwrap();

        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("sealed", n), |b| {
            b.iter(|| assert_eq!(vault.list(&s, None).unwrap().records.len(), n))
        });
        g.bench_function(BenchmarkId::new("plain", n), |b| {
            b.iter(|| {
                let mut stmt = db.prepare_cached("SELECT id, kind, version, sealed FROM records WHERE profile_id = ?1 AND (?2 IS NULL OR kind = ?2)").unwrap();
                let mut rows = stmt.query(params![&PLAIN_PROFILE[..], None::<&str>]).unwrap();
                let mut count = 0;
                while let Some(r) = rows.next().unwrap() {
                    let id: Vec<u8> = r.get(0).unwrap();
                    let kind: String = r.get(1).unwrap();
                    let _version: u32 = r.get(2).unwrap();
                    let body: Vec<u8> = r.get(3).unwrap();
                    std::hint::black_box(RecordId::from_slice(&id).unwrap());
                    std::hint::black_box(RecordBody::from_json(RecordKind::parse(&kind).unwrap(), &body).unwrap());
                    count += 1;
                }
                assert_eq!(count, n);
            })
        });
    }
    g.finish();
}

fn unlock(c: &mut Criterion) {
    let mut g = c.benchmark_group("unlock");
    g.sample_size(10);
    for (name, kdf) in [("default_kdf", KdfParams::DEFAULT), ("floor_kdf", KdfParams::FLOOR)] {
        let dir = tempfile::tempdir().unwrap();
        let (mut vault, _) = fixtures::seed_vault(dir.path(), 10, kdf);
        g.bench_function(name, |b| b.iter(|| vault.unlock(PROFILE, &passphrase()).unwrap()));
    }
    g.finish();
}

fn open_to_home(c: &mut Criterion) {
    let mut g = c.benchmark_group("open_to_home");
    g.sample_size(10);
    for n in sizes() {
        let dir = tempfile::tempdir().unwrap();
        drop(fixtures::seed_vault(dir.path(), n, KdfParams::FLOOR));
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
                let s = vault.unlock(PROFILE, &passphrase()).unwrap();
                // What the young person's home screen asks for.
                let statements = vault.statements(&s).unwrap();
                let plans = vault.plan_overview(&s).unwrap();
                assert!(!statements.is_empty() && plans.len() == 1);
            })
        });
    }
    g.finish();
}

fn search(c: &mut Criterion) {
    let mut g = c.benchmark_group("search");
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(dir.path(), options(KdfParams::FLOOR)).unwrap();
    vault.install_library(&fixtures::library(500)).unwrap();
    for q in fixtures::QUERIES {
        g.bench_with_input(BenchmarkId::new("500", q), q, |b, q| b.iter(|| vault.search_library(q, 20, Language::EnGb).unwrap()));
    }
    g.finish();
}

/// Sealing and opening one record alone, without SQLite: what the sealed-vs-plain gap is made of.
fn seal_alone(c: &mut Criterion) {
    use waymark_core::seal::{RecordBinding, RecordSealer};
    let mut g = c.benchmark_group("seal_alone");
    let entropy = SystemEntropy::new();
    let key = waymark_core::secret::VaultKey::generate(&entropy);
    let sealer = RecordSealer::new(&key);
    let profile = waymark_core::ProfileId::random(&entropy);
    let record = RecordId::random(&entropy);
    let binding = RecordBinding { profile: &profile, record: &record, kind: "statement", version: 1 };
    let plain = serde_json::to_vec(&fixtures::statement(1).data_json()).unwrap();
    let sealed = sealer.seal(binding, &plain, &entropy);
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function("seal", |b| b.iter(|| sealer.seal(binding, &plain, &entropy)));
    g.bench_function("open", |b| b.iter(|| sealer.open(binding, &sealed).unwrap()));
    g.bench_function("parse_json", |b| b.iter(|| RecordBody::from_json(RecordKind::Statement, &plain).unwrap()));
    g.finish();
}

fn rekey(c: &mut Criterion) {
    let mut g = c.benchmark_group("rekey");
    g.sample_size(10);
    for n in sizes() {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().unwrap();
                    let (vault, s) = fixtures::seed_vault(dir.path(), n, KdfParams::FLOOR);
                    (dir, vault, s)
                },
                |(dir, mut vault, mut s)| {
                    let new = waymark_core::secret::Passphrase::new("fresh meadow lanterns".into());
                    vault.change_passphrase(&mut s, &passphrase(), &new, &mut |_| {}).unwrap();
                    (dir, vault, s)
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();

    let mut g = c.benchmark_group("integrity_check");
    g.sample_size(10);
    for n in sizes() {
        let dir = tempfile::tempdir().unwrap();
        let (vault, s) = fixtures::seed_vault(dir.path(), n, KdfParams::FLOOR);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::from_parameter(n), |b| b.iter(|| assert!(vault.integrity_findings(&s).unwrap().is_sound())));
    }
    g.finish();
}

criterion_group!(benches, write, read, unlock, open_to_home, search, seal_alone, rekey);
criterion_main!(benches);
