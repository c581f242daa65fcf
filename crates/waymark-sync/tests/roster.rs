//! The roster as a malicious server would try it: every forged, reordered, dropped, forked or
//! replayed chain is refused, and nothing reaches a device the organisation did not certify.

use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::roster::{
    advance, root_fingerprint, RosterEntry, RosterHead, RosterLink, RosterPage, RosterProblem, RosterState, ServedRole, WorkerRole,
    ROSTER_FORMAT,
};
use waymark_sync::SyncError;

const AT: i64 = 1_795_000_000;

/// A chain an organisation's administrator built: genesis, a worker with a laptop, and two
/// young people both called Robin at the service (names are not in the roster), each with one
/// certified device, allocated to the worker.
struct Org {
    root: IdentityKeys,
    links: Vec<RosterLink>,
    pin: String,
    worker_device: IdentityKeys,
    robin_a: (Uuid, IdentityKeys),
    robin_b: (Uuid, IdentityKeys),
}

fn head(links: &[RosterLink]) -> RosterHead {
    let last = links.last().unwrap();
    RosterHead { seq: last.content.seq, hash: last.hash() }
}

fn push(links: &mut Vec<RosterLink>, signer: &IdentityKeys, entry: RosterEntry) {
    let link = RosterLink::sign(signer, Some(&head(links)), AT, entry);
    links.push(link);
}

fn org() -> Org {
    let entropy = SeededEntropy::new(7);
    let root = IdentityKeys::generate(&entropy);
    let genesis = RosterLink::sign(
        &root,
        None,
        AT,
        RosterEntry::Genesis { org_id: Uuid::from_u128(1), org_name: "Northvale Children's Services".into(), root_key: root.public().signing.clone() },
    );
    let mut links = vec![genesis];
    let worker = Uuid::from_u128(10);
    let worker_device = IdentityKeys::generate(&entropy);
    push(&mut links, &root, RosterEntry::AddWorker { worker_id: worker, name: "Sam Okafor".into(), role: WorkerRole::SocialWorker });
    push(&mut links, &root, RosterEntry::AddWorkerDevice { worker_id: worker, device_id: Uuid::from_u128(11), keys: worker_device.public().clone() });
    let mut people = Vec::new();
    for n in [20u128, 30] {
        let person = Uuid::from_u128(n);
        let device = IdentityKeys::generate(&entropy);
        push(&mut links, &root, RosterEntry::AddPerson { person_id: person, role: ServedRole::YoungPerson });
        push(&mut links, &root, RosterEntry::Allocate { person_id: person, worker_id: worker, role: WorkerRole::SocialWorker });
        // Their worker's laptop approves the device the young person enrolled.
        push(&mut links, &worker_device, RosterEntry::CertifyDevice { person_id: person, device_id: Uuid::from_u128(n + 1), keys: device.public().clone() });
        people.push((person, device));
    }
    let pin = root_fingerprint(&root.public().signing).unwrap();
    let robin_b = people.pop().unwrap();
    let robin_a = people.pop().unwrap();
    Org { root, links, pin, worker_device, robin_a, robin_b }
}

