//! Getting ready for a review and saying something between reviews: the question set, who to
//! call, and statements from draft to ready (the service's answers move them on from there).

use serde::Deserialize;
use ts_rs::TS;
use waymark_core::domain::statement::{Answer, QuestionSet, HELPLINES};
use waymark_core::domain::{RecordBody, StatementKind, StatementStatus, StoredRecord};
use waymark_core::error::Field;
use waymark_core::Language;

use crate::check::{check_len, not_a, record_id, MAX_QUESTION_ID};
use crate::error::CommandResult;
use crate::views::{AnswerView, ChoiceView, HelplineView, QuestionSetView, QuestionView, StatementView, StatusChangeView, WorkerResponseView};
use crate::{AppState, NoArguments};

pub(crate) fn statement_view(rec: StoredRecord) -> CommandResult<StatementView> {
    let RecordBody::Statement(st) = rec.body else {
        return Err(not_a("statement"));
    };
    Ok(StatementView {
        id: rec.id.to_string(),
        kind: st.kind,
        status: st.status(),
        urgent: st.kind.is_urgent(),
        answers: st
            .answers
            .into_iter()
            .map(|a| AnswerView { question_id: a.question_id, face: a.face, choice: a.choice, words: a.words })
            .collect(),
        words: st.words,
        history: st.history.into_iter().map(|h| StatusChangeView { status: h.status, at: h.at.to_rfc3339() }).collect(),
        responses: st
            .responses
            .into_iter()
            .map(|r| WorkerResponseView { kind: r.kind, worker_name: r.worker_name, worker_role: r.worker_role, words: r.words, at: r.at.to_rfc3339() })
            .collect(),
        updated_at: st.updated_at.to_rfc3339(),
    })
}

#[derive(Debug, Deserialize, TS)]
pub struct QuestionSetRequest {
    pub language: Language,
}

/// The current review questions (data, not code), in `language` where translated.
pub async fn question_set(_: &AppState, req: QuestionSetRequest) -> CommandResult<QuestionSetView> {
    let set = QuestionSet::current().in_language(req.language);
    Ok(QuestionSetView {
        id: set.set.id.clone(),
        version: set.set.version,
        title: set.title,
        questions: set
            .questions
            .into_iter()
            .map(|q| QuestionView {
                id: q.question.id.clone(),
                section: q.section,
                kind: q.question.kind.as_str().to_string(),
                prompt: q.prompt,
                hint: q.hint,
                choices: q.choices.into_iter().map(|(value, label)| ChoiceView { value, label }).collect(),
                language: q.language,
            })
            .collect(),
    })
}

/// Who to call now. Held in the app so it shows with no network.
pub async fn helplines(_: &AppState, _: NoArguments) -> CommandResult<Vec<HelplineView>> {
    Ok(HELPLINES.iter().map(|h| HelplineView { id: h.id.into(), number: h.number.into() }).collect())
}

pub async fn list_statements(app: &AppState, _: NoArguments) -> CommandResult<Vec<StatementView>> {
    app.with_session(|v, s| v.statements(s))?.into_iter().map(statement_view).collect()
}

#[derive(Debug, Deserialize, TS)]
pub struct StartStatementRequest {
    pub kind: StatementKind,
}

pub async fn start_statement(app: &AppState, req: StartStatementRequest) -> CommandResult<StatementView> {
    statement_view(app.with_session(|v, s| v.start_statement(s, req.kind))?)
}

#[derive(Debug, Deserialize, TS)]
pub struct SaveAnswerRequest {
    pub id: String,
    pub answer: AnswerView,
}

pub async fn save_answer(app: &AppState, req: SaveAnswerRequest) -> CommandResult<StatementView> {
    let id = record_id(&req.id)?;
    check_len(Field::Question, &req.answer.question_id, MAX_QUESTION_ID)?;
    let a = req.answer;
    let answer = Answer { question_id: a.question_id, face: a.face, choice: a.choice, words: a.words };
    statement_view(app.with_session(|v, s| v.save_answer(s, id, answer))?)
}

#[derive(Debug, Deserialize, TS)]
pub struct SaveWordsRequest {
    pub id: String,
    pub words: String,
}

pub async fn save_words(app: &AppState, req: SaveWordsRequest) -> CommandResult<StatementView> {
    let id = record_id(&req.id)?;
    statement_view(app.with_session(|v, s| v.save_words(s, id, req.words))?)
}

#[derive(Debug, Deserialize, TS)]
pub struct SetStatementStatusRequest {
    pub id: String,
    pub status: StatementStatus,
}

/// Draft to ready and back; the core refuses the statuses only the service's answers set.
pub async fn set_statement_status(app: &AppState, req: SetStatementStatusRequest) -> CommandResult<StatementView> {
    let id = record_id(&req.id)?;
    statement_view(app.with_session(|v, s| v.set_statement_status(s, id, req.status))?)
}
