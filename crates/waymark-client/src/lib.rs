//! The network side of sharing with a service, for a person's device and (in [`worker`]) for a
//! worker's laptop.
//!
//! - [`preview`] reads an invite code and asks the service who it is, refusing a service whose
//!   keys do not match the fingerprint in the code; [`enrol`] then makes this device's keys and
//!   enrols; the caller keeps the connection (sealed) in the vault.
//! - The organisation's roster is read and verified against the root the invite pinned
//!   ([`fetch_roster`], [`apply_roster`]); who anything is sealed to or taken from comes from it.
//! - Sending happens in three steps so the vault is never held across the network:
//!   [`prepare_sends`] (vault: check consent at that moment, seal each item with HPKE to the
//!   chosen workers' laptops, or on a connection made before rosters to the service's key),
//!   [`batches`] and [`send_batch`] (network only), [`finish_batch`] (vault: record what went
//!   and to whom, or back off). A resend after a crash is the same envelope, so the service keeps
//!   one copy of each.
//! - [`fetch_mail`] and [`apply_mail`] take plans, receipts and workers' replies, each checked
//!   against the roster (or the pinned service key, before rosters).
//!
//! Nothing here stores or logs a plaintext; what leaves the laptop is only ever an envelope.

pub mod audit_trail;
pub mod roster_admin;
pub mod worker;

use std::time::Duration;

use uuid::Uuid;
use waymark_core::connection::{Delivered, OutboxPayload, ServiceConnection};
use waymark_core::domain::consent::OutboxItem;
use waymark_core::{Entropy, Session, Timestamp, Vault};
use waymark_sync::api::{
    BatchUploadResponse, EnrolRequest, EnrolResponse, ErrorBody, ServiceInfo, BATCH_FORMAT, MAILBOX_PAGE, MAX_BATCH, MAX_BATCH_BODY,
};
use waymark_sync::envelope::{Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer};
use waymark_sync::invite::Invite;
use waymark_sync::keys::{IdentityKeys, PublicKeys, SECRET_LEN};
use waymark_sync::request::sign_request;
use waymark_sync::roster::{RosterPage, RosterState};
use zeroize::Zeroizing;

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("{0}")]
    Sync(#[from] waymark_sync::SyncError),
    #[error("{0}")]
    Vault(#[from] waymark_core::Error),
    #[error("the service could not be reached ({0}); your things stay in the outbox and will be sent later")]
    Unreachable(String),
    #[error("the service said no: {message}")]
    Refused { status: u16, code: String, message: String },
    #[error("the service's address did not prove who it is (its security certificate is not trusted on this laptop); ask the service to check its certificate, or your IT team to install your organisation's certificate authority")]
    UntrustedCertificate,
    #[error("this profile is not connected to a service yet")]
    NotConnected,
    /// A worker's laptop asked for something not sealed to it.
    #[error("{0}")]
    NotFound(String),
}

impl ClientError {
    pub fn code(&self) -> &str {
        match self {
            ClientError::Sync(e) => e.code(),
            ClientError::Vault(e) => e.code(),
            ClientError::Unreachable(_) => "unreachable",
            ClientError::Refused { code, .. } => code,
            ClientError::NotConnected => "not_connected",
            ClientError::UntrustedCertificate => "untrusted_certificate",
            ClientError::NotFound(_) => "not_found",
        }
    }
}

pub type Result<T> = std::result::Result<T, ClientError>;

/// HTTPS through rustls (with ring), trusting the public web roots and the system's store (where
/// an organisation with its own certificate authority installs it); plain HTTP only reaches
/// loopback, because invite codes refuse any other `http://` address.
/// One client for the process, so connections to the service are kept and reused, and the
/// trusted certificates are read once.
fn http() -> reqwest::Client {
    static CLIENT: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    CLIENT.get_or_init(|| reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("an HTTP client builds")).clone()
}

/// Sends a request signed by this device (`device_id`, with `keys`) to `base` + `path`, and reads
/// the service's JSON answer, or says why it refused.
async fn signed<T: serde::de::DeserializeOwned>(
    keys: &IdentityKeys,
    device_id: Uuid,
    method: reqwest::Method,
    base: &str,
    path: &str,
    now: Timestamp,
    body: Vec<u8>,
) -> Result<T> {
    let mut req = http().request(method.clone(), format!("{base}{path}"));
    if !body.is_empty() {
        req = req.header("content-type", "application/json");
    }
    for (name, value) in sign_request(keys, &device_id.to_string(), method.as_str(), path, now.0, &body) {
        req = req.header(name, value);
    }
    let res = req.body(body).send().await.map_err(unreachable)?;
    if !res.status().is_success() {
        return Err(refused(res).await);
    }
    res.json().await.map_err(|_| ClientError::Unreachable("the answer was not understood".into()))
}

async fn refused(res: reqwest::Response) -> ClientError {
    let status = res.status().as_u16();
    match res.json::<ErrorBody>().await {
        Ok(e) => ClientError::Refused { status, code: e.code, message: e.message },
        Err(_) => ClientError::Refused { status, code: "unexpected".into(), message: format!("an unexpected answer (HTTP {status})") },
    }
}

fn unreachable(e: reqwest::Error) -> ClientError {
    if e.is_timeout() {
        return ClientError::Unreachable("it took too long to answer".into());
    }
    if certificate_refused(&e) {
        return ClientError::UntrustedCertificate;
    }
    ClientError::Unreachable("no connection".into())
}

/// Whether rustls turned the service's certificate down, somewhere in the error's causes (it
/// arrives wrapped in I/O errors by the HTTP stack).
fn certificate_refused(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(err) = cause {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return matches!(tls, rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented);
        }
        if let Some(inner) = err.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            if certificate_refused(inner) {
                return true;
            }
        }
        cause = err.source();
    }
    false
}

/// What a person sees before saying yes: who the service is.
pub struct Preview {
    pub invite: Invite,
    pub service: ServiceInfo,
}