fn problem(result: Result<RosterState, SyncError>) -> RosterProblem {
    match result {
        Err(SyncError::RosterRefused { problem, .. }) => problem,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn page(links: &[RosterLink]) -> RosterPage {
    RosterPage { format: ROSTER_FORMAT, head_seq: links.last().map(|l| l.content.seq), links: links.to_vec() }
}

#[test]
fn an_honest_chain_verifies_and_each_person_has_only_their_own_devices() {
    let org = org();
    let state = RosterState::verify_chain(&org.links, &org.pin).unwrap();
    let a = state.devices_of_person(org.robin_a.0);
    let b = state.devices_of_person(org.robin_b.0);
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_eq!(a[0].1, org.robin_a.1.public());
    assert_eq!(b[0].1, org.robin_b.1.public());
    assert_eq!(state.person(org.robin_a.0).unwrap().allocations[&WorkerRole::SocialWorker], Uuid::from_u128(10));
    assert_eq!(state.head, head(&org.links));
}

#[test]
fn a_chain_from_any_other_root_is_refused() {
    let org = org();
    let other = IdentityKeys::generate(&SeededEntropy::new(99));
    // The server makes its own organisation and signs everything with its own key.
    let forged = RosterLink::sign(
        &other,
        None,
        AT,
        RosterEntry::Genesis { org_id: Uuid::from_u128(1), org_name: "Northvale Children's Services".into(), root_key: other.public().signing.clone() },
    );
    assert_eq!(problem(RosterState::verify_chain(&[forged], &org.pin)), RosterProblem::WrongRoot);
    // Or claims the real root but cannot sign as it.
    let mut claimed = org.links[0].clone();
    if let RosterEntry::Genesis { org_name, .. } = &mut claimed.content.entry {
        *org_name = "Somewhere Else".into();
    }
    assert_eq!(problem(RosterState::verify_chain(&[claimed], &org.pin)), RosterProblem::BadSignature);
}

#[test]
fn a_device_the_server_adds_or_changes_is_refused() {
    let org = org();
    let server = IdentityKeys::generate(&SeededEntropy::new(5));
    // A certification signed by a key the roster does not know.
    let mut links = org.links.clone();
    push(&mut links, &server, RosterEntry::CertifyDevice { person_id: org.robin_a.0, device_id: Uuid::from_u128(99), keys: server.public().clone() });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::NotAuthorised);
    // A real certification with the device's key swapped for the server's.
    let mut links = org.links.clone();
    let certify = links.iter().position(|l| matches!(l.content.entry, RosterEntry::CertifyDevice { .. })).unwrap();
    if let RosterEntry::CertifyDevice { keys, .. } = &mut links[certify].content.entry {
        *keys = server.public().clone();
    }
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::BadSignature);
    // A person's own device cannot certify another device for them.
    let mut links = org.links.clone();
    push(&mut links, &org.robin_a.1, RosterEntry::CertifyDevice { person_id: org.robin_a.0, device_id: Uuid::from_u128(98), keys: server.public().clone() });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::NotAuthorised);
    // A worker's laptop approves devices but cannot add workers or allocate.
    let mut links = org.links.clone();
    push(&mut links, &org.worker_device, RosterEntry::Allocate { person_id: org.robin_b.0, worker_id: Uuid::from_u128(10), role: WorkerRole::SocialWorker });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::NotAuthorised);
}

#[test]
fn links_dropped_reordered_or_replayed_break_the_chain() {
    let org = org();
    let mut dropped = org.links.clone();
    dropped.remove(3);
    assert_eq!(problem(RosterState::verify_chain(&dropped, &org.pin)), RosterProblem::BrokenChain);
    let mut reordered = org.links.clone();
    reordered.swap(3, 4);
    assert_eq!(problem(RosterState::verify_chain(&reordered, &org.pin)), RosterProblem::BrokenChain);
    let mut replayed = org.links.clone();
    replayed.push(org.links[4].clone());
    assert_eq!(problem(RosterState::verify_chain(&replayed, &org.pin)), RosterProblem::BrokenChain);
}

#[test]
fn a_fork_or_a_rollback_is_caught_against_the_head_the_device_saw() {
    let org = org();
    let (seen, later) = org.links.split_at(5);
    let known = RosterState::verify_chain(seen, &org.pin).unwrap();
    // The honest continuation is accepted.
    let next = advance(Some(&known), &page(later), &org.pin).unwrap();
    assert_eq!(next.head, head(&org.links));

    // The administrator signs two different histories from link 4; the server shows this device
    // the one it did not see before (its link 5 follows a different link 4).
    let mut other = org.links[..4].to_vec();
    push(&mut other, &org.root, RosterEntry::AddPerson { person_id: Uuid::from_u128(77), role: ServedRole::Carer });
    push(&mut other, &org.root, RosterEntry::AddPerson { person_id: Uuid::from_u128(78), role: ServedRole::Carer });
    let forked_page = page(&other[5..]);
    assert_eq!(problem(advance(Some(&known), &forked_page, &org.pin)), RosterProblem::Forked);

    // The server hands back an older chain than the one this device holds.
    let old = page(&org.links[..3]);
    let rolled = RosterPage { links: Vec::new(), ..old };
    assert_eq!(problem(advance(Some(&next), &rolled, &org.pin)), RosterProblem::RolledBack);
    assert_eq!(problem(advance(Some(&next), &RosterPage { format: ROSTER_FORMAT, head_seq: None, links: vec![] }, &org.pin)), RosterProblem::RolledBack);
    // Links past the head the page claims are refused rather than trusted.
    let lying = RosterPage { format: ROSTER_FORMAT, head_seq: Some(4), links: later.to_vec() };
    assert_eq!(problem(advance(Some(&known), &lying, &org.pin)), RosterProblem::BrokenChain);
}

