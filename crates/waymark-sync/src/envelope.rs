//! A shared record sealed for its recipient with HPKE (RFC 9180, base mode, DHKEM(X25519,
//! HKDF-SHA256), HKDF-SHA256). The header travels in the clear so the service can file it; every
//! header field is bound in as associated data, so a service (or anyone on the way) that moves a
//! ciphertext to another record, kind, version or device makes it unopenable.
//!
//! Format 2 (written): one HPKE key exchange serves a group of up to [`SEALS_PER_KEY`]
//! envelopes. HPKE runs in export-only mode; the exported secret keys ChaCha20-Poly1305, and each
//! envelope's nonce is its sequence number in the group, so no nonce repeats under a key. The
//! envelopes of a group share their `enc`, which lets a receiver do the key exchange once.
//! Format 3 is format 2 with an `urgent` flag in the header ("I don't feel safe"), which the
//! service can see and bound in like every header field, so it cannot be set or cleared on the
//! way. Only an urgent envelope is written as format 3; every other is written as format 2, byte
//! for byte as before, so apps that predate the flag still read what the service sends them.
//! Format 4 is for several readers (the workers a young person chose, and the duty team when it
//! is urgent): the group key is random, and the envelope carries it sealed with HPKE to each
//! reading device (`recipients`, one entry per device, shared by the envelopes of a group). The
//! list is bound into every envelope of the group, so a reader knows who else it went to and no
//! one on the way can add or swap an entry without the envelope failing to open.
//! Format 1 (still read): one single-shot HPKE seal per envelope with ChaCha20-Poly1305.
//! This module must never reuse a group key beyond [`SEALS_PER_KEY`] or let a caller pick a
//! nonce.

use std::collections::HashMap;

use hpke::aead::{ChaCha20Poly1305, ExportOnlyAead};
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, OpModeR, OpModeS, Serializable};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use waymark_core::Entropy;
use zeroize::Zeroizing;

use crate::b64;
use crate::error::{Result, SyncError};
use crate::keys::{IdentityKeys, PublicKeys};

/// The newest envelope format this build reads: sealed to several devices at once.
pub const ENVELOPE_FORMAT: u32 = 4;
/// The format written for the workers' devices (one or more readers).
pub const READERS_FORMAT: u32 = 4;
/// The format written for an envelope that is not urgent.
const PLAIN_FORMAT: u32 = 2;
/// The first format whose header can say an envelope is urgent.
const URGENT_FORMAT: u32 = 3;
/// The oldest format this build still opens (envelopes already held by a service).
const OLDEST_FORMAT: u32 = 1;
/// HPKE's `info` for format 1: ties every envelope to this purpose and format.
const INFO_V1: &[u8] = b"waymark envelope v1";
/// HPKE's `info` for format 2.
const INFO_V2: &[u8] = b"waymark envelope v2";
/// HPKE's `info` for format 4's key seals.
const INFO_V4: &[u8] = b"waymark envelope v4 reader";
/// The most devices one envelope may be sealed to (a person's workers, and a duty team).
pub const MAX_READERS: usize = 64;
/// The exporter context naming the one secret format 2 takes from an HPKE context.
const GROUP_KEY_LABEL: &[u8] = b"waymark envelope group key";
/// How many envelopes one key exchange may serve (a batch upload holds at most 200).
pub const SEALS_PER_KEY: u32 = 256;
/// The largest plaintext sealed in one envelope (a statement or note is far smaller).
pub const MAX_PLAINTEXT: usize = 128 * 1024;
/// How many group keys an [`EnvelopeOpener`] remembers before it forgets them all.
const OPENER_CACHE: usize = 1024;

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
    /// "I don't feel safe": the service sees this (never what was written) so it can raise it
    /// at once. Only in format 3; absent means not urgent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub urgent: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: u32,
    #[serde(flatten)]
    pub header: EnvelopeHeader,
    /// HPKE's encapsulated key (base64); in format 2, shared by the envelopes of one group. Empty
    /// in format 4, where each reader has its own (see `recipients`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub enc: String,
    /// Format 4: the group key sealed to each device that may read the envelope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<ReaderSeal>,
    /// Format 2: this envelope's place in its group, which is its nonce. Absent in format 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u32>,
    /// Ciphertext with its tag (base64).
    pub ciphertext: String,
    /// The sending device's Ed25519 signature over the whole envelope (see
    /// [`Envelope::sign_as_sender`]), base64. Devices sign every envelope they send since issue
    /// 18; a reader checks it against the key the organisation's roster certified for the device
    /// the header names, so the server can neither forge an envelope nor pass one device's off
    /// as another's. Absent from envelopes sent before, and from mail (which is signed whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_signature: Option<String>,
}

