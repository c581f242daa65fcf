//! What the service sends to one device through its mailbox: a new plan version, or a receipt
//! saying a shared record was received or read. Each item is sealed with HPKE to that device's
//! key (so the mailbox holds only ciphertext) and signed with the service's Ed25519 key (so the
//! device knows it came from the service it pinned, not from whoever runs the server). Only the
//! operator's commands, which hold the service's secret key, can make one.
//!
//! Format 2 is mail from a person at the organisation rather than from the service's key: it is
//! signed by a key the organisation's roster certifies (the root, an administrator's, or a
//! worker's laptop) and names the person it is for by their roster id, both bound into the
//! signature. A device whose connection pins a roster takes a plan only in format 2, from a
//! signer its verified roster says may speak for the organisation, addressed to the person its
//! own device is certified for; so whoever runs the server can neither write a plan nor send one
//! person's plan to another.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::b64;
use crate::envelope::{Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer};
use crate::error::{Result, SyncError};
use crate::keys::{verify_signature, IdentityKeys, PublicKeys};
use crate::roster::{RosterHead, RosterState};

/// Mail signed with the service's own key (receipts; plans on connections made before rosters).
pub const MAIL_FORMAT: u32 = 1;
/// Mail signed by someone the roster certifies, naming the person it is for.
pub const ORGANISATION_MAIL_FORMAT: u32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// A new version of the person's care or pathway plan (the record's JSON).
    Plan,
    /// A [`Receipt`] for something the device shared.
    Receipt,
    /// A [`Reply`] from one of the person's workers to something they shared.
    Reply,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Plan => "plan",
            MailKind::Receipt => "receipt",
            MailKind::Reply => "reply",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mail {
    pub format: u32,
    pub kind: MailKind,
    pub envelope: Envelope,
    /// Format 2: the roster id of the person it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
    /// Format 2: the signing key (base64) of the roster member who sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// Ed25519 over [`signed_bytes`] (format 1) or [`organisation_signed_bytes`] (format 2), base64.
    pub signature: String,
}

/// What a receipt says about one shared record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptStatus {
    Received,
    Read,
    /// A worker acknowledged an urgent item's alert: someone at the service is dealing with it.
    Acknowledged,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The envelope the device sent (its outbox item id).
    pub envelope_id: Uuid,
    pub record_id: Uuid,
    pub status: ReceiptStatus,
    /// Unix seconds.
    pub at: i64,
    /// From a worker's laptop: the roster head it had verified, for the person's device to compare
    /// with its own (`roster::compare_heads`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_head: Option<RosterHead>,
}

/// What a worker wrote back about one shared record (organisation mail only, from a worker's
/// laptop; the reader takes the worker's name and role from its roster, never from the mail).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// The envelope the person's device sent.
    pub envelope_id: Uuid,
    pub record_id: Uuid,
    pub words: String,
    /// Unix seconds.
    pub at: i64,
    /// The roster head the worker's laptop had verified (as in [`Receipt`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_head: Option<RosterHead>,
}

/// The most a reply may say, in bytes.
pub const MAX_REPLY: usize = 8 * 1024;

fn signed_bytes(kind: MailKind, envelope: &Envelope) -> Vec<u8> {
    let mut out = format!("waymark mail v{MAIL_FORMAT}\0{}\0", kind.as_str()).into_bytes();
    out.extend_from_slice(&serde_json::to_vec(envelope).expect("an envelope serialises"));
    out
}

fn organisation_signed_bytes(kind: MailKind, person_id: Uuid, signer: &str, envelope: &Envelope) -> Vec<u8> {
    let mut out = format!("waymark mail v{ORGANISATION_MAIL_FORMAT}\0{}\0{person_id}\0{signer}\0", kind.as_str()).into_bytes();
    out.extend_from_slice(&serde_json::to_vec(envelope).expect("an envelope serialises"));
    out
}

/// Seals `plaintext` to one of `person_id`'s certified devices and signs it as `sender`, a
/// member of the organisation's roster.
pub fn seal_organisation_mail(
    sender: &IdentityKeys,
    person_id: Uuid,
    to_device: &mut EnvelopeSealer<'_>,
    kind: MailKind,
    header: EnvelopeHeader,
    plaintext: &[u8],
) -> Result<Mail> {
    let envelope = to_device.seal(header, plaintext)?;
    let signer = sender.public().signing.clone();
    let signature = b64::encode(&sender.sign(&organisation_signed_bytes(kind, person_id, &signer, &envelope)));
    Ok(Mail { format: ORGANISATION_MAIL_FORMAT, kind, envelope, person_id: Some(person_id), signer: Some(signer), signature })
}

