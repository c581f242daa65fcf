//! Profiles and the one unlocked session: make, open, lock, recover and delete a profile, its
//! passphrase and recovery code, its language, and this laptop's display settings.

use serde::Deserialize;
use ts_rs::TS;
use waymark_core::error::Field;
use waymark_core::secret::{suggest_passphrase, Passphrase, RecoveryCode, SecretText, Strength};
use waymark_core::settings::DisplaySettings;
use waymark_core::{Language, Role, Session, Vault};

use crate::check::{check_len, MAX_NAME, MAX_PASSPHRASE, MAX_RECOVERY_CODE};
use crate::error::{CommandError, CommandResult};
use crate::export::save_document;
use waymark_core::vault::Progress;

use crate::views::{NewRecoveryCode, ProfileView, SavedFile, SessionView, SessionWithCode, SuggestedWords};
use crate::{AppState, NoArguments};

fn view(vault: &Vault, s: &Session) -> CommandResult<SessionView> {
    Ok(SessionView {
        name: s.display_name().to_string(),
        role: s.role(),
        language: vault.profile_language(s)?,
        vault_check: s.integrity_findings().into(),
    })
}

/// Makes `session` the unlocked one and returns it with its recovery code, to be shown once.
pub(crate) fn open_with_code(app: &AppState, session: Session, code: &RecoveryCode) -> CommandResult<SessionWithCode> {
    let session_view = app.with_vault(|v| view(v, &session))?;
    let out = SessionWithCode { session: session_view, recovery_code: code.display().into() };
    app.open(session)?;
    Ok(out)
}

/// The profiles on this laptop that this app opens, for the start screen (readable while locked).
pub async fn list_profiles(app: &AppState, _: NoArguments) -> CommandResult<Vec<ProfileView>> {
    let roles = app.edition().roles();
    app.with_vault(|v| {
        Ok(v.list_profiles()?
            .into_iter()
            .filter(|p| roles.contains(&p.role))
            .map(|p| ProfileView { name: p.display_name, role: p.role, language: p.language })
            .collect())
    })
}

/// Refuses a profile this app does not open (a worker's in a person's app, or the other way
/// round) as if it were not there: the start screen never lists it either.
fn require_own_profile(app: &AppState, name: &str) -> CommandResult<()> {
    let roles = app.edition().roles();
    let other = app.with_vault(|v| Ok(v.list_profiles()?.into_iter().any(|p| p.display_name.eq_ignore_ascii_case(name.trim()) && !roles.contains(&p.role))))?;
    if other {
        return Err(waymark_core::Error::ProfileNotFound(name.trim().to_string()).into());
    }
    Ok(())
}

/// Secret: derives nothing that could print it; the passphrase moves straight into a
/// [`Passphrase`], which zeroes it.
#[derive(Deserialize, TS)]
pub struct CreateProfileRequest {
    pub name: String,
    pub role: Role,
    #[ts(type = "string")]
    pub passphrase: SecretText,
}

pub async fn create_profile(app: &AppState, req: CreateProfileRequest) -> CommandResult<SessionWithCode> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    if !app.edition().roles().contains(&req.role) {
        return Err(waymark_core::Error::Invalid { field: Field::Role, problem: waymark_core::error::Problem::NotKnown { given: req.role.as_str().to_string() } }.into());
    }
    let passphrase = Passphrase::from_secret(req.passphrase);
    let (session, code) = app.with_vault(|v| Ok(v.create_profile(&req.name, req.role, &passphrase)?))?;
    open_with_code(app, session, &code)
}

#[derive(Deserialize, TS)]
pub struct UnlockRequest {
    pub name: String,
    #[ts(type = "string")]
    pub passphrase: SecretText,
}

pub async fn unlock(app: &AppState, req: UnlockRequest) -> CommandResult<SessionView> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    require_own_profile(app, &req.name)?;
    let passphrase = Passphrase::from_secret(req.passphrase);
    let (session, view) = app.with_vault(|v| {
        let session = v.unlock(&req.name, &passphrase)?;
        let view = view(v, &session)?;
        Ok((session, view))
    })?;
    app.open(session)?;
    Ok(view)
}

