//! The Waymark desktop shell. Each command validates its arguments, calls `waymark-core`, and
//! returns either a value or an [`ipc::IpcError`] (`{code, message}`). No logic lives here, and
//! the web view gets no shell, file-system or HTTP access: only the commands listed in
//! `capabilities/main-window.json`.

pub mod ipc;
mod sharing;
#[cfg(test)]
mod hostile_input;

use std::path::PathBuf;
use std::sync::Mutex;

use ipc::{
    AnswerView, ChoiceView, HelplineView, IpcError, LearningEntryView, LearningLogView, MonthTotal,
    NoteInput, NoteView, PlanView, PolicyView, PolicyTopicView, ProfileView, QuestionSetView, QuestionView, ResourceHitView,
    ResourceMarkView, ResourceView, SavedFile, SessionView, NewRecoveryCode, SessionWithCode, SharingView, StatementView,
    StatusChangeView, WithdrawnView,
};
use waymark_core::domain::consent::ShareableKind;
use waymark_core::domain::learning::{learning_log_csv, learning_log_document_name, minutes_by_month, LearningEntry};
use waymark_core::domain::note::PathwayNote;
use waymark_core::domain::plan::Matter;
use waymark_core::domain::policy::{PolicyTopic, SaferCaringPolicy};
use waymark_core::secret::{suggest_passphrase, RecoveryCode, Strength};
use waymark_core::settings::DisplaySettings;
use waymark_core::domain::statement::{Answer, QuestionSet, HELPLINES};
use waymark_core::domain::{RecordBody, StatementKind, StatementStatus, StoredRecord};
use waymark_core::error::{Field, Problem};
use waymark_core::RecordId;
use tauri::Manager;
use waymark_core::secret::Passphrase;
use waymark_core::{Language, Role, Session, SystemEntropy, Vault, VaultOptions};

/// What the shell holds while running: the open vault and, when unlocked, the one session.
pub struct AppState {
    vault: Mutex<Vault>,
    session: Mutex<Option<Session>>,
    /// Where documents the person asks for are saved (their Downloads folder by default).
    documents: PathBuf,
    sharing: Mutex<sharing::SharingState>,
    /// Held while the outbox is being sent, so two passes never send the same item at once.
    sending: tokio::sync::Mutex<()>,
}

type CommandResult<T> = Result<T, IpcError>;

const MAX_NAME: usize = 60;
const MAX_PASSPHRASE: usize = 1024;

fn check_len(field: Field, value: &str, max: usize) -> CommandResult<()> {
    let actual = value.chars().count();
    if actual > max {
        return Err(waymark_core::Error::TooLong { field, max, actual }.into());
    }
    Ok(())
}

/// Refuses a record id that names a record of another kind.
fn not_a(expected: &'static str) -> IpcError {
    waymark_core::Error::Invalid { field: Field::Record, problem: Problem::NotA { expected } }.into()
}

fn view(vault: &Vault, s: &Session) -> CommandResult<SessionView> {
    Ok(SessionView { name: s.display_name().to_string(), role: s.role(), language: vault.profile_language(s)? })
}

fn locked() -> IpcError {
    IpcError::new("locked")
}

fn poisoned<T>(_: T) -> IpcError {
    IpcError::new("internal")
}

#[tauri::command]
async fn list_profiles(state: tauri::State<'_, AppState>) -> CommandResult<Vec<ProfileView>> {
    let vault = state.vault.lock().map_err(poisoned)?;
    Ok(vault
        .list_profiles()?
        .into_iter()
        .map(|p| ProfileView { name: p.display_name, role: p.role, language: p.language })
        .collect())
}

#[tauri::command]
async fn create_profile(
    state: tauri::State<'_, AppState>,
    name: String,
    role: String,
    passphrase: String,
) -> CommandResult<SessionWithCode> {
    check_len(Field::Name, &name, MAX_NAME)?;
    check_len(Field::Passphrase, &passphrase, MAX_PASSPHRASE)?;
    let role = Role::parse(&role)?;
    let passphrase = Passphrase::new(passphrase);
    let (session, code) = state.vault.lock().map_err(poisoned)?.create_profile(&name, role, &passphrase)?;
    open_with_code(&state, session, &code)
}

