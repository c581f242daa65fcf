//! The one error type of the core. Every variant has a stable [`Error::code`] for programs (the
//! desktop shell sends it across IPC beside the message) and a message a person can act on.

use crate::ids::RecordId;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("That passphrase is not right. Check caps lock and try again.")]
    WrongPassphrase,

    #[error("Too many wrong tries. Please wait {retry_after_secs} seconds, then try again.")]
    TooManyAttempts { retry_after_secs: i64 },

    #[error("That recovery code is not right. Check each group of letters and numbers.")]
    WrongRecoveryCode,

    #[error("{}", .0.words(crate::Language::EnGb))]
    WeakPassphrase(crate::secret::StrengthProblem),

    #[error("There is no profile called '{0}' on this computer.")]
    ProfileNotFound(String),

    #[error("There is already a profile called '{0}'. Please choose another name.")]
    ProfileNameTaken(String),

    #[error("Record {record_id} could not be opened: it has been changed or damaged on disk. Your other records are not affected.")]
    Integrity { record_id: RecordId },

    #[error("The saved keys for this profile are damaged, so it cannot be opened.")]
    DamagedKey,

    #[error("The key settings stored for this profile are weaker than Waymark allows, so it will not use them.")]
    KdfBelowFloor,

    #[error("Nothing found: {0}")]
    NotFound(String),

    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error("{field} is too long: at most {max} characters, and this has {actual}.")]
    TooLong { field: String, max: usize, actual: usize },

    #[error("'{0}' is not a kind of record Waymark knows. Known kinds: statement, plan, pathway_note, resource_mark, safer_caring_policy, learning_entry, consent_event, share_entry.")]
    UnknownKind(String),

    #[error("A {from} statement cannot become {to}.")]
    InvalidTransition { from: String, to: String },

    #[error("You have not said yes to sharing {kind} with {recipient}, so it was not queued.")]
    NoConsent { kind: String, recipient: String },

    #[error("This {what} uses format version {found}; this version of Waymark reads version {supported}. Please update Waymark.")]
    UnsupportedVersion { what: String, found: u32, supported: u32 },

    #[error("The file could not be read as a Waymark export: {0}")]
    MalformedImport(String),

    #[error("The vault database could not be read or written: {0}")]
    Storage(#[from] rusqlite::Error),

    #[error("A file could not be read or written: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// A short, stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassphrase => "wrong_passphrase",
            Error::TooManyAttempts { .. } => "too_many_attempts",
            Error::WrongRecoveryCode => "wrong_recovery_code",
            Error::WeakPassphrase(_) => "weak_passphrase",
            Error::ProfileNotFound(_) => "profile_not_found",
            Error::ProfileNameTaken(_) => "profile_name_taken",
            Error::Integrity { .. } => "integrity",
            Error::DamagedKey => "damaged_key",
            Error::KdfBelowFloor => "kdf_below_floor",
            Error::NotFound(_) => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::TooLong { .. } => "too_long",
            Error::UnknownKind(_) => "unknown_kind",
            Error::InvalidTransition { .. } => "invalid_transition",
            Error::NoConsent { .. } => "no_consent",
            Error::UnsupportedVersion { .. } => "unsupported_version",
            Error::MalformedImport(_) => "malformed_import",
            Error::Storage(_) => "storage",
            Error::Io(_) => "io",
        }
    }

    /// The values the error's message in `errors.ftl` (`error-<code>`) takes. Only
    /// language-neutral values: names and numbers, never English words.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            Error::TooManyAttempts { retry_after_secs } => vec![("seconds", retry_after_secs.to_string())],
            Error::WeakPassphrase(problem) => problem.values(),
            Error::ProfileNotFound(name) | Error::ProfileNameTaken(name) => vec![("name", name.clone())],
            Error::Integrity { record_id } => vec![("record", record_id.to_string())],
            _ => Vec::new(),
        }
    }

    pub(crate) fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), reason: reason.into() }
    }
}
