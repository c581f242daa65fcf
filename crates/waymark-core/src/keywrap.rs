//! Wrapping the vault key: once under a passphrase (through Argon2id) and once under the recovery
//! code (through HKDF, since the code already carries 120 random bits). Changing the passphrase
//! re-wraps the same vault key; no record is re-encrypted.
//!
//! Format (version 2; version 1 is the same with `01` first), all integers big-endian:
//! ```text
//! passphrase wrap: 02 | 01 | memory_kib u32 | iterations u32 | parallelism u32 | salt[16] | nonce[12] | sealed key[32] | tag[16]
//! recovery wrap:   02 | 02 | salt[16] | nonce[12] | sealed key[32] | tag[16]
//! ```
//! The AEAD is AES-256-GCM; its associated data is `"waymark-wrap-v<version>" | method byte | profile id[16]`,
//! so a wrap copied onto another profile does not open, and a wrap cannot be passed off as the
//! other version. Version 2 also means the profile has an integrity state (see
//! [`crate::integrity`]): a version-2 profile without one has been tampered with. Version 1 wraps
//! (profiles made before the state existed) are still opened, and replaced at the next unlock.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
use ring::hkdf;
use zeroize::Zeroizing;

use crate::entropy::Entropy;
use crate::error::{Error, Result};
use crate::ids::ProfileId;
use crate::kdf::KdfParams;
use crate::secret::{Passphrase, RecoveryCode, VaultKey};

pub const WRAP_FORMAT_VERSION: u8 = 2;
/// The wrap format profiles were made with before the integrity state; still opened.
pub const LEGACY_WRAP_FORMAT: u8 = 1;
const METHOD_PASSPHRASE: u8 = 1;
const METHOD_RECOVERY: u8 = 2;
const SALT: usize = 16;
const NONCE: usize = 12;
const SEALED: usize = 32 + 16;

fn aad(version: u8, method: u8, profile: &ProfileId) -> Vec<u8> {
    let mut a = Vec::with_capacity(32);
    a.extend_from_slice(if version == LEGACY_WRAP_FORMAT { b"waymark-wrap-v1" } else { b"waymark-wrap-v2" });
    a.push(method);
    a.extend_from_slice(profile.as_bytes());
    a
}

fn seal_key(kek: &[u8; 32], nonce: [u8; NONCE], aad: &[u8], key: &VaultKey) -> Vec<u8> {
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, kek).expect("32-byte key"));
    let mut buf = key.expose().to_vec();
    k.seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(aad), &mut buf)
        .expect("AES-GCM seal of 32 bytes cannot fail");
    buf
}

fn open_key(kek: &[u8; 32], nonce: &[u8], aad: &[u8], sealed: &[u8]) -> Option<VaultKey> {
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, kek).ok()?);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let mut buf = Zeroizing::new(sealed.to_vec());
    let plain = k.open_in_place(nonce, Aad::from(aad), &mut buf).ok()?;
    let mut bytes = [0u8; 32];
    bytes.copy_from_slice(plain);
    Some(VaultKey::from_bytes(bytes))
}

/// A fresh salt and nonce for one wrap.
fn fresh_salt_and_nonce(entropy: &dyn Entropy) -> ([u8; SALT], [u8; NONCE]) {
    let mut salt = [0u8; SALT];
    let mut nonce = [0u8; NONCE];
    entropy.fill(&mut salt);
    entropy.fill(&mut nonce);
    (salt, nonce)
}

/// Checks a wrap's version, method and length before anything else reads it.
fn check_header(wrap: &[u8], method: u8, len: usize) -> Result<()> {
    if wrap.first().is_some_and(|v| *v != WRAP_FORMAT_VERSION && *v != LEGACY_WRAP_FORMAT) {
        return Err(Error::UnsupportedVersion {
            what: crate::error::Format::KeyWrap,
            found: wrap[0] as u32,
            supported: WRAP_FORMAT_VERSION as u32,
        });
    }
    if wrap.len() != len || wrap[1] != method {
        return Err(Error::DamagedKey);
    }
    Ok(())
}

