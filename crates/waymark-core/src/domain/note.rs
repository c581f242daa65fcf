//! Pathway notes: a young person's own notes and progress against a matter or goal of their plan.
//! Private by default; a note only leaves the laptop if its writer shares it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::Timestamp;
use crate::error::{Error, Field, Problem, Result};
use crate::validate::{self, LONG_TEXT};

use super::plan::Matter;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PathwayNote {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub matter: Option<Matter>,
    /// A goal in a plan, as `plan_id` plus the goal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub plan_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub goal_id: Option<String>,
    pub text: String,
    /// How far along the person feels they are, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub progress: Option<u8>,
    /// False until the writer chooses to share this note.
    #[serde(default)]
    pub shared: bool,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub written_at: Timestamp,
}

impl PathwayNote {
    /// A note as its writer typed it, about a matter or none. Private; the vault stamps when it
    /// was written.
    pub fn written(matter: Option<Matter>, text: String, progress: Option<u8>) -> Self {
        PathwayNote { matter, plan_id: None, goal_id: None, text, progress, shared: false, written_at: Timestamp(0) }
    }

    pub fn validate(&self) -> Result<()> {
        validate::required_text(Field::Note, &self.text, LONG_TEXT)?;
        if let Some(g) = &self.goal_id {
            validate::required_text(Field::GoalId, g, 64)?;
            if self.plan_id.is_none() {
                return Err(Error::invalid(Field::GoalId, Problem::NeedsPlan));
            }
        }
        if self.progress.is_some_and(|p| p > 100) {
            return Err(Error::invalid(Field::Progress, Problem::Between { min: 0, max: 100 }));
        }
        Ok(())
    }
}