/// Makes `session` the unlocked one and returns it with its recovery code, to be shown once.
fn open_with_code(state: &AppState, session: Session, code: &RecoveryCode) -> CommandResult<SessionWithCode> {
    let session_view = view(&*state.vault.lock().map_err(poisoned)?, &session)?;
    let out = SessionWithCode { session: session_view, recovery_code: code.display().to_string() };
    *state.session.lock().map_err(poisoned)? = Some(session);
    Ok(out)
}

#[tauri::command]
async fn unlock(
    state: tauri::State<'_, AppState>,
    name: String,
    passphrase: String,
) -> CommandResult<SessionView> {
    check_len(Field::Name, &name, MAX_NAME)?;
    check_len(Field::Passphrase, &passphrase, MAX_PASSPHRASE)?;
    let passphrase = Passphrase::new(passphrase);
    let mut vault = state.vault.lock().map_err(poisoned)?;
    let session = vault.unlock(&name, &passphrase)?;
    let v = view(&vault, &session)?;
    drop(vault);
    *state.session.lock().map_err(poisoned)? = Some(session);
    Ok(v)
}

/// Locks: the session, and with it the vault key, is dropped and zeroed.
#[tauri::command]
async fn lock(state: tauri::State<'_, AppState>) -> CommandResult<()> {
    state.session.lock().map_err(poisoned)?.take();
    Ok(())
}

/// Quick exit: lock at once and hide the window. Opening Waymark again brings the window back,
/// locked (see the single-instance handler in `run`).
#[tauri::command]
async fn quick_exit<R: tauri::Runtime>(state: tauri::State<'_, AppState>, window: tauri::WebviewWindow<R>) -> CommandResult<()> {
    state.session.lock().map_err(poisoned)?.take();
    window.hide().map_err(|_| IpcError::new("window"))?;
    Ok(())
}

#[tauri::command]
async fn session_status(state: tauri::State<'_, AppState>) -> CommandResult<Option<SessionView>> {
    let session = state.session.lock().map_err(poisoned)?;
    let vault = state.vault.lock().map_err(poisoned)?;
    session.as_ref().map(|s| view(&vault, s)).transpose()
}

/// Shows the unlocked person's profile in `language` from now on (Settings).
#[tauri::command]
async fn set_profile_language(state: tauri::State<'_, AppState>, language: Language) -> CommandResult<SessionView> {
    in_session(&state, |v, s| {
        v.set_profile_language(s, language)?;
        view(v, s)
    })
}

/// Searches the guidance library. The library is published guidance, the same for everyone, so
/// it can be read while locked: help pages such as "Who to call" must never need a passphrase.
#[tauri::command]
/// Each page comes in `language` where it is translated, otherwise in English (the hit says so).
async fn search_library(
    state: tauri::State<'_, AppState>,
    query: String,
    language: Language,
) -> CommandResult<Vec<ResourceHitView>> {
    check_len(Field::Search, &query, 200)?;
    let vault = state.vault.lock().map_err(poisoned)?;
    Ok(vault
        .search_library(&query, 100, language)?
        .into_iter()
        .map(|h| ResourceHitView {
            id: h.id,
            title: h.title,
            summary: h.summary,
            audience: h.audience,
            reading_minutes: h.reading_minutes,
            tags: h.tags,
            language: h.language,
        })
        .collect())
}

#[tauri::command]
async fn get_resource(state: tauri::State<'_, AppState>, id: String, language: Language) -> CommandResult<ResourceView> {
    check_len(Field::ResourceId, &id, 80)?;
    let r = state.vault.lock().map_err(poisoned)?.get_resource(&id, language)?;
    Ok(ResourceView {
        reading_minutes: waymark_core::domain::library::reading_minutes(&r.body),
        id: r.id,
        title: r.title,
        summary: r.summary,
        audience: r.audience,
        body: r.body,
        tags: r.tags,
        last_reviewed: r.last_reviewed,
        sources: r.sources,
        language: r.language,
    })
}

/// Runs `f` with the vault and the unlocked session, or says the vault is locked.
fn with_session<T>(
    state: &AppState,
    f: impl FnOnce(&mut Vault, &Session) -> waymark_core::Result<T>,
) -> CommandResult<T> {
    in_session(state, |v, s| Ok(f(v, s)?))
}

/// Runs `f` with the vault and the unlocked session, or says Waymark is locked.
fn in_session<T>(state: &AppState, f: impl FnOnce(&mut Vault, &Session) -> CommandResult<T>) -> CommandResult<T> {
    let session = state.session.lock().map_err(poisoned)?;
    let session = session
        .as_ref()
        .ok_or_else(locked)?;
    let mut vault = state.vault.lock().map_err(poisoned)?;
    f(&mut vault, session)
}

