//! The one error type of this crate. Messages say what was wrong in words a person (or the
//! person supporting them) can act on; none of them contains key material or plaintext.

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SyncError {
    #[error("{0}")]
    Malformed(String),
    #[error("this {what} uses format {found}; this version of Waymark understands up to {supported}")]
    UnsupportedVersion { what: String, found: u32, supported: u32 },
    #[error("the sealed data was changed, is damaged, or was not sealed for this key")]
    CannotOpen,
    #[error("the signature does not match: the data was changed or signed by someone else")]
    BadSignature,
    #[error("the service's keys do not match the ones in the invite code (expected {expected}, got {found})")]
    KeyMismatch { expected: String, found: String },
    #[error("this invite code ran out on {0}; ask for a new one")]
    InviteExpired(String),
}

impl SyncError {
    /// A stable code for programs (the service's JSON errors, the app's IPC errors).
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Malformed(_) => "malformed",
            SyncError::UnsupportedVersion { .. } => "unsupported_version",
            SyncError::CannotOpen => "cannot_open",
            SyncError::BadSignature => "bad_signature",
            SyncError::KeyMismatch { .. } => "key_mismatch",
            SyncError::InviteExpired(_) => "invite_expired",
        }
    }
}

pub type Result<T> = std::result::Result<T, SyncError>;
