//! The organisation, from the worker app: the people and workers in the roster, each person's
//! devices, and the changes a worker makes to them. Any worker approves a device for a person
//! allocated to them once the person reads out the code their app shows; a worker the root made
//! an administrator (`waymark-service admin grant-admin`) also invites people, revokes devices,
//! adds and removes workers and allocates them. Declared in the worker list only.
//!
//! Each change is a roster link this laptop signs (`waymark_client::roster_admin`), checked here
//! against the roster it verified, then by the service and every device. The names a worker types
//! for people stay on this laptop (sealed, beside the roster id); the service and the roster
//! never see them. This module must never sign a change the worker did not ask for.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;
use waymark_core::error::Field;
use waymark_core::vocabulary::WorkerRole;
use waymark_sync::invite::Invite;
use waymark_sync::roster::{DeviceOwner, RosterEntry, RosterState, ServedRole};

use crate::check::{check_len, record_id, MAX_NAME};
use crate::error::{CommandError, CommandResult};
use crate::sharing::read_roster;
use crate::views::SavedFile;
use crate::worker::connection_of;
use crate::{AppState, NoArguments};

/// How long an invite code made here lasts unless the worker says otherwise, and at most.
const DEFAULT_INVITE_DAYS: u32 = 14;
const MAX_INVITE_DAYS: u32 = waymark_sync::api::MAX_INVITE_DAYS as u32;
/// How often a change is tried again when another laptop changed the roster at the same moment.
const ATTEMPTS: usize = 3;

#[derive(Debug, Serialize, TS)]
pub struct AllocationView {
    pub role: WorkerRole,
    pub worker: String,
    pub name: String,
}

#[derive(Debug, Serialize, TS)]
pub struct RosterPersonView {
    pub id: String,
    /// The name this worker gave them on this laptop, if any.
    pub name: Option<String>,
    /// `young_person` or `carer`.
    pub served_as: String,
    pub allocations: Vec<AllocationView>,
    /// Devices the roster certifies for them and has not revoked.
    pub devices: u32,
    /// Whether this worker is one of theirs.
    pub mine: bool,
}

#[derive(Debug, Serialize, TS)]
pub struct RosterWorkerView {
    pub id: String,
    pub name: String,
    pub role: WorkerRole,
    pub admin: bool,
    pub revoked: bool,
    /// Their laptops the roster certifies and has not revoked.
    pub laptops: u32,
    pub me: bool,
}

/// The organisation as this laptop verified its roster.
#[derive(Debug, Serialize, TS)]
pub struct OrganisationView {
    pub organisation: String,
    /// Whether this worker may change the roster (the root made them an administrator).
    pub i_am_admin: bool,
    /// Everyone for an administrator; otherwise the people allocated to this worker.
    pub people: Vec<RosterPersonView>,
    /// Every worker, for an administrator (none otherwise).
    pub workers: Vec<RosterWorkerView>,
    /// People with nobody allocated in a role they had a worker in before that worker left.
    pub without_worker: Vec<String>,
}

