//! The service's HTTP API (version 1): the JSON bodies both sides send, in one place, so the
//! app and the service cannot drift apart. Paths: `GET /v1/service`, `POST /v1/enrol`,
//! `POST /v1/envelopes` (signed), `POST /v1/envelope-batches` (signed), `GET /v1/mailbox?after=N`
//! (signed), `POST /v1/deletions` (signed), `GET /v1/resources`, `GET /v1/roster?from=N`
//! (signed), and for workers' laptops `GET /v1/alerts`, `POST /v1/alert-acks`,
//! `GET /v1/shared?after=N` and `POST /v1/worker-mail` (signed); and from a person's device
//! `POST /v1/reader-removals` (signed).
//! Errors are [`ErrorBody`].

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::keys::PublicKeys;

pub const API_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ServiceInfo {
    pub api_version: u32,
    pub name: String,
    pub keys: PublicKeys,
    pub fingerprint: String,
}

#[derive(Serialize, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct EnrolRequest {
    pub invite_token: String,
    pub keys: PublicKeys,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct EnrolResponse {
    pub device_id: Uuid,
    pub service_name: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct UploadResponse {
    /// `new`, or `already_here` for a resend.
    pub stored: String,
}

/// Several envelopes in one upload, for a device catching up: stored in one transaction, each
/// still kept once per envelope id. Format 1.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeBatch {
    pub format: u32,
    pub envelopes: Vec<crate::envelope::Envelope>,
}

