//! Storing consent and sharing: the append-only consent ledger, the outbox (sealed, one row per queued item, written in the same transaction as the record change) and what was shared.
//! The rules are the domain's (`crate::domain::consent`); this file only reads and writes them.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::connection::{workers_key, parse_workers_key, ServiceConnection};
use crate::vocabulary::WorkerRole;
use crate::domain::consent::*;
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::error::{Error, Field, Problem, Result};
use crate::ids::RecordId;
use crate::validate::{self, SHORT_TEXT};
use crate::vault::{Session, Vault};

#[derive(Serialize, Deserialize)]
struct OutboxSealed {
    record_id: RecordId,
    record_kind: ShareableKind,
    recipient: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    follow_up: bool,
}

impl Vault {
    /// Every consent ledger entry that opens, in order (whether they prove anything is
    /// [`Vault::consents_now`]'s question).
    pub fn consent_events(&self, session: &Session) -> Result<Vec<ConsentEvent>> {
        Ok(self.consent_ledger(session)?.0)
    }

    /// The consent ledger as it opens, and whether it proves anything (see [`Vault::ledger`]). A
    /// ledger that does not prove anything means no consent at all.
    pub(crate) fn consent_ledger(&self, session: &Session) -> Result<(Vec<ConsentEvent>, bool)> {
        let floor = self.ledger_floors(session)?.consent;
        let pick = |body| match body {
            RecordBody::ConsentEvent(e) => Some(e),
            _ => None,
        };
        self.ledger(session, RecordKind::ConsentEvent, pick, |e: &ConsentEvent| e.sequence, floor)
    }

    /// The sharing ledger as it opens, and whether it proves anything (see [`Vault::ledger`]).
    pub(crate) fn sharing_ledger(&self, session: &Session) -> Result<(Vec<ShareEntry>, bool)> {
        let floor = self.ledger_floors(session)?.share;
        let pick = |body| match body {
            RecordBody::ShareEntry(e) => Some(e),
            _ => None,
        };
        self.ledger(session, RecordKind::ShareEntry, pick, |e: &ShareEntry| e.sequence, floor)
    }

    /// A numbered ledger's entries in order, and whether it proves anything: every entry opens,
    /// and the numbers above `floor` (kept by the integrity state) run on from it without a gap.
    fn ledger<T>(
        &self,
        session: &Session,
        kind: RecordKind,
        pick: impl Fn(RecordBody) -> Option<T>,
        sequence: impl Fn(&T) -> u64,
        floor: u64,
    ) -> Result<(Vec<T>, bool)> {
        let list = self.list(session, Some(kind))?;
        let mut entries: Vec<T> = list.records.into_iter().filter_map(|r| pick(r.body)).collect();
        entries.sort_by_key(|e| sequence(e));
        let above: Vec<u64> = entries.iter().map(&sequence).filter(|n| *n > floor).collect();
        let unbroken = above.iter().zip(floor + 1..).all(|(n, expected)| *n == expected);
        Ok((entries, list.damaged.is_empty() && unbroken))
    }

    /// The number the next sharing-ledger entry takes.
    pub(crate) fn next_share_sequence(&self, session: &Session) -> Result<u64> {
        Ok(self.sharing_ledger(session)?.0.last().map_or(1, |e| e.sequence + 1))
    }

    /// What the person says yes to now (kind, recipient, since when). Nothing, when the ledger
    /// proves nothing or the check at unlock found what decides sending changed and the person
    /// has not chosen what to do yet: consent that cannot be proved is no consent.
    pub fn consents_now(&self, session: &Session) -> Result<Vec<(ShareableKind, String, Timestamp)>> {
        if !session.integrity_findings().sending_provable() {
            return Ok(Vec::new());
        }
        let (events, provable) = self.consent_ledger(session)?;
        Ok(if provable { active_consents(&events) } else { Vec::new() })
    }

