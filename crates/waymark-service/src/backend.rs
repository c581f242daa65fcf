//! The back end chosen when the service starts: embedded SQLite (the default: a file in the
//! service's folder) or PostgreSQL (`--database postgres://…`). Both keep the same tables and
//! pass the same tests; this enum only forwards each call to the one in use.

use std::path::Path;

use uuid::Uuid;

use crate::error::Result;
use crate::postgres::PgStore;
use crate::store::{Device, DueAlert, MailItem, NewAlert, NewEnvelope, NewInvite, ServiceStore, SqliteStore, Stored, StoredEnvelope};

#[derive(Clone)]
pub enum Backend {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

impl Backend {
    /// `database` is a `postgres://` address, or empty for `service.db` in `dir`.
    /// `database_ca`: a certificate authority (PEM) to trust for a PostgreSQL server elsewhere,
    /// beside this machine's own.
    pub async fn open(database: Option<&str>, dir: &Path, database_ca: Option<&Path>) -> Result<Backend> {
        match database {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(Backend::Postgres(PgStore::connect(url, None, database_ca).await?))
            }
            Some(other) => Err(crate::ServiceError::BadRequest(format!(
                "--database must be a postgres:// address (leave it out for the built-in SQLite file), not '{other}'"
            ))),
            None => {
                std::fs::create_dir_all(dir)?;
                Ok(Backend::Sqlite(SqliteStore::open(&dir.join("service.db"))?))
            }
        }
    }
}

macro_rules! forward {
    ($self:ident, $method:ident ( $($arg:ident),* )) => {
        match $self {
            Backend::Sqlite(s) => s.$method($($arg),*).await,
            Backend::Postgres(p) => p.$method($($arg),*).await,
        }
    };
}

impl ServiceStore for Backend {
    async fn add_invite(&self, invite: NewInvite) -> Result<()> {
        forward!(self, add_invite(invite))
    }
    async fn redeem_invite(&self, token_hash: Vec<u8>, device: Device, now: i64) -> Result<Device> {
        forward!(self, redeem_invite(token_hash, device, now))
    }
    async fn device(&self, id: Uuid) -> Result<Option<Device>> {
        forward!(self, device(id))
    }
    async fn person_devices(&self) -> Result<Vec<Device>> {
        forward!(self, person_devices())
    }
    async fn roster_links(&self, from: i64, limit: u32) -> Result<Vec<String>> {
        forward!(self, roster_links(from, limit))
    }
    async fn roster_head(&self) -> Result<Option<i64>> {
        forward!(self, roster_head())
    }
    async fn append_roster_link(&self, seq: i64, body: String) -> Result<()> {
        forward!(self, append_roster_link(seq, body))
    }
    async fn put_envelopes(&self, device_id: Uuid, envelopes: Vec<NewEnvelope>, now: i64) -> Result<Vec<Stored>> {
        forward!(self, put_envelopes(device_id, envelopes, now))
    }
    async fn shared_with(&self, device_id: Uuid, after: i64, limit: u32) -> Result<Vec<MailItem>> {
        forward!(self, shared_with(device_id, after, limit))
    }
    async fn envelopes(&self, after: i64, limit: u32) -> Result<Vec<StoredEnvelope>> {
        forward!(self, envelopes(after, limit))
    }
    async fn mark_read(&self, seq: i64, now: i64) -> Result<bool> {
        forward!(self, mark_read(seq, now))
    }
    async fn mark_receipted(&self, seq: i64, now: i64) -> Result<()> {
        forward!(self, mark_receipted(seq, now))
    }
    async fn remove_readers(&self, device_id: Uuid, record_kind: String, readers: Vec<Uuid>) -> Result<u32> {
        forward!(self, remove_readers(device_id, record_kind, readers))
    }
    async fn delete_envelopes(&self, device_id: Uuid, record_kind: String, record_ids: Vec<Uuid>) -> Result<u32> {
        forward!(self, delete_envelopes(device_id, record_kind, record_ids))
    }
    async fn post_mail(&self, device_id: Uuid, body: String, now: i64) -> Result<i64> {
        forward!(self, post_mail(device_id, body, now))
    }
    async fn mailbox(&self, device_id: Uuid, after: i64, limit: u32) -> Result<Vec<MailItem>> {
        forward!(self, mailbox(device_id, after, limit))
    }
    async fn ack_mail(&self, device_id: Uuid, seqs: Vec<i64>) -> Result<u32> {
        forward!(self, ack_mail(device_id, seqs))
    }
    async fn audit(&self, at: i64, device_id: Option<Uuid>, action: &'static str, outcome: String) -> Result<()> {
        forward!(self, audit(at, device_id, action, outcome))
    }
    async fn raise_alert(&self, alert: NewAlert, now: i64) -> Result<Option<i64>> {
        forward!(self, raise_alert(alert, now))
    }
    async fn alerts_for(&self, worker_id: Uuid) -> Result<Vec<waymark_sync::api::AlertView>> {
        forward!(self, alerts_for(worker_id))
    }

    async fn team_alerts(&self) -> Result<Vec<waymark_sync::api::TeamAlertView>> {
        forward!(self, team_alerts())
    }
    async fn acknowledge_alert(&self, id: i64, worker_id: Uuid, now: i64) -> Result<bool> {
        forward!(self, acknowledge_alert(id, worker_id, now))
    }
    async fn due_alerts(&self, now: i64) -> Result<Vec<DueAlert>> {
        forward!(self, due_alerts(now))
    }
    async fn escalate_alert(&self, id: i64, due_at: i64, to: Option<Uuid>, now: i64, next_at: i64) -> Result<bool> {
        forward!(self, escalate_alert(id, due_at, to, now, next_at))
    }
    async fn append_worker_audit(&self, device_id: Uuid, entries: Vec<crate::store::NewAuditEntry>, now: i64) -> Result<i64> {
        forward!(self, append_worker_audit(device_id, entries, now))
    }
    async fn worker_audit(&self, after: i64, limit: u32) -> Result<Vec<(i64, String)>> {
        forward!(self, worker_audit(after, limit))
    }
    async fn put_resources(&self, version: i64, signed: String, now: i64) -> Result<bool> {
        forward!(self, put_resources(version, signed, now))
    }
    async fn resources(&self) -> Result<Option<(i64, String)>> {
        forward!(self, resources())
    }
}
