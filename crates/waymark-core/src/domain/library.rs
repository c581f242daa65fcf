//! The safe-care resource library and help pages, with full-text search, bookmarks and read marks.
//!
//! Library content is published guidance, the same for everyone, so it is stored in the clear in
//! an FTS5 index. What a person does with it (bookmarks, what they have read) is personal and is
//! kept in sealed [`ResourceMark`] records. A bundle is installed whole, in one transaction, and
//! only if it is newer than the installed one.
//!
//! A page can be translated: each translation is its own item with the same id and a
//! `language`, and must have an English original. A person reading in a language gets each
//! page in that language where it exists and the English page (saying so) where it does not;
//! [`LibraryBundle::untranslated`] lists those pages.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Field, Format, Problem, Result};
use crate::validate::{self, ARTICLE_TEXT, SHORT_TEXT};
use crate::vault::{Language, Session, Vault};

pub const BUNDLE_FORMAT: &str = "waymark-library";
/// Version 2 added a `language` to each item; version 1 bundles are all English and still read.
pub const BUNDLE_FORMAT_VERSION: u32 = 2;
const OLDEST_BUNDLE_FORMAT: u32 = 1;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

    /// Reads the column written by [`Audience::as_str`] (the table's CHECK allows only these two).
    fn from_column(text: &str) -> Audience {
        if text == "carer" { Audience::Carer } else { Audience::YoungPerson }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// A stable slug such as `safer-caring-basics`, shared by a page and its translations.
    pub id: String,
    /// The language the page is written in (English when a bundle does not say).
    #[serde(default)]
    pub language: Language,
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
        validate::required_text(Field::ResourceId, &self.id, 80)?;
        if !self.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(Error::invalid(Field::ResourceId, Problem::OnlyCharacters { allowed: "a-z 0-9 -" }));
        }
        validate::required_text(Field::Title, &self.title, SHORT_TEXT)?;
        validate::required_text(Field::Summary, &self.summary, 1000)?;
        validate::required_text(Field::Body, &self.body, ARTICLE_TEXT)?;
        validate::list_len(Field::Tags, &self.tags)?;
        for t in &self.tags {
            validate::required_text(Field::Tag, t, 40)?;
            // Tags are stored space-separated for the search index, so one tag is one word.
            if t.chars().any(char::is_whitespace) {
                return Err(Error::invalid(Field::Tag, Problem::HasSpace { given: validate::clip(t) }));
            }
        }
        validate::date(Field::LastReviewed, &self.last_reviewed)?;
        for s in &self.sources {
            validate::required_text(Field::Source, s, SHORT_TEXT)?;
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
            .map_err(|_| Error::invalid(Field::LibraryBundle, Problem::Unreadable))?;
        if b.format != BUNDLE_FORMAT {
            return Err(Error::invalid(Field::LibraryBundle, Problem::WrongFormat { given: validate::clip(&b.format) }));
        }
        if !(OLDEST_BUNDLE_FORMAT..=BUNDLE_FORMAT_VERSION).contains(&b.format_version) {
            return Err(Error::UnsupportedVersion { what: Format::LibraryBundle, found: b.format_version, supported: BUNDLE_FORMAT_VERSION });
        }
        if b.items.len() > 5000 {
            return Err(Error::invalid(Field::LibraryBundle, Problem::TooManyItems { max: 5000 }));
        }
        for item in &b.items {
            item.validate()?;
            check_sections(item)?;
        }
        b.check_translations()?;
        b.check_links()?;
        Ok(b)
    }

    /// Each page appears once per language, and every translation has an English original for
    /// the same readers.
    pub fn check_translations(&self) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        for item in &self.items {
            if !seen.insert((item.id.as_str(), item.language)) {
                return Err(Error::invalid(Field::LibraryBundle, Problem::Twice { given: item.id.clone() }));
            }
        }
        for item in self.items.iter().filter(|i| i.language != Language::EnGb) {
            let original = self.items.iter().find(|o| o.id == item.id && o.language == Language::EnGb);
            if original.is_none_or(|o| o.audience != item.audience) {
                return Err(Error::invalid(Field::LibraryBundle, Problem::NoOriginal { given: item.id.clone() }));
            }
        }
        Ok(())
    }

    /// The pages with no translation into `language`, by id: these are shown in English.
    pub fn untranslated(&self, language: Language) -> Vec<&str> {
        self.items
            .iter()
            .filter(|i| i.language == Language::EnGb)
            .filter(|i| !self.items.iter().any(|t| t.id == i.id && t.language == language))
            .map(|i| i.id.as_str())
            .collect()
    }

    /// Every `resource:` link points at an item in this bundle.
    pub fn check_links(&self) -> Result<()> {
        let ids: std::collections::HashSet<&str> = self.items.iter().map(|i| i.id.as_str()).collect();
        for item in &self.items {
            for target in linked_ids(&item.body) {
                if !ids.contains(target.as_str()) {
                    return Err(Error::invalid(Field::LibraryBundle, Problem::LinksMissing { given: item.id.clone(), target }));
                }
            }
        }
        Ok(())
    }
}

