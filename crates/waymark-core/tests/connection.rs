//! Changing service: it needs the passphrase again, says what changes, and never carries what a
//! person said to one organisation over to another.

mod common;

use common::*;
use uuid::Uuid;
use waymark_core::connection::ServiceConnection;
use waymark_core::domain::{ShareableKind, StatementKind, StatementStatus};
use waymark_core::vocabulary::WorkerRole;
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
        mail_to_ack: Vec::new(),
    }
}

const SOCIAL_WORKER: &str = "social_worker@aaaa-1111";
const IRO: &str = "iro@aaaa-1111";

/// A statement marked ready to share.
fn ready_statement(vault: &mut Vault, s: &Session, words: &str) -> waymark_core::RecordId {
    let st = vault.start_statement(s, StatementKind::Worried).unwrap();
    vault.save_words(s, st.id, words.into()).unwrap();
    vault.set_statement_status(s, st.id, StatementStatus::Ready).unwrap();
    st.id
}

/// Connected to Northvale, with consent to share statements with their social worker and IRO,
/// and one waiting to go to both.
fn connected(vault: &mut Vault, s: &Session) {
    let northvale = connection("Northvale Children's Services", Some("aaaa-1111"), 1);
    vault.save_service_connection(s, &northvale).unwrap();
    assert_eq!(northvale.recipient_for(&[WorkerRole::SocialWorker]), SOCIAL_WORKER);
    vault.grant_consent(s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    vault.grant_consent(s, ShareableKind::Statement, IRO).unwrap();
    let st = ready_statement(vault, s, "I want to see my brother");
    let item = vault.share_with(s, st, &northvale).unwrap();
    assert_eq!(item.recipient, "social_worker+iro@aaaa-1111", "for both the workers chosen, keyed by the organisation");
    vault.save_roster_state(s, b"{\"kept\":true}").unwrap();
    // Said yes to pathway notes, then no: a deletion is asked of Northvale and not yet confirmed.
    vault.grant_consent(s, ShareableKind::PathwayNote, SOCIAL_WORKER).unwrap();
    vault.withdraw_consent(s, ShareableKind::PathwayNote, SOCIAL_WORKER).unwrap();
    assert_eq!(vault.pending_deletions(s).unwrap().len(), 1);
}

#[test]
fn a_young_person_chooses_which_of_their_workers_gets_each_kind() {
    let dir = tempfile::tempdir().unwrap();
    let (mut vault, _) = open(dir.path());
    let s = young_person(&mut vault, "Robin");
    let northvale = connection("Northvale Children's Services", Some("aaaa-1111"), 1);
    vault.save_service_connection(&s, &northvale).unwrap();
    let first = ready_statement(&mut vault, &s, "Can I change school?");

    // Nobody chosen: nothing is queued, and the refusal says so.
    let refused = vault.share_with(&s, first, &northvale).unwrap_err();
    assert_eq!(refused.code(), "no_consent");
    assert!(vault.outbox(&s).unwrap().is_empty());
    // A yes given to a worker at another organisation (even of the same name) is not a yes here.
    vault.grant_consent(&s, ShareableKind::Statement, "social_worker@bbbb-2222").unwrap();
    assert_eq!(vault.share_with(&s, first, &northvale).unwrap_err().code(), "no_consent");
    assert!(vault.chosen_workers(&s, &northvale, ShareableKind::Statement).unwrap().is_empty());

    // Their IRO only.
    vault.grant_consent(&s, ShareableKind::Statement, IRO).unwrap();
    assert_eq!(vault.share_with(&s, first, &northvale).unwrap().recipient, IRO);
    // Then both: what is shared from now on goes to both.
    vault.grant_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap();
    let second = ready_statement(&mut vault, &s, "I liked my review");
    assert_eq!(vault.share_with(&s, second, &northvale).unwrap().recipient, "social_worker+iro@aaaa-1111");
    assert_eq!(vault.outbox(&s).unwrap().len(), 2);

    // No to the IRO: the item for the IRO alone is taken out; the one for both stays (it goes to
    // the social worker only: the sending side seals for whoever is still chosen).
    assert_eq!(vault.withdraw_consent(&s, ShareableKind::Statement, IRO).unwrap(), 1);
    let left = vault.outbox(&s).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].record_id, second);
    assert!(vault.pending_deletions(&s).unwrap().is_empty(), "the service keeps what the social worker still may read");
    assert!(!vault.has_consent(&s, ShareableKind::Statement, "social_worker+iro@aaaa-1111").unwrap());
    assert!(vault.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap());

    // No to the social worker too: nothing is left for anyone there, and the service is asked
    // to delete what it holds.
    assert_eq!(vault.withdraw_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap(), 1);
    assert!(vault.outbox(&s).unwrap().is_empty());
    assert_eq!(vault.pending_deletions(&s).unwrap().len(), 1);
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
    assert!(vault.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap());
    assert_eq!(vault.outbox(&s).unwrap().len(), 1);

    let change = vault.replace_service_connection(&s, &pass(PASS), &elsewhere).unwrap().unwrap();
    assert_eq!(change, plan);
    assert_eq!(vault.service_connection(&s).unwrap().unwrap().device_id, Uuid::from_u128(2));
    assert!(!vault.has_consent(&s, ShareableKind::Statement, SOCIAL_WORKER).unwrap(), "consent is not carried over");
    assert!(!vault.has_consent(&s, ShareableKind::Statement, IRO).unwrap(), "consent is not carried over");
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
    assert!(vault.has_consent(&s, ShareableKind::Statement, "social_worker+iro@aaaa-1111").unwrap());
    assert_eq!(vault.outbox(&s).unwrap().len(), 1);
    assert_eq!(vault.service_connection(&s).unwrap().unwrap().device_id, Uuid::from_u128(3));
}
