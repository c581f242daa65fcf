//! Commands for sharing with the service: check an invite, connect, say yes to a kind, share a
//! record, and send the outbox, now or in the background while someone is unlocked. The work is
//! in `waymark-client` and the core; this module only validates, holds the vault lock for the
//! vault steps (never across the network), and remembers the last outcome for the status line.

use std::time::Duration;

use tauri::Manager;
use waymark_client::{finish_batch, prepare_sends, send_batch, PreparedSend, Preview};
use waymark_core::domain::consent::{active_consents, ShareableKind};
use waymark_core::domain::RecordKind;
use waymark_core::{Role, SystemEntropy, Timestamp};

use waymark_core::error::{Field, Problem};
use crate::ipc::{ConnectionView, ConsentView, DeletionView, IpcError, ServicePreviewView, SharingView};
use crate::{check_len, in_session, poisoned, record_id, with_session, AppState, CommandResult};

/// What the status line shows, and an invite checked but not yet accepted.
#[derive(Default)]
pub struct SharingState {
    pending: Option<Preview>,
    last_sent: Option<Timestamp>,
    last_problem: Option<IpcError>,
}

/// How often the outbox is tried while someone is unlocked.
const SEND_EVERY: Duration = Duration::from_secs(60);

fn kinds_for(role: Role) -> &'static [ShareableKind] {
    match role {
        Role::YoungPerson => &[ShareableKind::Statement, ShareableKind::PathwayNote],
        Role::Carer => &[ShareableKind::SaferCaringPolicy, ShareableKind::LearningEntry],
    }
}

fn now() -> Timestamp {
    waymark_core::Clock::now(&waymark_core::SystemClock)
}

pub fn overview(state: &AppState) -> CommandResult<SharingView> {
    let (last_sent, last_problem) = {
        let s = state.sharing.lock().map_err(poisoned)?;
        (s.last_sent.map(|t| t.to_rfc3339()), s.last_problem.clone())
    };
    with_session(state, |v, s| {
        let consents = active_consents(&v.consent_events(s)?)
            .into_iter()
            .map(|(kind, recipient, at)| ConsentView { kind, recipient, since: at.to_rfc3339() })
            .collect();
        let connection = v.service_connection(s)?.map(|c| ConnectionView {
            service_name: c.service_name.clone(),
            service_url: c.service_url.clone(),
            fingerprint: c.fingerprint.clone(),
            connected_at: c.connected_at.to_rfc3339(),
        });
        let asked = v.pending_deletions(s)?.into_iter().map(|p| DeletionView {
            kind: p.kind,
            service_name: addressee(&connection),
            asked_at: p.asked_at.to_rfc3339(),
            confirmed_at: None,
            deleted: None,
        });
        let confirmed = v.confirmed_deletions(s)?.into_iter().map(|d| DeletionView {
            kind: d.kind,
            service_name: d.service_name,
            asked_at: d.asked_at.to_rfc3339(),
            confirmed_at: Some(d.confirmed_at.to_rfc3339()),
            deleted: Some(d.deleted),
        });
        Ok(SharingView {
            deletions: asked.chain(confirmed).collect(),
            consents,
            waiting: v.outbox(s)?.len() as u32,
            sent: v.list(s, Some(RecordKind::ShareEntry))?.records.len() as u32,
            connection,
            kinds: kinds_for(s.role()).to_vec(),
            last_sent,
            last_problem,
        })
    })
}

/// Who a waiting deletion is addressed to: the connected service (the only one a deletion is
/// ever asked of).
fn addressee(connection: &Option<ConnectionView>) -> String {
    connection.as_ref().map(|c| c.service_name.clone()).unwrap_or_default()
}

fn connected_service(state: &AppState) -> CommandResult<String> {
    with_session(state, |v, s| Ok(v.service_connection(s)?.map(|c| c.service_name.clone())))?.ok_or_else(|| {
        IpcError::new("not_connected")
    })
}

