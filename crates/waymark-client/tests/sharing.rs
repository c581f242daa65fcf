//! The app's side against a real service over loopback: connect with an invite, share a
//! statement end-to-end encrypted, and the outbox's promises: exactly once across a crash,
//! drained when the service comes back, never sent once consent is withdrawn.

mod common;

use common::plan_json;
use std::sync::Arc;

use waymark_client::{batches, enrol, finish_batch, prepare_sends, preview, send_batch, ClientError};
use waymark_core::domain::*;
use waymark_core::entropy::SeededEntropy;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{FixedClock, Role, Session, Vault, VaultOptions};
use waymark_service::http::{router, ServiceState};
use waymark_service::backend::Backend;
use waymark_service::store::{NewInvite, ServiceStore};
use waymark_sync::envelope::{open_envelope, Envelope};
use waymark_sync::invite::{Invite, INVITE_FORMAT};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::SyncError;
use waymark_client::{apply_mail, fetch_mail};
use waymark_service::outgoing::ReceiptSender;
use waymark_sync::mail::{seal_mail, MailKind, ReceiptStatus};

const NOW: i64 = 1_795_000_000;
const SERVICE: &str = "Northvale Children's Services";

struct World {
    store: Backend,
    service_keys: IdentityKeys,
    url: String,
    listener: Option<std::net::TcpListener>,
    clock: Arc<FixedClock>,
    entropy: Arc<SeededEntropy>,
    vault: Vault,
    session: Session,
    _vault_dir: tempfile::TempDir,
    /// When the service's receipt key's certificate ends.
    receipt_key_ends: i64,
    /// The service's folder (its SQLite file), for changing rows behind its back.
    service_dir: std::path::PathBuf,
}

/// A service (not yet serving) and a young person's vault. `serve` starts the service.
async fn world(store: Backend, service_dir: &std::path::Path) -> World {
    let entropy = Arc::new(SeededEntropy::new(21));
    let service_keys = IdentityKeys::generate(&*entropy);
    // Reserve a port now, so the address in the invite is known before the service runs.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let clock = Arc::new(FixedClock::at(NOW));
    let vault_dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(vault_dir.path(), VaultOptions { kdf: KdfParams::FLOOR, clock: clock.clone(), entropy: entropy.clone() }).unwrap();
    let session = vault.create_profile("Robin", Role::YoungPerson, &Passphrase::new("otter lantern biscuit".into())).unwrap().0;
    World { store, service_keys, url, listener: Some(listener), clock, entropy, vault, session, _vault_dir: vault_dir, receipt_key_ends: 4_000_000_000, service_dir: service_dir.to_path_buf() }
}

