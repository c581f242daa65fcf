//! A worker's laptop: what people shared with it, and what it says back.
//!
//! - [`fetch_shared`] reads the envelopes sealed to this laptop (network only); [`open_shared`]
//!   checks each against the roster this laptop verified (sent by a device the organisation
//!   certified for a person, signed by that device, sealed to this laptop) and opens it.
//! - [`read_feed`] and [`shared_envelope`] do both for a whole feed, or for the one item an answer
//!   or an alert is about, found by its envelope id (bound in and signed by its sender, so the
//!   server cannot pass one person's item off as another's); [`read_roster`] verifies the roster from its genesis against the
//!   pinned root and the head this laptop saw last time.
//! - [`answer`] tells the person: a receipt (taken, read, acknowledged) or a reply, sealed to each
//!   device the roster certifies for them and signed by this laptop, so neither the server nor
//!   anyone else can write one or read it.
//!
//! Nothing here trusts the server's word about who anyone is: every key comes from the roster.
//! Nothing here stores or logs a plaintext.

use uuid::Uuid;
use waymark_core::connection::ServiceConnection;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{Entropy, Timestamp};
use waymark_sync::api::{MailboxItem, MailboxResponse, WorkerMailBatch, WorkerMailItem, WorkerMailResponse, MAX_WORKER_MAIL, WORKER_MAIL_FORMAT};
use waymark_sync::envelope::{Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer, READERS_FORMAT};
use waymark_sync::mail::{seal_organisation_mail, MailKind, Receipt, ReceiptStatus, Reply, MAX_REPLY};
use waymark_sync::keys::{PublicKeys, SealedSecret};
use waymark_sync::roster::{RosterHead, RosterProblem, RosterState};
use waymark_sync::SyncError;
use zeroize::Zeroizing;

use crate::{device_keys, signed, Result};

/// Something a person shared with this laptop, checked and opened.
pub struct SharedRecord {
    /// Its place in this laptop's feed: the next read starts after it.
    pub seq: i64,
    /// The person who shared it, as the roster names them (never the server's word).
    pub person_id: Uuid,
    pub header: EnvelopeHeader,
    /// Every device it was sealed to (this laptop among them), as the sender bound them in.
    pub readers: Vec<Uuid>,
    /// The record as JSON, as the person's device sealed it.
    pub plaintext: Zeroizing<Vec<u8>>,
    /// The roster head the person's device had verified when it sealed this (inside the sealed
    /// record, so the server can neither read nor change it), to compare with this laptop's own
    /// ([`WorkerRoster::check_peer`]).
    pub sender_head: Option<RosterHead>,
}

/// The roster as this laptop verified it from genesis, with the hash of every link, so it can
/// tell whether another device was shown the same history.
pub struct WorkerRoster {
    pub state: RosterState,
    hashes: Vec<String>,
}

impl WorkerRoster {
    /// Whether `theirs`, another device's head, is consistent with this laptop's: the same link at
    /// that number (else the server showed one of them a different history), and not further on
    /// (else the server is holding changes back from this laptop).
    pub fn check_peer(&self, theirs: &RosterHead) -> std::result::Result<(), RosterProblem> {
        waymark_sync::roster::compare_heads(&self.state.head, |seq| self.hashes.get(seq as usize).cloned(), theirs)
    }
}

/// Reads what was shared with this laptop after `after`: one page of envelopes, unchecked.
pub async fn fetch_shared(connection: &ServiceConnection, after: i64, now: Timestamp) -> Result<Vec<MailboxItem>> {
    let keys = device_keys(connection)?;
    let path = format!("/v1/shared?after={after}");
    let answer: MailboxResponse = signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, &path, now, Vec::new()).await?;
    Ok(answer.items)
}

