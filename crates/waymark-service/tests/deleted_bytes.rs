//! What a device asked the service to delete leaves no bytes behind in the SQLite back end: not
//! in the database file's free pages, not in its write-ahead log. (PostgreSQL keeps dead rows until
//! it vacuums them; see docs/THREAT_MODEL.md.)

use uuid::Uuid;
use waymark_service::store::{NewEnvelope, ServiceStore, SqliteStore};

const NOW: i64 = 1_795_000_000;
const MARKER: &str = "zz-deleted-bytes-marker-4417";

fn bytes_on_disk(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        all.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn a_deleted_envelope_leaves_no_bytes_in_the_database_or_its_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("service.db")).unwrap();
    let device = Uuid::from_u128(7);
    store
        .add_invite(waymark_service::store::NewInvite {
            token_hash: vec![1; 32],
            person_id: None,
            person_name: "Invented Person".into(),
            role: "young_person".into(),
            created_at: NOW,
            expires_at: NOW + 3600,
        })
        .await
        .unwrap();
    let enrolled = store
        .redeem_invite(
            vec![1; 32],
            waymark_service::store::Device {
                id: device,
                person_id: None,
                person_name: String::new(),
                role: String::new(),
                signing_key: "s".into(),
                receiving_key: "r".into(),
                enrolled_at: NOW,
            },
            NOW,
        )
        .await
        .unwrap();
    let record = Uuid::from_u128(42);
    let body = serde_json::json!({ "header": { "record_id": record }, "ciphertext": MARKER.repeat(40) }).to_string();
    let kept = NewEnvelope { envelope_id: Uuid::from_u128(43), record_kind: "statement".into(), body: body.clone(), readers: Vec::new() };
    let other = NewEnvelope { envelope_id: Uuid::from_u128(44), record_kind: "pathway_note".into(), body: "still here".into(), readers: Vec::new() };
    store.put_envelopes(enrolled.id, vec![kept, other], NOW).await.unwrap();
    assert!(contains(&bytes_on_disk(dir.path()), MARKER), "the envelope is on disk before it is deleted");

    assert_eq!(store.delete_envelopes(enrolled.id, "statement".into(), vec![]).await.unwrap(), 1);
    assert!(!contains(&bytes_on_disk(dir.path()), MARKER), "a deleted envelope's bytes are gone from the database file and its log");
    assert_eq!(store.envelopes(0, 10).await.unwrap().len(), 1, "the other envelope is kept");
}