impl World {
    fn serve(&mut self) {
        let listener = self.listener.take().expect("served once");
        listener.set_nonblocking(true).unwrap();
        let receipts = waymark_service::testing::receipt_signer_until(&self.service_keys, self.receipt_key_ends);
        let state = Arc::new(ServiceState::new(self.store.clone(), SERVICE.into(), self.service_keys.public().clone(), self.clock.clone(), receipts));
        tokio::spawn(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, router(state)).await.unwrap()
        });
    }

    async fn invite_code(&self, fingerprint: Option<&str>) -> String {
        let token = Invite::new_token(&*self.entropy);
        self.store
            .add_invite(NewInvite { token_hash: Invite::token_hash(&token).unwrap(), person_id: None, person_name: "Robin".into(), role: "young_person".into(), created_at: NOW, expires_at: NOW + 3600 })
            .await
            .unwrap();
        Invite {
            format: INVITE_FORMAT,
            service_url: self.url.clone(),
            service_name: SERVICE.into(),
            fingerprint: fingerprint.map(String::from).unwrap_or_else(|| self.service_keys.public().fingerprint().unwrap()),
            token,
            expires_at: NOW + 3600,
            organisation: None,
            person_id: None,
        }
        .to_code()
    }

    async fn connect(&mut self) {
        let code = self.invite_code(None).await;
        let seen = preview(&code, self.vault.now()).await.unwrap();
        assert_eq!(seen.service.name, SERVICE);
        let connection = enrol(&seen, &*self.entropy, self.vault.now()).await.unwrap();
        self.vault.save_service_connection(&self.session, &connection).unwrap();
    }

    fn ready_statement(&mut self, words: &str) -> waymark_core::RecordId {
        let st = self.vault.start_statement(&self.session, StatementKind::Worried).unwrap();
        self.vault.save_words(&self.session, st.id, words.into()).unwrap();
        self.vault.set_statement_status(&self.session, st.id, StatementStatus::Ready).unwrap();
        st.id
    }

    /// One pass of the outbox worker, batch by batch as the app sends; returns how many went.
    async fn drain(&mut self) -> (usize, Vec<ClientError>) {
        let (prepared, _) = prepare_sends(&mut self.vault, &self.session, &*self.entropy).unwrap();
        let (mut sent, mut errors) = (0, Vec::new());
        for batch in batches(&prepared) {
            let outcome = send_batch(batch, self.vault.now()).await;
            finish_batch(&mut self.vault, &self.session, batch, outcome.as_deref().ok(), &*self.entropy).unwrap();
            match outcome {
                Ok(_) => sent += batch.len(),
                Err(e) => errors.push(e),
            }
        }
        (sent, errors)
    }

    async fn opened_at_service(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.store.envelopes(0, 100).await.unwrap() {
            let env: Envelope = serde_json::from_str(&e.body).unwrap();
            out.push(String::from_utf8(open_envelope(&self.service_keys, &env).unwrap().to_vec()).unwrap());
        }
        out
    }
}

async fn a_statement_reaches_the_service_sealed_and_the_ledger_keeps_the_receipt(mut w: World) {
    w.serve();
    w.connect().await;
    let id = w.ready_statement("I don't get to see my brother enough");
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    w.vault.share_record(&w.session, id, SERVICE).unwrap();
    assert_eq!(w.drain().await.0, 1);
    assert!(w.vault.outbox(&w.session).unwrap().is_empty());
    let opened = w.opened_at_service().await;
    assert_eq!(opened.len(), 1);
    assert!(opened[0].contains("see my brother") && opened[0].contains("\"record_kind\":\"statement\""));
    let ledger = w.vault.list(&w.session, Some(RecordKind::ShareEntry)).unwrap().records;
    assert_eq!(ledger.len(), 1);
    let RecordBody::ShareEntry(entry) = &ledger[0].body else { panic!() };
    assert!(entry.receipt.as_deref().unwrap().starts_with("new at"));
    let RecordBody::Statement(st) = w.vault.get(&w.session, id).unwrap().body else { panic!() };
    assert_eq!(st.status(), StatementStatus::Shared, "the statement's timeline shows it was shared");
}

async fn a_service_whose_keys_differ_from_the_invite_is_refused_before_anything_is_sent(mut w: World) {
    w.serve();
    let code = w.invite_code(Some("0000-0000-0000-0000-0000-0000-0000-0000")).await;
    let err = preview(&code, w.vault.now()).await.err().unwrap();
    assert!(matches!(err, ClientError::Sync(SyncError::KeyMismatch { .. })), "{err}");
    assert!(w.vault.service_connection(&w.session).unwrap().is_none());
    assert!(matches!(prepare_sends(&mut w.vault, &w.session, &*w.entropy), Err(ClientError::NotConnected)));
}

async fn a_crash_after_sending_but_before_recording_it_still_gives_exactly_one_copy(mut w: World) {
    w.serve();
    w.connect().await;
    let id = w.ready_statement("Sent once, even if the laptop dies");
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    w.vault.share_record(&w.session, id, SERVICE).unwrap();
    // The upload succeeds, then the app is killed before it records the receipt.
    let (prepared, _) = prepare_sends(&mut w.vault, &w.session, &*w.entropy).unwrap();
    send_batch(&prepared, w.vault.now()).await.unwrap();
    drop(prepared);
    assert_eq!(w.vault.outbox(&w.session).unwrap().len(), 1, "the item is still queued after the crash");
    // On restart the worker sends it again (sealed afresh); the service keeps the first.
    assert_eq!(w.drain().await.0, 1);
    assert!(w.vault.outbox(&w.session).unwrap().is_empty());
    assert_eq!(w.opened_at_service().await.len(), 1);
}

