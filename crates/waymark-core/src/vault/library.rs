//! Storing the resource library (one row per page and language, with a full-text index) and a person's marks on it.
//! The rules are the domain's (`crate::domain::library`); this file only reads and writes them.

use rusqlite::{params, OptionalExtension};

use crate::clock::Timestamp;
use crate::domain::library::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Field, Result};
use crate::validate;
use crate::vault::{Language, Session, Vault};

/// Little words that say nothing about what someone is looking for ("what is an IRO").
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "about", "can", "do", "does", "for", "how", "i", "if", "in", "is", "it",
    "me", "my", "of", "on", "or", "the", "to", "what", "whats", "when", "where", "who", "why", "with", "you",
];

/// Turns what a person typed into a safe FTS5 query: each word quoted (so operators and
/// punctuation cannot break the query), the last one as a prefix so search works as they type.
/// `joiner` is " " (every word must match) or " OR " (any word may).
fn fts_query(text: &str, joiner: &str) -> Option<String> {
    let all: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.replace('\'', "").to_lowercase())
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    let meaningful: Vec<String> = all.iter().filter(|w| !STOPWORDS.contains(&w.as_str())).cloned().collect();
    let words = if meaningful.is_empty() { all } else { meaningful };
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
            .join(joiner),
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
                "INSERT INTO library_resources (id, language, audience, title, summary, body, tags, reading_minutes, last_reviewed, sources)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for r in &bundle.items {
                insert.execute(params![
                    r.id,
                    r.language.tag(),
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

    /// Installs the library shipped with the app, unless the same or a newer one is installed.
    pub fn install_builtin_library(&mut self) -> Result<bool> {
        self.install_library(&LibraryBundle::parse(BUILTIN_LIBRARY.as_bytes())?)
    }

    /// Installs a bundle published by the service, only if its signature verifies against the
    /// service's pinned key. Anything refused leaves the installed library as it was.
    pub fn install_signed_library(&mut self, json: &[u8], trusted_public_key: &[u8; 32]) -> Result<bool> {
        let bundle = SignedLibraryBundle::verify(json, trusted_public_key)?;
        self.install_library(&bundle)
    }

    /// Full-text search of the pages a person reading `language` sees (each page in that
    /// language where it is translated, otherwise in English), best matches first: titles
    /// holding the typed words as they were typed, then by relevance (title counts most, then
    /// tags, summary, body). An empty query lists everything by title.
    pub fn search_library(&self, text: &str, limit: usize, language: Language) -> Result<Vec<ResourceHit>> {
        validate::text(Field::Search, text, 200)?;
        let limit = limit.clamp(1, 500) as i64;
        let map = |r: &rusqlite::Row<'_>| {
            let audience: String = r.get(3)?;
            let tag: String = r.get(6)?;
            Ok(ResourceHit {
                id: r.get(0)?,
                title: r.get(1)?,
                summary: r.get(2)?,
                audience: Audience::from_column(&audience),
                reading_minutes: r.get(4)?,
                tags: r.get::<_, String>(5)?.split_whitespace().map(String::from).collect(),
                language: Language::parse(&tag).unwrap_or_default(),
            })
        };
        // The row a reader of ?L sees for each page: its translation, or the English page when
        // there is none.
        const SHOWN: &str = "(r.language = ?L OR (r.language = 'en-GB' AND NOT EXISTS
             (SELECT 1 FROM library_resources t WHERE t.id = r.id AND t.language = ?L)))";
        let rows = match fts_query(text, " ") {
            None => {
                let sql = format!(
                    "SELECT r.id, r.title, r.summary, r.audience, r.reading_minutes, r.tags, r.language
                     FROM library_resources r WHERE {SHOWN} ORDER BY r.title LIMIT ?1"
                )
                .replace("?L", "?2");
                let mut stmt = self.conn().prepare_cached(&sql)?;
                let rows = stmt.query_map(params![limit, language.tag()], map)?.collect::<std::result::Result<Vec<_>, _>>()?;
                rows
            }
            Some(q) => {
                // A title that holds exactly what was typed ("what is a review") comes first.
                let phrase = text.trim().to_lowercase();
                let sql = format!(
                    "SELECT r.id, r.title, r.summary, r.audience, r.reading_minutes, r.tags, r.language
                     FROM library_search JOIN library_resources r ON r.rowid = library_search.rowid
                     WHERE library_search MATCH ?1 AND {SHOWN}
                     ORDER BY instr(lower(r.title), ?3) > 0 DESC, bm25(library_search, 10.0, 5.0, 2.0, 1.0)
                     LIMIT ?2"
                )
                .replace("?L", "?4");
                let mut stmt = self.conn().prepare_cached(&sql)?;
                let mut rows = stmt
                    .query_map(params![q, limit, phrase, language.tag()], map)?
                    .collect::<std::result::Result<Vec<_>, _>>()?;
                // Nothing has every word: show what has any of them, best first, rather than nothing.
                if rows.is_empty() {
                    if let Some(any) = fts_query(text, " OR ") {
                        rows = stmt
                            .query_map(params![any, limit, phrase, language.tag()], map)?
                            .collect::<std::result::Result<Vec<_>, _>>()?;
                    }
                }
                rows
            }
        };
        Ok(rows)
    }

    /// The page `id` in `language`, or in English when it is not translated yet (the page's
    /// `language` says which it is).
    pub fn get_resource(&self, id: &str, language: Language) -> Result<Resource> {
        self.conn()
            .query_row(
                "SELECT id, audience, title, summary, body, tags, last_reviewed, sources, language FROM library_resources
                 WHERE id = ?1 AND language IN (?2, 'en-GB') ORDER BY language = ?2 DESC LIMIT 1",
                params![id, language.tag()],
                |r| {
                    let audience: String = r.get(1)?;
                    let tags: String = r.get(5)?;
                    let sources: String = r.get(7)?;
                    let tag: String = r.get(8)?;
                    Ok(Resource {
                        id: r.get(0)?,
                        language: Language::parse(&tag).unwrap_or_default(),
                        audience: Audience::from_column(&audience),
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
            .ok_or_else(|| Error::NotFound { thing: crate::error::Thing::Resource, given: validate::clip(id) })
    }

    /// This person's bookmarks and read marks.
    pub fn resource_marks(&self, session: &Session) -> Result<Vec<ResourceMark>> {
        Ok(self
            .list(session, Some(RecordKind::ResourceMark))?
            .records
            .into_iter()
            .filter_map(|r| match r.body {
                RecordBody::ResourceMark(m) => Some(m),
                _ => None,
            })
            .collect())
    }

    /// Changes this person's mark on a resource (creating it if needed).
    pub fn mark_resource(
        &mut self,
        session: &Session,
        resource_id: &str,
        change: impl FnOnce(&mut ResourceMark, Timestamp),
    ) -> Result<StoredRecord> {
        self.get_resource(resource_id, Language::EnGb)?;
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