/// Format 4: the group key, sealed to one reading device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReaderSeal {
    /// The device that can open this seal (its id in the organisation's roster).
    pub device_id: Uuid,
    /// HPKE's encapsulated key for that device (base64, 32 bytes).
    pub enc: String,
    /// The group key under the secret HPKE exported for that device (base64, 32 bytes and a tag).
    pub key: String,
}

/// What binds a format 4 envelope to its list of readers: every entry, in order.
fn readers_digest(recipients: &[ReaderSeal]) -> [u8; 32] {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(b"waymark envelope readers\0");
    for r in recipients {
        ctx.update(r.device_id.as_bytes());
        for part in [&r.enc, &r.key] {
            ctx.update(&(part.len() as u32).to_be_bytes());
            ctx.update(part.as_bytes());
        }
    }
    ctx.finish().as_ref().try_into().expect("SHA-256 is 32 bytes")
}

/// The associated data a reader's key seal is bound to: its purpose and the device it is for.
fn reader_seal_aad(device_id: Uuid) -> Vec<u8> {
    let mut out = b"waymark envelope reader key\0".to_vec();
    out.extend_from_slice(device_id.as_bytes());
    out
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
        if format >= URGENT_FORMAT {
            out.push(u8::from(self.urgent));
        }
        out
    }

    /// The format an envelope with this header is written in.
    fn format(&self) -> u32 {
        if self.urgent {
            URGENT_FORMAT
        } else {
            PLAIN_FORMAT
        }
    }

    pub fn validate(&self) -> Result<()> {
        check_record_kind(&self.record_kind)
    }
}

/// A record kind as every wire format names one: 1 to 40 lowercase letters or '_'.
pub fn check_record_kind(kind: &str) -> Result<()> {
    if kind.is_empty() || kind.len() > 40 || !kind.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(SyncError::Malformed("record kind must be 1 to 40 lowercase letters or '_'".into()));
    }
    Ok(())
}

/// A group key: the secret exported from one HPKE context. Never printed, copied or stored.
struct GroupKey(Zeroizing<[u8; 32]>);

impl GroupKey {
    fn aead(&self) -> LessSafeKey {
        LessSafeKey::new(
            UnboundKey::new(&CHACHA20_POLY1305, &self.0[..])
                .expect("a 32-byte ChaCha20-Poly1305 key"),
        )
    }
}

/// Format 2's nonce: four zero bytes, then the sequence number as eight big-endian bytes.
fn nonce(seq: u32) -> Nonce {
    let mut n = [0u8; 12];
    n[4..].copy_from_slice(&u64::from(seq).to_be_bytes());
    Nonce::assume_unique_for_key(n)
}

type ReceivingKey = <X25519HkdfSha256 as Kem>::PublicKey;

/// Who a sealer seals to.
enum SealTo {
    /// One key (formats 2 and 3): the service's, or one device's for its mail.
    One(ReceivingKey),
    /// Several devices by roster id (format 4).
    Readers(Vec<(Uuid, ReceivingKey)>),
}

