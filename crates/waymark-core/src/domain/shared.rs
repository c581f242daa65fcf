//! What a worker's laptop keeps of what people shared with it: each item as it arrived (opened and
//! checked by `waymark-client` before it gets here), and what the worker has done about it (read
//! it, acknowledged it, replied). The rules of those steps live here so every front end obeys
//! them; storing is `crate::vault::shared`. This module never decides who may read an item: that
//! is the roster's, checked before an item is kept.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::Timestamp;
use crate::error::{Field, Result};
use crate::validate;

/// The longest reply, in characters (at most four bytes each, so it always fits the sealed
/// reply's limit of 8 KiB).
pub const MAX_REPLY_CHARS: usize = 2000;

/// One reply a worker sent about an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReply {
    pub words: String,
    pub at: Timestamp,
}

/// Something a person shared with this laptop. Kept whole and sealed under the worker's vault
/// key; `record` is the record as the person's device sealed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedItem {
    pub envelope_id: Uuid,
    /// Its place in this laptop's feed at the service.
    pub feed_seq: i64,
    /// Who shared it, as the verified roster names the sending device's owner; none when it was
    /// refused before that was known.
    pub person_id: Option<Uuid>,
    /// `statement`, `pathway_note`, `safer_caring_policy`, `learning_entry`.
    pub record_kind: String,
    pub record_id: Uuid,
    pub urgent: bool,
    /// Every laptop it was sealed to, as its sender bound them in.
    pub readers: Vec<Uuid>,
    /// The record (`{id, kind, version, data}`), or null when it was refused.
    pub record: serde_json::Value,
    pub received_at: Timestamp,
    /// Why it could not be opened (a code): kept so the worker sees something came.
    pub refused: Option<String>,
    /// When the sender's device was told it arrived.
    pub receipt_sent_at: Option<Timestamp>,
    pub read_at: Option<Timestamp>,
    pub acknowledged_at: Option<Timestamp>,
    pub replies: Vec<SentReply>,
    /// When the worker first opened it on this laptop (written to the audit log then).
    #[serde(default)]
    pub opened_at: Option<Timestamp>,
}

impl SharedItem {
    /// Notes the first time it is opened; whether this was it.
    pub fn mark_opened(&mut self, at: Timestamp) -> bool {
        if self.opened_at.is_some() {
            return false;
        }
        self.opened_at = Some(at);
        true
    }

    /// Marks it read; the first time is the one kept (opening it again changes nothing).
    /// Whether this was the first time.
    pub fn mark_read(&mut self, at: Timestamp) -> bool {
        if self.read_at.is_some() {
            return false;
        }
        self.read_at = Some(at);
        true
    }

    /// Acknowledges it ("someone has this"); reading it is implied. The first time is kept.
    /// Whether this was the first time.
    pub fn acknowledge(&mut self, at: Timestamp) -> bool {
        self.mark_read(at);
        if self.acknowledged_at.is_some() {
            return false;
        }
        self.acknowledged_at = Some(at);
        true
    }

    /// Checks a reply before it is sealed and sent: something said, within the limit, no control
    /// characters.
    pub fn check_reply(words: &str) -> Result<()> {
        validate::required_text(Field::Words, words, MAX_REPLY_CHARS)
    }

    /// Keeps a reply that was sent (replying implies reading).
    pub fn add_reply(&mut self, words: String, at: Timestamp) -> Result<()> {
        Self::check_reply(&words)?;
        self.mark_read(at);
        self.replies.push(SentReply { words, at });
        Ok(())
    }

    /// Waiting for this worker: not read yet, or urgent and not acknowledged.
    pub fn needs_attention(&self) -> bool {
        self.refused.is_none() && (self.read_at.is_none() || (self.urgent && self.acknowledged_at.is_none()))
    }
}
