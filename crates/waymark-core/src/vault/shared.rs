//! Storing what was shared with a worker's laptop ([`SharedItem`]) and the names the worker gives
//! the people they work with, each sealed under the worker's vault key and bound to its profile,
//! its envelope (or person) and its version. Only a worker's profile has either. This module
//! must never store any of it unsealed: the envelope id and feed position are all that is clear.

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::domain::shared::SharedItem;
use crate::error::{Error, Field, Result};
use crate::ids::RecordId;
use crate::seal::RecordBinding;
use crate::validate;
use crate::vocabulary::Role;

use super::{Session, Vault};

const ITEM_KIND: &str = "shared_item";
const PLAN_KIND: &str = "published_plan";
const LABEL_KIND: &str = "person_label";
/// The longest name a worker gives a person.
pub const MAX_PERSON_LABEL: usize = 120;

impl Vault {
    /// Keeps newly arrived items, in one transaction. An item this laptop has already (the same
    /// envelope) is left as it is, with whatever the worker did about it. Returns the envelope ids
    /// of those that were new.
    pub fn keep_shared(&mut self, session: &Session, items: &[SharedItem]) -> Result<Vec<Uuid>> {
        session.require_role(Role::Worker)?;
        let tx = self.transaction()?;
        let mut added = Vec::new();
        for item in items {
            let plain = Zeroizing::new(serde_json::to_vec(item).expect("a shared item serialises"));
            let id = RecordId(item.envelope_id);
            let sealed = session.sealer.seal(RecordBinding { profile: &session.profile, record: &id, kind: ITEM_KIND, version: 1 }, &plain, self.entropy());
            let inserted = tx
                .prepare_cached(
                    "INSERT INTO shared_with_me (profile_id, envelope_id, feed_seq, version, sealed) VALUES (?1, ?2, ?3, 1, ?4)
                     ON CONFLICT (profile_id, envelope_id) DO NOTHING",
                )?
                .execute(params![&session.profile.as_bytes()[..], &item.envelope_id.as_bytes()[..], item.feed_seq, sealed])?;
            if inserted == 1 {
                added.push(item.envelope_id);
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Writes back an item the worker acted on (read, acknowledged, replied).
    pub fn update_shared(&mut self, session: &Session, item: &SharedItem) -> Result<()> {
        self.update_shared_many(session, std::slice::from_ref(item))
    }

    /// Marks the items `envelope_ids` as told they arrived, at `at`, in one transaction, reading
    /// each as it is now (so whatever the worker did meanwhile is kept).
    pub fn mark_receipts_sent(&mut self, session: &Session, envelope_ids: &[Uuid], at: crate::clock::Timestamp) -> Result<()> {
        session.require_role(Role::Worker)?;
        let tx = self.transaction()?;
        for id in envelope_ids {
            let row: Option<(u32, Vec<u8>)> = tx
                .prepare_cached("SELECT version, sealed FROM shared_with_me WHERE profile_id = ?1 AND envelope_id = ?2")?
                .query_row(params![&session.profile.as_bytes()[..], &id.as_bytes()[..]], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((version, sealed)) = row else { continue };
            let mut item = open_item(session, id.as_bytes(), version, &sealed)?;
            if item.receipt_sent_at.is_none() {
                item.receipt_sent_at = Some(at);
                Self::update_one(&tx, session, &item, self.entropy())?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets the stand-ins kept for feed items that could not be opened at `feed_seqs` (they
    /// have now been opened, and are kept as themselves).
    pub fn forget_refused(&mut self, session: &Session, feed_seqs: &[i64]) -> Result<()> {
        session.require_role(Role::Worker)?;
        let tx = self.transaction()?;
        for seq in feed_seqs {
            let stand_in = refused_id(*seq);
            tx.prepare_cached("DELETE FROM shared_with_me WHERE profile_id = ?1 AND envelope_id = ?2")?
                .execute(params![&session.profile.as_bytes()[..], &stand_in.as_bytes()[..]])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Writes back many items in one transaction.
    pub fn update_shared_many(&mut self, session: &Session, items: &[SharedItem]) -> Result<()> {
        session.require_role(Role::Worker)?;
        let tx = self.transaction()?;
        for item in items {
            Self::update_one(&tx, session, item, self.entropy())?;
        }
        tx.commit()?;
        Ok(())
    }

    fn update_one(tx: &rusqlite::Transaction<'_>, session: &Session, item: &SharedItem, entropy: &dyn crate::entropy::Entropy) -> Result<()> {
        let version: Option<u32> = tx
            .prepare_cached("SELECT version FROM shared_with_me WHERE profile_id = ?1 AND envelope_id = ?2")?
            .query_row(params![&session.profile.as_bytes()[..], &item.envelope_id.as_bytes()[..]], |r| r.get(0))
            .optional()?;
        let version = version.ok_or_else(|| Error::NotFound { thing: crate::error::Thing::Record, given: item.envelope_id.to_string() })? + 1;
        let plain = Zeroizing::new(serde_json::to_vec(item).expect("a shared item serialises"));
        let id = RecordId(item.envelope_id);
        let sealed = session.sealer.seal(RecordBinding { profile: &session.profile, record: &id, kind: ITEM_KIND, version }, &plain, entropy);
        tx.prepare_cached("UPDATE shared_with_me SET version = ?3, sealed = ?4 WHERE profile_id = ?1 AND envelope_id = ?2")?
            .execute(params![&session.profile.as_bytes()[..], &item.envelope_id.as_bytes()[..], version, sealed])?;
        Ok(())
    }

    /// Every item kept, in the order they came.
    pub fn shared_items(&self, session: &Session) -> Result<Vec<SharedItem>> {
        session.require_role(Role::Worker)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT envelope_id, version, sealed FROM shared_with_me WHERE profile_id = ?1 ORDER BY feed_seq",
        )?;
        let rows = stmt.query_map([&session.profile.as_bytes()[..]], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, u32>(1)?, r.get::<_, Vec<u8>>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (envelope, version, sealed) = row?;
            out.push(open_item(session, &envelope, version, &sealed)?);
        }
        Ok(out)
    }

    /// One item, by its envelope id.
    pub fn shared_item(&self, session: &Session, envelope_id: Uuid) -> Result<SharedItem> {
        session.require_role(Role::Worker)?;
        let row: Option<(u32, Vec<u8>)> = self
            .conn()
            .query_row(
                "SELECT version, sealed FROM shared_with_me WHERE profile_id = ?1 AND envelope_id = ?2",
                params![&session.profile.as_bytes()[..], &envelope_id.as_bytes()[..]],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (version, sealed) = row.ok_or_else(|| Error::NotFound { thing: crate::error::Thing::Record, given: envelope_id.to_string() })?;
        open_item(session, envelope_id.as_bytes(), version, &sealed)
    }

    /// Where this laptop's next read of its feed starts: after the last item that opened, and
    /// before the first that could not (a refusal may pass once the roster has caught up, so
    /// those are read again each time).
    pub fn shared_feed_cursor(&self, session: &Session) -> Result<i64> {
        session.require_role(Role::Worker)?;
        // A stand-in's id is `refused_id(seq)`: its first eight bytes are zero, which no opened
        // envelope's id can be (they are random version-4 UUIDs, checked on opening).
        let (opened, first_refused): (i64, Option<i64>) = self.conn().query_row(
            "SELECT coalesce(max(CASE WHEN substr(envelope_id, 1, 8) <> zeroblob(8) THEN feed_seq END), 0),
                    min(CASE WHEN substr(envelope_id, 1, 8) = zeroblob(8) THEN feed_seq END)
             FROM shared_with_me WHERE profile_id = ?1",
            [&session.profile.as_bytes()[..]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(match first_refused {
            Some(seq) => opened.min(seq - 1),
            None => opened,
        })
    }

    /// Names a person on this laptop only (an empty name forgets it).
    pub fn label_person(&mut self, session: &Session, person_id: Uuid, label: &str) -> Result<()> {
        session.require_role(Role::Worker)?;
        let label = label.trim();
        if label.is_empty() {
            self.conn().execute(
                "DELETE FROM person_labels WHERE profile_id = ?1 AND person_id = ?2",
                params![&session.profile.as_bytes()[..], &person_id.as_bytes()[..]],
            )?;
            return Ok(());
        }
        validate::text(Field::Name, label, MAX_PERSON_LABEL)?;
        if label.contains('\n') {
            return Err(Error::invalid(Field::Name, crate::error::Problem::OneLine));
        }
        let id = RecordId(person_id);
        let sealed = session.sealer.seal(RecordBinding { profile: &session.profile, record: &id, kind: LABEL_KIND, version: 1 }, label.as_bytes(), self.entropy());
        self.conn().execute(
            "INSERT INTO person_labels (profile_id, person_id, sealed) VALUES (?1, ?2, ?3)
             ON CONFLICT (profile_id, person_id) DO UPDATE SET sealed = excluded.sealed",
            params![&session.profile.as_bytes()[..], &person_id.as_bytes()[..], sealed],
        )?;
        Ok(())
    }

    /// The names this worker gave people, by person id.
    pub fn person_labels(&self, session: &Session) -> Result<std::collections::HashMap<Uuid, String>> {
        session.require_role(Role::Worker)?;
        let mut stmt = self.conn().prepare_cached("SELECT person_id, sealed FROM person_labels WHERE profile_id = ?1")?;
        let rows = stmt.query_map([&session.profile.as_bytes()[..]], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (person, sealed) = row?;
            let id = RecordId::from_slice(&person).ok_or(Error::DamagedKey)?;
            let plain = session.sealer.open(RecordBinding { profile: &session.profile, record: &id, kind: LABEL_KIND, version: 1 }, &sealed)?;
            let label = String::from_utf8(plain.to_vec()).map_err(|_| Error::Integrity { record_id: id })?;
            out.insert(id.0, label);
        }
        Ok(out)
    }
}

impl Vault {
    /// Keeps a plan version this laptop published to `person_id`: versions only go up.
    pub fn keep_published_plan(&mut self, session: &Session, person_id: Uuid, plan: &crate::domain::Plan) -> Result<()> {
        session.require_role(Role::Worker)?;
        plan.validate()?;
        if let Some(latest) = self.published_plans(session, person_id)?.into_iter().filter(|p| p.plan_id == plan.plan_id).map(|p| p.version).max() {
            if plan.version <= latest {
                return Err(Error::invalid(Field::PlanVersion, crate::error::Problem::NotNewer { version: plan.version, latest }));
            }
        }
        // The person is sealed in with the plan, so a row moved to another person does not open
        // as theirs.
        let plain = Zeroizing::new(serde_json::to_vec(&serde_json::json!({ "person_id": person_id, "plan": plan })).expect("a plan serialises"));
        let id = RecordId(plan.plan_id);
        let sealed = session.sealer.seal(RecordBinding { profile: &session.profile, record: &id, kind: PLAN_KIND, version: plan.version }, &plain, self.entropy());
        self.conn().execute(
            "INSERT INTO published_plans (profile_id, person_id, plan_id, version, sealed) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![&session.profile.as_bytes()[..], &person_id.as_bytes()[..], &plan.plan_id.as_bytes()[..], plan.version, sealed],
        )?;
        Ok(())
    }

    /// Forgets a plan version that could not be sent after all (kept first, so a version number
    /// is never used twice).
    pub fn forget_published_plan(&mut self, session: &Session, person_id: Uuid, plan_id: Uuid, version: u32) -> Result<()> {
        session.require_role(Role::Worker)?;
        self.conn().execute(
            "DELETE FROM published_plans WHERE profile_id = ?1 AND person_id = ?2 AND plan_id = ?3 AND version = ?4",
            params![&session.profile.as_bytes()[..], &person_id.as_bytes()[..], &plan_id.as_bytes()[..], version],
        )?;
        Ok(())
    }

    /// Every plan version this laptop published to `person_id`, oldest first.
    pub fn published_plans(&self, session: &Session, person_id: Uuid) -> Result<Vec<crate::domain::Plan>> {
        session.require_role(Role::Worker)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT plan_id, version, sealed FROM published_plans WHERE profile_id = ?1 AND person_id = ?2 ORDER BY version",
        )?;
        let rows = stmt.query_map(params![&session.profile.as_bytes()[..], &person_id.as_bytes()[..]], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, u32>(1)?, r.get::<_, Vec<u8>>(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (plan_id, version, sealed) = row?;
            let id = RecordId::from_slice(&plan_id).ok_or(Error::DamagedKey)?;
            let plain = session.sealer.open(RecordBinding { profile: &session.profile, record: &id, kind: PLAN_KIND, version }, &sealed)?;
            #[derive(serde::Deserialize)]
            struct Kept {
                person_id: Uuid,
                plan: crate::domain::Plan,
            }
            let kept: Kept = serde_json::from_slice(&plain).map_err(|_| Error::Integrity { record_id: id })?;
            let plan = kept.plan;
            if kept.person_id != person_id || plan.plan_id != id.0 || plan.version != version {
                return Err(Error::Integrity { record_id: id });
            }
            out.push(plan);
        }
        Ok(out)
    }
}

/// The id a stand-in for the feed item at `seq` that could not be opened is kept under.
pub fn refused_id(seq: i64) -> Uuid {
    Uuid::from_u64_pair(0, seq as u64)
}

fn open_item(session: &Session, envelope: &[u8], version: u32, sealed: &[u8]) -> Result<SharedItem> {
    let id = RecordId::from_slice(envelope).ok_or(Error::DamagedKey)?;
    let plain = session.sealer.open(RecordBinding { profile: &session.profile, record: &id, kind: ITEM_KIND, version }, sealed)?;
    let item: SharedItem = serde_json::from_slice(&plain).map_err(|_| Error::Integrity { record_id: id })?;
    // What is inside must be what the clear column says it is.
    if item.envelope_id != id.0 {
        return Err(Error::Integrity { record_id: id });
    }
    Ok(item)
}
