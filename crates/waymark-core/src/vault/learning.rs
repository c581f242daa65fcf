//! Storing a carer's learning log.
//! The rules are the domain's (`crate::domain::learning`); this file only reads and writes them.

use crate::domain::learning::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::Result;
use crate::vault::{Role, Session, Vault};

impl Vault {
    /// Every learning entry, newest date first.
    pub fn learning_entries(&self, session: &Session) -> Result<Vec<StoredRecord>> {
        let mut all = self.list(session, Some(RecordKind::LearningEntry))?.records;
        all.sort_by(|a, b| match (&b.body, &a.body) {
            (RecordBody::LearningEntry(x), RecordBody::LearningEntry(y)) => x.date.cmp(&y.date),
            _ => std::cmp::Ordering::Equal,
        });
        Ok(all)
    }

    pub fn add_learning_entry(&mut self, session: &Session, entry: LearningEntry) -> Result<StoredRecord> {
        session.require_role(Role::Carer)?;
        self.insert(session, RecordBody::LearningEntry(entry))
    }
}