/// What a device checks its mail against.
pub enum Trust<'a> {
    /// A connection made before rosters: the pinned service key vouches for everything.
    ServiceKey,
    /// A connection that pins an organisation's root: plans only from someone its verified
    /// roster (none yet: nothing) lets speak for the organisation, and only for `person_id`, the
    /// person this device is approved for (none until a worker approves it: nothing).
    Roster { roster: Option<&'a RosterState>, person_id: Option<Uuid> },
}

/// Seals `plaintext` to one device (with a sealer made for that device's keys) and signs it as
/// the service.
pub fn seal_mail(
    service: &IdentityKeys,
    to_device: &mut EnvelopeSealer<'_>,
    kind: MailKind,
    header: EnvelopeHeader,
    plaintext: &[u8],
) -> Result<Mail> {
    let envelope = to_device.seal(header, plaintext)?;
    let signature = b64::encode(&service.sign(&signed_bytes(kind, &envelope)));
    Ok(Mail { format: MAIL_FORMAT, kind, envelope, person_id: None, signer: None, signature })
}

/// Checks a mailbox item came from the pinned service (format 1) or from a member of the
/// organisation's roster and for this device's person (format 2), was meant for this device, and
/// opens it. Anything unsigned, signed by another key, for another person or device, or changed
/// is refused. On a connection that pins a roster, a plan signed only by the service's key is
/// refused too: the server holds that key. [`check_mail`] then [`open_checked`], in one step.
pub fn open_mail(
    device: &mut EnvelopeOpener<'_>,
    device_id: Uuid,
    service: &PublicKeys,
    trust: &Trust<'_>,
    body: &str,
) -> Result<(MailKind, EnvelopeHeader, Zeroizing<Vec<u8>>)> {
    open_checked(device, check_mail(device_id, service, trust, body)?)
}

/// Everything [`open_mail`] checks that needs no secret key: the format, the signature and who the
/// item is for. It touches nothing but its arguments, so a device can check a page of items on
/// several cores at once and then open them in order.
pub fn check_mail(device_id: Uuid, service: &PublicKeys, trust: &Trust<'_>, body: &str) -> Result<Mail> {
    let mail: Mail = serde_json::from_str(body).map_err(|_| SyncError::Malformed("a mailbox item is damaged".into()))?;
    let signature = b64::decode("Signature", &mail.signature)?;
    match mail.format {
        MAIL_FORMAT => {
            if mail.person_id.is_some() || mail.signer.is_some() {
                return Err(SyncError::Malformed("a mailbox item is damaged".into()));
            }
            service.verify(&signed_bytes(mail.kind, &mail.envelope), &signature)?;
            // The server holds the service's key: on a roster connection it vouches for nothing
            // (a plan, or a "read" no worker sent).
            if matches!(trust, Trust::Roster { .. }) {
                return Err(SyncError::Malformed("this must be sent by someone at the organisation, not by the server".into()));
            }
            if mail.kind == MailKind::Reply {
                return Err(SyncError::Malformed("a reply must come from a worker's laptop".into()));
            }
        }
        ORGANISATION_MAIL_FORMAT => {
            let (Some(person_id), Some(signer)) = (mail.person_id, mail.signer.as_deref()) else {
                return Err(SyncError::Malformed("a mailbox item is damaged".into()));
            };
            let Trust::Roster { roster, person_id: me } = trust else {
                return Err(SyncError::Malformed("this connection has no roster to check a worker's mail against; connect again".into()));
            };
            let Some(roster) = roster else {
                return Err(SyncError::Malformed("the organisation's roster has not been read yet".into()));
            };
            let Some(holder) = roster.organisation_signer(signer) else {
                return Err(SyncError::Malformed("a mailbox item was signed by someone the organisation has not certified".into()));
            };
            // What is said about a shared record is said by a worker, from their own laptop.
            if mail.kind != MailKind::Plan && !matches!(holder, crate::roster::KeyHolder::Device(_)) {
                return Err(SyncError::Malformed("receipts and replies come only from a worker's laptop".into()));
            }
            verify_signature(signer, &organisation_signed_bytes(mail.kind, person_id, signer, &mail.envelope), &signature)?;
            let Some(me) = me else {
                return Err(SyncError::Malformed("this laptop has not been approved by a worker yet".into()));
            };
            if person_id != *me {
                return Err(SyncError::Malformed("a mailbox item was meant for someone else".into()));
            }
        }
        found => return Err(SyncError::UnsupportedVersion { what: "mail", found, supported: ORGANISATION_MAIL_FORMAT }),
    }
    if mail.envelope.header.device_id != device_id {
        return Err(SyncError::Malformed("a mailbox item was meant for another device".into()));
    }
    Ok(mail)
}

/// Opens a mailbox item that [`check_mail`] accepted.
pub fn open_checked(device: &mut EnvelopeOpener<'_>, mail: Mail) -> Result<(MailKind, EnvelopeHeader, Zeroizing<Vec<u8>>)> {
    let plain = device.open(&mail.envelope)?;
    Ok((mail.kind, mail.envelope.header, plain))
}