#[test]
fn a_revoked_device_is_no_longer_sealed_to_and_can_no_longer_sign() {
    let org = org();
    let mut links = org.links.clone();
    push(&mut links, &org.root, RosterEntry::RevokeDevice { device_id: Uuid::from_u128(21) });
    let state = RosterState::verify_chain(&links, &org.pin).unwrap();
    assert!(state.devices_of_person(org.robin_a.0).is_empty());
    assert_eq!(state.devices_of_person(org.robin_b.0).len(), 1);
    // The worker's laptop, revoked, cannot approve anything afterwards.
    push(&mut links, &org.root, RosterEntry::RevokeDevice { device_id: Uuid::from_u128(11) });
    let before = links.clone();
    let fresh = IdentityKeys::generate(&SeededEntropy::new(3));
    push(&mut links, &org.worker_device, RosterEntry::CertifyDevice { person_id: org.robin_a.0, device_id: Uuid::from_u128(50), keys: fresh.public().clone() });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::NotAuthorised);
    // A revoked key cannot come back under another device id.
    let mut links = before;
    push(&mut links, &org.root, RosterEntry::CertifyDevice { person_id: org.robin_a.0, device_id: Uuid::from_u128(51), keys: org.robin_a.1.public().clone() });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::Inconsistent);
}

#[test]
fn a_refused_link_leaves_the_state_as_it_was() {
    let org = org();
    let mut state = RosterState::verify_chain(&org.links, &org.pin).unwrap();
    let before = state.clone();
    let server = IdentityKeys::generate(&SeededEntropy::new(5));
    let bad = RosterLink::sign(&server, Some(&state.head), AT, RosterEntry::AddPerson { person_id: Uuid::from_u128(60), role: ServedRole::Carer });
    assert!(state.apply(&bad).is_err());
    assert_eq!(state, before);
    // An allocation to a worker of another role is a contradiction, not a silent change.
    let wrong = RosterLink::sign(&org.root, Some(&state.head), AT, RosterEntry::Allocate { person_id: org.robin_a.0, worker_id: Uuid::from_u128(10), role: WorkerRole::Iro });
    assert!(matches!(state.apply(&wrong), Err(SyncError::RosterRefused { problem: RosterProblem::Inconsistent, .. })));
    assert_eq!(state, before);
}

#[test]
fn an_administrator_may_change_the_roster_until_revoked_but_never_add_administrators() {
    let org = org();
    let admin = IdentityKeys::generate(&SeededEntropy::new(8));
    let mut links = org.links.clone();
    push(&mut links, &org.root, RosterEntry::AddAdmin { admin_id: Uuid::from_u128(40), name: "Jo Admin".into(), signing_key: admin.public().signing.clone() });
    push(&mut links, &admin, RosterEntry::AddPerson { person_id: Uuid::from_u128(41), role: ServedRole::Carer });
    RosterState::verify_chain(&links, &org.pin).unwrap();
    let mut escalate = links.clone();
    push(&mut escalate, &admin, RosterEntry::AddAdmin { admin_id: Uuid::from_u128(42), name: "Another".into(), signing_key: org.robin_b.1.public().signing.clone() });
    assert_eq!(problem(RosterState::verify_chain(&escalate, &org.pin)), RosterProblem::NotAuthorised);
    push(&mut links, &org.root, RosterEntry::RevokeAdmin { admin_id: Uuid::from_u128(40) });
    push(&mut links, &admin, RosterEntry::AddPerson { person_id: Uuid::from_u128(43), role: ServedRole::Carer });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::NotAuthorised);
}

