//! "Download all my information" and restoring it.
//!
//! The export is JSON in a documented, versioned format (`docs/EXPORT.md`) plus a readable HTML
//! page of the same content. Importing checks the whole file first and then creates the new
//! profile and all its records in one transaction, so a bad file creates nothing.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::domain::{RecordJson, RecordKind, StoredRecord};
use crate::error::{Error, Format, ImportProblem, Result};
use crate::ids::RecordId;
use crate::entropy::Entropy;
use crate::kdf::KdfParams;
use crate::secret::{Passphrase, RecoveryCode};
use crate::vault::{Language, Role, Session, Vault};

pub const EXPORT_FORMAT: &str = "waymark-export";
pub const EXPORT_FORMAT_VERSION: u32 = 1;
/// Largest import accepted, in bytes.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
const MAX_IMPORT_RECORDS: usize = 200_000;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportProfile {
    pub display_name: String,
    pub role: Role,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub format_version: u32,
    pub exported_at: Timestamp,
    pub profile: ExportProfile,
    pub records: Vec<RecordJson>,
    /// Records that could not be opened (damaged on disk) and so are not in this file.
    #[serde(default)]
    pub damaged: Vec<RecordId>,
}

impl Vault {
    pub fn export(&self, session: &Session) -> Result<Export> {
        let list = self.list(session, None)?;
        let mut records: Vec<StoredRecord> = list.records;
        records.sort_by_key(|r| (r.body.kind().as_str(), r.id));
        Ok(Export {
            format: EXPORT_FORMAT.into(),
            format_version: EXPORT_FORMAT_VERSION,
            exported_at: self.now(),
            profile: ExportProfile { display_name: session.display_name().into(), role: session.role() },
            records: records.iter().map(StoredRecord::to_json).collect(),
            damaged: list.damaged,
        })
    }

    /// "Download all my information" as one sealed file: the export's JSON, sealed under a key
    /// from the person's passphrase (asked for again, and counted like an unlock attempt), so
    /// the file opens only with it and can be restored with [`Vault::import`].
    pub fn export_sealed(&mut self, session: &Session, passphrase: &Passphrase) -> Result<Vec<u8>> {
        self.confirm_passphrase(session, passphrase)?;
        let json = zeroize::Zeroizing::new(serde_json::to_vec(&self.export(session)?).expect("an export serialises"));
        seal_export(&json, passphrase, self.kdf(), self.entropy())
    }

    /// Creates a new profile from an export file: the JSON, or a sealed file (which opens with
    /// `passphrase`, the one the person had when they saved it, and the restored profile opens
    /// with it too). `display_name` overrides the name in the file (needed when the old profile
    /// still exists here).
    pub fn import(
        &mut self,
        file: &[u8],
        display_name: Option<&str>,
        passphrase: &Passphrase,
    ) -> Result<(Session, RecoveryCode)> {
        let opened;
        let json = if is_sealed_export(file) {
            opened = open_sealed_export(file, passphrase)?;
            &opened[..]
        } else {
            file
        };
        let (profile, records) = read_export(json)?;
        let name = display_name.unwrap_or(&profile.display_name);
        self.create_profile_with(name, profile.role, passphrase, |vault, tx, session| {
            for rec in &records {
                vault.seal_into(tx, session, rec)?;
            }
            Ok(())
        })
    }
}

/// The first bytes of a sealed export, so it is told from the JSON at a glance.
pub const SEALED_EXPORT_MAGIC: &[u8] = b"WAYMARK SEALED EXPORT\n";
pub const SEALED_EXPORT_VERSION: u8 = 1;
const SALT: usize = 16;
const NONCE: usize = 12;
const SEALED_HEADER: usize = SEALED_EXPORT_MAGIC.len() + 1 + 12 + SALT + NONCE;

pub fn is_sealed_export(file: &[u8]) -> bool {
    file.starts_with(SEALED_EXPORT_MAGIC)
}

/// Seals an export's JSON under `Argon2id(passphrase, fresh salt)` with AES-256-GCM. Format 1:
/// `"WAYMARK SEALED EXPORT\n" | 01 | memory KiB u32 | passes u32 | lanes u32 | salt[16] |
/// nonce[12] | ciphertext | tag[16]`, integers big-endian; the associated data is everything
/// before the ciphertext, so no setting in the header can be changed unseen.
pub fn seal_export(json: &[u8], passphrase: &Passphrase, kdf: KdfParams, entropy: &dyn Entropy) -> Result<Vec<u8>> {
    use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
    let mut salt = [0u8; SALT];
    let mut nonce = [0u8; NONCE];
    entropy.fill(&mut salt);
    entropy.fill(&mut nonce);
    let key = kdf.derive(passphrase, &salt)?;
    let mut out = Vec::with_capacity(SEALED_HEADER + json.len() + 16);
    out.extend_from_slice(SEALED_EXPORT_MAGIC);
    out.push(SEALED_EXPORT_VERSION);
    for n in [kdf.memory_kib, kdf.iterations, kdf.parallelism] {
        out.extend_from_slice(&n.to_be_bytes());
    }
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    let mut body = json.to_vec();
    let sealer = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key[..]).expect("32-byte key"));
    // Each file's key comes from a fresh salt, so this nonce is the only one ever used with it.
    sealer
        .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(&out[..]), &mut body)
        .expect("AES-GCM seal within size limits cannot fail");
    out.extend_from_slice(&body);
    Ok(out)
}

