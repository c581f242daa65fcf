//! The safe-care resource library and help pages, with full-text search, bookmarks and read marks.
//!
//! Library content is published guidance, the same for everyone, so it is stored in the clear in
//! an FTS5 index. What a person does with it (bookmarks, what they have read) is personal and is
//! kept in sealed [`ResourceMark`] records. A bundle is installed whole, in one transaction, and
//! only if it is newer than the installed one.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Result};
use crate::validate::{self, ARTICLE_TEXT, SHORT_TEXT};
use crate::vault::{Session, Vault};

pub const BUNDLE_FORMAT: &str = "waymark-library";
pub const BUNDLE_FORMAT_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Carer,
    YoungPerson,
}

impl Audience {
    fn as_str(self) -> &'static str {
        match self {
            Audience::Carer => "carer",
            Audience::YoungPerson => "young_person",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// A stable slug such as `safer-caring-basics`.
    pub id: String,
    pub audience: Audience,
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// The public guidance this draws on, by name.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Reading time in whole minutes at 200 words a minute, never less than one.
pub fn reading_minutes(body: &str) -> u32 {
    let words = body.split_whitespace().count() as u32;
    words.div_ceil(200).max(1)
}

impl Resource {
    pub fn validate(&self) -> Result<()> {
        validate::required_text("Resource id", &self.id, 80)?;
        if !self.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(Error::invalid("Resource id", format!("'{}' may use only a-z, 0-9 and '-'", validate::clip(&self.id))));
        }
        validate::required_text("Title", &self.title, SHORT_TEXT)?;
        validate::required_text("Summary", &self.summary, 1000)?;
        validate::required_text("Body", &self.body, ARTICLE_TEXT)?;
        validate::list_len("Tags", &self.tags)?;
        for t in &self.tags {
            validate::required_text("Tag", t, 40)?;
        }
        validate::date("Last reviewed", &self.last_reviewed)?;
        for s in &self.sources {
            validate::required_text("Source", s, SHORT_TEXT)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryBundle {
    pub format: String,
    pub format_version: u32,
    /// Increases with every published bundle; an older or equal bundle is not installed.
    pub bundle_version: u32,
    pub items: Vec<Resource>,
}

impl LibraryBundle {
    pub fn parse(json: &[u8]) -> Result<LibraryBundle> {
        let b: LibraryBundle = serde_json::from_slice(json)
            .map_err(|e| Error::invalid("Library bundle", format!("could not be read: {e}")))?;
        if b.format != BUNDLE_FORMAT {
            return Err(Error::invalid("Library bundle", format!("format is '{}', expected '{BUNDLE_FORMAT}'", validate::clip(&b.format))));
        }
        if b.format_version != BUNDLE_FORMAT_VERSION {
            return Err(Error::UnsupportedVersion { what: "library bundle".into(), found: b.format_version, supported: BUNDLE_FORMAT_VERSION });
        }
        if b.items.len() > 5000 {
            return Err(Error::invalid("Library bundle", "has more than 5000 items"));
        }
        let mut ids = std::collections::HashSet::new();
        for item in &b.items {
            item.validate()?;
            if !ids.insert(item.id.as_str()) {
                return Err(Error::invalid("Library bundle", format!("resource '{}' appears twice", item.id)));
            }
        }
        Ok(b)
    }
}

/// A search hit: enough to show in a list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResourceHit {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    pub reading_minutes: u32,
}

/// A person's bookmark and read mark for one resource. One record per resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceMark {
    pub resource_id: String,
    #[serde(default)]
    pub bookmarked: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<Timestamp>,
}

impl ResourceMark {
    pub fn validate(&self) -> Result<()> {
        validate::required_text("Resource id", &self.resource_id, 80)
    }
}

/// Turns what a person typed into a safe FTS5 query: each word quoted (so operators and
/// punctuation cannot break the query), the last one as a prefix so search works as they type.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    if words.is_empty() {
        return None;
    }
    let last = words.len() - 1;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let q = format!("\"{}\"", w.replace('"', ""));
                if i == last { format!("{q}*") } else { q }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

impl Vault {
    /// The installed bundle's version, if any.
    pub fn library_version(&self) -> Result<Option<u32>> {
        Ok(self
            .conn()
            .query_row("SELECT bundle_version FROM library_bundle WHERE singleton = 1", [], |r| r.get(0))
            .optional()?)
    }

