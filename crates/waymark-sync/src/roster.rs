//! The organisation's roster: who works at the service, who it serves, and which devices are
//! theirs, as a signed, append-only, hash-chained log.
//!
//! The service stores the log and hands it out, but cannot write it: every link is signed by
//! the organisation's root key (kept off the server, on an administrator's device) or by a key
//! the root certified earlier in the same chain, and names the hash of the link before it. A
//! device pins the root's fingerprint from its invite code, checks every link it is given, and
//! remembers the head (sequence number and hash) it last accepted, so a server that rewrites,
//! reorders, drops or forks the log, or hands an old one back, is caught the next time it syncs.
//!
//! People served are listed by a stable id and role only: their names never enter the log, which
//! every enrolled device can read. Workers are listed by name and role, because a young person
//! is shown who their social worker is.
//!
//! This module must never take a key, a device or an allocation from anywhere but a verified
//! chain: a [`RosterState`] is built by [`RosterState::from_genesis`] and grown by
//! [`RosterState::apply`], both of which check signatures and authority. It also deserialises,
//! for one purpose only: a device reading back the roster it verified itself and kept sealed in
//! its vault. Never deserialise one from the network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::b64;
use crate::error::{Result, SyncError};
use crate::keys::{verify_signature, IdentityKeys, PublicKeys};

pub const ROSTER_FORMAT: u32 = 1;
/// The most links one `GET /v1/roster` answer carries; a device reads again until it has the head.
pub const ROSTER_PAGE: u32 = 1000;

pub use waymark_core::vocabulary::WorkerRole;

/// Who a person served is to the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServedRole {
    YoungPerson,
    Carer,
}

impl ServedRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ServedRole::YoungPerson => "young_person",
            ServedRole::Carer => "carer",
        }
    }

    pub fn parse(text: &str) -> Option<ServedRole> {
        [ServedRole::YoungPerson, ServedRole::Carer].into_iter().find(|r| r.as_str() == text)
    }
}

/// One change to the roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum RosterEntry {
    /// The first link, signed by the root key it names.
    Genesis { org_id: Uuid, org_name: String, root_key: String },
    /// An administrator, who may change the roster as the root can (but not add administrators).
    AddAdmin { admin_id: Uuid, name: String, signing_key: String },
    RevokeAdmin { admin_id: Uuid },
    AddWorker { worker_id: Uuid, name: String, role: WorkerRole },
    RevokeWorker { worker_id: Uuid },
    /// A worker whose laptops may change the roster as an administrator can, from the worker app
    /// (their laptop's own key signs; no key leaves it). Only the root grants or withdraws it.
    GrantAdmin { worker_id: Uuid },
    WithdrawAdmin { worker_id: Uuid },
    /// A worker's laptop; its keys sign what the worker sends and receive what is sealed to them.
    AddWorkerDevice { worker_id: Uuid, device_id: Uuid, keys: PublicKeys },
    /// Someone the service serves. No name: see the module documentation.
    AddPerson { person_id: Uuid, role: ServedRole },
    /// A person's device, approved by a worker or administrator once it has enrolled.
    CertifyDevice { person_id: Uuid, device_id: Uuid, keys: PublicKeys },
    /// A device (a person's or a worker's) that must no longer receive or sign anything.
    RevokeDevice { device_id: Uuid },
    /// `worker_id` is this person's worker in `role`; replaces any earlier worker in that role.
    Allocate { person_id: Uuid, worker_id: Uuid, role: WorkerRole },
    /// How the organisation answers "I don't feel safe": an alert not acknowledged within
    /// `acknowledge_within_minutes` goes to the next worker in `escalation`, in order.
    SetUrgentPolicy { acknowledge_within_minutes: u32, escalation: Vec<Uuid> },
}

/// What the organisation set for urgent items (see [`RosterEntry::SetUrgentPolicy`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgentPolicy {
    pub acknowledge_within_minutes: u32,
    pub escalation: Vec<Uuid>,
}