async fn when_the_service_is_down_the_outbox_waits_backs_off_and_drains_when_it_returns(mut w: World) {
    // Connect while the service is up, then point the connection at a port where nothing
    // listens: the same as the service being down.
    w.serve();
    w.connect().await;
    let mut down = w.vault.service_connection(&w.session).unwrap().unwrap();
    let real_url = down.service_url.clone();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    down.service_url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    w.vault.save_service_connection(&w.session, &down).unwrap();

    let id = w.ready_statement("Waiting for the internet");
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    w.vault.share_record(&w.session, id, SERVICE).unwrap();
    let (sent, errors) = w.drain().await;
    assert_eq!(sent, 0);
    assert!(matches!(errors[0], ClientError::Unreachable(_)), "{}", errors[0]);
    assert!(errors[0].to_string().contains("will be sent later"));
    let queued = w.vault.outbox(&w.session).unwrap();
    assert_eq!(queued[0].attempts, 1);
    assert!(queued[0].next_attempt_at.0 >= NOW + 30, "backs off before trying again");
    let (_, skipped) = prepare_sends(&mut w.vault, &w.session, &*w.entropy).unwrap();
    assert_eq!(skipped.waiting, 1, "not retried straight away");

    // The service is back, and the back-off has passed.
    down.service_url = real_url;
    w.vault.save_service_connection(&w.session, &down).unwrap();
    w.clock.advance(3600);
    assert_eq!(w.drain().await.0, 1);
    assert_eq!(w.opened_at_service().await.len(), 1);
}

async fn withdrawing_consent_while_items_wait_means_they_are_never_sent(mut w: World) {
    w.serve();
    w.connect().await;
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    let a = w.ready_statement("First thing");
    let b = w.ready_statement("Second thing");
    w.vault.share_record(&w.session, a, SERVICE).unwrap();
    w.vault.share_record(&w.session, b, SERVICE).unwrap();
    assert_eq!(w.vault.withdraw_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap(), 2);
    assert_eq!(w.drain().await.0, 0);
    assert!(w.store.envelopes(0, 10).await.unwrap().is_empty(), "nothing reached the service");
}


impl World {
    /// A plan as a service made before rosters sent one: sealed to the device and signed with
    /// the service's key. A connection made from an invite without an organisation still takes
    /// these (see `roster.rs` for the organisation's way, which every new invite uses).
    async fn publish_as_the_service(&self, plan: &[u8]) {
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        let device = IdentityKeys::from_secret(zeroize::Zeroizing::new(connection.device_secret[..].try_into().unwrap())).unwrap();
        let version = serde_json::from_slice::<serde_json::Value>(plan).unwrap()["version"].as_u64().unwrap() as u32;
        let header = waymark_sync::envelope::EnvelopeHeader {
            envelope_id: uuid::Uuid::new_v4(),
            device_id: connection.device_id,
            record_kind: "plan".into(),
            record_id: uuid::Uuid::parse_str("6b1f2c3a-9d4e-4f7a-8b2c-1e5d7a9c0f11").unwrap(),
            record_version: version,
            urgent: false,
        };
        let mut to_device = waymark_sync::envelope::EnvelopeSealer::new(device.public(), &*self.entropy).unwrap();
        let mail = seal_mail(&self.service_keys, &mut to_device, MailKind::Plan, header, plan).unwrap();
        self.store.post_mail(connection.device_id, serde_json::to_string(&mail).unwrap(), NOW).await.unwrap();
    }

    async fn read_mail(&mut self) -> waymark_client::MailReport {
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        let items = fetch_mail(&connection, self.vault.now()).await.unwrap();
        apply_mail(&mut self.vault, &self.session, &items).unwrap()
    }

