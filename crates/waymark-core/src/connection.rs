//! The link from a profile to the service it shares with, and the sending side of the outbox.
//!
//! A [`ServiceConnection`] holds the service's address and pinned public keys and this device's
//! own secret keys; it is sealed under the profile's vault key and never leaves the laptop. The
//! outbox functions here let a sync worker (outside this crate: the core has no network code)
//! fetch what to send, and record in one transaction that an item went and what came back.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::Field;
use crate::clock::Timestamp;
use crate::domain::consent::{OutboxItem, ShareEntry};
use crate::domain::{RecordBody, ShareableKind, StoredRecord};
use crate::vocabulary::WorkerRole;
use crate::error::Problem;
use crate::secret::Passphrase;
use crate::error::{Error, Result};
use crate::ids::RecordId;
use crate::seal::RecordBinding;
use crate::vault::{Session, Vault};

/// Sealed with the vault key; format version 1.
const CONNECTION_FORMAT: u32 = 1;

/// A profile's connection to its service. Holds the device's secret keys, so it derives
/// nothing that could copy or print it, and the secret is wiped on drop.
pub struct ServiceConnection {
    pub service_url: String,
    pub service_name: String,
    /// The service's Ed25519 and X25519 public keys (base64), pinned at enrolment.
    pub service_signing_key: String,
    pub service_receiving_key: String,
    pub fingerprint: String,
    /// The id the service gave this device.
    pub device_id: Uuid,
    pub connected_at: Timestamp,
    /// The fingerprint of the organisation's root key, from the invite (none for connections
    /// made before rosters): only a roster chaining to it is trusted.
    pub organisation: Option<String>,
    /// Who this profile is in that roster, from the invite.
    pub person_id: Option<Uuid>,
    /// This device's key-pair secret (see `waymark_sync::keys`).
    pub device_secret: Zeroizing<Vec<u8>>,
    /// Mail numbered up to this was taken before devices acknowledged mail: it is acknowledged
    /// without being applied again, and then this is 0. Nothing else moves it, so no number a
    /// server gives an item can make the device pass over others.
    pub mailbox_cursor: i64,
    /// Mailbox items taken (applied or refused) but not yet acknowledged to the service, by
    /// number: skipped if the service hands them out again before it has deleted them.
    pub mail_to_ack: Vec<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedConnection {
    format: u32,
    service_url: String,
    service_name: String,
    service_signing_key: String,
    service_receiving_key: String,
    fingerprint: String,
    device_id: Uuid,
    connected_at: Timestamp,
    device_secret: Vec<u8>,
    #[serde(default)]
    mailbox_cursor: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mail_to_ack: Vec<i64>,
    /// Added within format 1 (absent in connections saved before rosters, which read as none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    person_id: Option<Uuid>,
}

impl Drop for SealedConnection {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.device_secret);
    }
}

/// Separates the chosen workers from the organisation's fingerprint in a recipient key.
const AT_ORGANISATION: char = '@';

/// The name the consent ledger and the outbox give to "these workers of mine at the organisation
/// whose root has fingerprint `organisation`": `social_worker+iro@<fingerprint>`. A key, never a
/// display name, so a consent cannot be carried to another organisation that takes the same name.
pub fn workers_key(organisation: &str, workers: &[WorkerRole]) -> String {
    let mut workers = workers.to_vec();
    workers.sort();
    workers.dedup();
    let names: Vec<&str> = workers.iter().map(|a| a.as_str()).collect();
    format!("{}{AT_ORGANISATION}{organisation}", names.join("+"))
}

/// The workers and organisation a key from [`workers_key`] names; `None` for any other
/// recipient (a service named before rosters, or one named by an administrator).
pub fn parse_workers_key(key: &str) -> Option<(Vec<WorkerRole>, &str)> {
    let (names, organisation) = key.split_once(AT_ORGANISATION)?;
    let workers = names.split('+').map(WorkerRole::parse).collect::<Option<Vec<_>>>()?;
    (!organisation.is_empty()).then_some((workers, organisation))
}