impl Default for UrgentPolicy {
    /// Until an organisation sets its own: a quarter of an hour, and no one to escalate to beyond
    /// the duty team and the allocated worker (who are alerted at once).
    fn default() -> Self {
        UrgentPolicy { acknowledge_within_minutes: 15, escalation: Vec::new() }
    }
}

/// What a link's signature covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkContent {
    pub format: u32,
    /// 0 for the genesis link, then one more each link.
    pub seq: u64,
    /// The previous link's [`RosterLink::hash`]; empty for the genesis link.
    pub prev: String,
    /// Unix seconds, as the signer's clock had it (shown, not trusted for order).
    pub at: i64,
    pub entry: RosterEntry,
    /// The Ed25519 key (base64) that signed: the root, an administrator's or a worker device's.
    pub signer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterLink {
    pub content: LinkContent,
    /// Ed25519 over [`LinkContent::signed_bytes`], base64.
    pub signature: String,
}

/// Where a chain has got to: the last link's number and hash.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterHead {
    pub seq: u64,
    pub hash: String,
}

/// Why a roster was not accepted. Each is a code the app can say in the person's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RosterProblem {
    /// The first link is not a genesis link signed by the root the invite pinned.
    WrongRoot,
    /// A link does not follow the one before it (a link dropped, reordered or changed).
    BrokenChain,
    /// The chain given does not extend the head this device last saw: the server showed it a
    /// different history (a fork).
    Forked,
    /// The server's chain is shorter than the one this device already saw (rolled back).
    RolledBack,
    /// A link's signature does not check out.
    BadSignature,
    /// A link was signed by a key with no right to make that change (unknown, revoked, or a
    /// worker's device doing an administrator's job).
    NotAuthorised,
    /// A link names something twice, or something that does not exist.
    Inconsistent,
    /// A link does not read, or is of a newer format.
    Malformed,
    /// Someone this device hears from (a worker's laptop, or the person's device) has verified a
    /// newer roster than the service will show this device: the service is holding changes back
    /// (a revocation, a new worker) from it.
    HeldBack,
}

impl RosterProblem {
    pub fn code(self) -> &'static str {
        match self {
            RosterProblem::WrongRoot => "wrong_root",
            RosterProblem::BrokenChain => "broken_chain",
            RosterProblem::Forked => "forked",
            RosterProblem::RolledBack => "rolled_back",
            RosterProblem::BadSignature => "bad_signature",
            RosterProblem::NotAuthorised => "not_authorised",
            RosterProblem::Inconsistent => "inconsistent",
            RosterProblem::Malformed => "malformed",
            RosterProblem::HeldBack => "held_back",
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            RosterProblem::WrongRoot => "it does not start from the organisation's key this device was given",
            RosterProblem::BrokenChain => "a link does not follow the one before it",
            RosterProblem::Forked => "it differs from the one this device saw before",
            RosterProblem::RolledBack => "it is older than the one this device saw before",
            RosterProblem::BadSignature => "a signature does not match",
            RosterProblem::NotAuthorised => "a change was signed by someone with no right to make it",
            RosterProblem::Inconsistent => "a change contradicts the roster before it",
            RosterProblem::Malformed => "a link is damaged or of a newer format",
            RosterProblem::HeldBack => "someone else has seen a newer one than the service shows this device",
        }
    }
}

fn refused(seq: u64, problem: RosterProblem) -> SyncError {
    SyncError::RosterRefused { seq, problem }
}

impl LinkContent {
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut out = b"waymark roster link v1\0".to_vec();
        out.extend_from_slice(&serde_json::to_vec(self).expect("a roster link serialises"));
        out
    }
}

