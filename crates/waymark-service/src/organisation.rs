//! The organisation's side of the roster, for an administrator's device: the root key file,
//! reading and checking the roster the service keeps, adding signed links to it, inviting a
//! person, approving a device they enrolled, and sending a person their plan.
//!
//! The root key lives in its own folder on the administrator's device, never in the service's
//! folder beside `serve` (the commands refuse that), and its secret half is sealed under the
//! administrator's passphrase. Everything here treats the service's database as the adversary's:
//! the roster is verified from its genesis link against the root's own key and against the head
//! this device last saw before anything is signed on top of it, and a plan is sealed only to the
//! devices the verified roster certifies for one person id, never to rows the database lists.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use waymark_core::domain::Plan;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::Entropy;
use waymark_sync::envelope::{EnvelopeHeader, EnvelopeSealer};
use waymark_sync::invite::Invite;
use waymark_sync::keys::{IdentityKeys, PublicKeys};
use waymark_sync::mail::{seal_organisation_mail, MailKind};
use waymark_sync::roster::{
    root_fingerprint, RosterEntry, RosterHead, RosterLink, RosterProblem, RosterState, ServedRole, WorkerRole, ROSTER_PAGE,
};
use waymark_sync::SyncError;

use crate::error::{Result, ServiceError};
use crate::keyfile::save_new;
use waymark_sync::keys::SealedSecret;
use crate::store::{NewInvite, ServiceStore};

pub const ROOT_KEY_FILE_FORMAT: u32 = 1;
/// The root key file's name in the administrator's folder.
pub const ROOT_KEY_FILE: &str = "organisation-root.json";
/// Where the administrator's device keeps the roster head it last saw.
pub const SEEN_HEAD_FILE: &str = "roster-head.json";

/// The organisation's root key: its id, name and public key in the clear, the secret sealed.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootKeyFile {
    pub format: u32,
    pub org_id: Uuid,
    pub org_name: String,
    pub public: PublicKeys,
    sealed: SealedSecret,
}

fn root_associated_data(org_id: Uuid, org_name: &str, public: &PublicKeys) -> Vec<u8> {
    format!("waymark organisation root key file v1\0{org_id}\0{org_name}\0{}\0{}", public.signing, public.receiving).into_bytes()
}

impl RootKeyFile {
    pub fn create(org_name: &str, passphrase: &Passphrase, kdf: KdfParams, entropy: &dyn Entropy) -> Result<(RootKeyFile, IdentityKeys)> {
        passphrase.check_strength()?;
        let org_name = org_name.trim();
        if org_name.is_empty() || org_name.chars().count() > 120 {
            return Err(ServiceError::BadRequest("the organisation's name must be 1 to 120 characters".into()));
        }
        let keys = IdentityKeys::generate(entropy);
        let org_id = random_uuid(entropy);
        let sealed = SealedSecret::seal(&keys, passphrase, kdf, &root_associated_data(org_id, org_name, keys.public()), entropy)?;
        let file = RootKeyFile { format: ROOT_KEY_FILE_FORMAT, org_id, org_name: org_name.to_string(), public: keys.public().clone(), sealed };
        Ok((file, keys))
    }

    /// Opens the secret half. A wrong passphrase and a changed file both fail here.
    pub fn open(&self, passphrase: &Passphrase) -> Result<IdentityKeys> {
        Ok(self.sealed.open(passphrase, &root_associated_data(self.org_id, &self.org_name, &self.public), &self.public)?)
    }

    /// What invite codes carry and a person can read aloud to compare.
    pub fn fingerprint(&self) -> Result<String> {
        Ok(root_fingerprint(&self.public.signing)?)
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        save_new(path, &serde_json::to_vec_pretty(self).expect("a key file serialises"))
    }

