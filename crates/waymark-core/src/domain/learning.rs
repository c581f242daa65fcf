//! A foster carer's learning log: training and learning time, with totals by month for the
//! chart and for the annual review.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::validate::{self, LONG_TEXT, SHORT_TEXT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearningKind {
    Course,
    Reading,
    Webinar,
    SupportGroup,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    pub resource_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl LearningEntry {
    pub fn validate(&self) -> Result<()> {
        validate::date("Date", &self.date)?;
        validate::required_text("Title", &self.title, SHORT_TEXT)?;
        if self.minutes == 0 || self.minutes > 24 * 60 {
            return Err(Error::invalid("Time", "must be between 1 minute and 24 hours for one entry"));
        }
        validate::optional_text("Resource", &self.resource_id, 128)?;
        validate::optional_text("Notes", &self.notes, LONG_TEXT)?;
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
