//! Storing statements and moving them through draft, ready, shared, received and read.
//! The rules are the domain's (`crate::domain::statement`); this file only reads and writes them.

use crate::clock::Timestamp;
use crate::domain::statement::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Field, Problem, Result};
use crate::ids::RecordId;
use crate::vault::{Session, Vault};

/// Moves a shared statement on to `reached` (received, or read, which means received too) one
/// step at a time; a step already passed changes nothing.
fn move_on_to(st: &mut Statement, reached: StatementStatus, now: Timestamp) -> Result<()> {
    use StatementStatus::*;
    let steps: &[StatementStatus] = match (st.status(), reached) {
        (Shared, Received) => &[Received],
        (Shared, Read) => &[Received, Read],
        (Received, Read) => &[Read],
        _ => &[],
    };
    steps.iter().try_for_each(|step| st.set_status(*step, now))
}

impl Vault {
    pub fn start_statement(&mut self, session: &Session, kind: StatementKind) -> Result<StoredRecord> {
        let now = self.now();
        self.insert(session, RecordBody::Statement(Statement::new(kind, now)))
    }

    fn change_statement(
        &mut self,
        session: &Session,
        id: RecordId,
        change: impl FnOnce(&mut Statement, Timestamp) -> Result<()>,
    ) -> Result<StoredRecord> {
        let tx = self.transaction()?;
        let rec = Vault::get_in(&tx, session, id)?;
        let RecordBody::Statement(mut st) = rec.body else {
            return Err(Error::invalid(Field::Record, Problem::NotA { expected: "statement" }));
        };
        change(&mut st, self.now())?;
        let rec = self.update_in(&tx, session, id, RecordBody::Statement(st))?;
        tx.commit()?;
        Ok(rec)
    }

    /// Saves one answer to a review question (called as the person types).
    pub fn save_answer(&mut self, session: &Session, id: RecordId, answer: Answer) -> Result<StoredRecord> {
        self.change_statement(session, id, |st, now| st.put_answer(answer, now))
    }

    /// Saves the words of a between-review statement.
    pub fn save_words(&mut self, session: &Session, id: RecordId, words: String) -> Result<StoredRecord> {
        self.change_statement(session, id, |st, now| st.put_words(words, now))
    }

    /// The person's own move: draft to ready, or ready back to draft. Shared, received and read
    /// are set only by sending and by the service's receipts, never by the person.
    pub fn set_statement_status(
        &mut self,
        session: &Session,
        id: RecordId,
        status: StatementStatus,
    ) -> Result<StoredRecord> {
        self.change_statement(session, id, |st, now| {
            if !matches!(status, StatementStatus::Draft | StatementStatus::Ready) {
                return Err(Error::InvalidTransition { from: st.status().as_str().into(), to: status.as_str().into() });
            }
            st.set_status(status, now)
        })
    }

    /// What a service's signed receipt says happened to a shared statement: it was received, or
    /// read (which means received too). Moves the timeline on one step at a time; a receipt for
    /// a step already passed changes nothing.
    pub fn record_service_receipt(&mut self, session: &Session, id: RecordId, reached: StatementStatus) -> Result<StoredRecord> {
        use StatementStatus::*;
        let rec = self.get(session, id)?;
        let RecordBody::Statement(st) = &rec.body else {
            return Err(Error::invalid(Field::Record, Problem::NotA { expected: "statement" }));
        };
        if !matches!((st.status(), reached), (Shared, Received | Read) | (Received, Read)) {
            return Ok(rec);
        }
        self.change_statement(session, id, |st, now| move_on_to(st, reached, now))
    }

    /// Keeps what one of the person's workers did with a shared statement (checked by the caller
    /// against the organisation's roster: the worker's laptop signed it), and moves the timeline
    /// on as a receipt would: a worker who took, read, acknowledged or replied to it has received
    /// it, and one who read or replied has read it. Says whether anything new was kept.
    pub fn record_worker_response(&mut self, session: &Session, id: RecordId, response: WorkerResponse) -> Result<bool> {
        let reached = match response.kind {
            ResponseKind::Received | ResponseKind::Acknowledged => StatementStatus::Received,
            ResponseKind::Read | ResponseKind::Replied => StatementStatus::Read,
        };
        let mut added = false;
        self.change_statement(session, id, |st, now| {
            added = st.add_response(response)?;
            move_on_to(st, reached, now)
        })?;
        Ok(added)
    }

    pub fn statements(&self, session: &Session) -> Result<Vec<StoredRecord>> {
        let mut list = self.list(session, Some(RecordKind::Statement))?.records;
        list.sort_by_key(|r| match &r.body {
            RecordBody::Statement(s) => std::cmp::Reverse(s.updated_at),
            _ => std::cmp::Reverse(Timestamp(0)),
        });
        Ok(list)
    }
}
