//! What the service sends to one device through its mailbox: a new plan version, or a receipt
//! saying a shared record was received or read. Each item is sealed with HPKE to that device's
//! key (so the mailbox holds only ciphertext) and signed with the service's Ed25519 key (so the
//! device knows it came from the service it pinned, not from whoever runs the server). Only the
//! operator's commands, which hold the service's secret key, can make one.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::b64;
use crate::envelope::{Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer};
use crate::error::{Result, SyncError};
use crate::keys::{IdentityKeys, PublicKeys};

pub const MAIL_FORMAT: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// A new version of the person's care or pathway plan (the record's JSON).
    Plan,
    /// A [`Receipt`] for something the device shared.
    Receipt,
}

impl MailKind {
    fn as_str(self) -> &'static str {
        match self {
            MailKind::Plan => "plan",
            MailKind::Receipt => "receipt",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mail {
    pub format: u32,
    pub kind: MailKind,
    pub envelope: Envelope,
    /// Ed25519 over [`signed_bytes`], base64.
    pub signature: String,
}

/// What a receipt says about one shared record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptStatus {
    Received,
    Read,
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
}

fn signed_bytes(kind: MailKind, envelope: &Envelope) -> Vec<u8> {
    let mut out = format!("waymark mail v{MAIL_FORMAT}\0{}\0", kind.as_str()).into_bytes();
    out.extend_from_slice(&serde_json::to_vec(envelope).expect("an envelope serialises"));
    out
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
    Ok(Mail { format: MAIL_FORMAT, kind, envelope, signature })
}

/// Checks a mailbox item came from the pinned service and was meant for this device, and opens
/// it. Anything unsigned, signed by another key, for another device or changed is refused.
pub fn open_mail(
    device: &mut EnvelopeOpener<'_>,
    device_id: Uuid,
    service: &PublicKeys,
    body: &str,
) -> Result<(MailKind, EnvelopeHeader, Zeroizing<Vec<u8>>)> {
    let mail: Mail = serde_json::from_str(body).map_err(|_| SyncError::Malformed("a mailbox item is damaged".into()))?;
    if mail.format != MAIL_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "mail", found: mail.format, supported: MAIL_FORMAT });
    }
    let signature = b64::decode("Signature", &mail.signature)?;
    service.verify(&signed_bytes(mail.kind, &mail.envelope), &signature)?;
    if mail.envelope.header.device_id != device_id {
        return Err(SyncError::Malformed("a mailbox item was meant for another device".into()));
    }
    let plain = device.open(&mail.envelope)?;
    Ok((mail.kind, mail.envelope.header, plain))
}