    /// Withdraws every yes the ledger shows, provable or not (after the vault was found changed).
    pub(crate) fn withdraw_everything(&mut self, session: &Session) -> Result<()> {
        let (events, _) = self.consent_ledger(session)?;
        for (kind, recipient, _) in active_consents(&events) {
            self.withdraw_consent(session, kind, &recipient)?;
        }
        Ok(())
    }

    fn next_consent_sequence(&self, session: &Session) -> Result<u64> {
        Ok(self.consent_events(session)?.last().map_or(1, |e| e.sequence + 1))
    }

    /// Whether this person says yes to sharing `kind` with `recipient` now. A key naming several
    /// of their workers (see `connection::workers_key`) needs a yes for each of them.
    pub fn has_consent(&self, session: &Session, kind: ShareableKind, recipient: &str) -> Result<bool> {
        let active = self.consents_now(session)?;
        let yes = |key: &str| active.iter().any(|(k, r, _)| *k == kind && r == key);
        Ok(match parse_workers_key(recipient) {
            Some((workers, organisation)) if workers.len() > 1 => {
                workers.iter().all(|a| yes(&workers_key(organisation, &[*a])))
            }
            _ => yes(recipient),
        })
    }

    /// Which of `connection`'s workers this person says yes to sharing `kind` with now (none on a
    /// connection made before rosters, where the service itself is the recipient).
    pub fn chosen_workers(&self, session: &Session, connection: &ServiceConnection, kind: ShareableKind) -> Result<Vec<WorkerRole>> {
        let mut out: Vec<WorkerRole> = self
            .consents_now(session)?
            .into_iter()
            .filter(|(k, _, _)| *k == kind)
            .filter_map(|(_, r, _)| connection.workers_in(&r))
            .flatten()
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// Queues a record for the connected service: the service itself on a connection made before
    /// rosters, or the workers this person chose for its kind. Refused with `NoConsent` when they
    /// chose no one.
    pub fn share_with(&mut self, session: &Session, record_id: RecordId, connection: &ServiceConnection) -> Result<OutboxItem> {
        let recipient = match &connection.organisation {
            None => connection.service_name.clone(),
            Some(_) => {
                let rec = self.get(session, record_id)?;
                let kind = ShareableKind::of(rec.body.kind()).ok_or_else(|| Error::invalid(Field::Record, Problem::NotShareable))?;
                let chosen = self.chosen_workers(session, connection, kind)?;
                if chosen.is_empty() {
                    return Err(Error::NoConsent { kind, recipient: connection.service_name.clone() });
                }
                connection.recipient_for(&chosen)
            }
        };
        self.share_record(session, record_id, &recipient)
    }

    /// Records that this person says yes to sharing `kind` with `recipient`. Only a kind their
    /// role keeps can be shared.
    pub fn grant_consent(&mut self, session: &Session, kind: ShareableKind, recipient: &str) -> Result<StoredRecord> {
        if !ShareableKind::for_role(session.role()).contains(&kind) {
            return Err(Error::invalid(Field::Kind, Problem::NotShareable));
        }
        let sequence = self.next_consent_sequence(session)?;
        let event = ConsentEvent {
            record_kind: kind,
            recipient: recipient.trim().to_string(),
            action: ConsentAction::Granted,
            at: self.now(),
            by: session.display_name().to_string(),
            sequence,
        };
        self.insert(session, RecordBody::ConsentEvent(event))
    }

    /// Records that this person withdraws consent, and in the same transaction takes every
    /// queued item of that kind for that recipient out of the outbox, so none of it is sent.
    /// Returns how many queued items were removed.
    pub fn withdraw_consent(&mut self, session: &Session, kind: ShareableKind, recipient: &str) -> Result<usize> {
        let recipient = recipient.trim().to_string();
        // Read the queue inside the transaction, so nothing queued meanwhile is missed.
        let tx = self.transaction()?;
        // Whom this person still says yes to for the kind once this is withdrawn.
        let still: Vec<String> = self
            .consents_now(session)?
            .into_iter()
            .filter(|(k, r, _)| *k == kind && *r != recipient)
            .map(|(_, r, _)| r)
            .collect();
        // A queued item goes only to those of its workers still chosen when it is sent; it is
        // taken out now when none of them is.
        let nobody_left = |item: &OutboxItem| match parse_workers_key(&item.recipient) {
            Some((workers, organisation)) => {
                !workers.iter().any(|a| still.contains(&workers_key(organisation, &[*a])))
                    && workers.iter().any(|a| workers_key(organisation, &[*a]) == recipient)
            }
            None => item.recipient == recipient,
        };
        let queued: Vec<OutboxItem> = self.outbox(session)?.into_iter().filter(|i| i.record_kind == kind && nobody_left(i)).collect();
        // The service is asked to delete what it holds of the kind once this person shares it
        // with no one there (it holds one copy for all their workers).
        let to_connected_service = self.service_connection(session)?.is_some_and(|c| {
            c.reaches(&recipient) && !still.iter().any(|r| c.reaches(r))
        });
        let event = ConsentEvent {
            record_kind: kind,
            recipient,
            action: ConsentAction::Withdrawn,
            at: self.now(),
            by: session.display_name().to_string(),
            sequence: self.next_consent_sequence(session)?,
        };
        Vault::insert_in(&tx, self, session, RecordBody::ConsentEvent(event))?;
        // Withdrawing from the connected service also asks it to delete what it holds; the ask
        // is kept until the service confirms, so a restart cannot lose it.
        if to_connected_service {
            self.queue_deletion_in(&tx, session, kind)?;
        }
        for item in &queued {
            tx.execute(
                "DELETE FROM outbox WHERE profile_id = ?1 AND id = ?2",
                params![&session.profile_id().as_bytes()[..], &item.item_id.as_bytes()[..]],
            )?;
        }
        tx.commit()?;
        Ok(queued.len())
    }

    /// What leaving `connection` for another organisation would end: the kinds this person said
    /// yes to sharing there (with the service, or with any of their workers), and how many items
    /// wait to go there.
    pub(crate) fn ties_to(&self, session: &Session, connection: &ServiceConnection) -> Result<(Vec<ShareableKind>, usize)> {
        let mut kinds: Vec<ShareableKind> = Vec::new();
        for (kind, _) in self.consents_reaching(session, connection)? {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        let waiting = self.outbox(session)?.iter().filter(|i| connection.reaches(&i.recipient)).count();
        Ok((kinds, waiting))
    }

    /// Every active consent given to `connection`'s service or its workers: kind and recipient.
    fn consents_reaching(&self, session: &Session, connection: &ServiceConnection) -> Result<Vec<(ShareableKind, String)>> {
        Ok(active_consents(&self.consent_events(session)?).into_iter().filter(|(_, r, _)| connection.reaches(r)).map(|(k, r, _)| (k, r)).collect())
    }

    /// Ends every consent this person gave `connection`'s service or workers and takes everything
    /// waiting for them out of the outbox, inside `tx`, without asking the service to delete
    /// anything (it is being left, and will not be reachable). For changing service: nothing said
    /// to one organisation is carried to another.
    pub(crate) fn end_ties_in(&self, tx: &rusqlite::Transaction<'_>, session: &Session, connection: &ServiceConnection) -> Result<()> {
        for (kind, recipient) in self.consents_reaching(session, connection)? {
            let event = ConsentEvent {
                record_kind: kind,
                recipient,
                action: ConsentAction::Withdrawn,
                at: self.now(),
                by: session.display_name().to_string(),
                sequence: self.next_consent_sequence(session)?,
            };
            Vault::insert_in(tx, self, session, RecordBody::ConsentEvent(event))?;
        }
        for item in self.outbox(session)?.into_iter().filter(|i| connection.reaches(&i.recipient)) {
            tx.execute(
                "DELETE FROM outbox WHERE profile_id = ?1 AND id = ?2",
                params![&session.profile_id().as_bytes()[..], &item.item_id.as_bytes()[..]],
            )?;
        }
        Ok(())
    }

    /// Queues a record to be sent to `recipient`. Needs an active consent for its kind; a
    /// statement must be ready, and a pathway note becomes shared. The record change and the
    /// outbox row are written in one transaction.
    pub fn share_record(&mut self, session: &Session, record_id: RecordId, recipient: &str) -> Result<OutboxItem> {
        let recipient = recipient.trim().to_string();
        validate::required_text(Field::Recipient, &recipient, SHORT_TEXT)?;
        let tx = self.transaction()?;
        let rec = Vault::get_in(&tx, session, record_id)?;
        let kind = ShareableKind::of(rec.body.kind()).ok_or_else(|| {
            Error::invalid(Field::Record, Problem::NotShareable)
        })?;
        if !self.has_consent(session, kind, &recipient)? {
            return Err(Error::NoConsent { kind, recipient });
        }
        match rec.body {
            RecordBody::Statement(ref s) if s.status() != crate::domain::StatementStatus::Ready => {
                return Err(Error::invalid(Field::Statement, Problem::NotReady));
            }
            RecordBody::PathwayNote(mut note) => {
                note.shared = true;
                self.update_in(&tx, session, record_id, RecordBody::PathwayNote(note))?;
            }
            _ => {}
        }
        let item = self.queue_in(&tx, session, record_id, kind, recipient, false)?;
        tx.commit()?;
        Ok(item)
    }

    /// Writes one outbox item (sealed) inside `tx`, with a new id: the id is also the envelope's,
    /// so each item is its own envelope to the service.
    pub(crate) fn queue_in(&self, tx: &rusqlite::Transaction<'_>, session: &Session, record_id: RecordId, kind: ShareableKind, recipient: String, follow_up: bool) -> Result<OutboxItem> {
        let now = self.now();
        let item_id = RecordId::random(self.entropy());
        let plain = zeroize::Zeroizing::new(
            serde_json::to_vec(&OutboxSealed { record_id, record_kind: kind, recipient: recipient.clone(), follow_up })
                .expect("outbox item serialises"),
        );
        let sealed = self.seal_outbox_item(session, &item_id, &plain);
        tx.execute(
            "INSERT INTO outbox (profile_id, id, enqueued_at, sealed) VALUES (?1, ?2, ?3, ?4)",
            params![&session.profile_id().as_bytes()[..], &item_id.as_bytes()[..], now.0, sealed],
        )?;
        Ok(OutboxItem { item_id, record_id, record_kind: kind, recipient, enqueued_at: now, attempts: 0, next_attempt_at: Timestamp(0), follow_up })
    }

    /// Every device a statement was sealed to when it was shared: only they can say they got,
    /// read or answered it. (Other kinds keep no answers.)
    pub fn readers_of(&self, session: &Session, record_id: RecordId) -> Result<Vec<uuid::Uuid>> {
        Ok(match self.get(session, record_id)?.body {
            RecordBody::Statement(st) => st.sealed_to,
            _ => Vec::new(),
        })
    }

    /// Items waiting to be sent, oldest first.
    pub fn outbox(&self, session: &Session) -> Result<Vec<OutboxItem>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, enqueued_at, attempts, sealed, next_attempt_at FROM outbox WHERE profile_id = ?1 ORDER BY enqueued_at, id",
        )?;
        let rows = stmt
            .query_map([&session.profile_id().as_bytes()[..]], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?, r.get::<_, u32>(2)?, r.get::<_, Vec<u8>>(3)?, r.get::<_, i64>(4)?))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, at, attempts, sealed, next_attempt_at) in rows {
            let item_id = RecordId::from_slice(&id).ok_or(Error::DamagedKey)?;
            let plain = self.open_outbox_item(session, &item_id, &sealed)?;
            let s: OutboxSealed =
                serde_json::from_slice(&plain).map_err(|_| Error::Integrity { record_id: item_id })?;
            out.push(OutboxItem {
                item_id,
                record_id: s.record_id,
                record_kind: s.record_kind,
                recipient: s.recipient,
                enqueued_at: Timestamp(at),
                attempts,
                next_attempt_at: Timestamp(next_attempt_at),
                follow_up: s.follow_up,
            });
        }
        Ok(out)
    }
}