    pub fn load(path: &Path) -> Result<RootKeyFile> {
        let bytes = std::fs::read(path).map_err(|e| {
            ServiceError::BadRequest(format!(
                "cannot read the organisation's root key {} ({e}); run `waymark-service admin init` on the administrator's device first",
                path.display()
            ))
        })?;
        let file: RootKeyFile = serde_json::from_slice(&bytes)
            .map_err(|e| ServiceError::BadRequest(format!("the root key file {} is damaged ({e})", path.display())))?;
        if file.format != ROOT_KEY_FILE_FORMAT {
            return Err(SyncError::UnsupportedVersion { what: "key_file", found: file.format, supported: ROOT_KEY_FILE_FORMAT }.into());
        }
        file.public.validate()?;
        Ok(file)
    }
}

/// The administrator's folder: the root key file and the head last seen.
pub struct AdminFolder {
    pub dir: PathBuf,
}

impl AdminFolder {
    /// Refuses a folder that is (or is inside) the service's own: the root key must live apart
    /// from the server that the roster guards against.
    pub fn new(dir: &Path, service_dir: &Path) -> Result<AdminFolder> {
        let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let (admin, service) = (canon(dir), canon(service_dir));
        if admin.starts_with(&service) {
            return Err(ServiceError::BadRequest(format!(
                "the organisation's root key must not live in the service's folder ({}); give --admin-dir a folder on the administrator's device",
                service.display()
            )));
        }
        Ok(AdminFolder { dir: dir.to_path_buf() })
    }

    pub fn key_path(&self) -> PathBuf {
        self.dir.join(ROOT_KEY_FILE)
    }