    /// Installs `bundle` in place of the current library if it is newer. Returns whether it was
    /// installed. A bundle that fails validation changes nothing.
    pub fn install_library(&mut self, bundle: &LibraryBundle) -> Result<bool> {
        if let Some(current) = self.library_version()? {
            if bundle.bundle_version <= current {
                return Ok(false);
            }
        }
        let tx = self.transaction()?;
        tx.execute("DELETE FROM library_resources", [])?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO library_resources (id, audience, title, summary, body, tags, reading_minutes, last_reviewed, sources)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for r in &bundle.items {
                insert.execute(params![
                    r.id,
                    r.audience.as_str(),
                    r.title,
                    r.summary,
                    r.body,
                    r.tags.join(" "),
                    reading_minutes(&r.body),
                    r.last_reviewed,
                    serde_json::to_string(&r.sources).expect("strings serialise"),
                ])?;
            }
        }
        tx.execute("INSERT INTO library_search (library_search) VALUES ('rebuild')", [])?;
        tx.execute(
            "INSERT INTO library_bundle (singleton, bundle_version, installed_at) VALUES (1, ?1, ?2)
             ON CONFLICT (singleton) DO UPDATE SET bundle_version = excluded.bundle_version, installed_at = excluded.installed_at",
            params![bundle.bundle_version, self.now().0],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Full-text search, best matches first (title counts most, then tags, summary, body).
    /// An empty query lists everything by title.
    pub fn search_library(&self, text: &str, limit: usize) -> Result<Vec<ResourceHit>> {
        validate::text("Search", text, 200)?;
        let limit = limit.clamp(1, 500) as i64;
        let map = |r: &rusqlite::Row<'_>| {
            let audience: String = r.get(3)?;
            Ok(ResourceHit {
                id: r.get(0)?,
                title: r.get(1)?,
                summary: r.get(2)?,
                audience: if audience == "carer" { Audience::Carer } else { Audience::YoungPerson },
                reading_minutes: r.get(4)?,
            })
        };
        let rows = match fts_query(text) {
            None => {
                let mut stmt = self.conn().prepare_cached(
                    "SELECT id, title, summary, audience, reading_minutes FROM library_resources ORDER BY title LIMIT ?1",
                )?;
                let rows = stmt.query_map([limit], map)?.collect::<std::result::Result<Vec<_>, _>>()?;
                rows
            }
            Some(q) => {
                let mut stmt = self.conn().prepare_cached(
                    "SELECT r.id, r.title, r.summary, r.audience, r.reading_minutes
                     FROM library_search JOIN library_resources r ON r.rowid = library_search.rowid
                     WHERE library_search MATCH ?1
                     ORDER BY bm25(library_search, 10.0, 5.0, 2.0, 1.0) LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![q, limit], map)?.collect::<std::result::Result<Vec<_>, _>>()?;
                rows
            }
        };
        Ok(rows)
    }

    pub fn get_resource(&self, id: &str) -> Result<Resource> {
        self.conn()
            .query_row(
                "SELECT id, audience, title, summary, body, tags, last_reviewed, sources FROM library_resources WHERE id = ?1",
                [id],
                |r| {
                    let audience: String = r.get(1)?;
                    let tags: String = r.get(5)?;
                    let sources: String = r.get(7)?;
                    Ok(Resource {
                        id: r.get(0)?,
                        audience: if audience == "carer" { Audience::Carer } else { Audience::YoungPerson },
                        title: r.get(2)?,
                        summary: r.get(3)?,
                        body: r.get(4)?,
                        tags: tags.split_whitespace().map(String::from).collect(),
                        last_reviewed: r.get(6)?,
                        sources: serde_json::from_str(&sources).unwrap_or_default(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no resource called '{}'", validate::clip(id))))
    }

    /// Changes this person's mark on a resource (creating it if needed).
    pub fn mark_resource(
        &mut self,
        session: &Session,
        resource_id: &str,
        change: impl FnOnce(&mut ResourceMark, Timestamp),
    ) -> Result<StoredRecord> {
        self.get_resource(resource_id)?;
        let now = self.now();
        let existing = self.list(session, Some(RecordKind::ResourceMark))?.records.into_iter().find(
            |r| matches!(&r.body, RecordBody::ResourceMark(m) if m.resource_id == resource_id),
        );
        match existing {
            Some(rec) => {
                let RecordBody::ResourceMark(mut mark) = rec.body else { unreachable!("filtered by kind") };
                change(&mut mark, now);
                self.update(session, rec.id, RecordBody::ResourceMark(mark))
            }
            None => {
                let mut mark = ResourceMark { resource_id: resource_id.to_string(), bookmarked: false, read_at: None };
                change(&mut mark, now);
                self.insert(session, RecordBody::ResourceMark(mark))
            }
        }
    }
}
