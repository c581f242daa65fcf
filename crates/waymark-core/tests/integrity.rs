//! The whole vault keeps its word against someone with the folder: rows deleted, put back from an
//! older copy, added or damaged while Waymark was closed are found at unlock; nothing is sent while
//! consent cannot be proved; and the person can keep everything that still opens.

mod common;

use common::*;
use rusqlite::params;
use uuid::Uuid;
use waymark_core::connection::ServiceConnection;
use waymark_core::domain::{ShareableKind, StatementKind, StatementStatus};
use waymark_core::{Error, Session, Timestamp, Vault};
use zeroize::Zeroizing;

const SOCIAL_WORKER: &str = "social_worker@aaaa-1111";

fn northvale() -> ServiceConnection {
    ServiceConnection {
        service_url: "http://127.0.0.1:8750".into(),
        service_name: "Northvale Children's Services".into(),
        service_signing_key: "c2lnbmluZw".into(),
        service_receiving_key: "cmVjZWl2aW5n".into(),
        fingerprint: "fingerprint".into(),
        device_id: Uuid::from_u128(1),
        connected_at: Timestamp(START),
        organisation: Some("aaaa-1111".into()),
        person_id: Some(Uuid::from_u128(101)),
        device_secret: Zeroizing::new(vec![7u8; 64]),
        mailbox_cursor: 0,
        mail_to_ack: Vec::new(),
    }
}

/// Robin, connected to Northvale, saying yes to sharing statements with their social worker,
/// with a statement shared and a note kept.
fn robin(v: &mut Vault) -> Session {
    let s = young_person(v, "Robin");
    v.save_service_connection(&s, &northvale()).unwrap();
    v.grant_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    let st = v.start_statement(&s, StatementKind::Worried).unwrap();
    v.save_words(&s, st.id, "I want to see my brother".into()).unwrap();
    v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
    v.share_with(&s, st.id, &northvale()).unwrap();
    s
}

/// Every row of `table` for the profile, as (key, whole row) pairs an attacker could copy.
fn rows(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get(i)).collect()).unwrap().collect::<Result<_, _>>().unwrap()
}

fn unlock(v: &mut Vault) -> Session {
    v.unlock("Robin", &pass(PASS)).unwrap()
}

#[test]
fn everyday_use_leaves_a_vault_that_checks_out() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = robin(&mut v);
    v.withdraw_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    v.set_profile_language(&s, waymark_core::Language::Cy).unwrap();
    v.save_roster_state(&s, b"{}").unwrap();
    drop(s);
    let s = unlock(&mut v);
    assert!(s.integrity_findings().is_sound(), "{:?}", s.integrity_findings());
    v.check_before_sending(&s).unwrap();
}

#[test]
fn consent_put_back_from_an_older_copy_is_found_and_nothing_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = robin(&mut v);
    assert!(v.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap());
    // The copy someone keeps before the person says no.
    let before = peek(dir.path());
    let consent_before: Vec<Vec<u8>> =
        rows(&before, "SELECT id FROM records WHERE kind = 'consent_event'").into_iter().map(|r| match &r[0] { rusqlite::types::Value::Blob(b) => b.clone(), _ => unreachable!() }).collect();
    drop(before);
    v.withdraw_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    assert_eq!(v.pending_deletions(&s).unwrap().len(), 1);
    drop(s);
    drop(v);

    // With Waymark closed: the withdrawal and the deletion it asked for are deleted.
    let conn = tamper(dir.path());
    let removed = conn.execute("DELETE FROM pending_deletions", []).unwrap();
    assert_eq!(removed, 1);
    let mut withdrawn = 0;
    for id in rows(&conn, "SELECT id FROM records WHERE kind = 'consent_event'") {
        let rusqlite::types::Value::Blob(id) = &id[0] else { unreachable!() };
        if !consent_before.contains(id) {
            withdrawn += conn.execute("DELETE FROM records WHERE id = ?1", [id]).unwrap();
        }
    }
    assert_eq!(withdrawn, 1);
    drop(conn);

    let (mut v, _) = open(dir.path());
    let mut s = unlock(&mut v);
    let found = s.integrity_findings().clone();
    assert!(!found.is_sound() && !found.sending_provable(), "{found:?}");
    let parts: Vec<&str> = found.changed.iter().map(|c| c.part.as_str()).collect();
    assert!(parts.contains(&"records/consent_event") && parts.contains(&"pending_deletions"), "{parts:?}");
    let consent = found.changed.iter().find(|c| c.part == "records/consent_event").unwrap();
    assert_eq!((consent.expected, consent.found), (2, 1), "one entry of two is missing");
    // Nothing goes while consent cannot be proved; what opens is all still there.
    assert!(matches!(v.check_before_sending(&s), Err(Error::VaultChanged)));
    assert_eq!(v.outbox(&s).unwrap().len(), 0, "the withdrawal had already taken the item out");
    assert_eq!(v.list(&s, Some(waymark_core::domain::RecordKind::Statement)).unwrap().records.len(), 1);

    // Keeping what opens withdraws every yes the ledger shows and asks the deletion again.
    v.keep_what_opens(&mut s).unwrap();
    assert!(s.integrity_findings().is_sound());
    assert!(!v.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap(), "the yes does not come back");
    assert_eq!(v.pending_deletions(&s).unwrap().len(), 1, "Northvale is asked to delete again");
    v.check_before_sending(&s).unwrap();
    drop(s);
    let s = unlock(&mut v);
    assert!(s.integrity_findings().is_sound(), "{:?}", s.integrity_findings());
    // And saying yes again works as before.
    v.grant_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    assert!(v.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap());
}

