//! Writes and reads the same invented records three ways in one run, on one SQLite engine
//! (SQLCipher's, which without a key is plain SQLite): plain rows, Waymark's sealed vault (with
//! its integrity state), and SQLCipher's whole-file encryption. Prints medians and the ratios to
//! plain, for docs/PERFORMANCE.md.
//!
//! `waymark-sqlcipher-bench [SIZES] [RUNS]`, e.g. `1000,10000,100000 5`.

#[path = "../../../crates/waymark-bench/src/fixtures.rs"]
#[allow(dead_code)]
mod fixtures;

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use waymark_core::domain::{RecordBody, RecordKind};
use waymark_core::kdf::KdfParams;
use waymark_core::{RecordId, SystemEntropy, Vault};

use fixtures::PLAIN_PROFILE as PROFILE_ID;

/// The vault's schema, pragmas and triggers, on a connection already keyed (or not).
fn prepare(conn: &Connection) {
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.pragma_update(None, "secure_delete", "ON").unwrap();
    conn.pragma_update(None, "temp_store", "MEMORY").unwrap();
    waymark_core::integrity::register_functions(conn).unwrap();
    waymark_core::store::migrate(conn).unwrap();
    conn.execute(
        "INSERT INTO profiles (id, display_name, role, created_at, passphrase_wrap, recovery_wrap) VALUES (?1, 'Plain', 'young_person', 0, x'00', x'00')",
        params![&PROFILE_ID[..]],
    )
    .unwrap();
}

fn plain(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    prepare(&conn);
    conn
}

/// SQLCipher with a raw 256-bit key (as an app would pass one derived from a passphrase, so the
/// key derivation is not in what is timed), its defaults otherwise (AES-256-CBC, HMAC-SHA512 per
/// 4 KiB page).
fn sqlcipher(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA key = \"x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'\";").unwrap();
    prepare(&conn);
    conn
}

fn read_rows(db: &Connection) -> usize {
    let mut stmt = db.prepare_cached("SELECT id, kind, version, sealed FROM records WHERE profile_id = ?1").unwrap();
    let mut rows = stmt.query(params![&PROFILE_ID[..]]).unwrap();
    let mut n = 0;
    while let Some(r) = rows.next().unwrap() {
        let id: Vec<u8> = r.get(0).unwrap();
        let kind: String = r.get(1).unwrap();
        let body: Vec<u8> = r.get(3).unwrap();
        std::hint::black_box(RecordId::from_slice(&id).unwrap());
        std::hint::black_box(RecordBody::from_json(RecordKind::parse(&kind).unwrap(), &body).unwrap());
        n += 1;
    }
    n
}

fn immediate(db: &Connection) -> Transaction<'_> {
    Transaction::new_unchecked(db, TransactionBehavior::Immediate).unwrap()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

struct Row {
    what: String,
    plain: Duration,
    sealed: Duration,
    sqlcipher: Duration,
}

