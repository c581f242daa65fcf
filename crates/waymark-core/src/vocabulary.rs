//! The words every layer of the core shares: who a person is (their [`Role`]), which kinds of
//! record can be shared ([`ShareableKind`]) and with whom at an organisation ([`WorkerRole`]) and why a passphrase is refused
//! ([`StrengthProblem`]). This is the bottom of the crate: it uses nothing else in it, so
//! `error.rs` and the domain can both name these without a circle. Parsing text into them, which
//! can fail with an [`crate::Error`], lives with the code that reads the text.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    YoungPerson,
    Carer,
    /// Someone at the service (a social worker, an IRO, a supervising social worker, the duty
    /// team): only the worker app makes or opens such a profile, and only it makes nothing else.
    Worker,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::YoungPerson => "young_person",
            Role::Carer => "carer",
            Role::Worker => "worker",
        }
    }
}

/// The kinds of record a person can choose to share with the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ShareableKind {
    Statement,
    PathwayNote,
    SaferCaringPolicy,
    LearningEntry,
}

impl ShareableKind {
    pub const ALL: [ShareableKind; 4] =
        [ShareableKind::Statement, ShareableKind::PathwayNote, ShareableKind::SaferCaringPolicy, ShareableKind::LearningEntry];

    pub fn as_str(self) -> &'static str {
        match self {
            ShareableKind::Statement => "statement",
            ShareableKind::PathwayNote => "pathway_note",
            ShareableKind::SaferCaringPolicy => "safer_caring_policy",
            ShareableKind::LearningEntry => "learning_entry",
        }
    }

    /// The kinds a person in `role` keeps and so may choose to share: a young person their
    /// statements and pathway notes, a carer their policy and learning log.
    pub fn for_role(role: Role) -> &'static [ShareableKind] {
        match role {
            Role::YoungPerson => &[ShareableKind::Statement, ShareableKind::PathwayNote],
            Role::Carer => &[ShareableKind::SaferCaringPolicy, ShareableKind::LearningEntry],
            // A worker writes back to people (replies, plans), never shares into the service.
            Role::Worker => &[],
        }
    }

    /// In plain words in `language`, as consent screens say it.
    pub fn words(self, language: waymark_i18n::Language) -> String {
        waymark_i18n::text(language, &format!("shareable-{}", self.as_str()))
    }
}

/// A worker's role at a service. The organisation's roster allocates a person's workers by role,
/// and a person chooses who reads what they share by role ("my social worker", "my IRO"), never
/// by a name, so whoever runs the server cannot redirect the choice.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerRole {
    SocialWorker,
    /// Independent Reviewing Officer.
    Iro,
    SupervisingSocialWorker,
    /// Answers urgent items for anyone the service serves.
    Duty,
}

impl WorkerRole {
    pub const ALL: [WorkerRole; 4] = [WorkerRole::SocialWorker, WorkerRole::Iro, WorkerRole::SupervisingSocialWorker, WorkerRole::Duty];

    pub fn as_str(self) -> &'static str {
        match self {
            WorkerRole::SocialWorker => "social_worker",
            WorkerRole::Iro => "iro",
            WorkerRole::SupervisingSocialWorker => "supervising_social_worker",
            WorkerRole::Duty => "duty",
        }
    }

    pub fn parse(text: &str) -> Option<WorkerRole> {
        WorkerRole::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whom a person in `role` can choose to share with: a young person their social worker and
    /// their IRO, a carer their supervising social worker. (The duty team is never chosen: it
    /// reads only what is urgent.)
    pub fn chosen_by(role: Role) -> &'static [WorkerRole] {
        match role {
            Role::YoungPerson => &[WorkerRole::SocialWorker, WorkerRole::Iro],
            Role::Carer => &[WorkerRole::SupervisingSocialWorker],
            Role::Worker => &[],
        }
    }
}

/// Why a passphrase is too easy to guess.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum StrengthProblem {
    TooShort,
    Repetitive,
    /// Mostly one of the words people guess first.
    Common { word: String },
    /// Holds characters a keyboard cannot type.
    Untypable,
}

impl StrengthProblem {
    pub fn code(&self) -> &'static str {
        match self {
            StrengthProblem::TooShort => "too_short",
            StrengthProblem::Repetitive => "repetitive",
            StrengthProblem::Common { .. } => "common",
            StrengthProblem::Untypable => "untypable",
        }
    }

    /// The values its message takes: which problem, and the word for `common`.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        let word = match self {
            StrengthProblem::Common { word } => word.clone(),
            _ => String::new(),
        };
        vec![("problem", self.code().to_string()), ("word", word)]
    }
}
