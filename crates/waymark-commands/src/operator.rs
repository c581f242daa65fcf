//! Commands for administrators and scripts (the command-line tool) that a person's window never
//! calls: add or list raw records, add a plan version from a file, install a library bundle,
//! list the outbox, restore an export. They are not in [`crate::COMMANDS`], so the desktop shell
//! has no handler or permission for them.

use uuid::Uuid;
use waymark_core::domain::consent::{OutboxItem, ShareableKind};
use waymark_core::error::Field;
use waymark_core::domain::library::LibraryBundle;
use waymark_core::domain::plan::PlanChange;
use waymark_core::domain::{RecordBody, RecordJson, RecordKind, StoredRecord};
use waymark_core::secret::{Passphrase, RecoveryCode};
use waymark_core::vault::RecordList;
use waymark_core::{RecordId, Session};

use crate::check::{check_len, record_id, MAX_RECIPIENT};
use crate::error::{CommandError, CommandResult};
use crate::views::SharingView;
use crate::AppState;

/// Adds a record of `kind` from its JSON. Consent and sharing ledgers are written only by
/// giving or withdrawing consent and by sending, never by hand; a plan becomes a new version.
pub fn add_record(app: &AppState, kind: RecordKind, data: serde_json::Value) -> CommandResult<StoredRecord> {
    if kind.is_ledger() {
        return Err(CommandError::new("ledger_by_hand").with("kind", kind.as_str()));
    }
    let body = RecordBody::from_value(kind, data)?;
    app.with_session(|v, s| match body {
        RecordBody::Plan(p) => v.add_plan_version(s, p),
        other => v.insert(s, other),
    })
}

pub fn list_records(app: &AppState, kind: Option<RecordKind>) -> CommandResult<RecordList> {
    app.with_session(|v, s| v.list(s, kind))
}

pub fn show_record(app: &AppState, id: RecordId) -> CommandResult<RecordJson> {
    app.with_session(|v, s| Ok(v.get(s, id)?.to_json()))
}

pub fn plan_diff(app: &AppState, plan_id: Uuid, from: u32, to: u32) -> CommandResult<Vec<PlanChange>> {
    app.with_session(|v, s| v.plan_diff(s, plan_id, from, to))
}

/// Installs `bundle` if it is newer than the installed library; says whether it did.
pub fn install_library(app: &AppState, bundle: &LibraryBundle) -> CommandResult<bool> {
    app.with_vault(|v| Ok(v.install_library(bundle)?))
}


pub fn library_version(app: &AppState) -> CommandResult<Option<u32>> {
    app.with_vault(|v| Ok(v.library_version()?))
}

/// Says yes to sharing `kind` with a recipient named by an administrator, connected or not (a
/// person's window can name only the connected service). The core still refuses a kind the
/// profile's role does not keep.
pub fn grant_consent_to(app: &AppState, kind: ShareableKind, recipient: &str) -> CommandResult<()> {
    check_len(Field::Recipient, recipient, MAX_RECIPIENT)?;
    app.with_session(|v, s| v.grant_consent(s, kind, recipient).map(|_| ()))
}

/// Queues a record for a recipient named by an administrator and, as the app's share does, runs
/// the sync pass at once: it goes now if that recipient is the connected service, and otherwise
/// waits in the outbox until this profile is connected to it. The core still needs consent and a
/// ready statement.
pub async fn share_to(app: &AppState, id: &str, recipient: &str) -> CommandResult<SharingView> {
    let id = record_id(id)?;
    check_len(Field::Recipient, recipient, MAX_RECIPIENT)?;
    app.with_session(|v, s| v.share_record(s, id, recipient))?;
    // A failure is kept for the status line; the item stays queued.
    let _ = crate::sharing::sync_pass(app).await;
    crate::sharing::overview(app)
}

/// What is waiting to be sent, oldest first.
pub fn outbox(app: &AppState) -> CommandResult<Vec<OutboxItem>> {
    app.with_session(|v, s| v.outbox(s))
}

/// Restores an export as a new profile (named `name`, or as in the file) and opens it.
/// Returns the new profile's recovery code, to be shown once.
pub fn import(app: &AppState, json: &[u8], name: Option<&str>, passphrase: &Passphrase) -> CommandResult<(String, usize, RecoveryCode)> {
    let (session, code): (Session, RecoveryCode) = app.with_vault(|v| Ok(v.import(json, name, passphrase)?))?;
    let (display_name, records) = (session.display_name().to_string(), app.with_vault(|v| Ok(v.list(&session, None)?.records.len()))?);
    app.open(session)?;
    Ok((display_name, records, code))
}
