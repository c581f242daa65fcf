//! Where the service keeps what it holds, behind one trait so the same API runs on embedded
//! SQLite (the default: one file, nothing to install) or, later, PostgreSQL. Every method is a
//! whole step (redeeming an invite enrols the device in the same transaction), so two service
//! instances sharing a database cannot both redeem one invite. It stores envelopes exactly as the
//! device sealed them and must never hold or log a plaintext.

use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use waymark_sync::api::AlertView;

use crate::error::{Result, ServiceError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvite {
    pub token_hash: Vec<u8>,
    /// The person's id in the organisation's roster (invites made before the roster have none).
    pub person_id: Option<Uuid>,
    /// A label for people at the service to read; never what anything is addressed by.
    pub person_name: String,
    pub role: String,
    pub created_at: i64,
    pub expires_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    pub id: Uuid,
    /// From the invite the device redeemed. The server's word only: what devices trust is the
    /// roster's certification of the device, which only a worker or administrator can sign.
    pub person_id: Option<Uuid>,
    pub person_name: String,
    pub role: String,
    pub signing_key: String,
    pub receiving_key: String,
    pub enrolled_at: i64,
}

/// What happened to an uploaded envelope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    New,
    /// This device already sent an envelope with this id (a resend after a lost reply or a crash,
    /// sealed again so its bytes differ): the first one is kept and nothing changes.
    AlreadyHere,
}

/// The one rule for redeeming an invite, whichever back end read it: it must exist, be unused
/// and not have run out. `row` is (person, role, expires_at, used_at); gives back the person
/// and role the new device is enrolled as.
pub(crate) fn usable_invite(row: Option<(String, String, i64, Option<i64>)>, now: i64) -> Result<(String, String)> {
    let Some((person_name, role, expires_at, used_at)) = row else {
        return Err(ServiceError::Forbidden("this invite code is not one this service gave out".into()));
    };
    if used_at.is_some() {
        return Err(ServiceError::Gone("this invite code has been used already; ask for a new one".into()));
    }
    if expires_at <= now {
        return Err(ServiceError::Gone("this invite code has run out; ask for a new one".into()));
    }
    Ok((person_name, role))
}

/// The one rule for adding a roster link, whichever back end: it must be the next number.
pub(crate) fn next_roster_seq(head: Option<i64>, seq: i64) -> Result<()> {
    if seq != head.map_or(0, |h| h + 1) {
        return Err(ServiceError::Conflict(format!(
            "the roster has {} links, so the next is number {}, not {seq}: read it again and sign on top of it",
            head.map_or(0, |h| h + 1),
            head.map_or(0, |h| h + 1)
        )));
    }
    Ok(())
}

/// An audit entry a worker's laptop signed, as the service keeps it: its number in that laptop's
/// chain, the hash of the entry before (empty for the first), its own hash, and the signed JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAuditEntry {
    pub seq: i64,
    pub prev: String,
    pub hash: String,
    pub body: String,
}

/// The one rule for keeping a laptop's audit entries, whichever back end: an entry already kept
/// (the same number and hash: a resend after a lost answer) is passed over; one at a kept number
/// with another hash, or one that does not follow the last, refuses the whole lot. `kept(seq)`
/// gives the hash kept at a number. Returns the entries to insert.
pub(crate) fn audit_to_keep(head: Option<(i64, String)>, entries: Vec<NewAuditEntry>, kept: impl Fn(i64) -> Result<Option<String>>) -> Result<Vec<NewAuditEntry>> {
    let mut last = head;
    let mut out = Vec::new();
    for e in entries {
        if last.as_ref().is_some_and(|(seq, _)| e.seq <= *seq) {
            if kept(e.seq)?.as_deref() != Some(e.hash.as_str()) {
                return Err(ServiceError::Conflict(format!("this laptop's audit entry {} is already kept, and differs", e.seq)));
            }
            continue;
        }
        let follows = match &last {
            None => e.seq == 0 && e.prev.is_empty(),
            Some((seq, hash)) => e.seq == seq + 1 && e.prev == *hash,
        };
        if !follows {
            let next = last.as_ref().map_or(0, |(seq, _)| seq + 1);
            return Err(ServiceError::Conflict(format!("this laptop's next audit entry is number {next}, following the last one kept")));
        }
        last = Some((e.seq, e.hash.clone()));
        out.push(e);
    }
    Ok(out)
}

