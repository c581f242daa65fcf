//! The types that cross IPC between the web view and the shell. TypeScript declarations for them
//! are generated from these definitions (`ui/src/lib/bindings.ts`); a test fails when the
//! committed file is stale. Nothing secret is ever sent to the web view except the recovery code,
//! once, at set-up.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_core::domain::library::Audience;
use waymark_core::domain::{StatementKind, StatementStatus};
use waymark_core::Role;

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

/// A profile as the start screen lists it (readable while locked).
#[derive(Debug, Serialize, TS)]
pub struct ProfileView {
    pub name: String,
    pub role: Role,
}

/// The unlocked profile, if any.
#[derive(Debug, Serialize, TS)]
pub struct SessionView {
    pub name: String,
    pub role: Role,
}

/// Returned once when a profile is made: the recovery code is shown to the person and not kept.
#[derive(Serialize, TS)]
pub struct CreatedProfile {
    pub session: SessionView,
    pub recovery_code: String,
}

/// A search result in the guidance library.
#[derive(Debug, Serialize, TS)]
pub struct ResourceHitView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    pub reading_minutes: u32,
}

/// One guidance article or help page. `body` is Markdown in the restricted form described in
/// `content/README.md`; the UI renders it without HTML.
#[derive(Debug, Serialize, TS)]
pub struct ResourceView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    pub body: String,
    pub tags: Vec<String>,
    pub reading_minutes: u32,
    pub last_reviewed: String,
    pub sources: Vec<String>,
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
    pub status: StatementStatus,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Serialize, TS)]
pub struct StatementView {
    pub id: String,
    pub kind: StatementKind,
    pub status: StatementStatus,
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

/// The TypeScript file the UI imports, generated from the types above and the core's enums
/// (which derive `TS` under the core's `ts` feature, so there is one definition of each).
pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::default();
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc.rs by `UPDATE_BINDINGS=1 cargo test -p waymark-app`. Do not edit.\n\n",
    );
    for decl in [
        IpcError::decl(&cfg),
        Role::decl(&cfg),
        ProfileView::decl(&cfg),
        SessionView::decl(&cfg),
        CreatedProfile::decl(&cfg),
        Audience::decl(&cfg),
        ResourceHitView::decl(&cfg),
        ResourceView::decl(&cfg),
        StatementKind::decl(&cfg),
        StatementStatus::decl(&cfg),
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
