//! The audit log against a service that would rewrite it: an entry it invents, changes or drops
//! is reported, and the rest still shows.

use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::audit::{follows, verify_chain, AuditAction, AuditEntry, AuditProblem};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::roster::{root_fingerprint, RosterEntry, RosterHead, RosterLink, RosterState, WorkerRole};

const AT: i64 = 1_795_000_000;
const LAPTOP: Uuid = Uuid::from_u128(11);

fn roster(laptop: &IdentityKeys, revoke: bool) -> RosterState {
    let entropy = SeededEntropy::new(3);
    let root = IdentityKeys::generate(&entropy);
    let genesis = RosterLink::sign(&root, None, AT, RosterEntry::Genesis { org_id: Uuid::from_u128(1), org_name: "Northvale Children's Services".into(), root_key: root.public().signing.clone() });
    let mut links = vec![genesis];
    let mut push = |entry| {
        let last = links.last().unwrap();
        let head = RosterHead { seq: last.content.seq, hash: last.hash() };
        links.push(RosterLink::sign(&root, Some(&head), AT, entry));
    };
    push(RosterEntry::AddWorker { worker_id: Uuid::from_u128(10), name: "Sam Okafor".into(), role: WorkerRole::SocialWorker });
    push(RosterEntry::AddWorkerDevice { worker_id: Uuid::from_u128(10), device_id: LAPTOP, keys: laptop.public().clone() });
    if revoke {
        push(RosterEntry::RevokeDevice { device_id: LAPTOP });
    }
    RosterState::verify_chain(&links, &root_fingerprint(&root.public().signing).unwrap()).unwrap()
}

/// A laptop's first `n` entries: it opened and answered things, in order.
fn chain(keys: &IdentityKeys, n: u64) -> Vec<AuditEntry> {
    let mut out: Vec<AuditEntry> = Vec::new();
    for i in 0..n {
        let action = AuditAction::Answered { envelope_id: Uuid::from_u128(100 + u128::from(i)), person_id: Some(Uuid::from_u128(20)), answer: "read".into() };
        let entry = AuditEntry::sign(keys, LAPTOP, out.last().map(AuditEntry::head).as_ref(), AT + i as i64, action);
        assert!(follows(out.last().map(AuditEntry::head).as_ref(), &entry), "an honest service keeps each entry in turn");
        out.push(entry);
    }
    out
}

#[test]
fn a_laptops_honest_chain_verifies_even_after_the_laptop_is_revoked() {
    let laptop = IdentityKeys::generate(&SeededEntropy::new(5));
    let entries = chain(&laptop, 4);
    let verified = verify_chain(&roster(&laptop, false), LAPTOP, entries.clone());
    assert_eq!((verified.entries.len(), verified.problems.as_slice(), verified.worker_id), (4, &[][..], Some(Uuid::from_u128(10))));
    // What a laptop did before it was switched off stays in the log.
    assert_eq!(verify_chain(&roster(&laptop, true), LAPTOP, entries).entries.len(), 4);
}

#[test]
fn an_entry_the_service_invents_or_changes_is_not_shown_and_is_reported() {
    let laptop = IdentityKeys::generate(&SeededEntropy::new(5));
    let server = IdentityKeys::generate(&SeededEntropy::new(6));
    let roster = roster(&laptop, false);
    let mut entries = chain(&laptop, 3);
    // Invented: the right place in the chain, the service's own signature.
    let invented = AuditEntry::sign(&server, LAPTOP, Some(&entries[2].head()), AT, AuditAction::MadeInvite { person_id: Uuid::from_u128(30) });
    entries.push(invented);
    // Changed: what the laptop said it did, rewritten.
    entries[1].content.action = AuditAction::Answered { envelope_id: Uuid::from_u128(101), person_id: Some(Uuid::from_u128(20)), answer: "replied".into() };
    let verified = verify_chain(&roster, LAPTOP, entries);
    assert_eq!(verified.entries.iter().map(|e| e.content.seq).collect::<Vec<_>>(), vec![0, 2]);
    assert_eq!(verified.problems, vec![AuditProblem::NotSigned { seq: 1 }, AuditProblem::NotSigned { seq: 3 }], "reported as not signed, not as missing as well");
}

#[test]
fn entries_dropped_from_the_middle_or_replaced_are_reported() {
    let laptop = IdentityKeys::generate(&SeededEntropy::new(5));
    let roster = roster(&laptop, false);
    let mut entries = chain(&laptop, 6);
    entries.drain(2..4);
    let verified = verify_chain(&roster, LAPTOP, entries);
    assert_eq!(verified.problems, vec![AuditProblem::Missing { from: 2, to: 3 }]);
    assert_eq!(verified.entries.len(), 4, "what is there is still shown");

    // Two histories signed by the same laptop (its vault restored from a copy): the second
    // entry 1 does not follow the first entry 0's successor.
    let a = chain(&laptop, 3);
    let other = AuditEntry::sign(&laptop, LAPTOP, Some(&a[0].head()), AT + 9, AuditAction::Opened { envelope_id: Uuid::from_u128(7), person_id: None });
    let b = AuditEntry::sign(&laptop, LAPTOP, Some(&other.head()), AT + 10, AuditAction::Opened { envelope_id: Uuid::from_u128(8), person_id: None });
    let verified = verify_chain(&roster, LAPTOP, vec![a[0].clone(), a[1].clone(), b]);
    assert_eq!(verified.problems, vec![AuditProblem::BrokenChain { seq: 2 }]);
}

#[test]
fn entries_from_a_device_that_is_no_workers_laptop_are_not_shown() {
    let laptop = IdentityKeys::generate(&SeededEntropy::new(5));
    let stranger = Uuid::from_u128(99);
    let verified = verify_chain(&roster(&laptop, false), stranger, chain(&laptop, 2));
    assert_eq!((verified.entries.len(), verified.problems.as_slice()), (0, &[AuditProblem::UnknownDevice][..]));
}