    /// Reads one page of mail, applies it and acknowledges it, as the app's pass does.
    async fn take_mail(&mut self) -> waymark_client::MailReport {
        let report = self.read_mail().await;
        let connection = self.vault.service_connection(&self.session).unwrap().unwrap();
        let acked = waymark_client::ack_mail(&connection, self.vault.now()).await.unwrap();
        waymark_client::mail_acked(&mut self.vault, &self.session, &acked).unwrap();
        report
    }
}

async fn a_plan_published_by_the_service_arrives_verified_and_older_or_forged_ones_are_refused(mut w: World) {
    w.serve();
    w.connect().await;
    w.publish_as_the_service(&plan_json(2)).await;
    let report = w.read_mail().await;
    assert_eq!((report.plans_added, report.refused.len()), (1, 0), "{:?}", report.refused);
    let plans = w.vault.plan_overview(&w.session).unwrap();
    assert_eq!(plans[0].latest.version, 2);
    assert_eq!(plans[0].latest.next_review_on.as_deref(), Some("2027-01-14"));
    assert_eq!(w.read_mail().await, waymark_client::MailReport::default(), "the cursor moved past it");

    // The same version again (a replay) and an older one are refused; the plan stays at 2.
    w.publish_as_the_service(&plan_json(2)).await;
    w.publish_as_the_service(&plan_json(1)).await;
    let report = w.read_mail().await;
    assert_eq!(report.plans_added, 0);
    assert_eq!(report.refused.len(), 2);
    assert!(report.refused.iter().all(|r| r.contains("not newer")), "{:?}", report.refused);

    // Signed by a key other than the pinned service key: refused before it is opened.
    let connection = w.vault.service_connection(&w.session).unwrap().unwrap();
    let device = waymark_sync::keys::IdentityKeys::from_secret(zeroize::Zeroizing::new(connection.device_secret[..].try_into().unwrap())).unwrap();
    let impostor = IdentityKeys::generate(&*w.entropy);
    let header = |device_id| waymark_sync::envelope::EnvelopeHeader {
        envelope_id: uuid::Uuid::from_u128(5),
        device_id,
        record_kind: "plan".into(),
        record_id: uuid::Uuid::from_u128(6),
        record_version: 9,
        urgent: false,
    };
    let mut to_device = waymark_sync::envelope::EnvelopeSealer::new(device.public(), &*w.entropy).unwrap();
    let forged = seal_mail(&impostor, &mut to_device, MailKind::Plan, header(connection.device_id), &plan_json(9)).unwrap();
    w.store.post_mail(connection.device_id, serde_json::to_string(&forged).unwrap(), NOW).await.unwrap();
    // Signed by the service, but meant for another device.
    let elsewhere = seal_mail(&w.service_keys, &mut to_device, MailKind::Plan, header(uuid::Uuid::from_u128(1)), &plan_json(9)).unwrap();
    w.store.post_mail(connection.device_id, serde_json::to_string(&elsewhere).unwrap(), NOW).await.unwrap();
    let report = w.read_mail().await;
    assert_eq!(report.plans_added, 0);
    assert!(report.refused[0].contains("signature does not match"), "{:?}", report.refused);
    assert!(report.refused[1].contains("another device"), "{:?}", report.refused);
    assert_eq!(w.vault.plan_overview(&w.session).unwrap()[0].latest.version, 2);
}

async fn receipts_from_the_service_move_the_statement_to_received_then_read(mut w: World) {
    w.serve();
    w.connect().await;
    let id = w.ready_statement("Can I stay at my friend's on Saturday?");
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    w.vault.share_record(&w.session, id, SERVICE).unwrap();
    assert_eq!(w.drain().await.0, 1);
    let item = w.store.envelopes(0, 10).await.unwrap().remove(0);
    ReceiptSender::new(&w.store, &w.service_keys, &*w.entropy).send(&item, ReceiptStatus::Received, NOW).await.unwrap();
    assert_eq!(w.read_mail().await.receipts, 1);
    let status = |w: &World| match w.vault.get(&w.session, id).unwrap().body {
        RecordBody::Statement(st) => st.status(),
        _ => unreachable!(),
    };
    assert_eq!(status(&w), StatementStatus::Received);
    ReceiptSender::new(&w.store, &w.service_keys, &*w.entropy).send(&item, ReceiptStatus::Read, NOW).await.unwrap();
    w.read_mail().await;
    assert_eq!(status(&w), StatementStatus::Read);
}

