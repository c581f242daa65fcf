//! The organisation's roster against a server that lies, on every back end: devices are
//! addressed by person id, never by name; nothing reaches a device the roster does not certify;
//! and a roster or mailbox the server changes, drops, moves or rolls back is refused.
//!
//! The "server" here is the real service over loopback HTTP; what it does wrong is done with
//! SQL straight on its database (`testing::tamper`), as whoever controls the host could.

mod common;

use common::plan_json;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uuid::Uuid;
use waymark_client::worker::{answer, fetch_shared, open_shared, Answer, SharedRecord};
use waymark_core::domain::statement::ResponseKind;
use waymark_sync::mail::ReceiptStatus;
use waymark_client::{
    acknowledge_alert, apply_mail, apply_roster, approval, enrol, fetch_alerts, fetch_mail, fetch_roster, preview, roster_from, Approval, ClientError,
};
use waymark_core::entropy::SeededEntropy;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{FixedClock, Role, Session, Vault, VaultOptions};
use waymark_service::backend::Backend;
use waymark_service::http::{router, ServiceState};
use waymark_service::organisation::{self, InviteDetails, RootKeyFile};
use waymark_service::store::ServiceStore;
use waymark_service::testing::tamper;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::mail::{seal_mail, seal_organisation_mail, MailKind};
use waymark_sync::roster::{RosterEntry, RosterLink, RosterProblem, RosterState, ServedRole, WorkerRole};
use waymark_sync::SyncError;

const NOW: i64 = 1_795_000_000;
const SERVICE: &str = "Northvale Children's Services";

struct Org {
    store: Backend,
    dir: PathBuf,
    url: String,
    service_keys: IdentityKeys,
    root_file: RootKeyFile,
    root: IdentityKeys,
    roster: RosterState,
    entropy: Arc<SeededEntropy>,
    clock: Arc<FixedClock>,
}

/// One person's laptop: their vault, unlocked, and the person id their invite was for.
struct Laptop {
    vault: Vault,
    session: Session,
    person_id: Uuid,
    _dir: tempfile::TempDir,
}

/// A service serving over loopback, with an organisation whose roster has its genesis link.
async fn org(store: Backend, dir: &Path) -> Org {
    let entropy = Arc::new(SeededEntropy::new(31));
    let clock = Arc::new(FixedClock::at(NOW));
    let service_keys = IdentityKeys::generate(&*entropy);
    let (root_file, root) = RootKeyFile::create(SERVICE, &Passphrase::new("copper kettle orchard".into()), KdfParams::FLOOR, &*entropy).unwrap();
    let roster = organisation::start_roster(&store, &root_file, &root, NOW).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let receipts = waymark_service::testing::receipt_signer(&service_keys);
    let state = Arc::new(ServiceState::new(store.clone(), SERVICE.into(), service_keys.public().clone(), clock.clone(), receipts));
    tokio::spawn(async move { axum::serve(listener, router(state)).await.unwrap() });
    Org { store, dir: dir.to_path_buf(), url, service_keys, root_file, root, roster, entropy, clock }
}

impl Org {
    /// Invites a young person called `name` and connects a fresh laptop with the code.
    async fn connect(&mut self, name: &str) -> Laptop {
        let fingerprint = self.service_keys.public().fingerprint().unwrap();
        let details = InviteDetails { service_url: &self.url, service_name: SERVICE, service_fingerprint: &fingerprint, expires_at: NOW + 3600 };
        let (person_id, invite) =
            organisation::invite_person(&self.store, &mut self.roster, &self.root, name, ServedRole::YoungPerson, &details, &*self.entropy, NOW)
                .await
                .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let options = VaultOptions { kdf: KdfParams::FLOOR, clock: self.clock.clone(), entropy: self.entropy.clone() };
        let mut vault = Vault::open(dir.path(), options).unwrap();
        let session = vault.create_profile(name, Role::YoungPerson, &Passphrase::new("otter lantern biscuit".into())).unwrap().0;
        let seen = preview(&invite.to_code(), vault.now()).await.unwrap();
        let connection = enrol(&seen, &*self.entropy, vault.now()).await.unwrap();
        assert_eq!(connection.person_id, Some(person_id));
        vault.save_service_connection(&session, &connection).unwrap();
        Laptop { vault, session, person_id, _dir: dir }
    }

    /// A worker approves the laptop after its person read out the code their app shows.
    async fn approve(&mut self, laptop: &Laptop) {
        let connection = laptop.vault.service_connection(&laptop.session).unwrap().unwrap();
        let code = waymark_client::device_code(&connection).unwrap();
        organisation::approve_device(&self.store, &mut self.roster, &self.root, connection.device_id, laptop.person_id, &code, NOW)
            .await
            .unwrap();
    }

    async fn publish(&self, to: Uuid, version: u32) -> Result<usize, waymark_service::ServiceError> {
        organisation::publish_plan(&self.store, &self.roster, &self.root, to, &plan_json(version), &*self.entropy, NOW).await
    }

    async fn tamper(&self, sql: &str) {
        tamper(&self.store, &self.dir, sql).await;
    }

    /// Appends a link signed by the root without going through the service's order check (a
    /// second history the root signed, for the fork test).
    fn link_after(&self, head: &waymark_sync::roster::RosterHead, entry: RosterEntry) -> RosterLink {
        RosterLink::sign(&self.root, Some(head), NOW, entry)
    }
}

impl Laptop {
    /// Reads the roster to its head as the app's sync pass does.
    async fn sync_roster(&mut self) -> Result<(), ClientError> {
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        loop {
            let from = roster_from(&self.vault, &self.session, &connection)?;
            let page = fetch_roster(&connection, from, self.vault.now()).await?;
            if !apply_roster(&mut self.vault, &self.session, &page)? {
                return Ok(());
            }
        }
    }

    async fn read_mail(&mut self) -> waymark_client::MailReport {
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        let items = fetch_mail(&connection, self.vault.now()).await.unwrap();
        apply_mail(&mut self.vault, &self.session, &items).unwrap()
    }

    fn approval(&self) -> Approval {
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        let roster = waymark_client::verified_roster(&self.vault, &self.session, &connection).unwrap();
        approval(&connection, roster.as_ref())
    }

    fn device_id(&self) -> Uuid {
        self.vault.service_connection(&self.session).unwrap().unwrap().device_id
    }

    /// Says something, shares it with their social worker and sends it, with the roster this
    /// laptop has read so far; returns what was left waiting.
    async fn share_statement(&mut self, words: &str) -> Result<waymark_client::Skipped, ClientError> {
        self.share(waymark_core::domain::StatementKind::Worried, words).await
    }

    async fn share(&mut self, kind: waymark_core::domain::StatementKind, words: &str) -> Result<waymark_client::Skipped, ClientError> {
        use waymark_core::domain::{ShareableKind, StatementStatus};
        let st = self.vault.start_statement(&self.session, kind).unwrap();
        self.vault.save_words(&self.session, st.id, words.into()).unwrap();
        self.vault.set_statement_status(&self.session, st.id, StatementStatus::Ready).unwrap();
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        let social_worker = connection.recipient_for(&[WorkerRole::SocialWorker]);
        if !self.vault.has_consent(&self.session, ShareableKind::Statement, &social_worker).unwrap() {
            self.vault.grant_consent(&self.session, ShareableKind::Statement, &social_worker).unwrap();
        }
        self.vault.share_with(&self.session, st.id, &connection).unwrap();
        self.send().await
    }