/// A device of one person, as the roster and the service's enrolment list say.
#[derive(Debug, Serialize, TS)]
pub struct PersonDeviceView {
    pub device: String,
    /// `waiting` (enrolled, not approved yet), `approved` or `revoked`.
    pub status: String,
    /// When it enrolled with their invite (RFC 3339), if the service lists it.
    pub enrolled_at: Option<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct PersonDevicesView {
    pub person: String,
    pub name: Option<String>,
    pub devices: Vec<PersonDeviceView>,
    /// Whether this worker may revoke them (an administrator).
    pub may_revoke: bool,
}

/// An invite code made here: give it to the person (or the worker, for their laptop) before it
/// runs out.
#[derive(Debug, Serialize, TS)]
pub struct InviteView {
    /// Whom it is for: their roster id.
    pub person: String,
    pub name: String,
    pub code: String,
    /// RFC 3339.
    pub expires_at: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct PersonRequest {
    pub person: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct ApproveDeviceRequest {
    pub person: String,
    pub device: String,
    /// The code the person's app shows, as they read it out.
    pub code: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct RevokeDeviceRequest {
    pub person: String,
    pub device: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ServedAs {
    YoungPerson,
    Carer,
}

#[derive(Debug, Deserialize, TS)]
pub struct InvitePersonRequest {
    /// The name this worker knows them by: kept on this laptop only.
    pub name: String,
    pub served_as: ServedAs,
    /// Workers (roster ids) to allocate to them now, one per role.
    #[serde(default)]
    pub workers: Vec<String>,
    /// How many days the code lasts (1 to 30; 14 if not given).
    #[serde(default)]
    #[ts(optional)]
    pub days: Option<u32>,
}

#[derive(Debug, Deserialize, TS)]
pub struct AddWorkerRequest {
    pub name: String,
    pub role: WorkerRole,
}

#[derive(Debug, Deserialize, TS)]
pub struct WorkerRequest {
    pub worker: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct AllocateRequest {
    pub person: String,
    pub worker: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct InviteSheetRequest {
    pub name: String,
    pub code: String,
}

fn id_of(text: &str) -> CommandResult<Uuid> {
    Ok(record_id(text)?.0)
}

/// The connection, and the roster read from the service now and verified.
async fn current_roster(app: &AppState) -> CommandResult<(waymark_core::connection::ServiceConnection, RosterState)> {
    let connection = connection_of(app)?;
    read_roster(app, &connection).await?;
    let roster = app.in_session(|v, s| Ok(waymark_client::verified_roster(v, s, &connection)?))?;
    let roster = roster.filter(|r| waymark_client::approval(&connection, Some(r)) == waymark_client::Approval::Approved);
    Ok((connection, roster.ok_or_else(|| CommandError::new("not_approved"))?))
}

fn me(connection: &waymark_core::connection::ServiceConnection) -> Uuid {
    connection.person_id.unwrap_or_default()
}

fn require_admin(roster: &RosterState, connection: &waymark_core::connection::ServiceConnection) -> CommandResult<()> {
    if roster.is_admin_worker(me(connection)) {
        Ok(())
    } else {
        Err(CommandError::new("not_admin"))
    }
}

/// Signs and sends `entries` one after another, each against the roster as it then stands,
/// starting from `roster` (just read by the caller). When another laptop changed the roster
/// first, reads it again and carries on with what is left; the entries are worked out again from
/// the new roster (`plan`), so nothing is signed against a roster the worker was not shown a
/// moment ago. Returns the roster as verified from the service afterwards.
async fn change(
    app: &AppState,
    connection: &waymark_core::connection::ServiceConnection,
    roster: RosterState,
    plan: impl Fn(&RosterState) -> CommandResult<Vec<RosterEntry>>,
) -> CommandResult<RosterState> {
    let mut roster = roster;
    let mut entries = plan(&roster)?;
    let mut attempts = 0;
    while !entries.is_empty() {
        match waymark_client::roster_admin::change_roster(connection, &roster, entries[0].clone(), app.now()).await {
            Ok(next) => {
                let op = serde_json::to_value(&entries[0]).ok().and_then(|v| v["op"].as_str().map(str::to_string)).unwrap_or_default();
                crate::worker::audit(app, connection, waymark_sync::audit::AuditAction::ChangedRoster { link_seq: next.head.seq, op })?;
                roster = next;
                entries.remove(0);
            }
            Err(waymark_client::ClientError::Refused { code, .. }) if code == "conflict" && attempts + 1 < ATTEMPTS => {
                attempts += 1;
                let (_, fresh) = current_roster(app).await?;
                roster = fresh;
                entries = plan(&roster)?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    // Kept as verified from the service, not as this laptop built it.
    let (_, verified) = current_roster(app).await?;
    Ok(verified)
}

fn organisation(app: &AppState, connection: &waymark_core::connection::ServiceConnection, roster: &RosterState) -> CommandResult<OrganisationView> {
    let labels = app.with_session(|v, s| v.person_labels(s))?;
    let me = me(connection);
    let admin = roster.is_admin_worker(me);
    let worker_name = |id: &Uuid| roster.worker(*id).map(|w| w.name.clone()).unwrap_or_default();
    let mut people: Vec<RosterPersonView> = roster
        .people()
        .filter(|(_, p)| admin || p.allocations.values().any(|w| *w == me))
        .map(|(id, p)| RosterPersonView {
            id: id.to_string(),
            name: labels.get(id).cloned(),
            served_as: p.role.as_str().to_string(),
            allocations: p
                .allocations
                .iter()
                .filter(|(_, w)| roster.worker(**w).is_some_and(|w| !w.revoked))
                .map(|(role, w)| AllocationView { role: *role, worker: w.to_string(), name: worker_name(w) })
                .collect(),
            devices: roster.devices_of_person(*id).len() as u32,
            mine: p.allocations.values().any(|w| *w == me),
        })
        .collect();
    people.sort_by(|a, b| a.name.is_none().cmp(&b.name.is_none()).then_with(|| a.name.cmp(&b.name)).then_with(|| a.id.cmp(&b.id)));
    let workers: Vec<RosterWorkerView> = if admin {
        let mut out: Vec<RosterWorkerView> = roster
            .workers()
            .map(|(id, w)| RosterWorkerView {
                id: id.to_string(),
                name: w.name.clone(),
                role: w.role,
                admin: roster.is_admin_worker(*id),
                revoked: w.revoked,
                laptops: roster.devices_of_worker(*id).len() as u32,
                me: *id == me,
            })
            .collect();
        out.sort_by(|a, b| a.revoked.cmp(&b.revoked).then_with(|| a.name.cmp(&b.name)));
        out
    } else {
        Vec::new()
    };
    // Someone whose worker in a role left, and nobody has been allocated in their place.
    let without_worker = roster
        .people()
        .filter(|(_, p)| admin && p.allocations.values().any(|w| roster.worker(*w).is_none_or(|w| w.revoked)))
        .map(|(id, _)| id.to_string())
        .collect();
    Ok(OrganisationView { organisation: roster.org_name.clone(), i_am_admin: admin, people, workers, without_worker })
}

/// The organisation: its people (everyone for an administrator, else the worker's own) and its
/// workers, from the roster read now.
pub async fn organisation_view(app: &AppState, _: NoArguments) -> CommandResult<OrganisationView> {
    let (connection, roster) = current_roster(app).await?;
    organisation(app, &connection, &roster)
}

/// Whose devices `id` names (a person, or a worker's laptops), if this worker may see and approve
/// them: a person's for their own worker or an administrator, a worker's for an administrator.
fn owner_of(roster: &RosterState, me: Uuid, id: Uuid) -> CommandResult<DeviceOwner> {
    let admin = roster.is_admin_worker(me);
    if let Some(theirs) = roster.person(id) {
        return if admin || theirs.allocations.values().any(|w| *w == me) { Ok(DeviceOwner::Person(id)) } else { Err(CommandError::new("not_allocated")) };
    }
    match roster.worker(id) {
        Some(w) if !w.revoked && admin => Ok(DeviceOwner::Worker(id)),
        Some(w) if !w.revoked => Err(CommandError::new("not_admin")),
        _ => Err(CommandError::new("not_in_roster")),
    }
}

/// `person`'s devices as `roster` (just read) and the service's enrolment list say.
async fn devices_of(app: &AppState, connection: &waymark_core::connection::ServiceConnection, roster: &RosterState, person: Uuid) -> CommandResult<PersonDevicesView> {
    let owner = owner_of(roster, me(connection), person)?;
    let enrolled = waymark_client::roster_admin::fetch_enrolments(connection, person, app.now()).await?;
    let mut devices: Vec<PersonDeviceView> = enrolled
        .iter()
        .map(|e| {
            // The roster's word on whose the device is and whether it is switched off; the
            // service's list only says it enrolled.
            let certified = roster.devices().find(|(id, d)| **id == e.device_id && d.owner == owner).map(|(_, d)| d);
            let status = match certified {
                Some(d) if d.revoked => "revoked",
                Some(_) => "approved",
                None => "waiting",
            };
            PersonDeviceView { device: e.device_id.to_string(), status: status.into(), enrolled_at: Some(waymark_core::Timestamp(e.enrolled_at).to_rfc3339()) }
        })
        .collect();
    // A device the roster certifies that the service no longer lists is still theirs.
    for (id, d) in roster.devices().filter(|(_, d)| d.owner == owner) {
        if !enrolled.iter().any(|e| e.device_id == *id) {
            devices.push(PersonDeviceView { device: id.to_string(), status: if d.revoked { "revoked" } else { "approved" }.into(), enrolled_at: None });
        }
    }
    devices.sort_by_key(|d| match d.status.as_str() {
        "waiting" => 0,
        "approved" => 1,
        _ => 2,
    });
    let name = match owner {
        DeviceOwner::Person(_) => app.with_session(|v, s| v.person_labels(s))?.get(&person).cloned(),
        DeviceOwner::Worker(w) => roster.worker(w).map(|w| w.name.clone()),
    };
    Ok(PersonDevicesView { person: person.to_string(), name, devices, may_revoke: roster.is_admin_worker(me(connection)) })
}

/// One person's devices (or, for an administrator, one worker's laptops): those waiting for
/// approval, approved, and revoked.
pub async fn person_devices(app: &AppState, req: PersonRequest) -> CommandResult<PersonDevicesView> {
    let (connection, roster) = current_roster(app).await?;
    devices_of(app, &connection, &roster, id_of(&req.person)?).await
}

/// Approves a device that enrolled with the person's invite, once the code they read out from
/// their app matches the keys it enrolled with: their worker or an administrator. A worker's
/// laptop, the same way, by an administrator.
pub async fn approve_device(app: &AppState, req: ApproveDeviceRequest) -> CommandResult<PersonDevicesView> {
    let person = id_of(&req.person)?;
    let device = id_of(&req.device)?;
    check_len(Field::DeviceCode, &req.code, 100)?;
    let (connection, roster) = current_roster(app).await?;
    let owner = owner_of(&roster, me(&connection), person)?;
    let enrolled = waymark_client::roster_admin::fetch_enrolments(&connection, person, app.now()).await?;
    let enrolment = waymark_client::roster_admin::enrolment_matching(enrolled, device, &req.code).map_err(|p| match p {
        waymark_client::roster_admin::ApprovalProblem::NotEnrolled => CommandError::new("device_not_enrolled"),
        waymark_client::roster_admin::ApprovalProblem::CodeDiffers => CommandError::new("code_does_not_match"),
    })?;
    let entry = match owner {
        DeviceOwner::Person(person_id) => RosterEntry::CertifyDevice { person_id, device_id: device, keys: enrolment.keys.clone() },
        DeviceOwner::Worker(worker_id) => RosterEntry::AddWorkerDevice { worker_id, device_id: device, keys: enrolment.keys.clone() },
    };
    let roster = change(app, &connection, roster, |_| Ok(vec![entry.clone()])).await?;
    devices_of(app, &connection, &roster, person).await
}

/// Switches off one of a person's devices or a worker's laptops (a lost laptop): nothing more is
/// sealed to it and nothing it signs is taken. Administrators only.
pub async fn revoke_device(app: &AppState, req: RevokeDeviceRequest) -> CommandResult<PersonDevicesView> {
    let person = id_of(&req.person)?;
    let device = id_of(&req.device)?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    let owner = owner_of(&roster, me(&connection), person)?;
    if !roster.active_device(device).is_some_and(|d| d.owner == owner) {
        return Err(CommandError::new("device_not_enrolled"));
    }
    let roster = change(app, &connection, roster, |_| Ok(vec![RosterEntry::RevokeDevice { device_id: device }])).await?;
    devices_of(app, &connection, &roster, person).await
}

fn invite_expiry(app: &AppState, days: Option<u32>) -> CommandResult<i64> {
    let days = days.unwrap_or(DEFAULT_INVITE_DAYS);
    if !(1..=MAX_INVITE_DAYS).contains(&days) {
        return Err(CommandError::new("invite_days").with("most", MAX_INVITE_DAYS.to_string()));
    }
    Ok(app.now().0 + i64::from(days) * 86_400)
}

fn random_id(app: &AppState) -> Uuid {
    let mut b = [0u8; 16];
    app.entropy().fill(&mut b);
    uuid::Builder::from_random_bytes(b).into_uuid()
}

/// Makes and registers an invite code for `person` (in the roster now).
async fn invite_for(app: &AppState, connection: &waymark_core::connection::ServiceConnection, roster: &RosterState, person: Uuid, name: &str, expires_at: i64) -> CommandResult<InviteView> {
    let invite = waymark_client::roster_admin::make_invite(connection, roster, person, expires_at, app.entropy(), app.now())?;
    waymark_client::roster_admin::register_invite(connection, &invite, app.now()).await?;
    crate::worker::audit(app, connection, waymark_sync::audit::AuditAction::MadeInvite { person_id: person })?;
    Ok(InviteView { person: person.to_string(), name: name.to_string(), code: invite.to_code(), expires_at: waymark_core::Timestamp(expires_at).to_rfc3339() })
}

/// Adds someone the service works with to the roster (by a new id only), allocates the workers
/// chosen, keeps the name on this laptop, and makes their invite code. Administrators only.
pub async fn invite_person(app: &AppState, req: InvitePersonRequest) -> CommandResult<InviteView> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    let expires_at = invite_expiry(app, req.days)?;
    let workers = req.workers.iter().map(|w| id_of(w)).collect::<CommandResult<Vec<Uuid>>>()?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    let person = random_id(app);
    let role = match req.served_as {
        ServedAs::YoungPerson => ServedRole::YoungPerson,
        ServedAs::Carer => ServedRole::Carer,
    };
    // Worked out again from the roster as it is if another laptop changed it first: what went
    // already (the person, an allocation) is not signed twice.
    let roster = change(app, &connection, roster, |roster| {
        let mut entries = Vec::new();
        if roster.person(person).is_none() {
            entries.push(RosterEntry::AddPerson { person_id: person, role });
        }
        for w in &workers {
            let worker = roster.worker(*w).filter(|w| !w.revoked).ok_or_else(|| CommandError::new("not_in_roster"))?;
            if roster.allocated(person, worker.role) != Some(*w) {
                entries.push(RosterEntry::Allocate { person_id: person, worker_id: *w, role: worker.role });
            }
        }
        Ok(entries)
    })
    .await?;
    app.with_session(|v, s| v.label_person(s, person, req.name.trim()))?;
    invite_for(app, &connection, &roster, person, req.name.trim(), expires_at).await
}

/// Adds a worker to the roster and makes the invite code for their laptop. Administrators only.
pub async fn add_worker(app: &AppState, req: AddWorkerRequest) -> CommandResult<InviteView> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    let expires_at = invite_expiry(app, None)?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    let worker = random_id(app);
    let name = req.name.trim().to_string();
    let roster = change(app, &connection, roster, |_| Ok(vec![RosterEntry::AddWorker { worker_id: worker, name: name.clone(), role: req.role }])).await?;
    invite_for(app, &connection, &roster, worker, &name, expires_at).await
}

/// A new invite code for someone already in the roster: a person (a new or replaced device, or a
/// code that ran out) or a worker's laptop. Administrators only (the service registers codes
/// from administrators' laptops only).
pub async fn new_invite_code(app: &AppState, req: PersonRequest) -> CommandResult<InviteView> {
    let id = id_of(&req.person)?;
    let expires_at = invite_expiry(app, None)?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    let name = match (roster.person(id), roster.worker(id)) {
        (Some(_), _) => app.with_session(|v, s| v.person_labels(s))?.get(&id).cloned().unwrap_or_else(|| id.to_string()[..8].to_string()),
        (None, Some(w)) if !w.revoked => w.name.clone(),
        _ => return Err(CommandError::new("not_in_roster")),
    };
    invite_for(app, &connection, &roster, id, &name, expires_at).await
}

/// A worker leaves: they are removed from the roster, each of their laptops is switched off, and
/// they leave the urgent escalation order. Nothing else needs a new key: every record is sealed
/// to the laptops the roster certifies at that moment, so from this link on nothing is sealed to
/// theirs, and nothing they sign is taken. The people they worked with are listed as needing a
/// new worker. Administrators only; not oneself.
pub async fn remove_worker(app: &AppState, req: WorkerRequest) -> CommandResult<OrganisationView> {
    let worker = id_of(&req.worker)?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    if worker == me(&connection) {
        return Err(CommandError::new("not_yourself"));
    }
    let roster = change(app, &connection, roster, |roster| {
        roster.worker(worker).filter(|w| !w.revoked).ok_or_else(|| CommandError::new("not_in_roster"))?;
        let mut entries: Vec<RosterEntry> = roster.devices_of_worker(worker).into_iter().map(|(device_id, _)| RosterEntry::RevokeDevice { device_id }).collect();
        let policy = roster.urgent_policy();
        if policy.escalation.contains(&worker) {
            let escalation = policy.escalation.iter().copied().filter(|w| *w != worker).collect();
            entries.push(RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: policy.acknowledge_within_minutes, escalation });
        }
        entries.push(RosterEntry::RevokeWorker { worker_id: worker });
        Ok(entries)
    })
    .await?;
    organisation(app, &connection, &roster)
}

/// Makes a worker one of a person's workers in the worker's role (replacing whoever held it).
/// Administrators only.
pub async fn allocate(app: &AppState, req: AllocateRequest) -> CommandResult<OrganisationView> {
    let person = id_of(&req.person)?;
    let worker = id_of(&req.worker)?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    let roster = change(app, &connection, roster, |roster| {
        let w = roster.worker(worker).filter(|w| !w.revoked).ok_or_else(|| CommandError::new("not_in_roster"))?;
        roster.person(person).ok_or_else(|| CommandError::new("not_in_roster"))?;
        Ok(vec![RosterEntry::Allocate { person_id: person, worker_id: worker, role: w.role }])
    })
    .await?;
    organisation(app, &connection, &roster)
}

/// Saves an invite code as a document to print and hand over: whom it is for, the code, when it
/// runs out and what to do with it. The code is checked first, so a damaged one is never printed.
pub async fn save_invite_sheet(app: &AppState, req: InviteSheetRequest) -> CommandResult<SavedFile> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    check_len(Field::InviteCode, &req.code, 2000)?;
    let invite = Invite::parse(&req.code, app.now().0).map_err(waymark_client::ClientError::from)?;
    let language = app.with_session(|v, s| v.profile_language(s))?;
    let t = |id: &str| waymark_i18n::text(language, id);
    let when = crate::case_record::moment(waymark_core::Timestamp(invite.expires_at));
    let expires = waymark_i18n::text_with(language, "invite-sheet-expires", &[("when", when.into())]);
    // In groups of eight, so it can be read and copied in pieces (spaces are ignored when typed).
    let grouped: Vec<String> = req.code.trim().chars().collect::<Vec<_>>().chunks(8).map(|c| c.iter().collect()).collect();
    let record = waymark_case_record::CaseRecord {
        title: t("invite-sheet-title"),
        subtitle: vec![req.name.trim().to_string(), expires],
        entries: vec![waymark_case_record::Entry {
            heading: t("invite-sheet-code-heading"),
            facts: Vec::new(),
            paragraphs: vec![(t("invite-sheet-code-label"), grouped.join(" ")), (t("invite-sheet-steps-label"), t("invite-sheet-steps"))],
        }],
        closing: vec![t("invite-sheet-keep-safe")],
        language: language.tag().to_string(),
    };
    let pdf = waymark_case_record::render_with_system_font(&record).map_err(|e| match e {
        waymark_case_record::CaseRecordError::NoFont { looked } => CommandError::new("no_font").with("looked", looked),
        _ => CommandError::new("case_record_failed"),
    })?;
    let stem = waymark_i18n::text_with(language, "invite-sheet-document-name", &[("who", req.name.trim().to_string().into())]);
    crate::export::save_document(app, &stem, "pdf", &pdf)
}

/// One Markdown page of the library, as the administrator chose the file.
#[derive(Debug, Deserialize, TS)]
pub struct LibraryPage {
    /// The file's name (`after-the-review.md`): the page's id.
    pub name: String,
    pub text: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct PublishLibraryRequest {
    pub pages: Vec<LibraryPage>,
    /// The version to publish: devices install only a newer one than they have.
    pub version: u32,
}

#[derive(Debug, Serialize, TS)]
pub struct LibraryPublishedView {
    pub version: u32,
    /// Pages in it, every language counted.
    pub pages: u32,
    /// When apps stop using it (RFC 3339): publish again before then, or they go back to the
    /// library built into Waymark.
    pub expires_at: String,
}

/// Publishes the resource library from Markdown pages the administrator chose: built and checked
/// here as the command-line tool builds a folder (every link and translation), signed by this
/// laptop, and handed out by the service to every device, which installs it only after checking
/// that an administrator's laptop in its verified roster signed it. Administrators only.
pub async fn publish_library(app: &AppState, req: PublishLibraryRequest) -> CommandResult<LibraryPublishedView> {
    let pages: Vec<(String, String)> = req.pages.into_iter().map(|p| (p.name, p.text)).collect();
    let bundle = waymark_core::domain::library::bundle_from_pages(&pages, req.version)?;
    let (connection, roster) = current_roster(app).await?;
    require_admin(&roster, &connection)?;
    let json = serde_json::to_string(&bundle).expect("a bundle serialises");
    let expires_at = waymark_core::Timestamp(app.now().0 + waymark_core::domain::library::PUBLISHED_LIBRARY_DAYS * 86_400);
    let version = waymark_client::publish_library(&connection, json, expires_at, app.now()).await?;
    crate::worker::audit(app, &connection, waymark_sync::audit::AuditAction::PublishedLibrary { version })?;
    Ok(LibraryPublishedView { version, pages: bundle.items.len() as u32, expires_at: expires_at.to_rfc3339() })
}