waymark_service::on_every_backend!(super::world; a_service_cannot_make_the_device_pass_over_mail_by_the_numbers_it_gives, a_receipt_from_a_key_whose_certificate_ended_is_refused_and_the_ask_is_kept, a_library_published_by_the_service_is_installed_only_when_signed_by_it_and_newer, withdrawing_consent_asks_the_service_to_delete_and_the_signed_receipt_checks_out, a_statement_reaches_the_service_sealed_and_the_ledger_keeps_the_receipt, a_service_whose_keys_differ_from_the_invite_is_refused_before_anything_is_sent, a_crash_after_sending_but_before_recording_it_still_gives_exactly_one_copy, when_the_service_is_down_the_outbox_waits_backs_off_and_drains_when_it_returns, withdrawing_consent_while_items_wait_means_they_are_never_sent, a_plan_published_by_the_service_arrives_verified_and_older_or_forged_ones_are_refused, receipts_from_the_service_move_the_statement_to_received_then_read, a_long_outbox_goes_in_batches_each_item_once_and_a_long_mailbox_is_read_to_the_end);

async fn a_receipt_from_a_key_whose_certificate_ended_is_refused_and_the_ask_is_kept(mut w: World) {
    w.receipt_key_ends = NOW + 3600;
    w.serve();
    w.connect().await;
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    let id = w.ready_statement("One");
    w.vault.share_record(&w.session, id, SERVICE).unwrap();
    assert_eq!(w.drain().await.0, 1);
    w.clock.advance(7200);
    w.vault.withdraw_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    let connection = w.vault.service_connection(&w.session).unwrap().unwrap();
    let asked = w.vault.pending_deletions(&w.session).unwrap();
    let err = waymark_client::request_deletion(&connection, asked[0].kind, vec![], &*w.entropy, w.vault.now()).await.unwrap_err();
    assert!(matches!(err, ClientError::Sync(waymark_sync::SyncError::ReceiptKeyExpired)), "{err:?}");
    assert_eq!(err.code(), "receipt_key_expired");
    assert_eq!(w.vault.pending_deletions(&w.session).unwrap().len(), 1, "the ask stays until a receipt checks out");
    assert!(w.vault.confirmed_deletions(&w.session).unwrap().is_empty());
}