/// Reads an invite code and checks the service at its address has the keys it names.
pub async fn preview(code: &str, now: Timestamp) -> Result<Preview> {
    let invite = Invite::parse(code, now.0)?;
    let res = http().get(format!("{}/v1/service", invite.service_url)).send().await.map_err(unreachable)?;
    if !res.status().is_success() {
        return Err(refused(res).await);
    }
    let service: ServiceInfo = res.json().await.map_err(|_| ClientError::Unreachable("the answer was not a Waymark service".into()))?;
    // The fingerprint is computed here from the keys, never taken from the server's word.
    let found = service.keys.fingerprint()?;
    if found != invite.fingerprint {
        return Err(waymark_sync::SyncError::KeyMismatch { expected: invite.fingerprint.clone(), found }.into());
    }
    Ok(Preview { invite, service })
}

/// Enrols this device with the service in `preview`, making its keys. Network only: the caller
/// keeps the returned connection with [`Vault::save_service_connection`].
pub async fn enrol(preview: &Preview, entropy: &dyn Entropy, now: Timestamp) -> Result<ServiceConnection> {
    let keys = IdentityKeys::generate(entropy);
    let body = EnrolRequest { invite_token: preview.invite.token.clone(), keys: keys.public().clone() };
    let res = http().post(format!("{}/v1/enrol", preview.invite.service_url)).json(&body).send().await.map_err(unreachable)?;
    if !res.status().is_success() {
        return Err(refused(res).await);
    }
    let enrolled: EnrolResponse = res.json().await.map_err(|_| ClientError::Unreachable("the answer was not understood".into()))?;
    Ok(ServiceConnection {
        service_url: preview.invite.service_url.clone(),
        service_name: preview.service.name.clone(),
        service_signing_key: preview.service.keys.signing.clone(),
        service_receiving_key: preview.service.keys.receiving.clone(),
        fingerprint: preview.invite.fingerprint.clone(),
        device_id: enrolled.device_id,
        connected_at: now,
        device_secret: Zeroizing::new(keys.secret().to_vec()),
        mailbox_cursor: 0,
        mail_to_ack: Vec::new(),
        organisation: preview.invite.organisation.clone(),
        person_id: preview.invite.person_id,
    })
}

/// The code this device's app shows, for the person to read to their worker so the worker can
/// approve this laptop: the fingerprint of its public keys.
pub fn device_code(connection: &ServiceConnection) -> Result<String> {
    Ok(device_keys(connection)?.public().fingerprint()?)
}

/// Where this device stands in its organisation's roster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approval {
    /// Connected before the organisation kept a roster: the service's key vouches for what it
    /// sends, as before.
    NoRoster,
    /// Enrolled; no worker has approved this device yet, so nothing is sealed to it.
    Waiting,
    /// Approved for the person its invite was for.
    Approved,
    /// Approved once, then revoked (a lost laptop).
    Revoked,
}

/// The roster this device last verified for its connection, if it has one for that
/// organisation (a roster kept for an earlier connection is ignored).
pub fn verified_roster(vault: &Vault, session: &Session, connection: &ServiceConnection) -> Result<Option<RosterState>> {
    let Some(pin) = connection.organisation.as_deref() else { return Ok(None) };
    let Some(bytes) = vault.roster_state(session)? else { return Ok(None) };
    let state: RosterState =
        serde_json::from_slice(&bytes).map_err(|_| waymark_sync::SyncError::Malformed("the roster kept on this laptop is damaged".into()))?;
    Ok((waymark_sync::roster::root_fingerprint(&state.root_key)? == pin).then_some(state))
}

/// Where this device stands, from its verified roster.
pub fn approval(connection: &ServiceConnection, roster: Option<&RosterState>) -> Approval {
    if connection.organisation.is_none() || connection.person_id.is_none() {
        return Approval::NoRoster;
    }
    let Some(roster) = roster else { return Approval::Waiting };
    match roster.devices().find(|(id, _)| **id == connection.device_id) {
        Some((_, d)) if certifies_this_device(connection, d) && !d.revoked => Approval::Approved,
        Some((_, d)) if certifies_this_device(connection, d) => Approval::Revoked,
        _ => Approval::Waiting,
    }
}

/// Whether a certification is of this very device: for the person (or, on a worker's laptop, the
/// worker) its invite was for, and with this device's own keys, not keys someone put in its name.
fn certifies_this_device(connection: &ServiceConnection, d: &waymark_sync::roster::CertifiedDevice) -> bool {
    use waymark_sync::roster::DeviceOwner;
    let owner_is_mine = matches!(d.owner, DeviceOwner::Person(p) | DeviceOwner::Worker(p) if Some(p) == connection.person_id);
    owner_is_mine && device_keys(connection).is_ok_and(|keys| keys.public() == &d.keys)
}

/// The name of the person's worker in `role`, as the organisation's verified roster says (none
/// while nobody is allocated, or before this laptop is approved).
pub fn allocated_name(roster: Option<&RosterState>, connection: &ServiceConnection, role: waymark_core::vocabulary::WorkerRole) -> Option<String> {
    let (roster, person) = (roster?, connection.person_id?);
    let worker = roster.allocated(person, role)?;
    roster.worker(worker).map(|w| w.name.clone())
}

/// For a worker's laptop: the urgent items raised to its worker, unacknowledged first. Network only.
pub async fn fetch_alerts(connection: &ServiceConnection, now: Timestamp) -> Result<Vec<waymark_sync::api::AlertView>> {
    let keys = device_keys(connection)?;
    let answer: waymark_sync::api::AlertsResponse =
        signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, "/v1/alerts", now, Vec::new()).await?;
    Ok(answer.alerts)
}

/// For a duty worker's laptop: every urgent alert across the organisation (content-free), newest
/// first. Network only; any other laptop is refused by the service.
pub async fn fetch_team_alerts(connection: &ServiceConnection, now: Timestamp) -> Result<Vec<waymark_sync::api::TeamAlertView>> {
    let keys = device_keys(connection)?;
    let answer: waymark_sync::api::TeamAlertsResponse =
        signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, "/v1/team-alerts", now, Vec::new()).await?;
    Ok(answer.alerts)
}

