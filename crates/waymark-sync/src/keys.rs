//! Key pairs for one side of the conversation (the service, or one device): an Ed25519 key to
//! sign and an X25519 key to receive HPKE-sealed envelopes. Both come from 64 random bytes, so
//! the secret half is small, fixed-size and easy to wrap and wipe.

use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, Serializable};
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::{Deserialize, Serialize};
use waymark_core::Entropy;
use zeroize::Zeroizing;

use crate::b64;
use crate::error::{Result, SyncError};

/// The secret half: the Ed25519 seed, then the X25519 key material.
pub const SECRET_LEN: usize = 64;

/// One side's key pairs. Derives nothing that could copy or print the secret; wiped on drop.
pub struct IdentityKeys {
    secret: Zeroizing<[u8; SECRET_LEN]>,
    signing: Ed25519KeyPair,
    receiving: <X25519HkdfSha256 as Kem>::PrivateKey,
    public: PublicKeys,
}

/// The public half, as it travels (base64 in JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicKeys {
    /// Ed25519, 32 bytes.
    pub signing: String,
    /// X25519 for HPKE, 32 bytes.
    pub receiving: String,
}

impl IdentityKeys {
    pub fn generate(entropy: &dyn Entropy) -> IdentityKeys {
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        entropy.fill(&mut secret[..]);
        Self::from_secret(secret).expect("fresh random bytes make valid keys")
    }

    /// Rebuilds the key pairs from the secret bytes kept in a key file or vault.
    pub fn from_secret(secret: Zeroizing<[u8; SECRET_LEN]>) -> Result<IdentityKeys> {
        let signing = Ed25519KeyPair::from_seed_unchecked(&secret[..32])
            .map_err(|_| SyncError::Malformed("the signing key is not valid".into()))?;
        let (receiving, receiving_public) = X25519HkdfSha256::derive_keypair(&secret[32..]);
        let public = PublicKeys {
            signing: b64::encode(signing.public_key().as_ref()),
            receiving: b64::encode(&receiving_public.to_bytes()),
        };
        Ok(IdentityKeys { secret, signing, receiving, public })
    }

    /// The secret bytes, for wrapping into a key file. Never for logs or the network.
    pub fn secret(&self) -> &[u8; SECRET_LEN] {
        &self.secret
    }

    pub fn public(&self) -> &PublicKeys {
        &self.public
    }

    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.signing.sign(message).as_ref().to_vec()
    }

    pub(crate) fn receiving_key(&self) -> &<X25519HkdfSha256 as Kem>::PrivateKey {
        &self.receiving
    }
}

impl PublicKeys {
    /// A short, readable fingerprint of both keys (SHA-256, first 16 bytes, in groups of four
    /// hex digits). An invite carries it, so a device can refuse any other server's keys.
    pub fn fingerprint(&self) -> Result<String> {
        let signing: [u8; 32] = b64::decode_array("Signing key", &self.signing)?;
        let receiving: [u8; 32] = b64::decode_array("Receiving key", &self.receiving)?;
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"waymark public keys v1\0");
        ctx.update(&signing);
        ctx.update(&receiving);
        let digest = ctx.finish();
        let hex: Vec<String> = digest.as_ref()[..16].chunks(2).map(|c| format!("{:02x}{:02x}", c[0], c[1])).collect();
        Ok(hex.join("-"))
    }

    /// Whether `code`, as a person read it out and someone typed it (any case, spaces or dashes),
    /// is these keys' fingerprint. Nothing typed matches nothing.
    pub fn matches_code(&self, code: &str) -> bool {
        let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_hexdigit).map(|c| c.to_ascii_lowercase()).collect() };
        let typed = digits(code);
        !typed.is_empty() && self.fingerprint().is_ok_and(|f| digits(&f) == typed)
    }

    /// The Ed25519 signing key's 32 bytes.
    pub fn signing_key_bytes(&self) -> Result<[u8; 32]> {
        b64::decode_array("Signing key", &self.signing)
    }

    /// Checks `signature` over `message` with the signing key.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<()> {
        verify_signature(&self.signing, message, signature)
    }

    pub(crate) fn receiving_key(&self) -> Result<<X25519HkdfSha256 as Kem>::PublicKey> {
        let bytes: [u8; 32] = b64::decode_array("Receiving key", &self.receiving)?;
        <X25519HkdfSha256 as Kem>::PublicKey::from_bytes(&bytes)
            .map_err(|_| SyncError::Malformed("the receiving key is not a valid X25519 key".into()))
    }

    /// Both keys decode and have the right sizes.
    pub fn validate(&self) -> Result<()> {
        self.fingerprint()?;
        self.receiving_key()?;
        Ok(())
    }
}