fn statement_view(rec: StoredRecord) -> CommandResult<StatementView> {
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
        history: st
            .history
            .into_iter()
            .map(|h| StatusChangeView { status: h.status, at: h.at.to_rfc3339() })
            .collect(),
        updated_at: st.updated_at.to_rfc3339(),
    })
}

fn record_id(id: &str) -> CommandResult<RecordId> {
    check_len(Field::Id, id, 40)?;
    Ok(RecordId::parse(id)?)
}

/// The current review questions (data, not code), in `language` where translated.
#[tauri::command]
async fn question_set(language: Language) -> CommandResult<QuestionSetView> {
    let set = QuestionSet::current().in_language(language);
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
                kind: serde_json::to_value(&q.question.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                prompt: q.prompt,
                hint: q.hint,
                choices: q.choices.into_iter().map(|(value, label)| ChoiceView { value, label }).collect(),
                language: q.language,
            })
            .collect(),
    })
}

/// Who to call now. Held in the app so it shows with no network.
#[tauri::command]
async fn helplines() -> CommandResult<Vec<HelplineView>> {
    Ok(HELPLINES
        .iter()
        .map(|h| HelplineView { id: h.id.into(), number: h.number.into() })
        .collect())
}

#[tauri::command]
async fn list_statements(state: tauri::State<'_, AppState>) -> CommandResult<Vec<StatementView>> {
    with_session(&state, |v, s| v.statements(s))?.into_iter().map(statement_view).collect()
}

#[tauri::command]
async fn start_statement(state: tauri::State<'_, AppState>, kind: StatementKind) -> CommandResult<StatementView> {
    statement_view(with_session(&state, |v, s| v.start_statement(s, kind))?)
}

#[tauri::command]
async fn save_answer(
    state: tauri::State<'_, AppState>,
    id: String,
    answer: AnswerView,
) -> CommandResult<StatementView> {
    let id = record_id(&id)?;
    check_len(Field::Question, &answer.question_id, 64)?;
    let answer = Answer { question_id: answer.question_id, face: answer.face, choice: answer.choice, words: answer.words };
    statement_view(with_session(&state, |v, s| v.save_answer(s, id, answer))?)
}

#[tauri::command]
async fn save_words(state: tauri::State<'_, AppState>, id: String, words: String) -> CommandResult<StatementView> {
    let id = record_id(&id)?;
    statement_view(with_session(&state, |v, s| v.save_words(s, id, words))?)
}

#[tauri::command]
async fn set_statement_status(
    state: tauri::State<'_, AppState>,
    id: String,
    status: StatementStatus,
) -> CommandResult<StatementView> {
    let id = record_id(&id)?;
    // Only the service's answers move a statement past "ready"; the person can go ready <-> draft.
    if !matches!(status, StatementStatus::Draft | StatementStatus::Ready) {
        return Err(waymark_core::Error::InvalidTransition { from: String::new(), to: status.as_str().into() }.into());
    }
    statement_view(with_session(&state, |v, s| v.set_statement_status(s, id, status))?)
}

/// The strength meter's reading, using the same rules that refuse a weak passphrase.
#[tauri::command]
async fn passphrase_strength(passphrase: String) -> CommandResult<Strength> {
    check_len(Field::Passphrase, &passphrase, MAX_PASSPHRASE)?;
    Ok(Passphrase::new(passphrase).strength())
}

/// Three random words, offered on the start screen; the person may use them or not.
#[tauri::command]
async fn suggest_words() -> CommandResult<String> {
    Ok(suggest_passphrase(&SystemEntropy::new(), 3).expose().to_string())
}

/// "I forgot my passphrase": opens the profile with its recovery code and sets a new passphrase.
/// The old code stops working and a new one is shown once.
#[tauri::command]
async fn recover(
    state: tauri::State<'_, AppState>,
    name: String,
    recovery_code: String,
    passphrase: String,
) -> CommandResult<SessionWithCode> {
    check_len(Field::Name, &name, MAX_NAME)?;
    check_len(Field::RecoveryCode, &recovery_code, 64)?;
    check_len(Field::Passphrase, &passphrase, MAX_PASSPHRASE)?;
    let code = RecoveryCode::parse(&recovery_code)?;
    let passphrase = Passphrase::new(passphrase);
    let (session, new_code) = state.vault.lock().map_err(poisoned)?.recover(&name, &code, &passphrase)?;
    open_with_code(&state, session, &new_code)
}

