//! For tests (this crate's and the client's): the back ends a test should run against. SQLite
//! always; PostgreSQL too when `WAYMARK_TEST_POSTGRES` names a server (the README test command
//! starts one). Under CI a missing server is an error, so the PostgreSQL half cannot be skipped
//! unnoticed.

use std::path::Path;

use crate::backend::Backend;
use crate::postgres::PgStore;
use crate::store::SqliteStore;

/// Opens each back end under test, fresh: a new SQLite file in `dir`, and a new schema in the
/// PostgreSQL database. Returns each with a name for messages.
pub async fn fresh_backends(dir: &Path) -> Vec<(&'static str, Backend)> {
    twin_instances(dir).await.into_iter().map(|(kind, first, _)| (kind, first)).collect()
}

/// Like [`fresh_backends`], but each back end opened twice, as two service instances sharing one
/// database would (two PostgreSQL pools on one schema; two handles on one SQLite file).
pub async fn twin_instances(dir: &Path) -> Vec<(&'static str, Backend, Backend)> {
    let file = dir.join("service.db");
    let sqlite = || Backend::Sqlite(SqliteStore::open(&file).expect("SQLite opens"));
    let mut out = vec![("sqlite", sqlite(), sqlite())];
    match std::env::var("WAYMARK_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
            let connect = async || {
                let store = PgStore::connect(&url, Some(&schema), None).await.unwrap_or_else(|e| panic!("PostgreSQL at {url}: {e:?}"));
                Backend::Postgres(store)
            };
            out.push(("postgres", connect().await, connect().await));
        }
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must run the service's tests on PostgreSQL too: set WAYMARK_TEST_POSTGRES (./waymark.sh test does)")
        }
        _ => {}
    }
    out
}

/// Every stored value, as text, for scanning a back end for something that must not be there.
pub async fn everything_stored(backend: &Backend, dir: &Path) -> Vec<u8> {
    match backend {
        Backend::Sqlite(_) => {
            let mut all = Vec::new();
            for entry in std::fs::read_dir(dir).expect("the folder") {
                all.extend(std::fs::read(entry.expect("an entry").path()).unwrap_or_default());
            }
            all
        }
        Backend::Postgres(p) => p.dump_for_tests().await,
    }
}

/// Runs `sql` straight on a back end's database, as whoever controls the server could: the
/// malicious-server tests change rows behind the service's back with it. SQLite's file is
/// `service.db` in `dir`, as [`twin_instances`] opens it.
pub async fn tamper(backend: &Backend, dir: &Path, sql: &str) {
    match backend {
        Backend::Sqlite(_) => {
            let conn = rusqlite::Connection::open(dir.join("service.db")).expect("the SQLite file opens");
            conn.busy_timeout(std::time::Duration::from_secs(5)).expect("a timeout");
            conn.execute_batch(sql).expect("the SQL runs");
        }
        Backend::Postgres(p) => p.execute_for_tests(sql).await,
    }
}

/// Runs each named case once per back end from [`fresh_backends`]. Each case is an async fn
/// taking what `$setup` (an async fn of the back end and a folder) returns.
#[macro_export]
macro_rules! on_every_backend {
    ($setup:path; $($case:ident),* $(,)?) => {
        mod every_backend {
            $(
                #[tokio::test]
                async fn $case() {
                    let dir = tempfile::tempdir().unwrap();
                    for (kind, backend) in $crate::testing::fresh_backends(dir.path()).await {
                        eprintln!("{} on {kind}", stringify!($case));
                        super::$case($setup(backend, dir.path()).await).await;
                    }
                }
            )*
        }
    };
}

/// A receipt key certified by `service`, as `init` makes one (fixed seed: tests only), whose
/// certificate lasts to 2096, past any test's clock.
pub fn receipt_signer(service: &waymark_sync::keys::IdentityKeys) -> waymark_sync::deletion::ReceiptSigner {
    receipt_signer_until(service, 4_000_000_000)
}

/// A receipt key certified by `service` until `expires_at` (fixed seed: tests only).
pub fn receipt_signer_until(service: &waymark_sync::keys::IdentityKeys, expires_at: i64) -> waymark_sync::deletion::ReceiptSigner {
    let seed = [7u8; 32];
    let certificate = waymark_sync::deletion::ReceiptSigner::certify(service, &seed, expires_at).expect("a certificate");
    waymark_sync::deletion::ReceiptSigner::new(&seed, &certificate, expires_at).expect("a receipt signer")
}
