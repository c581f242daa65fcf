//! The audit log, for an administrator in the worker app: who opened, answered, published,
//! saved or changed what, and when, as each worker's laptop wrote and signed it. Declared in the
//! worker list only.
//!
//! Every laptop's chain is read from the service and checked here against the roster this laptop
//! verified (`waymark_sync::audit::verify_chain`): an entry without its laptop's signature is not
//! shown, and a hole in a chain is reported, as is this laptop's own chain falling short of what it
//! handed in. Names come from the roster (workers) and from this laptop's own labels (people),
//! never from the service. This module must never show an entry it did not check.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;
use waymark_core::vocabulary::WorkerRole;
use waymark_sync::audit::{verify_chain, AuditAction, AuditEntry, AuditProblem, AUDIT_READ_PAGE};

use crate::error::{CommandError, CommandResult};
use crate::sharing::read_roster;
use crate::worker::connection_of;
use crate::{AppState, NoArguments};

/// The most entries the log shows, newest first.
const SHOWN: usize = 1000;

#[derive(Debug, Serialize, TS)]
pub struct AuditEntryView {
    /// RFC 3339, as the laptop's clock had it.
    pub at: String,
    pub worker: Option<String>,
    pub role: Option<WorkerRole>,
    /// The laptop's id (its first eight characters name it on screen).
    pub laptop: String,
    /// `opened`, `answered`, `published_plan`, `saved_case_record`, `changed_roster`, `made_invite`,
    /// `published_library`.
    pub action: String,
    pub person: Option<String>,
    /// The name this laptop gave the person, if any.
    pub person_name: Option<String>,
    /// For `answered`: `read`, `acknowledged` or `replied`.
    pub answer: Option<String>,
    /// For `published_plan`.
    pub plan_version: Option<u32>,
    /// For `published_library`.
    pub library_version: Option<u32>,
    /// For `changed_roster`: what changed (`add_person`, `revoke_device`, …).
    pub roster_change: Option<String>,
    /// For `saved_case_record`: how many items the document held.
    pub items: Option<u32>,
}

/// Something wrong with one laptop's chain.
#[derive(Debug, Serialize, TS)]
pub struct AuditProblemView {
    pub worker: Option<String>,
    pub laptop: String,
    /// `missing`, `not_signed`, `broken_chain` or `unknown_device`.
    pub problem: String,
    /// The entry numbers it is about (both the same for one entry; none for a whole laptop).
    #[ts(type = "number | null")]
    pub from: Option<u64>,
    #[ts(type = "number | null")]
    pub to: Option<u64>,
}