    /// Sends what waits, as the sync pass does.
    async fn send(&mut self) -> Result<waymark_client::Skipped, ClientError> {
        let entropy = SeededEntropy::new(3);
        let (prepared, skipped) = waymark_client::prepare_sends(&mut self.vault, &self.session, &entropy)?;
        for batch in waymark_client::batches(&prepared) {
            let outcome = waymark_client::send_batch(batch, self.vault.now()).await;
            waymark_client::finish_batch(&mut self.vault, &self.session, batch, outcome.as_deref().ok(), &entropy)?;
            outcome?;
        }
        Ok(skipped)
    }

    fn statement(&self, words: &str) -> waymark_core::domain::Statement {
        let found = self.vault.statements(&self.session).unwrap().into_iter().find_map(|r| match r.body {
            waymark_core::domain::RecordBody::Statement(st) if st.words.as_deref() == Some(words) => Some(st),
            _ => None,
        });
        found.expect("the statement is kept")
    }

    fn plan_versions(&self) -> Vec<u32> {
        self.vault.plan_overview(&self.session).unwrap().iter().map(|p| p.latest.version).collect()
    }
}


fn roster_problem(e: ClientError) -> RosterProblem {
    match e {
        ClientError::Sync(SyncError::RosterRefused { problem, .. }) => problem,
        other => panic!("expected the roster to be refused, got {other:?}"),
    }
}

async fn two_people_with_the_same_name_each_get_only_their_own_plan(mut o: Org) {
    let mut first = o.connect("Robin").await;
    let mut second = o.connect("Robin").await;
    assert_ne!(first.person_id, second.person_id, "the name is a label: each Robin is their own person");
    first.sync_roster().await.unwrap();
    assert_eq!(first.approval(), Approval::Waiting, "nothing is sealed to a laptop no worker approved");
    let refused = o.publish(first.person_id, 2).await.unwrap_err();
    assert!(refused.to_string().contains("no approved device"), "{refused}");

    o.approve(&first).await;
    o.approve(&second).await;
    assert_eq!(o.publish(first.person_id, 2).await.unwrap(), 1);
    first.sync_roster().await.unwrap();
    second.sync_roster().await.unwrap();
    assert_eq!(first.approval(), Approval::Approved);
    let report = first.read_mail().await;
    assert_eq!((report.plans_added, report.refused.len()), (1, 0), "{:?}", report.refused);
    assert_eq!(first.plan_versions(), vec![2]);
    assert_eq!(second.read_mail().await, waymark_client::MailReport::default(), "the other Robin's mailbox is empty");
    assert!(second.plan_versions().is_empty());
}

async fn a_wrong_device_code_approves_nothing(mut o: Org) {
    let laptop = o.connect("Sky").await;
    let device_id = laptop.device_id();
    let wrong = organisation::approve_device(&o.store, &mut o.roster, &o.root, device_id, laptop.person_id, "0000-0000-0000-0000", NOW).await;
    assert!(wrong.unwrap_err().to_string().contains("does not match"));
    // Nor the right code for the wrong person.
    let connection = laptop.vault.service_connection(&laptop.session).unwrap().unwrap();
    let code = waymark_client::device_code(&connection).unwrap();
    let other = Uuid::from_u128(77);
    assert!(organisation::approve_device(&o.store, &mut o.roster, &o.root, device_id, other, &code, NOW).await.is_err());
    assert!(o.roster.devices_of_person(laptop.person_id).is_empty());
    assert_eq!(o.store.roster_head().await.unwrap(), Some(1), "only the genesis link and the person: nothing was added");
}

async fn a_device_the_server_adds_or_rekeys_receives_nothing(mut o: Org) {
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    // The server enrols its own device for Robin's person id, and swaps the keys on Robin's row.
    let intruder = IdentityKeys::generate(&*o.entropy);
    let intruder_id = Uuid::from_u128(0xbad);
    o.tamper(&format!(
        "INSERT INTO devices (id, person_name, role, signing_key, receiving_key, enrolled_at, person_id) VALUES ('{intruder_id}', 'Robin', 'young_person', '{}', '{}', {NOW}, '{}');
         UPDATE devices SET receiving_key = '{}' WHERE id = '{}';",
        intruder.public().signing,
        intruder.public().receiving,
        robin.person_id,
        intruder.public().receiving,
        robin.device_id()
    ))
    .await;
    assert_eq!(o.publish(robin.person_id, 2).await.unwrap(), 1, "sealed to the one device the roster certifies");
    // A certification of a laptop's id with keys that are not its own is refused by that laptop:
    // it is not approved, and nothing sealed to those keys is its.
    let mut alex = o.connect("Alex").await;
    let not_alexs = IdentityKeys::generate(&*o.entropy);
    let forged = RosterEntry::CertifyDevice { person_id: alex.person_id, device_id: alex.device_id(), keys: not_alexs.public().clone() };
    organisation::append(&o.store, &mut o.roster, &o.root, forged, NOW).await.unwrap();
    assert_eq!(roster_problem(alex.sync_roster().await.unwrap_err()), RosterProblem::Inconsistent);
    assert_eq!(alex.approval(), Approval::Waiting);
    assert!(o.store.mailbox(intruder_id, 0, 10).await.unwrap().is_empty(), "the inserted device got nothing");
    robin.sync_roster().await.unwrap();
    let report = robin.read_mail().await;
    assert_eq!(report.plans_added, 1, "sealed to the keys in the roster, not the row the server changed: {:?}", report.refused);
}

async fn mail_the_server_moves_or_writes_itself_is_refused(mut o: Org) {
    let mut first = o.connect("Robin").await;
    let mut second = o.connect("Robin").await;
    o.approve(&first).await;
    o.approve(&second).await;
    first.sync_roster().await.unwrap();
    second.sync_roster().await.unwrap();
    o.publish(first.person_id, 2).await.unwrap();
    // The server moves the first Robin's plan into the second Robin's mailbox.
    o.tamper(&format!("UPDATE mailbox SET device_id = '{}' WHERE device_id = '{}'", second.device_id(), first.device_id())).await;
    let report = second.read_mail().await;
    assert_eq!(report.plans_added, 0);
    assert!(report.refused[0].contains("meant for someone else"), "{:?}", report.refused);

    let second_connection = second.vault.service_connection(&second.session).unwrap().unwrap();
    let second_keys = waymark_sync::keys::IdentityKeys::from_secret(zeroize::Zeroizing::new(second_connection.device_secret[..].try_into().unwrap())).unwrap();
    let header = |n: u128| waymark_sync::envelope::EnvelopeHeader {
        envelope_id: Uuid::from_u128(n),
        device_id: second_connection.device_id,
        record_kind: "plan".into(),
        record_id: Uuid::from_u128(6),
        record_version: 9,
        urgent: false,
    };
    let mut to_second = waymark_sync::envelope::EnvelopeSealer::new(second_keys.public(), &*o.entropy).unwrap();
    // Signed with the service's own key (which sits on the server): not good enough for a plan.
    let by_server = seal_mail(&o.service_keys, &mut to_second, MailKind::Plan, header(1), &plan_json(9)).unwrap();
    // Signed by a key the roster never certified, claiming to be organisation mail.
    let by_stranger = seal_organisation_mail(&o.service_keys, second.person_id, &mut to_second, MailKind::Plan, header(2), &plan_json(9)).unwrap();
    // Signed by the organisation, for the first Robin, but sealed to the second Robin's laptop.
    let for_first = seal_organisation_mail(&o.root, first.person_id, &mut to_second, MailKind::Plan, header(3), &plan_json(9)).unwrap();
    for mail in [by_server, by_stranger, for_first] {
        o.store.post_mail(second_connection.device_id, serde_json::to_string(&mail).unwrap(), NOW).await.unwrap();
    }
    let report = second.read_mail().await;
    assert_eq!(report.plans_added, 0, "{:?}", report.refused);
    assert!(report.refused[0].contains("not by the server"), "{:?}", report.refused);
    assert!(report.refused[1].contains("not certified"), "{:?}", report.refused);
    assert!(report.refused[2].contains("someone else"), "{:?}", report.refused);
    assert!(second.plan_versions().is_empty());
}

