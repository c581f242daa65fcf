//! A worker's vault: what people shared with the worker's laptop is kept sealed like a young
//! person's records, only a worker's profile keeps it, and the migration that made room for
//! workers' profiles loses nothing from a vault made before it.

mod common;

use common::*;
use uuid::Uuid;
use waymark_core::domain::shared::SharedItem;
use waymark_core::error::Problem;
use waymark_core::{Clock, Error, Role, Timestamp};

fn item(seq: i64, words: &str, urgent: bool) -> SharedItem {
    SharedItem {
        envelope_id: Uuid::from_u128(0x4000_0000_0000_0000_8000_0000_0000_0000 + seq as u128),
        feed_seq: seq,
        person_id: Some(Uuid::from_u128(7)),
        record_kind: "statement".into(),
        record_id: Uuid::from_u128(900 + seq as u128),
        urgent,
        readers: vec![Uuid::from_u128(11)],
        record: serde_json::json!({ "record_kind": "statement", "data": { "words": words } }),
        received_at: Timestamp(1_795_000_000 + seq),
        refused: None,
        receipt_sent_at: None,
        read_at: None,
        acknowledged_at: None,
        replies: Vec::new(),
        opened_at: None,
    }
}

#[test]
fn what_was_shared_with_a_worker_is_kept_sealed_and_what_they_did_is_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    let (dee, _) = v.create_profile("Dee", Role::Worker, &pass("otter lantern biscuit")).unwrap();
    let words = "Someone came to the house and I do not feel safe";
    assert_eq!(v.keep_shared(&dee, &[item(1, "My bus pass ran out", false), item(2, words, true)]).unwrap().len(), 2);
    // A feed read twice keeps each item once, with what the worker did about it.
    let mut urgent = v.shared_item(&dee, item(2, words, true).envelope_id).unwrap();
    assert!(urgent.acknowledge(clock.now()));
    assert!(!urgent.acknowledge(Timestamp(clock.now().0 + 60)), "the first acknowledgement is the one kept");
    v.update_shared(&dee, &urgent).unwrap();
    assert_eq!(v.keep_shared(&dee, &[item(2, words, true), item(3, "Can I see my brother", false)]).unwrap(), vec![item(3, "", false).envelope_id]);
    let kept = v.shared_items(&dee).unwrap();
    assert_eq!(kept.iter().map(|i| i.feed_seq).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(kept[1].acknowledged_at, Some(clock.now()));
    assert_eq!(kept[1].read_at, Some(clock.now()), "acknowledging is reading");
    assert_eq!(v.shared_feed_cursor(&dee).unwrap(), 3);

    // A reply must say something; a refused one changes nothing.
    let mut first = kept[0].clone();
    assert!(matches!(first.add_reply("  ".into(), clock.now()), Err(Error::Invalid { problem: Problem::Empty, .. })));
    assert!(first.replies.is_empty() && first.read_at.is_none());
    first.add_reply("I'll sort a new one today.".into(), clock.now()).unwrap();
    v.update_shared(&dee, &first).unwrap();
    assert_eq!(v.shared_items(&dee).unwrap()[0].replies.len(), 1);

    v.label_person(&dee, Uuid::from_u128(7), "Robin T.").unwrap();
    assert_eq!(v.person_labels(&dee).unwrap()[&Uuid::from_u128(7)], "Robin T.");

    // Nothing of it is on the disk in the clear.
    drop(v);
    for (path, bytes) in all_files(dir.path()) {
        for secret in [words.as_bytes(), b"Robin T.", b"sort a new one"] {
            assert!(!contains(&bytes, secret), "{} holds plaintext", path.display());
        }
    }
}

#[test]
fn only_a_workers_profile_keeps_what_was_shared_with_a_worker() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let robin = young_person(&mut v, "Robin");
    let refused = v.keep_shared(&robin, &[item(1, "hello", false)]).unwrap_err();
    assert!(matches!(refused, Error::Invalid { problem: Problem::WrongRole { role: Role::Worker }, .. }), "{refused:?}");
    assert!(v.shared_items(&robin).is_err());
}

#[test]
fn a_vault_from_before_workers_keeps_every_profile_and_record() {
    // A vault as Waymark left it before migration 10: nine migrations, a profile and a record.
    let dir = tempfile::tempdir().unwrap();
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let conn = rusqlite::Connection::open(dir.path().join(waymark_core::vault::DATABASE_FILE)).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&migrations).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().take(9) {
        conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
    }
    conn.pragma_update(None, "user_version", 9).unwrap();
    conn.execute_batch(
        "INSERT INTO profiles (id, display_name, role, created_at, passphrase_wrap, recovery_wrap, language)
           VALUES (x'0102030405060708090a0b0c0d0e0f10', 'Robin', 'young_person', 1, x'00', x'00', 'cy');
         INSERT INTO records (profile_id, id, kind, version, sealed)
           VALUES (x'0102030405060708090a0b0c0d0e0f10', x'1112131415161718191a1b1c1d1e1f20', 'statement', 3, x'01');",
    )
    .unwrap();
    drop(conn);
    let (v, _) = open(dir.path());
    let profiles = v.list_profiles().unwrap();
    assert_eq!(profiles.iter().map(|p| (p.display_name.as_str(), p.role)).collect::<Vec<_>>(), [("Robin", Role::YoungPerson)]);
    assert_eq!(profiles[0].language, waymark_core::Language::Cy);
    drop(v);
    let conn = rusqlite::Connection::open(dir.path().join(waymark_core::vault::DATABASE_FILE)).unwrap();
    let records: i64 = conn.query_row("SELECT count(*) FROM records", [], |r| r.get(0)).unwrap();
    assert_eq!(records, 1, "rebuilding the profiles table deleted nobody's records");
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
    // And a worker's profile can now be made beside it.
    let (mut v, _) = open(dir.path());
    v.create_profile("Dee", Role::Worker, &pass("otter lantern biscuit")).unwrap();
}
