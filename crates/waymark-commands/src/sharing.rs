//! Sharing with the service: check an invite and connect, say yes or no to a kind, share a
//! record, and the one sync pass (ask for deletions → read the roster → send the outbox → read the
//! mailbox → install a newer library) that every front end runs, now or in the background.
//!
//! The vault is locked only for vault steps, never across the network. Consent is checked again
//! just before each batch goes, so a withdrawal a moment earlier still stops it.

use serde::Deserialize;
use ts_rs::TS;
use waymark_client::{finish_batch, prepare_sends, send_batch, PreparedSend, Preview, Skipped};
use waymark_core::connection::ServiceConnection;
use waymark_core::domain::consent::ShareableKind;
use waymark_core::domain::RecordKind;
use waymark_core::error::Field;
use waymark_core::secret::Passphrase;
use waymark_core::vocabulary::WorkerRole;
use waymark_core::Timestamp;

use crate::check::{check_len, record_id, MAX_INVITE, MAX_PASSPHRASE, MAX_RECIPIENT};
use crate::error::{CommandError, CommandResult};
use crate::views::{ConnectionView, ConsentView, DeletionView, ServicePreviewView, SharingView, WithdrawnView, WorkerChoiceView};
use crate::{AppState, NoArguments};

/// What the status line shows, and an invite checked but not yet accepted.
#[derive(Default)]
pub struct SharingStatus {
    pending: Option<Preview>,
    last_sent: Option<Timestamp>,
    last_problem: Option<CommandError>,
}

impl AppState {
    fn note_problem(&self, problem: &CommandError) -> CommandResult<()> {
        self.sharing.lock().map_err(CommandError::poisoned)?.last_problem = Some(problem.clone());
        Ok(())
    }
}

pub async fn sharing_overview(app: &AppState, _: NoArguments) -> CommandResult<SharingView> {
    overview(app)
}