async fn a_roster_the_server_changes_drops_or_rolls_back_is_refused(mut o: Org) {
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    robin.sync_roster().await.unwrap();
    let head = o.roster.head.clone();

    // A link rewritten in the database: a laptop reading the roster from the start refuses it.
    let mut fresh = o.connect("Alex").await;
    o.tamper("UPDATE roster_links SET body = replace(body, '\"young_person\"', '\"carer\"') WHERE seq = 1").await;
    assert_eq!(roster_problem(fresh.sync_roster().await.unwrap_err()), RosterProblem::BadSignature);
    assert_eq!(fresh.approval(), Approval::Waiting, "nothing was kept from the refused roster");
    o.tamper("UPDATE roster_links SET body = replace(body, '\"carer\"', '\"young_person\"') WHERE seq = 1").await;
    fresh.sync_roster().await.unwrap();

    // Links dropped from the end: the laptop that saw them says the roster was rolled back.
    robin.sync_roster().await.unwrap();
    let seen = o.store.roster_head().await.unwrap().unwrap();
    o.tamper(&format!("DELETE FROM roster_links WHERE seq >= {}", head.seq)).await;
    assert_eq!(roster_problem(robin.sync_roster().await.unwrap_err()), RosterProblem::RolledBack);

    // A different history after what the laptop saw (the root's own signature on it, as if the
    // root were tricked into signing on an old head): the laptop sees it does not follow.
    let other = o.link_after(&waymark_sync::roster::RosterHead { seq: head.seq - 1, hash: o.roster_hash(head.seq - 1).await }, RosterEntry::AddPerson { person_id: Uuid::from_u128(90), role: ServedRole::Carer });
    let mut next = other.clone();
    let mut links = vec![other];
    while (links.len() as i64) + (head.seq as i64) <= seen + 1 {
        let h = waymark_sync::roster::RosterHead { seq: next.content.seq, hash: next.hash() };
        next = o.link_after(&h, RosterEntry::AddPerson { person_id: Uuid::from_u128(91 + links.len() as u128), role: ServedRole::Carer });
        links.push(next.clone());
    }
    for link in &links {
        o.store.append_roster_link(link.content.seq as i64, serde_json::to_string(link).unwrap()).await.unwrap();
    }
    assert_eq!(roster_problem(robin.sync_roster().await.unwrap_err()), RosterProblem::Forked);
    assert_eq!(robin.approval(), Approval::Approved, "the roster it verified before is kept as it was");

    // The administrator's own device, which remembers the head it signed, catches it too.
    let caught = organisation::read_roster(&o.store, &o.root_file.fingerprint().unwrap(), Some(&o.roster.head)).await.unwrap_err();
    assert!(matches!(caught, waymark_service::ServiceError::Sync(SyncError::RosterRefused { problem: RosterProblem::Forked, .. })), "{caught:?}");
}

async fn a_revoked_device_gets_nothing_more(mut o: Org) {
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let device_id = robin.device_id();
    organisation::append(&o.store, &mut o.roster, &o.root, RosterEntry::RevokeDevice { device_id }, NOW).await.unwrap();
    let refused = o.publish(robin.person_id, 2).await.unwrap_err();
    assert!(refused.to_string().contains("no approved device"), "{refused}");
    robin.sync_roster().await.unwrap();
    assert_eq!(robin.approval(), Approval::Revoked);
    // Mail the organisation signed before it knew, arriving after: refused, the laptop is no
    // longer approved for anyone.
    let connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    let keys = waymark_sync::keys::IdentityKeys::from_secret(zeroize::Zeroizing::new(connection.device_secret[..].try_into().unwrap())).unwrap();
    let mut sealer = waymark_sync::envelope::EnvelopeSealer::new(keys.public(), &*o.entropy).unwrap();
    let header = waymark_sync::envelope::EnvelopeHeader {
        envelope_id: Uuid::from_u128(1),
        device_id,
        record_kind: "plan".into(),
        record_id: Uuid::from_u128(6),
        record_version: 3,
        urgent: false,
    };
    let late = seal_organisation_mail(&o.root, robin.person_id, &mut sealer, MailKind::Plan, header, &plan_json(3)).unwrap();
    o.store.post_mail(device_id, serde_json::to_string(&late).unwrap(), NOW).await.unwrap();
    // The honest service no longer lets the laptop read its mailbox at all...
    let refused = fetch_mail(&connection, robin.vault.now()).await.unwrap_err();
    assert!(matches!(refused, ClientError::Refused { status: 403, .. }), "{refused:?}");
    // ...and a server that hands it over anyway gets it refused by the laptop.
    let items: Vec<waymark_sync::api::MailboxItem> =
        o.store.mailbox(device_id, 0, 10).await.unwrap().into_iter().map(|m| waymark_sync::api::MailboxItem { seq: m.seq, body: m.body }).collect();
    let report = apply_mail(&mut robin.vault, &robin.session, &items).unwrap();
    assert_eq!(report.plans_added, 0);
    assert!(report.refused[0].contains("not been approved"), "{:?}", report.refused);
}