/// Checks what a schema cannot: every `##` section has text under it.
fn check_sections(r: &Resource) -> Result<()> {
    let mut heading: Option<&str> = None;
    let mut has_text = true;
    for line in r.body.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            if !has_text {
                return Err(Error::invalid(Field::Resource, Problem::SectionEmpty { given: r.id.clone(), heading: heading.unwrap_or("").into() }));
            }
            heading = Some(h.trim());
            has_text = false;
        } else if !line.trim().is_empty() {
            has_text = true;
        }
    }
    if !has_text {
        return Err(Error::invalid(Field::Resource, Problem::SectionEmpty { given: r.id.clone(), heading: heading.unwrap_or("").into() }));
    }
    Ok(())
}

/// The ids this item links to with `[text](resource:id)`.
pub fn linked_ids(body: &str) -> Vec<String> {
    body.split("](resource:")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|id| id.trim().to_string())
        .collect()
}

/// Reads one item written as Markdown with a front-matter header (format in `content/README.md`).
/// `file_stem` is the file name without `.md`; the id must match it.
pub fn parse_item_markdown(file_stem: &str, text: &str) -> Result<Resource> {
    let bad = |why: String| Error::Content(format!("{file_stem}.md: {why}"));
    let rest = text.strip_prefix("---\n").ok_or_else(|| bad("must start with a '---' line".into()))?;
    let (header, body) = rest.split_once("\n---\n").ok_or_else(|| bad("the header has no closing '---' line".into()))?;
    let mut fields: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    let mut sources = Vec::new();
    let mut in_sources = false;
    for line in header.lines() {
        if let Some(item) = line.strip_prefix("  - ") {
            if !in_sources {
                return Err(bad(format!("'{line}' is a list item outside 'sources'")));
            }
            sources.push(item.trim().to_string());
            continue;
        }
        let (key, value) = line.split_once(':').ok_or_else(|| bad(format!("'{line}' is not 'key: value'")))?;
        let key = key.trim();
        in_sources = key == "sources";
        if in_sources {
            continue;
        }
        if !["id", "language", "audience", "title", "summary", "tags", "last_reviewed"].contains(&key) {
            return Err(bad(format!("unknown field '{key}'")));
        }
        if fields.insert(key, value.trim().to_string()).is_some() {
            return Err(bad(format!("'{key}' appears twice")));
        }
    }
    // English pages may leave the language out; a translation names its own.
    let language = match fields.remove("language") {
        None => Language::EnGb,
        Some(tag) => Language::parse(&tag).ok_or_else(|| bad(format!("language '{tag}' is not one Waymark speaks")))?,
    };
    let mut field = |k: &str| fields.remove(k).filter(|v| !v.is_empty()).ok_or_else(|| bad(format!("'{k}' is missing")));
    let id = field("id")?;
    if id != file_stem {
        return Err(bad(format!("id '{id}' does not match the file name")));
    }
    let audience = match field("audience")?.as_str() {
        "carer" => Audience::Carer,
        "young_person" => Audience::YoungPerson,
        other => return Err(bad(format!("audience '{other}' is not carer or young_person"))),
    };
    let resource = Resource {
        id,
        language,
        audience,
        title: field("title")?,
        summary: field("summary")?,
        tags: field("tags")?.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
        last_reviewed: field("last_reviewed")?,
        sources,
        body: body.trim().to_string(),
    };
    if resource.sources.is_empty() {
        return Err(bad("'sources' must name at least one piece of guidance".into()));
    }
    resource.validate().map_err(|e| bad(e.to_string()))?;
    check_sections(&resource).map_err(|e| bad(e.to_string()))?;
    Ok(resource)
}