impl Stored {
    /// The word the API answers with.
    pub fn as_str(self) -> &'static str {
        match self {
            Stored::New => "new",
            Stored::AlreadyHere => "already_here",
        }
    }
}

/// An envelope to keep, as one upload or batch brings it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEnvelope {
    pub envelope_id: Uuid,
    pub record_kind: String,
    /// The envelope JSON.
    pub body: String,
    /// The devices it was sealed to (format 4), which may fetch it; empty when it was sealed to
    /// the service's own key.
    pub readers: Vec<Uuid>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEnvelope {
    pub seq: i64,
    pub device_id: Uuid,
    /// The sending device's person, as the server's row says (not the roster's word).
    pub person_id: Option<Uuid>,
    pub person_name: String,
    pub received_at: i64,
    pub read_at: Option<i64>,
    pub receipted_at: Option<i64>,
    /// The envelope JSON.
    pub body: String,
}

/// An alert to raise for an urgent envelope: whose it is, and who hears at once (worker id, why).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAlert {
    pub envelope_id: Uuid,
    pub person_id: Option<Uuid>,
    pub recipients: Vec<(Uuid, String)>,
    pub next_escalation_at: i64,
}

/// An unacknowledged alert whose clock has run out, and who has been alerted so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueAlert {
    pub id: i64,
    pub next_escalation_at: i64,
    pub alerted: Vec<Uuid>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailItem {
    pub seq: i64,
    pub body: String,
}

