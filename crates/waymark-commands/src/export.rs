//! "Download all my information", and saving any document a person asks for: private to them,
//! in their documents folder, never replacing an earlier file.

use waymark_core::export::Export;

use crate::error::{CommandError, CommandResult};
use crate::views::SavedFile;
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