    /// The head this device last saw, if it has seen one.
    pub fn seen_head(&self) -> Result<Option<RosterHead>> {
        match std::fs::read(self.dir.join(SEEN_HEAD_FILE)) {
            Ok(bytes) => Ok(Some(
                serde_json::from_slice(&bytes).map_err(|_| ServiceError::BadRequest(format!("{SEEN_HEAD_FILE} is damaged")))?,
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Remembers `head`, replacing the file in one step so a crash leaves the old one or the new.
    pub fn remember(&self, head: &RosterHead) -> Result<()> {
        let tmp = self.dir.join(format!("{SEEN_HEAD_FILE}.new"));
        let _ = std::fs::remove_file(&tmp);
        save_new(&tmp, &serde_json::to_vec(head).expect("a head serialises"))?;
        std::fs::rename(&tmp, self.dir.join(SEEN_HEAD_FILE))?;
        Ok(())
    }
}

/// Reads the whole roster the service keeps and verifies it from its genesis link against the
/// root fingerprint `pin`. With `seen`, the chain must still contain that head: a service that
/// dropped links or swapped in another history since is caught.
pub async fn read_roster<S: ServiceStore>(store: &S, pin: &str, seen: Option<&RosterHead>) -> Result<Option<RosterState>> {
    let mut links = Vec::new();
    loop {
        let page = store.roster_links(links.len() as i64, ROSTER_PAGE).await?;
        let short = page.len() < ROSTER_PAGE as usize;
        for body in page {
            let link: RosterLink = serde_json::from_str(&body)
                .map_err(|_| SyncError::RosterRefused { seq: links.len() as u64, problem: RosterProblem::Malformed })?;
            links.push(link);
        }
        if short {
            break;
        }
    }
    if links.is_empty() {
        return match seen {
            Some(seen) => Err(SyncError::RosterRefused { seq: seen.seq, problem: RosterProblem::RolledBack }.into()),
            None => Ok(None),
        };
    }
    let state = RosterState::verify_chain(&links, pin)?;
    if let Some(seen) = seen {
        let Some(link) = links.get(seen.seq as usize) else {
            return Err(SyncError::RosterRefused { seq: seen.seq, problem: RosterProblem::RolledBack }.into());
        };
        if link.hash() != seen.hash {
            return Err(SyncError::RosterRefused { seq: seen.seq, problem: RosterProblem::Forked }.into());
        }
    }
    Ok(Some(state))
}

/// Signs `entry` as the next link, checks it against the roster as this device verified it (so
/// nothing the roster would refuse is ever stored), and asks the service to keep it.
pub async fn append<S: ServiceStore>(store: &S, roster: &mut RosterState, signer: &IdentityKeys, entry: RosterEntry, now: i64) -> Result<()> {
    let link = RosterLink::sign(signer, Some(&roster.head), now, entry);
    let mut next = roster.clone();
    next.apply(&link)?;
    store.append_roster_link(link.content.seq as i64, serde_json::to_string(&link).expect("a link serialises")).await?;
    *roster = next;
    Ok(())
}

/// Starts the roster with its genesis link. Refused if the service already keeps one.
pub async fn start_roster<S: ServiceStore>(store: &S, file: &RootKeyFile, root: &IdentityKeys, now: i64) -> Result<RosterState> {
    let genesis = RosterLink::sign(
        root,
        None,
        now,
        RosterEntry::Genesis { org_id: file.org_id, org_name: file.org_name.clone(), root_key: file.public.signing.clone() },
    );
    let state = RosterState::from_genesis(&genesis, &file.fingerprint()?)?;
    store.append_roster_link(0, serde_json::to_string(&genesis).expect("a link serialises")).await?;
    Ok(state)
}

/// What an invite is made from besides the person: where the service is and who it is.
pub struct InviteDetails<'a> {
    pub service_url: &'a str,
    pub service_name: &'a str,
    pub service_fingerprint: &'a str,
    pub expires_at: i64,
}

/// An invite code for `id` (a person or a worker in the roster), checked as a device will check
/// it, so a code that would be refused is never printed.
fn organisation_invite(roster: &RosterState, id: Uuid, details: &InviteDetails<'_>, entropy: &dyn Entropy, now: i64) -> Result<Invite> {
    Ok(Invite::for_roster(details.service_url, details.service_name, details.service_fingerprint, &roster.root_key, id, details.expires_at, entropy, now)?)
}

/// Asks the service to keep `invite` (only its token's hash), with a label and role for people at
/// the service to read.
async fn keep_invite<S: ServiceStore>(store: &S, invite: &Invite, id: Uuid, label: &str, role: &str, now: i64) -> Result<()> {
    store
        .add_invite(NewInvite {
            token_hash: Invite::token_hash(&invite.token)?,
            person_id: Some(id),
            person_name: label.to_string(),
            role: role.to_string(),
            created_at: now,
            expires_at: invite.expires_at,
        })
        .await
}

/// Adds a new person to the roster (by id only) and makes their invite code. `label` is kept by
/// the service beside the invite, for people at the service to read; nothing is addressed by it.
#[allow(clippy::too_many_arguments)]
pub async fn invite_person<S: ServiceStore>(
    store: &S,
    roster: &mut RosterState,
    root: &IdentityKeys,
    label: &str,
    role: ServedRole,
    details: &InviteDetails<'_>,
    entropy: &dyn Entropy,
    now: i64,
) -> Result<(Uuid, Invite)> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 60 {
        return Err(ServiceError::BadRequest("--name must be 1 to 60 characters".into()));
    }
    let person_id = random_uuid(entropy);
    let invite = organisation_invite(roster, person_id, details, entropy, now)?;
    append(store, roster, root, RosterEntry::AddPerson { person_id, role }, now).await?;
    keep_invite(store, &invite, person_id, label, role.as_str(), now).await?;
    Ok((person_id, invite))
}

/// Makes an invite code for a worker's laptop. The worker must be in the roster; the laptop is
/// approved like anyone's (`approve_device` with the worker's id), and then signs as theirs.
pub async fn invite_worker<S: ServiceStore>(
    store: &S,
    roster: &RosterState,
    worker_id: Uuid,
    details: &InviteDetails<'_>,
    entropy: &dyn Entropy,
    now: i64,
) -> Result<Invite> {
    let worker = roster.worker(worker_id).filter(|w| !w.revoked).ok_or_else(|| ServiceError::BadRequest(format!("no worker {worker_id} in the roster")))?;
    let invite = organisation_invite(roster, worker_id, details, entropy, now)?;
    keep_invite(store, &invite, worker_id, &worker.name, "worker", now).await?;
    Ok(invite)
}

/// Approves a device that enrolled with `person_id`'s invite (a worker's id, for a worker's
/// laptop), once the person has read out the
/// code their app shows (their device's key fingerprint) and it matches the keys the service
/// holds. Only then do the device's keys enter the roster.
pub async fn approve_device<S: ServiceStore>(
    store: &S,
    roster: &mut RosterState,
    signer: &IdentityKeys,
    device_id: Uuid,
    person_id: Uuid,
    code: &str,
    now: i64,
) -> Result<()> {
    let device = store.device(device_id).await?.ok_or_else(|| ServiceError::NotFound(format!("no device {device_id} has enrolled")))?;
    if device.person_id != Some(person_id) {
        return Err(ServiceError::BadRequest(format!("device {device_id} did not enrol with the invite for person {person_id}")));
    }
    let is_worker = roster.worker(person_id).is_some();
    if roster.person(person_id).is_none() && !is_worker {
        return Err(ServiceError::BadRequest(format!("person {person_id} is not in the roster")));
    }
    let keys = PublicKeys { signing: device.signing_key, receiving: device.receiving_key };
    if !keys.matches_code(code) {
        return Err(ServiceError::BadRequest(
            "that code does not match this device's keys: ask the person to read the code their app shows again, and approve nothing until it matches".into(),
        ));
    }
    let entry = if is_worker {
        RosterEntry::AddWorkerDevice { worker_id: person_id, device_id, keys }
    } else {
        RosterEntry::CertifyDevice { person_id, device_id, keys }
    };
    append(store, roster, signer, entry, now).await
}

/// Sends a new version of a person's plan to each device the verified roster certifies for
/// `person_id`, sealed to it and signed by `sender`. Returns how many devices.
pub async fn publish_plan<S: ServiceStore>(
    store: &S,
    roster: &RosterState,
    sender: &IdentityKeys,
    person_id: Uuid,
    plan_json: &[u8],
    entropy: &dyn Entropy,
    now: i64,
) -> Result<usize> {
    if roster.organisation_signer(&sender.public().signing).is_none() {
        return Err(ServiceError::Forbidden("this key may not speak for the organisation in its roster".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(plan_json).map_err(|e| ServiceError::BadRequest(format!("the plan is not valid JSON: {e}")))?;
    let plan: Plan = serde_json::from_value(value.clone()).map_err(|e| ServiceError::BadRequest(format!("the plan is not valid: {e}")))?;
    plan.validate()?;
    if roster.person(person_id).is_none() {
        return Err(ServiceError::BadRequest(format!("person {person_id} is not in the roster")));
    }
    let devices = roster.devices_of_person(person_id);
    if devices.is_empty() {
        return Err(ServiceError::BadRequest(format!(
            "person {person_id} has no approved device yet: once they connect, approve their device with `admin approve`"
        )));
    }
    let payload = serde_json::to_vec(&value).expect("a plan serialises");
    for (device_id, keys) in &devices {
        let header = EnvelopeHeader {
            envelope_id: random_uuid(entropy),
            device_id: *device_id,
            record_kind: "plan".into(),
            record_id: plan.plan_id,
            record_version: plan.version,
            urgent: false,
        };
        let mut to_device = EnvelopeSealer::new(keys, entropy)?;
        let mail = seal_organisation_mail(sender, person_id, &mut to_device, MailKind::Plan, header, &payload)?;
        store.post_mail(*device_id, serde_json::to_string(&mail).expect("mail serialises"), now).await?;
    }
    store.audit(now, None, "publish_plan", format!("version {} to {} device(s)", plan.version, devices.len())).await?;
    Ok(devices.len())
}

/// Adds a worker (by name and role: a young person is shown who their worker is).
pub async fn add_worker<S: ServiceStore>(
    store: &S,
    roster: &mut RosterState,
    signer: &IdentityKeys,
    name: &str,
    role: WorkerRole,
    entropy: &dyn Entropy,
    now: i64,
) -> Result<Uuid> {
    let worker_id = random_uuid(entropy);
    append(store, roster, signer, RosterEntry::AddWorker { worker_id, name: name.trim().to_string(), role }, now).await?;
    Ok(worker_id)
}

pub(crate) fn random_uuid(entropy: &dyn Entropy) -> Uuid {
    let mut b = [0u8; 16];
    entropy.fill(&mut b);
    uuid::Builder::from_random_bytes(b).into_uuid()
}