pub trait ServiceStore: Send + Sync + 'static {
    fn add_invite(&self, invite: NewInvite) -> impl Future<Output = Result<()>> + Send;
    /// Uses an invite once and enrols the device, or says why not.
    fn redeem_invite(
        &self,
        token_hash: Vec<u8>,
        device: Device,
        now: i64,
    ) -> impl Future<Output = Result<Device>> + Send;
    fn device(&self, id: Uuid) -> impl Future<Output = Result<Option<Device>>> + Send;
    /// Every device enrolled with an invite for a person in the roster, for an administrator
    /// to approve (or not). Certification itself is a roster link, never this list.
    fn person_devices(&self) -> impl Future<Output = Result<Vec<Device>>> + Send;
    /// Roster links from number `from` on, in order, at most `limit`.
    fn roster_links(&self, from: i64, limit: u32) -> impl Future<Output = Result<Vec<String>>> + Send;
    /// The newest roster link's number, if there is one.
    fn roster_head(&self) -> impl Future<Output = Result<Option<i64>>> + Send;
    /// Keeps a roster link as number `seq`, which must be the next one: a link for a number
    /// already taken, or past the next, is a conflict and nothing changes.
    fn append_roster_link(&self, seq: i64, body: String) -> impl Future<Output = Result<()>> + Send;
    /// Keeps envelopes once per id, all in one transaction: a resend by the same device is
    /// acknowledged and the first kept; an id another device used refuses the whole lot, and
    /// none of it is stored.
    fn put_envelopes(
        &self,
        device_id: Uuid,
        envelopes: Vec<NewEnvelope>,
        now: i64,
    ) -> impl Future<Output = Result<Vec<Stored>>> + Send;
    /// [`ServiceStore::put_envelopes`] for one envelope.
    fn put_envelope(
        &self,
        envelope_id: Uuid,
        device_id: Uuid,
        record_kind: String,
        body: String,
        now: i64,
    ) -> impl Future<Output = Result<Stored>> + Send {
        async move {
            let stored = self.put_envelopes(device_id, vec![NewEnvelope { envelope_id, record_kind, body, readers: Vec::new() }], now).await?;
            Ok(stored[0])
        }
    }
    /// The envelopes sealed to `device_id` (a worker's laptop) after `after`, oldest first: never
    /// one it is not a reader of.
    fn shared_with(&self, device_id: Uuid, after: i64, limit: u32) -> impl Future<Output = Result<Vec<MailItem>>> + Send;
    /// Envelopes after `after`, oldest first, for the service's inbox.
    fn envelopes(&self, after: i64, limit: u32) -> impl Future<Output = Result<Vec<StoredEnvelope>>> + Send;
    fn mark_read(&self, seq: i64, now: i64) -> impl Future<Output = Result<bool>> + Send;
    /// Notes that the device was told its envelope arrived.
    fn mark_receipted(&self, seq: i64, now: i64) -> impl Future<Output = Result<()>> + Send;
    fn post_mail(&self, device_id: Uuid, body: String, now: i64) -> impl Future<Output = Result<i64>> + Send;
    /// Stops `readers` (workers' laptops) being handed this device's envelopes of a kind: the
    /// person no longer shares that kind with them. Returns how many were withdrawn from them.
    fn remove_readers(&self, device_id: Uuid, record_kind: String, readers: Vec<Uuid>) -> impl Future<Output = Result<u32>> + Send;
    /// Deletes this device's envelopes of a kind (only `record_ids`, when not empty). Returns how
    /// many went. Another device's envelopes are never touched.
    fn delete_envelopes(
        &self,
        device_id: Uuid,
        record_kind: String,
        record_ids: Vec<Uuid>,
    ) -> impl Future<Output = Result<u32>> + Send;
    /// One device's mailbox after `after`; no other device's items, ever.
    fn mailbox(&self, device_id: Uuid, after: i64, limit: u32) -> impl Future<Output = Result<Vec<MailItem>>> + Send;
    /// Deletes the items numbered `seqs` in `device_id`'s mailbox (only its own); says how many.
    fn ack_mail(&self, device_id: Uuid, seqs: Vec<i64>) -> impl Future<Output = Result<u32>> + Send;
    fn audit(&self, at: i64, device_id: Option<Uuid>, action: &'static str, outcome: String) -> impl Future<Output = Result<()>> + Send;
    /// Raises an alert, with its first recipients, once per envelope: a resend raises nothing and
    /// gives `None`.
    fn raise_alert(&self, alert: NewAlert, now: i64) -> impl Future<Output = Result<Option<i64>>> + Send;
    /// The alerts raised to `worker_id`, unacknowledged first, then newest first (at most 500).
    fn alerts_for(&self, worker_id: Uuid) -> impl Future<Output = Result<Vec<AlertView>>> + Send;
    /// Every alert across the organisation, newest first (at most 500), with who each was raised
    /// to: the duty team's view.
    fn team_alerts(&self) -> impl Future<Output = Result<Vec<waymark_sync::api::TeamAlertView>>> + Send;
    /// Acknowledges an alert as `worker_id`, who must be one it was raised to (else `false`). The
    /// first acknowledgement is kept; a later one changes nothing and is still `true`.
    fn acknowledge_alert(&self, id: i64, worker_id: Uuid, now: i64) -> impl Future<Output = Result<bool>> + Send;
    /// Unacknowledged alerts whose escalation time is `now` or past.
    fn due_alerts(&self, now: i64) -> impl Future<Output = Result<Vec<DueAlert>>> + Send;
    /// Escalates an alert that is still due at `due_at` (so two instances cannot both do it):
    /// alerts `to`, if anyone is left, and sets the next escalation time. Says whether it did.
    fn escalate_alert(&self, id: i64, due_at: i64, to: Option<Uuid>, now: i64, next_at: i64) -> impl Future<Output = Result<bool>> + Send;
    /// Keeps a worker's laptop's audit entries, in one transaction, by [`audit_to_keep`]'s rule.
    /// Returns the number of the laptop's last entry now kept.
    fn append_worker_audit(&self, device_id: Uuid, entries: Vec<NewAuditEntry>, now: i64) -> impl Future<Output = Result<i64>> + Send;
    /// Every laptop's audit entries after row `after`, in the order they came, at most `limit`.
    fn worker_audit(&self, after: i64, limit: u32) -> impl Future<Output = Result<Vec<(i64, String)>>> + Send;
    /// Keeps a signed library bundle if it is newer than the one kept; says whether it was.
    fn put_resources(&self, version: i64, signed: String, now: i64) -> impl Future<Output = Result<bool>> + Send;
    /// The newest signed library bundle and its version.
    fn resources(&self) -> impl Future<Output = Result<Option<(i64, String)>>> + Send;
}

/// The envelopes of one kind from one device that a reader may still fetch, *except urgent ones*:
/// "I don't feel safe" went to whoever answers urgent items whatever the person chose, and stays
/// with them.
const READERS_TO_REMOVE_SQLITE: &str = "SELECT r.envelope_id FROM envelope_readers r JOIN envelopes e ON e.envelope_id = r.envelope_id
     WHERE r.device_id = ?1 AND e.device_id = ?2 AND e.record_kind = ?3 AND e.envelope_id NOT IN (SELECT envelope_id FROM alerts)";

