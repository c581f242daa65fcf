//! A PostgreSQL database on another machine is reached only over TLS, to a certificate that
//! chains to a trusted root and names the host; a plain address to it is refused before anything
//! is sent. Runs against the test command's throwaway server, reached by a name that is not this
//! machine's (`WAYMARK_TEST_POSTGRES_TLS`, with its authority in `WAYMARK_TEST_POSTGRES_CA`).

use std::path::PathBuf;

use waymark_service::postgres::PgStore;
use waymark_service::store::ServiceStore;

/// The server's address by name and its certificate authority, or `None` outside CI when the
/// test command did not start one.
fn tls_server() -> Option<(String, PathBuf)> {
    match (std::env::var("WAYMARK_TEST_POSTGRES_TLS"), std::env::var("WAYMARK_TEST_POSTGRES_CA")) {
        (Ok(url), Ok(ca)) if !url.is_empty() => Some((url, PathBuf::from(ca))),
        _ if std::env::var_os("CI").is_some() => panic!("CI must run the database TLS test: ./waymark.sh test sets WAYMARK_TEST_POSTGRES_TLS"),
        _ => None,
    }
}

fn error_of(result: waymark_service::error::Result<PgStore>) -> String {
    match result {
        Ok(_) => panic!("expected a refusal"),
        Err(e) => format!("{e:?}"),
    }
}

#[tokio::test]
async fn a_plain_address_to_a_database_elsewhere_is_refused_before_anything_is_sent() {
    // Nothing listens at this documentation address: the refusal comes first.
    let refused = error_of(PgStore::connect("postgres://waymark@192.0.2.10:5432/postgres?sslmode=disable", None, None).await);
    assert!(refused.contains("must be reached over TLS"), "{refused}");
    let refused = error_of(PgStore::connect("postgres://waymark@db.example.org/postgres?sslmode=disable", None, None).await);
    assert!(refused.contains("must be reached over TLS"), "{refused}");
}

#[tokio::test]
async fn a_database_elsewhere_is_reached_over_tls_only_with_a_certificate_this_machine_trusts_for_its_name() {
    let Some((url, ca)) = tls_server() else { return };
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());

    // Its own authority given: connected over TLS (even though the address asks for nothing),
    // and the store works.
    let store = PgStore::connect(&url, Some(&schema), Some(&ca)).await.expect("reached over TLS");
    assert!(store.resources().await.unwrap().is_none());
    let over_tls = store.ssl_in_use_for_tests().await;
    assert!(over_tls, "the connection is encrypted");

    // Without it, the certificate chains to nothing this machine trusts: refused.
    let refused = error_of(PgStore::connect(&url, Some(&schema), None).await);
    assert!(refused.to_lowercase().contains("certificate"), "{refused}");

    // A certificate for another name is refused too.
    let elsewhere = url.replace("db.waymark.test", "other.waymark.test");
    let refused = error_of(PgStore::connect(&elsewhere, Some(&schema), Some(&ca)).await);
    assert!(refused.to_lowercase().contains("certificate"), "{refused}");

    // Asking for no TLS to it is refused outright.
    let plain = format!("{url}&sslmode=disable");
    assert!(error_of(PgStore::connect(&plain, Some(&schema), Some(&ca)).await).contains("must be reached over TLS"));
}