/// Opens a sealed export with the passphrase it was made with. A wrong passphrase, or any
/// change to the file, gives [`Error::WrongPassphrase`]; settings below the key-derivation floor
/// are refused before any work.
pub fn open_sealed_export(file: &[u8], passphrase: &Passphrase) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
    if file.len() > MAX_IMPORT_BYTES {
        return Err(Error::MalformedImport(ImportProblem::TooBig { megabytes: file.len() / 1_000_000, max_megabytes: MAX_IMPORT_BYTES / 1_000_000 }));
    }
    if !is_sealed_export(file) || file.len() < SEALED_HEADER + 16 {
        return Err(Error::MalformedImport(ImportProblem::NotAnExport));
    }
    let at = SEALED_EXPORT_MAGIC.len();
    if file[at] != SEALED_EXPORT_VERSION {
        return Err(Error::UnsupportedVersion { what: Format::Export, found: file[at] as u32, supported: SEALED_EXPORT_VERSION as u32 });
    }
    let u = |i: usize| u32::from_be_bytes(file[i..i + 4].try_into().expect("4 bytes"));
    let kdf = KdfParams { memory_kib: u(at + 1), iterations: u(at + 5), parallelism: u(at + 9) };
    let salt = &file[at + 13..at + 13 + SALT];
    let nonce = Nonce::try_assume_unique_for_key(&file[at + 13 + SALT..SEALED_HEADER]).map_err(|_| Error::WrongPassphrase)?;
    let key = kdf.derive(passphrase, salt)?;
    let opener = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key[..]).expect("32-byte key"));
    let mut body = zeroize::Zeroizing::new(file[SEALED_HEADER..].to_vec());
    let len = opener.open_in_place(nonce, Aad::from(&file[..SEALED_HEADER]), &mut body).map_err(|_| Error::WrongPassphrase)?.len();
    body.truncate(len);
    Ok(body)
}

/// Reads and checks a whole export file: its format and version, every record's kind and
/// contents, and that no id repeats. Writes nothing; [`Vault::import`] stores what this returns.
pub fn read_export(json: &[u8]) -> Result<(ExportProfile, Vec<StoredRecord>)> {
    let export = parse_export(json)?;
    let mut records = Vec::with_capacity(export.records.len());
    let mut ids = HashSet::new();
    for (i, r) in export.records.into_iter().enumerate() {
        let rec = r.into_record().map_err(|_| Error::MalformedImport(ImportProblem::BadRecord { number: i + 1 }))?;
        if !ids.insert(rec.id) {
            return Err(Error::MalformedImport(ImportProblem::RepeatedId { number: i + 1 }));
        }
        records.push(rec);
    }
    Ok((export.profile, records))
}

fn parse_export(json: &[u8]) -> Result<Export> {
    if json.len() > MAX_IMPORT_BYTES {
        return Err(Error::MalformedImport(ImportProblem::TooBig {
            megabytes: json.len() / 1_000_000,
            max_megabytes: MAX_IMPORT_BYTES / 1_000_000,
        }));
    }
    // Check the header first so a file from a newer Waymark gets the right message.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        format_version: Option<u32>,
    }
    let header: Header = serde_json::from_slice(json)
        .map_err(|_| Error::MalformedImport(ImportProblem::NotJson))?;
    if header.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(Error::MalformedImport(ImportProblem::NotAnExport));
    }
    match header.format_version {
        Some(EXPORT_FORMAT_VERSION) => {}
        Some(v) => {
            return Err(Error::UnsupportedVersion { what: Format::Export, found: v, supported: EXPORT_FORMAT_VERSION })
        }
        None => return Err(Error::MalformedImport(ImportProblem::NoVersion)),
    }
    let export: Export =
        serde_json::from_slice(json).map_err(|_| Error::MalformedImport(ImportProblem::Unreadable))?;
    if export.records.len() > MAX_IMPORT_RECORDS {
        return Err(Error::MalformedImport(ImportProblem::TooManyRecords { max: MAX_IMPORT_RECORDS }));
    }
    Ok(export)
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The fields whose values are codes (`not_safe`, `in_progress`, `photos`...), and the
/// catalogues' prefixes for their words, tried in turn. Every other value is what a person wrote
/// or a date, and is shown exactly as it is, even a single word that looks like a code.
const CODE_FIELDS: [(&str, &[&str]); 6] = [
    ("kind", &["kind", "learning", "export-value"]),
    ("status", &["status", "action"]),
    ("matter", &["matter"]),
    ("topic", &["topic"]),
    ("action", &["export-value"]),
    ("record_kind", &["shareable"]),
];