/// One group: what goes in the envelopes' `enc` or `recipients`, its key and the next sequence
/// number.
struct Group {
    enc: String,
    recipients: Vec<ReaderSeal>,
    readers_digest: Option<[u8; 32]>,
    key: GroupKey,
    next: u32,
}

/// Seals envelopes for one recipient, or for several reading devices, one key exchange per
/// reader per [`SEALS_PER_KEY`] envelopes. Keep one for a run of sends (a device's outbox, the
/// operator's receipts to one device).
pub struct EnvelopeSealer<'a> {
    to: SealTo,
    entropy: &'a dyn Entropy,
    group: Option<Group>,
}

impl<'a> EnvelopeSealer<'a> {
    pub fn new(to: &PublicKeys, entropy: &'a dyn Entropy) -> Result<Self> {
        Ok(EnvelopeSealer {
            to: SealTo::One(to.receiving_key()?),
            entropy,
            group: None,
        })
    }

    /// Seals in format 4 so that each of `readers` (device id and keys), and only they, can open
    /// what is sealed. Refuses an empty list, more than [`MAX_READERS`] or a device named twice.
    pub fn for_readers(readers: &[(Uuid, &PublicKeys)], entropy: &'a dyn Entropy) -> Result<Self> {
        if readers.is_empty() || readers.len() > MAX_READERS {
            return Err(SyncError::Malformed(format!("a shared record goes to 1 to {MAX_READERS} devices")));
        }
        let mut to = Vec::with_capacity(readers.len());
        for (id, keys) in readers {
            if to.iter().any(|(seen, _)| seen == id) {
                return Err(SyncError::Malformed("a device is named twice among a record's readers".into()));
            }
            to.push((*id, keys.receiving_key()?));
        }
        Ok(EnvelopeSealer { to: SealTo::Readers(to), entropy, group: None })
    }

    /// The id to give an envelope for the sender's item `item`: the item's own id when sealing
    /// to one key; when sealing to readers, one derived from the item and who the readers are
    /// (in any order), so a resend to the same readers is the same envelope and a send to
    /// different readers is a new one.
    pub fn envelope_id(&self, item: Uuid) -> Uuid {
        let SealTo::Readers(readers) = &self.to else { return item };
        let mut ids: Vec<&Uuid> = readers.iter().map(|(id, _)| id).collect();
        ids.sort();
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"waymark envelope id v1\0");
        ctx.update(item.as_bytes());
        for id in ids {
            ctx.update(id.as_bytes());
        }
        let digest = ctx.finish();
        uuid::Builder::from_random_bytes(digest.as_ref()[..16].try_into().expect("16 bytes")).into_uuid()
    }

    /// Seals `plaintext` so that only the holder of the recipient's receiving key can open it.
    pub fn seal(&mut self, header: EnvelopeHeader, plaintext: &[u8]) -> Result<Envelope> {
        header.validate()?;
        if plaintext.len() > MAX_PLAINTEXT {
            return Err(SyncError::Malformed(format!(
                "a shared record may be at most {MAX_PLAINTEXT} bytes"
            )));
        }
        if self.group.as_ref().is_none_or(|g| g.next >= SEALS_PER_KEY) {
            self.group = Some(self.new_group()?);
        }
        let group = self.group.as_mut().expect("a group was just made");
        let seq = group.next;
        group.next += 1;
        let format = if group.readers_digest.is_some() { READERS_FORMAT } else { header.format() };
        let mut aad = header.associated_data(format);
        if let Some(digest) = &group.readers_digest {
            aad.extend_from_slice(digest);
        }
        let mut buf = plaintext.to_vec();
        group
            .key
            .aead()
            .seal_in_place_append_tag(nonce(seq), Aad::from(aad), &mut buf)
            .map_err(|_| SyncError::Malformed("the record could not be sealed".into()))?;
        Ok(Envelope {
            format,
            header,
            enc: group.enc.clone(),
            recipients: group.recipients.clone(),
            seq: Some(seq),
            ciphertext: b64::encode(&buf),
            sender_signature: None,
        })
    }

    fn new_group(&self) -> Result<Group> {
        match &self.to {
            SealTo::One(recipient) => {
                let (enc, secret) = hpke_export(recipient, INFO_V2, self.entropy)?;
                Ok(Group { enc, recipients: Vec::new(), readers_digest: None, key: GroupKey(secret), next: 0 })
            }
            SealTo::Readers(readers) => {
                let mut key = Zeroizing::new([0u8; 32]);
                self.entropy.fill(&mut key[..]);
                let mut recipients = Vec::with_capacity(readers.len());
                for (device_id, receiving) in readers {
                    let (enc, secret) = hpke_export(receiving, INFO_V4, self.entropy)?;
                    let mut wrapped = key.to_vec();
                    GroupKey(secret)
                        .aead()
                        .seal_in_place_append_tag(nonce(0), Aad::from(reader_seal_aad(*device_id)), &mut wrapped)
                        .map_err(|_| SyncError::Malformed("the record could not be sealed".into()))?;
                    recipients.push(ReaderSeal { device_id: *device_id, enc, key: b64::encode(&wrapped) });
                }
                let digest = readers_digest(&recipients);
                Ok(Group { enc: String::new(), recipients, readers_digest: Some(digest), key: GroupKey(key), next: 0 })
            }
        }
    }
}

