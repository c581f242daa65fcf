//! Deletion: when a person withdraws consent, their device asks the service to delete what it
//! holds of that kind from them, and the service answers at once with a signed receipt.
//!
//! The HTTP server deliberately never holds the service's main secret (it cannot open envelopes
//! or sign plans). It signs receipts with a separate Ed25519 receipt key, which the main key
//! certified when the service was set up; the device checks the certificate against the main key
//! it pinned from the invite, then the receipt against the certified key. A stolen receipt key
//! could forge receipts, and nothing more, and only until its certificate runs out: the
//! certificate names its end ([`RECEIPT_KEY_DAYS`] after it was made), and devices refuse a
//! receipt signed by a key whose certificate has ended. The operator renews it with the main key
//! (`waymark-service renew-receipt-key`).

use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::b64;
use crate::error::{Result, SyncError};
use crate::keys::{IdentityKeys, PublicKeys};

/// Format 2: receipts carry the end of their key's certificate, which the certificate signs.
pub const DELETION_FORMAT: u32 = 2;
/// How long a receipt key's certificate lasts from when it is made.
pub const RECEIPT_KEY_DAYS: i64 = 365;
/// At most this many records in one request.
pub const MAX_RECORDS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeletionRequest {
    pub format: u32,
    pub request_id: Uuid,
    /// Everything of this kind that this device sent…
    pub record_kind: String,
    /// …or only these records, when not empty.
    #[serde(default)]
    pub record_ids: Vec<Uuid>,
}

/// What the receipt says, in the order it is signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeletionFacts {
    pub request_id: Uuid,
    pub device_id: Uuid,
    pub record_kind: String,
    pub record_ids: Vec<Uuid>,
    /// How many envelopes were deleted (0 when there were none to delete).
    pub deleted: u32,
    /// Unix seconds.
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeletionReceipt {
    pub format: u32,
    #[serde(flatten)]
    pub facts: DeletionFacts,
    /// The receipt key (Ed25519, base64), the main key's certificate for it, and when that
    /// certificate ends (Unix seconds).
    pub receipt_key: String,
    pub key_certificate: String,
    pub key_expires_at: i64,
    pub signature: String,
}

fn certificate_bytes(receipt_key: &[u8], expires_at: i64) -> Vec<u8> {
    let mut out = b"waymark receipt key v2\0".to_vec();
    out.extend_from_slice(receipt_key);
    out.extend_from_slice(&expires_at.to_be_bytes());
    out
}

fn receipt_bytes(facts: &DeletionFacts) -> Vec<u8> {
    let mut out = format!("waymark deletion receipt v{DELETION_FORMAT}\0").into_bytes();
    out.extend_from_slice(&serde_json::to_vec(facts).expect("facts serialise"));
    out
}

/// The server's receipt key with its certificate. Derives nothing that could print the key.
pub struct ReceiptSigner {
    key: Ed25519KeyPair,
    public: String,
    certificate: String,
    expires_at: i64,
}

impl ReceiptSigner {
    /// From the receipt key's 32-byte seed and the certificate made for it, which ends at
    /// `expires_at`.
    pub fn new(seed: &[u8], certificate: &str, expires_at: i64) -> Result<ReceiptSigner> {
        let key = Ed25519KeyPair::from_seed_unchecked(seed).map_err(|_| SyncError::Malformed("the receipt key is not valid".into()))?;
        let public = b64::encode(key.public_key().as_ref());
        Ok(ReceiptSigner { key, public, certificate: certificate.to_string(), expires_at })
    }

    /// The main key's certificate for a receipt key, ending at `expires_at` (made at set-up and
    /// at each renewal, with the passphrase).
    pub fn certify(service: &IdentityKeys, receipt_seed: &[u8], expires_at: i64) -> Result<String> {
        let key = Ed25519KeyPair::from_seed_unchecked(receipt_seed).map_err(|_| SyncError::Malformed("the receipt key is not valid".into()))?;
        Ok(b64::encode(&service.sign(&certificate_bytes(key.public_key().as_ref(), expires_at))))
    }

    /// When this key's certificate ends: after it, devices refuse its receipts.
    pub fn expires_at(&self) -> i64 {
        self.expires_at
    }

    pub fn sign(&self, facts: DeletionFacts) -> DeletionReceipt {
        let signature = b64::encode(self.key.sign(&receipt_bytes(&facts)).as_ref());
        DeletionReceipt {
            format: DELETION_FORMAT,
            facts,
            receipt_key: self.public.clone(),
            key_certificate: self.certificate.clone(),
            key_expires_at: self.expires_at,
            signature,
        }
    }
}

impl DeletionReceipt {
    /// Checks the receipt answers `request` from `device_id` and was signed, before `now`'s
    /// end of its certificate, by a receipt key that the pinned service key certified.
    pub fn verify(&self, service: &PublicKeys, request: &DeletionRequest, device_id: Uuid, now: i64) -> Result<()> {
        if self.format != DELETION_FORMAT {
            return Err(SyncError::UnsupportedVersion { what: "deletion_receipt", found: self.format, supported: DELETION_FORMAT });
        }
        let receipt_key: [u8; 32] = b64::decode_array("Receipt key", &self.receipt_key)?;
        service.verify(&certificate_bytes(&receipt_key, self.key_expires_at), &b64::decode("Key certificate", &self.key_certificate)?)?;
        if self.key_expires_at <= now {
            return Err(SyncError::ReceiptKeyExpired);
        }
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, receipt_key)
            .verify(&receipt_bytes(&self.facts), &b64::decode("Signature", &self.signature)?)
            .map_err(|_| SyncError::BadSignature)?;
        if self.facts.request_id != request.request_id
            || self.facts.device_id != device_id
            || self.facts.record_kind != request.record_kind
            || self.facts.record_ids != request.record_ids
        {
            return Err(SyncError::Malformed("the receipt does not answer this request".into()));
        }
        Ok(())
    }
}
