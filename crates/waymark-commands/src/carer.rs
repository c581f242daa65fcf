//! A foster carer's own things: the household's safer-caring policy (guided, saved as it is
//! typed, and made into a document) and the learning log (entries, totals by month, CSV).

use serde::Deserialize;
use ts_rs::TS;
use waymark_core::domain::learning::{learning_log_csv, learning_log_document_name, minutes_by_month, LearningEntry};
use waymark_core::domain::policy::{PolicyTopic, SaferCaringPolicy};
use waymark_core::domain::{RecordBody, StoredRecord};

use crate::error::{CommandError, CommandResult};
use crate::export::save_document;
use crate::views::{LearningEntryView, LearningLogView, MonthTotal, PolicyTopicView, PolicyView, SavedFile};
use crate::{AppState, NoArguments};

/// The policy's topics in the guide's order.
pub async fn policy_guide(_: &AppState, _: NoArguments) -> CommandResult<Vec<PolicyTopicView>> {
    Ok(PolicyTopic::ALL.iter().map(|t| PolicyTopicView { topic: *t }).collect())
}

fn policy_of(rec: Option<StoredRecord>) -> Option<PolicyView> {
    rec.and_then(|r| match r.body {
        RecordBody::SaferCaringPolicy(policy) => Some(PolicyView { id: r.id.to_string(), policy }),
        _ => None,
    })
}

pub async fn get_policy(app: &AppState, _: NoArguments) -> CommandResult<Option<PolicyView>> {
    Ok(policy_of(app.with_session(|v, s| v.safer_caring_policy(s))?))
}

#[derive(Debug, Deserialize, TS)]
pub struct SavePolicyRequest {
    pub policy: SaferCaringPolicy,
}

pub async fn save_policy(app: &AppState, req: SavePolicyRequest) -> CommandResult<PolicyView> {
    let saved = app.with_session(|v, s| v.save_safer_caring_policy(s, req.policy))?;
    policy_of(Some(saved)).ok_or_else(|| CommandError::new("internal"))
}

/// Saves the policy as a document (HTML: it opens in any browser and prints cleanly).
pub async fn export_policy(app: &AppState, _: NoArguments) -> CommandResult<SavedFile> {
    let (policy, language) = app.with_session(|v, s| Ok((v.safer_caring_policy(s)?, v.profile_language(s)?)))?;
    let PolicyView { policy, .. } = policy_of(policy).ok_or_else(|| CommandError::new("no_policy"))?;
    save_document(app, &policy.document_name(language), "html", policy.to_html(language).as_bytes())
}

fn learning_log_view(records: Vec<StoredRecord>) -> LearningLogView {
    let entries: Vec<LearningEntryView> = records
        .into_iter()
        .filter_map(|r| match r.body {
            RecordBody::LearningEntry(entry) => Some(LearningEntryView { id: r.id.to_string(), entry }),
            _ => None,
        })
        .collect();
    let by_month: Vec<MonthTotal> = minutes_by_month(entries.iter().map(|e| &e.entry))
        .into_iter()
        .map(|(month, minutes)| MonthTotal { month, minutes })
        .collect();
    let total_minutes = by_month.iter().map(|m| m.minutes).sum();
    LearningLogView { entries, by_month, total_minutes }
}

pub async fn learning_log(app: &AppState, _: NoArguments) -> CommandResult<LearningLogView> {
    Ok(learning_log_view(app.with_session(|v, s| v.learning_entries(s))?))
}

#[derive(Debug, Deserialize, TS)]
pub struct AddLearningRequest {
    pub entry: LearningEntry,
}

pub async fn add_learning(app: &AppState, req: AddLearningRequest) -> CommandResult<LearningLogView> {
    Ok(learning_log_view(app.with_session(|v, s| {
        v.add_learning_entry(s, req.entry)?;
        v.learning_entries(s)
    })?))
}

/// Saves the learning log as CSV, for the annual review or a spreadsheet.
pub async fn export_learning_log(app: &AppState, _: NoArguments) -> CommandResult<SavedFile> {
    let (name, records, language) =
        app.with_session(|v, s| Ok((s.display_name().to_string(), v.learning_entries(s)?, v.profile_language(s)?)))?;
    let csv = learning_log_csv(
        language,
        records.iter().filter_map(|r| match &r.body {
            RecordBody::LearningEntry(e) => Some(e),
            _ => None,
        }),
    );
    save_document(app, &learning_log_document_name(language, &name), "csv", csv.as_bytes())
}