pub(crate) fn overview(app: &AppState) -> CommandResult<SharingView> {
    let (last_sent, last_problem) = {
        let s = app.sharing.lock().map_err(CommandError::poisoned)?;
        (s.last_sent.map(|t| t.to_rfc3339()), s.last_problem.clone())
    };
    app.with_session(|v, s| {
        let current = v.service_connection(s)?;
        let consents = v.consents_now(s)?
            .into_iter()
            .map(|(kind, recipient, at)| {
                let worker = current.as_ref().and_then(|c| c.workers_in(&recipient)).and_then(|w| w.first().copied());
                ConsentView { kind, recipient, worker, since: at.to_rfc3339() }
            })
            .collect();
        // A roster that cannot be read is a problem the sync pass reports; here the laptop is
        // simply not shown as approved, and no worker as allocated.
        let roster = current.as_ref().and_then(|c| waymark_client::verified_roster(v, s, c).ok().flatten());
        let workers = match &current {
            Some(c) if c.organisation.is_some() => WorkerRole::chosen_by(s.role())
                .iter()
                .map(|w| WorkerChoiceView { worker: *w, name: waymark_client::allocated_name(roster.as_ref(), c, *w) })
                .collect(),
            _ => Vec::new(),
        };
        let connection = match current {
            None => None,
            Some(c) => {
                Some(ConnectionView {
                    service_name: c.service_name.clone(),
                    service_url: c.service_url.clone(),
                    fingerprint: c.fingerprint.clone(),
                    connected_at: c.connected_at.to_rfc3339(),
                    device_id: c.device_id.to_string(),
                    device_code: waymark_client::device_code(&c).unwrap_or_default(),
                    approval: waymark_client::approval(&c, roster.as_ref()).into(),
                    organisation: c.organisation.clone(),
                })
            }
        };
        // A waiting deletion is addressed to the connected service: the only one ever asked.
        let addressee = connection.as_ref().map(|c| c.service_name.clone()).unwrap_or_default();
        let asked = v.pending_deletions(s)?.into_iter().map(|p| DeletionView {
            kind: p.kind,
            service_name: addressee.clone(),
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
        let outbox = v.outbox(s)?;
        Ok(SharingView {
            deletions: asked.chain(confirmed).collect(),
            consents,
            waiting: outbox.len() as u32,
            // A follow-up for a worker with no laptop yet: the record went already, to others.
            waiting_records: outbox.iter().filter(|i| !i.follow_up).map(|i| i.record_id.to_string()).collect(),
            sent: v.list(s, Some(RecordKind::ShareEntry))?.records.len() as u32,
            connection,
            kinds: ShareableKind::for_role(s.role()).to_vec(),
            workers,
            last_sent,
            last_problem,
        })
    })
}

fn connected_service(app: &AppState) -> CommandResult<String> {
    app.with_session(|v, s| Ok(v.service_connection(s)?.map(|c| c.service_name.clone())))?
        .ok_or_else(|| CommandError::new("not_connected"))
}

/// `recipient` as sent, or the connected service when none is named.
fn recipient_or_service(app: &AppState, recipient: Option<String>) -> CommandResult<String> {
    match recipient {
        Some(r) => {
            check_len(Field::Recipient, &r, MAX_RECIPIENT)?;
            Ok(r)
        }
        None => connected_service(app),
    }
}

#[derive(Debug, Deserialize, TS)]
pub struct PreviewServiceRequest {
    pub code: String,
}

/// Checks an invite code: who the service is, and that its keys match the code. Nothing is
/// connected until [`connect_service`].
pub async fn preview_service(app: &AppState, req: PreviewServiceRequest) -> CommandResult<ServicePreviewView> {
    check_len(Field::InviteCode, &req.code, MAX_INVITE)?;
    app.with_session(|_, _| Ok(()))?;
    let preview = waymark_client::preview(&req.code, app.now()).await?;
    let replaces = app.with_session(|v, s| {
        v.planned_service_change(s, preview.invite.organisation.as_deref(), &preview.invite.fingerprint, &preview.service.name)
    })?;
    let view = ServicePreviewView {
        service_name: preview.service.name.clone(),
        service_url: preview.invite.service_url.clone(),
        fingerprint: preview.invite.fingerprint.clone(),
        invite_expires: Timestamp(preview.invite.expires_at).to_rfc3339(),
        organisation: preview.invite.organisation.clone(),
        replaces: replaces.map(Into::into),
    };
    app.sharing.lock().map_err(CommandError::poisoned)?.pending = Some(preview);
    Ok(view)
}

/// Holds a passphrase: derives nothing that could print it.
#[derive(Default, Deserialize, TS)]
pub struct ConnectServiceRequest {
    /// Needed when this profile is connected already: moving someone's sharing to another
    /// service asks for their passphrase again.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub passphrase: Option<waymark_core::secret::SecretText>,
}

/// Connects to the service last previewed, after the person said yes to it. When this profile
/// is connected already, the passphrase is asked for again (before the invite is used), and
/// moving to a different organisation ends what was said to the old one (see
/// `Vault::replace_service_connection`).
pub async fn connect_service(app: &AppState, req: ConnectServiceRequest) -> CommandResult<SharingView> {
    let passphrase = req.passphrase.map(|p| {
        check_len(Field::Passphrase, p.expose(), MAX_PASSPHRASE)?;
        Ok::<_, CommandError>(Passphrase::from_secret(p))
    });
    let passphrase = passphrase.transpose()?;
    let connected = app.with_session(|v, s| Ok(v.service_connection(s)?.is_some()))?;
    if connected {
        let Some(passphrase) = &passphrase else {
            return Err(waymark_core::Error::Invalid { field: Field::ServiceName, problem: waymark_core::error::Problem::NeedsPassphrase }.into());
        };
        // Checked before the invite is used up, so a wrong passphrase costs nothing.
        app.with_session(|v, s| v.confirm_passphrase(s, passphrase))?;
    }
    let preview = app.sharing.lock().map_err(CommandError::poisoned)?.pending.take().ok_or_else(|| CommandError::new("no_invite"))?;
    let connection = waymark_client::enrol(&preview, app.entropy(), app.now()).await?;
    match &passphrase {
        Some(passphrase) if connected => {
            app.with_session(|v, s| v.replace_service_connection(s, passphrase, &connection))?;
        }
        _ => app.with_session(|v, s| v.save_service_connection(s, &connection))?,
    }
    overview(app)
}

#[derive(Debug, Deserialize, TS)]
pub struct GiveConsentRequest {
    pub kind: ShareableKind,
    /// Which of their workers, when the service keeps a roster (it must then be named: a person
    /// chooses who reads what they share). Not used for a service connected before rosters.
    #[serde(default)]
    #[ts(optional)]
    pub worker: Option<WorkerRole>,
}

/// Says yes to sharing one kind of record (one this person's role may share) with the connected
/// service, or, when it keeps a roster, with one of their own workers there: the only recipients
/// a person's window can name.
pub async fn give_consent(app: &AppState, req: GiveConsentRequest) -> CommandResult<SharingView> {
    let recipient = app.in_session(|v, s| {
        let c = v.service_connection(s)?.ok_or_else(|| CommandError::new("not_connected"))?;
        match (&c.organisation, req.worker) {
            (None, _) => Ok(c.service_name.clone()),
            (Some(_), Some(worker)) if WorkerRole::chosen_by(s.role()).contains(&worker) => Ok(c.recipient_for(&[worker])),
            // A roster's service is never a recipient on its own: the person names a worker.
            (Some(_), other) => Err(waymark_core::Error::Invalid {
                field: Field::Recipient,
                problem: waymark_core::error::Problem::NotKnown { given: other.map_or("", |a| a.as_str()).into() },
            }
            .into()),
        }
    })?;
    app.with_session(|v, s| v.grant_consent(s, req.kind, &recipient))?;
    overview(app)
}

#[derive(Debug, Deserialize, TS)]
pub struct WithdrawConsentRequest {
    pub kind: ShareableKind,
    /// Who to stop sharing it with (a consent the person sees); the connected service when not
    /// named.
    #[ts(optional)]
    pub recipient: Option<String>,
    /// Or which of their workers at the connected service.
    #[serde(default)]
    #[ts(optional)]
    pub worker: Option<WorkerRole>,
}

/// Says no again: nothing more of the kind is sent, and when the recipient is the connected
/// service it is asked at once to delete what it holds (and asked again at every sync until it
/// confirms with a signed receipt).
pub async fn withdraw_consent(app: &AppState, req: WithdrawConsentRequest) -> CommandResult<WithdrawnView> {
    let recipient = match req.worker {
        Some(worker) => app.with_session(|v, s| v.service_connection(s))?.ok_or_else(|| CommandError::new("not_connected"))?.recipient_for(&[worker]),
        None => recipient_or_service(app, req.recipient)?,
    };
    let worker = app.with_session(|v, s| v.service_connection(s))?.and_then(|c| c.workers_in(&recipient)).and_then(|w| w.first().copied());
    let removed = app.with_session(|v, s| v.withdraw_consent(s, req.kind, &recipient))?;
    // The vault queued a deletion in the same step if `recipient` is the connected service.
    let answer = ask_for_deletions(app).await?.into_iter().rev().find(|(k, _)| *k == req.kind).map(|(_, a)| a);
    let asked_to_delete = answer.is_some();
    let (deleted_at_service, deletion_problem) = match answer {
        Some(Ok(n)) => (Some(n), None),
        Some(Err(problem)) => (None, Some(problem)),
        None => (None, None),
    };
    // Still shared with another worker there, so the service keeps it; but the worker no longer
    // chosen is not handed it again.
    let mut no_longer_handed = None;
    if let (Some(worker), false) = (worker, asked_to_delete) {
        let laptops = app.with_session(|v, s| {
            let Some(c) = v.service_connection(s)? else { return Ok(None) };
            let roster = waymark_client::verified_roster(v, s, &c).ok().flatten();
            Ok(Some((waymark_client::laptops_of(roster.as_ref(), &c, worker), c)))
        })?;
        if let Some((laptops, connection)) = laptops.filter(|(l, _)| !l.is_empty()) {
            if let Ok(n) = waymark_client::remove_readers(&connection, req.kind, laptops, app.now()).await {
                no_longer_handed = Some(n);
            }
        }
    }
    Ok(WithdrawnView { recipient, worker, no_longer_handed, removed_from_outbox: removed as u32, deleted_at_service, deletion_problem })
}

#[derive(Debug, Deserialize, TS)]
pub struct ShareWithServiceRequest {
    pub id: String,
}

/// Queues one record for the connected service (its kind needs consent) and tries to send at
/// once; it waits in the outbox if it cannot go yet.
pub async fn share_with_service(app: &AppState, req: ShareWithServiceRequest) -> CommandResult<SharingView> {
    let id = record_id(&req.id)?;
    let connection = app.with_session(|v, s| v.service_connection(s))?.ok_or_else(|| CommandError::new("not_connected"))?;
    app.with_session(|v, s| v.share_with(s, id, &connection))?;
    // A failure is kept for the status line; the item stays queued.
    let _ = sync_pass(app).await;
    overview(app)
}

/// Sends what is waiting now, instead of at the next background pass.
pub async fn send_now(app: &AppState, _: NoArguments) -> CommandResult<SharingView> {
    sync(app).await?;
    overview(app)
}

/// What one sync pass did.
#[derive(Debug, Default)]
pub struct SyncReport {
    /// The connected service's name, when there is one.
    pub service: Option<String>,
    /// Deletions asked of the service: per kind, how many it deleted, or why it could not be
    /// asked yet.
    pub deletions: Vec<(ShareableKind, Result<u32, CommandError>)>,
    pub sent: usize,
    /// Taken out of the outbox unsent because consent had ended.
    pub dropped_no_consent: usize,
    /// Taken out because the record was deleted.
    pub dropped_record_gone: usize,
    /// Waiting to be tried again after a failure.
    pub waiting: usize,
    /// Waiting until someone can read it: this laptop approved, or a chosen worker's laptop.
    pub no_reader: usize,
    pub plans_added: usize,
    pub receipts: usize,
    /// Replies from the person's workers.
    pub replies: usize,
    /// The furthest roster head a worker's laptop had verified, when further on than this
    /// device's.
    pub peer_ahead: Option<u64>,
    /// Mailbox items refused (unsigned, for another device, an older plan version…).
    pub refused: Vec<String>,
    /// The library version installed from the service, if a newer signed one came.
    pub library_installed: Option<u32>,
}

/// The sync pass for the connected service; says so when there is none.
pub async fn sync(app: &AppState) -> CommandResult<SyncReport> {
    let service = connected_service(app)?;
    Ok(SyncReport { service: Some(service), ..sync_pass(app).await? })
}

/// One pass: ask for the deletions not yet confirmed, read the organisation's roster, send the
/// outbox, read the mailbox to its end (new plan versions, receipts and replies), then install a newer library if the pinned key signed
/// it. Does nothing while locked or not connected. The outcome is kept for the status line.
pub async fn sync_pass(app: &AppState) -> CommandResult<SyncReport> {
    let mut report = SyncReport { deletions: ask_for_deletions(app).await?, ..SyncReport::default() };
    // The roster first: who may read what is sent (a worker's newly approved laptop) comes from
    // it, and a roster that is refused stops the pass before anything is sealed.
    if let Some(connection) = current_connection(app) {
        if let Err(problem) = read_roster(app, &connection).await {
            app.note_problem(&problem)?;
            return Err(problem);
        }
    }
    send_waiting(app, &mut report).await?;
    let Some(mut connection) = current_connection(app) else { return Ok(report) };
    // Page by page until the mailbox is read to the end: each page taken, then acknowledged so
    // the service deletes it and hands out the next.
    loop {
        let items = match waymark_client::fetch_mail(&connection, app.now()).await {
            Ok(items) => items,
            Err(e) => {
                let problem = CommandError::from(e);
                app.note_problem(&problem)?;
                return Err(problem);
            }
        };
        let mail = app.in_session(|v, s| Ok(waymark_client::apply_mail(v, s, &items)?))?;
        app.sharing.lock().map_err(CommandError::poisoned)?.last_problem =
            mail.refused.first().map(|_| CommandError::new("mail_refused"));
        report.peer_ahead = report.peer_ahead.max(mail.peer_ahead);
        report.plans_added += mail.plans_added;
        report.receipts += mail.receipts;
        report.replies += mail.replies;
        report.refused.extend(mail.refused);
        let Some(taken) = current_connection(app) else { return Ok(report) };
        match waymark_client::ack_mail(&taken, app.now()).await {
            Ok(acked) => app.in_session(|v, s| Ok(waymark_client::mail_acked(v, s, &acked)?))?,
            Err(e) => {
                // What was taken stays noted, so it is skipped and acknowledged next time.
                let problem = CommandError::from(e);
                app.note_problem(&problem)?;
                return Err(problem);
            }
        }
        if !waymark_client::more_mail_waiting(&items) {
            break;
        }
        let Some(next) = current_connection(app) else { return Ok(report) };
        connection = next;
    }
    // A worker's laptop has verified more of the roster than this device has: read it again,
    // and if the service still shows less, it is holding changes back from this laptop.
    if let Some(ahead) = report.peer_ahead {
        if let Err(problem) = read_roster(app, &connection).await {
            app.note_problem(&problem)?;
            return Err(problem);
        }
        let have = app.in_session(|v, s| Ok(waymark_client::verified_roster(v, s, &connection)?.map_or(0, |r| r.head.seq)))?;
        if have < ahead {
            let problem = CommandError::from(waymark_client::ClientError::from(waymark_sync::SyncError::RosterRefused {
                seq: ahead,
                problem: waymark_sync::roster::RosterProblem::HeldBack,
            }));
            app.note_problem(&problem)?;
            return Err(problem);
        }
    }
    let have = app.with_vault(|v| Ok(waymark_client::library_version_from(v, &connection)?))?;
    if let Some(signed) = waymark_client::fetch_resources(&connection, have).await? {
        match app.in_session(|v, s| Ok(waymark_client::install_resources(v, s, &connection, &signed)?)) {
            Ok(true) => report.library_installed = app.with_vault(|v| Ok(v.library_version()?))?,
            Ok(false) => {}
            Err(e) => app.note_problem(&e)?,
        }
    }
    Ok(report)
}

/// Brings the organisation's roster up to date, page by page, verifying each against the root
/// the invite pinned and the head this laptop last saw. Nothing to do for a connection made
/// before rosters.
pub(crate) async fn read_roster(app: &AppState, connection: &ServiceConnection) -> CommandResult<()> {
    if connection.organisation.is_none() {
        return Ok(());
    }
    loop {
        let from = app.in_session(|v, s| Ok(waymark_client::roster_from(v, s, connection)?))?;
        let page = waymark_client::fetch_roster(connection, from, app.now()).await?;
        if !app.in_session(|v, s| Ok(waymark_client::apply_roster(v, s, &page)?))? {
            return Ok(());
        }
    }
}

/// The unlocked profile's connection, if it has one (none while locked).
pub(crate) fn current_connection(app: &AppState) -> Option<ServiceConnection> {
    app.with_session(|v, s| v.service_connection(s)).ok().flatten()
}

async fn send_waiting(app: &AppState, report: &mut SyncReport) -> CommandResult<()> {
    let _one_at_a_time = app.sending.lock().await;
    let prepared = app.with_session(|v, s| Ok((s.display_name().to_string(), prepare_sends(v, s, app.entropy()))));
    let (profile, mut rest) = match prepared {
        Ok((profile, Ok((prepared, skipped)))) => {
            let Skipped { no_consent, record_gone, waiting, no_reader } = skipped;
            (report.dropped_no_consent, report.dropped_record_gone, report.waiting, report.no_reader) = (no_consent, record_gone, waiting, no_reader);
            (profile, prepared)
        }
        Ok((_, Err(waymark_client::ClientError::NotConnected))) | Err(_) => return Ok(()),
        Ok((_, Err(e))) => return Err(e.into()),
    };
    while !rest.is_empty() {
        let n = waymark_client::batches(&rest)[0].len();
        let batch: Vec<PreparedSend> = rest.drain(..n).collect();
        // Stop if the person locked (or someone else unlocked) while this pass was sending, and
        // check consent again at the moment of sending.
        let (same_person, batch) = app.with_session(|v, s| {
            if s.display_name() != profile {
                return Ok((false, Vec::new()));
            }
            let mut allowed = std::collections::HashMap::new();
            let mut keep = Vec::with_capacity(batch.len());
            for p in batch {
                let key = (p.item.record_kind, p.sealed_for.clone());
                let yes = match allowed.get(&key) {
                    Some(yes) => *yes,
                    None => *allowed.entry(key).or_insert(v.has_consent(s, p.item.record_kind, &p.sealed_for)?),
                };
                if yes {
                    keep.push(p);
                } else if waymark_core::connection::parse_workers_key(&p.sealed_for).is_some() {
                    // Sealed for a worker the person has just stopped choosing: it is sealed
                    // again, for whoever is still chosen, at the next pass (the withdrawal took
                    // it out already if no one is).
                    report.waiting += 1;
                } else {
                    v.drop_outbox_item(s, p.item.item_id)?;
                    report.dropped_no_consent += 1;
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
        let outcome = send_batch(&batch, app.now()).await;
        app.in_session(|v, s| Ok(finish_batch(v, s, &batch, outcome.as_deref().ok(), app.entropy())?))?;
        let mut status = app.sharing.lock().map_err(CommandError::poisoned)?;
        match outcome {
            Ok(_) => {
                report.sent += batch.len();
                status.last_sent = Some(app.now());
                status.last_problem = None;
            }
            Err(e) => {
                let problem = CommandError::from(e);
                status.last_problem = Some(problem.clone());
                return Err(problem);
            }
        }
    }
    Ok(())
}

/// Asks the connected service to delete what it holds for each deletion this profile asked for
/// and it has not confirmed (the vault keeps them, so a restart loses none). Each answer's signed
/// receipt is checked before the ask is forgotten. The first failure stops the pass (the service
/// is likely away) and is returned beside the kind.
async fn ask_for_deletions(app: &AppState) -> CommandResult<Vec<(ShareableKind, Result<u32, CommandError>)>> {
    let Ok((Some(connection), pending)) = app.with_session(|v, s| Ok((v.service_connection(s)?, v.pending_deletions(s)?))) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for ask in pending {
        match waymark_client::request_deletion(&connection, ask.kind, Vec::new(), app.entropy(), app.now()).await {
            Ok(receipt) => {
                let kept = waymark_client::kept_receipt(&connection, &receipt, app.now());
                app.with_session(|v, s| v.complete_deletion(s, ask.id, &kept))?;
                out.push((ask.kind, Ok(receipt.facts.deleted)));
            }
            Err(e) => {
                let problem = CommandError::from(e);
                app.note_problem(&problem)?;
                out.push((ask.kind, Err(problem)));
                break;
            }
        }
    }
    Ok(out)
}