/// Checks and opens one envelope from [`fetch_shared`]: it must be sealed to this laptop, name as
/// its sender a device the verified `roster` certifies for a person (and has not revoked), and
/// carry that device's signature over everything. Anything else is refused, never opened.
pub fn open_shared(connection: &ServiceConnection, roster: &RosterState, item: &MailboxItem) -> Result<SharedRecord> {
    let envelope: Envelope = serde_json::from_str(&item.body).map_err(|_| SyncError::Malformed("a shared record is damaged".into()))?;
    envelope.check_shape()?;
    if envelope.format != READERS_FORMAT || !envelope.readers().contains(&connection.device_id) {
        return Err(SyncError::Malformed("a shared record was not sealed to this laptop".into()).into());
    }
    // Envelope ids are random (version 4): anything else is not a device's, and could pass for
    // the stand-in a laptop keeps for an item it could not open.
    if envelope.header.envelope_id.get_version_num() != 4 {
        return Err(SyncError::Malformed("a shared record's id is not one a device makes".into()).into());
    }
    let sender = envelope.header.device_id;
    let person_id = roster
        .person_of_device(sender)
        .ok_or_else(|| SyncError::Malformed("a shared record came from a device the organisation has not approved for anyone".into()))?;
    let signing = &roster.active_device(sender).expect("person_of_device found it active").keys.signing;
    envelope.verify_sender(signing)?;
    let keys = device_keys(connection)?;
    let plaintext = EnvelopeOpener::for_device(&keys, connection.device_id).open(&envelope)?;
    let sender_head = serde_json::from_slice::<serde_json::Value>(&plaintext)
        .ok()
        .and_then(|v| v.get("roster_head").and_then(|h| serde_json::from_value::<RosterHead>(h.clone()).ok()));
    Ok(SharedRecord { seq: item.seq, person_id, readers: envelope.readers(), header: envelope.header, plaintext, sender_head })
}

/// Reads this laptop's whole feed after `after`, page by page: each item checked and opened, or
/// why it was refused (by its number).
pub async fn read_feed(connection: &ServiceConnection, roster: &RosterState, after: i64, now: Timestamp) -> Result<Vec<(i64, Result<SharedRecord>)>> {
    let mut out = Vec::new();
    let mut cursor = after;
    loop {
        let items = fetch_shared(connection, cursor, now).await?;
        for item in &items {
            // Each page must move on: a server that repeats itself cannot keep a laptop reading.
            if item.seq <= cursor {
                return Err(SyncError::Malformed("the service sent shared items out of order".into()).into());
            }
            out.push((item.seq, open_shared(connection, roster, item)));
            cursor = item.seq;
        }
        if !crate::more_mail_waiting(&items) {
            return Ok(out);
        }
    }
}

/// The item sealed to this laptop whose envelope is `envelope_id` (an alert names one), checked
/// and opened.
pub async fn shared_envelope(connection: &ServiceConnection, roster: &RosterState, envelope_id: Uuid, now: Timestamp) -> Result<SharedRecord> {
    for (_, record) in read_feed(connection, roster, 0, now).await? {
        if let Ok(record) = record {
            if record.header.envelope_id == envelope_id {
                return Ok(record);
            }
        }
    }
    Err(crate::ClientError::NotFound(format!("nothing sealed to this laptop has envelope {envelope_id}")))
}

