//! A foster carer's learning log: training and learning time, with totals by month for the
//! chart and for the annual review.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Problem, Result};
use crate::validate::{self, LONG_TEXT, SHORT_TEXT};
use waymark_i18n::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LearningKind {
    Course,
    Reading,
    Webinar,
    SupportGroup,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LearningEntry {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: LearningKind,
    pub title: String,
    /// Time spent, in minutes (whole minutes avoid rounding drift in totals).
    pub minutes: u32,
    /// A library resource this learning came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub resource_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub notes: Option<String>,
}

impl LearningEntry {
    pub fn validate(&self) -> Result<()> {
        validate::date(Field::Date, &self.date)?;
        validate::required_text(Field::Title, &self.title, SHORT_TEXT)?;
        if self.minutes == 0 || self.minutes > 24 * 60 {
            return Err(Error::invalid(Field::Time, Problem::Between { min: 1, max: 24 * 60 }));
        }
        validate::optional_text(Field::Resource, &self.resource_id, 128)?;
        validate::optional_text(Field::Notes, &self.notes, LONG_TEXT)?;
        Ok(())
    }
}

/// Minutes per month (`YYYY-MM`), oldest first.
pub fn minutes_by_month<'a>(entries: impl IntoIterator<Item = &'a LearningEntry>) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for e in entries {
        *out.entry(e.date[..7].to_string()).or_insert(0) += e.minutes as u64;
    }
    out
}

/// The saved log's file name (without extension) for `name`'s profile, in `language`.
pub fn learning_log_document_name(language: Language, name: &str) -> String {
    waymark_i18n::text_with(language, "learning-document-name", &[("name", name.into())])
}

/// The log as CSV (date, kind, title, hours, notes) for an annual review or a spreadsheet, with
/// its column names and kinds in `language`. Cells that a spreadsheet would run as a formula are
/// prefixed with an apostrophe.
pub fn learning_log_csv<'a>(language: Language, entries: impl IntoIterator<Item = &'a LearningEntry>) -> String {
    fn cell(text: &str) -> String {
        let mut t = text.replace('\r', "");
        if t.starts_with(['=', '+', '-', '@', '\t']) {
            t.insert(0, '\'');
        }
        format!("\"{}\"", t.replace('"', "\"\""))
    }
    let say = |id: &str| waymark_i18n::text(language, id);
    let columns = ["learning-csv-date", "learning-csv-kind", "learning-csv-title", "learning-csv-hours", "learning-csv-notes"];
    let mut out = columns.iter().map(|id| cell(&say(id))).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    for e in entries {
        let kind = match e.kind {
            LearningKind::Course => "learning-course",
            LearningKind::Reading => "learning-reading",
            LearningKind::Webinar => "learning-webinar",
            LearningKind::SupportGroup => "learning-support_group",
            LearningKind::Other => "learning-other",
        };
        out.push_str(&format!(
            "{},{},{},{}.{:02},{}\r\n",
            e.date,
            cell(&say(kind)),
            cell(&e.title),
            e.minutes / 60,
            (e.minutes % 60) * 100 / 60,
            cell(e.notes.as_deref().unwrap_or(""))
        ));
    }
    out
}