impl RosterLink {
    /// Signs `entry` as the link after `head` (`None` for the genesis link).
    pub fn sign(keys: &IdentityKeys, head: Option<&RosterHead>, at: i64, entry: RosterEntry) -> RosterLink {
        let content = LinkContent {
            format: ROSTER_FORMAT,
            seq: head.map_or(0, |h| h.seq + 1),
            prev: head.map_or_else(String::new, |h| h.hash.clone()),
            at,
            entry,
            signer: keys.public().signing.clone(),
        };
        let signature = b64::encode(&keys.sign(&content.signed_bytes()));
        RosterLink { content, signature }
    }

    /// SHA-256 over the whole link, signature included, as the next link names it.
    pub fn hash(&self) -> String {
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"waymark roster hash v1\0");
        ctx.update(&serde_json::to_vec(self).expect("a roster link serialises"));
        b64::encode(ctx.finish().as_ref())
    }

    fn check_signature(&self) -> Result<()> {
        let seq = self.content.seq;
        let signature = b64::decode("Signature", &self.signature).map_err(|_| refused(seq, RosterProblem::Malformed))?;
        verify_signature(&self.content.signer, &self.content.signed_bytes(), &signature).map_err(|e| match e {
            SyncError::BadSignature => refused(seq, RosterProblem::BadSignature),
            _ => refused(seq, RosterProblem::Malformed),
        })
    }
}

/// The fingerprint of an organisation's root signing key, as an invite code carries it and a
/// person can read it aloud to compare: SHA-256, first 16 bytes, in groups of four hex digits.
pub fn root_fingerprint(root_signing_key: &str) -> Result<String> {
    let key: [u8; 32] = b64::decode_array("Root key", root_signing_key)?;
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(b"waymark organisation root v1\0");
    ctx.update(&key);
    let digest = ctx.finish();
    let hex: Vec<String> = digest.as_ref()[..16].chunks(2).map(|c| format!("{:02x}{:02x}", c[0], c[1])).collect();
    Ok(hex.join("-"))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Admin {
    pub name: String,
    pub signing_key: String,
    pub revoked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worker {
    pub name: String,
    pub role: WorkerRole,
    pub revoked: bool,
    /// Whether the root made this worker an administrator ([`RosterEntry::GrantAdmin`]).
    #[serde(default)]
    pub admin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub role: ServedRole,
    /// Their workers, one per role.
    pub allocations: BTreeMap<WorkerRole, Uuid>,
}

/// Why a worker was alerted to an urgent item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertReason {
    /// On the duty team.
    Duty,
    /// The person's own worker.
    Allocated,
    /// Nobody acknowledged in time, and they are next in the organisation's escalation order.
    Escalated,
}

impl AlertReason {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertReason::Duty => "duty",
            AlertReason::Allocated => "allocated",
            AlertReason::Escalated => "escalated",
        }
    }

    pub fn parse(text: &str) -> Option<AlertReason> {
        [AlertReason::Duty, AlertReason::Allocated, AlertReason::Escalated].into_iter().find(|r| r.as_str() == text)
    }
}

/// Whose a certified device is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum DeviceOwner {
    Person(Uuid),
    Worker(Uuid),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifiedDevice {
    pub owner: DeviceOwner,
    pub keys: PublicKeys,
    /// The link that certified it.
    pub certified_at_seq: u64,
    pub revoked: bool,
}

/// Who holds a signing key the roster knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum KeyHolder {
    Root,
    Admin(Uuid),
    Device(Uuid),
}

/// The roster as a verified chain leaves it. Only [`RosterState::from_genesis`] and
/// [`RosterState::apply`] make or change one; both check every link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterState {
    pub org_id: Uuid,
    pub org_name: String,
    pub root_key: String,
    pub head: RosterHead,
    admins: BTreeMap<Uuid, Admin>,
    workers: BTreeMap<Uuid, Worker>,
    people: BTreeMap<Uuid, Person>,
    devices: BTreeMap<Uuid, CertifiedDevice>,
    /// Every signing key named anywhere in the chain, revoked ones included, so none is reused.
    keys: BTreeMap<String, KeyHolder>,
    #[serde(default)]
    urgent_policy: UrgentPolicy,
}