impl ServiceConnection {
    /// Who a record shared through this connection is for: the workers in `workers` at its
    /// organisation, or the service itself on a connection made before rosters.
    pub fn recipient_for(&self, workers: &[WorkerRole]) -> String {
        match &self.organisation {
            Some(organisation) => workers_key(organisation, workers),
            None => self.service_name.clone(),
        }
    }

    /// The workers `recipient` names at this connection's organisation; `None` when it names
    /// anyone else (another organisation, or a service by name).
    pub fn workers_in(&self, recipient: &str) -> Option<Vec<WorkerRole>> {
        let organisation = self.organisation.as_deref()?;
        parse_workers_key(recipient).filter(|(_, o)| *o == organisation).map(|(a, _)| a)
    }

    /// Whether `recipient` is reached through this connection: its service by name, or (when it
    /// keeps a roster) workers at its organisation. A consent or queued item naming the service on
    /// a connection with a roster is from before people chose their workers: it is shown, ended
    /// with the connection, and never sealed to anyone.
    pub fn reaches(&self, recipient: &str) -> bool {
        recipient == self.service_name || self.workers_in(recipient).is_some()
    }
}

fn binding(session: &Session) -> (RecordId, &'static str) {
    (RecordId::from_slice(session.profile_id().as_bytes()).expect("16 bytes"), "service_connection")
}

/// What connecting to a new service changes for a profile already connected to one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceChange {
    /// The service connected now.
    pub current_service: String,
    /// The new one is the same organisation (the same root, or for connections made before
    /// rosters the same service keys) under the same name: nothing below ends.
    pub same_organisation: bool,
    /// Kinds this person said yes to sharing with the current service: they end.
    pub consents_ending: Vec<ShareableKind>,
    /// Items waiting to go to the current service: they are not sent.
    pub waiting_dropped: usize,
    /// Deletions asked of the current service that it has not confirmed: no longer asked (the new
    /// service holds nothing of the old one's).
    pub deletions_dropped: usize,
}

impl Vault {
    /// What connecting to a service that names `organisation` (its root fingerprint, if it keeps
    /// a roster), with keys `fingerprint` and name `service_name`, would change. `None` when this
    /// profile is not connected yet.
    pub fn planned_service_change(
        &self,
        session: &Session,
        organisation: Option<&str>,
        fingerprint: &str,
        service_name: &str,
    ) -> Result<Option<ServiceChange>> {
        let Some(current) = self.service_connection(session)? else { return Ok(None) };
        let same_organisation = current.service_name == service_name
            && match (current.organisation.as_deref(), organisation) {
                (Some(a), Some(b)) => a == b,
                (None, None) => current.fingerprint == fingerprint,
                _ => false,
            };
        if same_organisation {
            let current_service = current.service_name.clone();
            return Ok(Some(ServiceChange { current_service, same_organisation, consents_ending: vec![], waiting_dropped: 0, deletions_dropped: 0 }));
        }
        let (consents_ending, waiting_dropped) = self.ties_to(session, &current)?;
        Ok(Some(ServiceChange {
            current_service: current.service_name.clone(),
            same_organisation,
            consents_ending,
            waiting_dropped,
            deletions_dropped: self.pending_deletions(session)?.len(),
        }))
    }

    /// Replaces this profile's connection with `new`, for a person who has said their passphrase
    /// again (an unlocked laptop left alone is not enough to move someone's sharing elsewhere).
    /// Moving to a different organisation ends, in the same transaction, every consent given to the
    /// old service, what waits for it, the deletions asked of it and the roster kept for it.
    /// Returns what changed (`None` if there was no connection before).
    pub fn replace_service_connection(
        &mut self,
        session: &Session,
        passphrase: &Passphrase,
        new: &ServiceConnection,
    ) -> Result<Option<ServiceChange>> {
        self.confirm_passphrase(session, passphrase)?;
        let Some(change) = self.planned_service_change(session, new.organisation.as_deref(), &new.fingerprint, &new.service_name)? else {
            self.write_service_connection(session, new)?;
            return Ok(None);
        };
        let current = self.service_connection(session)?.expect("planned_service_change found a connection");
        let tx = self.transaction()?;
        if !change.same_organisation {
            self.end_ties_in(&tx, session, &current)?;
            let profile = session.profile_id();
            tx.execute("DELETE FROM pending_deletions WHERE profile_id = ?1", [&profile.as_bytes()[..]])?;
            tx.execute("DELETE FROM roster_state WHERE profile_id = ?1", [&profile.as_bytes()[..]])?;
        }
        self.write_service_connection(session, new)?;
        tx.commit()?;
        Ok(Some(change))
    }