fn measure(runs: usize, mut once: impl FnMut() -> (Duration, Duration, Duration)) -> (Duration, Duration, Duration) {
    let (mut p, mut s, mut c) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let (a, b, d) = once();
        p.push(a);
        s.push(b);
        c.push(d);
    }
    (median(p), median(s), median(c))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let sizes: Vec<usize> = args.next().unwrap_or_else(|| "1000,10000".into()).split(',').map(|n| n.parse().expect("sizes")).collect();
    let runs: usize = args.next().map_or(5, |r| r.parse().expect("runs"));
    let entropy = SystemEntropy::new();
    let mut table = Vec::new();
    for &n in &sizes {
        let bodies = fixtures::young_persons_records(n);
        // Write all in one transaction, each way, into a fresh folder.
        let (p, s, c) = measure(runs, || {
            let dir = tempfile::tempdir().unwrap();
            let db = plain(&dir.path().join("plain.db"));
            let t = Instant::now();
            let tx = immediate(&db);
            bodies.iter().for_each(|b| fixtures::write_plain(&tx, &entropy, b));
            tx.commit().unwrap();
            let plain_time = t.elapsed();

            let mut vault = Vault::open(&dir.path().join("vault"), fixtures::options(KdfParams::FLOOR)).unwrap();
            let (session, _) = vault.create_profile(fixtures::PROFILE, waymark_core::Role::YoungPerson, &fixtures::passphrase()).unwrap();
            let t = Instant::now();
            vault.insert_many(&session, bodies.clone()).unwrap();
            let sealed_time = t.elapsed();

            let db = sqlcipher(&dir.path().join("cipher.db"));
            let t = Instant::now();
            let tx = immediate(&db);
            bodies.iter().for_each(|b| fixtures::write_plain(&tx, &entropy, b));
            tx.commit().unwrap();
            (plain_time, sealed_time, t.elapsed())
        });
        table.push(Row { what: format!("write {n}, one transaction"), plain: p, sealed: s, sqlcipher: c });

        // Read all and parse, from a filled folder.
        let dir = tempfile::tempdir().unwrap();
        let db = plain(&dir.path().join("plain.db"));
        let tx = immediate(&db);
        bodies.iter().for_each(|b| fixtures::write_plain(&tx, &entropy, b));
        tx.commit().unwrap();
        let mut vault = Vault::open(&dir.path().join("vault"), fixtures::options(KdfParams::FLOOR)).unwrap();
        let (session, _) = vault.create_profile(fixtures::PROFILE, waymark_core::Role::YoungPerson, &fixtures::passphrase()).unwrap();
        vault.insert_many(&session, bodies.clone()).unwrap();
        let cipher = sqlcipher(&dir.path().join("cipher.db"));
        let tx = immediate(&cipher);
        bodies.iter().for_each(|b| fixtures::write_plain(&tx, &entropy, b));
        tx.commit().unwrap();
        let (p, s, c) = measure(runs, || {
            let t = Instant::now();
            assert_eq!(read_rows(&db), n);
            let a = t.elapsed();
            let t = Instant::now();
            assert_eq!(vault.list(&session, None).unwrap().records.len(), n);
            let b = t.elapsed();
            let t = Instant::now();
            assert_eq!(read_rows(&cipher), n);
            (a, b, t.elapsed())
        });
        table.push(Row { what: format!("read and parse {n}"), plain: p, sealed: s, sqlcipher: c });
    }

    // One record, one transaction (each with its own disk sync), as the app saves.
    let each = 300;
    let bodies = fixtures::young_persons_records(each);
    let (p, s, c) = measure(runs.min(3), || {
        let dir = tempfile::tempdir().unwrap();
        let db = plain(&dir.path().join("plain.db"));
        let t = Instant::now();
        for b in &bodies {
            let tx = immediate(&db);
            fixtures::write_plain(&tx, &entropy, b);
            tx.commit().unwrap();
        }
        let a = t.elapsed();
        let mut vault = Vault::open(&dir.path().join("vault"), fixtures::options(KdfParams::FLOOR)).unwrap();
        let (session, _) = vault.create_profile(fixtures::PROFILE, waymark_core::Role::YoungPerson, &fixtures::passphrase()).unwrap();
        let t = Instant::now();
        for b in &bodies {
            vault.insert(&session, b.clone()).unwrap();
        }
        let s = t.elapsed();
        let db = sqlcipher(&dir.path().join("cipher.db"));
        let t = Instant::now();
        for b in &bodies {
            let tx = immediate(&db);
            fixtures::write_plain(&tx, &entropy, b);
            tx.commit().unwrap();
        }
        (a, s, t.elapsed())
    });
    table.push(Row { what: format!("write {each}, one transaction each"), plain: p, sealed: s, sqlcipher: c });

    let version: String = Connection::open_in_memory().unwrap().query_row("PRAGMA cipher_version", [], |r| r.get(0)).unwrap_or_default();
    println!("SQLCipher {version}; medians of {runs} runs\n");
    println!("| | plain SQLite | Waymark's vault | SQLCipher | vault ÷ plain (speed) | SQLCipher ÷ plain (speed) |");
    println!("|---|---|---|---|---|---|");
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    for r in table {
        let ratio = |d: Duration| r.plain.as_secs_f64() / d.as_secs_f64();
        println!("| {} | {} | {} | {} | {:.2}× | {:.2}× |", r.what, ms(r.plain), ms(r.sealed), ms(r.sqlcipher), ratio(r.sealed), ratio(r.sqlcipher));
    }
}