/// The most a name in the roster may be, in characters.
const MAX_NAME: usize = 120;

fn check_name(seq: u64, name: &str) -> Result<()> {
    if name.trim().is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(refused(seq, RosterProblem::Malformed));
    }
    Ok(())
}

impl RosterState {
    /// Starts a roster from its genesis link, which must be signed by the root key whose
    /// fingerprint the device pinned.
    pub fn from_genesis(link: &RosterLink, pinned_root: &str) -> Result<RosterState> {
        let c = &link.content;
        if c.format != ROSTER_FORMAT {
            return Err(refused(c.seq, RosterProblem::Malformed));
        }
        let RosterEntry::Genesis { org_id, org_name, root_key } = &c.entry else {
            return Err(refused(c.seq, RosterProblem::WrongRoot));
        };
        if c.seq != 0 || !c.prev.is_empty() || c.signer != *root_key || root_fingerprint(root_key).ok().as_deref() != Some(pinned_root)
        {
            return Err(refused(c.seq, RosterProblem::WrongRoot));
        }
        check_name(0, org_name)?;
        link.check_signature()?;
        Ok(RosterState {
            org_id: *org_id,
            org_name: org_name.clone(),
            root_key: root_key.clone(),
            head: RosterHead { seq: 0, hash: link.hash() },
            admins: BTreeMap::new(),
            workers: BTreeMap::new(),
            people: BTreeMap::new(),
            devices: BTreeMap::new(),
            keys: BTreeMap::from([(root_key.clone(), KeyHolder::Root)]),
            urgent_policy: UrgentPolicy::default(),
        })
    }

    /// Verifies a whole chain from its genesis link.
    pub fn verify_chain(links: &[RosterLink], pinned_root: &str) -> Result<RosterState> {
        let (first, rest) = links.split_first().ok_or(refused(0, RosterProblem::WrongRoot))?;
        let mut state = RosterState::from_genesis(first, pinned_root)?;
        state.extend(rest)?;
        Ok(state)
    }

    /// Applies links that follow this state's head. The first must name the head this device
    /// already holds, or the server has shown it a different history ([`RosterProblem::Forked`]).
    pub fn extend(&mut self, links: &[RosterLink]) -> Result<()> {
        if let Some(first) = links.first() {
            if first.content.seq == self.head.seq + 1 && first.content.prev != self.head.hash {
                return Err(refused(first.content.seq, RosterProblem::Forked));
            }
        }
        for link in links {
            self.apply(link)?;
        }
        Ok(())
    }

    /// Checks one link against this state and applies it. On any refusal the state is unchanged.
    pub fn apply(&mut self, link: &RosterLink) -> Result<()> {
        let c = &link.content;
        let seq = c.seq;
        if c.format != ROSTER_FORMAT {
            return Err(refused(seq, RosterProblem::Malformed));
        }
        if seq != self.head.seq + 1 || c.prev != self.head.hash {
            return Err(refused(seq, RosterProblem::BrokenChain));
        }
        let signer = self.active_holder(&c.signer).ok_or(refused(seq, RosterProblem::NotAuthorised))?;
        link.check_signature()?;
        self.check_authority(seq, signer, &c.entry)?;
        self.change(seq, &c.entry)?;
        self.head = RosterHead { seq, hash: link.hash() };
        Ok(())
    }

    /// Who holds `key`, if it may still sign: the root, an administrator not revoked, or a
    /// worker's device not revoked whose worker is not revoked. A person's device never signs
    /// the roster.
    fn active_holder(&self, key: &str) -> Option<KeyHolder> {
        match self.keys.get(key)? {
            KeyHolder::Root => Some(KeyHolder::Root),
            KeyHolder::Admin(id) => self.admins.get(id).filter(|a| !a.revoked).map(|_| KeyHolder::Admin(*id)),
            KeyHolder::Device(id) => {
                let d = self.devices.get(id).filter(|d| !d.revoked)?;
                match d.owner {
                    DeviceOwner::Worker(w) if self.workers.get(&w).is_some_and(|w| !w.revoked) => Some(KeyHolder::Device(*id)),
                    _ => None,
                }
            }
        }
    }

