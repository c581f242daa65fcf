//! What people keep in Waymark. Each kind of record is a plain serde type with a `validate`
//! method; [`RecordBody`] ties them together so the vault can seal, list and export any of them.
//! This module decides what is valid; it never touches keys or the disk. Storing each kind is
//! in `crate::vault`, one file per domain file here.

pub mod consent;
pub mod learning;
pub mod library;
pub mod note;
pub mod plan;
pub mod policy;
pub mod shared;
pub mod statement;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Problem, Result};
use crate::ids::RecordId;

pub use consent::{ConsentAction, ConsentEvent, ShareEntry, ShareableKind};
pub use learning::{LearningEntry, LearningKind};
pub use library::{Resource, ResourceMark};
pub use note::PathwayNote;
pub use plan::{Matter, Plan, PlanKind};
pub use policy::SaferCaringPolicy;
pub use statement::{Statement, StatementKind, StatementStatus};

/// The kinds of sealed record. The text form is stored beside each record and bound into its seal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Statement,
    Plan,
    PathwayNote,
    ResourceMark,
    SaferCaringPolicy,
    LearningEntry,
    ConsentEvent,
    ShareEntry,
}

impl RecordKind {
    pub const ALL: [RecordKind; 8] = [
        RecordKind::Statement,
        RecordKind::Plan,
        RecordKind::PathwayNote,
        RecordKind::ResourceMark,
        RecordKind::SaferCaringPolicy,
        RecordKind::LearningEntry,
        RecordKind::ConsentEvent,
        RecordKind::ShareEntry,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Statement => "statement",
            RecordKind::Plan => "plan",
            RecordKind::PathwayNote => "pathway_note",
            RecordKind::ResourceMark => "resource_mark",
            RecordKind::SaferCaringPolicy => "safer_caring_policy",
            RecordKind::LearningEntry => "learning_entry",
            RecordKind::ConsentEvent => "consent_event",
            RecordKind::ShareEntry => "share_entry",
        }
    }

    pub fn parse(text: &str) -> Result<RecordKind> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == t)
            .ok_or_else(|| Error::UnknownKind(crate::validate::clip(text)))
    }

    /// Append-only kinds: written once, never changed.
    pub fn is_ledger(self) -> bool {
        matches!(self, RecordKind::ConsentEvent | RecordKind::ShareEntry)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum RecordBody {
    Statement(Statement),
    Plan(Plan),
    PathwayNote(PathwayNote),
    ResourceMark(ResourceMark),
    SaferCaringPolicy(SaferCaringPolicy),
    LearningEntry(LearningEntry),
    ConsentEvent(ConsentEvent),
    ShareEntry(ShareEntry),
}

impl RecordBody {
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordBody::Statement(_) => RecordKind::Statement,
            RecordBody::Plan(_) => RecordKind::Plan,
            RecordBody::PathwayNote(_) => RecordKind::PathwayNote,
            RecordBody::ResourceMark(_) => RecordKind::ResourceMark,
            RecordBody::SaferCaringPolicy(_) => RecordKind::SaferCaringPolicy,
            RecordBody::LearningEntry(_) => RecordKind::LearningEntry,
            RecordBody::ConsentEvent(_) => RecordKind::ConsentEvent,
            RecordBody::ShareEntry(_) => RecordKind::ShareEntry,
        }
    }

    pub fn validate(&self) -> Result<()> {
        match self {
            RecordBody::Statement(x) => x.validate(),
            RecordBody::Plan(x) => x.validate(),
            RecordBody::PathwayNote(x) => x.validate(),
            RecordBody::ResourceMark(x) => x.validate(),
            RecordBody::SaferCaringPolicy(x) => x.validate(),
            RecordBody::LearningEntry(x) => x.validate(),
            RecordBody::ConsentEvent(x) => x.validate(),
            RecordBody::ShareEntry(x) => x.validate(),
        }
    }

    /// The record's contents as JSON, without its kind (which is stored and bound separately).
    pub fn data_json(&self) -> serde_json::Value {
        let v = match self {
            RecordBody::Statement(x) => serde_json::to_value(x),
            RecordBody::Plan(x) => serde_json::to_value(x),
            RecordBody::PathwayNote(x) => serde_json::to_value(x),
            RecordBody::ResourceMark(x) => serde_json::to_value(x),
            RecordBody::SaferCaringPolicy(x) => serde_json::to_value(x),
            RecordBody::LearningEntry(x) => serde_json::to_value(x),
            RecordBody::ConsentEvent(x) => serde_json::to_value(x),
            RecordBody::ShareEntry(x) => serde_json::to_value(x),
        };
        v.expect("record types serialise to JSON")
    }

    pub fn from_json(kind: RecordKind, bytes: &[u8]) -> Result<RecordBody> {
        let value: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|_| Error::invalid(Field::Record, Problem::Unreadable))?;
        Self::from_value(kind, value)
    }

    /// Reads a record of `kind` from JSON. Does not validate
    /// sizes and rules; call [`RecordBody::validate`] (the vault does before writing).
    pub fn from_value(kind: RecordKind, value: serde_json::Value) -> Result<RecordBody> {
        fn read<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> Result<T> {
            serde_json::from_value(v).map_err(|_| Error::invalid(Field::Record, Problem::Unreadable))
        }
        Ok(match kind {
            RecordKind::Statement => RecordBody::Statement(read(value)?),
            RecordKind::Plan => RecordBody::Plan(read(value)?),
            RecordKind::PathwayNote => RecordBody::PathwayNote(read(value)?),
            RecordKind::ResourceMark => RecordBody::ResourceMark(read(value)?),
            RecordKind::SaferCaringPolicy => RecordBody::SaferCaringPolicy(read(value)?),
            RecordKind::LearningEntry => RecordBody::LearningEntry(read(value)?),
            RecordKind::ConsentEvent => RecordBody::ConsentEvent(read(value)?),
            RecordKind::ShareEntry => RecordBody::ShareEntry(read(value)?),
        })
    }
}

/// A record as stored: id, version (starting at 1, one more on each change) and contents.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRecord {
    pub id: RecordId,
    pub version: u32,
    pub body: RecordBody,
}

/// The JSON shape of a record in exports and the CLI: `{id, kind, version, data}`.
#[derive(Serialize, Deserialize)]
pub struct RecordJson {
    pub id: RecordId,
    pub kind: String,
    pub version: u32,
    pub data: serde_json::Value,
}

impl StoredRecord {
    pub fn to_json(&self) -> RecordJson {
        RecordJson {
            id: self.id,
            kind: self.body.kind().as_str().to_string(),
            version: self.version,
            data: self.body.data_json(),
        }
    }
}

impl RecordJson {
    pub fn into_record(self) -> Result<StoredRecord> {
        let kind = RecordKind::parse(&self.kind)?;
        if self.version == 0 {
            return Err(Error::invalid(Field::Version, Problem::AtLeast { min: 1 }));
        }
        let body = RecordBody::from_value(kind, self.data)?;
        body.validate()?;
        Ok(StoredRecord { id: self.id, version: self.version, body })
    }
}
