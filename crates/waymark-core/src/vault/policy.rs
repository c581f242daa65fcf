//! Storing the household's safer-caring policy.
//! The rules are the domain's (`crate::domain::policy`); this file only reads and writes them.

use crate::domain::policy::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::Result;
use crate::vault::{Role, Session, Vault};

impl Vault {
    /// The household's policy, if it has been started.
    pub fn safer_caring_policy(&self, session: &Session) -> Result<Option<StoredRecord>> {
        Ok(self.list(session, Some(RecordKind::SaferCaringPolicy))?.records.into_iter().next())
    }

    /// Saves the policy: the first save creates it, each later save is a new version of the
    /// same record, so there is only ever one policy per carer profile.
    pub fn save_safer_caring_policy(&mut self, session: &Session, policy: SaferCaringPolicy) -> Result<StoredRecord> {
        session.require_role(Role::Carer)?;
        match self.safer_caring_policy(session)? {
            Some(existing) => self.update(session, existing.id, RecordBody::SaferCaringPolicy(policy)),
            None => self.insert(session, RecordBody::SaferCaringPolicy(policy)),
        }
    }
}
