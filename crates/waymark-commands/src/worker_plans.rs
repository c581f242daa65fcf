//! Plans from the worker app: a person's care or pathway plan written and changed in a form,
//! "what changed" shown exactly as the person's app will say it (the same `diff` and the same
//! words), then published signed by this laptop and sealed to that person's approved devices
//! only. Every version this laptop published is kept in its vault. Declared in the worker list
//! only.
//!
//! Only a worker the roster allocates to the person may publish their plan; their device checks
//! that again itself. This module never sends a plan the worker did not ask to publish.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;
use waymark_core::domain::plan::{diff, Plan, PlanKind};

use crate::check::record_id;
use crate::error::{CommandError, CommandResult};
use crate::sharing::{current_connection, read_roster};
use crate::AppState;

/// A person's plan as this laptop last published it, and the draft to change.
#[derive(Debug, Serialize, TS)]
pub struct PersonPlanView {
    pub person: String,
    /// The latest version this laptop published, if any.
    pub latest: Option<Plan>,
    /// Every version it published, oldest first.
    pub versions: Vec<u32>,
    /// What the form starts from: the latest version to change, or a new plan.
    pub draft: Plan,
    /// Whether this worker is one of the person's allocated workers (only they may publish).
    pub may_publish: bool,
}

/// What publishing the draft would change, in the words the person's app will use.
#[derive(Debug, Serialize, TS)]
pub struct PlanPreviewView {
    /// The version it would be.
    pub version: u32,
    pub changes: Vec<String>,
    /// The first version: there is nothing to compare with.
    pub first: bool,
}

#[derive(Debug, Serialize, TS)]
pub struct PublishedPlanView {
    pub version: u32,
    /// How many of the person's devices it was sealed to.
    pub devices: u32,
    pub changes: Vec<String>,
}

#[derive(Debug, Deserialize, TS)]
pub struct PersonPlanRequest {
    pub person: String,
}

#[derive(Debug, Deserialize, TS)]
pub struct PlanDraftRequest {
    pub person: String,
    pub plan: Plan,
}

fn person_of(text: &str) -> CommandResult<Uuid> {
    Ok(record_id(text)?.0)
}

/// Whether this laptop's worker is allocated to `person` in the verified roster.
fn allocated(app: &AppState, person: Uuid) -> CommandResult<bool> {
    let Some(c) = current_connection(app) else { return Ok(false) };
    let roster = app.in_session(|v, s| Ok(waymark_client::verified_roster(v, s, &c)?))?;
    Ok(roster.zip(c.person_id).is_some_and(|(r, me)| r.person(person).is_some_and(|p| p.allocations.values().any(|w| *w == me))))
}

/// The draft `plan` checked as the next version of `person`'s plan: the same plan as what was
/// published before (a new plan keeps the id it was given) and one version on (a draft made
/// before another version went out is refused, not published over it); stamped now.
fn next_version(app: &AppState, person: Uuid, mut plan: Plan) -> CommandResult<(Plan, Option<Plan>)> {
    use waymark_core::error::{Field, Problem};
    let latest = app.with_session(|v, s| v.published_plans(s, person))?.pop();
    let expected = latest.as_ref().map_or(1, |l| l.version + 1);
    if plan.version != expected {
        return Err(waymark_core::Error::Invalid { field: Field::PlanVersion, problem: Problem::NotNewer { version: plan.version, latest: expected - 1 } }.into());
    }
    if latest.as_ref().is_some_and(|l| l.plan_id != plan.plan_id) {
        return Err(waymark_core::Error::Invalid { field: Field::PlanVersion, problem: Problem::NotKnown { given: plan.plan_id.to_string() } }.into());
    }
    plan.received_at = app.now();
    plan.validate()?;
    Ok((plan, latest))
}

fn changes(app: &AppState, latest: Option<&Plan>, plan: &Plan) -> CommandResult<Vec<String>> {
    let language = app.with_session(|v, s| v.profile_language(s))?;
    Ok(latest.map(|l| diff(l, plan).iter().map(|c| c.describe(language)).collect()).unwrap_or_default())
}

/// The plan this laptop last published to `person`, and a draft to change (a new care plan when
/// there is none yet).
pub async fn person_plan(app: &AppState, req: PersonPlanRequest) -> CommandResult<PersonPlanView> {
    let person = person_of(&req.person)?;
    let published = app.with_session(|v, s| v.published_plans(s, person))?;
    let latest = published.last().cloned();
    let draft = match &latest {
        Some(l) => Plan { version: l.version + 1, ..l.clone() },
        None => {
            let mut id = [0u8; 16];
            app.entropy().fill(&mut id);
            let today = app.now().date_string();
            Plan {
                plan_id: uuid::Builder::from_random_bytes(id).into_uuid(),
                version: 1,
                kind: PlanKind::CarePlan,
                title: String::new(),
                summary: String::new(),
                effective_from: today,
                received_at: app.now(),
                next_review_on: None,
                goals: Vec::new(),
            }
        }
    };
    Ok(PersonPlanView {
        person: person.to_string(),
        versions: published.iter().map(|p| p.version).collect(),
        latest,
        draft,
        may_publish: allocated(app, person)?,
    })
}

/// What publishing `plan` would change, said as the person's app will say it. Checks the plan
/// as publishing does; sends nothing.
pub async fn preview_plan(app: &AppState, req: PlanDraftRequest) -> CommandResult<PlanPreviewView> {
    let person = person_of(&req.person)?;
    let (plan, latest) = next_version(app, person, req.plan)?;
    Ok(PlanPreviewView { version: plan.version, changes: changes(app, latest.as_ref(), &plan)?, first: latest.is_none() })
}

/// Publishes `plan` as the next version of `person`'s plan: sealed to each device the verified
/// roster certifies for them, signed by this laptop, then kept here. Refused, with nothing sent,
/// unless this worker is one of theirs.
pub async fn publish_plan(app: &AppState, req: PlanDraftRequest) -> CommandResult<PublishedPlanView> {
    let person = person_of(&req.person)?;
    let (plan, latest) = next_version(app, person, req.plan)?;
    let connection = crate::worker::connection_of(app)?;
    read_roster(app, &connection).await?;
    if !allocated(app, person)? {
        return Err(CommandError::new("not_their_worker"));
    }
    let roster = app.in_session(|v, s| Ok(waymark_client::verified_roster(v, s, &connection)?))?.ok_or_else(|| CommandError::new("not_approved"))?;
    let changes = changes(app, latest.as_ref(), &plan)?;
    // Nothing goes while the connection or roster on this laptop cannot be proved.
    app.with_session(|v, s| v.check_before_sending(s))?;
    // Kept before it goes, so its version is never used twice; forgotten again if it could not go.
    app.with_session(|v, s| v.keep_published_plan(s, person, &plan))?;
    match waymark_client::worker::publish_plan(&connection, &roster, person, &plan, app.entropy(), app.now()).await {
        Ok(devices) => {
            let action = waymark_sync::audit::AuditAction::PublishedPlan { person_id: person, plan_id: plan.plan_id, version: plan.version };
            crate::worker::audit(app, &connection, action)?;
            Ok(PublishedPlanView { version: plan.version, devices, changes })
        }
        Err(e) => {
            app.with_session(|v, s| v.forget_published_plan(s, person, plan.plan_id, plan.version))?;
            Err(e.into())
        }
    }
}
