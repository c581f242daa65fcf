//! A worker's laptop: what people shared with it, and what it says back.
//!
//! - [`fetch_shared`] reads the envelopes sealed to this laptop (network only); [`open_shared`]
//!   checks each against the roster this laptop verified (sent by a device the organisation
//!   certified for a person, signed by that device, sealed to this laptop) and opens it.
//! - [`answer`] tells the person: a receipt (taken, read, acknowledged) or a reply, sealed to each
//!   device the roster certifies for them and signed by this laptop, so neither the server nor
//!   anyone else can write one or read it.
//!
//! Nothing here trusts the server's word about who anyone is: every key comes from the roster.
//! Nothing here stores or logs a plaintext.

use uuid::Uuid;
use waymark_core::connection::ServiceConnection;
use waymark_core::{Entropy, Timestamp};
use waymark_sync::api::{MailboxItem, MailboxResponse, WorkerMailBatch, WorkerMailItem, WorkerMailResponse, WORKER_MAIL_FORMAT};
use waymark_sync::envelope::{Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer, READERS_FORMAT};
use waymark_sync::mail::{seal_organisation_mail, MailKind, Receipt, ReceiptStatus, Reply, MAX_REPLY};
use waymark_sync::roster::RosterState;
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
    let sender = envelope.header.device_id;
    let person_id = roster
        .person_of_device(sender)
        .ok_or_else(|| SyncError::Malformed("a shared record came from a device the organisation has not approved for anyone".into()))?;
    let signing = &roster.active_device(sender).expect("person_of_device found it active").keys.signing;
    envelope.verify_sender(signing)?;
    let keys = device_keys(connection)?;
    let plaintext = EnvelopeOpener::for_device(&keys, connection.device_id).open(&envelope)?;
    Ok(SharedRecord { seq: item.seq, person_id, readers: envelope.readers(), header: envelope.header, plaintext })
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
    let (kind, plaintext) = match answer {
        Answer::Receipt(status) => {
            let receipt = Receipt { envelope_id: about.header.envelope_id, record_id: about.header.record_id, status, at: now.0 };
            (MailKind::Receipt, serde_json::to_vec(&receipt).expect("a receipt serialises"))
        }
        Answer::Reply(words) => {
            if words.trim().is_empty() || words.len() > MAX_REPLY {
                return Err(SyncError::Malformed(format!("a reply says something, in at most {MAX_REPLY} bytes")).into());
            }
            let reply = Reply { envelope_id: about.header.envelope_id, record_id: about.header.record_id, words, at: now.0 };
            (MailKind::Reply, serde_json::to_vec(&reply).expect("a reply serialises"))
        }
    };
    let plaintext = Zeroizing::new(plaintext);
    let keys = device_keys(connection)?;
    let mut items = Vec::new();
    for (device_id, device_keys) in roster.devices_of_person(about.person_id) {
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
        let mut sealer = EnvelopeSealer::new(device_keys, entropy)?;
        let mail = seal_organisation_mail(&keys, about.person_id, &mut sealer, kind, header, &plaintext)?;
        items.push(WorkerMailItem { device_id, body: serde_json::to_string(&mail).expect("mail serialises") });
    }
    if items.is_empty() {
        return Err(SyncError::Malformed("the organisation has approved no device for this person".into()).into());
    }
    let body = serde_json::to_vec(&WorkerMailBatch { format: WORKER_MAIL_FORMAT, items }).expect("a batch serialises");
    let filed: WorkerMailResponse =
        signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/worker-mail", now, body).await?;
    Ok(filed.posted)
}
