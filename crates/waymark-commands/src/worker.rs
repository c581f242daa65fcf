//! The worker app's own commands: a social worker's, IRO's, supervising social worker's or duty
//! worker's laptop reads what the people they work with shared with it, answers, and keeps it all
//! in their own sealed vault. Declared in the worker list only ([`crate::declared::for_worker`]): a
//! person's window can call none of them, and a person's profile cannot run them (the core refuses
//! any profile that is not a worker's).
//!
//! What it opens is checked by `waymark_client::worker` against the roster this laptop verified;
//! what it answers is sealed there to the person's certified devices. This module decides what a
//! worker sees (urgent first, with its clock) and keeps what they did; it must never send
//! anything a worker did not ask for except the "it arrived" receipt, and never keep a plaintext
//! outside the vault.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;
use waymark_client::worker::{Answer, SharedRecord};
use waymark_core::connection::ServiceConnection;
use waymark_core::domain::shared::SharedItem;
use waymark_core::domain::{RecordBody, RecordKind, ShareableKind};
use waymark_core::error::Field;
use waymark_core::vocabulary::WorkerRole;
use waymark_core::Timestamp;
use waymark_sync::api::AlertView;
use waymark_sync::mail::ReceiptStatus;
use waymark_sync::roster::RosterState;

use crate::check::{check_len, record_id, MAX_NAME, MAX_SEARCH};
use crate::error::{CommandError, CommandResult};
use crate::sharing::{current_connection, read_roster};
use crate::views::{ApprovalView, ConnectionView, LearningEntryView, NoteView, PolicyView, SavedFile, StatementView};
use crate::{AppState, NoArguments};

/// What the worker app remembers between calls while it runs: the alerts the service last said
/// were raised to this worker, and how the last refresh went.
#[derive(Default)]
pub struct WorkerStatus {
    alerts: Vec<AlertView>,
    last_refreshed: Option<Timestamp>,
    last_problem: Option<CommandError>,
}

#[derive(Debug, Serialize, TS)]
pub struct WorkerSelfView {
    pub name: String,
    pub role: WorkerRole,
    /// Whether the organisation's root made this worker an administrator.
    pub admin: bool,
}

/// The worker app's home: is this laptop connected and approved, who the roster says its worker
/// is, and how much is waiting.
#[derive(Debug, Serialize, TS)]
pub struct WorkerOverview {
    pub connection: Option<ConnectionView>,
    /// This laptop's worker as the verified roster names them (none until the roster names them).
    pub me: Option<WorkerSelfView>,
    /// Items not read yet, or urgent and not acknowledged.
    pub waiting: u32,
    /// Urgent items not acknowledged yet.
    pub urgent_waiting: u32,
    pub last_refreshed: Option<String>,
    pub last_problem: Option<CommandError>,
}

/// One item in the inbox list.
#[derive(Debug, Serialize, TS)]
pub struct InboxItemView {
    /// Its envelope id: what the other commands take.
    pub item: String,
    pub person_id: Option<String>,
    /// The name this worker gave the person on this laptop, if any.
    pub person_name: Option<String>,
    /// `statement`, `pathway_note`, `safer_caring_policy`, `learning_entry`.
    pub record_kind: String,
    /// For a statement, its kind (`review_preparation`, `not_safe`, …).
    pub statement_kind: Option<String>,
    pub urgent: bool,
    /// RFC 3339: when this laptop took it.
    pub received_at: String,
    /// The first words of what was written, for the list.
    pub preview: String,
    pub read_at: Option<String>,
    pub acknowledged_at: Option<String>,
    pub replies: u32,
    /// Why it could not be opened (a code), if so.
    pub refused: Option<String>,
    /// For an urgent item: when the service raised it, and by when someone must acknowledge it
    /// before it goes to the next person (RFC 3339), as the organisation's roster sets it.
    pub raised_at: Option<String>,
    pub acknowledge_by: Option<String>,
    /// Whether the service says someone has acknowledged its alert (its word: this laptop knows
    /// only its own acknowledgements, `acknowledged_at`).
    pub alert_acknowledged: bool,
}

