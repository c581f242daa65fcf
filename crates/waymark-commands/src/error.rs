//! The one error a command returns, to every front end: a stable code, the values its message
//! takes (codes, names and numbers, never words), and the English message for logs and the
//! command line. The UI says it in the person's language from `locales/*/errors.ftl`:
//! `error-<code>`, or for `invalid` `invalid-<problem>` with the field's name (`field-<field>`).

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use waymark_core::Language;

#[derive(Clone, Debug, Serialize, TS)]
pub struct CommandError {
    pub code: String,
    pub message: String,
    pub values: BTreeMap<String, String>,
}

pub type CommandResult<T> = Result<T, CommandError>;

impl CommandError {
    /// A refusal the application layer makes itself; its message is the catalogue's English.
    pub fn new(code: &str) -> Self {
        let message = waymark_i18n::text(Language::EnGb, &format!("error-{code}"));
        CommandError { code: code.into(), message, values: Default::default() }
    }

    /// Adds a value the message for this code takes.
    pub fn with(mut self, name: &str, value: impl Into<String>) -> Self {
        self.values.insert(name.into(), value.into());
        let values: Vec<(&str, waymark_i18n::FluentValue<'_>)> =
            self.values.iter().map(|(k, v)| (k.as_str(), v.as_str().into())).collect();
        self.message = waymark_i18n::text_with(Language::EnGb, &format!("error-{}", self.code), &values);
        self
    }

    pub(crate) fn locked() -> Self {
        CommandError::new("locked")
    }

    /// A lock another thread panicked while holding: nothing the person can fix.
    pub(crate) fn poisoned<T>(_: T) -> Self {
        CommandError::new("internal")
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}]", self.message, self.code)
    }
}

impl From<waymark_core::Error> for CommandError {
    fn from(e: waymark_core::Error) -> Self {
        let values = e.values().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        CommandError { code: e.code().into(), message: e.to_string(), values }
    }
}

impl From<waymark_client::ClientError> for CommandError {
    fn from(e: waymark_client::ClientError) -> Self {
        use waymark_client::ClientError;
        use waymark_sync::SyncError;
        match e {
            ClientError::Vault(e) => e.into(),
            ClientError::Sync(SyncError::UnsupportedVersion { what, found, supported }) => CommandError::new("unsupported_version")
                .with("what", what)
                .with("found", found.to_string())
                .with("supported", supported.to_string()),
            ClientError::Sync(SyncError::BadInvite(problem)) => CommandError::new("bad_invite").with("problem", problem.code()),
            ClientError::Sync(SyncError::RosterRefused { seq, problem }) => {
                CommandError::new("roster_refused").with("problem", problem.code()).with("entry", seq.to_string())
            }
            // What the service said is kept for logs; the person is told what kind of refusal it
            // was, in their language.
            ClientError::Refused { code, .. } => CommandError::new("service_refused").with("reason", code),
            other => CommandError::new(other.code()),
        }
    }
}