    fn check_authority(&self, seq: u64, signer: KeyHolder, entry: &RosterEntry) -> Result<()> {
        let allowed = match entry {
            RosterEntry::Genesis { .. } => false,
            RosterEntry::AddAdmin { .. } | RosterEntry::RevokeAdmin { .. } | RosterEntry::GrantAdmin { .. } | RosterEntry::WithdrawAdmin { .. } => {
                signer == KeyHolder::Root
            }
            // A person's own worker approves a device they enrolled; so may the root or an
            // administrator. Any other worker's laptop may not: its approval would make the
            // person's workers seal to keys of its choosing.
            RosterEntry::CertifyDevice { person_id, .. } => match signer {
                KeyHolder::Root | KeyHolder::Admin(_) => true,
                KeyHolder::Device(device) => self.worker_of_device(device).is_some_and(|w| {
                    self.is_admin_worker(w) || self.people.get(person_id).is_some_and(|p| p.allocations.values().any(|a| *a == w))
                }),
            },
            _ => match signer {
                KeyHolder::Root | KeyHolder::Admin(_) => true,
                KeyHolder::Device(device) => self.worker_of_device(device).and_then(|w| self.workers.get(&w)).is_some_and(|w| w.admin),
            },
        };
        if allowed {
            Ok(())
        } else {
            Err(refused(seq, RosterProblem::NotAuthorised))
        }
    }

    fn new_key(&self, seq: u64, keys: &PublicKeys) -> Result<()> {
        keys.validate().map_err(|_| refused(seq, RosterProblem::Malformed))?;
        if self.keys.contains_key(&keys.signing) {
            return Err(refused(seq, RosterProblem::Inconsistent));
        }
        Ok(())
    }