async fn what_a_laptop_sends_is_signed_by_it_and_the_inbox_catches_an_envelope_moved_or_changed(mut o: Org) {
    use waymark_service::roster_view::{read_pinned, sender_check};
    let mut robin = o.connect("Robin").await;
    let mut sky = o.connect("Sky").await;
    o.approve(&robin).await;
    o.approve(&sky).await;
    let social_worker = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    o.worker_laptop(social_worker).await;
    for laptop in [&robin, &sky] {
        o.allocate(laptop.person_id, social_worker, WorkerRole::SocialWorker).await;
    }
    robin.sync_roster().await.unwrap();
    sky.sync_roster().await.unwrap();
    robin.share_statement("I would like to see my nan more").await.unwrap();
    sky.share_statement("Please can I change school").await.unwrap();
    let pin = o.root_file.fingerprint().unwrap();
    let roster = read_pinned(&o.store, &pin).await.unwrap();
    let check = |items: &[waymark_service::store::StoredEnvelope]| -> Vec<(bool, String)> {
        items
            .iter()
            .map(|i| sender_check(roster.as_ref(), i.device_id, i.person_id, &serde_json::from_str::<waymark_sync::envelope::Envelope>(&i.body).unwrap()))
            .collect()
    };
    let items = o.store.envelopes(0, 10).await.unwrap();
    let said = check(&items);
    assert_eq!(said[0], (false, format!("signed by an approved laptop of person {}", robin.person_id)));
    assert_eq!(said[1], (false, format!("signed by an approved laptop of person {}", sky.person_id)));

    // The server files Robin's envelope under Sky's laptop; and rewrites Sky's header to say it
    // came from Robin's laptop.
    o.tamper(&format!("UPDATE envelopes SET device_id = '{}' WHERE seq = {}", sky.device_id(), items[0].seq)).await;
    o.tamper(&format!(
        "UPDATE envelopes SET device_id = '{robin}', body = replace(body, '{sky}', '{robin}') WHERE seq = {seq}",
        robin = robin.device_id(),
        sky = sky.device_id(),
        seq = items[1].seq
    ))
    .await;
    let said = check(&o.store.envelopes(0, 10).await.unwrap());
    assert!(said[0].0 && said[0].1.contains("different laptop"), "{said:?}");
    assert!(said[1].0 && said[1].1.contains("NOT signed"), "{said:?}");

    // A laptop that enrolled with an invite but that no worker approved sends nothing: there is
    // no one it could seal to. What it shares waits on the laptop.
    let mut alex = o.connect("Alex").await;
    alex.sync_roster().await.unwrap();
    let skipped = alex.share_statement("Nobody approved this laptop").await.unwrap();
    assert_eq!(skipped.no_reader, 1);
    assert_eq!(o.store.envelopes(0, 10).await.unwrap().len(), 2, "nothing from Alex's laptop reached the service");
    assert_eq!(alex.vault.outbox(&alex.session).unwrap().len(), 1);

    // A server that swaps in a whole roster of its own, under its own root, is refused: the inbox
    // checks against the organisation's fingerprint, not the database's genesis.
    let impostor = IdentityKeys::generate(&SeededEntropy::new(404));
    let genesis = RosterLink::sign(
        &impostor,
        None,
        NOW,
        RosterEntry::Genesis { org_id: Uuid::from_u128(1), org_name: SERVICE.into(), root_key: impostor.public().signing.clone() },
    );
    o.tamper("DELETE FROM roster_links").await;
    o.store.append_roster_link(0, serde_json::to_string(&genesis).unwrap()).await.unwrap();
    let refused = read_pinned(&o.store, &pin).await.unwrap_err();
    assert!(refused.contains("does not start from the organisation's key"), "{refused}");
}

async fn a_revoked_laptop_can_send_nothing_more(mut o: Org) {
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let social_worker = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    o.worker_laptop(social_worker).await;
    o.allocate(robin.person_id, social_worker, WorkerRole::SocialWorker).await;
    robin.sync_roster().await.unwrap();
    robin.share_statement("First thing").await.unwrap();
    let device_id = robin.device_id();
    organisation::append(&o.store, &mut o.roster, &o.root, RosterEntry::RevokeDevice { device_id }, NOW).await.unwrap();
    // Before it reads the roster again the laptop still tries; the service refuses.
    let refused = robin.share_statement("Sent from a lost laptop").await.unwrap_err();
    assert!(matches!(&refused, ClientError::Refused { status: 403, .. }), "{refused:?}");
    assert!(refused.to_string().contains("switched this laptop off"), "{refused}");
    assert_eq!(o.store.envelopes(0, 10).await.unwrap().len(), 1, "nothing more was kept");
    assert_eq!(robin.vault.outbox(&robin.session).unwrap().len(), 1, "the laptop keeps it; it is not lost, only not taken");
    // Once it has read the roster it knows, and seals nothing more for anyone.
    robin.sync_roster().await.unwrap();
    assert_eq!(robin.approval(), Approval::Revoked);
    o.clock.advance(2 * 60 * 60);
    assert_eq!(robin.send().await.unwrap().no_reader, 1, "due again, and still nobody it may be sealed to");
}

impl Org {
    /// The roster as a worker's laptop reads and verifies it from the organisation's root.
    async fn roster_of(&self, laptop: &waymark_core::connection::ServiceConnection) -> RosterState {
        let page = fetch_roster(laptop, 0, self.now()).await.unwrap();
        waymark_sync::roster::advance(None, &page, &self.root_file.fingerprint().unwrap()).unwrap()
    }

    /// A worker's laptop: invited for `worker_id`, enrolled, and approved with its code. Its
    /// connection (keys and device id) is all a worker's laptop needs to ask for alerts.
    async fn worker_laptop(&mut self, worker_id: Uuid) -> waymark_core::connection::ServiceConnection {
        let fingerprint = self.service_keys.public().fingerprint().unwrap();
        let now = self.now().0;
        let details = InviteDetails { service_url: &self.url, service_name: SERVICE, service_fingerprint: &fingerprint, expires_at: now + 3600 };
        let invite = organisation::invite_worker(&self.store, &self.roster, worker_id, &details, &*self.entropy, now).await.unwrap();
        let seen = preview(&invite.to_code(), waymark_core::Clock::now(&*self.clock)).await.unwrap();
        let laptop = enrol(&seen, &*self.entropy, waymark_core::Clock::now(&*self.clock)).await.unwrap();
        let code = waymark_client::device_code(&laptop).unwrap();
        organisation::approve_device(&self.store, &mut self.roster, &self.root, laptop.device_id, worker_id, &code, now).await.unwrap();
        laptop
    }

    async fn add_worker(&mut self, name: &str, role: WorkerRole) -> Uuid {
        organisation::add_worker(&self.store, &mut self.roster, &self.root, name, role, &*self.entropy, NOW).await.unwrap()
    }

    async fn allocate(&mut self, person_id: Uuid, worker_id: Uuid, role: WorkerRole) {
        organisation::append(&self.store, &mut self.roster, &self.root, RosterEntry::Allocate { person_id, worker_id, role }, NOW).await.unwrap();
    }

    fn now(&self) -> waymark_core::Timestamp {
        waymark_core::Clock::now(&*self.clock)
    }

    /// The hash of roster link `seq` as the service holds it.
    async fn roster_hash(&self, seq: u64) -> String {
        let body = self.store.roster_links(seq as i64, 1).await.unwrap().remove(0);
        serde_json::from_str::<RosterLink>(&body).unwrap().hash()
    }
}