/// Reads and verifies the organisation's whole roster from its genesis, against the root this
/// laptop pinned when it enrolled, and against `seen`, the head it accepted last time: a roster
/// that no longer reaches that head (rolled back), or holds a different link there (a fork), is
/// refused.
pub async fn read_roster(connection: &ServiceConnection, seen: Option<&RosterHead>, now: Timestamp) -> Result<WorkerRoster> {
    use waymark_sync::roster::advance;
    let pin = connection.organisation.as_deref().ok_or_else(|| SyncError::Malformed("this laptop's invite named no organisation".into()))?;
    let mut state: Option<RosterState> = None;
    let mut hashes: Vec<String> = Vec::new();
    loop {
        let from = state.as_ref().map_or(0, |s| s.head.seq + 1);
        let page = crate::fetch_roster(connection, from, now).await?;
        let next = advance(state.as_ref(), &page, pin)?;
        // `advance` checked the links come in order from `from`; their hashes are the history.
        hashes.extend(page.links.iter().map(|l| l.hash()));
        let more = !page.links.is_empty() && page.head_seq.is_some_and(|h| h > next.head.seq);
        state = Some(next);
        if !more {
            break;
        }
    }
    let state = state.ok_or_else(|| SyncError::Malformed("the organisation has no roster yet".into()))?;
    // A certification of this laptop's id must be of its own keys, for its own worker.
    if let Some(d) = state.devices().find(|(id, _)| **id == connection.device_id).map(|(_, d)| d) {
        let mine = d.owner == waymark_sync::roster::DeviceOwner::Worker(connection.person_id.unwrap_or_default())
            && device_keys(connection)?.public() == &d.keys;
        if !mine {
            return Err(SyncError::RosterRefused { seq: d.certified_at_seq, problem: RosterProblem::Inconsistent }.into());
        }
    }
    let roster = WorkerRoster { state, hashes };
    if let Some(seen) = seen {
        // What this laptop saw last time is another view to compare with, like a peer's.
        let problem = match roster.check_peer(seen) {
            Err(RosterProblem::HeldBack) => Some(RosterProblem::RolledBack),
            Err(other) => Some(other),
            Ok(()) => None,
        };
        if let Some(problem) = problem {
            return Err(SyncError::RosterRefused { seq: seen.seq, problem }.into());
        }
    }
    Ok(roster)
}

/// What a worker says back about a shared record.
pub enum Answer {
    Receipt(ReceiptStatus),
    Reply(String),
}

/// Tells the person who shared `about` what this worker did: sealed to each device the verified
/// `roster` certifies for them, signed by this laptop. Returns how many devices it went to.
pub async fn answer(
    connection: &ServiceConnection,
    roster: &RosterState,
    about: &SharedRecord,
    answer: Answer,
    entropy: &dyn Entropy,
    now: Timestamp,
) -> Result<u32> {
    match answer_all(connection, roster, vec![(about, answer)], entropy, now).await? {
        0 => Err(SyncError::Malformed("the organisation has approved no device for this person".into()).into()),
        filed => Ok(filed),
    }
}

/// [`answer`] for many records at once (a laptop taking a feed says "received" for each): one
/// key exchange per person's device per group of envelopes, and the mail posted in batches.
/// Returns how many mailbox items were filed; a person with no approved device is passed over.
pub async fn answer_all(
    connection: &ServiceConnection,
    roster: &RosterState,
    answers: Vec<(&SharedRecord, Answer)>,
    entropy: &dyn Entropy,
    now: Timestamp,
) -> Result<u32> {
    let keys = device_keys(connection)?;
    let mut sealers: std::collections::HashMap<Uuid, EnvelopeSealer<'_>> = std::collections::HashMap::new();
    let mut items = Vec::new();
    for (about, answer) in answers {
        let (kind, plaintext) = match answer {
            Answer::Receipt(status) => {
                let receipt = Receipt { envelope_id: about.header.envelope_id, record_id: about.header.record_id, status, at: now.0, roster_head: Some(roster.head.clone()) };
                (MailKind::Receipt, serde_json::to_vec(&receipt).expect("a receipt serialises"))
            }
            Answer::Reply(words) => {
                if words.trim().is_empty() || words.len() > MAX_REPLY {
                    return Err(SyncError::Malformed(format!("a reply says something, in at most {MAX_REPLY} bytes")).into());
                }
                let reply = Reply { envelope_id: about.header.envelope_id, record_id: about.header.record_id, words, at: now.0, roster_head: Some(roster.head.clone()) };
                (MailKind::Reply, serde_json::to_vec(&reply).expect("a reply serialises"))
            }
        };
        let plaintext = Zeroizing::new(plaintext);
        // A person with no approved device now (a laptop switched off) is passed over; the rest
        // still hear.
        let devices = roster.devices_of_person(about.person_id);
        for (device_id, device_keys) in devices {
            let mut id = [0u8; 16];
            entropy.fill(&mut id);
            let header = EnvelopeHeader {
                envelope_id: uuid::Builder::from_random_bytes(id).into_uuid(),
                device_id,
                record_kind: kind.as_str().into(),
                record_id: about.header.record_id,
                record_version: 1,
                urgent: false,
            };
            let sealer = match sealers.entry(device_id) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(EnvelopeSealer::new(device_keys, entropy)?),
            };
            let mail = seal_organisation_mail(&keys, about.person_id, sealer, kind, header, &plaintext)?;
            items.push(WorkerMailItem { device_id, body: serde_json::to_string(&mail).expect("mail serialises") });
        }
    }
    let mut filed = 0;
    for batch in items.chunks(MAX_WORKER_MAIL) {
        let body = serde_json::to_vec(&WorkerMailBatch { format: WORKER_MAIL_FORMAT, items: batch.to_vec() }).expect("a batch serialises");
        let answer: WorkerMailResponse =
            signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/worker-mail", now, body).await?;
        filed += answer.posted;
    }
    Ok(filed)
}