    fn change(&mut self, seq: u64, entry: &RosterEntry) -> Result<()> {
        let inconsistent = || refused(seq, RosterProblem::Inconsistent);
        match entry {
            RosterEntry::Genesis { .. } => return Err(refused(seq, RosterProblem::NotAuthorised)),
            RosterEntry::AddAdmin { admin_id, name, signing_key } => {
                check_name(seq, name)?;
                b64::decode_array::<32>("Admin key", signing_key).map_err(|_| refused(seq, RosterProblem::Malformed))?;
                if self.admins.contains_key(admin_id) || self.keys.contains_key(signing_key) {
                    return Err(inconsistent());
                }
                self.admins.insert(*admin_id, Admin { name: name.clone(), signing_key: signing_key.clone(), revoked: false });
                self.keys.insert(signing_key.clone(), KeyHolder::Admin(*admin_id));
            }
            RosterEntry::RevokeAdmin { admin_id } => {
                let admin = self.admins.get_mut(admin_id).filter(|a| !a.revoked).ok_or_else(inconsistent)?;
                admin.revoked = true;
            }
            RosterEntry::AddWorker { worker_id, name, role } => {
                check_name(seq, name)?;
                if self.workers.contains_key(worker_id) || self.people.contains_key(worker_id) {
                    return Err(inconsistent());
                }
                self.workers.insert(*worker_id, Worker { name: name.clone(), role: *role, revoked: false, admin: false });
            }
            RosterEntry::RevokeWorker { worker_id } => {
                let worker = self.workers.get_mut(worker_id).filter(|w| !w.revoked).ok_or_else(inconsistent)?;
                worker.revoked = true;
            }
            RosterEntry::GrantAdmin { worker_id } => {
                let worker = self.workers.get_mut(worker_id).filter(|w| !w.revoked && !w.admin).ok_or_else(inconsistent)?;
                worker.admin = true;
            }
            RosterEntry::WithdrawAdmin { worker_id } => {
                let worker = self.workers.get_mut(worker_id).filter(|w| w.admin).ok_or_else(inconsistent)?;
                worker.admin = false;
            }
            RosterEntry::AddWorkerDevice { worker_id, device_id, keys } => {
                if !self.workers.get(worker_id).is_some_and(|w| !w.revoked) || self.devices.contains_key(device_id) {
                    return Err(inconsistent());
                }
                self.new_key(seq, keys)?;
                self.add_device(seq, *device_id, DeviceOwner::Worker(*worker_id), keys);
            }
            RosterEntry::AddPerson { person_id, role } => {
                if self.people.contains_key(person_id) || self.workers.contains_key(person_id) {
                    return Err(inconsistent());
                }
                self.people.insert(*person_id, Person { role: *role, allocations: BTreeMap::new() });
            }
            RosterEntry::CertifyDevice { person_id, device_id, keys } => {
                if !self.people.contains_key(person_id) || self.devices.contains_key(device_id) {
                    return Err(inconsistent());
                }
                self.new_key(seq, keys)?;
                self.add_device(seq, *device_id, DeviceOwner::Person(*person_id), keys);
            }
            RosterEntry::RevokeDevice { device_id } => {
                let device = self.devices.get_mut(device_id).filter(|d| !d.revoked).ok_or_else(inconsistent)?;
                device.revoked = true;
            }
            RosterEntry::Allocate { person_id, worker_id, role } => {
                let worker = self.workers.get(worker_id).filter(|w| !w.revoked).ok_or_else(inconsistent)?;
                if worker.role != *role {
                    return Err(inconsistent());
                }
                let person = self.people.get_mut(person_id).ok_or_else(inconsistent)?;
                person.allocations.insert(*role, *worker_id);
            }
            RosterEntry::SetUrgentPolicy { acknowledge_within_minutes, escalation } => {
                // At least a minute and at most a day; each escalation a worker, named once.
                let named_once = escalation.iter().enumerate().all(|(i, w)| !escalation[..i].contains(w));
                if !(1..=24 * 60).contains(acknowledge_within_minutes)
                    || escalation.len() > 50
                    || !named_once
                    || escalation.iter().any(|w| !self.workers.contains_key(w))
                {
                    return Err(inconsistent());
                }
                self.urgent_policy = UrgentPolicy { acknowledge_within_minutes: *acknowledge_within_minutes, escalation: escalation.clone() };
            }
        }
        Ok(())
    }

    fn add_device(&mut self, seq: u64, device_id: Uuid, owner: DeviceOwner, keys: &PublicKeys) {
        self.keys.insert(keys.signing.clone(), KeyHolder::Device(device_id));
        self.devices.insert(device_id, CertifiedDevice { owner, keys: keys.clone(), certified_at_seq: seq, revoked: false });
    }

    /// The devices that may receive what is sealed to `person_id`: certified and not revoked.
    pub fn devices_of_person(&self, person_id: Uuid) -> Vec<(Uuid, &PublicKeys)> {
        self.devices
            .iter()
            .filter(|(_, d)| !d.revoked && d.owner == DeviceOwner::Person(person_id))
            .map(|(id, d)| (*id, &d.keys))
            .collect()
    }

    /// The person's worker in `role`, if one is allocated and not revoked.
    pub fn allocated(&self, person_id: Uuid, role: WorkerRole) -> Option<Uuid> {
        let worker = *self.people.get(&person_id)?.allocations.get(&role)?;
        self.workers.get(&worker).filter(|w| !w.revoked).map(|_| worker)
    }