#[test]
fn only_a_persons_own_worker_or_an_administrator_approves_their_device() {
    let org = org();
    let entropy = SeededEntropy::new(12);
    let other_worker = Uuid::from_u128(70);
    let other_laptop = IdentityKeys::generate(&entropy);
    let mut links = org.links.clone();
    push(&mut links, &org.root, RosterEntry::AddWorker { worker_id: other_worker, name: "Kit Evans".into(), role: WorkerRole::Iro });
    push(&mut links, &org.root, RosterEntry::AddWorkerDevice { worker_id: other_worker, device_id: Uuid::from_u128(71), keys: other_laptop.public().clone() });
    // Kit is not Robin's worker: a device Kit's laptop approves for Robin (its own keys, say) is refused.
    let mut stranger = links.clone();
    push(&mut stranger, &other_laptop, RosterEntry::CertifyDevice { person_id: org.robin_a.0, device_id: Uuid::from_u128(72), keys: IdentityKeys::generate(&entropy).public().clone() });
    assert_eq!(problem(RosterState::verify_chain(&stranger, &org.pin)), RosterProblem::NotAuthorised);
    // Once Kit is Robin's IRO, Kit may.
    push(&mut links, &org.root, RosterEntry::Allocate { person_id: org.robin_a.0, worker_id: other_worker, role: WorkerRole::Iro });
    push(&mut links, &other_laptop, RosterEntry::CertifyDevice { person_id: org.robin_a.0, device_id: Uuid::from_u128(72), keys: IdentityKeys::generate(&entropy).public().clone() });
    RosterState::verify_chain(&links, &org.pin).unwrap();
}

#[test]
fn a_worker_the_root_makes_an_administrator_changes_the_roster_from_their_laptop_until_it_is_withdrawn() {
    let org = org();
    let worker = Uuid::from_u128(10);
    let mut links = org.links.clone();
    // Before the root grants it, the worker's laptop may approve a device but not add a person.
    let mut early = links.clone();
    push(&mut early, &org.worker_device, RosterEntry::AddPerson { person_id: Uuid::from_u128(50), role: ServedRole::Carer });
    assert_eq!(problem(RosterState::verify_chain(&early, &org.pin)), RosterProblem::NotAuthorised);
    // Nobody but the root grants it: not the worker's own laptop.
    let mut self_made = links.clone();
    push(&mut self_made, &org.worker_device, RosterEntry::GrantAdmin { worker_id: worker });
    assert_eq!(problem(RosterState::verify_chain(&self_made, &org.pin)), RosterProblem::NotAuthorised);
    push(&mut links, &org.root, RosterEntry::GrantAdmin { worker_id: worker });
    push(&mut links, &org.worker_device, RosterEntry::AddPerson { person_id: Uuid::from_u128(50), role: ServedRole::Carer });
    push(&mut links, &org.worker_device, RosterEntry::RevokeDevice { device_id: Uuid::from_u128(21) });
    let state = RosterState::verify_chain(&links, &org.pin).unwrap();
    assert!(state.is_admin_worker(worker));
    assert!(state.person(Uuid::from_u128(50)).is_some());
    assert!(state.devices_of_person(org.robin_a.0).is_empty(), "the device the administrator revoked is sealed to no more");
    // An administrator worker still cannot make another administrator.
    let mut escalate = links.clone();
    push(&mut escalate, &org.worker_device, RosterEntry::GrantAdmin { worker_id: worker });
    assert_eq!(problem(RosterState::verify_chain(&escalate, &org.pin)), RosterProblem::NotAuthorised);
    push(&mut links, &org.root, RosterEntry::WithdrawAdmin { worker_id: worker });
    let state = RosterState::verify_chain(&links, &org.pin).unwrap();
    assert!(!state.is_admin_worker(worker));
    push(&mut links, &org.worker_device, RosterEntry::AddPerson { person_id: Uuid::from_u128(51), role: ServedRole::Carer });
    assert_eq!(problem(RosterState::verify_chain(&links, &org.pin)), RosterProblem::NotAuthorised);
}

/// The fuzzer's starting page (`fuzz/seeds/roster_page`) is this file's honest roster, so it
/// starts from a chain that verifies. Rewritten with UPDATE_SEEDS=1; checked otherwise.
#[test]
fn the_fuzzers_seed_page_is_an_honest_roster() {
    let org = org();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/roster_page/honest.json");
    let json = serde_json::to_string(&page(&org.links)).unwrap();
    if std::env::var_os("UPDATE_SEEDS").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    let kept: RosterPage = serde_json::from_slice(&std::fs::read(&path).expect("the seed exists")).unwrap();
    assert_eq!(kept, page(&org.links), "the seed is stale: run UPDATE_SEEDS=1 cargo test -p waymark-sync --test roster");
    advance(None, &kept, &org.pin).unwrap();
}