    /// Saves this profile's first service connection, or the same connection again (its mailbox
    /// cursor moved). Connecting somewhere else goes through
    /// [`Vault::replace_service_connection`], which asks for the passphrase.
    pub fn save_service_connection(&mut self, session: &Session, c: &ServiceConnection) -> Result<()> {
        if self.service_connection(session)?.is_some_and(|current| current.device_id != c.device_id) {
            return Err(Error::invalid(Field::ServiceName, Problem::NeedsPassphrase));
        }
        self.write_service_connection(session, c)
    }

    fn write_service_connection(&self, session: &Session, c: &ServiceConnection) -> Result<()> {
        crate::validate::required_text(Field::ServiceName, &c.service_name, crate::validate::SHORT_TEXT)?;
        let plain = Zeroizing::new(
            serde_json::to_vec(&SealedConnection {
                format: CONNECTION_FORMAT,
                service_url: c.service_url.clone(),
                service_name: c.service_name.clone(),
                service_signing_key: c.service_signing_key.clone(),
                service_receiving_key: c.service_receiving_key.clone(),
                fingerprint: c.fingerprint.clone(),
                device_id: c.device_id,
                connected_at: c.connected_at,
                device_secret: c.device_secret.to_vec(),
                mailbox_cursor: c.mailbox_cursor,
                mail_to_ack: c.mail_to_ack.clone(),
                organisation: c.organisation.clone(),
                person_id: c.person_id,
            })
            .expect("a connection serialises"),
        );
        let (id, kind) = binding(session);
        let sealed = session.sealer.seal(
            RecordBinding { profile: &session.profile, record: &id, kind, version: CONNECTION_FORMAT },
            &plain,
            self.entropy(),
        );
        self.conn().execute(
            "INSERT INTO service_connection (profile_id, sealed) VALUES (?1, ?2)
             ON CONFLICT (profile_id) DO UPDATE SET sealed = excluded.sealed",
            params![&session.profile_id().as_bytes()[..], sealed],
        )?;
        Ok(())
    }

    pub fn service_connection(&self, session: &Session) -> Result<Option<ServiceConnection>> {
        let sealed: Option<Vec<u8>> = self
            .conn()
            .query_row(
                "SELECT sealed FROM service_connection WHERE profile_id = ?1",
                [&session.profile_id().as_bytes()[..]],
                |r| r.get(0),
            )
            .optional()?;
        let Some(sealed) = sealed else { return Ok(None) };
        let (id, kind) = binding(session);
        let plain = session
            .sealer
            .open(RecordBinding { profile: &session.profile, record: &id, kind, version: CONNECTION_FORMAT }, &sealed)?;
        let mut s: SealedConnection = serde_json::from_slice(&plain).map_err(|_| Error::Integrity { record_id: id })?;
        if s.format != CONNECTION_FORMAT {
            return Err(Error::UnsupportedVersion { what: crate::error::Format::ServiceConnection, found: s.format, supported: CONNECTION_FORMAT });
        }
        Ok(Some(ServiceConnection {
            service_url: std::mem::take(&mut s.service_url),
            service_name: std::mem::take(&mut s.service_name),
            service_signing_key: std::mem::take(&mut s.service_signing_key),
            service_receiving_key: std::mem::take(&mut s.service_receiving_key),
            fingerprint: std::mem::take(&mut s.fingerprint),
            device_id: s.device_id,
            connected_at: s.connected_at,
            device_secret: Zeroizing::new(std::mem::take(&mut s.device_secret)),
            mailbox_cursor: s.mailbox_cursor,
            mail_to_ack: std::mem::take(&mut s.mail_to_ack),
            organisation: s.organisation.take(),
            person_id: s.person_id,
        }))
    }