/// For a worker's laptop: acknowledges an alert raised to its worker, which stops its clock.
pub async fn acknowledge_alert(connection: &ServiceConnection, alert_id: i64, now: Timestamp) -> Result<waymark_sync::api::AlertView> {
    let keys = device_keys(connection)?;
    let body = serde_json::to_vec(&waymark_sync::api::AlertAck { alert_id }).expect("an acknowledgement serialises");
    signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/alert-acks", now, body).await
}

/// Reads one page of the organisation's roster from link `from` on. Network only.
pub async fn fetch_roster(connection: &ServiceConnection, from: u64, now: Timestamp) -> Result<RosterPage> {
    let keys = device_keys(connection)?;
    signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, &format!("/v1/roster?from={from}"), now, Vec::new()).await
}

/// Where the next roster read starts: after the head this device holds, or at genesis.
pub fn roster_from(vault: &Vault, session: &Session, connection: &ServiceConnection) -> Result<u64> {
    Ok(verified_roster(vault, session, connection)?.map_or(0, |r| r.head.seq + 1))
}

/// Verifies a roster page against the root the invite pinned and the head this device last
/// saw, and keeps the result. A page that forks from or rolls back what this device saw, or
/// that certifies this device's id for someone other than its invite's person or with keys that
/// are not its own, is refused and the roster kept is unchanged. Returns whether the service holds more links to read.
pub fn apply_roster(vault: &mut Vault, session: &Session, page: &RosterPage) -> Result<bool> {
    use waymark_sync::roster::RosterProblem;
    let connection = vault.service_connection(session)?.ok_or(ClientError::NotConnected)?;
    let Some(pin) = connection.organisation.as_deref() else { return Ok(false) };
    let known = verified_roster(vault, session, &connection)?;
    let next = waymark_sync::roster::advance(known.as_ref(), page, pin)?;
    if known.is_some() && page.links.is_empty() {
        // Nothing new (and not rolled back, or `advance` said so): nothing to write.
        return Ok(false);
    }
    if let Some(d) = next.devices().find(|(id, _)| **id == connection.device_id).map(|(_, d)| d) {
        if !certifies_this_device(&connection, d) {
            return Err(waymark_sync::SyncError::RosterRefused { seq: d.certified_at_seq, problem: RosterProblem::Inconsistent }.into());
        }
    }
    vault.save_roster_state(session, &Zeroizing::new(serde_json::to_vec(&next).expect("a roster serialises")))?;
    // A page with no links ends the read even if it claims more (a server cannot keep a device
    // asking for ever).
    Ok(!page.links.is_empty() && page.head_seq.is_some_and(|h| h > next.head.seq))
}

/// One item ready to go: its envelope (already sealed) and where.
pub struct PreparedSend {
    pub item: OutboxItem,
    pub record_version: u32,
    /// Marked urgent in its envelope; sent before anything else.
    pub urgent: bool,
    /// Whose consent it was sealed under: the item's recipient, or on a roster connection those of
    /// its workers still chosen when it was sealed. Checked again just before it goes.
    pub sealed_for: String,
    /// Who it reaches, for the sharing ledger: those workers, or the duty team alone when none of
    /// them has an approved laptop yet and it is urgent.
    pub reached: String,
    /// The devices it was sealed to (none when sealed to the service's key).
    pub readers: Vec<Uuid>,
    /// Chosen workers with no approved laptop yet: it is queued again for them once it has gone.
    pub remaining: Option<String>,
    url: String,
    device_id: Uuid,
    device_secret: Zeroizing<Vec<u8>>,
    body: Vec<u8>,
}

/// What [`prepare_sends`] left out, and why.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Consent for the kind and recipient had ended: taken out, never sent.
    pub no_consent: usize,
    /// The record was deleted: taken out.
    pub record_gone: usize,
    /// Waiting to retry after a failure.
    pub waiting: usize,
    /// Waiting because no one can read it yet: this laptop is not approved, or none of the
    /// workers chosen has a laptop the organisation approved (it goes when one does).
    pub no_reader: usize,
}

/// Who one item is sealed to.
#[derive(Clone, PartialEq, Eq, Hash)]
enum SealFor {
    /// The service's own key (connections made before rosters).
    Service,
    /// The devices of these workers of the person's (and the duty team's when urgent).
    Workers(Vec<waymark_core::vocabulary::WorkerRole>, bool),
}

