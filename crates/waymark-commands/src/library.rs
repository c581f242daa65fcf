//! The guidance library and help pages: search and read them (while locked too: help such as
//! "Who to call" must never need a passphrase), and a person's bookmarks and read marks.

use serde::Deserialize;
use ts_rs::TS;
use waymark_core::domain::library::{reading_minutes, ResourceHit, ResourceMark};
use waymark_core::domain::RecordBody;
use waymark_core::error::Field;
use waymark_core::Language;

use crate::check::{check_len, not_a, MAX_RESOURCE_ID, MAX_SEARCH};
use crate::error::CommandResult;
use crate::views::{LibrarySourceKind, LibrarySourceView, ResourceMarkView, ResourceView};
use crate::{AppState, NoArguments};

/// How many hits a search lists.
const SEARCH_LIMIT: usize = 100;

#[derive(Debug, Deserialize, TS)]
pub struct SearchLibraryRequest {
    pub query: String,
    pub language: Language,
}

/// Each page comes in `language` where it is translated, otherwise in English (the hit says so).
pub async fn search_library(app: &AppState, req: SearchLibraryRequest) -> CommandResult<Vec<ResourceHit>> {
    check_len(Field::Search, &req.query, MAX_SEARCH)?;
    app.with_vault(|v| Ok(v.search_library(&req.query, SEARCH_LIMIT, req.language)?))
}

#[derive(Debug, Deserialize, TS)]
pub struct GetResourceRequest {
    pub id: String,
    pub language: Language,
}

pub async fn get_resource(app: &AppState, req: GetResourceRequest) -> CommandResult<ResourceView> {
    check_len(Field::ResourceId, &req.id, MAX_RESOURCE_ID)?;
    let r = app.with_vault(|v| Ok(v.get_resource(&req.id, req.language)?))?;
    Ok(ResourceView {
        reading_minutes: reading_minutes(&r.body),
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

fn mark_view(m: ResourceMark) -> ResourceMarkView {
    ResourceMarkView { resource_id: m.resource_id, bookmarked: m.bookmarked, read: m.read_at.is_some() }
}

pub async fn resource_marks(app: &AppState, _: NoArguments) -> CommandResult<Vec<ResourceMarkView>> {
    Ok(app.with_session(|v, s| v.resource_marks(s))?.into_iter().map(mark_view).collect())
}

#[derive(Debug, Deserialize, TS)]
pub struct MarkResourceRequest {
    pub id: String,
    /// None leaves the bookmark as it is.
    pub bookmarked: Option<bool>,
    /// None leaves the read mark as it is.
    pub read: Option<bool>,
}

/// Bookmarks a page or marks it read (or takes either away). Reading a page again keeps when it
/// was first read.
pub async fn mark_resource(app: &AppState, req: MarkResourceRequest) -> CommandResult<ResourceMarkView> {
    check_len(Field::ResourceId, &req.id, MAX_RESOURCE_ID)?;
    let rec = app.with_session(|v, s| {
        v.mark_resource(s, &req.id, |m, now| {
            if let Some(bookmarked) = req.bookmarked {
                m.bookmarked = bookmarked;
            }
            m.read_at = match (req.read, m.read_at) {
                (Some(true), Some(at)) => Some(at),
                (Some(true), None) => Some(now),
                (Some(false), _) => None,
                (None, at) => at,
            };
        })
    })?;
    match rec.body {
        RecordBody::ResourceMark(m) => Ok(mark_view(m)),
        _ => Err(not_a("resource_mark")),
    }
}

/// Where the installed library's pages come from (readable while locked, like the pages).
pub async fn library_source(app: &AppState, _: NoArguments) -> CommandResult<LibrarySourceView> {
    app.with_vault(|v| source_view(v))
}

/// Puts back the pages built into Waymark, whatever is installed. Anyone at the laptop may: it
/// loses nothing, and a publisher's library comes back with the next check with its service.
pub async fn reset_library(app: &AppState, _: NoArguments) -> CommandResult<LibrarySourceView> {
    app.with_vault(|v| {
        v.reset_library()?;
        source_view(v)
    })
}

fn source_view(v: &waymark_core::Vault) -> CommandResult<LibrarySourceView> {
    use waymark_core::vault::LibrarySource;
    let installed = v.installed_library()?;
    let version = installed.as_ref().map_or(0, |l| l.version);
    Ok(match installed.map(|l| l.source) {
        Some(LibrarySource::Published { expires_at, .. }) => LibrarySourceView { source: LibrarySourceKind::Published, version, expires_at: Some(expires_at.to_rfc3339()) },
        Some(LibrarySource::Local) => LibrarySourceView { source: LibrarySourceKind::Local, version, expires_at: None },
        Some(LibrarySource::Builtin) | None => LibrarySourceView { source: LibrarySourceKind::Builtin, version, expires_at: None },
    })
}
