//! The one error type of this crate. Messages say what was wrong in words a person (or the
//! person supporting them) can act on; none of them contains key material or plaintext.

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SyncError {
    #[error("{0}")]
    Malformed(String),
    /// `what` is a code (`invite`, `mail`, `envelope`, `deletion_receipt`, `deletion_request`,
    /// `key_file`), so the app can say it in the person's language.
    #[error("this {what} uses format {found}; this version of Waymark understands up to {supported}")]
    UnsupportedVersion { what: &'static str, found: u32, supported: u32 },
    #[error("the sealed data was changed, is damaged, or was not sealed for this key")]
    CannotOpen,
    #[error("the signature does not match: the data was changed or signed by someone else")]
    BadSignature,
    #[error("the service's keys do not match the ones in the invite code (expected {expected}, got {found})")]
    KeyMismatch { expected: String, found: String },
    #[error("this invite code ran out on {0}; ask for a new one")]
    InviteExpired(String),
    #[error("{}", .0.describe())]
    BadInvite(InviteProblem),
    /// A deletion receipt signed by a key whose certificate has ended.
    #[error("the service's receipt key has run out; its operator must renew it (waymark-service renew-receipt-key)")]
    ReceiptKeyExpired,
    /// The organisation's roster, at link `seq`, was not accepted.
    #[error("the service's list of people was refused at entry {seq}: {}", .problem.describe())]
    RosterRefused { seq: u64, problem: crate::roster::RosterProblem },
}

/// Why a pasted invite code cannot be used. The app says it by code, in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteProblem {
    /// It does not start with `wm1-`.
    NotAnInvite,
    /// It starts right but does not read: usually not copied whole.
    Damaged,
    /// Its service address is plain `http` to somewhere other than this computer.
    NotHttps,
}

impl InviteProblem {
    pub fn code(self) -> &'static str {
        match self {
            InviteProblem::NotAnInvite => "not_an_invite",
            InviteProblem::Damaged => "damaged",
            InviteProblem::NotHttps => "not_https",
        }
    }

    /// For the service's operators and logs (English, like the rest of this crate's messages).
    fn describe(self) -> &'static str {
        match self {
            InviteProblem::NotAnInvite => "that is not a Waymark invite code (it should start with wm1-)",
            InviteProblem::Damaged => "the invite code is damaged: check it was copied whole",
            InviteProblem::NotHttps => "the service address must use https (plain http only on this computer)",
        }
    }
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
            SyncError::BadInvite(_) => "bad_invite",
            SyncError::RosterRefused { .. } => "roster_refused",
            SyncError::ReceiptKeyExpired => "receipt_key_expired",
        }
    }
}

pub type Result<T> = std::result::Result<T, SyncError>;