/// Picks the items due for the connected service, checks consent for each at this moment, and
/// seals each one: on a connection made before rosters to the service's key; otherwise to the
/// laptops of the workers the person chose (still chosen now), and of the duty team and their own
/// worker when it is urgent, found in the roster this device verified, never in anything the
/// server says. No key on the server can open those. A chosen worker with no approved laptop yet
/// gets it later (see [`PreparedSend`]); an item no one can read yet waits. Items for another
/// recipient are left alone.
pub fn prepare_sends(vault: &mut Vault, session: &Session, entropy: &dyn Entropy) -> Result<(Vec<PreparedSend>, Skipped)> {
    use std::collections::HashMap;
    use waymark_core::vocabulary::WorkerRole;
    // Nothing goes while what decides sending (consent, the ledgers, the outbox) cannot be proved.
    vault.check_before_sending(session)?;
    let connection = vault.service_connection(session)?.ok_or(ClientError::NotConnected)?;
    let service_keys = PublicKeys { signing: connection.service_signing_key.clone(), receiving: connection.service_receiving_key.clone() };
    let roster = verified_roster(vault, session, &connection)?;
    let approved = (approval(&connection, roster.as_ref()) == Approval::Approved).then_some(roster.as_ref()).flatten();
    let now = vault.now();
    let mut skipped = Skipped::default();
    // One sealer per set of readers for the run: a key exchange per group of envelopes, not per
    // envelope.
    let mut sealers: HashMap<SealFor, EnvelopeSealer<'_>> = HashMap::new();
    let device = keys_from_secret(&connection.device_secret)?;
    let mut sealed = Vec::new();
    let mut chosen_now: HashMap<waymark_core::domain::ShareableKind, Vec<WorkerRole>> = HashMap::new();
    for item in vault.outbox(session)? {
        if !connection.reaches(&item.recipient) {
            continue;
        }
        if item.next_attempt_at > now {
            skipped.waiting += 1;
            continue;
        }
        // Of those chosen when it was shared, it goes to who is still chosen now (the vault is held
        // for the whole run, so what is chosen for a kind cannot change during it).
        let still = match connection.workers_in(&item.recipient) {
            None => None,
            Some(workers) => {
                let chosen = match chosen_now.get(&item.record_kind) {
                    Some(chosen) => chosen,
                    None => chosen_now.entry(item.record_kind).or_insert(vault.chosen_workers(session, &connection, item.record_kind)?),
                };
                Some(workers.into_iter().filter(|w| chosen.contains(w)).collect::<Vec<_>>())
            }
        };
        let consented = match &still {
            Some(still) => !still.is_empty(),
            // A service named by a connection that keeps a roster is nobody's choice of worker.
            None => connection.organisation.is_none() && vault.has_consent(session, item.record_kind, &item.recipient)?,
        };
        if !consented {
            vault.drop_outbox_item(session, item.item_id)?;
            skipped.no_consent += 1;
            continue;
        }
        let Some(OutboxPayload { record_version, json: plaintext, urgent }) = vault.outbox_payload(session, &item)? else {
            vault.drop_outbox_item(session, item.item_id)?;
            skipped.record_gone += 1;
            continue;
        };
        // A follow-up goes to the workers it waited for alone: an urgent record's first send
        // reached those who answer urgent items and raised its alert already.
        let urgent = urgent && !item.follow_up;
        // Who it reaches now: each chosen worker with an approved laptop (the others wait for
        // theirs), and when urgent everyone who answers urgent items (`RosterState::readers_for`).
        let (seal_for, sealed_for, reached, remaining) = match still {
            None => (SealFor::Service, item.recipient.clone(), item.recipient.clone(), None),
            Some(still) => {
                let (Some(roster), Some(person)) = (approved, connection.person_id) else {
                    skipped.no_reader += 1;
                    continue;
                };
                let has_laptop = |r: &WorkerRole| roster.allocated(person, *r).is_some_and(|w| !roster.devices_of_worker(w).is_empty());
                let (reachable, waiting): (Vec<WorkerRole>, Vec<WorkerRole>) = still.iter().partition(|r| has_laptop(r));
                if reachable.is_empty() && !urgent {
                    skipped.no_reader += 1;
                    continue;
                }
                let reached = if reachable.is_empty() { vec![WorkerRole::Duty] } else { reachable.clone() };
                let remaining = (!waiting.is_empty()).then(|| connection.recipient_for(&waiting));
                (SealFor::Workers(reachable, urgent), connection.recipient_for(&still), connection.recipient_for(&reached), remaining)
            }
        };
        if !sealers.contains_key(&seal_for) {
            let sealer = match &seal_for {
                SealFor::Service => Some(EnvelopeSealer::new(&service_keys, entropy)?),
                SealFor::Workers(workers, urgent) => {
                    let readers = approved.zip(connection.person_id).map(|(r, p)| r.readers_for(p, workers, *urgent)).unwrap_or_default();
                    if readers.is_empty() { None } else { Some(EnvelopeSealer::for_readers(&readers, entropy)?) }
                }
            };
            let Some(sealer) = sealer else {
                skipped.no_reader += 1;
                continue;
            };
            sealers.insert(seal_for.clone(), sealer);
        }
        let header = EnvelopeHeader {
            // A resend after a crash is the same envelope to the service, kept once. Sealed to
            // readers, the id also names who it is sealed to: if they changed in between (a
            // worker's laptop approved meanwhile), it is a new envelope, not one the service
            // says it has already while it holds it for fewer readers.
            envelope_id: match &seal_for {
                SealFor::Service => Uuid::from_bytes(*item.item_id.as_bytes()),
                SealFor::Workers(..) => sealers[&seal_for].envelope_id(Uuid::from_bytes(*item.item_id.as_bytes())),
            },
            device_id: connection.device_id,
            record_kind: item.record_kind.as_str().to_string(),
            record_id: Uuid::from_bytes(*item.record_id.as_bytes()),
            record_version,
            urgent,
        };
        // Sealed with it, this device's roster head: the workers' laptops compare it with theirs,
        // so a server that shows people different lists of who is who is caught.
        let plaintext = match (&seal_for, approved) {
            (SealFor::Workers(..), Some(roster)) => with_roster_head(&plaintext, &roster.head),
            _ => plaintext,
        };
        let envelope = sealers.get_mut(&seal_for).expect("made above").seal(header, &plaintext)?;
        sealed.push((item, record_version, Reach { sealed_for, reached, remaining }, envelope));
    }
    // Signing is the one cost paid per envelope and needs nothing but the key: every core helps.
    let bodies = in_parallel(&sealed, |(_, _, _, envelope)| signed_body(&device, envelope));
    let mut out = Vec::with_capacity(sealed.len());
    for ((item, record_version, reach, envelope), body) in sealed.into_iter().zip(bodies) {
        out.push(PreparedSend {
            urgent: envelope.header.urgent,
            readers: envelope.readers(),
            item,
            record_version,
            sealed_for: reach.sealed_for,
            reached: reach.reached,
            remaining: reach.remaining,
            url: connection.service_url.clone(),
            device_id: connection.device_id,
            device_secret: connection.device_secret.clone(),
            body,
        });
    }
    // What is urgent ("I don't feel safe") leaves before anything else; the rest keep their order.
    out.sort_by_key(|p| !p.urgent);
    Ok((out, skipped))
}