/// Saves the recovery code the person is looking at as a file, when they ask to.
#[tauri::command]
async fn save_recovery_code(state: tauri::State<'_, AppState>, recovery_code: String) -> CommandResult<SavedFile> {
    check_len(Field::RecoveryCode, &recovery_code, 64)?;
    let code = RecoveryCode::parse(&recovery_code)?;
    let (name, language) = with_session(&state, |v, s| Ok((s.display_name().to_string(), v.profile_language(s)?)))?;
    let (stem, text) = code.document(language, &name);
    save_document(&state, &stem, "txt", text.as_bytes())
}

#[tauri::command]
async fn change_passphrase(
    state: tauri::State<'_, AppState>,
    current: String,
    new_passphrase: String,
) -> CommandResult<()> {
    check_len(Field::Passphrase, &current, MAX_PASSPHRASE)?;
    check_len(Field::NewPassphrase, &new_passphrase, MAX_PASSPHRASE)?;
    let (current, new) = (Passphrase::new(current), Passphrase::new(new_passphrase));
    with_session(&state, |v, s| v.change_passphrase(s, &current, &new))
}

/// A new recovery code for someone who lost theirs; the passphrase is asked for again and the old
/// code stops working.
#[tauri::command]
async fn replace_recovery_code(state: tauri::State<'_, AppState>, passphrase: String) -> CommandResult<NewRecoveryCode> {
    check_len(Field::Passphrase, &passphrase, MAX_PASSPHRASE)?;
    let passphrase = Passphrase::new(passphrase);
    let code = with_session(&state, |v, s| v.replace_recovery_code(s, &passphrase))?;
    Ok(NewRecoveryCode { recovery_code: code.display().to_string() })
}

/// This laptop's display settings; readable while locked so the start screen uses them.
#[tauri::command]
async fn get_settings(state: tauri::State<'_, AppState>) -> CommandResult<DisplaySettings> {
    Ok(state.vault.lock().map_err(poisoned)?.display_settings()?)
}

#[tauri::command]
async fn save_settings(state: tauri::State<'_, AppState>, settings: DisplaySettings) -> CommandResult<DisplaySettings> {
    let mut vault = state.vault.lock().map_err(poisoned)?;
    vault.save_display_settings(&settings)?;
    Ok(vault.display_settings()?)
}

fn save_document(state: &AppState, stem: &str, extension: &str, bytes: &[u8]) -> CommandResult<SavedFile> {
    let path = waymark_core::documents::save_private_document(&state.documents, stem, extension, bytes)?;
    Ok(SavedFile { path: path.display().to_string() })
}

#[tauri::command]
async fn resource_marks(state: tauri::State<'_, AppState>) -> CommandResult<Vec<ResourceMarkView>> {
    Ok(with_session(&state, |v, s| v.resource_marks(s))?
        .into_iter()
        .map(|m| ResourceMarkView { resource_id: m.resource_id, bookmarked: m.bookmarked, read: m.read_at.is_some() })
        .collect())
}

#[tauri::command]
async fn mark_resource(
    state: tauri::State<'_, AppState>,
    id: String,
    bookmarked: bool,
    read: bool,
) -> CommandResult<ResourceMarkView> {
    check_len(Field::ResourceId, &id, 80)?;
    let rec = with_session(&state, |v, s| {
        v.mark_resource(s, &id, |m, now| {
            m.bookmarked = bookmarked;
            m.read_at = match (read, m.read_at) {
                (true, Some(at)) => Some(at),
                (true, None) => Some(now),
                (false, _) => None,
            };
        })
    })?;
    match rec.body {
        RecordBody::ResourceMark(m) => {
            Ok(ResourceMarkView { resource_id: m.resource_id, bookmarked: m.bookmarked, read: m.read_at.is_some() })
        }
        _ => Err(not_a("resource_mark")),
    }
}

#[tauri::command]
async fn plan_matters() -> CommandResult<Vec<Matter>> {
    Ok(Matter::ALL.to_vec())
}

