//! Pathway notes: a young person's own notes and progress against a matter or goal of their plan.
//! Private by default; a note only leaves the laptop if its writer shares it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::validate::{self, LONG_TEXT};

use super::plan::Matter;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathwayNote {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matter: Option<Matter>,
    /// A goal in a plan, as `plan_id` plus the goal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<String>,
    pub text: String,
    /// How far along the person feels they are, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u8>,
    /// False until the writer chooses to share this note.
    #[serde(default)]
    pub shared: bool,
    pub written_at: Timestamp,
}

impl PathwayNote {
    pub fn validate(&self) -> Result<()> {
        validate::required_text("Note", &self.text, LONG_TEXT)?;
        if let Some(g) = &self.goal_id {
            validate::required_text("Goal id", g, 64)?;
            if self.plan_id.is_none() {
                return Err(Error::invalid("Goal id", "needs the plan it belongs to"));
            }
        }
        if self.progress.is_some_and(|p| p > 100) {
            return Err(Error::invalid("Progress", "must be between 0 and 100"));
        }
        Ok(())
    }
}