const SQLITE_MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../migrations/sqlite/0001_init.sql")),
    (2, include_str!("../migrations/sqlite/0002_receipts.sql")),
    (3, include_str!("../migrations/sqlite/0003_resources.sql")),
    (4, include_str!("../migrations/sqlite/0004_roster.sql")),
    (5, include_str!("../migrations/sqlite/0005_alerts.sql")),
    (6, include_str!("../migrations/sqlite/0006_readers.sql")),
    (7, include_str!("../migrations/sqlite/0007_worker_audit.sql")),
];

/// The embedded back end: one SQLite file, WAL mode, one connection behind a lock (the service's
/// work is small writes; SQLite serialises them anyway).
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Deleted rows are overwritten, not left in free pages for whoever copies the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(SqliteStore { conn: Arc::new(Mutex::new(conn)) })
    }

    async fn run<T: Send + 'static>(&self, work: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static) -> Result<T> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().map_err(|_| ServiceError::Unavailable)?;
            work(&mut guard)
        })
        .await
        .map_err(|_| ServiceError::Unavailable)?
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")?;
    let done: i64 = conn.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?;
    for (version, sql) in SQLITE_MIGRATIONS {
        if i64::from(*version) > done {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES (?1)", [version])?;
            tx.commit()?;
        }
    }
    Ok(())
}

/// The columns of one alert as both back ends read them: id, envelope, person, raised,
/// acknowledged at and by, why this worker, when they were alerted.
pub(crate) type AlertColumns = (i64, String, Option<String>, i64, Option<i64>, Option<String>, String, i64);

pub(crate) fn alert_row((id, envelope_id, person_id, raised_at, acknowledged_at, acknowledged_by, why, alerted_at): AlertColumns) -> Result<AlertView> {
    let uuid = |text: &str| Uuid::parse_str(text).map_err(|_| ServiceError::Unavailable);
    Ok(AlertView {
        alert_id: id,
        envelope_id: uuid(&envelope_id)?,
        person_id: person_id.as_deref().map(uuid).transpose()?,
        raised_at,
        acknowledged_at,
        acknowledged_by: acknowledged_by.as_deref().map(uuid).transpose()?,
        why,
        alerted_at,
    })
}

/// The query both back ends run for [`ServiceStore::team_alerts`]: the newest 500 alerts, each
/// with every worker it was raised to, in order (and those raised to nobody, which the duty team
/// most needs to see).
pub(crate) const TEAM_ALERTS_SQL: &str = "SELECT a.id, a.envelope_id, a.person_id, a.raised_at, a.acknowledged_at, a.acknowledged_by, a.escalations, r.worker_id, r.why, r.alerted_at
     FROM (SELECT * FROM alerts ORDER BY raised_at DESC, id DESC LIMIT 500) a LEFT JOIN alert_recipients r ON r.alert_id = a.id
     ORDER BY a.raised_at DESC, a.id DESC, r.alerted_at, r.worker_id";

/// One row of [`TEAM_ALERTS_SQL`].
pub(crate) type TeamAlertColumns = (i64, String, Option<String>, i64, Option<i64>, Option<String>, i64, Option<String>, Option<String>, Option<i64>);

/// The rows of [`TEAM_ALERTS_SQL`], one view per alert.
pub(crate) fn team_alert_rows(rows: Vec<TeamAlertColumns>) -> Result<Vec<waymark_sync::api::TeamAlertView>> {
    let uuid = |text: &str| Uuid::parse_str(text).map_err(|_| ServiceError::Unavailable);
    let mut out: Vec<waymark_sync::api::TeamAlertView> = Vec::new();
    for (id, envelope_id, person_id, raised_at, acknowledged_at, acknowledged_by, escalations, worker, why, alerted_at) in rows {
        let alerted = match (worker, why, alerted_at) {
            (Some(worker), Some(why), Some(alerted_at)) => Some(waymark_sync::api::AlertedWorker { worker_id: uuid(&worker)?, why, alerted_at }),
            _ => None,
        };
        match out.last_mut() {
            Some(last) if last.alert_id == id => last.alerted.extend(alerted),
            _ => out.push(waymark_sync::api::TeamAlertView {
                alert_id: id,
                envelope_id: uuid(&envelope_id)?,
                person_id: person_id.as_deref().map(uuid).transpose()?,
                raised_at,
                acknowledged_at,
                acknowledged_by: acknowledged_by.as_deref().map(uuid).transpose()?,
                escalations: escalations.max(0) as u32,
                alerted: alerted.into_iter().collect(),
            }),
        }
    }
    Ok(out)
}