/// Locks: the session, and with it the vault key, is dropped and zeroed.
pub async fn lock(app: &AppState, _: NoArguments) -> CommandResult<()> {
    app.close()
}

/// Quick exit: lock at once and hide the app.
pub async fn quick_exit(app: &AppState, _: NoArguments) -> CommandResult<()> {
    app.close()?;
    app.frontend.hide()
}

/// The unlocked profile, if any.
pub async fn session_status(app: &AppState, _: NoArguments) -> CommandResult<Option<SessionView>> {
    let session = app.session.lock().map_err(CommandError::poisoned)?;
    let Some(s) = session.as_ref() else { return Ok(None) };
    app.with_vault(|v| view(v, s)).map(Some)
}

#[derive(Debug, Deserialize, TS)]
pub struct SetProfileLanguageRequest {
    pub language: Language,
}

/// Shows the unlocked person's profile in `language` from now on (Settings).
pub async fn set_profile_language(app: &AppState, req: SetProfileLanguageRequest) -> CommandResult<SessionView> {
    app.in_session(|v, s| {
        v.set_profile_language(s, req.language)?;
        view(v, s)
    })
}

#[derive(Deserialize, TS)]
pub struct PassphraseStrengthRequest {
    #[ts(type = "string")]
    pub passphrase: SecretText,
}

/// The strength meter's reading, using the same rules that refuse a weak passphrase.
pub async fn passphrase_strength(_: &AppState, req: PassphraseStrengthRequest) -> CommandResult<Strength> {
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    Ok(Passphrase::from_secret(req.passphrase).strength())
}

/// Three random words, offered on the start screen; the person may use them or not.
pub async fn suggest_words(app: &AppState, _: NoArguments) -> CommandResult<SuggestedWords> {
    Ok(SuggestedWords { words: SecretText::new(suggest_passphrase(app.entropy(), 3).expose().to_string()) })
}

#[derive(Deserialize, TS)]
pub struct RecoverRequest {
    pub name: String,
    #[ts(type = "string")]
    pub recovery_code: SecretText,
    #[ts(type = "string")]
    pub passphrase: SecretText,
}

/// "I forgot my passphrase": opens the profile with its recovery code and sets a new passphrase.
/// The old code stops working and a new one is shown once.
pub async fn recover(app: &AppState, req: RecoverRequest) -> CommandResult<SessionWithCode> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    check_len(Field::RecoveryCode, req.recovery_code.expose(), MAX_RECOVERY_CODE)?;
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    require_own_profile(app, &req.name)?;
    let code = RecoveryCode::parse(req.recovery_code.expose())?;
    let passphrase = Passphrase::from_secret(req.passphrase);
    let (session, new_code) = app.with_progress(|progress| app.with_vault(|v| Ok(v.recover(&req.name, &code, &passphrase, progress)?)))?;
    open_with_code(app, session, &new_code)
}

#[derive(Deserialize, TS)]
pub struct SaveRecoveryCodeRequest {
    #[ts(type = "string")]
    pub recovery_code: SecretText,
}

/// Saves the recovery code the person is looking at as a file, when they ask to.
pub async fn save_recovery_code(app: &AppState, req: SaveRecoveryCodeRequest) -> CommandResult<SavedFile> {
    check_len(Field::RecoveryCode, req.recovery_code.expose(), MAX_RECOVERY_CODE)?;
    let code = RecoveryCode::parse(req.recovery_code.expose())?;
    let (name, language) = app.with_session(|v, s| Ok((s.display_name().to_string(), v.profile_language(s)?)))?;
    let (stem, text) = code.document(language, &name);
    save_document(app, &stem, "txt", text.as_bytes())
}

