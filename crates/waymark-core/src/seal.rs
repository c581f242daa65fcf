//! Sealing records: AES-256-GCM (from `ring`) under a key used for exactly one message.
//!
//! Each seal draws a fresh 128-bit salt and derives its own key,
//! `HKDF-SHA256(salt, vault key, "waymark record key v1")`, so the all-zero nonce is never used
//! twice under one key unless two seals draw the same salt (probability below 2^-64 for the first
//! 2^32 seals). The associated data binds the profile, the record id, its kind and its version, so
//! a ciphertext moved to another record, kind, version or profile fails to open.
//!
//! Envelope (version 1): `01 | salt[16] | ciphertext | tag[16]`.
//! Associated data: `"waymark-record-v1" | profile id[16] | record id[16] | len(kind) u8 | kind | version u32`
//! (big-endian). `docs/CRYPTO.md` has a test vector.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
use ring::hkdf;

use crate::entropy::Entropy;
use crate::error::{Error, Result};
use crate::ids::{ProfileId, RecordId};
use crate::secret::VaultKey;

pub const ENVELOPE_VERSION: u8 = 1;
const SALT: usize = 16;
const TAG: usize = 16;

/// What a sealed record is bound to.
#[derive(Clone, Copy, Debug)]
pub struct RecordBinding<'a> {
    pub profile: &'a ProfileId,
    pub record: &'a RecordId,
    pub kind: &'a str,
    pub version: u32,
}

impl RecordBinding<'_> {
    pub fn associated_data(&self) -> Vec<u8> {
        let mut a = Vec::with_capacity(17 + 32 + 1 + self.kind.len() + 4);
        a.extend_from_slice(b"waymark-record-v1");
        a.extend_from_slice(self.profile.as_bytes());
        a.extend_from_slice(self.record.as_bytes());
        // Kinds are short ASCII names chosen by this crate; the length prefix keeps the encoding
        // unambiguous.
        a.push(self.kind.len() as u8);
        a.extend_from_slice(self.kind.as_bytes());
        a.extend_from_slice(&self.version.to_be_bytes());
        a
    }
}

fn record_key(vault_key: &VaultKey, salt: &[u8]) -> LessSafeKey {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(vault_key.expose());
    let okm = prk
        .expand(&[b"waymark record key v1"], &AES_256_GCM)
        .expect("HKDF output of one key length");
    LessSafeKey::new(UnboundKey::from(okm))
}

/// Seals `plaintext` for the record described by `binding`.
pub fn seal_record(
    vault_key: &VaultKey,
    binding: RecordBinding<'_>,
    plaintext: &[u8],
    entropy: &dyn Entropy,
) -> Vec<u8> {
    let mut salt = [0u8; SALT];
    entropy.fill(&mut salt);
    seal_record_with_salt(vault_key, binding, plaintext, salt)
}

/// The deterministic half of [`seal_record`], public so the documented test vector can be checked.
pub fn seal_record_with_salt(
    vault_key: &VaultKey,
    binding: RecordBinding<'_>,
    plaintext: &[u8],
    salt: [u8; SALT],
) -> Vec<u8> {
    let key = record_key(vault_key, &salt);
    let mut out = Vec::with_capacity(1 + SALT + plaintext.len() + TAG);
    out.push(ENVELOPE_VERSION);
    out.extend_from_slice(&salt);
    out.extend_from_slice(plaintext);
    let mut body = out.split_off(1 + SALT);
    key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key([0u8; 12]),
        Aad::from(binding.associated_data()),
        &mut body,
    )
    .expect("AES-GCM seal within size limits cannot fail");
    out.extend_from_slice(&body);
    out
}

/// Opens an envelope made by [`seal_record`]. Any change to the envelope, or a binding that
/// differs from the one it was sealed with, gives [`Error::Integrity`].
pub fn open_record(
    vault_key: &VaultKey,
    binding: RecordBinding<'_>,
    envelope: &[u8],
) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let integrity = || Error::Integrity { record_id: *binding.record };
    if envelope.len() < 1 + SALT + TAG {
        return Err(integrity());
    }
    if envelope[0] != ENVELOPE_VERSION {
        return Err(integrity());
    }
    let key = record_key(vault_key, &envelope[1..1 + SALT]);
    let mut buf = zeroize::Zeroizing::new(envelope[1 + SALT..].to_vec());
    let len = key
        .open_in_place(
            Nonce::assume_unique_for_key([0u8; 12]),
            Aad::from(binding.associated_data()),
            &mut buf,
        )
        .map_err(|_| integrity())?
        .len();
    buf.truncate(len);
    Ok(buf)
}