async fn i_dont_feel_safe_alerts_the_duty_team_at_once_and_escalates_when_nobody_acknowledges(mut o: Org) {
    use waymark_core::domain::StatementKind;
    use waymark_sync::roster::WorkerRole;
    let duty = o.add_worker("Duty desk", WorkerRole::Duty).await;
    let social_worker = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    let manager = o.add_worker("Jo Adeyemi", WorkerRole::SocialWorker).await;
    let policy = RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: 10, escalation: vec![manager] };
    organisation::append(&o.store, &mut o.roster, &o.root, policy, NOW).await.unwrap();
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let allocate = RosterEntry::Allocate { person_id: robin.person_id, worker_id: social_worker, role: WorkerRole::SocialWorker };
    organisation::append(&o.store, &mut o.roster, &o.root, allocate, NOW).await.unwrap();
    let duty_laptop = o.worker_laptop(duty).await;
    let manager_laptop = o.worker_laptop(manager).await;
    let social_worker_laptop = o.worker_laptop(social_worker).await;
    // A worker's laptop checks the roster as anyone's does, and finds itself approved.
    let duty_roster = o.roster_of(&duty_laptop).await;
    assert_eq!(approval(&duty_laptop, Some(&duty_roster)), Approval::Approved);
    robin.sync_roster().await.unwrap();

    // An ordinary worry, then "I don't feel safe": only the second raises an alert.
    robin.share_statement("My phone is broken").await.unwrap();
    robin.share(StatementKind::NotSafe, "I don't feel safe at home tonight").await.unwrap();
    let alerts = fetch_alerts(&duty_laptop, o.now()).await.unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let first = &alerts[0];
    assert_eq!((first.person_id, first.why.as_str(), first.acknowledged_at), (Some(robin.person_id), "duty", None));
    let urgent = o.store.envelopes(0, 10).await.unwrap().into_iter().find(|e| e.body.contains("\"urgent\":true")).unwrap();
    assert!(urgent.body.contains(&first.envelope_id.to_string()), "the alert names the urgent envelope");
    let to_worker = fetch_alerts(&social_worker_laptop, o.now()).await.unwrap();
    assert_eq!((to_worker.len(), to_worker[0].why.as_str()), (1, "allocated"), "Robin's own worker is told at once too");
    assert!(fetch_alerts(&manager_laptop, o.now()).await.unwrap().is_empty(), "not yet escalated");
    // Nothing in an alert says what was written.
    assert!(!serde_json::to_string(&alerts).unwrap().contains("safe at home"));
    // An envelope stored but its alert lost (the service died between the two): the laptop's
    // resend raises it. (The alerts so far are cleared first, so the one found is the resend's.)
    o.tamper("DELETE FROM alert_recipients; DELETE FROM alerts;").await;
    let st = robin.vault.start_statement(&robin.session, StatementKind::NotSafe).unwrap();
    robin.vault.save_words(&robin.session, st.id, "Still not safe".into()).unwrap();
    robin.vault.set_statement_status(&robin.session, st.id, waymark_core::domain::StatementStatus::Ready).unwrap();
    let connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    robin.vault.share_with(&robin.session, st.id, &connection).unwrap();
    let entropy = SeededEntropy::new(8);
    let (prepared, _) = waymark_client::prepare_sends(&mut robin.vault, &robin.session, &entropy).unwrap();
    waymark_client::send_batch(&prepared, o.now()).await.unwrap();
    o.tamper("DELETE FROM alert_recipients; DELETE FROM alerts;").await;
    let again = waymark_client::send_batch(&prepared, o.now()).await.unwrap();
    assert!(again[0].starts_with("already_here"), "{again:?}");
    waymark_client::finish_batch(&mut robin.vault, &robin.session, &prepared, Some(&again), &entropy).unwrap();
    let alerts = fetch_alerts(&duty_laptop, o.now()).await.unwrap();
    assert_eq!(alerts.len(), 1, "the resend raised the alert the first attempt lost: {alerts:?}");
    let alert = &alerts[0];

    // Not acknowledged in ten minutes: the next worker in the organisation's order is told.
    o.clock.advance(9 * 60);
    assert!(waymark_service::urgent::escalate_due(&o.store, Some(&o.roster), o.now().0).await.unwrap().is_empty());
    o.clock.advance(2 * 60);
    let escalated = waymark_service::urgent::escalate_due(&o.store, Some(&o.roster), o.now().0).await.unwrap();
    assert_eq!(escalated, vec![(alert.alert_id, Some(manager))]);
    let to_manager = fetch_alerts(&manager_laptop, o.now()).await.unwrap();
    assert_eq!((to_manager.len(), to_manager[0].why.as_str()), (1, "escalated"));
    // The item was sealed to the escalation order too, so the manager can read what it is about.
    let manager_roster = o.roster_of(&manager_laptop).await;
    let seen = waymark_client::worker::shared_envelope(&manager_laptop, &manager_roster, alert.envelope_id, o.now()).await.unwrap();
    assert!(String::from_utf8_lossy(&seen.plaintext).contains("Still not safe"));

    // The duty worker's laptop opens what was said (sealed to it because it was urgent; the
    // ordinary worry was sealed to Robin's social worker only), and the service's key opens none.
    let feed = fetch_shared(&duty_laptop, 0, o.now()).await.unwrap();
    let opened: Vec<_> = feed.iter().map(|item| open_shared(&duty_laptop, &duty_roster, item).unwrap()).collect();
    assert_eq!(opened.len(), 2, "the two urgent items, not the worry");
    assert!(opened.iter().all(|r| r.header.urgent && r.person_id == robin.person_id));
    let raised = opened.iter().find(|r| r.header.envelope_id == alert.envelope_id).unwrap();
    assert!(String::from_utf8_lossy(&raised.plaintext).contains("Still not safe"));
    for item in o.store.envelopes(0, 10).await.unwrap() {
        let envelope: waymark_sync::envelope::Envelope = serde_json::from_str(&item.body).unwrap();
        assert!(waymark_sync::envelope::EnvelopeOpener::new(&o.service_keys).open(&envelope).is_err(), "the server's key opened #{}", item.seq);
    }

    // The duty worker acknowledges: the clock stops, and everyone alerted sees who did; Robin's
    // laptop hears it from the duty worker's laptop, and shows who.
    let acknowledged = acknowledge_alert(&duty_laptop, alert.alert_id, o.now()).await.unwrap();
    assert_eq!(acknowledged.acknowledged_by, Some(duty));
    answer(&duty_laptop, &duty_roster, raised, Answer::Receipt(ReceiptStatus::Acknowledged), &*o.entropy, o.now()).await.unwrap();
    let report = robin.read_mail().await;
    assert_eq!((report.receipts, report.refused.len()), (1, 0), "{:?}", report.refused);
    let still = robin.statement("Still not safe");
    assert_eq!(still.responses.len(), 1);
    let said = &still.responses[0];
    assert_eq!((said.kind, said.worker_name.as_str(), said.worker_role), (ResponseKind::Acknowledged, "Duty desk", WorkerRole::Duty));
    assert_eq!(still.status(), waymark_core::domain::StatementStatus::Received);
    o.clock.advance(60 * 60);
    assert!(waymark_service::urgent::escalate_due(&o.store, Some(&o.roster), o.now().0).await.unwrap().is_empty());
    assert_eq!(fetch_alerts(&manager_laptop, o.now()).await.unwrap()[0].acknowledged_by, Some(duty));

    // A young person's laptop gets no alerts, and a worker cannot acknowledge one not raised to them.
    let robin_connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    let refused = fetch_alerts(&robin_connection, o.now()).await.unwrap_err();
    assert!(matches!(refused, ClientError::Refused { status: 403, .. }), "{refused:?}");
    let stranger = o.add_worker("Another worker", WorkerRole::Iro).await;
    let stranger_laptop = o.worker_laptop(stranger).await;
    let refused = acknowledge_alert(&stranger_laptop, alert.alert_id, o.now()).await.unwrap_err();
    assert!(matches!(refused, ClientError::Refused { status: 404, .. }), "{refused:?}");
}