    /// Keeps the organisation's roster as this device verified it (opaque bytes to the core:
    /// `waymark-client` verifies and reads them), sealed, replacing the one kept before.
    pub fn save_roster_state(&mut self, session: &Session, verified: &[u8]) -> Result<()> {
        let id = RecordId::from_slice(session.profile_id().as_bytes()).expect("16 bytes");
        let sealed = session.sealer.seal(RecordBinding { profile: &session.profile, record: &id, kind: "roster_state", version: 1 }, verified, self.entropy());
        self.conn().execute(
            "INSERT INTO roster_state (profile_id, sealed) VALUES (?1, ?2) ON CONFLICT (profile_id) DO UPDATE SET sealed = excluded.sealed",
            params![&session.profile_id().as_bytes()[..], sealed],
        )?;
        Ok(())
    }

    /// The roster this device last verified, if any.
    pub fn roster_state(&self, session: &Session) -> Result<Option<Zeroizing<Vec<u8>>>> {
        let sealed: Option<Vec<u8>> = self
            .conn()
            .query_row("SELECT sealed FROM roster_state WHERE profile_id = ?1", [&session.profile_id().as_bytes()[..]], |r| r.get(0))
            .optional()?;
        let Some(sealed) = sealed else { return Ok(None) };
        let id = RecordId::from_slice(session.profile_id().as_bytes()).expect("16 bytes");
        Ok(Some(session.sealer.open(RecordBinding { profile: &session.profile, record: &id, kind: "roster_state", version: 1 }, &sealed)?))
    }

