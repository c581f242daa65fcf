//! "Download all my information", and saving any document a person asks for: private to them,
//! in their documents folder, never replacing an earlier file.

use serde::Deserialize;
use ts_rs::TS;
use waymark_core::error::Field;
use waymark_core::export::Export;
use waymark_core::secret::Passphrase;

use crate::check::{check_len, MAX_NAME, MAX_PASSPHRASE};
use crate::error::{CommandError, CommandResult};
use crate::views::{SavedFile, SessionWithCode};
use crate::{AppState, NoArguments};

pub(crate) fn save_document(app: &AppState, stem: &str, extension: &str, bytes: &[u8]) -> CommandResult<SavedFile> {
    let path = waymark_core::documents::save_private_document(&app.documents, stem, extension, bytes)?;
    Ok(SavedFile { path: path.display().to_string() })
}

/// The export in its two forms: the JSON (which can restore the profile) and a page to read it
/// in the profile's language, with the file name they share.
pub struct ExportFiles {
    pub stem: String,
    pub json: Vec<u8>,
    pub html: String,
    pub export: Export,
}

/// Reads everything the unlocked profile holds, under one lock with its language.
pub fn export_files(app: &AppState) -> CommandResult<ExportFiles> {
    let (export, language) = app.with_session(|v, s| Ok((v.export(s)?, v.profile_language(s)?)))?;
    let json = serde_json::to_vec_pretty(&export).map_err(|_| CommandError::new("internal"))?;
    Ok(ExportFiles { stem: export.document_name(language), html: export.to_html(language), json, export })
}

/// "Download all my information": the JSON export and a page to read it, both saved to the
/// person's documents folder.
pub async fn export_everything(app: &AppState, _: NoArguments) -> CommandResult<Vec<SavedFile>> {
    let files = export_files(app)?;
    Ok(vec![
        save_document(app, &files.stem, "html", files.html.as_bytes())?,
        save_document(app, &files.stem, "json", &files.json)?,
    ])
}

/// Secret: derives nothing that could print it.
#[derive(Deserialize, TS)]
pub struct ExportSealedRequest {
    #[ts(type = "string")]
    pub passphrase: waymark_core::secret::SecretText,
}

/// "Download all my information" as one locked file (the default): it opens only with the
/// person's passphrase, asked for again here, and restores in the app. Its name says nothing
/// about who it belongs to or what is in it.
pub async fn export_sealed(app: &AppState, req: ExportSealedRequest) -> CommandResult<SavedFile> {
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    let passphrase = Passphrase::from_secret(req.passphrase);
    let (bytes, language) = app.with_session(|v, s| Ok((v.export_sealed(s, &passphrase)?, v.profile_language(s)?)))?;
    save_document(app, &waymark_i18n::text(language, "export-sealed-name"), "waymark", &bytes)
}

/// Secret: derives nothing that could print it. `file` is the locked copy's bytes in base64.
#[derive(Deserialize, TS)]
pub struct RestoreProfileRequest {
    pub file: String,
    /// A name for the restored profile, when the one in the file is taken here.
    pub name: Option<String>,
    /// The passphrase the person had when they saved the file; the restored profile opens with it.
    #[ts(type = "string")]
    pub passphrase: waymark_core::secret::SecretText,
}

/// Restores a profile from a locked copy (or a readable JSON copy) as a new profile here, opens
/// it, and shows its new recovery code once.
pub async fn restore_profile(app: &AppState, req: RestoreProfileRequest) -> CommandResult<SessionWithCode> {
    use base64::Engine;
    // A base64 text is 4/3 of the file, and no file above the import limit is read.
    if req.file.len() > waymark_core::export::MAX_IMPORT_BYTES / 3 * 4 + 4 {
        let megabytes = req.file.len() / 4 * 3 / 1_000_000;
        return Err(waymark_core::Error::MalformedImport(waymark_core::error::ImportProblem::TooBig {
            megabytes,
            max_megabytes: waymark_core::export::MAX_IMPORT_BYTES / 1_000_000,
        })
        .into());
    }
    check_len(Field::Passphrase, req.passphrase.expose(), MAX_PASSPHRASE)?;
    if let Some(name) = &req.name {
        check_len(Field::Name, name, MAX_NAME)?;
    }
    let file = zeroize::Zeroizing::new(
        base64::engine::general_purpose::STANDARD
            .decode(req.file.trim())
            .map_err(|_| waymark_core::Error::MalformedImport(waymark_core::error::ImportProblem::Unreadable))?,
    );
    let passphrase = Passphrase::from_secret(req.passphrase);
    let name = req.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    // Opened once, here, so the profile's role can be checked first: this app restores only its
    // own kinds of profile.
    let json = if waymark_core::export::is_sealed_export(&file) {
        waymark_core::export::open_sealed_export(&file, &passphrase)?
    } else {
        file
    };
    let (profile, _) = waymark_core::export::read_export(&json)?;
    if !app.edition().roles().contains(&profile.role) {
        return Err(waymark_core::Error::MalformedImport(waymark_core::error::ImportProblem::NotAnExport).into());
    }
    let (session, code) = app.with_vault(|v| Ok(v.import(&json, name, &passphrase)?))?;
    crate::session::open_with_code(app, session, &code)
}
