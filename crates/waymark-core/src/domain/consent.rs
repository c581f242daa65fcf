//! Consent and sharing ledgers. Both are append-only: a consent is given or withdrawn by adding
//! an event, never by changing one, so the history of who agreed to what, and when, is kept.

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::{Error, Field, Problem, Result};
use crate::ids::RecordId;
use crate::validate::{self, SHORT_TEXT};

pub use crate::vocabulary::ShareableKind;

impl ShareableKind {
    pub fn parse(text: &str) -> Result<Self> {
        Ok(match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "statement" => ShareableKind::Statement,
            "pathway_note" => ShareableKind::PathwayNote,
            "safer_caring_policy" => ShareableKind::SaferCaringPolicy,
            "learning_entry" => ShareableKind::LearningEntry,
            _ => {
                return Err(Error::invalid(Field::Kind, Problem::NotKnown { given: validate::clip(text) }))
            }
        })
    }

    pub fn of(kind: super::RecordKind) -> Option<Self> {
        use super::RecordKind as K;
        match kind {
            K::Statement => Some(ShareableKind::Statement),
            K::PathwayNote => Some(ShareableKind::PathwayNote),
            K::SaferCaringPolicy => Some(ShareableKind::SaferCaringPolicy),
            K::LearningEntry => Some(ShareableKind::LearningEntry),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentAction {
    Granted,
    Withdrawn,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentEvent {
    pub record_kind: ShareableKind,
    /// Who it is shared with, e.g. "Northvale Children's Services".
    pub recipient: String,
    pub action: ConsentAction,
    pub at: Timestamp,
    /// The profile name of the person who decided.
    pub by: String,
    /// Position in this profile's ledger, from 1. Decides the order of events: two decisions
    /// can share a second, and clocks can be wrong.
    pub sequence: u64,
}

impl ConsentEvent {
    pub fn validate(&self) -> Result<()> {
        validate::required_text(Field::Recipient, &self.recipient, SHORT_TEXT)?;
        validate::required_text(Field::By, &self.by, SHORT_TEXT)?;
        if self.sequence == 0 {
            return Err(Error::invalid(Field::Sequence, Problem::AtLeast { min: 1 }));
        }
        Ok(())
    }
}

/// What a person has said yes to right now: the latest event for each (kind, recipient) pair.
pub fn active_consents<'a>(
    events: impl IntoIterator<Item = &'a ConsentEvent>,
) -> Vec<(ShareableKind, String, Timestamp)> {
    let mut events: Vec<&ConsentEvent> = events.into_iter().collect();
    events.sort_by_key(|e| e.sequence);
    let mut state: Vec<(ShareableKind, String, ConsentAction, Timestamp)> = Vec::new();
    for e in events {
        match state.iter_mut().find(|(k, r, _, _)| *k == e.record_kind && *r == e.recipient) {
            Some(s) => {
                s.2 = e.action;
                s.3 = e.at;
            }
            None => state.push((e.record_kind, e.recipient.clone(), e.action, e.at)),
        }
    }
    state
        .into_iter()
        .filter(|s| s.2 == ConsentAction::Granted)
        .map(|(k, r, _, at)| (k, r, at))
        .collect()
}

/// One thing that went to a recipient, and the receipt that came back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareEntry {
    pub record_id: RecordId,
    pub record_kind: ShareableKind,
    pub record_version: u32,
    pub recipient: String,
    pub shared_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// The devices it was sealed to (workers' laptops, from the roster), when it was sealed to
    /// readers rather than to the service's key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readers: Vec<uuid::Uuid>,
    /// Position in this profile's sharing ledger, from 1; 0 for entries made before the ledger
    /// was numbered. The numbers run on without a gap, so a deleted entry shows.
    #[serde(default)]
    pub sequence: u64,
}

impl ShareEntry {
    pub fn validate(&self) -> Result<()> {
        validate::required_text(Field::Recipient, &self.recipient, SHORT_TEXT)?;
        validate::optional_text(Field::Receipt, &self.receipt, 4096)?;
        validate::list_len(Field::Recipient, &self.readers)
    }
}

/// An item waiting in the outbox. Its details are sealed on disk like any record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub item_id: RecordId,
    pub record_id: RecordId,
    pub record_kind: ShareableKind,
    pub recipient: String,
    pub enqueued_at: Timestamp,
    pub attempts: u32,
    /// Not to be tried again before this (after a failed attempt).
    pub next_attempt_at: Timestamp,
    /// Queued for workers a record could not reach when it first went (no approved laptop yet):
    /// it goes to them alone, and an urgent one raises no second alert (the first went out).
    #[serde(default)]
    pub follow_up: bool,
}