async fn workers_open_only_what_was_sealed_to_them_and_their_replies_reach_the_timeline(mut o: Org) {
    use waymark_core::domain::{ShareableKind, StatementStatus};
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    let pat = o.add_worker("Pat Lewis", WorkerRole::Iro).await;
    o.allocate(robin.person_id, sam, WorkerRole::SocialWorker).await;
    o.allocate(robin.person_id, pat, WorkerRole::Iro).await;
    let sam_laptop = o.worker_laptop(sam).await;
    let pat_laptop = o.worker_laptop(pat).await;
    robin.sync_roster().await.unwrap();
    let (sam_roster, pat_roster) = (o.roster_of(&sam_laptop).await, o.roster_of(&pat_laptop).await);

    // For my social worker only; then, once Robin also chooses their IRO, for both.
    robin.share_statement("Can I stay up later at weekends?").await.unwrap();
    let connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    robin.vault.grant_consent(&robin.session, ShareableKind::Statement, &connection.recipient_for(&[WorkerRole::Iro])).unwrap();
    robin.share_statement("My review went well").await.unwrap();
    let sam_feed = fetch_shared(&sam_laptop, 0, o.now()).await.unwrap();
    let pat_feed = fetch_shared(&pat_laptop, 0, o.now()).await.unwrap();
    assert_eq!((sam_feed.len(), pat_feed.len()), (2, 1));
    let first = open_shared(&sam_laptop, &sam_roster, &sam_feed[0]).unwrap();
    assert!(String::from_utf8_lossy(&first.plaintext).contains("stay up later"));
    assert_eq!(first.readers.len(), 1, "sealed to Sam's laptop alone");
    let both = open_shared(&pat_laptop, &pat_roster, &pat_feed[0]).unwrap();
    assert!(String::from_utf8_lossy(&both.plaintext).contains("review went well"));
    assert_eq!(both.readers.len(), 2);

    // Robin stops sharing with Pat (Sam still has it, so the service keeps it): Pat's laptop is
    // no longer handed it; Sam's still is, and nothing of anyone else's changes.
    let pat_laptops = waymark_client::laptops_of(Some(&pat_roster), &connection, WorkerRole::Iro);
    assert_eq!(pat_laptops, vec![pat_laptop.device_id]);
    assert_eq!(waymark_client::remove_readers(&connection, ShareableKind::Statement, pat_laptops.clone(), o.now()).await.unwrap(), 1);
    assert!(fetch_shared(&pat_laptop, 0, o.now()).await.unwrap().is_empty());
    assert_eq!(fetch_shared(&sam_laptop, 0, o.now()).await.unwrap().len(), 2);
    assert_eq!(waymark_client::remove_readers(&connection, ShareableKind::PathwayNote, pat_laptops, o.now()).await.unwrap(), 0, "only the kind named");
    o.tamper(&format!("INSERT INTO envelope_readers (envelope_id, device_id) VALUES ('{}', '{}')", both.header.envelope_id, pat_laptop.device_id)).await;

    // The server puts the first one in Pat's feed too: Pat's laptop cannot open it.
    o.tamper(&format!("INSERT INTO envelope_readers (envelope_id, device_id) VALUES ('{}', '{}')", first.header.envelope_id, pat_laptop.device_id)).await;
    let pat_feed = fetch_shared(&pat_laptop, 0, o.now()).await.unwrap();
    assert_eq!(pat_feed.len(), 2);
    let refused = open_shared(&pat_laptop, &pat_roster, &pat_feed[0]).err().unwrap();
    assert!(refused.to_string().contains("not sealed to this laptop"), "{refused}");
    // The server writes one of its own in Robin's name, sealed to Sam: Sam's laptop refuses it.
    let robin_device = robin.device_id();
    let mut sealer = waymark_sync::envelope::EnvelopeSealer::for_readers(&[(sam_laptop.device_id, sam_roster.devices_of_worker(sam)[0].1)], &*o.entropy).unwrap();
    let forged_id = uuid::Builder::from_random_bytes([77; 16]).into_uuid();
    let header = waymark_sync::envelope::EnvelopeHeader { envelope_id: forged_id, device_id: robin_device, record_kind: "statement".into(), record_id: Uuid::from_u128(78), record_version: 1, urgent: false };
    let mut forged = sealer.seal(header, br#"{"kind":"worried","words":"I want to move"}"#).unwrap();
    forged.sign_as_sender(&o.service_keys);
    let keep = waymark_service::store::NewEnvelope { envelope_id: forged_id, record_kind: "statement".into(), body: serde_json::to_string(&forged).unwrap(), readers: vec![sam_laptop.device_id] };
    o.store.put_envelopes(robin_device, vec![keep], NOW).await.unwrap();
    let sam_feed = fetch_shared(&sam_laptop, 0, o.now()).await.unwrap();
    assert_eq!(sam_feed.len(), 3);
    assert!(matches!(open_shared(&sam_laptop, &sam_roster, &sam_feed[2]), Err(ClientError::Sync(SyncError::BadSignature))));

    // Sam reads the first and replies; Robin's timeline shows both, with Sam's name and role.
    answer(&sam_laptop, &sam_roster, &first, Answer::Receipt(ReceiptStatus::Read), &*o.entropy, o.now()).await.unwrap();
    answer(&sam_laptop, &sam_roster, &first, Answer::Reply("Let's talk about it on Tuesday.".into()), &*o.entropy, o.now()).await.unwrap();
    let report = robin.read_mail().await;
    assert_eq!((report.receipts, report.replies, report.refused.len()), (1, 1, 0), "{:?}", report.refused);
    let st = robin.statement("Can I stay up later at weekends?");
    assert_eq!(st.status(), StatementStatus::Read);
    let kinds: Vec<_> = st.responses.iter().map(|r| (r.kind, r.worker_name.as_str(), r.worker_role)).collect();
    assert_eq!(kinds, vec![(ResponseKind::Read, "Sam Okafor", WorkerRole::SocialWorker), (ResponseKind::Replied, "Sam Okafor", WorkerRole::SocialWorker)]);
    assert_eq!(st.responses[1].words.as_deref(), Some("Let's talk about it on Tuesday."));
    assert!(robin.statement("My review went well").responses.is_empty());

    // Pat, a worker the organisation certifies but whom the first was not shared with, cannot put
    // anything in its timeline: Robin's laptop takes answers only from laptops it sealed it to.
    let not_theirs = SharedRecord { seq: 0, person_id: robin.person_id, header: first.header.clone(), readers: first.readers.clone(), plaintext: zeroize::Zeroizing::new(Vec::new()), sender_head: None };
    answer(&pat_laptop, &pat_roster, &not_theirs, Answer::Reply("I read this too".into()), &*o.entropy, o.now()).await.unwrap();
    let report = robin.read_mail().await;
    assert_eq!((report.replies, report.refused.len()), (0, 1), "{:?}", report.refused);
    assert!(report.refused[0].contains("not shared with"), "{:?}", report.refused);
    assert_eq!(robin.statement("Can I stay up later at weekends?").responses.len(), 2);

    // A "read" the server signs with its own key, or a reply the root signs rather than a
    // worker's laptop, is refused on Robin's laptop.
    let mut to_robin = waymark_sync::envelope::EnvelopeSealer::new(&robin_keys(&robin), &*o.entropy).unwrap();
    let header = |id| waymark_sync::envelope::EnvelopeHeader { envelope_id: Uuid::from_u128(id), device_id: robin_device, record_kind: "receipt".into(), record_id: first.header.record_id, record_version: 1, urgent: false };
    let read = serde_json::to_vec(&waymark_sync::mail::Receipt { envelope_id: both.header.envelope_id, record_id: both.header.record_id, status: ReceiptStatus::Read, at: NOW, roster_head: None }).unwrap();
    let by_server = seal_mail(&o.service_keys, &mut to_robin, MailKind::Receipt, header(90), &read).unwrap();
    let reply = serde_json::to_vec(&waymark_sync::mail::Reply { envelope_id: both.header.envelope_id, record_id: both.header.record_id, words: "From the root".into(), at: NOW, roster_head: None }).unwrap();
    let by_root = seal_organisation_mail(&o.root, robin.person_id, &mut to_robin, MailKind::Reply, header(91), &reply).unwrap();
    for mail in [by_server, by_root] {
        o.store.post_mail(robin_device, serde_json::to_string(&mail).unwrap(), NOW).await.unwrap();
    }
    let report = robin.read_mail().await;
    assert_eq!(report.refused.len(), 2, "{:?}", report.refused);
    assert!(report.refused[0].contains("not by the server"), "{:?}", report.refused);
    assert!(report.refused[1].contains("worker's laptop"), "{:?}", report.refused);
    assert!(robin.statement("My review went well").responses.is_empty());
}

async fn a_chosen_worker_without_an_approved_laptop_gets_it_once_they_have_one(mut o: Org) {
    use waymark_core::domain::ShareableKind;
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    let pat = o.add_worker("Pat Lewis", WorkerRole::Iro).await;
    o.allocate(robin.person_id, sam, WorkerRole::SocialWorker).await;
    o.allocate(robin.person_id, pat, WorkerRole::Iro).await;
    let sam_laptop = o.worker_laptop(sam).await;
    robin.sync_roster().await.unwrap();
    let connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    robin.vault.grant_consent(&robin.session, ShareableKind::Statement, &connection.recipient_for(&[WorkerRole::Iro])).unwrap();

    // Both chosen; Pat has no laptop yet. It goes to Sam now, and waits for Pat.
    robin.share_statement("I want to change school").await.unwrap();
    assert_eq!(fetch_shared(&sam_laptop, 0, o.now()).await.unwrap().len(), 1);
    let waiting = robin.vault.outbox(&robin.session).unwrap();
    assert_eq!(waiting.len(), 1, "kept for the IRO");
    assert_eq!(waiting[0].recipient, connection.recipient_for(&[WorkerRole::Iro]));
    assert_eq!(robin.send().await.unwrap().no_reader, 1, "still nobody to seal it to for Pat");

    // Pat's laptop is approved: the next send reaches Pat, and only Pat (Sam has it already).
    let pat_laptop = o.worker_laptop(pat).await;
    robin.sync_roster().await.unwrap();
    robin.send().await.unwrap();
    assert!(robin.vault.outbox(&robin.session).unwrap().is_empty());
    let pat_roster = o.roster_of(&pat_laptop).await;
    let pat_feed = fetch_shared(&pat_laptop, 0, o.now()).await.unwrap();
    assert_eq!(pat_feed.len(), 1);
    let opened = open_shared(&pat_laptop, &pat_roster, &pat_feed[0]).unwrap();
    assert!(String::from_utf8_lossy(&opened.plaintext).contains("change school"));
    assert_eq!(opened.readers, vec![pat_laptop.device_id]);
    assert_eq!(fetch_shared(&sam_laptop, 0, o.now()).await.unwrap().len(), 1, "Sam is not sent it twice");
}

async fn a_service_that_holds_a_roster_change_back_from_one_laptop_is_caught_when_a_worker_answers(mut o: Org) {
    use waymark_client::worker::{read_roster, shared_envelope};
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    o.allocate(robin.person_id, sam, WorkerRole::SocialWorker).await;
    let sam_laptop = o.worker_laptop(sam).await;
    robin.sync_roster().await.unwrap();
    robin.share_statement("Who is my new IRO?").await.unwrap();

    // A change Robin's laptop must know of (a new worker), which the server then hides from Robin
    // by serving links only up to the head Robin already has.
    let robin_head = o.roster.head.seq;
    o.add_worker("Pat Lewis", WorkerRole::Iro).await;
    let sam_roster = read_roster(&sam_laptop, None, o.now()).await.unwrap();
    assert_eq!(sam_roster.state.head.seq, robin_head + 1);
    let feed = fetch_shared(&sam_laptop, 0, o.now()).await.unwrap();
    let item = shared_envelope(&sam_laptop, &sam_roster.state, open_shared(&sam_laptop, &sam_roster.state, &feed[0]).unwrap().header.envelope_id, o.now()).await.unwrap();
    assert_eq!(item.sender_head.as_ref().map(|h| h.seq), Some(robin_head), "Robin's head came sealed inside the record");
    assert_eq!(sam_roster.check_peer(item.sender_head.as_ref().unwrap()), Ok(()), "behind, but on the same history");
    answer(&sam_laptop, &sam_roster.state, &item, Answer::Receipt(ReceiptStatus::Read), &*o.entropy, o.now()).await.unwrap();
    o.tamper(&format!("DELETE FROM roster_links WHERE seq > {robin_head}")).await;

    // Robin's laptop takes Sam's receipt, sees Sam has verified more, reads the roster again, and
    // the service still shows less: held back.
    let report = robin.read_mail().await;
    assert_eq!((report.receipts, report.peer_ahead), (1, Some(robin_head + 1)), "{:?}", report.refused);
    robin.sync_roster().await.unwrap();
    assert!(robin.vault.service_connection(&robin.session).is_ok());
    let seen = waymark_client::verified_roster(&robin.vault, &robin.session, &robin.vault.service_connection(&robin.session).unwrap().unwrap()).unwrap().unwrap();
    assert!(seen.head.seq < report.peer_ahead.unwrap(), "the service is holding the change back from Robin's laptop");

    // And a worker whose history differs from Robin's at Robin's own head is refused outright.
    let mut forked = item;
    forked.sender_head = None;
    let wrong = waymark_sync::roster::RosterHead { seq: robin_head, hash: "not the same history".into() };
    let receipt = waymark_sync::mail::Receipt { envelope_id: forked.header.envelope_id, record_id: forked.header.record_id, status: ReceiptStatus::Received, at: NOW, roster_head: Some(wrong) };
    let device = robin.device_id();
    let mut to_robin = waymark_sync::envelope::EnvelopeSealer::new(&robin_keys(&robin), &*o.entropy).unwrap();
    let header = waymark_sync::envelope::EnvelopeHeader { envelope_id: Uuid::from_u128(99), device_id: device, record_kind: "receipt".into(), record_id: forked.header.record_id, record_version: 1, urgent: false };
    let sam_keys = IdentityKeys::from_secret(zeroize::Zeroizing::new(sam_laptop.device_secret[..].try_into().unwrap())).unwrap();
    let mail = seal_organisation_mail(&sam_keys, robin.person_id, &mut to_robin, MailKind::Receipt, header, &serde_json::to_vec(&receipt).unwrap()).unwrap();
    o.store.post_mail(device, serde_json::to_string(&mail).unwrap(), NOW).await.unwrap();
    let report = robin.read_mail().await;
    assert_eq!(report.refused.len(), 1, "{:?}", report.refused);
    assert!(report.refused[0].contains("differs from the one this device saw"), "{:?}", report.refused);
}

async fn an_urgent_item_whose_chosen_worker_has_no_laptop_yet_alerts_once_and_reaches_them_later(mut o: Org) {
    use waymark_core::domain::StatementKind;
    let duty = o.add_worker("Duty desk", WorkerRole::Duty).await;
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    o.allocate(robin.person_id, sam, WorkerRole::SocialWorker).await;
    let duty_laptop = o.worker_laptop(duty).await;
    robin.sync_roster().await.unwrap();

    // Sam has no laptop yet: it goes to the duty desk, with one alert, and waits for Sam.
    robin.share(StatementKind::NotSafe, "I don't feel safe tonight").await.unwrap();
    assert_eq!(fetch_alerts(&duty_laptop, o.now()).await.unwrap().len(), 1);
    assert_eq!(fetch_shared(&duty_laptop, 0, o.now()).await.unwrap().len(), 1);
    let waiting = robin.vault.outbox(&robin.session).unwrap();
    assert_eq!((waiting.len(), waiting[0].follow_up), (1, true));
    // Passes while Sam still has no laptop send nothing more and raise nothing more.
    for _ in 0..3 {
        assert_eq!(robin.send().await.unwrap().no_reader, 1);
    }
    assert_eq!(o.store.envelopes(0, 10).await.unwrap().len(), 1);
    assert_eq!(fetch_alerts(&duty_laptop, o.now()).await.unwrap().len(), 1, "one alert, not one a pass");

    // Sam's laptop is approved: the follow-up goes to Sam alone, and raises no second alert.
    let sam_laptop = o.worker_laptop(sam).await;
    robin.sync_roster().await.unwrap();
    robin.send().await.unwrap();
    assert!(robin.vault.outbox(&robin.session).unwrap().is_empty());
    let feed = fetch_shared(&sam_laptop, 0, o.now()).await.unwrap();
    let opened = open_shared(&sam_laptop, &o.roster_of(&sam_laptop).await, &feed[0]).unwrap();
    assert_eq!(opened.readers, vec![sam_laptop.device_id]);
    assert!(String::from_utf8_lossy(&opened.plaintext).contains("don't feel safe"));
    assert_eq!(fetch_shared(&duty_laptop, 0, o.now()).await.unwrap().len(), 1, "the duty desk is not sent it twice");
    assert_eq!(fetch_alerts(&duty_laptop, o.now()).await.unwrap().len(), 1);
    // Saying no to Sam later would not take the urgent item from Sam or the duty desk.
    let connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    let removed = waymark_client::remove_readers(&connection, waymark_core::domain::ShareableKind::Statement, vec![duty_laptop.device_id], o.now()).await.unwrap();
    assert_eq!(removed, 0, "urgent items stay with whoever answers them");
    assert_eq!(fetch_shared(&duty_laptop, 0, o.now()).await.unwrap().len(), 1);
}

async fn a_resend_after_the_readers_changed_is_a_new_envelope_so_no_one_is_left_out(mut o: Org) {
    use waymark_core::domain::ShareableKind;
    let mut robin = o.connect("Robin").await;
    o.approve(&robin).await;
    let sam = o.add_worker("Sam Okafor", WorkerRole::SocialWorker).await;
    let pat = o.add_worker("Pat Lewis", WorkerRole::Iro).await;
    o.allocate(robin.person_id, sam, WorkerRole::SocialWorker).await;
    o.allocate(robin.person_id, pat, WorkerRole::Iro).await;
    let sam_laptop = o.worker_laptop(sam).await;
    robin.sync_roster().await.unwrap();
    let connection = robin.vault.service_connection(&robin.session).unwrap().unwrap();
    robin.vault.grant_consent(&robin.session, ShareableKind::Statement, &connection.recipient_for(&[WorkerRole::SocialWorker])).unwrap();
    robin.vault.grant_consent(&robin.session, ShareableKind::Statement, &connection.recipient_for(&[WorkerRole::Iro])).unwrap();
    let st = robin.vault.start_statement(&robin.session, waymark_core::domain::StatementKind::Worried).unwrap();
    robin.vault.save_words(&robin.session, st.id, "Can I move school?".into()).unwrap();
    robin.vault.set_statement_status(&robin.session, st.id, waymark_core::domain::StatementStatus::Ready).unwrap();
    robin.vault.share_with(&robin.session, st.id, &connection).unwrap();

    // The first attempt (to Sam; Pat has no laptop) is stored, but its answer is lost.
    let entropy = SeededEntropy::new(5);
    let (first, _) = waymark_client::prepare_sends(&mut robin.vault, &robin.session, &entropy).unwrap();
    waymark_client::send_batch(&first, o.now()).await.unwrap();
    // Meanwhile Pat's laptop is approved; the retry is sealed to both: a new envelope, kept.
    let pat_laptop = o.worker_laptop(pat).await;
    robin.sync_roster().await.unwrap();
    let (again, _) = waymark_client::prepare_sends(&mut robin.vault, &robin.session, &entropy).unwrap();
    assert_eq!(again[0].readers.len(), 2);
    let stored = waymark_client::send_batch(&again, o.now()).await.unwrap();
    assert!(stored[0].starts_with("new"), "{stored:?}");
    waymark_client::finish_batch(&mut robin.vault, &robin.session, &again, Some(&stored), &entropy).unwrap();
    assert!(robin.vault.outbox(&robin.session).unwrap().is_empty(), "nothing left waiting for Pat");
    assert_eq!(fetch_shared(&pat_laptop, 0, o.now()).await.unwrap().len(), 1, "Pat is not left out");
    // A resend to the same readers is still the same envelope, kept once.
    assert!(waymark_client::send_batch(&again, o.now()).await.unwrap()[0].starts_with("already_here"));
    assert_eq!(fetch_shared(&sam_laptop, 0, o.now()).await.unwrap().len(), 2, "Sam has the first attempt and the resend");
}

fn robin_keys(laptop: &Laptop) -> waymark_sync::keys::PublicKeys {
    let connection = laptop.vault.service_connection(&laptop.session).unwrap().unwrap();
    let secret: [u8; waymark_sync::keys::SECRET_LEN] = connection.device_secret[..].try_into().unwrap();
    IdentityKeys::from_secret(zeroize::Zeroizing::new(secret)).unwrap().public().clone()
}

waymark_service::on_every_backend!(super::org;
    workers_open_only_what_was_sealed_to_them_and_their_replies_reach_the_timeline,
    a_chosen_worker_without_an_approved_laptop_gets_it_once_they_have_one,
    a_service_that_holds_a_roster_change_back_from_one_laptop_is_caught_when_a_worker_answers,
    an_urgent_item_whose_chosen_worker_has_no_laptop_yet_alerts_once_and_reaches_them_later,
    a_resend_after_the_readers_changed_is_a_new_envelope_so_no_one_is_left_out,
    two_people_with_the_same_name_each_get_only_their_own_plan,
    a_wrong_device_code_approves_nothing,
    a_device_the_server_adds_or_rekeys_receives_nothing,
    mail_the_server_moves_or_writes_itself_is_refused,
    a_roster_the_server_changes_drops_or_rolls_back_is_refused,
    a_revoked_device_gets_nothing_more,
    what_a_laptop_sends_is_signed_by_it_and_the_inbox_catches_an_envelope_moved_or_changed,
    a_revoked_laptop_can_send_nothing_more,
    i_dont_feel_safe_alerts_the_duty_team_at_once_and_escalates_when_nobody_acknowledges,
);
