//! A worker's laptop's own copy of the audit entries it signed, sealed under the worker's vault
//! key: each entry is kept here the moment it is signed, handed in to the service on the next
//! pass, and kept after. The entries are opaque bytes here (the signed format belongs to
//! `waymark-sync`); this module only keeps them in order, one chain per laptop (device id), and
//! must never keep one unsealed or change one once kept.

use rusqlite::params;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::ids::RecordId;
use crate::seal::RecordBinding;
use crate::vocabulary::Role;

use super::{Session, Vault};

const KIND: &str = "audit_entry";

/// The binding of entry `seq` of laptop `device_id`: its version is the number plus one, so a
/// row moved to another number does not open.
fn binding<'a>(session: &'a Session, device: &'a RecordId, seq: u64) -> Result<RecordBinding<'a>> {
    let version = u32::try_from(seq + 1).map_err(|_| Error::Integrity { record_id: *device })?;
    Ok(RecordBinding { profile: &session.profile, record: device, kind: KIND, version })
}

impl Vault {
    /// Keeps entry `seq` of this laptop's chain. Refused (nothing changes) if that number is
    /// already kept: an entry is never replaced.
    pub fn keep_audit_entry(&mut self, session: &Session, device_id: Uuid, seq: u64, entry: &[u8]) -> Result<()> {
        session.require_role(Role::Worker)?;
        let device = RecordId(device_id);
        let sealed = session.sealer.seal(binding(session, &device, seq)?, entry, self.entropy());
        self.conn().execute(
            "INSERT INTO audit_trail (profile_id, device_id, seq, sealed) VALUES (?1, ?2, ?3, ?4)",
            params![&session.profile.as_bytes()[..], &device_id.as_bytes()[..], seq as i64, sealed],
        )?;
        Ok(())
    }

    /// The last entry this laptop kept, to sign the next one after.
    pub fn last_audit_entry(&self, session: &Session, device_id: Uuid) -> Result<Option<Zeroizing<Vec<u8>>>> {
        Ok(self.audit_entries(session, device_id, "ORDER BY seq DESC LIMIT 1")?.pop().map(|(_, e)| e))
    }

    /// Entries not handed in to the service yet, oldest first, at most `limit`.
    pub fn audit_entries_to_hand_in(&self, session: &Session, device_id: Uuid, limit: usize) -> Result<Vec<(u64, Zeroizing<Vec<u8>>)>> {
        self.audit_entries(session, device_id, &format!("AND handed_in = 0 ORDER BY seq LIMIT {limit}"))
    }

    /// The number of the last entry the service took from this laptop, if any.
    pub fn last_audit_handed_in(&self, session: &Session, device_id: Uuid) -> Result<Option<u64>> {
        session.require_role(Role::Worker)?;
        let last: Option<i64> = self.conn().query_row(
            "SELECT MAX(seq) FROM audit_trail WHERE profile_id = ?1 AND device_id = ?2 AND handed_in = 1",
            params![&session.profile.as_bytes()[..], &device_id.as_bytes()[..]],
            |r| r.get(0),
        )?;
        Ok(last.map(|l| l as u64))
    }

    /// Notes that the service holds this laptop's entries up to `seq`.
    pub fn mark_audit_handed_in(&mut self, session: &Session, device_id: Uuid, seq: u64) -> Result<()> {
        session.require_role(Role::Worker)?;
        self.conn().execute(
            "UPDATE audit_trail SET handed_in = 1 WHERE profile_id = ?1 AND device_id = ?2 AND seq <= ?3",
            params![&session.profile.as_bytes()[..], &device_id.as_bytes()[..], seq as i64],
        )?;
        Ok(())
    }

    fn audit_entries(&self, session: &Session, device_id: Uuid, rest: &str) -> Result<Vec<(u64, Zeroizing<Vec<u8>>)>> {
        session.require_role(Role::Worker)?;
        let device = RecordId(device_id);
        let mut stmt = self.conn().prepare(&format!("SELECT seq, sealed FROM audit_trail WHERE profile_id = ?1 AND device_id = ?2 {rest}"))?;
        let rows = stmt.query_map(params![&session.profile.as_bytes()[..], &device_id.as_bytes()[..]], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, sealed) = row?;
            let seq = seq as u64;
            out.push((seq, session.sealer.open(binding(session, &device, seq)?, &sealed)?));
        }
        Ok(out)
    }
}