/// Wraps `key` under a passphrase. Each wrap draws a fresh salt and nonce.
pub fn wrap_with_passphrase(
    key: &VaultKey,
    passphrase: &Passphrase,
    params: KdfParams,
    profile: &ProfileId,
    entropy: &dyn Entropy,
) -> Result<Vec<u8>> {
    let (salt, nonce) = fresh_salt_and_nonce(entropy);
    let kek = params.derive(passphrase, &salt)?;
    let mut out = Vec::with_capacity(2 + 12 + SALT + NONCE + SEALED);
    out.push(WRAP_FORMAT_VERSION);
    out.push(METHOD_PASSPHRASE);
    out.extend_from_slice(&params.memory_kib.to_be_bytes());
    out.extend_from_slice(&params.iterations.to_be_bytes());
    out.extend_from_slice(&params.parallelism.to_be_bytes());
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&seal_key(&kek, nonce, &aad(WRAP_FORMAT_VERSION, METHOD_PASSPHRASE, profile), key));
    Ok(out)
}

/// The Argon2id parameters recorded in a passphrase wrap.
pub fn passphrase_wrap_params(wrap: &[u8]) -> Result<KdfParams> {
    check_header(wrap, METHOD_PASSPHRASE, 2 + 12 + SALT + NONCE + SEALED)?;
    let u = |i: usize| u32::from_be_bytes(wrap[i..i + 4].try_into().expect("4 bytes"));
    Ok(KdfParams { memory_kib: u(2), iterations: u(6), parallelism: u(10) })
}

pub fn unwrap_with_passphrase(
    wrap: &[u8],
    passphrase: &Passphrase,
    profile: &ProfileId,
) -> Result<VaultKey> {
    let params = passphrase_wrap_params(wrap)?;
    let salt = &wrap[14..14 + SALT];
    let nonce = &wrap[14 + SALT..14 + SALT + NONCE];
    let sealed = &wrap[14 + SALT + NONCE..];
    let kek = params.derive(passphrase, salt)?;
    open_key(&kek, nonce, &aad(wrap[0], METHOD_PASSPHRASE, profile), sealed).ok_or(Error::WrongPassphrase)
}

fn recovery_kek(code: &RecoveryCode, salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(code.expose());
    let okm = prk
        .expand(&[b"waymark recovery wrap v1"], hkdf::HKDF_SHA256)
        .expect("HKDF output of one hash length");
    let mut kek = Zeroizing::new([0u8; 32]);
    okm.fill(&mut kek[..]).expect("32 bytes");
    kek
}

pub fn wrap_with_recovery_code(
    key: &VaultKey,
    code: &RecoveryCode,
    profile: &ProfileId,
    entropy: &dyn Entropy,
) -> Vec<u8> {
    let (salt, nonce) = fresh_salt_and_nonce(entropy);
    let kek = recovery_kek(code, &salt);
    let mut out = Vec::with_capacity(2 + SALT + NONCE + SEALED);
    out.push(WRAP_FORMAT_VERSION);
    out.push(METHOD_RECOVERY);
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&seal_key(&kek, nonce, &aad(WRAP_FORMAT_VERSION, METHOD_RECOVERY, profile), key));
    out
}

pub fn unwrap_with_recovery_code(
    wrap: &[u8],
    code: &RecoveryCode,
    profile: &ProfileId,
) -> Result<VaultKey> {
    check_header(wrap, METHOD_RECOVERY, 2 + SALT + NONCE + SEALED)?;
    let salt = &wrap[2..2 + SALT];
    let nonce = &wrap[2 + SALT..2 + SALT + NONCE];
    let kek = recovery_kek(code, salt);
    open_key(&kek, nonce, &aad(wrap[0], METHOD_RECOVERY, profile), &wrap[2 + SALT + NONCE..])
        .ok_or(Error::WrongRecoveryCode)
}

/// The format a stored wrap was made in (1 or 2), read before it is opened.
pub fn wrap_format(wrap: &[u8]) -> Option<u8> {
    wrap.first().copied()
}
