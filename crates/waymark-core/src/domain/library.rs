//! The safe-care resource library and help pages, with full-text search, bookmarks and read marks.
//!
//! Library content is published guidance, the same for everyone, so it is stored in the clear in
//! an FTS5 index. What a person does with it (bookmarks, what they have read) is personal and is
//! kept in sealed [`ResourceMark`] records. A bundle is installed whole, in one transaction.
//!
//! A library belongs to whoever installed it: the built-in one shipped with the app, one a person
//! at this laptop installed from a file, or one a publisher signed (see [`SignedLibraryBundle`]
//! and `vault/library.rs` for what may replace what). Versions are compared only between bundles
//! of the same publisher.
//!
//! A page can be translated: each translation is its own item with the same id and a
//! `language`, and must have an English original. A person reading in a language gets each
//! page in that language where it exists and the English page (saying so) where it does not;
//! [`LibraryBundle::untranslated`] lists those pages.

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::{Error, Field, Format, Problem, Result};
use crate::validate::{self, ARTICLE_TEXT, SHORT_TEXT};
use waymark_i18n::Language;

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
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Audience::Carer => "carer",
            Audience::YoungPerson => "young_person",
        }
    }

    /// Reads the column written by [`Audience::as_str`] (the table's CHECK allows only these two).
    pub(crate) fn from_column(text: &str) -> Audience {
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
    checked_bundle(items, bundle_version)
}

/// The most pages one bundle built from pages in memory may hold, and the longest page.
pub const MAX_PAGES: usize = 1000;
pub const MAX_PAGE_BYTES: usize = 64 * 1024;

/// Builds a bundle from Markdown pages given as (file name, text), as an administrator chooses
/// them in the worker app: each page says its own language in its front matter, so the files
/// may come in any order and from any folder. Checked as [`build_bundle`] checks a folder.
pub fn bundle_from_pages(pages: &[(String, String)], bundle_version: u32) -> Result<LibraryBundle> {
    if pages.is_empty() || pages.len() > MAX_PAGES {
        return Err(Error::Content(format!("a library has 1 to {MAX_PAGES} pages")));
    }
    let mut items = Vec::with_capacity(pages.len());
    for (name, text) in pages {
        // Names are echoed in what is refused, so a name too long to read is refused unread.
        if name.chars().count() > 100 {
            return Err(Error::Content("a page's file name is longer than 100 characters".into()));
        }
        let stem = name.strip_suffix(".md").ok_or_else(|| Error::Content(format!("{name}: a page is a Markdown file (.md)")))?;
        if text.len() > MAX_PAGE_BYTES {
            return Err(Error::Content(format!("{name}: a page is at most {} KiB", MAX_PAGE_BYTES / 1024)));
        }
        items.push(parse_item_markdown(stem, text)?);
    }
    items.sort_by(|a, b| (a.language.tag(), &a.id).cmp(&(b.language.tag(), &b.id)));
    checked_bundle(items, bundle_version)
}

fn checked_bundle(items: Vec<Resource>, bundle_version: u32) -> Result<LibraryBundle> {
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

/// What a signed bundle signs: this context line, the expiry in decimal seconds and a newline,
/// then the bundle's JSON bytes exactly.
const SIGNING_CONTEXT: &[u8] = b"waymark-library-bundle-v2\n";
pub const SIGNED_BUNDLE_FORMAT: &str = "waymark-signed-library";
/// Version 2 signs an expiry with the bundle. Version 1 (no expiry) is refused: a library that
/// never runs out could hold a laptop to one publisher for good.
pub const SIGNED_BUNDLE_FORMAT_VERSION: u32 = 2;
/// The longest a published library may say it lasts, from when a device checks it. A publisher
/// publishes again before then; when it runs out the built-in library comes back.
pub const MAX_LIBRARY_DAYS: i64 = 400;
/// How long a library Waymark's own tools publish lasts.
pub const PUBLISHED_LIBRARY_DAYS: i64 = 365;

/// A library bundle as a publisher hands it out: the bundle's JSON text, when it stops being used,
/// and an Ed25519 signature over both by the publisher's key (the service's, or an administrator
/// worker's laptop).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedLibraryBundle {
    pub format: String,
    pub format_version: u32,
    /// The bundle's JSON, signed byte for byte (so no re-encoding can change what was signed).
    pub bundle: String,
    /// Unix seconds after which no device uses this bundle.
    pub expires_at: i64,
    /// Hex Ed25519 signature over `"waymark-library-bundle-v2\n" | expires_at | "\n" | bundle`.
    pub signature: String,
}

