//! A worker's laptop's audit trail: each thing the worker does that the organisation must be able
//! to account for (opening what a person shared, answering it, publishing a plan, saving a case
//! record, changing the roster, making an invite) is signed here as the next entry of this
//! laptop's chain ([`waymark_sync::audit`]), kept in the vault at once, and handed in to the
//! service on the next pass. An administrator's laptop reads every chain back and checks it.
//!
//! Entries carry ids only. This module must never sign an entry for something the worker did
//! not do, nor change or drop one it kept.

use waymark_core::connection::ServiceConnection;
use waymark_core::vault::{Session, Vault};
use waymark_core::Timestamp;
use waymark_sync::audit::{AuditAction, AuditEntry, AuditPage, AuditUpload, AuditUploaded, AUDIT_FORMAT, AUDIT_PAGE};
use waymark_sync::SyncError;

use crate::{device_keys, signed, Result};

fn read(bytes: &[u8]) -> Result<AuditEntry> {
    Ok(serde_json::from_slice(bytes).map_err(|_| SyncError::Malformed("an audit entry kept on this laptop does not read".into()))?)
}

/// Signs `action` as this laptop's next entry and keeps it.
pub fn record(vault: &mut Vault, session: &Session, connection: &ServiceConnection, action: AuditAction, now: Timestamp) -> Result<AuditEntry> {
    let device = connection.device_id;
    let last = vault.last_audit_entry(session, device)?.map(|b| read(&b)).transpose()?;
    let entry = AuditEntry::sign(&device_keys(connection)?, device, last.map(|e| e.head()).as_ref(), now.0, action);
    vault.keep_audit_entry(session, device, entry.content.seq, &serde_json::to_vec(&entry).expect("an entry serialises"))?;
    Ok(entry)
}

/// The entries this laptop has not handed in yet, oldest first (one page).
pub fn to_hand_in(vault: &Vault, session: &Session, connection: &ServiceConnection) -> Result<Vec<AuditEntry>> {
    vault.audit_entries_to_hand_in(session, connection.device_id, AUDIT_PAGE)?.iter().map(|(_, b)| read(b)).collect()
}

/// Hands `entries` in. Returns the number of this laptop's last entry the service now holds.
pub async fn hand_in(connection: &ServiceConnection, entries: Vec<AuditEntry>, now: Timestamp) -> Result<u64> {
    let keys = device_keys(connection)?;
    let body = serde_json::to_vec(&AuditUpload { format: AUDIT_FORMAT, entries }).expect("an upload serialises");
    let answer: AuditUploaded = signed(&keys, connection.device_id, reqwest::Method::POST, &connection.service_url, "/v1/audit", now, body).await?;
    Ok(answer.head_seq)
}

/// One page of every laptop's entries after `after`, as the service hands them out (an
/// administrator's laptop only). Unchecked: see [`waymark_sync::audit::verify_chain`].
pub async fn fetch(connection: &ServiceConnection, after: i64, now: Timestamp) -> Result<AuditPage> {
    let keys = device_keys(connection)?;
    let path = format!("/v1/audit?after={after}");
    signed(&keys, connection.device_id, reqwest::Method::GET, &connection.service_url, &path, now, Vec::new()).await
}