/// One HPKE key exchange to `recipient` in export-only mode: the encapsulated key (base64) and
/// the 32-byte secret exported from it.
fn hpke_export(recipient: &ReceivingKey, info: &[u8], entropy: &dyn Entropy) -> Result<(String, Zeroizing<[u8; 32]>)> {
    let mut rng = EntropyRng(entropy);
    let (enc, context) = hpke::setup_sender::<ExportOnlyAead, HkdfSha256, X25519HkdfSha256, _>(&OpModeS::Base, recipient, info, &mut rng)
        .map_err(|_| SyncError::Malformed("the recipient's key cannot be sealed to".into()))?;
    let mut secret = Zeroizing::new([0u8; 32]);
    context.export(GROUP_KEY_LABEL, &mut secret[..]).expect("32 bytes is within HKDF-SHA256's reach");
    Ok((b64::encode(&enc.to_bytes()), secret))
}

/// Opens envelopes sealed to `keys`, doing each group's key exchange once.
pub struct EnvelopeOpener<'a> {
    keys: &'a IdentityKeys,
    /// This device's roster id, which picks its seal out of a format 4 envelope.
    device_id: Option<Uuid>,
    groups: HashMap<[u8; 32], GroupKey>,
}

impl<'a> EnvelopeOpener<'a> {
    pub fn new(keys: &'a IdentityKeys) -> Self {
        EnvelopeOpener { keys, device_id: None, groups: HashMap::new() }
    }

    /// An opener for a device that is also one of a format 4 envelope's readers.
    pub fn for_device(keys: &'a IdentityKeys, device_id: Uuid) -> Self {
        EnvelopeOpener { keys, device_id: Some(device_id), groups: HashMap::new() }
    }