    /// The devices that may open what is sealed to `worker_id`: certified, not revoked, and the
    /// worker not revoked either.
    pub fn devices_of_worker(&self, worker_id: Uuid) -> Vec<(Uuid, &PublicKeys)> {
        if self.workers.get(&worker_id).is_none_or(|w| w.revoked) {
            return Vec::new();
        }
        self.devices
            .iter()
            .filter(|(_, d)| !d.revoked && d.owner == DeviceOwner::Worker(worker_id))
            .map(|(id, d)| (*id, &d.keys))
            .collect()
    }

    /// Whose devices a record from `person_id` is sealed to: their workers in `roles`, and when it
    /// is urgent everyone who answers it: those [`RosterState::first_alerted`] names (the duty team
    /// and their own worker) and the organisation's escalation order (so whoever an unanswered
    /// alert reaches can read what it is about). Each device once, in a stable order. Workers, not
    /// devices, are the unit: a worker's every laptop can read what is for them.
    pub fn readers_for(&self, person_id: Uuid, roles: &[WorkerRole], urgent: bool) -> Vec<(Uuid, &PublicKeys)> {
        let mut workers: Vec<Uuid> = roles.iter().filter_map(|r| self.allocated(person_id, *r)).collect();
        if urgent {
            workers.extend(self.first_alerted(Some(person_id)).into_iter().map(|(w, _)| w));
            workers.extend(self.urgent_policy.escalation.iter().copied());
        }
        let mut out: Vec<(Uuid, &PublicKeys)> = Vec::new();
        for worker in workers {
            for device in self.devices_of_worker(worker) {
                if !out.iter().any(|(id, _)| *id == device.0) {
                    out.push(device);
                }
            }
        }
        out
    }

    /// The worker whose certified, active laptop this is, if it is a worker's.
    pub fn worker_of_device(&self, device_id: Uuid) -> Option<Uuid> {
        match self.active_device(device_id)?.owner {
            DeviceOwner::Worker(w) => self.workers.get(&w).filter(|w| !w.revoked).map(|_| w),
            DeviceOwner::Person(_) => None,
        }
    }

    /// The person whose certified, active device this is, if it is a person's.
    pub fn person_of_device(&self, device_id: Uuid) -> Option<Uuid> {
        match self.active_device(device_id)?.owner {
            DeviceOwner::Person(p) => Some(p),
            DeviceOwner::Worker(_) => None,
        }
    }

    /// A device, if the roster certified it and has not revoked it.
    pub fn active_device(&self, device_id: Uuid) -> Option<&CertifiedDevice> {
        self.devices.get(&device_id).filter(|d| !d.revoked)
    }

    /// Who may speak for the organisation with `signing_key` right now (the root, an
    /// administrator, or a worker's device), if anyone.
    pub fn organisation_signer(&self, signing_key: &str) -> Option<KeyHolder> {
        self.active_holder(signing_key)
    }

    pub fn person(&self, person_id: Uuid) -> Option<&Person> {
        self.people.get(&person_id)
    }

    pub fn worker(&self, worker_id: Uuid) -> Option<&Worker> {
        self.workers.get(&worker_id)
    }

    /// Whether `worker_id` may change the roster from their laptop: made an administrator by the
    /// root, and neither that withdrawn nor the worker revoked.
    pub fn is_admin_worker(&self, worker_id: Uuid) -> bool {
        self.workers.get(&worker_id).is_some_and(|w| w.admin && !w.revoked)
    }

    pub fn people(&self) -> impl Iterator<Item = (&Uuid, &Person)> {
        self.people.iter()
    }

    pub fn workers(&self) -> impl Iterator<Item = (&Uuid, &Worker)> {
        self.workers.iter()
    }

    pub fn devices(&self) -> impl Iterator<Item = (&Uuid, &CertifiedDevice)> {
        self.devices.iter()
    }

    pub fn admins(&self) -> impl Iterator<Item = (&Uuid, &Admin)> {
        self.admins.iter()
    }

    pub fn urgent_policy(&self) -> &UrgentPolicy {
        &self.urgent_policy
    }

