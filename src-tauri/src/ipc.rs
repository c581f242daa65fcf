//! The types that cross IPC between the web view and the shell. TypeScript declarations for them
//! are generated from these definitions (`ui/src/lib/bindings.ts`); a test fails when the
//! committed file is stale. Nothing secret is ever sent to the web view except the recovery code,
//! once, at set-up.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An error as the UI receives it: a stable code to act on and a message to show.
#[derive(Debug, Serialize, TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
}

impl From<waymark_core::Error> for IpcError {
    fn from(e: waymark_core::Error) -> Self {
        IpcError { code: e.code().into(), message: e.to_string() }
    }
}

impl IpcError {
    pub fn invalid(message: impl Into<String>) -> Self {
        IpcError { code: "invalid".into(), message: message.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoleName {
    YoungPerson,
    Carer,
}

impl From<waymark_core::Role> for RoleName {
    fn from(r: waymark_core::Role) -> Self {
        match r {
            waymark_core::Role::YoungPerson => RoleName::YoungPerson,
            waymark_core::Role::Carer => RoleName::Carer,
        }
    }
}

/// A profile as the start screen lists it (readable while locked).
#[derive(Debug, Serialize, TS)]
pub struct ProfileView {
    pub name: String,
    pub role: RoleName,
}

/// The unlocked profile, if any.
#[derive(Debug, Serialize, TS)]
pub struct SessionView {
    pub name: String,
    pub role: RoleName,
}

/// Returned once when a profile is made: the recovery code is shown to the person and not kept.
#[derive(Serialize, TS)]
pub struct CreatedProfile {
    pub session: SessionView,
    pub recovery_code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AudienceName {
    Carer,
    YoungPerson,
}

impl From<waymark_core::domain::library::Audience> for AudienceName {
    fn from(a: waymark_core::domain::library::Audience) -> Self {
        match a {
            waymark_core::domain::library::Audience::Carer => AudienceName::Carer,
            waymark_core::domain::library::Audience::YoungPerson => AudienceName::YoungPerson,
        }
    }
}

/// A search result in the guidance library.
#[derive(Debug, Serialize, TS)]
pub struct ResourceHitView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: AudienceName,
    pub reading_minutes: u32,
}

/// One guidance article or help page. `body` is Markdown in the restricted form described in
/// `content/README.md`; the UI renders it without HTML.
#[derive(Debug, Serialize, TS)]
pub struct ResourceView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: AudienceName,
    pub body: String,
    pub tags: Vec<String>,
    pub reading_minutes: u32,
    pub last_reviewed: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatementKindName {
    ReviewPreparation,
    Worried,
    GoodNews,
    ChangeSomething,
    ServiceFeedback,
    NotSafe,
}

impl From<StatementKindName> for waymark_core::domain::StatementKind {
    fn from(k: StatementKindName) -> Self {
        use waymark_core::domain::StatementKind as K;
        match k {
            StatementKindName::ReviewPreparation => K::ReviewPreparation,
            StatementKindName::Worried => K::Worried,
            StatementKindName::GoodNews => K::GoodNews,
            StatementKindName::ChangeSomething => K::ChangeSomething,
            StatementKindName::ServiceFeedback => K::ServiceFeedback,
            StatementKindName::NotSafe => K::NotSafe,
        }
    }
}

impl From<waymark_core::domain::StatementKind> for StatementKindName {
    fn from(k: waymark_core::domain::StatementKind) -> Self {
        use waymark_core::domain::StatementKind as K;
        match k {
            K::ReviewPreparation => StatementKindName::ReviewPreparation,
            K::Worried => StatementKindName::Worried,
            K::GoodNews => StatementKindName::GoodNews,
            K::ChangeSomething => StatementKindName::ChangeSomething,
            K::ServiceFeedback => StatementKindName::ServiceFeedback,
            K::NotSafe => StatementKindName::NotSafe,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatementStatusName {
    Draft,
    Ready,
    Shared,
    Received,
    Read,
}

impl From<waymark_core::domain::StatementStatus> for StatementStatusName {
    fn from(s: waymark_core::domain::StatementStatus) -> Self {
        use waymark_core::domain::StatementStatus as S;
        match s {
            S::Draft => StatementStatusName::Draft,
            S::Ready => StatementStatusName::Ready,
            S::Shared => StatementStatusName::Shared,
            S::Received => StatementStatusName::Received,
            S::Read => StatementStatusName::Read,
        }
    }
}

impl From<StatementStatusName> for waymark_core::domain::StatementStatus {
    fn from(s: StatementStatusName) -> Self {
        use waymark_core::domain::StatementStatus as S;
        match s {
            StatementStatusName::Draft => S::Draft,
            StatementStatusName::Ready => S::Ready,
            StatementStatusName::Shared => S::Shared,
            StatementStatusName::Received => S::Received,
            StatementStatusName::Read => S::Read,
        }
    }
}

#[derive(Debug, Serialize, TS)]
pub struct QuestionView {
    pub id: String,
    pub section: String,
    /// "face", "words" or "choice".
    pub kind: String,
    pub prompt: String,
    pub hint: Option<String>,
    pub choices: Vec<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct QuestionSetView {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Serialize, Deserialize, TS)]
pub struct AnswerView {
    pub question_id: String,
    pub face: Option<u8>,
    pub choice: Option<String>,
    pub words: Option<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct StatusChangeView {
    pub status: StatementStatusName,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Serialize, TS)]
pub struct StatementView {
    pub id: String,
    pub kind: StatementKindName,
    pub status: StatementStatusName,
    pub urgent: bool,
    pub answers: Vec<AnswerView>,
    pub words: Option<String>,
    pub history: Vec<StatusChangeView>,
    pub updated_at: String,
}

#[derive(Debug, Serialize, TS)]
pub struct HelplineView {
    pub name: String,
    pub number: String,
    pub note: String,
}

/// The TypeScript file the UI imports, generated from the types above.
pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::default();
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by `UPDATE_BINDINGS=1 cargo test -p waymark-app`. Do not edit.\n\n",
    );
    for decl in [
        IpcError::decl(&cfg),
        RoleName::decl(&cfg),
        ProfileView::decl(&cfg),
        SessionView::decl(&cfg),
        CreatedProfile::decl(&cfg),
        AudienceName::decl(&cfg),
        ResourceHitView::decl(&cfg),
        ResourceView::decl(&cfg),
        StatementKindName::decl(&cfg),
        StatementStatusName::decl(&cfg),
        QuestionView::decl(&cfg),
        QuestionSetView::decl(&cfg),
        AnswerView::decl(&cfg),
        StatusChangeView::decl(&cfg),
        StatementView::decl(&cfg),
        HelplineView::decl(&cfg),
    ] {
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ui_bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        let fresh = super::typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            committed, fresh,
            "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p waymark-app` and commit it"
        );
    }
}