/// Checks an Ed25519 `signature` over `message` with a signing key as it travels (base64).
pub fn verify_signature(signing_key: &str, message: &[u8], signature: &[u8]) -> Result<()> {
    let key: [u8; 32] = b64::decode_array("Signing key", signing_key)?;
    UnparsedPublicKey::new(&ED25519, key).verify(message, signature).map_err(|_| SyncError::BadSignature)
}

/// A key pair's secret half sealed with AES-256-GCM under a key from Argon2id of a passphrase,
/// bound to `aad` (what the file holding it says in the clear about the keys). The service's key
/// file, the organisation's root key file and a worker's laptop keep their keys like this.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedSecret {
    pub kdf_memory_kib: u32,
    pub kdf_iterations: u32,
    pub kdf_parallelism: u32,
    /// Standard base64, as the first key files were written.
    pub salt: String,
    pub nonce: String,
    pub sealed_secret: String,
}

fn std_b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn std_unb64(text: &str) -> waymark_core::Result<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).map_err(|_| waymark_core::Error::DamagedKey)
}

impl SealedSecret {
    /// Seals `keys`' secret half under `passphrase` (with `kdf`), bound to `aad`.
    pub fn seal(keys: &IdentityKeys, passphrase: &waymark_core::secret::Passphrase, kdf: waymark_core::kdf::KdfParams, aad: &[u8], entropy: &dyn Entropy) -> waymark_core::Result<SealedSecret> {
        use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
        let mut salt = [0u8; 16];
        entropy.fill(&mut salt);
        let mut nonce = [0u8; 12];
        entropy.fill(&mut nonce);
        let kek = kdf.derive(passphrase, &salt)?;
        let mut sealed = keys.secret().to_vec();
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &kek[..]).expect("32-byte key"))
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(aad), &mut sealed)
            .expect("sealing cannot fail for this size");
        Ok(SealedSecret {
            kdf_memory_kib: kdf.memory_kib,
            kdf_iterations: kdf.iterations,
            kdf_parallelism: kdf.parallelism,
            salt: std_b64(&salt),
            nonce: std_b64(&nonce),
            sealed_secret: std_b64(&sealed),
        })
    }

    /// Opens the secret half, which must be the secret of `public`. A wrong passphrase and a
    /// changed file both fail here (`wrong_passphrase`; `damaged_key` for a broken file).
    pub fn open(&self, passphrase: &waymark_core::secret::Passphrase, aad: &[u8], public: &PublicKeys) -> waymark_core::Result<IdentityKeys> {
        use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
        let kdf = waymark_core::kdf::KdfParams { memory_kib: self.kdf_memory_kib, iterations: self.kdf_iterations, parallelism: self.kdf_parallelism };
        let kek = kdf.derive(passphrase, &std_unb64(&self.salt)?)?;
        let nonce: [u8; 12] = std_unb64(&self.nonce)?.try_into().map_err(|_| waymark_core::Error::DamagedKey)?;
        let mut sealed = Zeroizing::new(std_unb64(&self.sealed_secret)?);
        let plain = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &kek[..]).expect("32-byte key"))
            .open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(aad), &mut sealed)
            .map_err(|_| waymark_core::Error::WrongPassphrase)?;
        let secret: [u8; SECRET_LEN] = plain.try_into().map_err(|_| waymark_core::Error::DamagedKey)?;
        let keys = IdentityKeys::from_secret(Zeroizing::new(secret)).map_err(|_| waymark_core::Error::DamagedKey)?;
        if keys.public() != public {
            return Err(waymark_core::Error::DamagedKey);
        }
        Ok(keys)
    }
}
