//! The audit log: who opened, answered, published or changed what, and when, written by the
//! worker's laptop that did it.
//!
//! Each laptop keeps its own chain: entry `n` names the hash of entry `n - 1`, and each is signed
//! with the laptop's key that the organisation's roster certified. The service stores the chains
//! and hands them to administrators, but cannot write them: an entry it invents has no laptop's
//! signature, one it changes no longer checks, and one it drops from the middle leaves the next
//! naming a hash nobody can find. What it can do is withhold a laptop's newest entries until that
//! laptop writes again (the next entry names the last): [`verify_chain`] reports how far each
//! laptop's chain reaches, so an administrator sees a laptop that has gone quiet.
//!
//! Entries name things by id only (the roster's person ids, envelope ids, plan ids): never a
//! name or a word anyone wrote. This module must never accept an entry whose signature it did
//! not check against a key from a verified roster.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::b64;
use crate::error::{Result, SyncError};
use crate::keys::{verify_signature, IdentityKeys};
use crate::roster::{DeviceOwner, RosterState};

pub const AUDIT_FORMAT: u32 = 1;
/// The most entries one `POST /v1/audit` carries (well inside the request body limit).
pub const AUDIT_PAGE: usize = 200;
/// The most entries one `GET /v1/audit` answer carries: an administrator's laptop reads the whole
/// log page by page, and each page is one signed request against its rate allowance.
pub const AUDIT_READ_PAGE: usize = 2000;

/// What a worker did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AuditAction {
    /// Opened something a person shared, for the first time on this laptop.
    Opened { envelope_id: Uuid, person_id: Option<Uuid> },
    /// Marked it read, acknowledged it, or replied (`read`, `acknowledged`, `replied`).
    Answered { envelope_id: Uuid, person_id: Option<Uuid>, answer: String },
    /// Published a version of a person's plan.
    PublishedPlan { person_id: Uuid, plan_id: Uuid, version: u32 },
    /// Saved a case record (one item, or a person's thread) as a document: what left the app.
    SavedCaseRecord { person_id: Option<Uuid>, items: u32 },
    /// Signed a change to the roster (the link's number and its kind, e.g. `revoke_device`).
    ChangedRoster { link_seq: u64, op: String },
    /// Made an invite code for someone in the roster.
    MadeInvite { person_id: Uuid },
    /// Published a version of the resource library.
    PublishedLibrary { version: u32 },
}

impl AuditAction {
    /// Its name, as `kind` in the JSON.
    pub fn name(&self) -> &'static str {
        match self {
            AuditAction::Opened { .. } => "opened",
            AuditAction::Answered { .. } => "answered",
            AuditAction::PublishedPlan { .. } => "published_plan",
            AuditAction::SavedCaseRecord { .. } => "saved_case_record",
            AuditAction::ChangedRoster { .. } => "changed_roster",
            AuditAction::MadeInvite { .. } => "made_invite",
            AuditAction::PublishedLibrary { .. } => "published_library",
        }
    }
}

/// What an entry's signature covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditContent {
    pub format: u32,
    /// The laptop that did it and signed this.
    pub device_id: Uuid,
    /// 0 for a laptop's first entry, then one more each entry.
    pub seq: u64,
    /// The previous entry's [`AuditEntry::hash`]; empty for the first.
    pub prev: String,
    /// Unix seconds, as the laptop's clock had it.
    pub at: i64,
    pub action: AuditAction,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub content: AuditContent,
    /// Ed25519 over [`AuditContent::signed_bytes`], base64.
    pub signature: String,
}

/// Where a laptop's chain has got to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditHead {
    pub seq: u64,
    pub hash: String,
}

impl AuditContent {
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut out = b"waymark audit entry v1\0".to_vec();
        out.extend_from_slice(&serde_json::to_vec(self).expect("an audit entry serialises"));
        out
    }
}

impl AuditEntry {
    /// Signs `action` as the entry after `head` (`None` for the laptop's first) of `device_id`.
    pub fn sign(keys: &IdentityKeys, device_id: Uuid, head: Option<&AuditHead>, at: i64, action: AuditAction) -> AuditEntry {
        let content = AuditContent {
            format: AUDIT_FORMAT,
            device_id,
            seq: head.map_or(0, |h| h.seq + 1),
            prev: head.map_or_else(String::new, |h| h.hash.clone()),
            at,
            action,
        };
        let signature = b64::encode(&keys.sign(&content.signed_bytes()));
        AuditEntry { content, signature }
    }

    /// SHA-256 over the whole entry, signature included, as the next entry names it.
    pub fn hash(&self) -> String {
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"waymark audit hash v1\0");
        ctx.update(&serde_json::to_vec(self).expect("an audit entry serialises"));
        b64::encode(ctx.finish().as_ref())
    }

    pub fn head(&self) -> AuditHead {
        AuditHead { seq: self.content.seq, hash: self.hash() }
    }

    /// Checks the signature with `signing_key` (base64 Ed25519).
    pub fn check_signature(&self, signing_key: &str) -> Result<()> {
        if self.content.format != AUDIT_FORMAT {
            return Err(SyncError::UnsupportedVersion { what: "audit", found: self.content.format, supported: AUDIT_FORMAT });
        }
        let signature = b64::decode("Signature", &self.signature)?;
        verify_signature(signing_key, &self.content.signed_bytes(), &signature)
    }
}

