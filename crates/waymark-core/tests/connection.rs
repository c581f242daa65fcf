//! Changing service: it needs the passphrase again, says what changes, and never carries what a
//! person said to one organisation over to another.

mod common;

use common::*;
use uuid::Uuid;
use waymark_core::connection::ServiceConnection;
use waymark_core::domain::{ShareableKind, StatementKind, StatementStatus};
use waymark_core::{Error, Session, Timestamp, Vault};
use zeroize::Zeroizing;

fn connection(name: &str, organisation: Option<&str>, device: u128) -> ServiceConnection {
    ServiceConnection {
        service_url: "http://127.0.0.1:8750".into(),
        service_name: name.into(),
        service_signing_key: "c2lnbmluZw".into(),
        service_receiving_key: "cmVjZWl2aW5n".into(),
        fingerprint: format!("fingerprint of {name}"),
        device_id: Uuid::from_u128(device),
        connected_at: Timestamp(START),
        organisation: organisation.map(String::from),
        person_id: organisation.map(|_| Uuid::from_u128(device + 100)),
        device_secret: Zeroizing::new(vec![7u8; 64]),
        mailbox_cursor: 0,
    }
}

/// Connected to Northvale, with consent to share statements and one waiting to go.
fn connected(vault: &mut Vault, s: &Session) {
    vault.save_service_connection(s, &connection("Northvale Children's Services", Some("aaaa-1111"), 1)).unwrap();
    vault.grant_consent(s, ShareableKind::Statement, "Northvale Children's Services").unwrap();
    let st = vault.start_statement(s, StatementKind::Worried).unwrap();
    vault.save_words(s, st.id, "I want to see my brother".into()).unwrap();
    vault.set_statement_status(s, st.id, StatementStatus::Ready).unwrap();
    vault.share_record(s, st.id, "Northvale Children's Services").unwrap();
    vault.save_roster_state(s, b"{\"kept\":true}").unwrap();
    // Said yes to pathway notes, then no: a deletion is asked of Northvale and not yet confirmed.
    vault.grant_consent(s, ShareableKind::PathwayNote, "Northvale Children's Services").unwrap();
    vault.withdraw_consent(s, ShareableKind::PathwayNote, "Northvale Children's Services").unwrap();
    assert_eq!(vault.pending_deletions(s).unwrap().len(), 1);
}

#[test]
fn moving_to_another_organisation_needs_the_passphrase_and_ends_what_was_said_to_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = open(dir.path());
    let s = young_person(&mut vault, "Robin");
    connected(&mut vault, &s);
    // The same name, but another organisation: still a different service to this person.
    let elsewhere = connection("Northvale Children's Services", Some("bbbb-2222"), 2);

    // Saving over it, as if it were the same connection, is refused.
    let refused = vault.save_service_connection(&s, &elsewhere).unwrap_err();
    assert_eq!(refused.code(), "invalid");
    let plan = vault.planned_service_change(&s, Some("bbbb-2222"), &elsewhere.fingerprint, &elsewhere.service_name).unwrap().unwrap();
    assert!(!plan.same_organisation);
    assert_eq!(plan.consents_ending, vec![ShareableKind::Statement]);
    assert_eq!(plan.waiting_dropped, 1);
    assert_eq!(plan.deletions_dropped, 1);

    // A wrong passphrase changes nothing.
    assert!(matches!(vault.replace_service_connection(&s, &pass("not my passphrase"), &elsewhere), Err(Error::WrongPassphrase)));
    assert_eq!(vault.service_connection(&s).unwrap().unwrap().device_id, Uuid::from_u128(1));
    assert!(vault.has_consent(&s, ShareableKind::Statement, "Northvale Children's Services").unwrap());
    assert_eq!(vault.outbox(&s).unwrap().len(), 1);

    let change = vault.replace_service_connection(&s, &pass(PASS), &elsewhere).unwrap().unwrap();
    assert_eq!(change, plan);
    assert_eq!(vault.service_connection(&s).unwrap().unwrap().device_id, Uuid::from_u128(2));
    assert!(!vault.has_consent(&s, ShareableKind::Statement, "Northvale Children's Services").unwrap(), "consent is not carried over");
    assert!(vault.outbox(&s).unwrap().is_empty(), "nothing waiting goes to the new organisation");
    assert!(vault.roster_state(&s).unwrap().is_none(), "the old organisation's roster is forgotten");
    assert!(vault.pending_deletions(&s).unwrap().is_empty(), "no deletion ask goes to the new service");
}

#[test]
fn connecting_again_to_the_same_organisation_keeps_what_was_said() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = open(dir.path());
    let s = young_person(&mut vault, "Robin");
    connected(&mut vault, &s);
    let again = connection("Northvale Children's Services", Some("aaaa-1111"), 3);
    let change = vault.replace_service_connection(&s, &pass(PASS), &again).unwrap().unwrap();
    assert!(change.same_organisation && change.consents_ending.is_empty());
    assert!(vault.has_consent(&s, ShareableKind::Statement, "Northvale Children's Services").unwrap());
    assert_eq!(vault.outbox(&s).unwrap().len(), 1);
    assert_eq!(vault.service_connection(&s).unwrap().unwrap().device_id, Uuid::from_u128(3));
}