/// A record's JSON object with `roster_head` added beside its kind and data: written in before
/// the object's closing brace rather than parsed again (this runs once per record sent).
fn with_roster_head(json: &[u8], head: &waymark_sync::roster::RosterHead) -> Zeroizing<Vec<u8>> {
    debug_assert!(json.ends_with(b"}") && json.len() > 2, "the vault's payload is a JSON object with fields");
    let head = serde_json::to_vec(head).expect("a head serialises");
    let mut out = Zeroizing::new(Vec::with_capacity(json.len() + head.len() + 16));
    out.extend_from_slice(&json[..json.len() - 1]);
    out.extend_from_slice(b",\"roster_head\":");
    out.extend_from_slice(&head);
    out.push(b'}');
    out
}

/// Who one sealed item is for (see [`PreparedSend`]).
struct Reach {
    sealed_for: String,
    reached: String,
    remaining: Option<String>,
}

/// The envelope signed as this device (so whoever reads it can tell the server did not write or
/// move it), as JSON.
fn signed_body(device: &IdentityKeys, envelope: &Envelope) -> Vec<u8> {
    let mut envelope = envelope.clone();
    envelope.sign_as_sender(device);
    serde_json::to_vec(&envelope).expect("an envelope serialises")
}

/// `f` over each item, in order, shared across the cores (at most four threads; at least 64 items
/// each, so a short list is not worth a thread). For work that needs nothing but its arguments.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let per_thread = items.len().div_ceil(threads).max(64);
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items.chunks(per_thread).map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())).collect();
        parts.into_iter().flat_map(|part| part.join().expect("a worker thread finished")).collect()
    })
}

/// Sends prepared envelopes together, signed by this device, as one batch the service stores in
/// one transaction. Touches only the network. Returns each one's receipt text, in order.
/// Give it at most one of the groups [`batches`] makes.
pub async fn send_batch(prepared: &[PreparedSend], now: Timestamp) -> Result<Vec<String>> {
    let Some(first) = prepared.first() else { return Ok(Vec::new()) };
    let keys = keys_from_secret(&first.device_secret)?;
    // The envelopes are already JSON; the batch is written around them rather than parsed again.
    let mut body = format!("{{\"format\":{BATCH_FORMAT},\"envelopes\":[").into_bytes();
    for (i, p) in prepared.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(&p.body);
    }
    body.extend_from_slice(b"]}");
    let answer: BatchUploadResponse =
        signed(&keys, first.device_id, reqwest::Method::POST, &first.url, "/v1/envelope-batches", now, body).await?;
    if answer.stored.len() != prepared.len() {
        return Err(ClientError::Unreachable("the answer did not match what was sent".into()));
    }
    Ok(answer.stored.into_iter().map(|word| format!("{word} at {}", now.to_rfc3339())).collect())
}

/// Splits prepared sends into groups the service accepts as one batch: at most [`MAX_BATCH`]
/// envelopes and well inside the batch body limit.
pub fn batches(prepared: &[PreparedSend]) -> Vec<&[PreparedSend]> {
    const BUDGET: usize = MAX_BATCH_BODY * 3 / 4;
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, p) in prepared.iter().enumerate() {
        let full = i - start == MAX_BATCH || (i > start && bytes + p.body.len() + 1 > BUDGET);
        if full {
            out.push(&prepared[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += p.body.len() + 1;
    }
    if start < prepared.len() {
        out.push(&prepared[start..]);
    }
    out
}

/// Records how a batch went, in one vault transaction when it arrived: each item completed
/// with its receipt; after a failure each is scheduled to be tried again.
/// `receipts` is what [`send_batch`] returned, or `None` when it failed.
pub fn finish_batch(
    vault: &mut Vault,
    session: &Session,
    prepared: &[PreparedSend],
    receipts: Option<&[String]>,
    entropy: &dyn Entropy,
) -> Result<()> {
    match receipts {
        Some(receipts) => {
            let delivered: Vec<Delivered<'_>> = prepared
                .iter()
                .zip(receipts)
                .map(|(p, receipt)| Delivered {
                    item: &p.item,
                    record_version: p.record_version,
                    receipt: Some(receipt.clone()),
                    sent_to: p.reached.clone(),
                    readers: p.readers.clone(),
                    remaining: p.remaining.clone(),
                })
                .collect();
            vault.complete_sends(session, &delivered)?;
        }
        None => {
            for p in prepared {
                let next = Timestamp(vault.now().0 + backoff(p.item.attempts, entropy));
                vault.note_send_failure(session, p.item.item_id, next)?;
            }
        }
    }
    Ok(())
}

/// How long to wait before trying an item again: doubling from 30 seconds up to an hour, with
/// up to a fifth added at random so many laptops coming back online do not all retry at once.
pub fn backoff(attempts: u32, entropy: &dyn Entropy) -> i64 {
    let base = 30i64.saturating_mul(1 << attempts.min(7)).min(3600);
    let mut b = [0u8; 2];
    entropy.fill(&mut b);
    base + (i64::from(u16::from_le_bytes(b)) * base / 5) / i64::from(u16::MAX)
}

/// What reading the mailbox did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MailReport {
    pub plans_added: usize,
    pub receipts: usize,
    /// Replies from the person's workers, kept in the statement they answer.
    pub replies: usize,
    /// The furthest roster head a worker's laptop said it had verified, when it was further on
    /// than this device's: read the roster again, and if the service still shows less, it is
    /// holding changes back (`RosterProblem::HeldBack`).
    pub peer_ahead: Option<u64>,
    /// Items refused, each with the reason in plain words (unsigned, for another device, an older
    /// plan version…). They are skipped, never stored.
    pub refused: Vec<String>,
}

/// Whether a mailbox read came back full, so there may be more to read straight away.
pub fn more_mail_waiting(items: &[waymark_sync::api::MailboxItem]) -> bool {
    items.len() >= MAILBOX_PAGE as usize
}

/// Reads this device's mailbox from its start: one page of what it has not acknowledged (see
/// [`more_mail_waiting`], [`ack_mail`]). Nothing is asked for "after" a number, so no number the
/// service gives an item can make this device pass over others. Network only.
pub async fn fetch_mail(connection: &ServiceConnection, now: Timestamp) -> Result<Vec<waymark_sync::api::MailboxItem>> {
    let keys = device_keys(connection)?;
    let answer: waymark_sync::api::MailboxResponse =
        signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, "/v1/mailbox", now, Vec::new()).await?;
    Ok(answer.items)
}

