//! The service's key file: its name and public keys in the clear (so `serve` and `invite` need
//! no passphrase), and the secret half sealed with AES-256-GCM under a key from Argon2id of the
//! operator's passphrase. Only the commands that open envelopes or sign ask for the passphrase.
//! The one secret in the clear is the receipt key, certified by the main key at set-up, which
//! lets the server sign deletion receipts and nothing else.

use std::path::Path;

use serde::{Deserialize, Serialize};
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::Entropy;
use waymark_sync::deletion::ReceiptSigner;
use waymark_sync::keys::{IdentityKeys, PublicKeys, SealedSecret};
use zeroize::Zeroizing;

use crate::error::{Result, ServiceError};

/// Format 2 added when the receipt key's certificate ends. A format-1 file still loads; its
/// receipt key has no end, so devices refuse its receipts until it is renewed.
pub const KEY_FILE_FORMAT: u32 = 2;
const OLDEST_KEY_FILE_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    pub format: u32,
    /// The service's name as devices see it ("Northvale Children's Services").
    pub name: String,
    pub public: PublicKeys,
    kdf_memory_kib: u32,
    kdf_iterations: u32,
    kdf_parallelism: u32,
    salt: String,
    nonce: String,
    sealed_secret: String,
    /// The server's receipt key (an Ed25519 seed, base64). Kept in the clear on purpose: the HTTP
    /// server signs deletion receipts with it without the passphrase. It can sign nothing else.
    receipt_seed: String,
    /// The main key's certificate for the receipt key.
    receipt_certificate: String,
    /// When that certificate ends (Unix seconds; 0 in a format-1 file).
    #[serde(default)]
    receipt_expires_at: i64,
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unb64(field: &str, text: &str) -> Result<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| ServiceError::BadRequest(format!("the key file's {field} is damaged")))
}

impl KeyFile {
    /// New keys for a service, sealed under `passphrase`.
    pub fn create(name: &str, passphrase: &Passphrase, kdf: KdfParams, entropy: &dyn Entropy, now: i64) -> Result<(KeyFile, IdentityKeys)> {
        passphrase.check_strength()?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(ServiceError::BadRequest("the service's name must be 1 to 120 characters".into()));
        }
        let keys = IdentityKeys::generate(entropy);
        let sealed = SealedSecret::seal(&keys, passphrase, kdf, &associated_data(name, keys.public()), entropy)?;
        let (receipt_seed, receipt_certificate, receipt_expires_at) = new_receipt_key(&keys, entropy, now)?;
        let file = KeyFile {
            receipt_seed,
            receipt_certificate,
            receipt_expires_at,
            format: KEY_FILE_FORMAT,
            name: name.to_string(),
            public: keys.public().clone(),
            kdf_memory_kib: sealed.kdf_memory_kib,
            kdf_iterations: sealed.kdf_iterations,
            kdf_parallelism: sealed.kdf_parallelism,
            salt: sealed.salt,
            nonce: sealed.nonce,
            sealed_secret: sealed.sealed_secret,
        };
        Ok((file, keys))
    }

    /// Opens the secret half. A wrong passphrase and a changed file both fail here.
    pub fn open(&self, passphrase: &Passphrase) -> Result<IdentityKeys> {
        let sealed = SealedSecret {
            kdf_memory_kib: self.kdf_memory_kib,
            kdf_iterations: self.kdf_iterations,
            kdf_parallelism: self.kdf_parallelism,
            salt: self.salt.clone(),
            nonce: self.nonce.clone(),
            sealed_secret: self.sealed_secret.clone(),
        };
        Ok(sealed.open(passphrase, &associated_data(&self.name, &self.public), &self.public)?)
    }

    /// What the HTTP server signs deletion receipts with.
    pub fn receipt_signer(&self) -> Result<ReceiptSigner> {
        let seed = Zeroizing::new(unb64("receipt key", &self.receipt_seed)?);
        Ok(ReceiptSigner::new(&seed, &self.receipt_certificate, self.receipt_expires_at)?)
    }

    /// When the receipt key's certificate ends (0: a format-1 file's, which devices refuse).
    pub fn receipt_expires_at(&self) -> i64 {
        self.receipt_expires_at
    }

    /// A new receipt key, certified by the main key (opened with `passphrase`) for
    /// [`RECEIPT_KEY_DAYS`](waymark_sync::deletion::RECEIPT_KEY_DAYS) from `now`. The old receipt
    /// key is forgotten; receipts it signed stay valid where they were kept.
    pub fn renew_receipt_key(&mut self, passphrase: &Passphrase, entropy: &dyn Entropy, now: i64) -> Result<()> {
        let keys = self.open(passphrase)?;
        let (seed, certificate, expires_at) = new_receipt_key(&keys, entropy, now)?;
        self.receipt_seed = seed;
        self.receipt_certificate = certificate;
        self.receipt_expires_at = expires_at;
        self.format = KEY_FILE_FORMAT;
        Ok(())
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        save_new(path, &serde_json::to_vec_pretty(self).expect("a key file serialises"))
    }

    /// Writes this over the key file at `path`, whole or not at all (a new private file, then
    /// renamed over the old): the renewal of the receipt key is the one change ever made to it.
    pub fn replace(&self, path: &Path) -> Result<()> {
        let fresh = path.with_extension("renewing");
        let _ = std::fs::remove_file(&fresh);
        save_new(&fresh, &serde_json::to_vec_pretty(self).expect("a key file serialises"))?;
        std::fs::rename(&fresh, path)?;
        Ok(())
    }

    pub fn load(path: &Path) -> Result<KeyFile> {
        let bytes = std::fs::read(path).map_err(|e| {
            ServiceError::BadRequest(format!("cannot read the key file {} ({e}); run `waymark-service init` first", path.display()))
        })?;
        let file: KeyFile = serde_json::from_slice(&bytes)
            .map_err(|e| ServiceError::BadRequest(format!("the key file {} is damaged ({e})", path.display())))?;
        if !(OLDEST_KEY_FILE_FORMAT..=KEY_FILE_FORMAT).contains(&file.format) {
            return Err(waymark_sync::SyncError::UnsupportedVersion { what: "key_file", found: file.format, supported: KEY_FILE_FORMAT }.into());
        }
        file.public.validate()?;
        Ok(file)
    }
}

/// A receipt key's seed (base64), its certificate and when that ends.
fn new_receipt_key(keys: &IdentityKeys, entropy: &dyn Entropy, now: i64) -> Result<(String, String, i64)> {
    let mut seed = Zeroizing::new([0u8; 32]);
    entropy.fill(&mut seed[..]);
    let expires_at = now + waymark_sync::deletion::RECEIPT_KEY_DAYS * 86_400;
    let certificate = ReceiptSigner::certify(keys, &seed[..], expires_at)?;
    Ok((b64(&seed[..]), certificate, expires_at))
}

fn associated_data(name: &str, public: &PublicKeys) -> Vec<u8> {
    format!("waymark service key file v1\0{name}\0{}\0{}", public.signing, public.receiving).into_bytes()
}

/// Writes a new private file (owner-only), never over an existing one.
pub(crate) fn save_new(path: &Path, json: &[u8]) -> Result<()> {
    let mut f = waymark_core::documents::open_new_private(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ServiceError::Conflict(format!("{} exists already; keys are never overwritten", path.display()))
        } else {
            e.into()
        }
    })?;
    std::io::Write::write_all(&mut f, json)?;
    f.sync_all()?;
    Ok(())
}
