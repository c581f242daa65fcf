//! Storing pathway notes.
//! The rules are the domain's (`crate::domain::note`); this file only reads and writes them.

use crate::domain::note::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Field, Problem, Result};
use crate::vault::{Role, Session, Vault};

impl Vault {
    /// This person's pathway notes, newest first.
    pub fn pathway_notes(&self, session: &Session) -> Result<Vec<StoredRecord>> {
        let mut notes = self.list(session, Some(RecordKind::PathwayNote))?.records;
        notes.sort_by(|a, b| match (&b.body, &a.body) {
            (RecordBody::PathwayNote(x), RecordBody::PathwayNote(y)) => x.written_at.cmp(&y.written_at),
            _ => std::cmp::Ordering::Equal,
        });
        Ok(notes)
    }

    /// Writes a new note (`id` None) or replaces one, keeping when it was first written.
    /// Notes stay private: sharing is a separate, consented step.
    pub fn save_pathway_note(
        &mut self,
        session: &Session,
        id: Option<crate::RecordId>,
        mut note: PathwayNote,
    ) -> Result<StoredRecord> {
        session.require_role(Role::YoungPerson)?;
        match id {
            None => {
                note.written_at = self.now();
                note.shared = false;
                self.insert(session, RecordBody::PathwayNote(note))
            }
            Some(id) => {
                let RecordBody::PathwayNote(old) = self.get(session, id)?.body else {
                    return Err(Error::invalid(Field::Note, Problem::NotA { expected: "pathway_note" }));
                };
                note.written_at = old.written_at;
                note.shared = old.shared;
                self.update(session, id, RecordBody::PathwayNote(note))
            }
        }
    }
}