/// Tells the service which mailbox items this device has taken, so it deletes them; returns
/// their numbers, for [`mail_acked`]. Network only.
pub async fn ack_mail(connection: &ServiceConnection, now: Timestamp) -> Result<Vec<i64>> {
    let seqs: Vec<i64> = connection.mail_to_ack.iter().copied().take(waymark_sync::api::MAILBOX_PAGE as usize * 2).collect();
    if seqs.is_empty() {
        return Ok(seqs);
    }
    let keys = device_keys(connection)?;
    let body = serde_json::to_vec(&waymark_sync::api::MailAcks { format: waymark_sync::api::MAIL_ACKS_FORMAT, seqs: seqs.clone() })
        .expect("acknowledgements serialise");
    let _: waymark_sync::api::MailAcked =
        signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/mailbox-acks", now, body).await?;
    Ok(seqs)
}

/// Forgets the items [`ack_mail`] acknowledged: the service has deleted them.
pub fn mail_acked(vault: &mut Vault, session: &Session, seqs: &[i64]) -> Result<()> {
    let Some(mut connection) = vault.service_connection(session)? else { return Ok(()) };
    connection.mail_to_ack.retain(|s| !seqs.contains(s));
    vault.save_service_connection(session, &connection)?;
    Ok(())
}

/// The most unacknowledged items a device remembers; past it, the oldest are forgotten (a
/// service that never takes acknowledgements may then hand them out again).
const MOST_MAIL_TO_ACK: usize = 10_000;

fn device_keys(connection: &ServiceConnection) -> Result<IdentityKeys> {
    keys_from_secret(&connection.device_secret)
}

fn keys_from_secret(secret: &[u8]) -> Result<IdentityKeys> {
    let secret: [u8; SECRET_LEN] =
        secret.try_into().map_err(|_| waymark_sync::SyncError::Malformed("this device's keys are damaged; connect again".into()))?;
    Ok(IdentityKeys::from_secret(Zeroizing::new(secret))?)
}

