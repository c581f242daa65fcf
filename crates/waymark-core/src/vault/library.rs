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

/// Where the installed library came from, which decides what may replace it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibrarySource {
    /// Shipped inside the app.
    Builtin,
    /// Installed from a file by someone at this laptop (`waymark library install`).
    Local,
    /// Signed by `signer`, a key that `root` (a service signing key a profile pinned) vouches
    /// for: the key itself, or an administrator worker's laptop that root's roster names.
    Published { root: [u8; 32], signer: [u8; 32], expires_at: Timestamp },
}

/// The library installed on this laptop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstalledLibrary {
    pub version: u32,
    pub source: LibrarySource,
    pub installed_at: Timestamp,
}

/// What the check at start found of the installed library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryCheck {
    /// As it was installed.
    Sound,
    /// The built-in library was installed: there was none, or the app brought a newer one.
    BuiltinInstalled,
    /// The pages no longer matched the copy they were installed from, and were put back from it.
    PagesRestored,
    /// A published library ran out, or its signed copy no longer checks: the built-in is back.
    BuiltinBack,
}

/// A digest of a library's pages as stored: two libraries with the same digest show the same
/// pages. Each field is length-prefixed so no two different pages can run together the same way.
fn pages_digest<'a>(pages: impl Iterator<Item = [&'a str; 9]>) -> [u8; 32] {
    let mut sorted: Vec<[&str; 9]> = pages.collect();
    sorted.sort_unstable_by(|a, b| (a[0], a[1]).cmp(&(b[0], b[1])));
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for page in sorted {
        for field in page {
            ctx.update(&(field.len() as u64).to_le_bytes());
            ctx.update(field.as_bytes());
        }
    }
    ctx.finish().as_ref().try_into().expect("SHA-256 is 32 bytes")
}

/// A bundle's pages in the form they are stored, for [`pages_digest`].
fn bundle_digest(bundle: &LibraryBundle) -> [u8; 32] {
    let stored: Vec<(String, String)> = bundle.items.iter().map(|r| (r.tags.join(" "), serde_json::to_string(&r.sources).expect("strings serialise"))).collect();
    pages_digest(bundle.items.iter().zip(&stored).map(|(r, (tags, sources))| {
        [r.id.as_str(), r.language.tag(), r.audience.as_str(), &r.title, &r.summary, &r.body, tags, &r.last_reviewed, sources]
    }))
}

fn key32(bytes: Option<Vec<u8>>) -> Option<[u8; 32]> {
    bytes.and_then(|b| b.try_into().ok())
}

impl Vault {
    /// The installed library: its version and where it came from.
    pub fn installed_library(&self) -> Result<Option<InstalledLibrary>> {
        let row = self
            .conn()
            .query_row(
                "SELECT bundle_version, installed_at, source, publisher_root, signer_key, expires_at FROM library_bundle WHERE singleton = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, u32>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<Vec<u8>>>(3)?,
                        r.get::<_, Option<Vec<u8>>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.map(|(version, installed_at, source, root, signer, expires_at)| {
            let source = match (source.as_str(), key32(root), key32(signer), expires_at) {
                ("published", Some(root), Some(signer), Some(at)) => LibrarySource::Published { root, signer, expires_at: Timestamp(at) },
                ("local", ..) => LibrarySource::Local,
                // A published row missing what proves it is no publisher's: the check at start
                // puts the built-in library back.
                _ => LibrarySource::Builtin,
            };
            InstalledLibrary { version, source, installed_at: Timestamp(installed_at) }
        }))
    }

    /// The installed bundle's version, if any.
    pub fn library_version(&self) -> Result<Option<u32>> {
        Ok(self.installed_library()?.map(|l| l.version))
    }

    /// The version to tell the publisher answering to `root` this laptop has: the installed one
    /// if that publisher's, else 0 (versions of different publishers say nothing of each other).
    pub fn library_version_from(&self, root: &[u8; 32]) -> Result<u32> {
        Ok(match self.installed_library()? {
            Some(InstalledLibrary { version, source: LibrarySource::Published { root: r, .. }, .. }) if &r == root => version,
            _ => 0,
        })
    }

