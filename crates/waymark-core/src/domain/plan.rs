//! Care plans and pathway plans. A plan is published by the service as numbered versions; every
//! version is kept as its own record, and [`diff`] says what changed between two of them in words
//! a young person can follow.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::Timestamp;
use crate::error::{Error, Field, Problem, Result};
use crate::validate::{self, SHORT_TEXT, LONG_TEXT};
use waymark_i18n::{FluentValue, Language};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    CarePlan,
    PathwayPlan,
}

/// The ten matters a pathway plan covers in England.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    PersonalSupport,
    EducationOrTraining,
    Employment,
    ContingencyPlans,
    Accommodation,
    FamilyAndSocialRelationships,
    PracticalSkills,
    FinancialSupport,
    Health,
    Identity,
}

impl Matter {
    pub const ALL: [Matter; 10] = [
        Matter::PersonalSupport,
        Matter::EducationOrTraining,
        Matter::Employment,
        Matter::ContingencyPlans,
        Matter::Accommodation,
        Matter::FamilyAndSocialRelationships,
        Matter::PracticalSkills,
        Matter::FinancialSupport,
        Matter::Health,
        Matter::Identity,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub text: String,
    /// Who does it, e.g. "Me", "My personal adviser".
    pub owner: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub due: Option<String>,
    pub status: ActionStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    /// Which pathway-plan matter this goal belongs to (pathway plans need one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub matter: Option<Matter>,
    pub text: String,
    #[serde(default)]
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The same for every version of one plan.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub plan_id: Uuid,
    pub version: u32,
    pub kind: PlanKind,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// `YYYY-MM-DD`.
    pub effective_from: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub received_at: Timestamp,
    /// `YYYY-MM-DD`: the next review, as the service set it (the young person's home shows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub next_review_on: Option<String>,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

fn check_id(field: Field, id: &str) -> Result<()> {
    validate::required_text(field, id, 64)?;
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Error::invalid(field, Problem::OnlyCharacters { allowed: "A-Z a-z 0-9 - _" }));
    }
    Ok(())
}

impl Plan {
    pub fn validate(&self) -> Result<()> {
        if self.version == 0 {
            return Err(Error::invalid(Field::PlanVersion, Problem::AtLeast { min: 1 }));
        }
        validate::required_text(Field::PlanTitle, &self.title, SHORT_TEXT)?;
        validate::text(Field::PlanSummary, &self.summary, LONG_TEXT)?;
        validate::date(Field::EffectiveFrom, &self.effective_from)?;
        validate::optional_date(Field::NextReview, &self.next_review_on)?;
        validate::list_len(Field::Goals, &self.goals)?;
        let mut ids = std::collections::HashSet::new();
        for g in &self.goals {
            check_id(Field::GoalId, &g.id)?;
            if !ids.insert(g.id.as_str()) {
                return Err(Error::invalid(Field::GoalId, Problem::Twice { given: g.id.clone() }));
            }
            validate::required_text(Field::Goal, &g.text, LONG_TEXT)?;
            if self.kind == PlanKind::PathwayPlan && g.matter.is_none() {
                return Err(Error::invalid(Field::Goal, Problem::NeedsPathwayMatter { given: g.id.clone() }));
            }
            validate::list_len(Field::Actions, &g.actions)?;
            let mut action_ids = std::collections::HashSet::new();
            for a in &g.actions {
                check_id(Field::ActionId, &a.id)?;
                if !action_ids.insert(a.id.as_str()) {
                    return Err(Error::invalid(Field::ActionId, Problem::Twice { given: a.id.clone() }));
                }
                validate::required_text(Field::Action, &a.text, LONG_TEXT)?;
                validate::required_text(Field::WhoDoesIt, &a.owner, SHORT_TEXT)?;
                validate::optional_date(Field::DueDate, &a.due)?;
            }
        }
        Ok(())
    }
}

/// One difference between two versions of a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PlanChange {
    TitleChanged { from: String, to: String },
    SummaryChanged { from: String, to: String },
    NextReviewChanged { from: Option<String>, to: Option<String> },
    GoalAdded { goal_id: String, text: String },
    GoalRemoved { goal_id: String, text: String },
    GoalChanged { goal_id: String, from: String, to: String },
    ActionAdded { goal_id: String, action_id: String, text: String },
    ActionRemoved { goal_id: String, action_id: String, text: String },
    /// For [`ActionField::Status`], `from` and `to` are the status codes (`not_started`…).
    ActionChanged { goal_id: String, action_id: String, text: String, field: ActionField, from: String, to: String },
}

/// Which part of an action changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionField {
    Wording,
    Owner,
    Due,
    Status,
}