/// Publishes a version of `person_id`'s plan from this laptop: sealed to each device the verified
/// `roster` certifies for them, signed by this laptop (their device takes it only from a worker
/// the roster allocates to them). Returns how many devices it went to; none approved is refused.
pub async fn publish_plan(
    connection: &ServiceConnection,
    roster: &RosterState,
    person_id: Uuid,
    plan: &waymark_core::domain::Plan,
    entropy: &dyn Entropy,
    now: Timestamp,
) -> Result<u32> {
    plan.validate()?;
    let keys = device_keys(connection)?;
    let devices = roster.devices_of_person(person_id);
    if devices.is_empty() {
        return Err(SyncError::Malformed("the organisation has approved no device for this person".into()).into());
    }
    let payload = Zeroizing::new(serde_json::to_vec(plan).expect("a plan serialises"));
    let mut items = Vec::new();
    for (device_id, device_keys) in devices {
        let mut id = [0u8; 16];
        entropy.fill(&mut id);
        let header = EnvelopeHeader {
            envelope_id: uuid::Builder::from_random_bytes(id).into_uuid(),
            device_id,
            record_kind: MailKind::Plan.as_str().into(),
            record_id: plan.plan_id,
            record_version: plan.version,
            urgent: false,
        };
        let mut sealer = EnvelopeSealer::new(device_keys, entropy)?;
        let mail = seal_organisation_mail(&keys, person_id, &mut sealer, MailKind::Plan, header, &payload)?;
        items.push(WorkerMailItem { device_id, body: serde_json::to_string(&mail).expect("mail serialises") });
    }
    let body = serde_json::to_vec(&WorkerMailBatch { format: WORKER_MAIL_FORMAT, items }).expect("a batch serialises");
    let answer: WorkerMailResponse = signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/worker-mail", now, body).await?;
    Ok(answer.posted)
}

/// Everything a worker laptop's sealed secret is bound to: who the laptop is and whom it trusts.
fn worker_file_aad(service_url: &str, service: &PublicKeys, organisation: &str, me: &PublicKeys, worker_id: Uuid, device_id: Uuid) -> Vec<u8> {
    let mut out = format!("waymark worker laptop v{WORKER_FILE_FORMAT}\0").into_bytes();
    for part in [service_url, &service.signing, &service.receiving, organisation, &me.signing, &me.receiving] {
        out.extend_from_slice(part.as_bytes());
        out.push(0);
    }
    out.extend_from_slice(worker_id.as_bytes());
    out.extend_from_slice(device_id.as_bytes());
    out
}

/// The format of [`WorkerFile`].
pub const WORKER_FILE_FORMAT: u32 = 1;

/// What a worker's laptop keeps between runs: who it is at which service and organisation (in the
/// clear), its key pair's secret half sealed under the worker's passphrase, the roster head it
/// accepted last, and how far through its feed it has told senders their things arrived. It holds
/// nothing anyone shared: those are fetched and opened when needed, never kept.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerFile {
    pub format: u32,
    pub service_url: String,
    pub service_name: String,
    pub service_keys: PublicKeys,
    pub service_fingerprint: String,
    /// The organisation's root fingerprint, pinned from the invite.
    pub organisation: String,
    pub worker_id: Uuid,
    pub device_id: Uuid,
    pub enrolled_at: i64,
    pub public: PublicKeys,
    sealed: SealedSecret,
    #[serde(default)]
    pub roster_head: Option<RosterHead>,
    #[serde(default)]
    pub feed_cursor: i64,
}