async fn withdrawing_consent_asks_the_service_to_delete_and_the_signed_receipt_checks_out(mut w: World) {
    w.serve();
    w.connect().await;
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    for words in ["One", "Two"] {
        let id = w.ready_statement(words);
        w.vault.share_record(&w.session, id, SERVICE).unwrap();
    }
    assert_eq!(w.drain().await.0, 2);
    assert_eq!(w.store.envelopes(0, 10).await.unwrap().len(), 2);
    // Withdrawn while the service cannot be reached: the ask is kept in the vault…
    let mut connection = w.vault.service_connection(&w.session).unwrap().unwrap();
    let real_url = connection.service_url.clone();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    connection.service_url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    w.vault.save_service_connection(&w.session, &connection).unwrap();
    w.vault.withdraw_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    let asked = w.vault.pending_deletions(&w.session).unwrap();
    assert_eq!(asked.iter().map(|a| a.kind).collect::<Vec<_>>(), [ShareableKind::Statement]);
    let err = waymark_client::request_deletion(&connection, asked[0].kind, vec![], &*w.entropy, w.vault.now()).await.unwrap_err();
    assert!(matches!(err, ClientError::Unreachable(_)));

    // …across a restart of the app…
    let dir = w._vault_dir.path().to_path_buf();
    let reopened = Vault::open(&dir, VaultOptions { kdf: KdfParams::FLOOR, clock: w.clock.clone(), entropy: w.entropy.clone() }).unwrap();
    drop(std::mem::replace(&mut w.vault, reopened));
    w.session = w.vault.unlock("Robin", &Passphrase::new("otter lantern biscuit".into())).unwrap();
    let asked = w.vault.pending_deletions(&w.session).unwrap();
    assert_eq!(asked.len(), 1, "a restart does not lose the ask");

    // …and when the service is back, it deletes, the receipt checks out, and the ask is done.
    connection.service_url = real_url;
    w.vault.save_service_connection(&w.session, &connection).unwrap();
    let receipt = waymark_client::request_deletion(&connection, asked[0].kind, vec![], &*w.entropy, w.vault.now()).await.unwrap();
    assert_eq!(receipt.facts.deleted, 2);
    let kept = waymark_client::kept_receipt(&connection, &receipt, w.vault.now());
    w.vault.complete_deletion(&w.session, asked[0].id, &kept).unwrap();
    assert!(w.vault.pending_deletions(&w.session).unwrap().is_empty());
    assert!(w.store.envelopes(0, 10).await.unwrap().is_empty(), "the service holds none of them now");

    // The person keeps the record of it: what, where, how many, and the receipt itself, which
    // still checks out against the service's pinned key when read back.
    let confirmed = w.vault.confirmed_deletions(&w.session).unwrap();
    assert_eq!(confirmed.len(), 1);
    assert_eq!((confirmed[0].kind, confirmed[0].service_name.as_str(), confirmed[0].deleted), (ShareableKind::Statement, SERVICE, 2));
    assert_eq!(confirmed[0].asked_at, asked[0].asked_at);
    let again: waymark_sync::deletion::DeletionReceipt = serde_json::from_str(&confirmed[0].receipt).unwrap();
    assert_eq!(again, receipt);
    // Confirming the same ask twice (a retry after a lost answer) keeps one record.
    w.vault.complete_deletion(&w.session, asked[0].id, &kept).unwrap();
    assert_eq!(w.vault.confirmed_deletions(&w.session).unwrap().len(), 1);
}

async fn a_library_published_by_the_service_is_installed_only_when_signed_by_it_and_newer(mut w: World) {
    use waymark_client::{fetch_resources, install_resources};
    w.serve();
    w.connect().await;
    w.vault.check_library().unwrap();
    let before = w.vault.library_version().unwrap().unwrap();
    let connection = w.vault.service_connection(&w.session).unwrap().unwrap();
    assert!(fetch_resources(&connection, before).await.unwrap().is_none(), "nothing published yet");

    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/library");
    let newer = before + 1;
    assert!(waymark_service::outgoing::publish_resources(&w.store, &w.service_keys, &pages, newer, NOW).await.unwrap());
    assert!(!waymark_service::outgoing::publish_resources(&w.store, &w.service_keys, &pages, before, NOW).await.unwrap(), "an older one is not published");
    let signed = fetch_resources(&connection, before).await.unwrap().expect("a newer library");
    assert!(install_resources(&mut w.vault, &w.session, &connection, &signed).unwrap());
    assert_eq!(w.vault.library_version().unwrap(), Some(newer));
    assert!(fetch_resources(&connection, newer).await.unwrap().is_none(), "nothing newer than what is installed");

    // One signed by a key other than the pinned service key is refused and the library kept.
    let impostor = IdentityKeys::generate(&*w.entropy);
    let bundle = waymark_core::domain::library::build_bundle(&pages, newer + 1).unwrap();
    let forged = waymark_core::domain::library::SignedLibraryBundle::sign_with(serde_json::to_string(&bundle).unwrap(), waymark_core::Timestamp(NOW + 86_400), |m| impostor.sign(m));
    let err = install_resources(&mut w.vault, &w.session, &connection, &serde_json::to_vec(&forged).unwrap()).unwrap_err();
    assert!(err.to_string().contains("signature does not match"), "{err}");
    assert_eq!(w.vault.library_version().unwrap(), Some(newer));
}