#[test]
fn an_older_version_put_back_or_a_row_added_is_found_and_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = robin(&mut v);
    let note = v.start_statement(&s, StatementKind::GoodNews).unwrap();
    v.save_words(&s, note.id, "first words".into()).unwrap();
    let old = rows(&peek(dir.path()), &format!("SELECT version, sealed FROM records WHERE id = x'{}'", hex(note.id.as_bytes())));
    v.save_words(&s, note.id, "second words".into()).unwrap();
    // A row from someone else's profile, to be slipped into Robin's.
    let (jo, _) = v.create_profile("Jo", waymark_core::Role::YoungPerson, &pass("violet canal sparrow")).unwrap();
    let theirs = v.start_statement(&jo, StatementKind::Worried).unwrap();
    let robin_id = s.profile_id();
    drop((s, jo));

    let conn = tamper(dir.path());
    conn.execute("UPDATE records SET version = ?1, sealed = ?2 WHERE id = ?3", params![old[0][0], old[0][1], &note.id.as_bytes()[..]]).unwrap();
    conn.execute(
        "INSERT INTO records (profile_id, id, kind, version, sealed) SELECT ?1, x'00112233445566778899aabbccddeeff', kind, version, sealed FROM records WHERE id = ?2",
        params![&robin_id.as_bytes()[..], &theirs.id.as_bytes()[..]],
    )
    .unwrap();
    drop(conn);

    let s = unlock(&mut v);
    let found = s.integrity_findings();
    let statements = found.changed.iter().find(|c| c.part == "records/statement").expect("statements found changed");
    assert_eq!((statements.expected, statements.found), (2, 3));
    assert!(found.sending_provable(), "consent and the outbox are as they were: {found:?}");
    v.check_before_sending(&s).unwrap();
    // What opens still opens (the older words); what was slipped in does not.
    assert!(v.get(&s, note.id).is_ok());
    let list = v.list(&s, Some(waymark_core::domain::RecordKind::Statement)).unwrap();
    assert_eq!((list.records.len(), list.damaged.len()), (2, 1));
}

#[test]
fn triggers_someone_dropped_are_put_back_and_later_changes_still_count() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    drop(robin(&mut v));
    drop(v);
    drop(tamper(dir.path()));
    let (mut v, _) = open(dir.path());
    let s = unlock(&mut v);
    assert!(s.integrity_findings().is_sound(), "dropping the triggers changed no row");
    let st = v.start_statement(&s, StatementKind::GoodNews).unwrap();
    v.save_words(&s, st.id, "a good day".into()).unwrap();
    v.withdraw_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    drop(s);
    let s = unlock(&mut v);
    assert!(s.integrity_findings().is_sound(), "{:?}", s.integrity_findings());
}

#[test]
fn a_damaged_consent_entry_means_no_consent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = robin(&mut v);
    drop(s);
    let conn = tamper(dir.path());
    let mut sealed: Vec<u8> = conn.query_row("SELECT sealed FROM records WHERE kind = 'consent_event'", [], |r| r.get(0)).unwrap();
    let mid = sealed.len() / 2;
    sealed[mid] ^= 1;
    conn.execute("UPDATE records SET sealed = ?1 WHERE kind = 'consent_event'", [sealed]).unwrap();
    drop(conn);
    let s = unlock(&mut v);
    assert!(s.integrity_findings().consent_unproven);
    assert!(!v.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap());
    assert!(matches!(v.check_before_sending(&s), Err(Error::VaultChanged)));
    assert!(matches!(v.share_with(&s, v.outbox(&s).unwrap()[0].record_id, &northvale()), Err(Error::NoConsent { .. })));
}