/// Builds a bundle from a folder of Markdown items: English pages in `dir`, translations in a
/// folder per language (`dir/cy/`), each sorted by file name. Checks every item, that each
/// translation is in its language's folder and has an English original, and every link.
pub fn build_bundle(dir: &std::path::Path, bundle_version: u32) -> Result<LibraryBundle> {
    let markdown_in = |folder: &std::path::Path| -> Result<Vec<std::path::PathBuf>> {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(folder)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        paths.sort();
        Ok(paths)
    };
    let mut items = Vec::new();
    for language in Language::ALL {
        let folder = if language == Language::EnGb { dir.to_path_buf() } else { dir.join(language.tag()) };
        if !folder.is_dir() {
            continue;
        }
        for p in markdown_in(&folder)? {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let item = parse_item_markdown(stem, &std::fs::read_to_string(&p)?)?;
            if item.language != language {
                return Err(Error::Content(format!(
                    "{}: says it is in '{}' but is in the folder for '{}'",
                    p.display(),
                    item.language.tag(),
                    language.tag()
                )));
            }
            items.push(item);
        }
    }
    let bundle = LibraryBundle {
        format: BUNDLE_FORMAT.into(),
        format_version: BUNDLE_FORMAT_VERSION,
        bundle_version,
        items,
    };
    bundle.check_translations().map_err(|e| Error::Content(e.to_string()))?;
    bundle.check_links()?;
    Ok(bundle)
}

/// The library built from `content/library/` and shipped inside the app, installed on first run.
pub const BUILTIN_LIBRARY: &str = include_str!("../../../../content/library.json");

/// What a signed bundle signs: this context line, then the bundle's JSON bytes exactly.
const SIGNING_CONTEXT: &[u8] = b"waymark-library-bundle-v1\n";
pub const SIGNED_BUNDLE_FORMAT: &str = "waymark-signed-library";

/// A library bundle as the service publishes it: the bundle's JSON text and an Ed25519 signature
/// over it by the service's signing key.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedLibraryBundle {
    pub format: String,
    pub format_version: u32,
    /// The bundle's JSON, signed byte for byte (so no re-encoding can change what was signed).
    pub bundle: String,
    /// Hex Ed25519 signature over `"waymark-library-bundle-v1\n" | bundle`.
    pub signature: String,
}

impl SignedLibraryBundle {
    /// Signs `bundle_json` with an Ed25519 key pair (used by tests).
    pub fn sign(bundle_json: String, key: &ring::signature::Ed25519KeyPair) -> Self {
        Self::sign_with(bundle_json, |msg| key.sign(msg).as_ref().to_vec())
    }

    /// Signs `bundle_json` with any Ed25519 signer (the service's key lives elsewhere): `sign` is
    /// given the exact bytes to sign.
    pub fn sign_with(bundle_json: String, sign: impl FnOnce(&[u8]) -> Vec<u8>) -> Self {
        let mut msg = SIGNING_CONTEXT.to_vec();
        msg.extend_from_slice(bundle_json.as_bytes());
        let sig = sign(&msg);
        SignedLibraryBundle {
            format: SIGNED_BUNDLE_FORMAT.into(),
            format_version: 1,
            bundle: bundle_json,
            signature: sig.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }

    /// Checks the signature against the service's pinned public key, then the bundle itself.
    pub fn verify(json: &[u8], trusted_public_key: &[u8; 32]) -> Result<LibraryBundle> {
        let refused = |problem: Problem| Error::invalid(Field::LibraryUpdate, problem);
        let signed: SignedLibraryBundle = serde_json::from_slice(json).map_err(|_| refused(Problem::NotSigned))?;
        if signed.format != SIGNED_BUNDLE_FORMAT || signed.format_version != 1 {
            return Err(refused(Problem::NotSigned));
        }
        let sig: Vec<u8> = (0..signed.signature.len())
            .step_by(2)
            .map(|i| signed.signature.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect::<Option<_>>()
            .ok_or_else(|| refused(Problem::BadSignature))?;
        let mut msg = SIGNING_CONTEXT.to_vec();
        msg.extend_from_slice(signed.bundle.as_bytes());
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, trusted_public_key)
            .verify(&msg, &sig)
            .map_err(|_| refused(Problem::BadSignature))?;
        LibraryBundle::parse(signed.bundle.as_bytes())
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
    pub tags: Vec<String>,
    /// The language the page is in: the reader's, or English when it is not translated yet.
    pub language: Language,
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
        validate::required_text(Field::ResourceId, &self.resource_id, 80)
    }
}

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