/// Checks an invite code: who the service is, and that its keys match the code.
#[tauri::command]
pub async fn preview_service(state: tauri::State<'_, AppState>, code: String) -> CommandResult<ServicePreviewView> {
    check_len(Field::InviteCode, &code, 2000)?;
    with_session(&state, |_, _| Ok(()))?;
    let preview = waymark_client::preview(&code, now()).await?;
    let view = ServicePreviewView {
        service_name: preview.service.name.clone(),
        service_url: preview.invite.service_url.clone(),
        fingerprint: preview.invite.fingerprint.clone(),
        invite_expires: Timestamp(preview.invite.expires_at).to_rfc3339(),
    };
    state.sharing.lock().map_err(poisoned)?.pending = Some(preview);
    Ok(view)
}

/// Connects to the service last previewed, after the person said yes to it.
#[tauri::command]
pub async fn connect_service(state: tauri::State<'_, AppState>) -> CommandResult<SharingView> {
    with_session(&state, |_, _| Ok(()))?;
    let preview = state.sharing.lock().map_err(poisoned)?.pending.take().ok_or_else(|| {
        IpcError::new("no_invite")
    })?;
    let connection = waymark_client::enrol(&preview, &SystemEntropy::new(), now()).await?;
    with_session(&state, |v, s| v.save_service_connection(s, &connection))?;
    overview(&state)
}

/// Says yes to sharing one kind of record with the connected service.
#[tauri::command]
pub async fn give_consent(state: tauri::State<'_, AppState>, kind: ShareableKind) -> CommandResult<SharingView> {
    let service = connected_service(&state)?;
    in_session(&state, |v, s| {
        if !kinds_for(s.role()).contains(&kind) {
            return Err(waymark_core::Error::Invalid { field: Field::Kind, problem: Problem::NotShareable }.into());
        }
        Ok(v.grant_consent(s, kind, &service).map(|_| ())?)
    })?;
    overview(&state)
}

/// Queues one record for the connected service (its kind needs consent) and sends at once.
#[tauri::command]
pub async fn share_with_service(state: tauri::State<'_, AppState>, id: String) -> CommandResult<SharingView> {
    let id = record_id(&id)?;
    let service = connected_service(&state)?;
    with_session(&state, |v, s| v.share_record(s, id, &service))?;
    let _ = send_outbox(&state).await;
    overview(&state)
}

/// Sends what is waiting now, instead of at the next minute.
#[tauri::command]
pub async fn send_now(state: tauri::State<'_, AppState>) -> CommandResult<SharingView> {
    connected_service(&state)?;
    send_outbox(&state).await?;
    overview(&state)
}

/// One pass over the outbox. Consent is checked again just before each item goes, so a
/// withdrawal a moment earlier still stops it. Then the mailbox is read: new plan versions and
/// receipts. The outcome is kept for the status line.
pub async fn send_outbox(state: &AppState) -> CommandResult<()> {
    // Deletions this profile asked for that the service has not confirmed yet.
    process_deletions(state).await?;
    send_waiting(state).await?;
    let Some(connection) = with_session(state, |v, s| v.service_connection(s)).ok().flatten() else { return Ok(()) };
    // Page by page until the mailbox is read to the end (the cursor is kept after each page).
    loop {
        let Some(connection) = with_session(state, |v, s| v.service_connection(s)).ok().flatten() else { return Ok(()) };
        let items = match waymark_client::fetch_mail(&connection, now()).await {
            Ok(items) => items,
            Err(e) => {
                let problem = IpcError::from(e);
                state.sharing.lock().map_err(poisoned)?.last_problem = Some(problem.clone());
                return Err(problem);
            }
        };
        let report = in_session(state, |v, s| Ok(waymark_client::apply_mail(v, s, &items)?))?;
        state.sharing.lock().map_err(poisoned)?.last_problem =
            report.refused.first().map(|_| IpcError::new("mail_refused"));
        if !waymark_client::more_mail_waiting(&items) {
            break;
        }
    }
    // A newer library from the service, installed only if its pinned key signed it.
    let have = state.vault.lock().map_err(poisoned)?.library_version()?.unwrap_or(0);
    if let Some(signed) = waymark_client::fetch_resources(&connection, have).await? {
        if let Err(e) = in_session(state, |v, _| Ok(waymark_client::install_resources(v, &connection, &signed)?)) {
            state.sharing.lock().map_err(poisoned)?.last_problem = Some(e);
        }
    }
    Ok(())
}