    /// Opens one envelope. Any change to the header, sequence number, readers or ciphertext fails.
    pub fn open(&mut self, envelope: &Envelope) -> Result<Zeroizing<Vec<u8>>> {
        envelope.check_shape()?;
        // Opened in place, so the buffer holds plaintext afterwards (or, on a failed check,
        // whatever was decrypted): zeroed when dropped either way.
        let mut ciphertext = Zeroizing::new(b64::decode("ciphertext", &envelope.ciphertext)?);
        let mut aad = envelope.header.associated_data(envelope.format);
        let (enc_text, info) = if envelope.format == READERS_FORMAT {
            let me = self.device_id.ok_or(SyncError::CannotOpen)?;
            let seal = envelope.recipients.iter().find(|r| r.device_id == me).ok_or(SyncError::CannotOpen)?;
            aad.extend_from_slice(&readers_digest(&envelope.recipients));
            (&seal.enc, INFO_V4)
        } else {
            (&envelope.enc, INFO_V2)
        };
        let enc_bytes: [u8; 32] = b64::decode("enc", enc_text)?.try_into().map_err(|_| SyncError::CannotOpen)?;
        let enc = <X25519HkdfSha256 as Kem>::EncappedKey::from_bytes(&enc_bytes).map_err(|_| SyncError::CannotOpen)?;
        if envelope.format == 1 {
            return hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256>(
                &OpModeR::Base,
                self.keys.receiving_key(),
                &enc,
                INFO_V1,
                &ciphertext,
                &aad,
            )
            .map(Zeroizing::new)
            .map_err(|_| SyncError::CannotOpen);
        }
        let seq = envelope.seq.expect("check_shape requires a sequence number in format 2");
        if !self.groups.contains_key(&enc_bytes) {
            if self.groups.len() >= OPENER_CACHE {
                self.groups.clear();
            }
            let context = hpke::setup_receiver::<ExportOnlyAead, HkdfSha256, X25519HkdfSha256>(&OpModeR::Base, self.keys.receiving_key(), &enc, info)
                .map_err(|_| SyncError::CannotOpen)?;
            let mut secret = Zeroizing::new([0u8; 32]);
            context.export(GROUP_KEY_LABEL, &mut secret[..]).expect("32 bytes is within HKDF-SHA256's reach");
            let key = if envelope.format == READERS_FORMAT {
                let me = self.device_id.expect("checked above");
                let seal = envelope.recipients.iter().find(|r| r.device_id == me).expect("found above");
                let mut wrapped = Zeroizing::new(b64::decode("key", &seal.key)?);
                let opened = GroupKey(secret)
                    .aead()
                    .open_in_place(nonce(0), Aad::from(reader_seal_aad(me)), &mut *wrapped)
                    .map_err(|_| SyncError::CannotOpen)?;
                let mut key = Zeroizing::new([0u8; 32]);
                key.copy_from_slice(opened.get(..32).filter(|_| opened.len() == 32).ok_or(SyncError::CannotOpen)?);
                GroupKey(key)
            } else {
                GroupKey(secret)
            };
            self.groups.insert(enc_bytes, key);
        }
        let key = &self.groups[&enc_bytes];
        let len = key.aead().open_in_place(nonce(seq), Aad::from(aad), &mut *ciphertext).map_err(|_| SyncError::CannotOpen)?.len();
        ciphertext.truncate(len);
        Ok(ciphertext)
    }
}

/// Seals one envelope on its own (a group of one). Use an [`EnvelopeSealer`] for several.
pub fn seal_envelope(
    to: &PublicKeys,
    header: EnvelopeHeader,
    plaintext: &[u8],
    entropy: &dyn Entropy,
) -> Result<Envelope> {
    EnvelopeSealer::new(to, entropy)?.seal(header, plaintext)
}

/// Opens one envelope sealed to `keys`. Use an [`EnvelopeOpener`] for several.
pub fn open_envelope(keys: &IdentityKeys, envelope: &Envelope) -> Result<Zeroizing<Vec<u8>>> {
    EnvelopeOpener::new(keys).open(envelope)
}

impl Envelope {
    /// The devices a format 4 envelope was sealed to (empty in earlier formats). In the clear, so
    /// the service can route it; bound in, so no one can change it on the way.
    pub fn readers(&self) -> Vec<Uuid> {
        self.recipients.iter().map(|r| r.device_id).collect()
    }