/// Whether a stored envelope is about `record_id` (its header is in the clear).
pub(crate) fn envelope_names(body: &str, record_id: &Uuid) -> bool {
    serde_json::from_str::<waymark_sync::envelope::Envelope>(body).is_ok_and(|e| e.header.record_id == *record_id)
}

/// The columns [`device_from_row`] reads, in order.
const DEVICE_COLUMNS: &str = "id, person_name, role, signing_key, receiving_key, enrolled_at, person_id";

fn device_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Device> {
    let uuid = |i: usize, text: String| {
        Uuid::parse_str(&text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
    };
    let id: String = r.get(0)?;
    Ok(Device {
        id: uuid(0, id)?,
        person_id: r.get::<_, Option<String>>(6)?.map(|t| uuid(6, t)).transpose()?,
        person_name: r.get(1)?,
        role: r.get(2)?,
        signing_key: r.get(3)?,
        receiving_key: r.get(4)?,
        enrolled_at: r.get(5)?,
    })
}

impl ServiceStore for SqliteStore {
    async fn add_invite(&self, invite: NewInvite) -> Result<()> {
        self.run(move |c| {
            c.execute(
                "INSERT INTO invites (token_hash, person_name, role, created_at, expires_at, person_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![invite.token_hash, invite.person_name, invite.role, invite.created_at, invite.expires_at, invite.person_id.map(|p| p.to_string())],
            )?;
            Ok(())
        })
        .await
    }

    async fn redeem_invite(&self, token_hash: Vec<u8>, device: Device, now: i64) -> Result<Device> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let row: Option<((String, String, i64, Option<i64>), Option<String>)> = tx
                .query_row(
                    "SELECT person_name, role, expires_at, used_at, person_id FROM invites WHERE token_hash = ?1",
                    [&token_hash],
                    |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?), r.get(4)?)),
                )
                .optional()?;
            let person_id = row.as_ref().and_then(|(_, p)| p.as_deref()).and_then(|p| Uuid::parse_str(p).ok());
            let (person_name, role) = usable_invite(row.map(|(r, _)| r), now)?;
            let device = Device { person_id, person_name, role, enrolled_at: now, ..device };
            tx.execute(
                "INSERT INTO devices (id, person_name, role, signing_key, receiving_key, enrolled_at, person_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![device.id.to_string(), device.person_name, device.role, device.signing_key, device.receiving_key, now, device.person_id.map(|p| p.to_string())],
            )?;
            tx.execute(
                "UPDATE invites SET used_at = ?2, device_id = ?3 WHERE token_hash = ?1",
                params![token_hash, now, device.id.to_string()],
            )?;
            tx.commit()?;
            Ok(device)
        })
        .await
    }

    async fn device(&self, id: Uuid) -> Result<Option<Device>> {
        self.run(move |c| {
            Ok(c.query_row(
                &format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?1"),
                [id.to_string()],
                device_from_row,
            )
            .optional()?)
        })
        .await
    }

    async fn put_envelopes(&self, device_id: Uuid, envelopes: Vec<NewEnvelope>, now: i64) -> Result<Vec<Stored>> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut out = Vec::with_capacity(envelopes.len());
            for e in envelopes {
                let owner: Option<String> = tx
                    .prepare_cached("SELECT device_id FROM envelopes WHERE envelope_id = ?1")?
                    .query_row([e.envelope_id.to_string()], |r| r.get(0))
                    .optional()?;
                match owner {
                    Some(owner) if owner == device_id.to_string() => out.push(Stored::AlreadyHere),
                    // Dropping the transaction stores none of the batch.
                    Some(_) => return Err(ServiceError::Conflict("another device already sent an envelope with this id".into())),
                    None => {
                        tx.prepare_cached(
                            "INSERT INTO envelopes (envelope_id, device_id, record_kind, received_at, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                        )?
                        .execute(params![e.envelope_id.to_string(), device_id.to_string(), e.record_kind, now, e.body])?;
                        for reader in &e.readers {
                            tx.prepare_cached("INSERT INTO envelope_readers (envelope_id, device_id) VALUES (?1, ?2)")?
                                .execute(params![e.envelope_id.to_string(), reader.to_string()])?;
                        }
                        out.push(Stored::New);
                    }
                }
            }
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    async fn envelopes(&self, after: i64, limit: u32) -> Result<Vec<StoredEnvelope>> {
        self.run(move |c| {
            let mut stmt = c.prepare(
                "SELECT e.seq, e.device_id, d.person_name, e.received_at, e.read_at, e.body, e.receipted_at, d.person_id
                 FROM envelopes e JOIN devices d ON d.id = e.device_id
                 WHERE e.seq > ?1 ORDER BY e.seq LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![after, limit], |r| {
                let device: String = r.get(1)?;
                Ok(StoredEnvelope {
                    seq: r.get(0)?,
                    device_id: Uuid::parse_str(&device).unwrap_or_default(),
                    person_name: r.get(2)?,
                    received_at: r.get(3)?,
                    read_at: r.get(4)?,
                    body: r.get(5)?,
                    receipted_at: r.get(6)?,
                    person_id: r.get::<_, Option<String>>(7)?.and_then(|p| Uuid::parse_str(&p).ok()),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn person_devices(&self) -> Result<Vec<Device>> {
        self.run(move |c| {
            let mut stmt = c.prepare(&format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE person_id IS NOT NULL ORDER BY enrolled_at, id"))?;
            let rows = stmt.query_map([], device_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn roster_links(&self, from: i64, limit: u32) -> Result<Vec<String>> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached("SELECT body FROM roster_links WHERE seq >= ?1 ORDER BY seq LIMIT ?2")?;
            let rows = stmt.query_map(params![from, limit], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
        })
        .await
    }

    async fn roster_head(&self) -> Result<Option<i64>> {
        self.run(|c| Ok(c.query_row("SELECT MAX(seq) FROM roster_links", [], |r| r.get(0))?)).await
    }

    async fn append_roster_link(&self, seq: i64, body: String) -> Result<()> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let head: Option<i64> = tx.query_row("SELECT MAX(seq) FROM roster_links", [], |r| r.get(0))?;
            next_roster_seq(head, seq)?;
            tx.execute("INSERT INTO roster_links (seq, body) VALUES (?1, ?2)", params![seq, body])?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn mark_receipted(&self, seq: i64, now: i64) -> Result<()> {
        self.run(move |c| {
            c.execute("UPDATE envelopes SET receipted_at = ?2 WHERE seq = ?1 AND receipted_at IS NULL", params![seq, now])?;
            Ok(())
        })
        .await
    }

    async fn mark_read(&self, seq: i64, now: i64) -> Result<bool> {
        self.run(move |c| Ok(c.execute("UPDATE envelopes SET read_at = ?2 WHERE seq = ?1 AND read_at IS NULL", params![seq, now])? == 1))
            .await
    }

    async fn remove_readers(&self, device_id: Uuid, record_kind: String, readers: Vec<Uuid>) -> Result<u32> {
        self.run(move |c| {
            let tx = c.transaction()?;
            let mut gone = std::collections::HashSet::new();
            for reader in &readers {
                let ids: Vec<String> = tx
                    .prepare_cached(READERS_TO_REMOVE_SQLITE)?
                    .query_map(params![reader.to_string(), device_id.to_string(), record_kind], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for id in ids {
                    tx.execute("DELETE FROM envelope_readers WHERE device_id = ?1 AND envelope_id = ?2", params![reader.to_string(), id])?;
                    gone.insert(id);
                }
            }
            tx.commit()?;
            Ok(gone.len() as u32)
        })
        .await
    }

    async fn delete_envelopes(&self, device_id: Uuid, record_kind: String, record_ids: Vec<Uuid>) -> Result<u32> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut deleted = 0;
            {
                let mut stmt = tx.prepare("SELECT seq, body FROM envelopes WHERE device_id = ?1 AND record_kind = ?2")?;
                let rows: Vec<(i64, String)> = stmt
                    .query_map(params![device_id.to_string(), record_kind], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                for (seq, body) in rows {
                    if record_ids.is_empty() || record_ids.iter().any(|id| envelope_names(&body, id)) {
                        deleted += tx.execute("DELETE FROM envelopes WHERE seq = ?1", [seq])? as u32;
                    }
                }
            }
            tx.commit()?;
            if deleted > 0 {
                // The write-ahead log still holds the pages as they were before: fold it into the
                // database (where secure_delete has zeroed them) and empty it.
                c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            }
            Ok(deleted)
        })
        .await
    }

    async fn post_mail(&self, device_id: Uuid, body: String, now: i64) -> Result<i64> {
        self.run(move |c| {
            c.execute(
                "INSERT INTO mailbox (device_id, posted_at, body) VALUES (?1, ?2, ?3)",
                params![device_id.to_string(), now, body],
            )?;
            Ok(c.last_insert_rowid())
        })
        .await
    }

    async fn shared_with(&self, device_id: Uuid, after: i64, limit: u32) -> Result<Vec<MailItem>> {
        self.run(move |c| {
            let mut stmt = c.prepare(
                "SELECT e.seq, e.body FROM envelope_readers r JOIN envelopes e ON e.envelope_id = r.envelope_id
                 WHERE r.device_id = ?1 AND e.seq > ?2 ORDER BY e.seq LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![device_id.to_string(), after, limit], |r| Ok(MailItem { seq: r.get(0)?, body: r.get(1)? }))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn mailbox(&self, device_id: Uuid, after: i64, limit: u32) -> Result<Vec<MailItem>> {
        self.run(move |c| {
            let mut stmt =
                c.prepare("SELECT seq, body FROM mailbox WHERE device_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")?;
            let rows = stmt.query_map(params![device_id.to_string(), after, limit], |r| {
                Ok(MailItem { seq: r.get(0)?, body: r.get(1)? })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn ack_mail(&self, device_id: Uuid, seqs: Vec<i64>) -> Result<u32> {
        self.run(move |c| {
            let tx = c.transaction()?;
            let mut deleted = 0;
            {
                let mut stmt = tx.prepare("DELETE FROM mailbox WHERE device_id = ?1 AND seq = ?2")?;
                for seq in &seqs {
                    deleted += stmt.execute(params![device_id.to_string(), seq])? as u32;
                }
            }
            tx.commit()?;
            Ok(deleted)
        })
        .await
    }

    async fn audit(&self, at: i64, device_id: Option<Uuid>, action: &'static str, outcome: String) -> Result<()> {
        self.run(move |c| {
            c.execute(
                "INSERT INTO audit (at, device_id, action, outcome) VALUES (?1, ?2, ?3, ?4)",
                params![at, device_id.map(|d| d.to_string()), action, outcome],
            )?;
            Ok(())
        })
        .await
    }

    async fn raise_alert(&self, alert: NewAlert, now: i64) -> Result<Option<i64>> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let added = tx.execute(
                "INSERT INTO alerts (envelope_id, person_id, raised_at, next_escalation_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (envelope_id) DO NOTHING",
                params![alert.envelope_id.to_string(), alert.person_id.map(|p| p.to_string()), now, alert.next_escalation_at],
            )?;
            if added == 0 {
                return Ok(None);
            }
            let id = tx.last_insert_rowid();
            for (worker, why) in &alert.recipients {
                tx.execute(
                    "INSERT INTO alert_recipients (alert_id, worker_id, why, alerted_at) VALUES (?1, ?2, ?3, ?4)",
                    params![id, worker.to_string(), why, now],
                )?;
            }
            tx.commit()?;
            Ok(Some(id))
        })
        .await
    }

    async fn alerts_for(&self, worker_id: Uuid) -> Result<Vec<AlertView>> {
        self.run(move |c| {
            let mut stmt = c.prepare(
                "SELECT a.id, a.envelope_id, a.person_id, a.raised_at, a.acknowledged_at, a.acknowledged_by, r.why, r.alerted_at
                 FROM alerts a JOIN alert_recipients r ON r.alert_id = a.id WHERE r.worker_id = ?1
                 ORDER BY a.acknowledged_at IS NOT NULL, a.raised_at DESC, a.id DESC LIMIT 500",
            )?;
            let rows = stmt.query_map([worker_id.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
            })?;
            rows.map(|row| alert_row(row?)).collect()
        })
        .await
    }

    async fn team_alerts(&self) -> Result<Vec<waymark_sync::api::TeamAlertView>> {
        self.run(move |c| {
            let mut stmt = c.prepare(TEAM_ALERTS_SQL)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?)))?;
            team_alert_rows(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn acknowledge_alert(&self, id: i64, worker_id: Uuid, now: i64) -> Result<bool> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let theirs: Option<i64> = tx
                .query_row("SELECT 1 FROM alert_recipients WHERE alert_id = ?1 AND worker_id = ?2", params![id, worker_id.to_string()], |r| r.get(0))
                .optional()?;
            if theirs.is_none() {
                return Ok(false);
            }
            tx.execute(
                "UPDATE alerts SET acknowledged_at = ?2, acknowledged_by = ?3 WHERE id = ?1 AND acknowledged_at IS NULL",
                params![id, now, worker_id.to_string()],
            )?;
            tx.commit()?;
            Ok(true)
        })
        .await
    }

    async fn due_alerts(&self, now: i64) -> Result<Vec<DueAlert>> {
        self.run(move |c| {
            let due: Vec<(i64, i64)> = c
                .prepare("SELECT id, next_escalation_at FROM alerts WHERE acknowledged_at IS NULL AND next_escalation_at <= ?1 ORDER BY id")?
                .query_map([now], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(due.len());
            for (id, next_escalation_at) in due {
                let alerted: Vec<String> = c
                    .prepare_cached("SELECT worker_id FROM alert_recipients WHERE alert_id = ?1 ORDER BY alerted_at, worker_id")?
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                out.push(DueAlert { id, next_escalation_at, alerted: alerted.iter().filter_map(|w| Uuid::parse_str(w).ok()).collect() });
            }
            Ok(out)
        })
        .await
    }

    async fn escalate_alert(&self, id: i64, due_at: i64, to: Option<Uuid>, now: i64, next_at: i64) -> Result<bool> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let claimed = tx.execute(
                "UPDATE alerts SET escalations = escalations + 1, next_escalation_at = ?3
                 WHERE id = ?1 AND acknowledged_at IS NULL AND next_escalation_at = ?2",
                params![id, due_at, next_at],
            )?;
            if claimed == 0 {
                return Ok(false);
            }
            if let Some(to) = to {
                tx.execute(
                    "INSERT INTO alert_recipients (alert_id, worker_id, why, alerted_at) VALUES (?1, ?2, 'escalated', ?3)
                     ON CONFLICT (alert_id, worker_id) DO NOTHING",
                    params![id, to.to_string(), now],
                )?;
            }
            tx.commit()?;
            Ok(true)
        })
        .await
    }

    async fn append_worker_audit(&self, device_id: Uuid, entries: Vec<NewAuditEntry>, now: i64) -> Result<i64> {
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let device = device_id.to_string();
            let head: Option<(i64, String)> = tx
                .query_row("SELECT seq, hash FROM worker_audit WHERE device_id = ?1 ORDER BY seq DESC LIMIT 1", [&device], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let keep = audit_to_keep(head.clone(), entries, |seq| {
                Ok(tx.query_row("SELECT hash FROM worker_audit WHERE device_id = ?1 AND seq = ?2", params![&device, seq], |r| r.get(0)).optional()?)
            })?;
            let mut last = head.map(|(seq, _)| seq);
            for e in keep {
                tx.prepare_cached("INSERT INTO worker_audit (device_id, seq, hash, received_at, body) VALUES (?1, ?2, ?3, ?4, ?5)")?
                    .execute(params![&device, e.seq, e.hash, now, e.body])?;
                last = Some(e.seq);
            }
            tx.commit()?;
            last.ok_or_else(|| ServiceError::BadRequest("no audit entries were given".into()))
        })
        .await
    }

    async fn worker_audit(&self, after: i64, limit: u32) -> Result<Vec<(i64, String)>> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached("SELECT entry_no, body FROM worker_audit WHERE entry_no > ?1 ORDER BY entry_no LIMIT ?2")?;
            let rows = stmt.query_map(params![after, limit], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await
    }

    async fn put_resources(&self, version: i64, signed: String, now: i64) -> Result<bool> {
        self.run(move |c| {
            let changed = c.execute(
                "INSERT INTO resources (singleton, bundle_version, signed, published_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (singleton) DO UPDATE SET bundle_version = excluded.bundle_version, signed = excluded.signed,
                     published_at = excluded.published_at
                 WHERE excluded.bundle_version > resources.bundle_version",
                params![version, signed, now],
            )?;
            Ok(changed == 1)
        })
        .await
    }

    async fn resources(&self) -> Result<Option<(i64, String)>> {
        self.run(|c| Ok(c.query_row("SELECT bundle_version, signed FROM resources", [], |r| Ok((r.get(0)?, r.get(1)?))).optional()?))
            .await
    }
}