    /// What an outbox item will send: the record's current version, as JSON its kind and
    /// contents, and whether it is urgent ("I don't feel safe").
    /// `None` when the record no longer exists (the item should then be dropped).
    pub fn outbox_payload(&self, session: &Session, item: &OutboxItem) -> Result<Option<OutboxPayload>> {
        let rec: StoredRecord = match self.get(session, item.record_id) {
            Ok(r) => r,
            Err(Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let payload = serde_json::json!({ "record_kind": rec.body.kind().as_str(), "data": rec.body.data_json() });
        let json = Zeroizing::new(serde_json::to_vec(&payload).expect("a record serialises"));
        let urgent = matches!(&rec.body, RecordBody::Statement(st) if st.kind.is_urgent());
        Ok(Some(OutboxPayload { record_version: rec.version, json, urgent }))
    }

    /// Records that an item reached its recipient: in one transaction the item leaves the outbox,
    /// the sharing ledger gains an entry with the receipt, and a statement that was ready becomes
    /// shared (its timeline shows when). Doing it twice is harmless: the second finds no item and
    /// changes nothing.
    pub fn complete_send(&mut self, session: &Session, item: &OutboxItem, record_version: u32, receipt: Option<String>) -> Result<bool> {
        let sent_to = item.recipient.clone();
        Ok(self.complete_sends(session, &[Delivered { item, record_version, receipt, sent_to, readers: Vec::new(), remaining: None }])? == 1)
    }

    /// [`Vault::complete_send`] for several items that went together, in one transaction (one
    /// disk sync for a whole batch). Returns how many were still waiting.
    pub fn complete_sends(&mut self, session: &Session, delivered: &[Delivered<'_>]) -> Result<usize> {
        let mut sequence = self.next_share_sequence(session)?;
        let tx = self.transaction()?;
        let mut completed = 0;
        for Delivered { item, record_version, receipt, sent_to, readers, remaining } in delivered {
            let removed = tx
                .prepare_cached("DELETE FROM outbox WHERE profile_id = ?1 AND id = ?2")?
                .execute(params![&session.profile_id().as_bytes()[..], &item.item_id.as_bytes()[..]])?;
            if removed != 1 {
                continue;
            }
            completed += 1;
            let entry = ShareEntry {
                record_id: item.record_id,
                record_kind: item.record_kind,
                record_version: *record_version,
                recipient: sent_to.clone(),
                shared_at: self.now(),
                receipt: receipt.clone(),
                readers: readers.clone(),
                sequence,
            };
            sequence += 1;
            Vault::insert_in(&tx, self, session, RecordBody::ShareEntry(entry))?;
            // Those chosen who could not be reached yet (no laptop approved for them) still get
            // it, as a new item of its own, when they can.
            if let Some(remaining) = remaining {
                self.queue_in(&tx, session, item.record_id, item.record_kind, remaining.clone(), true)?;
            }
            if let Ok(rec) = Vault::get_in(&tx, session, item.record_id) {
                if let RecordBody::Statement(mut st) = rec.body {
                    let mut changed = false;
                    if st.status() == crate::domain::StatementStatus::Ready {
                        st.set_status(crate::domain::StatementStatus::Shared, self.now())?;
                        changed = true;
                    }
                    // Who may answer it: the laptops it was sealed to.
                    for reader in readers {
                        if !st.sealed_to.contains(reader) {
                            st.sealed_to.push(*reader);
                            changed = true;
                        }
                    }
                    if changed {
                        self.update_in(&tx, session, item.record_id, RecordBody::Statement(st))?;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(completed)
    }

    /// Takes an item out of the outbox without sending it (its record is gone, or consent for
    /// it has ended).
    pub fn drop_outbox_item(&mut self, session: &Session, item_id: RecordId) -> Result<()> {
        self.conn().execute(
            "DELETE FROM outbox WHERE profile_id = ?1 AND id = ?2",
            params![&session.profile_id().as_bytes()[..], &item_id.as_bytes()[..]],
        )?;
        Ok(())
    }

    /// Counts a failed attempt and says when to try again.
    pub fn note_send_failure(&mut self, session: &Session, item_id: RecordId, next_attempt_at: Timestamp) -> Result<()> {
        self.conn().execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?3 WHERE profile_id = ?1 AND id = ?2",
            params![&session.profile_id().as_bytes()[..], &item_id.as_bytes()[..], next_attempt_at.0],
        )?;
        Ok(())
    }
}

/// An outbox item's contents, ready to seal.
pub struct OutboxPayload {
    pub record_version: u32,
    /// The record's kind and contents, as JSON; zeroed when dropped.
    pub json: Zeroizing<Vec<u8>>,
    /// Sent before anything else, with a flag the service can see.
    pub urgent: bool,
}

/// An outbox item the recipient confirmed, with the version that went and its receipt.
pub struct Delivered<'a> {
    pub item: &'a OutboxItem,
    pub record_version: u32,
    pub receipt: Option<String>,
    /// Who it reached: the item's recipient, or those of its workers it was sealed for.
    pub sent_to: String,
    /// The devices it was sealed to (none when sealed to the service's key).
    pub readers: Vec<Uuid>,
    /// Those chosen it could not reach yet, to be queued again for them.
    pub remaining: Option<String>,
}

/// A deletion the service has not confirmed yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingDeletion {
    pub id: RecordId,
    pub kind: crate::domain::ShareableKind,
    pub asked_at: Timestamp,
}

impl Vault {
    pub(crate) fn queue_deletion_in(
        &self,
        tx: &rusqlite::Transaction<'_>,
        session: &Session,
        kind: crate::domain::ShareableKind,
    ) -> Result<()> {
        let id = RecordId::random(self.entropy());
        let plain = Zeroizing::new(serde_json::to_vec(&kind).expect("a kind serialises"));
        let binding = RecordBinding { profile: &session.profile, record: &id, kind: "pending_deletion", version: 1 };
        let sealed = session.sealer.seal(binding, &plain, self.entropy());
        tx.execute(
            "INSERT INTO pending_deletions (profile_id, id, asked_at, sealed) VALUES (?1, ?2, ?3, ?4)",
            params![&session.profile_id().as_bytes()[..], &id.as_bytes()[..], self.now().0, sealed],
        )?;
        Ok(())
    }

    /// Deletions this profile asked the service for that it has not confirmed, oldest first.
    pub fn pending_deletions(&self, session: &Session) -> Result<Vec<PendingDeletion>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, asked_at, sealed FROM pending_deletions WHERE profile_id = ?1 ORDER BY asked_at, id")?;
        let rows = stmt
            .query_map([&session.profile_id().as_bytes()[..]], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?, r.get::<_, Vec<u8>>(2)?))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, at, sealed) in rows {
            let id = RecordId::from_slice(&id).ok_or(Error::DamagedKey)?;
            let binding = RecordBinding { profile: &session.profile, record: &id, kind: "pending_deletion", version: 1 };
            let plain = session.sealer.open(binding, &sealed)?;
            let kind = serde_json::from_slice(&plain).map_err(|_| Error::Integrity { record_id: id })?;
            out.push(PendingDeletion { id, kind, asked_at: Timestamp(at) });
        }
        Ok(out)
    }

    /// The service confirmed a deletion (its receipt checked out): the ask becomes a kept record
    /// of it, with the receipt, in one transaction. An ask already confirmed is left as it is.
    pub fn complete_deletion(&mut self, session: &Session, id: RecordId, confirmation: &DeletionConfirmation) -> Result<()> {
        let profile_id = session.profile_id();
        let profile = &profile_id.as_bytes()[..];
        let tx = self.transaction()?;
        let asked: Option<(i64, Vec<u8>)> = tx
            .query_row(
                "SELECT asked_at, sealed FROM pending_deletions WHERE profile_id = ?1 AND id = ?2",
                params![profile, &id.as_bytes()[..]],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((asked_at, sealed_ask)) = asked else { return Ok(()) };
        let binding = RecordBinding { profile: &session.profile, record: &id, kind: "pending_deletion", version: 1 };
        let kind: ShareableKind =
            serde_json::from_slice(&session.sealer.open(binding, &sealed_ask)?).map_err(|_| Error::Integrity { record_id: id })?;
        let kept = KeptReceipt {
            format: 1,
            kind,
            service_name: confirmation.service_name.clone(),
            deleted: confirmation.deleted,
            receipt: confirmation.receipt.clone(),
        };
        let plain = Zeroizing::new(serde_json::to_vec(&kept).expect("a receipt serialises"));
        let binding = RecordBinding { profile: &session.profile, record: &id, kind: "deletion_receipt", version: 1 };
        let sealed = session.sealer.seal(binding, &plain, self.entropy());
        tx.execute("DELETE FROM pending_deletions WHERE profile_id = ?1 AND id = ?2", params![profile, &id.as_bytes()[..]])?;
        tx.execute(
            "INSERT INTO deletion_receipts (profile_id, id, asked_at, confirmed_at, sealed) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![profile, &id.as_bytes()[..], asked_at, confirmation.confirmed_at.0, sealed],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletions services confirmed for this profile, newest first.
    pub fn confirmed_deletions(&self, session: &Session) -> Result<Vec<ConfirmedDeletion>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, asked_at, confirmed_at, sealed FROM deletion_receipts WHERE profile_id = ?1 ORDER BY confirmed_at DESC, id",
        )?;
        let rows = stmt
            .query_map([&session.profile_id().as_bytes()[..]], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, Vec<u8>>(3)?))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, asked_at, confirmed_at, sealed) in rows {
            let id = RecordId::from_slice(&id).ok_or(Error::DamagedKey)?;
            let binding = RecordBinding { profile: &session.profile, record: &id, kind: "deletion_receipt", version: 1 };
            let plain = session.sealer.open(binding, &sealed)?;
            let kept: KeptReceipt = serde_json::from_slice(&plain).map_err(|_| Error::Integrity { record_id: id })?;
            out.push(ConfirmedDeletion {
                id,
                kind: kept.kind,
                service_name: kept.service_name,
                deleted: kept.deleted,
                asked_at: Timestamp(asked_at),
                confirmed_at: Timestamp(confirmed_at),
                receipt: kept.receipt,
            });
        }
        Ok(out)
    }
}

/// What the service's checked receipt said, to keep.
pub struct DeletionConfirmation {
    pub service_name: String,
    pub deleted: u32,
    pub confirmed_at: Timestamp,
    /// The signed receipt as the service sent it, so it can be shown or checked again later.
    pub receipt: String,
}

/// A deletion a service confirmed: the person's record of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfirmedDeletion {
    pub id: RecordId,
    pub kind: ShareableKind,
    pub service_name: String,
    pub deleted: u32,
    pub asked_at: Timestamp,
    pub confirmed_at: Timestamp,
    pub receipt: String,
}

/// The sealed form of a kept receipt (versioned, like every sealed payload).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptReceipt {
    format: u32,
    kind: ShareableKind,
    service_name: String,
    deleted: u32,
    receipt: String,
}