impl WorkerFile {
    /// Keeps a worker laptop's new connection (from [`crate::enrol`] with a worker's invite),
    /// its secret sealed under `passphrase`.
    pub fn create(connection: &ServiceConnection, passphrase: &Passphrase, kdf: KdfParams, entropy: &dyn Entropy) -> Result<WorkerFile> {
        passphrase.check_strength()?;
        let (Some(organisation), Some(worker_id)) = (connection.organisation.clone(), connection.person_id) else {
            return Err(SyncError::Malformed("that invite is not a worker's from an organisation with a roster".into()).into());
        };
        let keys = device_keys(connection)?;
        let service_keys = PublicKeys { signing: connection.service_signing_key.clone(), receiving: connection.service_receiving_key.clone() };
        let aad = worker_file_aad(&connection.service_url, &service_keys, &organisation, keys.public(), worker_id, connection.device_id);
        Ok(WorkerFile {
            format: WORKER_FILE_FORMAT,
            service_url: connection.service_url.clone(),
            service_name: connection.service_name.clone(),
            service_keys,
            service_fingerprint: connection.fingerprint.clone(),
            organisation,
            worker_id,
            device_id: connection.device_id,
            enrolled_at: connection.connected_at.0,
            public: keys.public().clone(),
            sealed: SealedSecret::seal(&keys, passphrase, kdf, &aad, entropy)?,
            roster_head: None,
            feed_cursor: 0,
        })
    }

    fn associated_data(&self) -> Vec<u8> {
        worker_file_aad(&self.service_url, &self.service_keys, &self.organisation, &self.public, self.worker_id, self.device_id)
    }

    /// The connection, with the secret opened by `passphrase`; a wrong one, or a file changed
    /// where it binds, fails here.
    pub fn open(&self, passphrase: &Passphrase) -> Result<ServiceConnection> {
        let keys = self.sealed.open(passphrase, &self.associated_data(), &self.public)?;
        Ok(ServiceConnection {
            service_url: self.service_url.clone(),
            service_name: self.service_name.clone(),
            service_signing_key: self.service_keys.signing.clone(),
            service_receiving_key: self.service_keys.receiving.clone(),
            fingerprint: self.service_fingerprint.clone(),
            device_id: self.device_id,
            connected_at: Timestamp(self.enrolled_at),
            device_secret: Zeroizing::new(keys.secret().to_vec()),
            mailbox_cursor: 0,
            mail_to_ack: Vec::new(),
            organisation: Some(self.organisation.clone()),
            person_id: Some(self.worker_id),
        })
    }

    pub fn load(path: &std::path::Path) -> Result<WorkerFile> {
        let bytes = std::fs::read(path).map_err(|e| SyncError::Malformed(format!("cannot read {} ({e}); enrol this laptop first", path.display())))?;
        let file: WorkerFile = serde_json::from_slice(&bytes).map_err(|_| SyncError::Malformed(format!("{} is damaged", path.display())))?;
        if file.format != WORKER_FILE_FORMAT {
            return Err(SyncError::UnsupportedVersion { what: "worker_file", found: file.format, supported: WORKER_FILE_FORMAT }.into());
        }
        Ok(file)
    }

    /// Writes the file whole (a new file, then renamed over the old one), readable by its owner
    /// only.
    pub fn save(&self, path: &std::path::Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).expect("a worker file serialises");
        let fresh = path.with_extension("json.new");
        let _ = std::fs::remove_file(&fresh);
        let write = || -> std::io::Result<()> {
            let mut f = waymark_core::documents::open_new_private(&fresh)?;
            std::io::Write::write_all(&mut f, &json)?;
            f.sync_all()?;
            std::fs::rename(&fresh, path)
        };
        write().map_err(|e| SyncError::Malformed(format!("cannot write {} ({e})", path.display())).into())
    }
}