#[test]
fn a_missing_state_or_a_changed_role_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    drop(robin(&mut v));
    let conn = tamper(dir.path());
    conn.execute("UPDATE profiles SET role = 'carer'", []).unwrap();
    drop(conn);
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    assert!(s.integrity_findings().profile_changed);
    drop(s);
    let conn = tamper(dir.path());
    conn.execute("DELETE FROM integrity_state", []).unwrap();
    drop(conn);
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    assert!(s.integrity_findings().state_unreadable, "a profile in format 2 must have a state");
    assert!(matches!(v.check_before_sending(&s), Err(Error::VaultChanged)));
    drop(s);
    // A state that is there but damaged: found too, and the person can still write meanwhile.
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    let mut s = s;
    v.keep_what_opens(&mut s).unwrap();
    drop(s);
    let conn = tamper(dir.path());
    let mut state: Vec<u8> = conn.query_row("SELECT sealed FROM integrity_state", [], |r| r.get(0)).unwrap();
    let last = state.len() - 1;
    state[last] ^= 1;
    conn.execute("UPDATE integrity_state SET sealed = ?1", [state]).unwrap();
    drop(conn);
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    assert!(s.integrity_findings().state_unreadable);
    v.start_statement(&s, StatementKind::GoodNews).unwrap();
    assert!(v.integrity_findings(&s).unwrap().state_unreadable, "writing does not make it sound again");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Someone who knew the old passphrase (or found the old code) and kept its wrap from a copy of
/// the folder puts it back: it opens the old key, which opens nothing written after, and the
/// vault says so.
fn old_wrap_opens_nothing_after(change: impl FnOnce(&mut Vault, &mut Session), column: &str, open_with_old: impl FnOnce(&mut Vault) -> Session) {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let mut s = robin(&mut v);
    let before = v.start_statement(&s, StatementKind::GoodNews).unwrap();
    let old_wrap: Vec<u8> = peek(dir.path()).query_row(&format!("SELECT {column} FROM profiles"), [], |r| r.get(0)).unwrap();
    change(&mut v, &mut s);
    let after = v.start_statement(&s, StatementKind::Worried).unwrap();
    v.save_words(&s, after.id, "written after the change".into()).unwrap();
    drop(s);
    tamper(dir.path()).execute(&format!("UPDATE profiles SET {column} = ?1"), [old_wrap]).unwrap();
    let s = open_with_old(&mut v);
    assert!(matches!(v.get(&s, after.id), Err(Error::Integrity { .. })), "written after: does not open");
    assert!(matches!(v.get(&s, before.id), Err(Error::Integrity { .. })), "sealed again under the new key: does not open either");
    assert!(v.list(&s, None).unwrap().records.is_empty());
    assert!(s.integrity_findings().state_unreadable);
    assert!(matches!(v.check_before_sending(&s), Err(Error::VaultChanged)));
}

#[test]
fn after_a_passphrase_change_the_old_passphrase_opens_nothing_written_after() {
    old_wrap_opens_nothing_after(
        |v, s| {
            v.change_passphrase(s, &pass(PASS), &pass("fresh meadow lanterns"), &mut |_| {}).unwrap();
        },
        "passphrase_wrap",
        |v| v.unlock("Robin", &pass(PASS)).unwrap(),
    );
}

#[test]
fn after_the_recovery_code_is_replaced_the_old_code_opens_nothing_written_after() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let (mut s, old_code) = v.create_profile("Robin", waymark_core::Role::YoungPerson, &pass(PASS)).unwrap();
    let old_wrap: Vec<u8> = peek(dir.path()).query_row("SELECT recovery_wrap FROM profiles", [], |r| r.get(0)).unwrap();
    v.replace_recovery_code(&mut s, &pass(PASS), &mut |_| {}).unwrap();
    let after = v.start_statement(&s, StatementKind::Worried).unwrap();
    drop(s);
    tamper(dir.path()).execute("UPDATE profiles SET recovery_wrap = ?1", [old_wrap]).unwrap();
    let (s, _) = v.recover("Robin", &old_code, &pass("fresh meadow lanterns"), &mut |_| {}).unwrap();
    assert!(matches!(v.get(&s, after.id), Err(Error::Integrity { .. })));
    assert!(s.integrity_findings().state_unreadable);
    assert!(matches!(v.check_before_sending(&s), Err(Error::VaultChanged)));
}