/// What is wrong with the part of a laptop's chain an administrator was shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum AuditProblem {
    /// Entries from `from` to `to` (inclusive) are missing: the service dropped them or holds
    /// them back.
    Missing { from: u64, to: u64 },
    /// The entry at `seq` does not carry the laptop's signature, or was changed: not shown.
    NotSigned { seq: u64 },
    /// The entry at `seq` does not follow the one before it (one of them was replaced).
    BrokenChain { seq: u64 },
    /// Entries from a device the roster never certified as a worker's laptop: none shown.
    UnknownDevice,
}

/// One laptop's chain as far as it checks out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedChain {
    pub device_id: Uuid,
    /// The worker whose laptop it is (revoked or not: what they did stays in the log).
    pub worker_id: Option<Uuid>,
    /// The entries that check out, in order.
    pub entries: Vec<AuditEntry>,
    pub problems: Vec<AuditProblem>,
}

/// Checks the entries the service gave for `device_id` against the key the verified `roster`
/// certified for it (a laptop revoked since still signed what it did before): each signed, each
/// following the one before, none missing from 0 on. Entries that do not check out are left out
/// and reported; the rest are kept, so one bad entry does not hide the others.
pub fn verify_chain(roster: &RosterState, device_id: Uuid, mut entries: Vec<AuditEntry>) -> VerifiedChain {
    let device = roster.devices().find(|(id, _)| **id == device_id).map(|(_, d)| d);
    let worker_id = match device.map(|d| d.owner) {
        Some(DeviceOwner::Worker(w)) => Some(w),
        _ => None,
    };
    let (Some(device), Some(_)) = (device, worker_id) else {
        return VerifiedChain { device_id, worker_id: None, entries: Vec::new(), problems: vec![AuditProblem::UnknownDevice] };
    };
    entries.sort_by_key(|e| e.content.seq);
    let mut problems = Vec::new();
    // Entries the laptop did not sign (or that were changed) are reported as such, not also as
    // missing: the service did hand something over at that number.
    let mut unsigned: Vec<u64> = Vec::new();
    let mut signed: Vec<AuditEntry> = Vec::new();
    for entry in entries {
        if entry.content.device_id != device_id || entry.check_signature(&device.keys.signing).is_err() {
            problems.push(AuditProblem::NotSigned { seq: entry.content.seq });
            unsigned.push(entry.content.seq);
        } else {
            signed.push(entry);
        }
    }
    let mut kept: Vec<AuditEntry> = Vec::new();
    let mut expected = 0u64;
    for entry in signed {
        let seq = entry.content.seq;
        if seq < expected {
            // A second entry at a number already seen: only one can be the laptop's, and the
            // first that checked out is kept.
            problems.push(AuditProblem::BrokenChain { seq });
            continue;
        }
        // Each run of numbers between the last kept entry and this one that nothing was handed
        // over for is missing.
        let mut from = expected;
        for n in expected..seq {
            if unsigned.contains(&n) {
                if from < n {
                    problems.push(AuditProblem::Missing { from, to: n - 1 });
                }
                from = n + 1;
            }
        }
        if from < seq {
            problems.push(AuditProblem::Missing { from, to: seq - 1 });
        }
        // The link to the entry before can be checked only when that entry is here and signed.
        let before = kept.last().filter(|k| k.content.seq + 1 == seq);
        let follows = match before {
            Some(k) => entry.content.prev == k.hash(),
            None => seq != 0 || entry.content.prev.is_empty(),
        };
        if !follows {
            problems.push(AuditProblem::BrokenChain { seq });
        }
        expected = seq + 1;
        kept.push(entry);
    }
    // In the order of the chain.
    problems.sort_by_key(|p| match p {
        AuditProblem::Missing { from, .. } => *from,
        AuditProblem::NotSigned { seq } | AuditProblem::BrokenChain { seq } => *seq,
        AuditProblem::UnknownDevice => 0,
    });
    VerifiedChain { device_id, worker_id, entries: kept, problems }
}

/// `POST /v1/audit`: entries a worker's laptop signed, in order, following what the service holds
/// for it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditUpload {
    pub format: u32,
    pub entries: Vec<AuditEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditUploaded {
    /// The number of the laptop's last entry the service now holds.
    pub head_seq: u64,
}

/// `GET /v1/audit?after=N`: entries from every laptop in the order the service received them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditRow {
    /// The service's own order, to read on from.
    pub entry_no: i64,
    pub entry: AuditEntry,
}

/// Whether `entry` may follow `last` (what the service holds for that laptop), by number and
/// hash: what an honest service checks before keeping it, so a laptop's chain has no holes.
pub fn follows(last: Option<&AuditHead>, entry: &AuditEntry) -> bool {
    match last {
        None => entry.content.seq == 0 && entry.content.prev.is_empty(),
        Some(h) => entry.content.seq == h.seq + 1 && entry.content.prev == h.hash,
    }
}
