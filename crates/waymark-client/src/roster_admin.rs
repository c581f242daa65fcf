//! What a worker's laptop changes in the organisation's roster: approving a person's device
//! (any worker), and for a worker the root made an administrator, inviting people, revoking
//! devices, adding and removing workers and allocating them.
//!
//! Every change is a roster link signed here with this laptop's own key, checked against the
//! roster this laptop verified before it is sent (so nothing the roster would refuse leaves it),
//! and checked again by the service and by every device that reads it. An invite code is made
//! here; the service is told only its token's hash. This module must never sign a change the
//! worker did not ask for, nor take a device's keys from anywhere but the service's enrolment
//! list matched against the code the person read out.

use uuid::Uuid;
use waymark_core::connection::ServiceConnection;
use waymark_core::{Entropy, Timestamp};
use waymark_sync::api::{Enrolment, EnrolmentsResponse, InviteRegistered, InviteRegistration, RosterLinkAccepted};
use waymark_sync::invite::Invite;
use waymark_sync::roster::{RosterEntry, RosterHead, RosterLink, RosterState};

use crate::{device_keys, signed, Result};

/// Signs `entry` as the link after `head` with this laptop's key. Nothing is checked here: see
/// [`change_roster`], which checks it against the roster first.
pub fn sign_roster_link(connection: &ServiceConnection, head: &RosterHead, entry: RosterEntry, now: Timestamp) -> Result<RosterLink> {
    Ok(RosterLink::sign(&device_keys(connection)?, Some(head), now.0, entry))
}

/// Asks the service to keep `link`. Returns the new head's number.
pub async fn send_roster_link(connection: &ServiceConnection, link: &RosterLink, now: Timestamp) -> Result<u64> {
    let keys = device_keys(connection)?;
    let body = serde_json::to_vec(link).expect("a link serialises");
    let answer: RosterLinkAccepted = signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/roster-links", now, body).await?;
    Ok(answer.seq)
}

/// Signs `entry` as the link after `roster`'s head, applies it to a copy of `roster` (refusing
/// here what every device would refuse), and asks the service to keep it. Returns the roster
/// with the change. If another laptop changed the roster first the service answers `conflict`;
/// read the roster again and try again.
pub async fn change_roster(connection: &ServiceConnection, roster: &RosterState, entry: RosterEntry, now: Timestamp) -> Result<RosterState> {
    let link = sign_roster_link(connection, &roster.head, entry, now)?;
    let mut next = roster.clone();
    next.apply(&link)?;
    send_roster_link(connection, &link, now).await?;
    Ok(next)
}

/// An invite code for `person_id` (a person or a worker in `roster`) to this laptop's service and
/// organisation, running out at `expires_at`, checked as a device will check it.
pub fn make_invite(connection: &ServiceConnection, roster: &RosterState, person_id: Uuid, expires_at: i64, entropy: &dyn Entropy, now: Timestamp) -> Result<Invite> {
    let (url, name, fingerprint) = (&connection.service_url, &connection.service_name, &connection.fingerprint);
    Ok(Invite::for_roster(url, name, fingerprint, &roster.root_key, person_id, expires_at, entropy, now.0)?)
}

/// Asks the service to honour `invite` (it keeps only the token's hash). Returns the role the
/// roster gives the person, as the service read it.
pub async fn register_invite(connection: &ServiceConnection, invite: &Invite, now: Timestamp) -> Result<String> {
    let keys = device_keys(connection)?;
    let body = serde_json::to_vec(&InviteRegistration::new(invite)?).expect("a registration serialises");
    let answer: InviteRegistered = signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/invites", now, body).await?;
    Ok(answer.role)
}

/// The devices that enrolled with an invite for `person_id`, as the service lists them (its
/// word only: see [`enrolment_matching`]).
pub async fn fetch_enrolments(connection: &ServiceConnection, person_id: Uuid, now: Timestamp) -> Result<Vec<Enrolment>> {
    let keys = device_keys(connection)?;
    let path = format!("/v1/enrolments?person={person_id}");
    let answer: EnrolmentsResponse = signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, &path, now, Vec::new()).await?;
    Ok(answer.devices)
}

/// Why a device cannot be approved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalProblem {
    /// The service lists no such device enrolled for this person.
    NotEnrolled,
    /// The code typed is not the fingerprint of the keys the device enrolled with.
    CodeDiffers,
}

/// The one enrolment `device_id` whose keys are those whose code the person read out. A server
/// that swapped the keys is caught here: the code the person's own app shows will not match.
pub fn enrolment_matching(enrolments: Vec<Enrolment>, device_id: Uuid, code: &str) -> std::result::Result<Enrolment, ApprovalProblem> {
    let enrolment = enrolments.into_iter().find(|e| e.device_id == device_id).ok_or(ApprovalProblem::NotEnrolled)?;
    if !enrolment.keys.matches_code(code) {
        return Err(ApprovalProblem::CodeDiffers);
    }
    Ok(enrolment)
}