#[derive(Deserialize, TS)]
pub struct ChangePassphraseRequest {
    #[ts(type = "string")]
    pub current: SecretText,
    #[ts(type = "string")]
    pub new_passphrase: SecretText,
}

/// Changes the passphrase. Every record is sealed again under a new key, so the old passphrase
/// (and a copy of the folder made with it) opens nothing written after; the recovery code is
/// replaced as well, and the new one shown once.
pub async fn change_passphrase(app: &AppState, req: ChangePassphraseRequest) -> CommandResult<NewRecoveryCode> {
    check_len(Field::Passphrase, req.current.expose(), MAX_PASSPHRASE)?;
    check_len(Field::NewPassphrase, req.new_passphrase.expose(), MAX_PASSPHRASE)?;
    let (current, new) = (Passphrase::from_secret(req.current), Passphrase::from_secret(req.new_passphrase));
    let code = app.with_progress(|progress| app.in_session_mut(|v, s| Ok(v.change_passphrase(s, &current, &new, progress)?)))?;
    Ok(NewRecoveryCode { recovery_code: code.display().into() })
}

/// After the check at unlock found something changed: keep everything that still opens. Every
/// yes to sharing is withdrawn if consent could not be proved (the service is asked to delete
/// what it holds), and the check is made anew over what is here.
pub async fn keep_what_opens(app: &AppState, _: NoArguments) -> CommandResult<SessionView> {
    app.in_session_mut(|v, s| {
        v.keep_what_opens(s)?;
        view(v, s)
    })
}

/// How far re-keying has got, while it runs (`None` otherwise). Anyone may ask: it is two numbers.
pub async fn work_progress(app: &AppState, _: NoArguments) -> CommandResult<Option<Progress>> {
    Ok(*app.progress.lock().map_err(CommandError::poisoned)?)
}

#[derive(Deserialize, TS)]
pub struct ReplaceRecoveryCodeRequest {
    #[ts(type = "string")]
    pub passphrase: SecretText,
}

/// A new recovery code for someone who lost theirs; the passphrase is asked for again and the old
/// code stops working.
pub async fn replace_recovery_code(app: &AppState, req: ReplaceRecoveryCodeRequest) -> CommandResult<NewRecoveryCode> {
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    let passphrase = Passphrase::from_secret(req.passphrase);
    let code = app.with_progress(|progress| app.in_session_mut(|v, s| Ok(v.replace_recovery_code(s, &passphrase, progress)?)))?;
    Ok(NewRecoveryCode { recovery_code: code.display().into() })
}

/// This laptop's display settings; readable while locked so the start screen uses them.
pub async fn get_settings(app: &AppState, _: NoArguments) -> CommandResult<DisplaySettings> {
    app.with_vault(|v| Ok(v.display_settings()?))
}

#[derive(Debug, Deserialize, TS)]
pub struct SaveSettingsRequest {
    pub settings: DisplaySettings,
}

pub async fn save_settings(app: &AppState, req: SaveSettingsRequest) -> CommandResult<DisplaySettings> {
    app.with_vault(|v| {
        v.save_display_settings(&req.settings)?;
        Ok(v.display_settings()?)
    })
}

#[derive(Debug, Deserialize, TS)]
pub struct DeleteProfileRequest {
    pub confirm_name: String,
}

/// Deletes the unlocked profile for good. The person types their profile name to confirm, so a
/// slip of the mouse cannot do it.
pub async fn delete_profile(app: &AppState, req: DeleteProfileRequest) -> CommandResult<()> {
    check_len(Field::Name, &req.confirm_name, MAX_NAME)?;
    let mut slot = app.session.lock().map_err(CommandError::poisoned)?;
    let session = slot.take().ok_or_else(CommandError::locked)?;
    if req.confirm_name.trim() != session.display_name() {
        let name = session.display_name().to_string();
        *slot = Some(session);
        return Err(CommandError::new("confirm_mismatch").with("name", name));
    }
    app.with_vault(|v| Ok(v.delete_profile(session)?))
}
