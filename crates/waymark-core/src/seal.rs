//! Sealing records: AES-256-GCM (from `ring`) under keys derived from the vault key.
//!
//! Record keys are derived per *key id*: `K = HKDF-Expand-SHA256(PRK = vault key,
//! info = "waymark record key v1" | key id, 32)`. An unlocked session draws a fresh random 128-bit
//! key id, uses that key for at most 2^24 seals with a fresh random 96-bit nonce each, then draws
//! another. The vault key is 32 uniformly random bytes, so it is a valid HKDF pseudorandom key
//! and HKDF-Extract is skipped. Why no nonce repeats under one key is set out in `docs/CRYPTO.md`.
//!
//! The associated data binds the profile, the record id, its kind and its version, so a
//! ciphertext moved to another record, kind, version or profile fails to open.
//!
//! Envelope (version 1): `01 | key id[16] | nonce[12] | ciphertext | tag[16]`.
//! Associated data: `"waymark-record-v1" | profile id[16] | record id[16] | len(kind) u8 | kind | version u32`
//! (big-endian). `docs/CRYPTO.md` has a test vector.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
use ring::hkdf;

use crate::entropy::Entropy;
use crate::error::{Error, Result};
use crate::ids::{ProfileId, RecordId};
use crate::secret::VaultKey;

pub const ENVELOPE_VERSION: u8 = 1;
const KEY_ID: usize = 16;
const NONCE: usize = 12;
/// Seals under one record key before a new key id is drawn. Random 96-bit nonces collide with
/// probability at most n²/2^97; for n = 2^24 that is below 2^-48 per key.
pub const MAX_SEALS_PER_KEY: u32 = 1 << 24;
const HEADER: usize = 1 + KEY_ID + NONCE;
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

/// The vault key prepared for sealing: the HKDF state keyed by the vault key, the key id this
/// session seals under, and the record keys already derived (so reading many records derives
/// each key once).
///
/// Derives nothing (no Debug, Clone or Serialize). `ring` does not zero its key state on drop;
/// that state lives only while the profile is unlocked.
pub struct RecordSealer {
    prk: hkdf::Prk,
    current: Mutex<Option<CurrentKey>>,
    keys: Mutex<HashMap<[u8; KEY_ID], Arc<LessSafeKey>>>,
}

struct CurrentKey {
    id: [u8; KEY_ID],
    key: Arc<LessSafeKey>,
    seals: u32,
}

/// Bounds the cache of derived keys; past this it starts again (keys are cheap to re-derive).
const KEY_CACHE_LIMIT: usize = 4096;

impl RecordSealer {
    pub fn new(vault_key: &VaultKey) -> Self {
        RecordSealer {
            prk: hkdf::Prk::new_less_safe(hkdf::HKDF_SHA256, vault_key.expose()),
            current: Mutex::new(None),
            keys: Mutex::new(HashMap::new()),
        }
    }

    fn derive(&self, key_id: &[u8]) -> LessSafeKey {
        let info: [&[u8]; 2] = [b"waymark record key v1", key_id];
        let okm = self.prk.expand(&info, &AES_256_GCM).expect("HKDF output of one key length");
        LessSafeKey::new(UnboundKey::from(okm))
    }

    fn key_for(&self, key_id: &[u8; KEY_ID]) -> Arc<LessSafeKey> {
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(k) = keys.get(key_id) {
            return k.clone();
        }
        if keys.len() >= KEY_CACHE_LIMIT {
            keys.clear();
        }
        let k = Arc::new(self.derive(key_id));
        keys.insert(*key_id, k.clone());
        k
    }

    /// Seals `plaintext` for the record described by `binding`, under this session's current key
    /// and a fresh random nonce.
    pub fn seal(&self, binding: RecordBinding<'_>, plaintext: &[u8], entropy: &dyn Entropy) -> Vec<u8> {
        let (key_id, key) = {
            let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
            if current.as_ref().is_none_or(|c| c.seals >= MAX_SEALS_PER_KEY) {
                let mut id = [0u8; KEY_ID];
                entropy.fill(&mut id);
                *current = Some(CurrentKey { id, key: self.key_for(&id), seals: 0 });
            }
            let c = current.as_mut().expect("set above");
            c.seals += 1;
            (c.id, c.key.clone())
        };
        let mut nonce = [0u8; NONCE];
        entropy.fill(&mut nonce);
        seal_with(&key, &key_id, nonce, binding, plaintext)
    }

    /// Seals with a given key id and nonce. Only for the documented test vector: a caller that
    /// chose nonces itself could repeat one.
    pub fn seal_with_key_id_and_nonce(
        &self,
        key_id: [u8; KEY_ID],
        nonce: [u8; NONCE],
        binding: RecordBinding<'_>,
        plaintext: &[u8],
    ) -> Vec<u8> {
        seal_with(&self.derive(&key_id), &key_id, nonce, binding, plaintext)
    }

    /// Opens an envelope. Any change to it, or a binding that differs from the one it was sealed
    /// with, gives [`Error::Integrity`].
    pub fn open(&self, binding: RecordBinding<'_>, envelope: &[u8]) -> Result<zeroize::Zeroizing<Vec<u8>>> {
        let integrity = || Error::Integrity { record_id: *binding.record };
        if envelope.len() < HEADER + TAG || envelope[0] != ENVELOPE_VERSION {
            return Err(integrity());
        }
        let key_id: [u8; KEY_ID] = envelope[1..1 + KEY_ID].try_into().expect("length checked");
        let nonce = Nonce::try_assume_unique_for_key(&envelope[1 + KEY_ID..HEADER]).map_err(|_| integrity())?;
        let key = self.key_for(&key_id);
        let mut buf = zeroize::Zeroizing::new(envelope[HEADER..].to_vec());
        let len = key
            .open_in_place(nonce, Aad::from(binding.associated_data()), &mut buf)
            .map_err(|_| integrity())?
            .len();
        buf.truncate(len);
        Ok(buf)
    }
}

fn seal_with(
    key: &LessSafeKey,
    key_id: &[u8; KEY_ID],
    nonce: [u8; NONCE],
    binding: RecordBinding<'_>,
    plaintext: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + plaintext.len() + TAG);
    out.push(ENVELOPE_VERSION);
    out.extend_from_slice(key_id);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plaintext);
    let tag = key
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(binding.associated_data()),
            &mut out[HEADER..],
        )
        .expect("AES-GCM seal within size limits cannot fail");
    out.extend_from_slice(tag.as_ref());
    out
}

/// Seals `plaintext` for the record described by `binding`.
pub fn seal_record(
    vault_key: &VaultKey,
    binding: RecordBinding<'_>,
    plaintext: &[u8],
    entropy: &dyn Entropy,
) -> Vec<u8> {
    RecordSealer::new(vault_key).seal(binding, plaintext, entropy)
}

/// Opens an envelope made by [`seal_record`].
pub fn open_record(
    vault_key: &VaultKey,
    binding: RecordBinding<'_>,
    envelope: &[u8],
) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    RecordSealer::new(vault_key).open(binding, envelope)
}