/// Checks and applies mailbox items: a plan becomes a new plan version (an older or repeated
/// version is refused), a receipt moves the shared statement's timeline on. Every item looked at
/// (applied or refused) is noted to acknowledge ([`ack_mail`]), and skipped if it comes again
/// before the service deleted it.
pub fn apply_mail(vault: &mut Vault, session: &Session, items: &[waymark_sync::api::MailboxItem]) -> Result<MailReport> {
    use waymark_core::domain::statement::{ResponseKind, WorkerResponse};
    use waymark_core::domain::{RecordBody, StatementStatus};
    use waymark_sync::mail::{check_mail, open_checked, MailKind, Receipt, ReceiptStatus, Reply, Trust};
    let Some(mut connection) = vault.service_connection(session)? else { return Err(ClientError::NotConnected) };
    let keys = device_keys(&connection)?;
    let mut opener = EnvelopeOpener::new(&keys);
    let service = PublicKeys { signing: connection.service_signing_key.clone(), receiving: connection.service_receiving_key.clone() };
    let roster = verified_roster(vault, session, &connection)?;
    let trust = match (&connection.organisation, &roster) {
        (None, _) => Trust::ServiceKey,
        (Some(_), roster) => Trust::Roster {
            roster: roster.as_ref(),
            person_id: (approval(&connection, roster.as_ref()) == Approval::Approved).then_some(connection.person_id).flatten(),
        },
    };
    let mut report = MailReport::default();
    // Each item's signature is checked first, on every core (the one cost paid per item that
    // needs no key); then they are opened and applied in order.
    let device_id = connection.device_id;
    let mut checked = in_parallel(items, |item| check_mail(device_id, &service, &trust, &item.body)).into_iter();
    // Who signed a worker's answer about `record`, as the roster this device verified names them:
    // a worker's laptop, and one the record was sealed to (no other worker, however certified,
    // can say they got, read or answered it).
    let worker_who_signed = |signer: Option<&str>, sealed_to: &[Uuid]| -> Result<(String, waymark_core::vocabulary::WorkerRole)> {
        let refused = |why: &str| -> ClientError { waymark_sync::SyncError::Malformed(why.into()).into() };
        let roster = roster.as_ref().ok_or_else(|| refused("the organisation's roster has not been read yet"))?;
        let device = match signer.and_then(|k| roster.organisation_signer(k)) {
            Some(waymark_sync::roster::KeyHolder::Device(d)) => d,
            _ => return Err(refused("receipts and replies come only from a worker's laptop")),
        };
        if !sealed_to.contains(&device) {
            return Err(refused("an answer came from a laptop this was not shared with"));
        }
        let worker = roster.worker_of_device(device).and_then(|w| roster.worker(w));
        let worker = worker.ok_or_else(|| refused("a mailbox item was signed by someone the organisation has not certified"))?;
        Ok((worker.name.clone(), worker.role))
    };
    // A worker's laptop's roster head, against this device's: the same link at the same number
    // (else the server showed them different histories: refused), or further on (noted, so the
    // pass reads the roster again and can tell if the service is holding changes back).
    let mut peer_ahead: Option<u64> = None;
    let mut compare = |theirs: Option<&waymark_sync::roster::RosterHead>| -> Result<()> {
        let (Some(theirs), Some(mine)) = (theirs, roster.as_ref()) else { return Ok(()) };
        match waymark_sync::roster::compare_heads(&mine.head, |seq| (seq == mine.head.seq).then(|| mine.head.hash.clone()), theirs) {
            Ok(()) => Ok(()),
            Err(waymark_sync::roster::RosterProblem::HeldBack) => {
                peer_ahead = peer_ahead.max(Some(theirs.seq));
                Ok(())
            }
            Err(problem) => Err(waymark_sync::SyncError::RosterRefused { seq: theirs.seq, problem }.into()),
        }
    };
    // The record an answer names inside must be the one its sealed header names.
    let same_record = |header: &EnvelopeHeader, inside: Uuid| -> Result<waymark_core::RecordId> {
        if header.record_id != inside {
            return Err(waymark_sync::SyncError::Malformed("an answer names another record than its envelope".into()).into());
        }
        waymark_core::RecordId::from_slice(inside.as_bytes()).ok_or_else(|| waymark_sync::SyncError::Malformed("an answer names no record".into()).into())
    };
    // One wait for the disk per page, not per item: the cursor is saved (and synced) after.
    vault.with_deferred_sync(|vault| {
        for item in items {
            let checked = checked.next().expect("one answer per item");
            if connection.mail_to_ack.contains(&item.seq) {
                continue;
            }
            connection.mail_to_ack.push(item.seq);
            // Taken before devices acknowledged mail: acknowledged, not applied again.
            if item.seq <= connection.mailbox_cursor {
                continue;
            }
            let outcome: Result<()> = (|| {
                let mail = checked?;
                let signer = mail.signer.clone();
                let (kind, header, plain) = open_checked(&mut opener, mail)?;
                match kind {
                    MailKind::Plan => {
                        // On a roster connection a plan from a worker's laptop is taken only from
                        // a worker the organisation allocated to this person (a duty worker, or
                        // anyone else's worker, cannot change their plan); the root and its
                        // administrators may send one as before.
                        if let (Trust::Roster { .. }, Some(roster)) = (&trust, roster.as_ref()) {
                            if let Some(waymark_sync::roster::KeyHolder::Device(d)) = signer.as_deref().and_then(|k| roster.organisation_signer(k)) {
                                let worker = roster.worker_of_device(d);
                                let mine = connection.person_id.and_then(|p| roster.person(p));
                                if !worker.is_some_and(|w| mine.is_some_and(|p| p.allocations.values().any(|a| *a == w))) {
                                    return Err(waymark_sync::SyncError::Malformed("a plan came from a worker who is not this person's".into()).into());
                                }
                            }
                        }
                        let plan = RecordBody::from_json(waymark_core::domain::RecordKind::Plan, &plain)?;
                        let RecordBody::Plan(plan) = plan else { unreachable!("asked for a plan") };
                        vault.add_plan_version(session, plan)?;
                        report.plans_added += 1;
                    }
                    MailKind::Receipt => {
                        let receipt: Receipt = serde_json::from_slice(&plain)
                            .map_err(|_| waymark_sync::SyncError::Malformed("a receipt is damaged".into()))?;
                        let id = same_record(&header, receipt.record_id)?;
                        if let RecordBody::Statement(st) = vault.get(session, id)?.body {
                            match (&trust, receipt.status) {
                                // On a roster connection a receipt is a worker's, and says who.
                                (Trust::Roster { .. }, status) => {
                                    let (worker_name, worker_role) = worker_who_signed(signer.as_deref(), &st.sealed_to)?;
                                    compare(receipt.roster_head.as_ref())?;
                                    let kind = match status {
                                        ReceiptStatus::Received => ResponseKind::Received,
                                        ReceiptStatus::Read => ResponseKind::Read,
                                        ReceiptStatus::Acknowledged => ResponseKind::Acknowledged,
                                    };
                                    let at = Timestamp(receipt.at);
                                    vault.record_worker_response(session, id, WorkerResponse { kind, worker_name, worker_role, words: None, at })?;
                                }
                                (Trust::ServiceKey, ReceiptStatus::Received) => {
                                    vault.record_service_receipt(session, id, StatementStatus::Received)?;
                                }
                                (Trust::ServiceKey, ReceiptStatus::Read) => {
                                    vault.record_service_receipt(session, id, StatementStatus::Read)?;
                                }
                                (Trust::ServiceKey, ReceiptStatus::Acknowledged) => {
                                    return Err(waymark_sync::SyncError::Malformed("an acknowledgement must come from a worker's laptop".into()).into());
                                }
                            }
                        }
                        report.receipts += 1;
                    }
                    MailKind::Reply => {
                        let reply: Reply = serde_json::from_slice(&plain)
                            .map_err(|_| waymark_sync::SyncError::Malformed("a reply is damaged".into()))?;
                        let id = same_record(&header, reply.record_id)?;
                        let sealed_to = vault.readers_of(session, id)?;
                        let (worker_name, worker_role) = worker_who_signed(signer.as_deref(), &sealed_to)?;
                        compare(reply.roster_head.as_ref())?;
                        let response = WorkerResponse { kind: ResponseKind::Replied, worker_name, worker_role, words: Some(reply.words), at: Timestamp(reply.at) };
                        vault.record_worker_response(session, id, response)?;
                        report.replies += 1;
                    }
                }
                Ok(())
            })();
            if let Err(e) = outcome {
                report.refused.push(format!("item {}: {e}", item.seq));
            }
        }
        Ok(())
    })?;
    // Once the service hands out nothing from before acknowledgements, the old cursor is done.
    if items.first().is_none_or(|i| i.seq > connection.mailbox_cursor) {
        connection.mailbox_cursor = 0;
    }
    let overflow = connection.mail_to_ack.len().saturating_sub(MOST_MAIL_TO_ACK);
    connection.mail_to_ack.drain(..overflow);
    vault.save_service_connection(session, &connection)?;
    report.peer_ahead = peer_ahead;
    Ok(report)
}