async fn a_long_outbox_goes_in_batches_each_item_once_and_a_long_mailbox_is_read_to_the_end(mut w: World) {
    w.serve();
    w.connect().await;
    w.vault.grant_consent(&w.session, ShareableKind::Statement, SERVICE).unwrap();
    let count = 250; // more than one batch holds
    for i in 0..count {
        let id = w.ready_statement(&format!("Catching up, message {i}"));
        w.vault.share_record(&w.session, id, SERVICE).unwrap();
    }
    let (prepared, _) = prepare_sends(&mut w.vault, &w.session, &*w.entropy).unwrap();
    let groups = batches(&prepared);
    assert_eq!(groups.iter().map(|g| g.len()).collect::<Vec<_>>(), [200, 50]);
    // The first batch arrives but the app dies before recording it: sent again with the rest,
    // every item is still kept once.
    send_batch(groups[0], w.vault.now()).await.unwrap();
    let (prepared, _) = prepare_sends(&mut w.vault, &w.session, &*w.entropy).unwrap();
    for group in batches(&prepared) {
        let receipts = send_batch(group, w.vault.now()).await.unwrap();
        finish_batch(&mut w.vault, &w.session, group, Some(&receipts), &*w.entropy).unwrap();
    }
    assert!(w.vault.outbox(&w.session).unwrap().is_empty());
    assert_eq!(w.store.envelopes(0, 1000).await.unwrap().len(), count);
    let ledger = w.vault.list(&w.session, Some(RecordKind::ShareEntry)).unwrap().records;
    assert_eq!(ledger.len(), count, "one ledger entry per item");
    assert!(w.vault.statements(&w.session).unwrap().iter().all(|r| matches!(&r.body, RecordBody::Statement(st) if st.status() == StatementStatus::Shared)));

    // More mail than one read returns: reading page by page gets to the end, each item once.
    let device = w.vault.service_connection(&w.session).unwrap().unwrap().device_id;
    for i in 0..(waymark_sync::api::MAILBOX_PAGE + 20) {
        w.store.post_mail(device, format!("{{\"junk\":{i}}}"), NOW).await.unwrap();
    }
    let (mut pages, mut looked_at) = (0, 0);
    loop {
        looked_at += w.take_mail().await.refused.len();
        pages += 1;
        if w.store.mailbox(device, 0, 1).await.unwrap().is_empty() {
            break;
        }
    }
    assert_eq!((pages, looked_at), (2, waymark_sync::api::MAILBOX_PAGE as usize + 20), "unreadable items are refused, acknowledged and deleted");
}

async fn a_service_cannot_make_the_device_pass_over_mail_by_the_numbers_it_gives(mut w: World) {
    let dir = w.service_dir.clone();
    w.serve();
    w.connect().await;
    let device = w.vault.service_connection(&w.session).unwrap().unwrap().device_id;
    // The server gives one item a number far ahead, as if to say "everything before is read".
    let first = w.store.post_mail(device, "{\"junk\":1}".into(), NOW).await.unwrap();
    waymark_service::testing::tamper(&w.store, &dir, &format!("UPDATE mailbox SET seq = 9000000000000000000 WHERE seq = {first}")).await;
    assert_eq!(w.take_mail().await.refused.len(), 1);
    // Then hands out the next item under a small number: it is still read.
    let seq = w.store.post_mail(device, "{\"junk\":2}".into(), NOW).await.unwrap();
    waymark_service::testing::tamper(&w.store, &dir, &format!("UPDATE mailbox SET seq = 5 WHERE seq = {seq}")).await;
    assert_eq!(w.take_mail().await.refused.len(), 1, "an item numbered below the far one is not passed over");
    assert!(w.store.mailbox(device, 0, 10).await.unwrap().is_empty(), "what was taken was acknowledged and deleted");
    // Handed out again before it was deleted, an item is not taken twice.
    w.store.post_mail(device, "{\"junk\":3}".into(), NOW).await.unwrap();
    let connection = w.vault.service_connection(&w.session).unwrap().unwrap();
    let items = fetch_mail(&connection, w.vault.now()).await.unwrap();
    assert_eq!(apply_mail(&mut w.vault, &w.session, &items).unwrap().refused.len(), 1);
    assert_eq!(apply_mail(&mut w.vault, &w.session, &items).unwrap().refused.len(), 0, "seen and not yet acknowledged: skipped");
}
