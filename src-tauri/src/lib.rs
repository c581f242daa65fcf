//! The Waymark desktop shell. Each command validates its arguments, calls `waymark-core`, and
//! returns either a value or an [`ipc::IpcError`] (`{code, message}`). No logic lives here, and
//! the web view gets no shell, file-system or HTTP access: only the commands listed in
//! `capabilities/main-window.json`.

pub mod ipc;

use std::path::PathBuf;
use std::sync::Mutex;

use ipc::{
    AnswerView, CreatedProfile, HelplineView, IpcError, ProfileView, QuestionSetView, QuestionView, ResourceHitView,
    ResourceView, SessionView, StatementView, StatusChangeView,
};
use waymark_core::domain::statement::{Answer, QuestionSet, HELPLINES};
use waymark_core::domain::{RecordBody, StatementKind, StatementStatus, StoredRecord};
use waymark_core::RecordId;
use tauri::Manager;
use waymark_core::secret::Passphrase;
use waymark_core::{Role, Session, Vault, VaultOptions};

/// What the shell holds while running: the open vault and, when unlocked, the one session.
pub struct AppState {
    vault: Mutex<Vault>,
    session: Mutex<Option<Session>>,
}

type CommandResult<T> = Result<T, IpcError>;

const MAX_NAME: usize = 60;
const MAX_PASSPHRASE: usize = 1024;

fn check_len(field: &str, value: &str, max: usize) -> CommandResult<()> {
    if value.chars().count() > max {
        return Err(IpcError { code: "too_long".into(), message: format!("{field} is too long: at most {max} characters.") });
    }
    Ok(())
}

fn view(s: &Session) -> SessionView {
    SessionView { name: s.display_name().to_string(), role: s.role() }
}

fn poisoned<T>(_: T) -> IpcError {
    IpcError { code: "internal".into(), message: "Waymark hit an internal problem. Please restart it.".into() }
}

#[tauri::command]
async fn list_profiles(state: tauri::State<'_, AppState>) -> CommandResult<Vec<ProfileView>> {
    let vault = state.vault.lock().map_err(poisoned)?;
    Ok(vault
        .list_profiles()?
        .into_iter()
        .map(|p| ProfileView { name: p.display_name, role: p.role })
        .collect())
}

#[tauri::command]
async fn create_profile(
    state: tauri::State<'_, AppState>,
    name: String,
    role: String,
    passphrase: String,
) -> CommandResult<CreatedProfile> {
    check_len("Name", &name, MAX_NAME)?;
    check_len("Passphrase", &passphrase, MAX_PASSPHRASE)?;
    let role = Role::parse(&role)?;
    let passphrase = Passphrase::new(passphrase);
    let (session, code) = state.vault.lock().map_err(poisoned)?.create_profile(&name, role, &passphrase)?;
    let created = CreatedProfile { session: view(&session), recovery_code: code.display().to_string() };
    *state.session.lock().map_err(poisoned)? = Some(session);
    Ok(created)
}

#[tauri::command]
async fn unlock(
    state: tauri::State<'_, AppState>,
    name: String,
    passphrase: String,
) -> CommandResult<SessionView> {
    check_len("Name", &name, MAX_NAME)?;
    check_len("Passphrase", &passphrase, MAX_PASSPHRASE)?;
    let passphrase = Passphrase::new(passphrase);
    let session = state.vault.lock().map_err(poisoned)?.unlock(&name, &passphrase)?;
    let v = view(&session);
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
async fn quick_exit(state: tauri::State<'_, AppState>, window: tauri::WebviewWindow) -> CommandResult<()> {
    state.session.lock().map_err(poisoned)?.take();
    window.hide().map_err(|e| IpcError { code: "window".into(), message: format!("Could not hide the window: {e}") })?;
    Ok(())
}

#[tauri::command]
async fn session_status(state: tauri::State<'_, AppState>) -> CommandResult<Option<SessionView>> {
    Ok(state.session.lock().map_err(poisoned)?.as_ref().map(view))
}

/// Searches the guidance library. The library is published guidance, the same for everyone, so
/// it can be read while locked: help pages such as "Who to call" must never need a passphrase.
#[tauri::command]
async fn search_library(state: tauri::State<'_, AppState>, query: String) -> CommandResult<Vec<ResourceHitView>> {
    check_len("Search", &query, 200)?;
    let vault = state.vault.lock().map_err(poisoned)?;
    Ok(vault
        .search_library(&query, 100)?
        .into_iter()
        .map(|h| ResourceHitView {
            id: h.id,
            title: h.title,
            summary: h.summary,
            audience: h.audience,
            reading_minutes: h.reading_minutes,
        })
        .collect())
}

#[tauri::command]
async fn get_resource(state: tauri::State<'_, AppState>, id: String) -> CommandResult<ResourceView> {
    check_len("Resource id", &id, 80)?;
    let r = state.vault.lock().map_err(poisoned)?.get_resource(&id)?;
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
    })
}

/// Runs `f` with the vault and the unlocked session, or says the vault is locked.
fn with_session<T>(
    state: &AppState,
    f: impl FnOnce(&mut Vault, &Session) -> waymark_core::Result<T>,
) -> CommandResult<T> {
    let session = state.session.lock().map_err(poisoned)?;
    let session = session
        .as_ref()
        .ok_or_else(|| IpcError { code: "locked".into(), message: "Waymark is locked. Open your profile first.".into() })?;
    let mut vault = state.vault.lock().map_err(poisoned)?;
    Ok(f(&mut vault, session)?)
}

fn statement_view(rec: StoredRecord) -> CommandResult<StatementView> {
    let RecordBody::Statement(st) = rec.body else {
        return Err(IpcError::invalid("That record is not a statement."));
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
    check_len("Id", id, 40)?;
    Ok(RecordId::parse(id)?)
}

/// The current review questions (data, not code).
#[tauri::command]
async fn question_set() -> CommandResult<QuestionSetView> {
    let set = QuestionSet::current();
    Ok(QuestionSetView {
        id: set.id.clone(),
        version: set.version,
        title: set.title.clone(),
        questions: set
            .questions
            .iter()
            .map(|q| QuestionView {
                id: q.id.clone(),
                section: q.section.clone(),
                kind: serde_json::to_value(&q.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                prompt: q.prompt.clone(),
                hint: q.hint.clone(),
                choices: q.choices.clone(),
            })
            .collect(),
    })
}

/// Who to call now. Held in the app so it shows with no network.
#[tauri::command]
async fn helplines() -> CommandResult<Vec<HelplineView>> {
    Ok(HELPLINES
        .iter()
        .map(|(name, number, note)| HelplineView { name: (*name).into(), number: (*number).into(), note: (*note).into() })
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
    check_len("Question", &answer.question_id, 64)?;
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
        return Err(IpcError::invalid("A statement can only be made ready, or changed back to a draft."));
    }
    statement_view(with_session(&state, |v, s| v.set_statement_status(s, id, status))?)
}

/// The data folder: `WAYMARK_DATA_DIR` when set (tests, portable use), else the platform's
/// per-user app data folder.
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("WAYMARK_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
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
            app.manage(AppState { vault: Mutex::new(vault), session: Mutex::new(None) });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            list_profiles,
            create_profile,
            unlock,
            lock,
            session_status,
            quick_exit,
            question_set,
            helplines,
            list_statements,
            start_statement,
            save_answer,
            save_words,
            set_statement_status,
            search_library,
            get_resource
        ])
        .run(tauri::generate_context!())
        .expect("error while running Waymark");
}