#[derive(Debug, Serialize, TS)]
pub struct PersonChoiceView {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct InboxView {
    /// Urgent items nobody has acknowledged, longest waiting first.
    pub urgent: Vec<InboxItemView>,
    /// Everything else that matches, newest first.
    pub items: Vec<InboxItemView>,
    /// How many items this laptop keeps in all (before the search and filters).
    pub total: u32,
    /// Everyone something came from, to filter by.
    pub people: Vec<PersonChoiceView>,
}

#[derive(Debug, Default, Deserialize, TS)]
pub struct InboxRequest {
    /// Words to find in what was written or in the person's name (any case).
    #[serde(default)]
    #[ts(optional)]
    pub search: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub person: Option<String>,
    /// Only this kind of record.
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<ShareableKind>,
}

/// Who else can read an item: another worker's laptop, or the person's own device.
#[derive(Debug, Serialize, TS)]
pub struct ReaderView {
    /// A worker's name, or none for a device that is not a worker's.
    pub name: Option<String>,
    pub role: Option<WorkerRole>,
    /// Whether it is this laptop.
    pub me: bool,
}

#[derive(Debug, Serialize, TS)]
pub struct SentReplyView {
    pub words: String,
    pub at: String,
}

/// One item opened, as the person wrote it.
#[derive(Debug, Serialize, TS)]
pub struct SharedItemView {
    pub summary: InboxItemView,
    pub statement: Option<StatementView>,
    pub note: Option<NoteView>,
    pub policy: Option<PolicyView>,
    pub learning: Option<LearningEntryView>,
    /// Every laptop it was sealed to.
    pub readers: Vec<ReaderView>,
    pub replies: Vec<SentReplyView>,
}

#[derive(Debug, Serialize, TS)]
pub struct PersonView {
    pub id: String,
    pub name: Option<String>,
    /// `young_person` or `carer`.
    pub served_as: String,
    /// The roles this worker holds for them.
    pub my_roles: Vec<WorkerRole>,
    /// Their devices the organisation has approved.
    pub devices: u32,
    /// When something last came from them (RFC 3339).
    pub last_contact: Option<String>,
    /// Items from them waiting for this worker.
    pub waiting: u32,
    /// The next review date in the plan this laptop last published to them (`YYYY-MM-DD`).
    pub next_review_on: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
pub struct OpenItemRequest {
    pub item: String,
}

/// What a worker does about an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemAnswer {
    /// Tells the person it has been read.
    Read,
    /// Tells the person someone has it (and, for an urgent item, stops its alert's clock).
    Acknowledge,
    /// Sends them `words`.
    Reply,
}

#[derive(Debug, Deserialize, TS)]
pub struct AnswerItemRequest {
    pub item: String,
    pub answer: ItemAnswer,
    #[serde(default)]
    #[ts(optional)]
    pub words: Option<String>,
}

/// What to save for the case record: one item, or everything from one person.
#[derive(Debug, Deserialize, TS)]
pub struct SaveCaseRecordRequest {
    #[serde(default)]
    #[ts(optional)]
    pub item: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub person: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
pub struct NamePersonRequest {
    pub person: String,
    /// Empty forgets the name.
    pub name: String,
}

fn item_id(text: &str) -> CommandResult<Uuid> {
    Ok(record_id(text)?.0)
}

pub(crate) fn connection_of(app: &AppState) -> CommandResult<ServiceConnection> {
    current_connection(app).ok_or_else(|| CommandError::new("laptop_not_connected"))
}

/// Writes what the worker just did into this laptop's audit trail (signed, kept, handed in on
/// the next pass).
pub(crate) fn audit(app: &AppState, connection: &ServiceConnection, action: waymark_sync::audit::AuditAction) -> CommandResult<()> {
    let now = app.now();
    app.in_session(|v, s| Ok(waymark_client::audit_trail::record(v, s, connection, action, now)?))?;
    Ok(())
}

/// Hands in the audit entries this laptop has not yet, a page at a time.
pub(crate) async fn hand_in_audit(app: &AppState, connection: &ServiceConnection) -> CommandResult<()> {
    loop {
        let entries = app.with_session(|v, s| Ok(waymark_client::audit_trail::to_hand_in(v, s, connection)))?.map_err(CommandError::from)?;
        let Some(last) = entries.last().map(|e| e.content.seq) else { return Ok(()) };
        let full = entries.len() == waymark_sync::audit::AUDIT_PAGE;
        let held = waymark_client::audit_trail::hand_in(connection, entries, app.now()).await?;
        app.with_session(|v, s| v.mark_audit_handed_in(s, connection.device_id, held.min(last)))?;
        // A service that says it holds less than it took is not sent the same page again now.
        if !full || held < last {
            return Ok(());
        }
    }
}

fn roster_of(app: &AppState, connection: &ServiceConnection) -> CommandResult<Option<RosterState>> {
    app.in_session(|v, s| Ok(waymark_client::verified_roster(v, s, connection)?))
}

/// The worker app's home.
pub async fn worker_overview(app: &AppState, _: NoArguments) -> CommandResult<WorkerOverview> {
    overview(app)
}

fn overview(app: &AppState) -> CommandResult<WorkerOverview> {
    let (last_refreshed, last_problem) = {
        let w = app.worker.lock().map_err(CommandError::poisoned)?;
        (w.last_refreshed.map(|t| t.to_rfc3339()), w.last_problem.clone())
    };
    let items = app.with_session(|v, s| v.shared_items(s))?;
    let waiting = items.iter().filter(|i| i.needs_attention()).count() as u32;
    let urgent_waiting = items.iter().filter(|i| i.urgent && i.refused.is_none() && i.acknowledged_at.is_none()).count() as u32;
    let Some(c) = current_connection(app) else {
        return Ok(WorkerOverview { connection: None, me: None, waiting, urgent_waiting, last_refreshed, last_problem });
    };
    let roster = roster_of(app, &c)?;
    let me = roster
        .as_ref()
        .zip(c.person_id)
        .and_then(|(r, id)| r.worker(id).map(|w| WorkerSelfView { name: w.name.clone(), role: w.role, admin: r.is_admin_worker(id) }));
    let connection = ConnectionView {
        service_name: c.service_name.clone(),
        service_url: c.service_url.clone(),
        fingerprint: c.fingerprint.clone(),
        connected_at: c.connected_at.to_rfc3339(),
        device_id: c.device_id.to_string(),
        device_code: waymark_client::device_code(&c).unwrap_or_default(),
        approval: ApprovalView::from(waymark_client::approval(&c, roster.as_ref())),
        organisation: c.organisation.clone(),
    };
    Ok(WorkerOverview { connection: Some(connection), me, waiting, urgent_waiting, last_refreshed, last_problem })
}

/// Fetches what is new now, instead of at the next background pass.
pub async fn worker_refresh(app: &AppState, _: NoArguments) -> CommandResult<WorkerOverview> {
    refresh_pass(app).await?;
    overview(app)
}

/// What one refresh did.
#[derive(Debug, Default)]
pub struct RefreshReport {
    /// New items kept.
    pub new: usize,
    /// Of them, refused (not opened).
    pub refused: usize,
    pub alerts: usize,
}

/// The worker's sync pass: read the roster (verified from the pinned root, never behind what this
/// laptop saw), take every new item from this laptop's feed, check and open each, keep it sealed,
/// tell each sender it arrived, and read the alerts raised to this worker. Does nothing while
/// locked or not connected; the outcome is kept for the home screen.
pub async fn refresh_pass(app: &AppState) -> CommandResult<RefreshReport> {
    // One pass at a time (the minute's pass and "Check for new items" may meet): two would both
    // tell senders, and each write over the other.
    let _one_at_a_time = app.worker_pass.lock().await;
    let Some(connection) = current_connection(app) else { return Ok(RefreshReport::default()) };
    let result = refresh_with(app, &connection).await;
    let mut status = app.worker.lock().map_err(CommandError::poisoned)?;
    match &result {
        Ok(_) => {
            status.last_refreshed = Some(app.now());
            status.last_problem = None;
        }
        Err(e) => status.last_problem = Some(e.clone()),
    }
    result
}

/// The most items one pass tells their senders about (the rest, next pass).
const RECEIPTS_PER_PASS: usize = 100_000;

async fn refresh_with(app: &AppState, connection: &ServiceConnection) -> CommandResult<RefreshReport> {
    // Everything this pass keeps goes into the profile it started in: if the laptop is locked
    // and another worker's profile opened meanwhile, the pass stops.
    let profile = app.with_session(|_, s| Ok(s.profile_id()))?;
    let same_profile = |app: &AppState| -> CommandResult<()> {
        match app.with_session(|_, s| Ok(s.profile_id()))? {
            p if p == profile => Ok(()),
            _ => Err(CommandError::locked()),
        }
    };
    read_roster(app, connection).await?;
    let Some(roster) = roster_of(app, connection)? else { return Ok(RefreshReport::default()) };
    if waymark_client::approval(connection, Some(&roster)) != waymark_client::Approval::Approved {
        // Nothing is sealed to a laptop the organisation has not approved; its alerts would be
        // refused too.
        return Ok(RefreshReport::default());
    }
    let after = app.with_session(|v, s| v.shared_feed_cursor(s))?;
    let feed = waymark_client::worker::read_feed(connection, &roster, after, app.now()).await?;
    let now = app.now();
    let kept: Vec<SharedItem> = feed
        .iter()
        .map(|(seq, opened)| match opened {
            Ok(record) => item_of(record, now),
            Err(e) => refused_item(*seq, e.code(), now),
        })
        .collect();
    same_profile(app)?;
    let new = app.in_session(|v, s| {
        let new = v.keep_shared(s, &kept)?;
        // A feed item that could not be opened before and opens now is kept as itself.
        let opened: Vec<i64> = feed.iter().filter(|(_, r)| r.is_ok()).map(|(seq, _)| *seq).collect();
        v.forget_refused(s, &opened)?;
        Ok(new)
    })?;
    // The person's device sealed in the roster head it had verified: one further on than this
    // laptop's means the service may be holding changes back from it; a different link at the
    // same place, that it showed them a different history.
    let ahead = compare_sender_heads(&roster, &feed)?;
    // Each sender hears it arrived, once: every item kept here not yet told, oldest first (a
    // pass that failed to tell them is made good by the next).
    let untold: Vec<SharedItem> = app
        .with_session(|v, s| v.shared_items(s))?
        .into_iter()
        .filter(|i| i.refused.is_none() && i.receipt_sent_at.is_none() && i.person_id.is_some())
        .take(RECEIPTS_PER_PASS)
        .collect();
    if !untold.is_empty() {
        let records: Vec<SharedRecord> = untold.iter().map(|i| shared_record_of(i, i.person_id.expect("filtered"))).collect();
        let receipts = records.iter().map(|r| (r, Answer::Receipt(ReceiptStatus::Received))).collect();
        // Nothing goes while the connection, roster or outbox on this laptop cannot be proved.
        app.with_session(|v, s| v.check_before_sending(s))?;
        waymark_client::worker::answer_all(connection, &roster, receipts, app.entropy(), app.now()).await?;
        same_profile(app)?;
        let ids: Vec<Uuid> = untold.iter().map(|i| i.envelope_id).collect();
        let sent_at = app.now();
        app.with_session(|v, s| v.mark_receipts_sent(s, &ids, sent_at))?;
    }
    let alerts = waymark_client::fetch_alerts(connection, app.now()).await?;
    let report = RefreshReport { new: new.len(), refused: feed.iter().filter(|(_, r)| r.is_err()).count(), alerts: alerts.len() };
    app.worker.lock().map_err(CommandError::poisoned)?.alerts = alerts;
    if let Some(theirs) = ahead {
        // Read again: if the service still shows less than a person's device had seen, it is
        // holding changes back from this laptop.
        read_roster(app, connection).await?;
        let have = roster_of(app, connection)?.map_or(0, |r| r.head.seq);
        if have < theirs {
            return Err(roster_refused(theirs, waymark_sync::roster::RosterProblem::HeldBack));
        }
    }
    // Last, so the alerts and the roster's checks above never wait on it; a failure still shows
    // as the pass's problem, and the entries go next pass.
    same_profile(app)?;
    hand_in_audit(app, connection).await?;
    Ok(report)
}

fn roster_refused(seq: u64, problem: waymark_sync::roster::RosterProblem) -> CommandError {
    CommandError::from(waymark_client::ClientError::from(waymark_sync::SyncError::RosterRefused { seq, problem }))
}

/// Compares the roster head each sender sealed in with this laptop's: a different link at the
/// same place is refused at once; the furthest head ahead of this laptop's is returned, to read
/// the roster again.
fn compare_sender_heads(roster: &RosterState, feed: &[(i64, waymark_client::Result<SharedRecord>)]) -> CommandResult<Option<u64>> {
    let mut ahead = None;
    for record in feed.iter().filter_map(|(_, r)| r.as_ref().ok()) {
        let Some(theirs) = record.sender_head.as_ref() else { continue };
        match waymark_sync::roster::compare_heads(&roster.head, |seq| (seq == roster.head.seq).then(|| roster.head.hash.clone()), theirs) {
            Ok(()) => {}
            Err(waymark_sync::roster::RosterProblem::HeldBack) => ahead = ahead.max(Some(theirs.seq)),
            Err(problem) => return Err(roster_refused(theirs.seq, problem)),
        }
    }
    Ok(ahead)
}

fn item_of(record: &SharedRecord, now: Timestamp) -> SharedItem {
    let mut json: serde_json::Value = serde_json::from_slice(&record.plaintext).unwrap_or_default();
    // The roster head inside is for checking on arrival, not for keeping.
    if let Some(o) = json.as_object_mut() {
        o.remove("roster_head");
    }
    SharedItem {
        envelope_id: record.header.envelope_id,
        feed_seq: record.seq,
        person_id: Some(record.person_id),
        record_kind: record.header.record_kind.clone(),
        record_id: record.header.record_id,
        urgent: record.header.urgent,
        readers: record.readers.clone(),
        record: json,
        received_at: now,
        refused: None,
        receipt_sent_at: None,
        read_at: None,
        acknowledged_at: None,
        replies: Vec::new(),
        opened_at: None,
    }
}

/// An item that could not be opened is kept by its place in the feed (its envelope could not be
/// trusted for an id), under `refused_id`, which no opened envelope's id can be.
fn refused_item(seq: i64, code: &str, now: Timestamp) -> SharedItem {
    SharedItem {
        envelope_id: waymark_core::vault::refused_id(seq),
        feed_seq: seq,
        person_id: None,
        record_kind: String::new(),
        record_id: Uuid::nil(),
        urgent: false,
        readers: Vec::new(),
        record: serde_json::Value::Null,
        received_at: now,
        refused: Some(code.to_string()),
        receipt_sent_at: None,
        read_at: None,
        acknowledged_at: None,
        replies: Vec::new(),
        opened_at: None,
    }
}

/// The record inside an item (`{record_kind, data}` as the person's device sealed it), checked as
/// the core checks any record; none if it does not pass.
pub(crate) fn record_of(item: &SharedItem) -> Option<waymark_core::domain::StoredRecord> {
    let kind = RecordKind::parse(item.record["record_kind"].as_str()?).ok()?;
    let body = RecordBody::from_value(kind, item.record["data"].clone()).ok()?;
    body.validate().ok()?;
    Some(waymark_core::domain::StoredRecord { id: waymark_core::RecordId(item.record_id), version: 1, body })
}

/// What was written, as one piece of text: for the list's preview and for searching.
fn text_of(item: &SharedItem) -> String {
    let Some(record) = record_of(item) else { return String::new() };
    let mut parts: Vec<String> = Vec::new();
    match record.body {
        RecordBody::Statement(st) => {
            parts.extend(st.words);
            parts.extend(st.answers.into_iter().filter_map(|a| a.words));
        }
        RecordBody::PathwayNote(n) => parts.push(n.text),
        RecordBody::SaferCaringPolicy(p) => parts.extend(p.sections.into_iter().map(|s| s.text)),
        RecordBody::LearningEntry(e) => {
            parts.push(e.title);
            parts.extend(e.notes);
        }
        _ => {}
    }
    parts.join(" ")
}

fn preview_of(text: &str) -> String {
    const PREVIEW: usize = 140;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(PREVIEW) {
        Some((end, _)) => format!("{}…", &one_line[..end]),
        None => one_line,
    }
}

fn summary(item: &SharedItem, labels: &HashMap<Uuid, String>, alerts: &[AlertView], roster: Option<&RosterState>) -> InboxItemView {
    let alert = alerts.iter().find(|a| a.envelope_id == item.envelope_id);
    let within = roster.map_or(15, |r| r.urgent_policy().acknowledge_within_minutes) as i64;
    let statement_kind = match record_of(item).map(|r| r.body) {
        Some(RecordBody::Statement(st)) => Some(st.kind.as_str().to_string()),
        _ => None,
    };
    InboxItemView {
        item: item.envelope_id.to_string(),
        person_id: item.person_id.map(|p| p.to_string()),
        person_name: item.person_id.and_then(|p| labels.get(&p).cloned()),
        record_kind: item.record_kind.clone(),
        statement_kind,
        urgent: item.urgent,
        received_at: item.received_at.to_rfc3339(),
        preview: preview_of(&text_of(item)),
        read_at: item.read_at.map(|t| t.to_rfc3339()),
        acknowledged_at: item.acknowledged_at.map(|t| t.to_rfc3339()),
        replies: item.replies.len() as u32,
        refused: item.refused.clone(),
        raised_at: alert.map(|a| Timestamp(a.raised_at).to_rfc3339()),
        acknowledge_by: alert.map(|a| Timestamp(a.raised_at + within * 60).to_rfc3339()),
        alert_acknowledged: alert.is_some_and(|a| a.acknowledged_at.is_some()),
    }
}

/// The inbox: urgent items nobody has acknowledged first (longest waiting first), then the rest
/// newest first, narrowed by the search and filters.
pub async fn inbox(app: &AppState, req: InboxRequest) -> CommandResult<InboxView> {
    if let Some(s) = &req.search {
        check_len(Field::Search, s, MAX_SEARCH)?;
        waymark_core::validate::text(Field::Search, s, MAX_SEARCH)?;
    }
    // No person (or an empty one) is everyone.
    let person = req.person.as_deref().filter(|p| !p.is_empty()).map(item_id).transpose()?;
    let search = req.search.as_deref().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
    let kind = req.kind.map(|k| k.as_str());
    let alerts = app.worker.lock().map_err(CommandError::poisoned)?.alerts.clone();
    let roster = current_connection(app).map(|c| roster_of(app, &c)).transpose()?.flatten();
    let (items, labels) = app.with_session(|v, s| Ok((v.shared_items(s)?, v.person_labels(s)?)))?;
    let total = items.len() as u32;
    let mut people: Vec<PersonChoiceView> = Vec::new();
    for p in items.iter().filter_map(|i| i.person_id) {
        if !people.iter().any(|c| c.id == p.to_string()) {
            people.push(PersonChoiceView { id: p.to_string(), name: labels.get(&p).cloned() });
        }
    }
    let matches = |i: &SharedItem| {
        person.map_or(true, |p| i.person_id == Some(p))
            && kind.map_or(true, |k| i.record_kind == k)
            && search.as_deref().map_or(true, |s| {
                text_of(i).to_lowercase().contains(s) || i.person_id.and_then(|p| labels.get(&p)).is_some_and(|n| n.to_lowercase().contains(s))
            })
    };
    // An urgent item stays at the top until this worker acknowledges it: that someone else has is
    // the service's word, shown beside it, not a reason to let it slip down.
    let (mut urgent, mut rest): (Vec<&SharedItem>, Vec<&SharedItem>) =
        items.iter().filter(|i| matches(i)).partition(|i| i.urgent && i.refused.is_none() && i.acknowledged_at.is_none());
    urgent.sort_by_key(|i| (i.received_at, i.feed_seq));
    rest.sort_by_key(|i| std::cmp::Reverse((i.received_at, i.feed_seq)));
    let view = |i: &&SharedItem| summary(i, &labels, &alerts, roster.as_ref());
    Ok(InboxView { urgent: urgent.iter().map(view).collect(), items: rest.iter().map(view).collect(), total, people })
}

fn item_view(app: &AppState, item: &SharedItem) -> CommandResult<SharedItemView> {
    let alerts = app.worker.lock().map_err(CommandError::poisoned)?.alerts.clone();
    let connection = current_connection(app);
    let roster = connection.as_ref().map(|c| roster_of(app, c)).transpose()?.flatten();
    let labels = app.with_session(|v, s| v.person_labels(s))?;
    let me = connection.as_ref().map(|c| c.device_id);
    let readers = item
        .readers
        .iter()
        .map(|device| {
            let worker = roster.as_ref().and_then(|r| r.worker_of_device(*device)).and_then(|w| roster.as_ref()?.worker(w));
            ReaderView { name: worker.map(|w| w.name.clone()), role: worker.map(|w| w.role), me: Some(*device) == me }
        })
        .collect();
    let (mut statement, mut note, mut policy, mut learning) = (None, None, None, None);
    if let Some(record) = record_of(item) {
        let id = record.id.to_string();
        match record.body {
            RecordBody::Statement(_) => statement = Some(crate::statements::statement_view(record)?),
            RecordBody::PathwayNote(n) => note = Some(NoteView { id, note: n }),
            RecordBody::SaferCaringPolicy(p) => policy = Some(PolicyView { id, policy: p }),
            RecordBody::LearningEntry(e) => learning = Some(LearningEntryView { id, entry: e }),
            _ => {}
        }
    }
    Ok(SharedItemView {
        summary: summary(item, &labels, &alerts, roster.as_ref()),
        statement,
        note,
        policy,
        learning,
        readers,
        replies: item.replies.iter().map(|r| SentReplyView { words: r.words.clone(), at: r.at.to_rfc3339() }).collect(),
    })
}

/// One item, opened as the person wrote it. Opening it tells nobody anything: marking it read
/// is the worker's own step.
pub async fn open_item(app: &AppState, req: OpenItemRequest) -> CommandResult<SharedItemView> {
    let id = item_id(&req.item)?;
    let mut item = app.with_session(|v, s| v.shared_item(s, id))?;
    // The first opening on this laptop is written to the audit log (who opened what, when).
    // Noted as opened only once the audit entry is written (a laptop with no connection now
    // writes it the first time it opens the item connected).
    if let Some(connection) = current_connection(app).filter(|_| item.refused.is_none() && item.opened_at.is_none()) {
        audit(app, &connection, waymark_sync::audit::AuditAction::Opened { envelope_id: item.envelope_id, person_id: item.person_id })?;
        item.mark_opened(app.now());
        app.with_session(|v, s| v.update_shared(s, &item))?;
    }
    item_view(app, &item)
}

/// Answers an item: the person's devices are told (sealed to them, signed by this laptop) first,
/// and only then is it kept here as done, so the app never shows an answer that did not go.
pub async fn answer_item(app: &AppState, req: AnswerItemRequest) -> CommandResult<SharedItemView> {
    let id = item_id(&req.item)?;
    let words = match req.answer {
        ItemAnswer::Reply => {
            let words = req.words.unwrap_or_default();
            SharedItem::check_reply(&words)?;
            Some(words)
        }
        _ => None,
    };
    let mut item = app.with_session(|v, s| v.shared_item(s, id))?;
    if item.refused.is_some() {
        return Err(CommandError::new("item_refused"));
    }
    let connection = connection_of(app)?;
    read_roster(app, &connection).await?;
    let roster = roster_of(app, &connection)?.ok_or_else(|| CommandError::new("not_approved"))?;
    let person = item.person_id.ok_or_else(|| CommandError::new("item_refused"))?;
    if roster.devices_of_person(person).is_empty() {
        return Err(CommandError::new("no_device_for_person"));
    }
    // For an urgent item, the alert's clock stops at the service first (whoever it escalated to
    // stops being asked), then the person hears someone has it.
    if req.answer == ItemAnswer::Acknowledge && item.urgent {
        let alerts = waymark_client::fetch_alerts(&connection, app.now()).await?;
        if let Some(alert) = alerts.iter().find(|a| a.envelope_id == item.envelope_id && a.acknowledged_at.is_none()) {
            waymark_client::acknowledge_alert(&connection, alert.alert_id, app.now()).await?;
        }
        app.worker.lock().map_err(CommandError::poisoned)?.alerts = waymark_client::fetch_alerts(&connection, app.now()).await?;
    }
    let about = shared_record_of(&item, person);
    let answer = match (req.answer, &words) {
        (ItemAnswer::Read, _) => Answer::Receipt(ReceiptStatus::Read),
        (ItemAnswer::Acknowledge, _) => Answer::Receipt(ReceiptStatus::Acknowledged),
        (ItemAnswer::Reply, Some(w)) => Answer::Reply(w.clone()),
        (ItemAnswer::Reply, None) => unreachable!("a reply's words were checked above"),
    };
    app.with_session(|v, s| v.check_before_sending(s))?;
    waymark_client::worker::answer(&connection, &roster, &about, answer, app.entropy(), app.now()).await?;
    let said = match req.answer {
        ItemAnswer::Read => "read",
        ItemAnswer::Acknowledge => "acknowledged",
        ItemAnswer::Reply => "replied",
    };
    audit(app, &connection, waymark_sync::audit::AuditAction::Answered { envelope_id: item.envelope_id, person_id: Some(person), answer: said.into() })?;
    let now = app.now();
    match (req.answer, words) {
        (ItemAnswer::Read, _) => {
            item.mark_read(now);
        }
        (ItemAnswer::Acknowledge, _) => {
            item.acknowledge(now);
        }
        (ItemAnswer::Reply, Some(w)) => item.add_reply(w, now)?,
        (ItemAnswer::Reply, None) => {}
    }
    app.with_session(|v, s| v.update_shared(s, &item))?;
    item_view(app, &item)
}

/// What an answer needs of a kept item: whose it is and its envelope and record ids (the answer
/// is about them; nothing of what was written goes back).
fn shared_record_of(item: &SharedItem, person: Uuid) -> SharedRecord {
    SharedRecord {
        seq: item.feed_seq,
        person_id: person,
        header: waymark_sync::envelope::EnvelopeHeader {
            envelope_id: item.envelope_id,
            device_id: Uuid::nil(),
            record_kind: item.record_kind.clone(),
            record_id: item.record_id,
            record_version: 1,
            urgent: item.urgent,
        },
        readers: item.readers.clone(),
        plaintext: Default::default(),
        sender_head: None,
    }
}

/// The people this worker works with: everyone the roster allocates to them, and anyone who
/// shared something with this laptop (an urgent item reaches the duty team from anyone).
pub async fn my_people(app: &AppState, _: NoArguments) -> CommandResult<Vec<PersonView>> {
    people(app)
}

fn people(app: &AppState) -> CommandResult<Vec<PersonView>> {
    let connection = connection_of(app)?;
    let roster = roster_of(app, &connection)?;
    let me = connection.person_id.unwrap_or_default();
    let (items, labels) = app.with_session(|v, s| Ok((v.shared_items(s)?, v.person_labels(s)?)))?;
    let next_review = |id: Uuid| app.with_session(|v, s| v.published_plans(s, id)).ok().and_then(|p| p.last().and_then(|p| p.next_review_on.clone()));
    let mut ids: Vec<Uuid> = Vec::new();
    if let Some(r) = &roster {
        for (id, p) in r.people() {
            if p.allocations.values().any(|w| *w == me) {
                ids.push(*id);
            }
        }
    }
    for p in items.iter().filter_map(|i| i.person_id) {
        if !ids.contains(&p) {
            ids.push(p);
        }
    }
    let mut out: Vec<PersonView> = ids
        .into_iter()
        .map(|id| {
            let theirs: Vec<&SharedItem> = items.iter().filter(|i| i.person_id == Some(id)).collect();
            let person = roster.as_ref().and_then(|r| r.person(id));
            PersonView {
                id: id.to_string(),
                name: labels.get(&id).cloned(),
                served_as: person.map_or(String::new(), |p| p.role.as_str().to_string()),
                my_roles: person.map_or(Vec::new(), |p| p.allocations.iter().filter(|(_, w)| **w == me).map(|(r, _)| *r).collect()),
                devices: roster.as_ref().map_or(0, |r| r.devices_of_person(id).len() as u32),
                last_contact: theirs.iter().map(|i| i.received_at).max().map(|t| t.to_rfc3339()),
                waiting: theirs.iter().filter(|i| i.needs_attention()).count() as u32,
                next_review_on: next_review(id),
            }
        })
        .collect();
    out.sort_by(|a, b| b.waiting.cmp(&a.waiting).then_with(|| a.name.is_none().cmp(&b.name.is_none())).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

/// Gives a person a name on this laptop only (the service never learns it).
pub async fn name_person(app: &AppState, req: NamePersonRequest) -> CommandResult<Vec<PersonView>> {
    check_len(Field::Name, &req.name, MAX_NAME)?;
    let person = item_id(&req.person)?;
    app.with_session(|v, s| v.label_person(s, person, &req.name))?;
    people(app)
}

/// Saves a case record as a PDF in the worker's documents folder: one item, or a person's whole
/// thread (everything they shared with this laptop, oldest first), with when each came, was read,
/// acknowledged and answered, and how the signatures were checked (`crate::case_record`).
pub async fn save_case_record(app: &AppState, req: SaveCaseRecordRequest) -> CommandResult<SavedFile> {
    let item = req.item.as_deref().map(item_id).transpose()?;
    let person = req.person.as_deref().map(item_id).transpose()?;
    if item.is_some() == person.is_some() {
        // One or the other: a record is of one item or of one person's thread.
        return Err(waymark_core::Error::Invalid { field: Field::Id, problem: waymark_core::error::Problem::Empty }.into());
    }
    let connection = connection_of(app)?;
    let roster = roster_of(app, &connection)?;
    let (items, labels, language) = app.with_session(|v, s| Ok((v.shared_items(s)?, v.person_labels(s)?, v.profile_language(s)?)))?;
    let chosen: Vec<&SharedItem> = match (item, person) {
        (Some(id), _) => {
            let found = items.iter().find(|i| i.envelope_id == id && i.refused.is_none());
            vec![found.ok_or_else(|| waymark_core::Error::NotFound { thing: waymark_core::error::Thing::Record, given: id.to_string() })?]
        }
        (None, Some(p)) => items.iter().filter(|i| i.person_id == Some(p) && i.refused.is_none()).collect(),
        (None, None) => unreachable!("checked above"),
    };
    let person = person.or_else(|| chosen.first().and_then(|i| i.person_id));
    let who = person
        .and_then(|p| labels.get(&p).cloned())
        .unwrap_or_else(|| waymark_i18n::text_with(language, "case-record-person", &[("id", person.map(|p| p.to_string()[..8].to_string()).unwrap_or_default().into())]));
    let me = roster.as_ref().zip(connection.person_id).and_then(|(r, id)| r.worker(id));
    let made = crate::case_record::Made {
        who: &who,
        person,
        worker_name: me.map_or("", |w| w.name.as_str()),
        worker_role: me.map_or(WorkerRole::SocialWorker, |w| w.role),
        organisation: connection.organisation.as_deref().unwrap_or(&connection.service_name),
        my_device: connection.device_id,
        language,
        now: app.now(),
    };
    let record = crate::case_record::build(&chosen, &made, roster.as_ref());
    let pdf = waymark_case_record::render_with_system_font(&record).map_err(|e| match e {
        waymark_case_record::CaseRecordError::NoFont { looked } => CommandError::new("no_font").with("looked", looked),
        _ => CommandError::new("case_record_failed"),
    })?;
    let stem = waymark_i18n::text_with(language, "case-record-document-name", &[("who", who.clone().into())]);
    let saved = crate::export::save_document(app, &stem, "pdf", &pdf)?;
    audit(app, &connection, waymark_sync::audit::AuditAction::SavedCaseRecord { person_id: person, items: chosen.len() as u32 })?;
    Ok(saved)
}

/// A worker an urgent alert was raised to, as the duty view shows them.
#[derive(Debug, Serialize, TS)]
pub struct AlertedView {
    /// Their name in the roster (none if the roster no longer names them).
    pub name: Option<String>,
    pub role: Option<WorkerRole>,
    /// `duty`, `allocated` or `escalated`.
    pub why: String,
    pub alerted_at: String,
    pub me: bool,
}

/// One urgent alert across the team.
#[derive(Debug, Serialize, TS)]
pub struct DutyAlertView {
    #[ts(type = "number")]
    pub alert_id: i64,
    /// Its item on this laptop, when it was sealed to this laptop and has come (to open it).
    pub item: Option<String>,
    pub person_id: Option<String>,
    pub person_name: Option<String>,
    pub raised_at: String,
    /// By when someone should have acknowledged it before it went on (RFC 3339).
    pub acknowledge_by: String,
    pub acknowledged_at: Option<String>,
    pub acknowledged_by: Option<String>,
    pub escalations: u32,
    pub alerted: Vec<AlertedView>,
}

/// The duty view: every urgent item across the team, nobody-has-it first.
#[derive(Debug, Serialize, TS)]
pub struct DutyView {
    pub alerts: Vec<DutyAlertView>,
}

/// For a worker on the duty rota: every urgent alert across the team (content-free, from the
/// service), who it was raised to, who acknowledged it and when, and what escalated; those not
/// acknowledged first. Names come from this laptop's verified roster, never the server's word.
pub async fn duty_view(app: &AppState, _: NoArguments) -> CommandResult<DutyView> {
    let connection = connection_of(app)?;
    read_roster(app, &connection).await?;
    let roster = roster_of(app, &connection)?;
    let me = connection.person_id;
    if !roster.as_ref().zip(me).and_then(|(r, me)| r.worker(me)).is_some_and(|w| w.role == WorkerRole::Duty) {
        return Err(CommandError::new("not_on_duty"));
    }
    let alerts = waymark_client::fetch_team_alerts(&connection, app.now()).await?;
    let (items, labels) = app.with_session(|v, s| Ok((v.shared_items(s)?, v.person_labels(s)?)))?;
    let within = roster.as_ref().map_or(15, |r| r.urgent_policy().acknowledge_within_minutes) as i64;
    let name_of = |w: Uuid| roster.as_ref().and_then(|r| r.worker(w)).map(|w| (w.name.clone(), w.role));
    let mut out: Vec<DutyAlertView> = alerts
        .into_iter()
        .map(|a| {
            let mine = items.iter().find(|i| i.envelope_id == a.envelope_id && i.refused.is_none());
            // Who it is from: this laptop's own opened item says, when it has it; else the service.
            let person = mine.and_then(|i| i.person_id).or(a.person_id);
            DutyAlertView {
            alert_id: a.alert_id,
            item: mine.map(|i| i.envelope_id.to_string()),
            person_id: person.map(|p| p.to_string()),
            person_name: person.and_then(|p| labels.get(&p).cloned()),
            raised_at: Timestamp(a.raised_at).to_rfc3339(),
            acknowledge_by: Timestamp(a.raised_at + within * 60).to_rfc3339(),
            acknowledged_at: a.acknowledged_at.map(|t| Timestamp(t).to_rfc3339()),
            acknowledged_by: a.acknowledged_by.and_then(|w| name_of(w).map(|(n, _)| n)),
            escalations: a.escalations,
            alerted: a
                .alerted
                .iter()
                .map(|w| {
                    let who = name_of(w.worker_id);
                    AlertedView { name: who.as_ref().map(|(n, _)| n.clone()), role: who.map(|(_, r)| r), why: w.why.clone(), alerted_at: Timestamp(w.alerted_at).to_rfc3339(), me: Some(w.worker_id) == me }
                })
                .collect(),
            }
        })
        .collect();
    // Nobody has it yet: first, longest waiting first; then the rest as the service gave them.
    out.sort_by_key(|a| (a.acknowledged_at.is_some(), if a.acknowledged_at.is_none() { a.raised_at.clone() } else { String::new() }));
    Ok(DutyView { alerts: out })
}