async fn send_waiting(state: &AppState) -> CommandResult<()> {
    let _one_at_a_time = state.sending.lock().await;
    let entropy = SystemEntropy::new();
    let (profile, prepared) = match with_session(state, |v, s| Ok((s.display_name().to_string(), prepare_sends(v, s, &entropy)))) {
        Ok((profile, Ok((prepared, _)))) => (profile, prepared),
        Ok((_, Err(waymark_client::ClientError::NotConnected))) | Err(_) => return Ok(()),
        Ok((_, Err(e))) => return Err(e.into()),
    };
    let mut rest = prepared;
    while !rest.is_empty() {
        let n = waymark_client::batches(&rest)[0].len();
        let batch: Vec<PreparedSend> = rest.drain(..n).collect();
        // Stop if the person locked (or someone else unlocked) while this pass was sending, and
        // check consent again at the moment of sending: a withdrawal a moment ago still stops it.
        let (same_person, batch) = with_session(state, |v, s| {
            if s.display_name() != profile {
                return Ok((false, Vec::new()));
            }
            let mut allowed = std::collections::HashMap::new();
            let mut keep = Vec::with_capacity(batch.len());
            for p in batch {
                let key = (p.item.record_kind, p.item.recipient.clone());
                let yes = match allowed.get(&key) {
                    Some(yes) => *yes,
                    None => *allowed.entry(key).or_insert(v.has_consent(s, p.item.record_kind, &p.item.recipient)?),
                };
                if yes {
                    keep.push(p);
                } else {
                    v.drop_outbox_item(s, p.item.item_id)?;
                }
            }
            Ok((true, keep))
        })?;
        if !same_person {
            break;
        }
        if batch.is_empty() {
            continue;
        }
        let outcome = send_batch(&batch, now()).await;
        in_session(state, |v, s| Ok(finish_batch(v, s, &batch, outcome.as_deref().ok(), &entropy)?))?;
        let mut status = state.sharing.lock().map_err(poisoned)?;
        match outcome {
            Ok(_) => {
                status.last_sent = Some(now());
                status.last_problem = None;
            }
            Err(e) => {
                let problem = IpcError::from(e);
                status.last_problem = Some(problem.clone());
                return Err(problem);
            }
        }
    }
    Ok(())
}

/// Asks the connected service to delete what it holds for each deletion this profile asked for
/// and it has not confirmed (the vault keeps them, so a restart loses none). Each answer's signed
/// receipt is checked before the ask is forgotten. Returns, per kind asked, how many it deleted,
/// or why it could not be asked yet; the first failure stops the pass (the service is likely away).
pub async fn process_deletions(state: &AppState) -> CommandResult<Vec<(ShareableKind, Result<u32, IpcError>)>> {
    let Ok((Some(connection), pending)) = with_session(state, |v, s| Ok((v.service_connection(s)?, v.pending_deletions(s)?))) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for ask in pending {
        match waymark_client::request_deletion(&connection, ask.kind, Vec::new(), &SystemEntropy::new(), now()).await {
            Ok(receipt) => {
                let kept = waymark_client::kept_receipt(&connection, &receipt, now());
                with_session(state, |v, s| v.complete_deletion(s, ask.id, &kept))?;
                out.push((ask.kind, Ok(receipt.facts.deleted)));
            }
            Err(e) => {
                let problem = IpcError::from(e);
                state.sharing.lock().map_err(poisoned)?.last_problem = Some(problem.clone());
                out.push((ask.kind, Err(problem)));
                break;
            }
        }
    }
    Ok(out)
}

/// Tries the outbox every minute while the app runs; does nothing while locked.
pub fn start_background_sending(app: &tauri::AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(SEND_EVERY).await;
            let state = app.state::<AppState>();
            let _ = send_outbox(&state).await;
        }
    });
}