    /// What the sender signs: the header exactly as it is bound in, the group's `enc`, the
    /// sequence number and a hash of the ciphertext, so nothing a reader relies on can change.
    fn sender_signed_bytes(&self) -> Vec<u8> {
        let mut out = b"waymark envelope sender v1\0".to_vec();
        let mut aad = self.header.associated_data(self.format);
        if self.format == READERS_FORMAT {
            aad.extend_from_slice(&readers_digest(&self.recipients));
        }
        out.extend_from_slice(&(aad.len() as u32).to_be_bytes());
        out.extend_from_slice(&aad);
        out.extend_from_slice(&(self.enc.len() as u32).to_be_bytes());
        out.extend_from_slice(self.enc.as_bytes());
        out.extend_from_slice(&self.seq.unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(ring::digest::digest(&ring::digest::SHA256, self.ciphertext.as_bytes()).as_ref());
        out
    }

    /// Signs the envelope as the device that sends it (the device its header names).
    pub fn sign_as_sender(&mut self, device: &IdentityKeys) {
        self.sender_signature = Some(b64::encode(&device.sign(&self.sender_signed_bytes())));
    }

    /// Checks the sender's signature with `signing_key`, the key the reader trusts for the device
    /// the header names. An unsigned envelope is refused as one.
    pub fn verify_sender(&self, signing_key: &str) -> Result<()> {
        let Some(signature) = &self.sender_signature else {
            return Err(SyncError::Malformed("this envelope is not signed by the device that sent it".into()));
        };
        let signature = b64::decode("Sender signature", signature)?;
        crate::keys::verify_signature(signing_key, &self.sender_signed_bytes(), &signature)
    }

    /// What a receiver can check without the key: version, header and field sizes. The service
    /// runs this on every upload so it never stores something no one could open.
    pub fn check_shape(&self) -> Result<()> {
        if !(OLDEST_FORMAT..=ENVELOPE_FORMAT).contains(&self.format) {
            return Err(SyncError::UnsupportedVersion {
                what: "envelope",
                found: self.format,
                supported: ENVELOPE_FORMAT,
            });
        }
        self.header.validate()?;
        if self.header.urgent && self.format < URGENT_FORMAT {
            return Err(SyncError::Malformed(
                "only a format 3 envelope can be urgent".into(),
            ));
        }
        match (self.format, self.seq) {
            (1, None) => {}
            (1, Some(_)) => {
                return Err(SyncError::Malformed(
                    "a format 1 envelope has no sequence number".into(),
                ))
            }
            (_, None) => {
                return Err(SyncError::Malformed(
                    "an envelope of format 2 or later needs its sequence number".into(),
                ))
            }
            (_, Some(seq)) if seq >= SEALS_PER_KEY => {
                return Err(SyncError::Malformed(format!(
                    "sequence number {seq} is beyond the {SEALS_PER_KEY} one key may seal"
                )))
            }
            (_, Some(_)) => {}
        }
        if self.format == READERS_FORMAT {
            if !self.enc.is_empty() || self.recipients.is_empty() || self.recipients.len() > MAX_READERS {
                return Err(SyncError::Malformed(format!("a format 4 envelope names 1 to {MAX_READERS} readers and no enc of its own")));
            }
            for (i, r) in self.recipients.iter().enumerate() {
                if self.recipients[..i].iter().any(|o| o.device_id == r.device_id) {
                    return Err(SyncError::Malformed("a device is named twice among an envelope's readers".into()));
                }
                if b64::decode("enc", &r.enc)?.len() != 32 || b64::decode("key", &r.key)?.len() != 48 {
                    return Err(SyncError::Malformed("a reader's seal has the wrong length".into()));
                }
            }
        } else {
            if !self.recipients.is_empty() {
                return Err(SyncError::Malformed("only a format 4 envelope names readers".into()));
            }
            if b64::decode("enc", &self.enc)?.len() != 32 {
                return Err(SyncError::Malformed("enc must be 32 bytes".into()));
            }
        }
        let ct = b64::decode("ciphertext", &self.ciphertext)?.len();
        if !(16..=MAX_PLAINTEXT + 16).contains(&ct) {
            return Err(SyncError::Malformed(
                "ciphertext has an impossible length".into(),
            ));
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