/// A record's field name (`next_review_on`) in `language`: `export-key-<name>`. A name the
/// catalogue lacks (a field added without words) is shown as itself, humanised, so nothing is
/// hidden; the export test requires words for every field a record has.
fn key_words(language: Language, key: &str) -> String {
    let id = format!("export-key-{key}");
    if waymark_i18n::catalogue().has(Language::EnGb, &id) {
        return waymark_i18n::text(language, &id);
    }
    let mut s = key.replace('_', " ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The value of field `key`: a code said in `language` where the catalogues have words for
/// it, anything else as written.
fn value_words(language: Language, key: Option<&str>, value: &str) -> String {
    let prefixes = CODE_FIELDS.iter().find(|(field, _)| Some(*field) == key).map_or(&[][..], |(_, p)| *p);
    for prefix in prefixes {
        let id = format!("{prefix}-{value}");
        if waymark_i18n::catalogue().has(Language::EnGb, &id) {
            return waymark_i18n::text(language, &id);
        }
    }
    value.to_string()
}

/// `v`, the value of field `key` (none for list items and a record's top level), as HTML.
fn value_html(language: Language, key: Option<&str>, v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    let say = |id: &str| format!("<em>{}</em>", escape(&waymark_i18n::text(language, id)));
    match v {
        Value::Null => out.push_str(&say("export-none")),
        Value::Bool(b) => out.push_str(&escape(&waymark_i18n::text(language, if *b { "export-yes" } else { "export-no" }))),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&escape(&value_words(language, key, s)).replace('\n', "<br>")),
        Value::Array(items) if items.is_empty() => out.push_str(&say("export-none")),
        Value::Array(items) => {
            out.push_str("<ul>");
            for item in items {
                out.push_str("<li>");
                value_html(language, None, item, out);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        Value::Object(map) => {
            out.push_str("<dl>");
            for (k, v) in map {
                out.push_str("<dt>");
                out.push_str(&escape(&key_words(language, k)));
                out.push_str("</dt><dd>");
                value_html(language, Some(k), v, out);
                out.push_str("</dd>");
            }
            out.push_str("</dl>");
        }
    }
}

impl Export {
    /// A self-contained page (no scripts, no remote content) showing everything in the export,
    /// in `language`: headings and field names from the catalogues, what the person wrote as
    /// they wrote it.
    pub fn to_html(&self, language: Language) -> String {
        let name = self.profile.display_name.as_str();
        let mut out = String::new();
        out.push_str(&format!("<h1>{}</h1>", escape(&waymark_i18n::text(language, "export-heading"))));
        out.push_str(&format!(
            "<p>{}</p>",
            escape(&waymark_i18n::text_with(
                language,
                "export-intro",
                &[("name", name.into()), ("date", self.exported_at.to_rfc3339().into())]
            ))
        ));
        if !self.damaged.is_empty() {
            out.push_str(&format!(
                "<p><strong>{}</strong></p>",
                escape(&waymark_i18n::text_with(language, "export-damaged", &[("count", (self.damaged.len() as i64).into())]))
            ));
        }
        for kind in RecordKind::ALL {
            let records: Vec<&RecordJson> = self.records.iter().filter(|r| r.kind == kind.as_str()).collect();
            if records.is_empty() {
                continue;
            }
            let heading = waymark_i18n::text_with(
                language,
                &format!("export-kind-{}", kind.as_str()),
                &[("count", (records.len() as i64).into())],
            );
            out.push_str(&format!("<h2>{}</h2>", escape(&heading)));
            for r in records {
                out.push_str("<section class=\"record\">");
                value_html(language, None, &r.data, &mut out);
                out.push_str("</section>");
            }
        }
        html_document(language, &self.document_name(language), &out)
    }

    /// The file name and page title: "All my information - Robin", in `language`.
    pub fn document_name(&self, language: Language) -> String {
        waymark_i18n::text_with(language, "export-document-name", &[("name", self.profile.display_name.as_str().into())])
    }
}

/// A self-contained page around `body` (already escaped HTML): no scripts, no remote content,
/// readable printed or on screen. Used for every document Waymark saves for a person.
pub(crate) fn html_document(language: Language, title: &str, body: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!("<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">", language.tag()));
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    out.push_str(&format!("<title>{}</title>", escape(title)));
    out.push_str("<style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h2{border-bottom:2px solid #444;margin-top:2.5rem}section.record{border:1px solid #999;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}dt{font-weight:bold}dd{margin:0 0 .5rem 1rem}p.text{white-space:pre-wrap}</style></head><body>");
    out.push_str(body);
    out.push_str("</body></html>\n");
    out
}