#[tauri::command]
async fn list_plans(state: tauri::State<'_, AppState>) -> CommandResult<Vec<PlanView>> {
    let (plans, language) = with_session(&state, |v, s| Ok((v.plan_overview(s)?, v.profile_language(s)?)))?;
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

#[tauri::command]
async fn list_notes(state: tauri::State<'_, AppState>) -> CommandResult<Vec<NoteView>> {
    with_session(&state, |v, s| v.pathway_notes(s))?.into_iter().map(note_view).collect()
}

/// Writes a new note (no id) or replaces one.
#[tauri::command]
async fn save_note(state: tauri::State<'_, AppState>, id: Option<String>, note: NoteInput) -> CommandResult<NoteView> {
    let id = id.as_deref().map(record_id).transpose()?;
    let note = PathwayNote {
        matter: note.matter,
        plan_id: None,
        goal_id: None,
        text: note.text,
        progress: note.progress,
        shared: false,
        written_at: state.vault.lock().map_err(poisoned)?.now(),
    };
    note_view(with_session(&state, |v, s| v.save_pathway_note(s, id, note))?)
}

#[tauri::command]
async fn policy_guide() -> CommandResult<Vec<PolicyTopicView>> {
    Ok(PolicyTopic::ALL
        .iter()
        .map(|t| PolicyTopicView { topic: *t })
        .collect())
}

fn policy_of(rec: Option<StoredRecord>) -> Option<PolicyView> {
    rec.and_then(|r| match r.body {
        RecordBody::SaferCaringPolicy(policy) => Some(PolicyView { id: r.id.to_string(), policy }),
        _ => None,
    })
}

#[tauri::command]
async fn get_policy(state: tauri::State<'_, AppState>) -> CommandResult<Option<PolicyView>> {
    Ok(policy_of(with_session(&state, |v, s| v.safer_caring_policy(s))?))
}

#[tauri::command]
async fn save_policy(state: tauri::State<'_, AppState>, policy: SaferCaringPolicy) -> CommandResult<PolicyView> {
    Ok(policy_of(Some(with_session(&state, |v, s| v.save_safer_caring_policy(s, policy))?)).expect("saved a policy"))
}

/// Saves the policy as a document (HTML, opens in any browser and prints cleanly).
#[tauri::command]
async fn export_policy(state: tauri::State<'_, AppState>) -> CommandResult<SavedFile> {
    let (policy, language) = with_session(&state, |v, s| Ok((v.safer_caring_policy(s)?, v.profile_language(s)?)))?;
    let PolicyView { policy, .. } = policy_of(policy)
        .ok_or_else(|| IpcError::new("no_policy"))?;
    save_document(&state, &policy.document_name(language), "html", policy.to_html(language).as_bytes())
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

#[tauri::command]
async fn learning_log(state: tauri::State<'_, AppState>) -> CommandResult<LearningLogView> {
    Ok(learning_log_view(with_session(&state, |v, s| v.learning_entries(s))?))
}

#[tauri::command]
async fn add_learning(state: tauri::State<'_, AppState>, entry: LearningEntry) -> CommandResult<LearningLogView> {
    Ok(learning_log_view(with_session(&state, |v, s| {
        v.add_learning_entry(s, entry)?;
        v.learning_entries(s)
    })?))
}

/// Saves the learning log as CSV, for the annual review or a spreadsheet.
#[tauri::command]
async fn export_learning_log(state: tauri::State<'_, AppState>) -> CommandResult<SavedFile> {
    let (name, records, language) =
        with_session(&state, |v, s| Ok((s.display_name().to_string(), v.learning_entries(s)?, v.profile_language(s)?)))?;
    let csv = learning_log_csv(language, records.iter().filter_map(|r| match &r.body {
        RecordBody::LearningEntry(e) => Some(e),
        _ => None,
    }));
    save_document(&state, &learning_log_document_name(language, &name), "csv", csv.as_bytes())
}

#[tauri::command]
async fn sharing_overview(state: tauri::State<'_, AppState>) -> CommandResult<SharingView> {
    sharing::overview(&state)
}

#[tauri::command]
async fn withdraw_consent(
    state: tauri::State<'_, AppState>,
    kind: ShareableKind,
    recipient: String,
) -> CommandResult<WithdrawnView> {
    check_len(Field::Recipient, &recipient, 200)?;
    let removed = with_session(&state, |v, s| v.withdraw_consent(s, kind, &recipient))?;
    // The vault queued a deletion in the same step if `recipient` is the connected service.
    let answer = sharing::process_deletions(&state).await?.into_iter().rev().find(|(k, _)| *k == kind).map(|(_, a)| a);
    let (deleted_at_service, deletion_problem) = match answer {
        Some(Ok(n)) => (Some(n), None),
        Some(Err(problem)) => (None, Some(problem)),
        None => (None, None),
    };
    Ok(WithdrawnView { removed_from_outbox: removed as u32, deleted_at_service, deletion_problem })
}

/// "Download all my information": the JSON export (which can restore the profile) and a page
/// to read it, both saved to the person's documents folder.
#[tauri::command]
async fn export_everything(state: tauri::State<'_, AppState>) -> CommandResult<Vec<SavedFile>> {
    let (export, language) = with_session(&state, |v, s| Ok((v.export(s)?, v.profile_language(s)?)))?;
    let stem = export.document_name(language);
    let json = serde_json::to_vec_pretty(&export).map_err(|_| IpcError::new("internal"))?;
    Ok(vec![
        save_document(&state, &stem, "html", export.to_html(language).as_bytes())?,
        save_document(&state, &stem, "json", &json)?,
    ])
}

/// Deletes the unlocked profile for good. The person types their profile name to confirm, so a
/// slip of the mouse cannot do it.
#[tauri::command]
async fn delete_profile(state: tauri::State<'_, AppState>, confirm_name: String) -> CommandResult<()> {
    check_len(Field::Name, &confirm_name, MAX_NAME)?;
    let mut slot = state.session.lock().map_err(poisoned)?;
    let session = slot.take().ok_or_else(locked)?;
    if confirm_name.trim() != session.display_name() {
        let name = session.display_name().to_string();
        *slot = Some(session);
        return Err(IpcError::new("confirm_mismatch").with("name", name));
    }
    state.vault.lock().map_err(poisoned)?.delete_profile(session)?;
    Ok(())
}

/// The data folder: `WAYMARK_DATA_DIR` when set (tests, portable use), else the platform's
/// per-user app data folder.
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("WAYMARK_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
}

/// Where saved documents go: `WAYMARK_DOCUMENTS_DIR` when set (tests), else the person's
/// Downloads folder, else their home folder.
fn documents_dir(app: &tauri::App) -> PathBuf {
    if let Some(dir) = std::env::var_os("WAYMARK_DOCUMENTS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    app.path().download_dir().or_else(|_| app.path().home_dir()).unwrap_or_else(|_| PathBuf::from("."))
}

/// Every command the web view may call (and `capabilities/main-window.json` allows), for any
/// runtime, so the hostile-input tests drive exactly the handlers the app runs.
fn command_handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        list_profiles,
        create_profile,
        unlock,
        lock,
        session_status,
        set_profile_language,
        quick_exit,
        question_set,
        helplines,
        list_statements,
        start_statement,
        save_answer,
        save_words,
        set_statement_status,
        search_library,
        get_resource,
        passphrase_strength,
        suggest_words,
        recover,
        save_recovery_code,
        change_passphrase,
        replace_recovery_code,
        get_settings,
        save_settings,
        resource_marks,
        mark_resource,
        plan_matters,
        list_plans,
        list_notes,
        save_note,
        policy_guide,
        get_policy,
        save_policy,
        export_policy,
        learning_log,
        add_learning,
        export_learning_log,
        sharing_overview,
        withdraw_consent,
        sharing::preview_service,
        sharing::connect_service,
        sharing::give_consent,
        sharing::share_with_service,
        sharing::send_now,
        export_everything,
        delete_profile
    ]
}

impl AppState {
    fn new(vault: Vault, documents: PathBuf) -> Self {
        AppState {
            vault: Mutex::new(vault),
            session: Mutex::new(None),
            documents,
            sharing: Mutex::new(sharing::SharingState::default()),
            sending: tokio::sync::Mutex::new(()),
        }
    }
}

pub fn run() {
    tauri::Builder::default()
        // One process per user: two would write one vault. A second launch shows the first window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .setup(|app| {
            let dir = data_dir(app)?;
            let mut vault = Vault::open(&dir, VaultOptions::system())
                .map_err(|e| format!("could not open the Waymark vault in {}: {e}", dir.display()))?;
            // The guidance library works offline from the first run.
            vault.install_builtin_library().map_err(|e| format!("could not install the library: {e}"))?;
            let documents = documents_dir(app);
            app.manage(AppState::new(vault, documents));
            sharing::start_background_sending(app.handle());
            Ok(())
        })
        .invoke_handler(command_handler())
        .run(tauri::generate_context!())
        .expect("error while running Waymark");
}