/// Each laptop's chain as far as it checks out.
#[derive(Debug, Serialize, TS)]
pub struct AuditLaptopView {
    pub worker: Option<String>,
    pub laptop: String,
    pub entries: u32,
    /// When its newest entry was written (RFC 3339): a laptop gone quiet shows here.
    pub last_at: Option<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct AuditLogView {
    /// Newest first, at most 1,000.
    pub entries: Vec<AuditEntryView>,
    /// How many entries checked out in all.
    pub total: u32,
    pub problems: Vec<AuditProblemView>,
    pub laptops: Vec<AuditLaptopView>,
}

/// The most pages the log is read in (2,000 entries each): a service that keeps answering is
/// not followed for ever.
const MOST_PAGES: usize = 1000;

/// Every laptop's entries the service holds, read page by page. A page that does not move on
/// (an entry number at or before one already read) ends the reading: the service's order is its
/// own, and a service that repeats itself is not followed round.
async fn read_all(connection: &waymark_core::connection::ServiceConnection, now: waymark_core::Timestamp) -> CommandResult<BTreeMap<Uuid, Vec<AuditEntry>>> {
    let mut by_laptop: BTreeMap<Uuid, Vec<AuditEntry>> = BTreeMap::new();
    let mut after = 0;
    for _ in 0..MOST_PAGES {
        let page = waymark_client::audit_trail::fetch(connection, after, now).await?;
        let full = page.entries.len() == AUDIT_READ_PAGE;
        for row in page.entries {
            if row.entry_no <= after {
                return Ok(by_laptop);
            }
            after = row.entry_no;
            by_laptop.entry(row.entry.content.device_id).or_default().push(row.entry);
        }
        if !full {
            break;
        }
    }
    Ok(by_laptop)
}

fn problem_view(worker: Option<String>, laptop: Uuid, p: AuditProblem) -> AuditProblemView {
    let (problem, from, to) = match p {
        AuditProblem::Missing { from, to } => ("missing", Some(from), Some(to)),
        AuditProblem::NotSigned { seq } => ("not_signed", Some(seq), Some(seq)),
        AuditProblem::BrokenChain { seq } => ("broken_chain", Some(seq), Some(seq)),
        AuditProblem::UnknownDevice => ("unknown_device", None, None),
    };
    AuditProblemView { worker, laptop: laptop.to_string(), problem: problem.into(), from, to }
}

/// The audit log: every laptop's chain, checked; administrators only.
pub async fn audit_log(app: &AppState, _: NoArguments) -> CommandResult<AuditLogView> {
    let connection = connection_of(app)?;
    read_roster(app, &connection).await?;
    let roster = app.in_session(|v, s| Ok(waymark_client::verified_roster(v, s, &connection)?))?.ok_or_else(|| CommandError::new("not_approved"))?;
    if !roster.is_admin_worker(connection.person_id.unwrap_or_default()) {
        return Err(CommandError::new("not_admin"));
    }
    // This laptop's own newest entries first, so what the administrator just did is there too.
    crate::worker::hand_in_audit(app, &connection).await?;
    let mut by_laptop = read_all(&connection, app.now()).await?;
    // This laptop's own copy: what the service took from it must be there, to its last entry.
    let own_last_handed_in = app.with_session(|v, s| v.last_audit_handed_in(s, connection.device_id))?;
    // Every worker's laptop the roster ever certified is listed, with nothing handed over if the
    // service gave nothing: a laptop whose whole chain is withheld shows as having written nothing.
    let laptops_in_roster: Vec<Uuid> = roster.devices().filter(|(_, d)| matches!(d.owner, waymark_sync::roster::DeviceOwner::Worker(_))).map(|(id, _)| *id).collect();
    for laptop in laptops_in_roster.into_iter().chain([connection.device_id]) {
        by_laptop.entry(laptop).or_default();
    }
    let labels = app.with_session(|v, s| v.person_labels(s))?;

    let mut entries: Vec<(AuditEntry, Option<Uuid>)> = Vec::new();
    let mut problems = Vec::new();
    let mut laptops = Vec::new();
    for (laptop, given) in by_laptop {
        let chain = verify_chain(&roster, laptop, given);
        let worker = chain.worker_id.and_then(|w| roster.worker(w)).map(|w| w.name.clone());
        for p in &chain.problems {
            problems.push(problem_view(worker.clone(), laptop, *p));
        }
        if laptop == connection.device_id {
            let shown = chain.entries.last().map(|e| e.content.seq);
            if let Some(last) = own_last_handed_in.filter(|l| shown.is_none_or(|s| s < *l)) {
                problems.push(problem_view(worker.clone(), laptop, AuditProblem::Missing { from: shown.map_or(0, |s| s + 1), to: last }));
            }
        }
        if chain.problems.contains(&AuditProblem::UnknownDevice) {
            continue;
        }
        laptops.push(AuditLaptopView {
            worker: worker.clone(),
            laptop: laptop.to_string(),
            entries: chain.entries.len() as u32,
            last_at: chain.entries.last().map(|e| waymark_core::Timestamp(e.content.at).to_rfc3339()),
        });
        entries.extend(chain.entries.into_iter().map(|e| (e, chain.worker_id)));
    }
    let total = entries.len() as u32;
    entries.sort_by(|(a, _), (b, _)| b.content.at.cmp(&a.content.at).then_with(|| b.content.seq.cmp(&a.content.seq)));
    entries.truncate(SHOWN);
    let entries = entries
        .into_iter()
        .map(|(e, worker_id)| {
            let worker = worker_id.and_then(|w| roster.worker(w));
            let mut view = AuditEntryView {
                at: waymark_core::Timestamp(e.content.at).to_rfc3339(),
                worker: worker.map(|w| w.name.clone()),
                role: worker.map(|w| w.role),
                laptop: e.content.device_id.to_string(),
                action: e.content.action.name().into(),
                person: None,
                person_name: None,
                answer: None,
                plan_version: None,
                library_version: None,
                roster_change: None,
                items: None,
            };
            let person = match e.content.action {
                AuditAction::Opened { person_id, .. } => person_id,
                AuditAction::Answered { person_id, answer, .. } => {
                    view.answer = Some(answer);
                    person_id
                }
                AuditAction::PublishedPlan { person_id, version, .. } => {
                    view.plan_version = Some(version);
                    Some(person_id)
                }
                AuditAction::SavedCaseRecord { person_id, items } => {
                    view.items = Some(items);
                    person_id
                }
                AuditAction::ChangedRoster { op, .. } => {
                    view.roster_change = Some(op);
                    None
                }
                AuditAction::MadeInvite { person_id } => Some(person_id),
                AuditAction::PublishedLibrary { version } => {
                    view.library_version = Some(version);
                    None
                }
            };
            view.person = person.map(|p| p.to_string());
            view.person_name = person.and_then(|p| labels.get(&p).cloned().or_else(|| roster.worker(p).map(|w| w.name.clone())));
            view
        })
        .collect();
    Ok(AuditLogView { entries, total, problems, laptops })
}