    /// Who is alerted at once when `person_id` (or, unknown to the roster, someone) says they do
    /// not feel safe: every duty worker, and the person's own social worker or supervising social
    /// worker, each once and only while not revoked.
    pub fn first_alerted(&self, person_id: Option<Uuid>) -> Vec<(Uuid, AlertReason)> {
        let mut out: Vec<(Uuid, AlertReason)> = self
            .workers
            .iter()
            .filter(|(_, w)| !w.revoked && w.role == WorkerRole::Duty)
            .map(|(id, _)| (*id, AlertReason::Duty))
            .collect();
        let allocated = person_id.and_then(|p| self.people.get(&p)).into_iter().flat_map(|p| {
            [WorkerRole::SocialWorker, WorkerRole::SupervisingSocialWorker].into_iter().filter_map(|r| p.allocations.get(&r).copied())
        });
        for w in allocated {
            if self.workers.get(&w).is_some_and(|w| !w.revoked) && !out.iter().any(|(id, _)| *id == w) {
                out.push((w, AlertReason::Allocated));
            }
        }
        out
    }

    /// The next worker to escalate an alert to, after those already alerted: the first in the
    /// organisation's escalation order who is neither alerted yet nor revoked.
    pub fn next_escalation(&self, already: &[Uuid]) -> Option<Uuid> {
        self.urgent_policy
            .escalation
            .iter()
            .find(|w| !already.contains(w) && self.workers.get(w).is_some_and(|w| !w.revoked))
            .copied()
    }
}

/// What another device's roster head (carried inside a sealed, signed envelope or answer, so
/// the server can neither read nor change it) says about this device's view, given this device's
/// head and the hash it verified at each link number it holds (`hash_at`). A server that shows
/// two devices different histories is caught when their heads at one number differ; one that
/// holds changes back from this device, when the other device's head is further on.
pub fn compare_heads(mine: &RosterHead, hash_at: impl Fn(u64) -> Option<String>, theirs: &RosterHead) -> std::result::Result<(), RosterProblem> {
    if theirs.seq > mine.seq {
        return Err(RosterProblem::HeldBack);
    }
    match hash_at(theirs.seq) {
        Some(hash) if hash != theirs.hash => Err(RosterProblem::Forked),
        _ => Ok(()),
    }
}

/// One page of the roster as the service hands it out (`GET /v1/roster?from=N`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterPage {
    pub format: u32,
    /// The number of the newest link the service holds (`None` before a genesis link exists).
    pub head_seq: Option<u64>,
    /// Links from number `from` on (inclusive), in order, at most [`ROSTER_PAGE`].
    pub links: Vec<RosterLink>,
}

/// Brings a device's verified roster up to date with a page from the service. `known` is what
/// this device accepted before (`None` the first time, when the page must start at genesis).
/// A page that would take the device backwards, or that does not follow its head, is refused
/// and `known` is left as it was.
pub fn advance(known: Option<&RosterState>, page: &RosterPage, pinned_root: &str) -> Result<RosterState> {
    if page.format != ROSTER_FORMAT {
        return Err(SyncError::UnsupportedVersion { what: "roster", found: page.format, supported: ROSTER_FORMAT });
    }
    let have = known.map(|k| k.head.seq);
    match (have, page.head_seq) {
        (Some(have), None) => return Err(refused(have, RosterProblem::RolledBack)),
        (Some(have), Some(head)) if head < have => return Err(refused(head, RosterProblem::RolledBack)),
        _ => {}
    }
    if page.links.iter().any(|l| page.head_seq.is_none_or(|h| l.content.seq > h)) {
        return Err(refused(0, RosterProblem::BrokenChain));
    }
    match known {
        None => RosterState::verify_chain(&page.links, pinned_root),
        Some(known) => {
            let mut next = known.clone();
            next.extend(&page.links)?;
            Ok(next)
        }
    }
}