/// A signed bundle whose signature and dates were checked.
#[derive(Clone, Debug)]
pub struct VerifiedLibrary {
    pub bundle: LibraryBundle,
    pub expires_at: Timestamp,
}

fn signed_message(bundle_json: &str, expires_at: i64) -> Vec<u8> {
    let mut msg = SIGNING_CONTEXT.to_vec();
    msg.extend_from_slice(format!("{expires_at}\n").as_bytes());
    msg.extend_from_slice(bundle_json.as_bytes());
    msg
}

impl SignedLibraryBundle {
    /// Signs `bundle_json`, to be used until `expires_at`, with an Ed25519 key pair (used by tests).
    pub fn sign(bundle_json: String, expires_at: Timestamp, key: &ring::signature::Ed25519KeyPair) -> Self {
        Self::sign_with(bundle_json, expires_at, |msg| key.sign(msg).as_ref().to_vec())
    }

    /// Signs `bundle_json` with any Ed25519 signer (the service's key lives elsewhere): `sign` is
    /// given the exact bytes to sign.
    pub fn sign_with(bundle_json: String, expires_at: Timestamp, sign: impl FnOnce(&[u8]) -> Vec<u8>) -> Self {
        let sig = sign(&signed_message(&bundle_json, expires_at.0));
        SignedLibraryBundle {
            format: SIGNED_BUNDLE_FORMAT.into(),
            format_version: SIGNED_BUNDLE_FORMAT_VERSION,
            bundle: bundle_json,
            expires_at: expires_at.0,
            signature: sig.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }

    /// Checks the signature against `signer` (a key the device pinned or a verified roster
    /// names), that the bundle is still in date at `now` and says it lasts no longer than
    /// [`MAX_LIBRARY_DAYS`], then the bundle itself.
    pub fn verify(json: &[u8], signer: &[u8; 32], now: Timestamp) -> Result<VerifiedLibrary> {
        let refused = |problem: Problem| Error::invalid(Field::LibraryUpdate, problem);
        let signed: SignedLibraryBundle = serde_json::from_slice(json).map_err(|_| refused(Problem::NotSigned))?;
        if signed.format != SIGNED_BUNDLE_FORMAT || signed.format_version != SIGNED_BUNDLE_FORMAT_VERSION {
            return Err(refused(Problem::NotSigned));
        }
        let sig: Vec<u8> = (0..signed.signature.len())
            .step_by(2)
            .map(|i| signed.signature.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect::<Option<_>>()
            .ok_or_else(|| refused(Problem::BadSignature))?;
        ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, signer)
            .verify(&signed_message(&signed.bundle, signed.expires_at), &sig)
            .map_err(|_| refused(Problem::BadSignature))?;
        if signed.expires_at <= now.0 {
            return Err(refused(Problem::Expired));
        }
        if signed.expires_at > now.0.saturating_add(MAX_LIBRARY_DAYS * 86_400) {
            return Err(refused(Problem::LastsTooLong { days: MAX_LIBRARY_DAYS as u32 }));
        }
        Ok(VerifiedLibrary { bundle: LibraryBundle::parse(signed.bundle.as_bytes())?, expires_at: Timestamp(signed.expires_at) })
    }
}

/// A search hit: enough to show in a list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ResourceHitView"))]
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