pub const BATCH_FORMAT: u32 = 1;
/// The most envelopes one batch may carry.
pub const MAX_BATCH: usize = 200;
/// The most bytes one batch body may have (a single upload's limit is far smaller).
pub const MAX_BATCH_BODY: usize = 1024 * 1024;
/// The most mailbox items one read returns; a device reads again until a page comes back short.
pub const MAILBOX_PAGE: u32 = 500;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct BatchUploadResponse {
    /// For each envelope, in order: `new`, or `already_here` for a resend.
    pub stored: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct MailboxResponse {
    pub items: Vec<MailboxItem>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct MailboxItem {
    pub seq: i64,
    pub body: String,
}

pub const MAIL_ACKS_FORMAT: u32 = 1;

/// The mailbox items a device has taken (applied or refused), by number: the service deletes
/// them. A device reads its mailbox from the start each time and skips nothing by number, so no
/// number a server gives an item can make it pass over others.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MailAcks {
    pub format: u32,
    pub seqs: Vec<i64>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct MailAcked {
    /// How many of them were this device's and are gone now.
    pub deleted: u32,
}


/// An urgent item raised to the worker whose laptop asks: content-free (never what was written).
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
pub struct AlertView {
    pub alert_id: i64,
    /// The urgent envelope (the worker's laptop opens it, if it was sealed to it).
    pub envelope_id: Uuid,
    /// Who said they do not feel safe, by roster id (none if their laptop is not in the roster).
    pub person_id: Option<Uuid>,
    /// Unix seconds.
    pub raised_at: i64,
    pub acknowledged_at: Option<i64>,
    /// The worker who acknowledged it, by roster id.
    pub acknowledged_by: Option<Uuid>,
    /// Why this worker was alerted: `duty`, `allocated` or `escalated`.
    pub why: String,
    pub alerted_at: i64,
}

/// One worker an urgent alert was raised to, and why.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
pub struct AlertedWorker {
    pub worker_id: Uuid,
    /// `duty`, `allocated` or `escalated`.
    pub why: String,
    /// Unix seconds.
    pub alerted_at: i64,
}

/// An urgent alert as the duty team sees it across the organisation: who it was raised to and
/// when, whether and by whom it was acknowledged, and how often it escalated. Content-free.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
pub struct TeamAlertView {
    pub alert_id: i64,
    pub envelope_id: Uuid,
    pub person_id: Option<Uuid>,
    pub raised_at: i64,
    pub acknowledged_at: Option<i64>,
    pub acknowledged_by: Option<Uuid>,
    pub escalations: u32,
    /// In the order they were alerted.
    pub alerted: Vec<AlertedWorker>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct TeamAlertsResponse {
    /// Newest first, at most 500.
    pub alerts: Vec<TeamAlertView>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct AlertsResponse {
    /// Unacknowledged first, then newest first.
    pub alerts: Vec<AlertView>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AlertAck {
    pub alert_id: i64,
}

/// `POST /v1/worker-mail`: mail a worker's laptop sealed and signed for each device of one of the
/// people it works with (a receipt, an acknowledgement, a reply). The service files each item in
/// that device's mailbox; it can neither read nor change one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerMailBatch {
    pub format: u32,
    pub items: Vec<WorkerMailItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerMailItem {
    /// The person's device it is for.
    pub device_id: Uuid,
    /// The mail JSON (organisation mail, signed by the sending laptop).
    pub body: String,
}

pub const WORKER_MAIL_FORMAT: u32 = 1;
/// The most mailbox items one worker-mail request carries (well inside the request body limit).
pub const MAX_WORKER_MAIL: usize = 100;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerMailResponse {
    /// How many items were filed.
    pub posted: u32,
}

/// `POST /v1/reader-removals`: a person stopped sharing a kind with one of their workers; the
/// service stops handing that worker's laptops what this device sealed to them of that kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReaderRemoval {
    pub format: u32,
    pub record_kind: String,
    /// The worker's laptops (roster device ids), at most [`MAX_READER_REMOVALS`].
    pub readers: Vec<Uuid>,
}

pub const READER_REMOVAL_FORMAT: u32 = 1;
pub const MAX_READER_REMOVALS: usize = 64;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReaderRemovalResponse {
    /// How many of this device's envelopes those laptops can no longer fetch.
    pub removed: u32,
}

/// `POST /v1/roster-links`: a roster change a worker's laptop signed (an administrator worker's,
/// or any worker's approving a person's device). The service keeps it only if it follows the
/// head and the roster it verifies allows the signer to make it; every device checks it again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RosterLinkAccepted {
    /// The new head's number.
    pub seq: u64,
}

/// `POST /v1/invites`: an administrator worker's laptop asks the service to honour an invite
/// code it made. The service keeps only the token's hash; the code never reaches it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteRegistration {
    pub format: u32,
    /// SHA-256 of the code's one-time token, base64.
    pub token_hash: String,
    /// The person or worker in the roster the code is for.
    pub person_id: Uuid,
    /// Unix seconds; at most [`MAX_INVITE_DAYS`] ahead.
    pub expires_at: i64,
}

impl InviteRegistration {
    /// What the service is asked to keep for `invite` (made for someone in the roster).
    pub fn new(invite: &crate::invite::Invite) -> crate::Result<InviteRegistration> {
        let person_id = invite.person_id.ok_or_else(|| crate::SyncError::Malformed("an invite for the roster names who it is for".into()))?;
        Ok(InviteRegistration {
            format: INVITE_REGISTRATION_FORMAT,
            token_hash: crate::b64::encode(&crate::invite::Invite::token_hash(&invite.token)?),
            person_id,
            expires_at: invite.expires_at,
        })
    }

    /// The token's hash as bytes, refusing anything that is not one.
    pub fn token_hash_bytes(&self) -> crate::Result<[u8; 32]> {
        crate::b64::decode_array("Token hash", &self.token_hash)
    }
}

pub const INVITE_REGISTRATION_FORMAT: u32 = 1;
/// How long an invite code may last.
pub const MAX_INVITE_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InviteRegistered {
    /// `young_person`, `carer` or `worker`, as the roster says.
    pub role: String,
}

/// `GET /v1/enrolments?person=<id>`: the devices that redeemed an invite for one person (or a
/// worker's laptops), approved or not, with the keys they enrolled with. The server's word only:
/// a laptop approves a device after the person reads out the code their app shows, which must
/// match these keys, and then the roster (not this list) says whose the device is.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolmentsResponse {
    pub devices: Vec<Enrolment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Enrolment {
    pub device_id: Uuid,
    pub keys: crate::keys::PublicKeys,
    /// Unix seconds.
    pub enrolled_at: i64,
}

/// `POST /v1/resources`: a library bundle an administrator worker's laptop signed. The service
/// keeps it if it is newer than the one it holds; devices check the signature again against the
/// keys their verified roster gives administrators' laptops.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LibraryPublished {
    pub version: u32,
}

/// The largest signed library bundle the service takes (the whole library, every language).
pub const MAX_LIBRARY_BODY: usize = 8 * 1024 * 1024;
