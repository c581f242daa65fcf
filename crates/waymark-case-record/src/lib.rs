//! The case record: what a person shared with a worker and what the worker did about it, laid
//! out as an A4 PDF that a council or agency uploads to its case-management system.
//!
//! Why a PDF made here, with `krilla`, and not the web view's print-to-PDF: the worker app's web
//! view (WebKitGTK) prints only through a dialog, which a test cannot drive and a worker would
//! have to set up each time; `krilla` (from the Typst authors, pure Rust, kept up) writes the
//! file directly, embeds only the glyphs used from the font, and writes a ToUnicode map, so the
//! words can be searched and copied out of the file (and a test reads them back). The font is
//! the system's DejaVu Sans (the worker app's package depends on `fonts-dejavu-core`), which has
//! every letter English and Welsh need (ŵ, ŷ).
//!
//! This crate only lays out words it is given: it decides nothing about who may see what (the
//! application layer chooses what goes in), and it must never fetch, store or log anything.

use std::path::PathBuf;

use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use krilla::Document;

/// Where Debian (and most Linux systems) keep DejaVu Sans.
pub const FONT_PATHS: &[&str] = &["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf"];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CaseRecordError {
    /// No font to write with (the package's dependency on fonts-dejavu-core was removed).
    #[error("the font the case record is written in is missing (looked in {looked})")]
    NoFont { looked: String },
    #[error("the font at {path} cannot be read")]
    BadFont { path: String },
    #[error("the PDF could not be written")]
    Write,
}

/// One thing shared, or one part of a thread: a heading, facts (label and value, such as "Sent"
/// and a date; a fact with no value is a line of its own), and paragraphs of what was written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub heading: String,
    pub facts: Vec<(String, String)>,
    /// Each paragraph is a label (a question, "Their words", "Reply from …") and the words.
    pub paragraphs: Vec<(String, String)>,
}

/// A whole case record: who it is about, the entries in order, and the closing lines (how the
/// signatures were checked, when and by whom it was made).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseRecord {
    pub title: String,
    pub subtitle: Vec<String>,
    pub entries: Vec<Entry>,
    pub closing: Vec<String>,
    /// The document's language tag (`en-GB`, `cy`), written into the PDF for screen readers.
    pub language: String,
}

/// The font, from the first of [`FONT_PATHS`] that exists.
pub fn system_font() -> Result<(PathBuf, Vec<u8>), CaseRecordError> {
    for path in FONT_PATHS {
        if let Ok(bytes) = std::fs::read(path) {
            return Ok((PathBuf::from(path), bytes));
        }
    }
    Err(CaseRecordError::NoFont { looked: FONT_PATHS.join(", ") })
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BODY: f32 = 10.5;
const HEADING: f32 = 13.0;
const TITLE: f32 = 17.0;
const LEADING: f32 = 1.45;

/// Widths of text in the font, to break lines where they fit.
struct Measure<'a> {
    face: ttf_parser::Face<'a>,
}

impl Measure<'_> {
    fn width(&self, text: &str, size: f32) -> f32 {
        let per_unit = size / self.face.units_per_em() as f32;
        text.chars()
            .map(|c| self.face.glyph_index(c).and_then(|g| self.face.glyph_hor_advance(g)).unwrap_or(self.face.units_per_em() / 2) as f32 * per_unit)
            .sum()
    }

    /// `text` broken into lines no wider than `width`: at spaces where it can, inside a word
    /// only when one word alone is too wide; each line break in the text is kept.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ') {
                let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
                if self.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    // The space the line broke at stays at its end (unseen), so text copied or
                    // extracted from the file keeps its words apart.
                    line.push(' ');
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size) > width {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }
}

/// Lays the record out and writes the PDF, with `font` (a TrueType font's bytes).
pub fn render(record: &CaseRecord, font: Vec<u8>) -> Result<Vec<u8>, CaseRecordError> {
    let measure = Measure { face: ttf_parser::Face::parse(&font, 0).map_err(|_| CaseRecordError::BadFont { path: "(given)".into() })? };
    let krilla_font = Font::new(font.clone().into(), 0).ok_or(CaseRecordError::BadFont { path: "(given)".into() })?;
    let width = PAGE_W - 2.0 * MARGIN;

    // Every line first, with its size and indent, then onto pages.
    let mut lines: Vec<(f32, f32, String, f32)> = Vec::new(); // (size, indent, text, space before)
    let mut push = |size: f32, indent: f32, text: &str, before: f32| {
        for (i, line) in measure.wrap(text, size, width - indent).into_iter().enumerate() {
            lines.push((size, indent, line, if i == 0 { before } else { 0.0 }));
        }
    };
    push(TITLE, 0.0, &record.title, 0.0);
    for line in &record.subtitle {
        push(BODY, 0.0, line, 2.0);
    }
    for entry in &record.entries {
        push(HEADING, 0.0, &entry.heading, 14.0);
        for (label, value) in &entry.facts {
            let line = if value.is_empty() { label.clone() } else { format!("{label}: {value}") };
            push(BODY, 0.0, &line, 1.0);
        }
        for (label, words) in &entry.paragraphs {
            push(BODY, 0.0, label, 6.0);
            push(BODY, 14.0, words, 1.0);
        }
    }
    for line in &record.closing {
        push(BODY, 0.0, line, 12.0);
    }

    let mut document = Document::new();
    let mut metadata = krilla::metadata::Metadata::new().title(record.title.clone()).creator("Waymark for Workers".into());
    if !record.language.is_empty() {
        metadata = metadata.language(record.language.clone());
    }
    document.set_metadata(metadata);
    let mut at = 0;
    while at < lines.len() {
        let mut page = document.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(CaseRecordError::Write)?);
        let mut surface = page.surface();
        let mut y = MARGIN;
        let mut first = true;
        while at < lines.len() {
            let (size, indent, text, before) = &lines[at];
            let step = size * LEADING + if first { 0.0 } else { *before };
            if y + step > PAGE_H - MARGIN && !first {
                break;
            }
            y += step;
            surface.draw_text(Point::from_xy(MARGIN + indent, y), krilla_font.clone(), *size, text, false, TextDirection::Auto);
            first = false;
            at += 1;
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|_| CaseRecordError::Write)
}

/// [`render`] with the system's font.
pub fn render_with_system_font(record: &CaseRecord) -> Result<Vec<u8>, CaseRecordError> {
    let (path, bytes) = system_font()?;
    render(record, bytes).map_err(|e| match e {
        CaseRecordError::BadFont { .. } => CaseRecordError::BadFont { path: path.display().to_string() },
        other => other,
    })
}