impl PlanChange {
    /// The change in a short sentence, in `language` (the catalogues' `plan-change-*`).
    pub fn describe(&self, language: Language) -> String {
        let say = |id: &str, values: &[(&str, &str)]| {
            let values: Vec<(&str, FluentValue<'_>)> = values.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
            waymark_i18n::text_with(language, id, &values)
        };
        let status = |code: &str| waymark_i18n::text(language, &format!("plan-change-status-{code}"));
        match self {
            PlanChange::TitleChanged { from, to } => say("plan-change-title", &[("from", from), ("to", to)]),
            PlanChange::SummaryChanged { .. } => say("plan-change-summary", &[]),
            PlanChange::NextReviewChanged { to: Some(to), .. } => say("plan-change-next-review", &[("date", to)]),
            PlanChange::NextReviewChanged { to: None, .. } => say("plan-change-no-next-review", &[]),
            PlanChange::GoalAdded { text, .. } => say("plan-change-goal-added", &[("text", text)]),
            PlanChange::GoalRemoved { text, .. } => say("plan-change-goal-removed", &[("text", text)]),
            PlanChange::GoalChanged { from, to, .. } => say("plan-change-goal-changed", &[("from", from), ("to", to)]),
            PlanChange::ActionAdded { text, .. } => say("plan-change-action-added", &[("text", text)]),
            PlanChange::ActionRemoved { text, .. } => say("plan-change-action-removed", &[("text", text)]),
            PlanChange::ActionChanged { text, field, from, to, .. } => match field {
                ActionField::Wording => say("plan-change-action-wording", &[("text", text), ("from", from), ("to", to)]),
                ActionField::Owner => say("plan-change-action-owner", &[("text", text), ("from", from), ("to", to)]),
                ActionField::Due => say("plan-change-action-due", &[("text", text), ("from", from), ("to", to)]),
                ActionField::Status => {
                    say("plan-change-action-status", &[("text", text), ("from", &status(from)), ("to", &status(to))])
                }
            },
        }
    }
}

fn status_code(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::NotStarted => "not_started",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
    }
}

/// What changed from `old` to `new`, goals and actions matched by id.
pub fn diff(old: &Plan, new: &Plan) -> Vec<PlanChange> {
    let mut out = Vec::new();
    if old.title != new.title {
        out.push(PlanChange::TitleChanged { from: old.title.clone(), to: new.title.clone() });
    }
    if old.summary != new.summary {
        out.push(PlanChange::SummaryChanged { from: old.summary.clone(), to: new.summary.clone() });
    }
    if old.next_review_on != new.next_review_on {
        out.push(PlanChange::NextReviewChanged { from: old.next_review_on.clone(), to: new.next_review_on.clone() });
    }
    for g in &old.goals {
        if !new.goals.iter().any(|n| n.id == g.id) {
            out.push(PlanChange::GoalRemoved { goal_id: g.id.clone(), text: g.text.clone() });
        }
    }
    for n in &new.goals {
        let Some(o) = old.goals.iter().find(|o| o.id == n.id) else {
            out.push(PlanChange::GoalAdded { goal_id: n.id.clone(), text: n.text.clone() });
            continue;
        };
        if o.text != n.text {
            out.push(PlanChange::GoalChanged { goal_id: n.id.clone(), from: o.text.clone(), to: n.text.clone() });
        }
        for a in &o.actions {
            if !n.actions.iter().any(|x| x.id == a.id) {
                out.push(PlanChange::ActionRemoved { goal_id: n.id.clone(), action_id: a.id.clone(), text: a.text.clone() });
            }
        }
        for a in &n.actions {
            let Some(b) = o.actions.iter().find(|x| x.id == a.id) else {
                out.push(PlanChange::ActionAdded { goal_id: n.id.clone(), action_id: a.id.clone(), text: a.text.clone() });
                continue;
            };
            let mut field = |field: ActionField, from: String, to: String| {
                if from != to {
                    out.push(PlanChange::ActionChanged {
                        goal_id: n.id.clone(),
                        action_id: a.id.clone(),
                        text: a.text.clone(),
                        field,
                        from,
                        to,
                    });
                }
            };
            field(ActionField::Wording, b.text.clone(), a.text.clone());
            field(ActionField::Owner, b.owner.clone(), a.owner.clone());
            field(ActionField::Due, b.due.clone().unwrap_or_default(), a.due.clone().unwrap_or_default());
            field(ActionField::Status, status_code(b.status).into(), status_code(a.status).into());
        }
    }
    out
}

/// One plan as "My plan" shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanOverview {
    pub latest: Plan,
    /// Every version held, oldest first.
    pub versions: Vec<u32>,
    pub previous_version: Option<u32>,
    /// What changed from `previous_version` to `latest`; empty for a first version.
    pub changes: Vec<PlanChange>,
}
