//! Several service instances on one database, racing: the guarantees that let PostgreSQL sit
//! behind a load balancer (and SQLite be opened twice) must hold under real concurrency, not only
//! one call at a time. Each race is run on every back end, across two instances.

use uuid::Uuid;
use waymark_service::store::{Device, NewInvite, ServiceStore, Stored};
use waymark_service::testing::twin_instances;

const NOW: i64 = 1_790_000_000;
const PERSON: Uuid = Uuid::from_u128(0x5eed);

fn device(n: u32) -> Device {
    Device {
        id: Uuid::new_v4(),
        person_id: None,
        person_name: "Robin Ashdown".into(),
        role: "young_person".into(),
        signing_key: format!("signing-key-{n}"),
        receiving_key: format!("receiving-key-{n}"),
        enrolled_at: NOW,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_envelope_sent_many_times_at_once_is_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, first, second) in twin_instances(dir.path()).await {
        let sender = first.redeem_invite_for_test(device(1)).await;
        let envelope_id = Uuid::new_v4();
        let mut tasks = Vec::new();
        for i in 0..24 {
            let store = if i % 2 == 0 { first.clone() } else { second.clone() };
            tasks.push(tokio::spawn(async move {
                store.put_envelope(envelope_id, sender, "statement".into(), format!("{{\"attempt\":{i}}}"), NOW).await
            }));
        }
        let mut new = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(Stored::New) => new += 1,
                Ok(Stored::AlreadyHere) => {}
                Err(e) => panic!("{kind}: a resend failed instead of being recognised: {e:?}"),
            }
        }
        assert_eq!(new, 1, "{kind}: exactly one upload is the first");
        assert_eq!(second.envelopes(0, 100).await.unwrap().len(), 1, "{kind}: one copy kept");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_invite_redeemed_by_many_devices_at_once_enrols_exactly_one() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, first, second) in twin_instances(dir.path()).await {
        let token_hash = vec![42u8; 32];
        first
            .add_invite(NewInvite {
                token_hash: token_hash.clone(),
                person_id: Some(PERSON),
                person_name: "Robin Ashdown".into(),
                role: "young_person".into(),
                created_at: NOW,
                expires_at: NOW + 3600,
            })
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for i in 0..12 {
            let store = if i % 2 == 0 { first.clone() } else { second.clone() };
            let token_hash = token_hash.clone();
            tasks.push(tokio::spawn(async move { store.redeem_invite(token_hash, device(i), NOW + 1).await }));
        }
        let mut enrolled = Vec::new();
        for task in tasks {
            if let Ok(device) = task.await.unwrap() {
                enrolled.push(device);
            }
        }
        assert_eq!(enrolled.len(), 1, "{kind}: a one-time invite enrols one device, however the requests interleave");
        assert_eq!(second.person_devices().await.unwrap(), enrolled, "{kind}: and only that one is stored");
        assert_eq!(enrolled[0].person_id, Some(PERSON), "{kind}: for the person the invite was for");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_different_envelopes_at_once_are_all_kept_in_order() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, first, second) in twin_instances(dir.path()).await {
        let sender = first.redeem_invite_for_test(device(1)).await;
        let mut tasks = Vec::new();
        for i in 0..100 {
            let store = if i % 2 == 0 { first.clone() } else { second.clone() };
            tasks.push(tokio::spawn(async move {
                store.put_envelope(Uuid::new_v4(), sender, "note".into(), format!("{{\"n\":{i}}}"), NOW).await
            }));
        }
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), Stored::New, "{kind}");
        }
        let stored = first.envelopes(0, 1000).await.unwrap();
        assert_eq!(stored.len(), 100, "{kind}: none lost");
        assert!(stored.windows(2).all(|w| w[0].seq < w[1].seq), "{kind}: the inbox reads them in one order, each once");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_administrators_adding_the_same_roster_link_at_once_keep_exactly_one() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, first, second) in twin_instances(dir.path()).await {
        first.append_roster_link(0, "genesis".into()).await.unwrap();
        let mut tasks = Vec::new();
        for i in 0..12 {
            let store = if i % 2 == 0 { first.clone() } else { second.clone() };
            tasks.push(tokio::spawn(async move { store.append_roster_link(1, format!("link {i}")).await }));
        }
        let mut kept = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(()) => kept += 1,
                Err(e) => assert_eq!(e.code(), "conflict", "{kind}: the others are told the roster moved on"),
            }
        }
        assert_eq!(kept, 1, "{kind}: one link 1, however the requests interleave");
        assert_eq!(second.roster_links(0, 10).await.unwrap().len(), 2, "{kind}");
        assert_eq!(second.roster_head().await.unwrap(), Some(1), "{kind}");
        // A gap is refused too: link 3 cannot come before link 2.
        assert_eq!(first.append_roster_link(3, "skipped".into()).await.unwrap_err().code(), "conflict", "{kind}");
    }
}

/// Enrols a device through a fresh invite (the race tests care about what comes after).
trait EnrolForTest {
    async fn redeem_invite_for_test(&self, device: Device) -> Uuid;
}

impl<S: ServiceStore> EnrolForTest for S {
    async fn redeem_invite_for_test(&self, device: Device) -> Uuid {
        let token_hash = Uuid::new_v4().as_bytes().to_vec();
        self.add_invite(NewInvite {
            token_hash: token_hash.clone(),
            person_id: None,
            person_name: device.person_name.clone(),
            role: device.role.clone(),
            created_at: NOW,
            expires_at: NOW + 60,
        })
        .await
        .unwrap();
        self.redeem_invite(token_hash, device, NOW).await.unwrap().id
    }
}