#[test]
fn re_keying_keeps_every_row_and_its_state_and_progress_reaches_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let mut s = robin(&mut v);
    v.withdraw_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    v.save_roster_state(&s, b"{\"kept\":true}").unwrap();
    let before = v.list(&s, None).unwrap().records.len();
    let mut seen = Vec::new();
    let code = v.change_passphrase(&mut s, &pass(PASS), &pass("fresh meadow lanterns"), &mut |p| seen.push(p)).unwrap();
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total);
    assert!(last.total as usize > before, "records and the other sealed rows are counted");
    assert_eq!(v.list(&s, None).unwrap().records.len(), before, "the session goes on under the new key");
    assert_eq!(v.pending_deletions(&s).unwrap().len(), 1);
    assert_eq!(v.roster_state(&s).unwrap().as_deref().map(|r| r.to_vec()), Some(b"{\"kept\":true}".to_vec()));
    drop(s);
    let s = v.unlock("Robin", &pass("fresh meadow lanterns")).unwrap();
    assert!(s.integrity_findings().is_sound(), "{:?}", s.integrity_findings());
    assert_eq!(v.list(&s, None).unwrap().records.len(), before);
    assert!(v.service_connection(&s).unwrap().is_some());
    drop(s);
    // The new code opens it too.
    let (s, _) = v.recover("Robin", &code, &pass("another fresh start"), &mut |_| {}).unwrap();
    assert!(s.integrity_findings().is_sound());
}

#[test]
fn the_sharing_ledger_is_numbered_and_an_entry_taken_out_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = robin(&mut v);
    for words in ["I like my new school", "Can I see Nan at Christmas"] {
        let st = v.start_statement(&s, StatementKind::GoodNews).unwrap();
        v.save_words(&s, st.id, words.into()).unwrap();
        v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
        v.share_with(&s, st.id, &northvale()).unwrap();
    }
    let deliver = |v: &mut Vault, s: &Session| {
        for item in v.outbox(s).unwrap() {
            assert!(v.complete_send(s, &item, 1, None).unwrap());
        }
    };
    let numbers = |v: &Vault, s: &Session| -> Vec<u64> {
        let mut n: Vec<u64> = v
            .list(s, Some(waymark_core::domain::RecordKind::ShareEntry))
            .unwrap()
            .records
            .into_iter()
            .map(|r| match r.body {
                waymark_core::domain::RecordBody::ShareEntry(e) => e.sequence,
                _ => unreachable!(),
            })
            .collect();
        n.sort();
        n
    };
    deliver(&mut v, &s);
    assert_eq!(numbers(&v, &s), [1, 2, 3], "each entry takes the next number");
    drop(s);

    // The middle entry taken out of the folder: the gap shows, and nothing is sent.
    let conn = tamper(dir.path());
    let ids: Vec<Vec<u8>> = rows(&conn, "SELECT id FROM records WHERE kind = 'share_entry'")
        .into_iter()
        .map(|r| match &r[0] {
            rusqlite::types::Value::Blob(b) => b.clone(),
            _ => unreachable!(),
        })
        .collect();
    drop(conn);
    let s = unlock(&mut v);
    let second = ids
        .iter()
        .find(|id| {
            let rec = v.get(&s, waymark_core::RecordId::from_slice(id).unwrap()).unwrap();
            matches!(rec.body, waymark_core::domain::RecordBody::ShareEntry(e) if e.sequence == 2)
        })
        .unwrap()
        .clone();
    drop(s);
    drop(v);
    let conn = tamper(dir.path());
    conn.execute("DELETE FROM records WHERE id = ?1", params![second]).unwrap();
    drop(conn);
    // Waymark opened again, as after someone changed its folder while it was closed.
    let (mut v, _) = open(dir.path());
    let mut s = unlock(&mut v);
    assert!(s.integrity_findings().sharing_unproven, "{:?}", s.integrity_findings());
    assert!(matches!(v.check_before_sending(&s), Err(Error::VaultChanged)));

    // Keeping what opens starts the numbers again from what is left; later entries run on.
    v.keep_what_opens(&mut s).unwrap();
    assert!(s.integrity_findings().is_sound());
    v.grant_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    let st = v.start_statement(&s, StatementKind::GoodNews).unwrap();
    v.save_words(&s, st.id, "Football on Saturday".into()).unwrap();
    v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
    v.share_with(&s, st.id, &northvale()).unwrap();
    deliver(&mut v, &s);
    assert_eq!(numbers(&v, &s), [1, 3, 4]);
    drop(s);
    let s = unlock(&mut v);
    assert!(s.integrity_findings().is_sound(), "{:?}", s.integrity_findings());
    v.check_before_sending(&s).unwrap();
}