#[test]
fn the_urgent_policy_says_who_is_alerted_first_and_who_next() {
    let org = org();
    let mut links = org.links.clone();
    let (duty, manager) = (Uuid::from_u128(60), Uuid::from_u128(61));
    push(&mut links, &org.root, RosterEntry::AddWorker { worker_id: duty, name: "Duty desk".into(), role: WorkerRole::Duty });
    push(&mut links, &org.root, RosterEntry::AddWorker { worker_id: manager, name: "Team manager".into(), role: WorkerRole::SocialWorker });
    let before = links.clone();
    // Unknown workers, a worker twice and a zero window are contradictions, refused.
    for bad in [
        RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 10, escalation: vec![Uuid::from_u128(404)] },
        RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 10, escalation: vec![manager, manager] },
        RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 0, escalation: vec![manager] },
    ] {
        let mut tried = before.clone();
        push(&mut tried, &org.root, bad);
        assert_eq!(problem(RosterState::verify_chain(&tried, &org.pin)), RosterProblem::Inconsistent);
    }
    // Only the root or an administrator sets it.
    let mut tried = before.clone();
    push(&mut tried, &org.worker_device, RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 10, escalation: vec![] });
    assert_eq!(problem(RosterState::verify_chain(&tried, &org.pin)), RosterProblem::NotAuthorised);

    push(&mut links, &org.root, RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 10, escalation: vec![manager, duty] });
    let state = RosterState::verify_chain(&links, &org.pin).unwrap();
    assert_eq!(state.urgent_policy().acknowledge_within_minutes, 10);
    let first = state.first_alerted(Some(org.robin_a.0));
    assert_eq!(first, vec![(duty, waymark_sync::roster::AlertReason::Duty), (Uuid::from_u128(10), waymark_sync::roster::AlertReason::Allocated)]);
    let alerted: Vec<Uuid> = first.iter().map(|(w, _)| *w).collect();
    assert_eq!(state.next_escalation(&alerted), Some(manager), "the duty desk, already alerted, is skipped");
    assert_eq!(state.next_escalation(&[duty, Uuid::from_u128(10), manager]), None);
    // Someone the roster does not know still reaches the duty team.
    assert_eq!(state.first_alerted(None), vec![(duty, waymark_sync::roster::AlertReason::Duty)]);
}

#[test]
fn two_devices_comparing_heads_catch_a_server_that_shows_them_different_lists_or_holds_one_back() {
    use waymark_sync::roster::{compare_heads, RosterHead};
    let head = |seq: u64, hash: &str| RosterHead { seq, hash: hash.into() };
    // This device verified links 0..=4, with these hashes.
    let hashes = ["h0", "h1", "h2", "h3", "h4"];
    let mine = head(4, "h4");
    let hash_at = |seq: u64| hashes.get(seq as usize).map(|h| h.to_string());
    assert_eq!(compare_heads(&mine, hash_at, &head(4, "h4")), Ok(()), "the same view");
    assert_eq!(compare_heads(&mine, hash_at, &head(2, "h2")), Ok(()), "the other is behind on the same history");
    assert_eq!(compare_heads(&mine, hash_at, &head(2, "other")), Err(RosterProblem::Forked), "a different history at link 2");
    assert_eq!(compare_heads(&mine, hash_at, &head(4, "other")), Err(RosterProblem::Forked));
    assert_eq!(compare_heads(&mine, hash_at, &head(7, "h7")), Err(RosterProblem::HeldBack), "the other has seen more than this device is shown");
    // A device that keeps only its head can still tell a fork at its own number.
    let only_head = |seq: u64| (seq == 4).then(|| "h4".to_string());
    assert_eq!(compare_heads(&mine, only_head, &head(4, "other")), Err(RosterProblem::Forked));
    assert_eq!(compare_heads(&mine, only_head, &head(3, "anything")), Ok(()), "no history to compare with");
}
