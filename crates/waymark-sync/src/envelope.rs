//! A shared record sealed for its recipient with HPKE (RFC 9180, base mode: DHKEM(X25519,
//! HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305). The header travels in the clear so the service
//! can file it; every header field is bound in as associated data, so a service (or anyone on
//! the way) that moves a ciphertext to another record, kind, version or device makes it unopenable.

use hpke::aead::ChaCha20Poly1305;
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, OpModeR, OpModeS, Serializable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use waymark_core::Entropy;
use zeroize::Zeroizing;

use crate::b64;
use crate::error::{Result, SyncError};
use crate::keys::{IdentityKeys, PublicKeys};

/// The envelope format this build writes and the newest it reads.
pub const ENVELOPE_FORMAT: u32 = 1;
/// HPKE's `info`: ties every envelope to this purpose and format.
const INFO: &[u8] = b"waymark envelope v1";
/// The largest plaintext sealed in one envelope (a statement or note is far smaller).
pub const MAX_PLAINTEXT: usize = 128 * 1024;

/// What the envelope is about. Public, but bound to the ciphertext.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeHeader {
    /// Chosen by the sender; the service stores each id once, so a resend is harmless.
    pub envelope_id: Uuid,
    /// The sending device.
    pub device_id: Uuid,
    /// `statement`, `pathway_note`, `plan`…
    pub record_kind: String,
    pub record_id: Uuid,
    pub record_version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: u32,
    #[serde(flatten)]
    pub header: EnvelopeHeader,
    /// HPKE's encapsulated key (base64).
    pub enc: String,
    /// Ciphertext with its tag (base64).
    pub ciphertext: String,
}

impl EnvelopeHeader {
    fn associated_data(&self, format: u32) -> Vec<u8> {
        let mut out = Vec::with_capacity(96 + self.record_kind.len());
        out.extend_from_slice(b"waymark envelope header\0");
        out.extend_from_slice(&format.to_be_bytes());
        out.extend_from_slice(self.envelope_id.as_bytes());
        out.extend_from_slice(self.device_id.as_bytes());
        out.extend_from_slice(&(self.record_kind.len() as u32).to_be_bytes());
        out.extend_from_slice(self.record_kind.as_bytes());
        out.extend_from_slice(self.record_id.as_bytes());
        out.extend_from_slice(&self.record_version.to_be_bytes());
        out
    }

    pub fn validate(&self) -> Result<()> {
        if self.record_kind.is_empty()
            || self.record_kind.len() > 40
            || !self.record_kind.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        {
            return Err(SyncError::Malformed("record kind must be 1 to 40 lowercase letters or '_'".into()));
        }
        Ok(())
    }
}

/// Seals `plaintext` so that only the holder of `to`'s receiving key can open it.
pub fn seal_envelope(to: &PublicKeys, header: EnvelopeHeader, plaintext: &[u8], entropy: &dyn Entropy) -> Result<Envelope> {
    header.validate()?;
    if plaintext.len() > MAX_PLAINTEXT {
        return Err(SyncError::Malformed(format!("a shared record may be at most {MAX_PLAINTEXT} bytes")));
    }
    let recipient = to.receiving_key()?;
    let mut rng = EntropyRng(entropy);
    let (enc, ciphertext) = hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256, _>(
        &OpModeS::Base,
        &recipient,
        INFO,
        plaintext,
        &header.associated_data(ENVELOPE_FORMAT),
        &mut rng,
    )
    .map_err(|_| SyncError::Malformed("the recipient's key cannot be sealed to".into()))?;
    Ok(Envelope {
        format: ENVELOPE_FORMAT,
        header,
        enc: b64::encode(&enc.to_bytes()),
        ciphertext: b64::encode(&ciphertext),
    })
}

/// Opens an envelope sealed to `keys`. Any change to the header or ciphertext fails.
pub fn open_envelope(keys: &IdentityKeys, envelope: &Envelope) -> Result<Zeroizing<Vec<u8>>> {
    envelope.check_shape()?;
    let enc_bytes = b64::decode("enc", &envelope.enc)?;
    let enc = <X25519HkdfSha256 as Kem>::EncappedKey::from_bytes(&enc_bytes).map_err(|_| SyncError::CannotOpen)?;
    let ciphertext = b64::decode("ciphertext", &envelope.ciphertext)?;
    hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256>(
        &OpModeR::Base,
        keys.receiving_key(),
        &enc,
        INFO,
        &ciphertext,
        &envelope.header.associated_data(envelope.format),
    )
    .map(Zeroizing::new)
    .map_err(|_| SyncError::CannotOpen)
}

impl Envelope {
    /// What a receiver can check without the key: version, header and field sizes. The service
    /// runs this on every upload so it never stores something no one could open.
    pub fn check_shape(&self) -> Result<()> {
        if self.format != ENVELOPE_FORMAT {
            return Err(SyncError::UnsupportedVersion { what: "envelope".into(), found: self.format, supported: ENVELOPE_FORMAT });
        }
        self.header.validate()?;
        if b64::decode("enc", &self.enc)?.len() != 32 {
            return Err(SyncError::Malformed("enc must be 32 bytes".into()));
        }
        let ct = b64::decode("ciphertext", &self.ciphertext)?.len();
        if !(16..=MAX_PLAINTEXT + 16).contains(&ct) {
            return Err(SyncError::Malformed("ciphertext has an impossible length".into()));
        }
        Ok(())
    }
}

/// HPKE asks for a `rand_core` generator; this one draws from the [`Entropy`] passed in, so the
/// caller decides where randomness comes from (the system, or a seeded stream in tests).
struct EntropyRng<'a>(&'a dyn Entropy);

impl hpke::rand_core::RngCore for EntropyRng<'_> {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.0.fill(&mut b);
        u32::from_le_bytes(b)
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.0.fill(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dst: &mut [u8]) {
        self.0.fill(dst);
    }
}

impl hpke::rand_core::CryptoRng for EntropyRng<'_> {}