    /// Replaces the library with `bundle`, recording where it came from, in one transaction.
    fn write_library(&mut self, bundle: &LibraryBundle, source: &LibrarySource, copy: Option<&str>) -> Result<()> {
        let (source_name, root, signer, expires_at) = match source {
            LibrarySource::Builtin => ("builtin", None, None, None),
            LibrarySource::Local => ("local", None, None, None),
            LibrarySource::Published { root, signer, expires_at } => ("published", Some(&root[..]), Some(&signer[..]), Some(expires_at.0)),
        };
        let now = self.now().0;
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
            "INSERT INTO library_bundle (singleton, bundle_version, installed_at, source, publisher_root, signer_key, copy, expires_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (singleton) DO UPDATE SET bundle_version = excluded.bundle_version, installed_at = excluded.installed_at,
                 source = excluded.source, publisher_root = excluded.publisher_root, signer_key = excluded.signer_key,
                 copy = excluded.copy, expires_at = excluded.expires_at",
            params![bundle.bundle_version, now, source_name, root, signer, copy, expires_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The digest of the pages as they are stored now.
    fn stored_pages_digest(&self) -> Result<[u8; 32]> {
        let mut stmt = self.conn().prepare("SELECT id, language, audience, title, summary, body, tags, last_reviewed, sources FROM library_resources")?;
        let rows: Vec<[String; 9]> = stmt
            .query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?]))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(pages_digest(rows.iter().map(|r| [&*r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7], &r[8]])))
    }

    fn stored_copy(&self) -> Result<Option<String>> {
        Ok(self.conn().query_row("SELECT copy FROM library_bundle WHERE singleton = 1", [], |r| r.get(0)).optional()?.flatten())
    }

    /// Installs `bundle`, from a file someone at this laptop chose, if the installed library is
    /// the built-in one or another file's and this one is newer. A publisher's library is only
    /// replaced by that publisher or by going back to the built-in one
    /// ([`Vault::reset_library`]). Returns whether it was installed; a bundle that fails
    /// validation changes nothing.
    pub fn install_library(&mut self, bundle: &LibraryBundle) -> Result<bool> {
        match self.installed_library()? {
            Some(InstalledLibrary { source: LibrarySource::Published { .. }, .. }) => return Ok(false),
            Some(current) if bundle.bundle_version <= current.version => return Ok(false),
            _ => {}
        }
        let copy = serde_json::to_string(bundle).expect("a bundle serialises");
        self.write_library(bundle, &LibrarySource::Local, Some(&copy))?;
        Ok(true)
    }

    /// What every start does before anything is shown: checks the installed library against the
    /// copy it was installed from, and puts back what no longer matches.
    ///
    /// - none installed, or the built-in one and the app's is newer: the app's is installed;
    /// - pages changed since they were installed: put back from the copy (the app itself for the
    ///   built-in library, the file for a local one, the signed bundle for a published one);
    /// - a published library whose signed copy no longer checks against the key recorded, or
    ///   whose date has passed: the built-in library comes back, and the next pass with the
    ///   service fetches the publisher's again.
    ///
    /// Before any profile is unlocked only the built-in library can be proved; that a published
    /// one's key answers to a pinned root is checked when it is installed (see `THREAT_MODEL.md`).
    pub fn check_library(&mut self) -> Result<LibraryCheck> {
        let builtin = LibraryBundle::parse(BUILTIN_LIBRARY.as_bytes())?;
        let Some(installed) = self.installed_library()? else {
            self.write_library(&builtin, &LibrarySource::Builtin, None)?;
            return Ok(LibraryCheck::BuiltinInstalled);
        };
        let authentic = match &installed.source {
            LibrarySource::Builtin if builtin.bundle_version > installed.version => {
                self.write_library(&builtin, &LibrarySource::Builtin, None)?;
                return Ok(LibraryCheck::BuiltinInstalled);
            }
            LibrarySource::Builtin => Some(builtin.clone()),
            LibrarySource::Local => self.stored_copy()?.and_then(|c| LibraryBundle::parse(c.as_bytes()).ok()),
            LibrarySource::Published { signer, .. } => self
                .stored_copy()?
                .and_then(|c| SignedLibraryBundle::verify(c.as_bytes(), signer, self.now()).ok())
                .map(|v| v.bundle),
        };
        match authentic {
            Some(bundle) if bundle.bundle_version == installed.version => {
                if self.stored_pages_digest()? == bundle_digest(&bundle) {
                    return Ok(LibraryCheck::Sound);
                }
                let copy = self.stored_copy()?;
                self.write_library(&bundle, &installed.source, copy.as_deref())?;
                Ok(LibraryCheck::PagesRestored)
            }
            _ => {
                self.write_library(&builtin, &LibrarySource::Builtin, None)?;
                Ok(LibraryCheck::BuiltinBack)
            }
        }
    }

    /// Puts the library shipped with the app back in place of whatever is installed. A
    /// publisher's library comes back with the next pass with its service, if still published.
    /// Changes nothing when the built-in library is there as it was installed.
    pub fn reset_library(&mut self) -> Result<()> {
        let builtin = LibraryBundle::parse(BUILTIN_LIBRARY.as_bytes())?;
        if let Some(InstalledLibrary { source: LibrarySource::Builtin, version, .. }) = self.installed_library()? {
            if version == builtin.bundle_version && self.stored_pages_digest()? == bundle_digest(&builtin) {
                return Ok(());
            }
        }
        self.write_library(&builtin, &LibrarySource::Builtin, None)
    }

    /// Installs a bundle signed by `signer`, a key that `root` (a service signing key a profile
    /// pinned) vouches for, if its signature verifies and it is in date. It replaces the built-in
    /// library or a local one whatever their version; a publisher's library only if this is the
    /// same publisher's (same root) and newer, or that library has run out. Anything refused
    /// leaves the installed library as it was. Returns whether it was installed.
    pub fn install_signed_library(&mut self, json: &[u8], signer: &[u8; 32], root: &[u8; 32]) -> Result<bool> {
        let verified = SignedLibraryBundle::verify(json, signer, self.now())?;
        if let Some(InstalledLibrary { version, source: LibrarySource::Published { root: r, expires_at, .. }, .. }) = self.installed_library()? {
            let still_in_date = expires_at > self.now();
            if (&r == root && verified.bundle.bundle_version <= version) || (&r != root && still_in_date) {
                return Ok(false);
            }
        }
        let copy = std::str::from_utf8(json).map_err(|_| Error::invalid(Field::LibraryUpdate, crate::error::Problem::NotSigned))?;
        let source = LibrarySource::Published { root: *root, signer: *signer, expires_at: verified.expires_at };
        self.write_library(&verified.bundle, &source, Some(copy))?;
        Ok(true)
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