/// Asks the service to delete what this device sent of `kind` (only `record_ids`, when given),
/// and checks the signed receipt it answers with against the pinned service key. Network only:
/// the caller withdraws consent in the vault first, so nothing more of the kind is sent.
pub async fn request_deletion(
    connection: &ServiceConnection,
    kind: waymark_core::domain::ShareableKind,
    record_ids: Vec<Uuid>,
    entropy: &dyn Entropy,
    now: Timestamp,
) -> Result<waymark_sync::deletion::DeletionReceipt> {
    use waymark_sync::deletion::{DeletionReceipt, DeletionRequest, DELETION_FORMAT};
    let keys = device_keys(connection)?;
    let mut id = [0u8; 16];
    entropy.fill(&mut id);
    let request = DeletionRequest {
        format: DELETION_FORMAT,
        request_id: uuid::Builder::from_random_bytes(id).into_uuid(),
        record_kind: kind.as_str().to_string(),
        record_ids,
    };
    let body = serde_json::to_vec(&request).expect("a request serialises");
    let receipt: DeletionReceipt =
        signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/deletions", now, body).await?;
    let service = PublicKeys { signing: connection.service_signing_key.clone(), receiving: connection.service_receiving_key.clone() };
    receipt.verify(&service, &request, connection.device_id, now.0)?;
    Ok(receipt)
}

/// Asks the service to stop handing `readers` (one worker's laptops) what this device sealed to
/// them of `kind`: the person no longer shares it with that worker. Network only. The answer is
/// the service's word, not a signed receipt: the worker's laptop may have read it already.
pub async fn remove_readers(connection: &ServiceConnection, kind: waymark_core::domain::ShareableKind, readers: Vec<Uuid>, now: Timestamp) -> Result<u32> {
    use waymark_sync::api::{ReaderRemoval, ReaderRemovalResponse, READER_REMOVAL_FORMAT};
    let keys = device_keys(connection)?;
    let body = serde_json::to_vec(&ReaderRemoval { format: READER_REMOVAL_FORMAT, record_kind: kind.as_str().to_string(), readers }).expect("a request serialises");
    let answer: ReaderRemovalResponse =
        signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/reader-removals", now, body).await?;
    Ok(answer.removed)
}

/// The laptops of the person's worker in `role`, as the roster this device verified says.
pub fn laptops_of(roster: Option<&RosterState>, connection: &ServiceConnection, role: waymark_core::vocabulary::WorkerRole) -> Vec<Uuid> {
    let (Some(roster), Some(person)) = (roster, connection.person_id) else { return Vec::new() };
    roster.allocated(person, role).map(|w| roster.devices_of_worker(w).into_iter().map(|(id, _)| id).collect()).unwrap_or_default()
}

/// What the vault keeps of a receipt [`request_deletion`] checked, for
/// `Vault::complete_deletion`: the person's record that the service deleted it.
pub fn kept_receipt(
    connection: &ServiceConnection,
    receipt: &waymark_sync::deletion::DeletionReceipt,
    now: Timestamp,
) -> waymark_core::connection::DeletionConfirmation {
    waymark_core::connection::DeletionConfirmation {
        service_name: connection.service_name.clone(),
        deleted: receipt.facts.deleted,
        confirmed_at: now,
        receipt: serde_json::to_string(receipt).expect("a receipt serialises"),
    }
}

/// Fetches the service's resource library if it has one newer than `have`. Network only.
pub async fn fetch_resources(connection: &ServiceConnection, have: u32) -> Result<Option<Vec<u8>>> {
    let res = http().get(format!("{}/v1/resources?have={have}", connection.service_url)).send().await.map_err(unreachable)?;
    match res.status().as_u16() {
        200 => Ok(Some(res.bytes().await.map_err(unreachable)?.to_vec())),
        204 | 404 => Ok(None),
        _ => Err(refused(res).await),
    }
}

/// Installs a fetched library if it was signed by the service's pinned key or, on a roster
/// connection, by the laptop of a worker this device's verified roster names an administrator;
/// the pinned key is recorded as its publisher, so only that publisher (or going back to the
/// built-in library) replaces it. Returns whether it was installed; a refusal keeps the library
/// as it was.
pub fn install_resources(vault: &mut Vault, session: &Session, connection: &ServiceConnection, signed: &[u8]) -> Result<bool> {
    let root: [u8; 32] = PublicKeys { signing: connection.service_signing_key.clone(), receiving: connection.service_receiving_key.clone() }
        .signing_key_bytes()?;
    let roster = verified_roster(vault, session, connection)?;
    let administrators: Vec<[u8; 32]> = roster
        .iter()
        .flat_map(|r| r.devices().filter(|(id, _)| r.worker_of_device(**id).is_some_and(|w| r.is_admin_worker(w))).map(|(_, d)| d.keys.clone()).collect::<Vec<_>>())
        .filter_map(|k| k.signing_key_bytes().ok())
        .collect();
    let now = vault.now();
    let signer = std::iter::once(root)
        .chain(administrators)
        .find(|key| waymark_core::domain::library::SignedLibraryBundle::verify(signed, key, now).is_ok())
        .unwrap_or(root);
    Ok(vault.install_signed_library(signed, &signer, &root)?)
}

/// The library version to ask `connection`'s service to better: the installed one if that
/// service's publisher installed it, else 0.
pub fn library_version_from(vault: &Vault, connection: &ServiceConnection) -> Result<u32> {
    let root: [u8; 32] = PublicKeys { signing: connection.service_signing_key.clone(), receiving: connection.service_receiving_key.clone() }
        .signing_key_bytes()?;
    Ok(vault.library_version_from(&root)?)
}

/// Publishes `bundle_json` (a built library bundle) from an administrator worker's laptop: signed
/// with this laptop's key, kept by the service if newer. Returns the version it now hands out.
pub async fn publish_library(connection: &ServiceConnection, bundle_json: String, expires_at: Timestamp, now: Timestamp) -> Result<u32> {
    let keys = device_keys(connection)?;
    let bundle = waymark_core::domain::library::SignedLibraryBundle::sign_with(bundle_json, expires_at, |msg| keys.sign(msg));
    let body = serde_json::to_vec(&bundle).expect("a signed bundle serialises");
    let answer: waymark_sync::api::LibraryPublished = signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/resources", now, body).await?;
    Ok(answer.version)
}
