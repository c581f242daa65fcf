//! A young person's plans (every version kept, with what changed) and their pathway notes.

use serde::Deserialize;
use ts_rs::TS;
use waymark_core::domain::note::PathwayNote;
use waymark_core::domain::plan::Matter;
use waymark_core::domain::{RecordBody, StoredRecord};

use crate::check::{not_a, record_id};
use crate::error::CommandResult;
use crate::views::{NoteInput, NoteView, PlanView};
use crate::{AppState, NoArguments};

/// The matters a plan covers, in order (England's ten pathway plan matters).
pub async fn plan_matters(_: &AppState, _: NoArguments) -> CommandResult<Vec<Matter>> {
    Ok(Matter::ALL.to_vec())
}

/// Each plan: its latest version and what changed since the one before, said in the person's
/// language.
pub async fn list_plans(app: &AppState, _: NoArguments) -> CommandResult<Vec<PlanView>> {
    let (plans, language) = app.with_session(|v, s| Ok((v.plan_overview(s)?, v.profile_language(s)?)))?;
    Ok(plans
        .into_iter()
        .map(|p| PlanView {
            changes: p.changes.iter().map(|c| c.describe(language)).collect(),
            latest: p.latest,
            versions: p.versions,
            previous_version: p.previous_version,
        })
        .collect())
}

fn note_view(rec: StoredRecord) -> CommandResult<NoteView> {
    match rec.body {
        RecordBody::PathwayNote(note) => Ok(NoteView { id: rec.id.to_string(), note }),
        _ => Err(not_a("pathway_note")),
    }
}

pub async fn list_notes(app: &AppState, _: NoArguments) -> CommandResult<Vec<NoteView>> {
    app.with_session(|v, s| v.pathway_notes(s))?.into_iter().map(note_view).collect()
}

#[derive(Debug, Deserialize, TS)]
pub struct SaveNoteRequest {
    /// None writes a new note.
    pub id: Option<String>,
    pub note: NoteInput,
}

/// Writes a new note or replaces one. When it was written and whether it was shared are the
/// core's to keep, never the caller's.
pub async fn save_note(app: &AppState, req: SaveNoteRequest) -> CommandResult<NoteView> {
    let id = req.id.as_deref().map(record_id).transpose()?;
    let note = PathwayNote::written(req.note.matter, req.note.text, req.note.progress);
    note_view(app.with_session(|v, s| v.save_pathway_note(s, id, note))?)
}
