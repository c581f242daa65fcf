//! Whole-vault integrity: one sealed state per profile that says which sealed rows the profile has,
//! so a row deleted, added, put back from an older copy or damaged while Waymark was closed is
//! found, even though each row on its own still opens.
//!
//! Each row of a tracked table (the list is [`SEALED_TABLES`]) has a *term*:
//! `HMAC-SHA256(integrity key, "waymark-row-v1" | part | the row's key columns and version | sealed)`,
//! where the integrity key is `HKDF-Expand(vault key, "waymark integrity key v1")`. The state
//! keeps, for each *part* (a table, or one kind of record), how many rows it has and the sum of
//! their terms modulo 2^256; the profile's name, role and language are in it too. The state is
//! sealed under the vault key like a record, so nobody without the key can read or remake it.
//!
//! The state changes in the same transaction as the rows: migration 14 puts triggers on every
//! tracked table that call [`SQL_CHANGE`] for each row inserted, updated or deleted. The function
//! finds the profile's integrity key in a registry that holds it only while a [`crate::Session`]
//! of that profile is alive, so a write without an unlocked profile fails rather than going
//! unrecorded. `docs/CRYPTO.md` sets out the design and what it cannot catch (the whole folder
//! put back from an older copy).
//!
//! This module must never let a tracked row change without its state changing in the same
//! transaction, and never keep an integrity key past the session that owns it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock, Weak};

use ring::{hkdf, hmac};
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Serialize;

use crate::entropy::Entropy;
use crate::error::{Error, Result};
use crate::ids::{ProfileId, RecordId};
use crate::seal::{RecordBinding, RecordSealer};
use crate::secret::VaultKey;

/// The SQL function the triggers call: `waymark_integrity(state, profile_id, sign, part, sealed,
/// key columns…)` returns the state with that row added (`sign` 1) or taken away (`sign` -1).
pub const SQL_CHANGE: &str = "waymark_integrity";
/// `waymark_integrity_profile(state, profile_id, name, role, language)`: the state with the
/// profile's own fields replaced.
pub const SQL_PROFILE: &str = "waymark_integrity_profile";

/// Format 2 added the sharing ledger's floor; format 1 states still read (the floor 0).
const STATE_FORMAT: u8 = 2;
const STATE_KIND: &str = "integrity_state";

/// A table whose rows are sealed under a profile's vault key: what the integrity state counts
/// and what re-keying re-seals. Each entry must match migration 14's triggers (a test reads them).
pub(crate) struct SealedTable {
    pub table: &'static str,
    /// The part a row belongs to, as an SQL expression over the row.
    pub part: &'static str,
    /// The columns besides `profile_id` that name a row (its primary key), then any other column
    /// the term covers (a version, a flag).
    pub key_columns: &'static [&'static str],
    pub other_columns: &'static [&'static str],
    /// How the row was sealed: SQL expressions for the binding's record id, kind and version.
    pub binding: (&'static str, &'static str, &'static str),
}

pub(crate) const SEALED_TABLES: &[SealedTable] = &[
    SealedTable { table: "records", part: "'records/' || kind", key_columns: &["id"], other_columns: &["version"], binding: ("id", "kind", "version") },
    SealedTable { table: "outbox", part: "'outbox'", key_columns: &["id"], other_columns: &[], binding: ("id", "'outbox_item'", "1") },
    SealedTable { table: "pending_deletions", part: "'pending_deletions'", key_columns: &["id"], other_columns: &[], binding: ("id", "'pending_deletion'", "1") },
    SealedTable { table: "deletion_receipts", part: "'deletion_receipts'", key_columns: &["id"], other_columns: &[], binding: ("id", "'deletion_receipt'", "1") },
    SealedTable { table: "service_connection", part: "'service_connection'", key_columns: &[], other_columns: &[], binding: ("profile_id", "'service_connection'", "1") },
    SealedTable { table: "roster_state", part: "'roster_state'", key_columns: &[], other_columns: &[], binding: ("profile_id", "'roster_state'", "1") },
    SealedTable { table: "shared_with_me", part: "'shared_with_me'", key_columns: &["envelope_id"], other_columns: &["version"], binding: ("envelope_id", "'shared_item'", "version") },
    SealedTable { table: "person_labels", part: "'person_labels'", key_columns: &["person_id"], other_columns: &[], binding: ("person_id", "'person_label'", "1") },
    SealedTable { table: "published_plans", part: "'published_plans'", key_columns: &["person_id", "plan_id", "version"], other_columns: &[], binding: ("plan_id", "'published_plan'", "version") },
    SealedTable { table: "audit_trail", part: "'audit_trail'", key_columns: &["device_id", "seq"], other_columns: &["handed_in"], binding: ("device_id", "'audit_entry'", "seq + 1") },
];

/// The parts whose rows decide what may be sent: if any of them cannot be proved, nothing is.
pub const SENDING_PARTS: [&str; 7] =
    ["records/consent_event", "records/share_entry", "outbox", "pending_deletions", "deletion_receipts", "service_connection", "roster_state"];

/// The keys a profile's integrity state is made with, held by its session.
///
/// Derives nothing. `ring` does not zero its key state on drop; it lives only while the profile
/// is unlocked, like the record sealer's.
pub(crate) struct IntegrityKeys {
    profile: ProfileId,
    mac: hmac::Key,
    sealer: RecordSealer,
    entropy: Arc<dyn Entropy>,
    /// The last state this process sealed and what it holds, so a run of row changes in one
    /// transaction does not open the state again each time.
    last: Mutex<Option<(Vec<u8>, State)>>,
}

impl IntegrityKeys {
    pub(crate) fn new(profile: ProfileId, vault_key: &VaultKey, entropy: Arc<dyn Entropy>) -> Arc<Self> {
        let prk = hkdf::Prk::new_less_safe(hkdf::HKDF_SHA256, vault_key.expose());
        let info: [&[u8]; 1] = [b"waymark integrity key v1"];
        let okm = prk.expand(&info, hmac::HMAC_SHA256).expect("HKDF output of one hash length");
        let keys = Arc::new(IntegrityKeys {
            profile,
            mac: hmac::Key::from(okm),
            sealer: RecordSealer::new(vault_key),
            entropy,
            last: Mutex::new(None),
        });
        register(&keys);
        keys
    }

    fn binding_id(&self) -> RecordId {
        RecordId::from_slice(self.profile.as_bytes()).expect("16 bytes")
    }

    /// The term of one row.
    fn term(&self, part: &str, columns: &[ValueRef<'_>], sealed: &[u8]) -> [u8; 32] {
        let mut ctx = hmac::Context::with_key(&self.mac);
        ctx.update(b"waymark-row-v1");
        ctx.update(&[part.len().min(255) as u8]);
        ctx.update(&part.as_bytes()[..part.len().min(255)]);
        ctx.update(&[columns.len() as u8]);
        for value in columns {
            let (tag, bytes): (u8, std::borrow::Cow<'_, [u8]>) = match value {
                ValueRef::Null => (0, (&[][..]).into()),
                ValueRef::Integer(i) => (1, i.to_be_bytes().to_vec().into()),
                ValueRef::Real(f) => (2, f.to_be_bytes().to_vec().into()),
                ValueRef::Text(t) => (3, (*t).into()),
                ValueRef::Blob(b) => (4, (*b).into()),
            };
            ctx.update(&[tag]);
            ctx.update(&(bytes.len() as u32).to_be_bytes());
            ctx.update(&bytes);
        }
        ctx.update(&(sealed.len() as u64).to_be_bytes());
        ctx.update(sealed);
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }

    /// A record row's term, exactly as the triggers on `records` make it.
    pub(crate) fn record_term(&self, kind: &str, id: &RecordId, version: u32, sealed: &[u8]) -> (String, [u8; 32]) {
        let part = format!("records/{kind}");
        let term = self.term(&part, &[ValueRef::Blob(id.as_bytes()), ValueRef::Integer(version as i64)], sealed);
        (part, term)
    }

    pub(crate) fn seal_state(&self, state: &State) -> Vec<u8> {
        let id = self.binding_id();
        let binding = RecordBinding { profile: &self.profile, record: &id, kind: STATE_KIND, version: 1 };
        let plain = zeroize::Zeroizing::new(state.encode());
        let sealed = self.sealer.seal(binding, &plain, &*self.entropy);
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some((sealed.clone(), state.clone()));
        sealed
    }

    /// Opens a sealed state; `None` when it does not open or is not a state this version reads.
    pub(crate) fn open_state(&self, sealed: &[u8]) -> Option<State> {
        if let Some((last, state)) = &*self.last.lock().unwrap_or_else(|p| p.into_inner()) {
            if last == sealed {
                return Some(state.clone());
            }
        }
        let id = self.binding_id();
        let binding = RecordBinding { profile: &self.profile, record: &id, kind: STATE_KIND, version: 1 };
        let plain = self.sealer.open(binding, sealed).ok()?;
        State::decode(&plain)
    }
}

/// The profile's own fields the state vouches for.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct ProfileFields {
    pub name: String,
    pub role: String,
    pub language: String,
}

/// How many rows a part has and the sum of their terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Tally {
    pub count: u64,
    sum: [u64; 4],
}

impl Tally {
    fn add(&mut self, term: &[u8; 32], sign: i64) {
        let limbs: [u64; 4] = std::array::from_fn(|i| u64::from_le_bytes(term[i * 8..i * 8 + 8].try_into().expect("8 bytes")));
        if sign >= 0 {
            self.count = self.count.wrapping_add(1);
            let mut carry = false;
            for (s, t) in self.sum.iter_mut().zip(limbs) {
                let (a, c1) = s.overflowing_add(t);
                let (b, c2) = a.overflowing_add(carry as u64);
                *s = b;
                carry = c1 || c2;
            }
        } else {
            self.count = self.count.wrapping_sub(1);
            let mut borrow = false;
            for (s, t) in self.sum.iter_mut().zip(limbs) {
                let (a, b1) = s.overflowing_sub(t);
                let (b, b2) = a.overflowing_sub(borrow as u64);
                *s = b;
                borrow = b1 || b2;
            }
        }
    }
}

/// The ledgers' floors (see [`State::consent_floor`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Floors {
    pub consent: u64,
    pub share: u64,
}

/// A profile's integrity state: its fields and a tally per part.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct State {
    pub profile: ProfileFields,
    /// Consent ledger entries up to this sequence number are not checked for gaps: the person
    /// chose to keep what opened after a check found the ledger changed, and every yes was
    /// withdrawn above it.
    pub consent_floor: u64,
    /// The same for the sharing ledger.
    pub share_floor: u64,
    pub parts: BTreeMap<String, Tally>,
}

impl State {
    pub(crate) fn new(profile: ProfileFields) -> Self {
        State { profile, consent_floor: 0, share_floor: 0, parts: BTreeMap::new() }
    }

    pub(crate) fn change(&mut self, part: &str, term: &[u8; 32], sign: i64) {
        let tally = self.parts.entry(part.to_string()).or_default();
        tally.add(term, sign);
        if *tally == Tally::default() {
            self.parts.remove(part);
        }
    }

    /// Format 2: `02 | len u16 | name | len u8 | role | len u8 | language | consent floor u64 |
    /// share floor u64 | parts u16 | (len u8 | part | count u64 | sum[32])*`, integers
    /// big-endian, the sum little-endian. Format 1 has no share floor.
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.parts.len() * 64);
        out.push(STATE_FORMAT);
        let name = self.profile.name.as_bytes();
        out.extend_from_slice(&(name.len() as u16).to_be_bytes());
        out.extend_from_slice(name);
        for short in [&self.profile.role, &self.profile.language] {
            out.push(short.len() as u8);
            out.extend_from_slice(short.as_bytes());
        }
        out.extend_from_slice(&self.consent_floor.to_be_bytes());
        out.extend_from_slice(&self.share_floor.to_be_bytes());
        out.extend_from_slice(&(self.parts.len() as u16).to_be_bytes());
        for (part, tally) in &self.parts {
            out.push(part.len() as u8);
            out.extend_from_slice(part.as_bytes());
            out.extend_from_slice(&tally.count.to_be_bytes());
            for limb in tally.sum {
                out.extend_from_slice(&limb.to_le_bytes());
            }
        }
        out
    }

    fn decode(bytes: &[u8]) -> Option<State> {
        let mut r = Reader(bytes);
        let format = r.take(1)?[0];
        if !(1..=STATE_FORMAT).contains(&format) {
            return None;
        }
        let name_len = u16::from_be_bytes(r.take(2)?.try_into().ok()?) as usize;
        let name = String::from_utf8(r.take(name_len)?.to_vec()).ok()?;
        let mut short = || -> Option<String> {
            let len = r.take(1)?[0] as usize;
            String::from_utf8(r.take(len)?.to_vec()).ok()
        };
        let role = short()?;
        let language = short()?;
        let consent_floor = u64::from_be_bytes(r.take(8)?.try_into().ok()?);
        let share_floor = if format >= 2 { u64::from_be_bytes(r.take(8)?.try_into().ok()?) } else { 0 };
        let n = u16::from_be_bytes(r.take(2)?.try_into().ok()?);
        let mut parts = BTreeMap::new();
        for _ in 0..n {
            let len = r.take(1)?[0] as usize;
            let part = String::from_utf8(r.take(len)?.to_vec()).ok()?;
            let count = u64::from_be_bytes(r.take(8)?.try_into().ok()?);
            let mut sum = [0u64; 4];
            for limb in &mut sum {
                *limb = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            }
            parts.insert(part, Tally { count, sum });
        }
        if !r.0.is_empty() {
            return None;
        }
        Some(State { profile: ProfileFields { name, role, language }, consent_floor, share_floor, parts })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }
}

// ----- the registry of unlocked profiles' integrity keys -----

type Registry = Mutex<HashMap<[u8; 16], Vec<Weak<IntegrityKeys>>>>;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(HashMap::new()))
}

fn register(keys: &Arc<IntegrityKeys>) {
    let mut all = registry().lock().unwrap_or_else(|p| p.into_inner());
    all.retain(|_, list| {
        list.retain(|w| w.strong_count() > 0);
        !list.is_empty()
    });
    all.entry(*keys.profile.as_bytes()).or_default().push(Arc::downgrade(keys));
}

/// The keys of the most recently unlocked live session of `profile`.
fn keys_for(profile: &[u8]) -> Option<Arc<IntegrityKeys>> {
    let all = registry().lock().unwrap_or_else(|p| p.into_inner());
    let id: [u8; 16] = profile.try_into().ok()?;
    all.get(&id)?.iter().rev().find_map(Weak::upgrade)
}

fn user_error(message: &str) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(message.to_string().into())
}

/// Registers the functions the integrity triggers call on a new connection.
pub fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(SQL_CHANGE, -1, FunctionFlags::SQLITE_UTF8, |ctx: &Context<'_>| {
        if ctx.len() < 5 {
            return Err(user_error("waymark_integrity needs a state, profile, sign, part and sealed row"));
        }
        let profile = ctx.get_raw(1).as_blob().map_err(|_| user_error("profile id"))?;
        let keys = keys_for(profile).ok_or_else(|| user_error("this profile is locked: unlock it before changing it"))?;
        let current = ctx.get_raw(0).as_blob().unwrap_or(&[]);
        // A state that does not open stays as it is: the check keeps reporting it until the
        // person chooses, and meanwhile they can still write.
        let Some(mut state) = keys.open_state(current) else { return Ok(current.to_vec()) };
        let sign: i64 = ctx.get(2)?;
        let part = ctx.get_raw(3).as_str().map_err(|_| user_error("part"))?;
        let sealed = ctx.get_raw(4).as_blob().map_err(|_| user_error("sealed"))?;
        let columns: Vec<ValueRef<'_>> = (5..ctx.len()).map(|i| ctx.get_raw(i)).collect();
        let term = keys.term(part, &columns, sealed);
        state.change(part, &term, sign);
        Ok(keys.seal_state(&state))
    })?;
    conn.create_scalar_function(SQL_PROFILE, 5, FunctionFlags::SQLITE_UTF8, |ctx: &Context<'_>| {
        let profile = ctx.get_raw(1).as_blob().map_err(|_| user_error("profile id"))?;
        let keys = keys_for(profile).ok_or_else(|| user_error("this profile is locked: unlock it before changing it"))?;
        let current = ctx.get_raw(0).as_blob().unwrap_or(&[]);
        let Some(mut state) = keys.open_state(current) else { return Ok(current.to_vec()) };
        state.profile = ProfileFields { name: ctx.get(2)?, role: ctx.get(3)?, language: ctx.get(4)? };
        Ok(keys.seal_state(&state))
    })?;
    Ok(())
}

// ----- checking -----

/// What a check of a profile's rows against its integrity state found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IntegrityFindings {
    /// The state itself was missing or did not open: nothing could be checked, so nothing is
    /// taken as proved.
    pub state_unreadable: bool,
    /// The parts whose rows are not what the state says, with how many rows it expected and found.
    pub changed: Vec<ChangedPart>,
    /// The profile's name, role or language is not what the state says.
    pub profile_changed: bool,
    /// The consent ledger has an entry that does not open, or a gap in its numbers.
    pub consent_unproven: bool,
    /// The sharing ledger has an entry that does not open, or a gap in its numbers.
    pub sharing_unproven: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangedPart {
    /// `records/<kind>` or a table's name.
    pub part: String,
    pub expected: u64,
    pub found: u64,
}

impl IntegrityFindings {
    pub fn is_sound(&self) -> bool {
        !self.state_unreadable && self.changed.is_empty() && !self.profile_changed && !self.consent_unproven && !self.sharing_unproven
    }

    /// Whether what decides sending (consent, the sharing ledger, the outbox, deletions asked
    /// for, the connection and the roster) is as the state says.
    pub fn sending_provable(&self) -> bool {
        !self.state_unreadable
            && !self.consent_unproven
            && !self.sharing_unproven
            && !self.changed.iter().any(|c| SENDING_PARTS.contains(&c.part.as_str()))
    }
}

/// Which rows a check reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Everything,
    /// Only the parts that decide sending.
    Sending,
}

/// Tallies `profile`'s rows as they are now, with `keys`.
pub(crate) fn tally_rows(conn: &Connection, keys: &IntegrityKeys, profile: &ProfileId, scope: Scope) -> Result<BTreeMap<String, Tally>> {
    let mut parts: BTreeMap<String, Tally> = BTreeMap::new();
    for t in SEALED_TABLES {
        let columns: Vec<&str> = t.key_columns.iter().chain(t.other_columns).copied().collect();
        let mut sql = format!("SELECT {}, sealed{}{} FROM {} WHERE profile_id = ?1", t.part, if columns.is_empty() { "" } else { ", " }, columns.join(", "), t.table);
        if scope == Scope::Sending {
            if t.table == "records" {
                sql.push_str(" AND kind IN ('consent_event', 'share_entry')");
            } else if !SENDING_PARTS.contains(&t.table) {
                continue;
            }
        }
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([&profile.as_bytes()[..]])?;
        while let Some(row) = rows.next()? {
            let part: String = row.get(0)?;
            let sealed = row.get_ref(1)?.as_blob().map_err(|e| Error::Storage(e.into()))?;
            let values: Vec<ValueRef<'_>> = (0..columns.len()).map(|i| row.get_ref(2 + i)).collect::<rusqlite::Result<_>>()?;
            let term = keys.term(&part, &values, sealed);
            let tally = parts.entry(part).or_default();
            tally.add(&term, 1);
        }
    }
    Ok(parts)
}

/// Compares rows tallied now with the state's tallies (only the parts `scope` read).
pub(crate) fn compare(state: &State, found: &BTreeMap<String, Tally>, profile: &ProfileFields, scope: Scope) -> IntegrityFindings {
    let in_scope = |part: &str| scope == Scope::Everything || SENDING_PARTS.contains(&part);
    let mut changed = Vec::new();
    let names: std::collections::BTreeSet<&String> = state.parts.keys().chain(found.keys()).collect();
    for part in names {
        if !in_scope(part) {
            continue;
        }
        let expected = state.parts.get(part).copied().unwrap_or_default();
        let now = found.get(part).copied().unwrap_or_default();
        if expected != now {
            changed.push(ChangedPart { part: part.clone(), expected: expected.count, found: now.count });
        }
    }
    IntegrityFindings {
        state_unreadable: false,
        changed,
        profile_changed: scope == Scope::Everything && state.profile != *profile,
        consent_unproven: false,
        sharing_unproven: false,
    }
}

/// A state for rows as they are now (a new profile, or a person who chose to keep what opens).
pub(crate) fn state_from_rows(conn: &Connection, keys: &IntegrityKeys, profile: &ProfileId, fields: ProfileFields, floors: Floors) -> Result<State> {
    Ok(State { profile: fields, consent_floor: floors.consent, share_floor: floors.share, parts: tally_rows(conn, keys, profile, Scope::Everything)? })
}

/// Opens every row of `table` for `profile` with `old` and seals it again with `new`, a page at
/// a time (so re-keying 100,000 records never holds them all), calling `done` with each page's
/// size. A row that does not open under `old` is left as it is.
pub(crate) fn reseal_table(
    conn: &Connection,
    table: &SealedTable,
    profile: &ProfileId,
    old: &RecordSealer,
    new: &RecordSealer,
    entropy: &dyn Entropy,
    done: &mut dyn FnMut(u64),
) -> Result<()> {
    use rusqlite::types::Value;
    const PAGE: usize = 500;
    let keys = table.key_columns;
    let (record, kind, version) = table.binding;
    let columns = format!("{record}, {kind}, {version}, sealed{}", keys.iter().map(|k| format!(", {k}")).collect::<String>());
    let order = if keys.is_empty() { String::new() } else { format!(" ORDER BY {}", keys.join(", ")) };
    let after = if keys.is_empty() {
        String::new()
    } else {
        format!(" AND ({}) > ({})", keys.join(", "), (0..keys.len()).map(|i| format!("?{}", i + 2)).collect::<Vec<_>>().join(", "))
    };
    let first = format!("SELECT {columns} FROM {} WHERE profile_id = ?1{order} LIMIT {PAGE}", table.table);
    let next = format!("SELECT {columns} FROM {} WHERE profile_id = ?1{after}{order} LIMIT {PAGE}", table.table);
    let update = format!(
        "UPDATE {} SET sealed = ?1 WHERE profile_id = ?2{}",
        table.table,
        keys.iter().enumerate().map(|(i, k)| format!(" AND {k} = ?{}", i + 3)).collect::<String>()
    );
    let mut last: Option<Vec<Value>> = None;
    loop {
        let mut params: Vec<Value> = vec![Value::Blob(profile.as_bytes().to_vec())];
        let sql = match &last {
            None => &first,
            Some(key) => {
                params.extend(key.iter().cloned());
                &next
            }
        };
        let mut stmt = conn.prepare_cached(sql)?;
        let page: Vec<(Value, String, i64, Vec<u8>, Vec<Value>)> = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, (0..keys.len()).map(|i| r.get(4 + i)).collect::<rusqlite::Result<_>>()?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        for (record, kind, version, sealed, key) in &page {
            let record = match record {
                Value::Blob(b) => RecordId::from_slice(b),
                _ => None,
            };
            let (Some(record), Ok(version)) = (record, u32::try_from(*version)) else { continue };
            let binding = RecordBinding { profile, record: &record, kind, version };
            let Ok(plain) = old.open(binding, sealed) else { continue };
            let resealed = new.seal(binding, &plain, entropy);
            let mut params: Vec<Value> = vec![Value::Blob(resealed), Value::Blob(profile.as_bytes().to_vec())];
            params.extend(key.iter().cloned());
            conn.prepare_cached(&update)?.execute(rusqlite::params_from_iter(params))?;
        }
        done(page.len() as u64);
        if keys.is_empty() || page.len() < PAGE {
            return Ok(());
        }
        last = page.last().map(|p| p.4.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_reads_back_as_written_and_refuses_trailing_bytes() {
        let mut s = State::new(ProfileFields { name: "Sam".into(), role: "young_person".into(), language: "cy".into() });
        s.consent_floor = 9;
        s.share_floor = 4;
        s.change("records/note", &[7u8; 32], 1);
        s.change("outbox", &[255u8; 32], 1);
        s.change("outbox", &[1u8; 32], 1);
        let bytes = s.encode();
        assert_eq!(State::decode(&bytes), Some(s.clone()));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(State::decode(&longer), None);
        assert_eq!(State::decode(&bytes[..bytes.len() - 1]), None);
        // A format-1 state (no share floor) still reads, with the floor 0.
        let mut old = bytes.clone();
        old[0] = 1;
        let at = 1 + 2 + 3 + 1 + 12 + 1 + 2 + 8;
        old.drain(at..at + 8);
        assert_eq!(State::decode(&old), Some(State { share_floor: 0, ..s.clone() }));
    }

    #[test]
    fn taking_a_row_away_undoes_adding_it_and_order_does_not_matter() {
        let mut a = State::default();
        let mut b = State::default();
        let terms = [[0xffu8; 32], [3u8; 32], [0x80u8; 32]];
        for t in &terms {
            a.change("records/note", t, 1);
        }
        for t in terms.iter().rev() {
            b.change("records/note", t, 1);
        }
        assert_eq!(a, b);
        a.change("records/note", &terms[1], -1);
        assert_ne!(a, b);
        a.change("records/note", &terms[1], 1);
        assert_eq!(a, b);
        for t in &terms {
            a.change("records/note", t, -1);
        }
        assert!(a.parts.is_empty(), "an emptied part leaves nothing behind");
    }

    #[test]
    fn every_sealed_table_has_its_three_triggers_over_the_columns_the_check_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        let conn = crate::store::open(&path).unwrap();
        let sealed_tables: Vec<String> = conn
            .prepare("SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'sealed' AND m.name != 'integrity_state'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut listed: Vec<&str> = SEALED_TABLES.iter().map(|t| t.table).collect();
        listed.sort();
        let mut found: Vec<&str> = sealed_tables.iter().map(String::as_str).collect();
        found.sort();
        assert_eq!(listed, found, "every table with sealed rows is counted");
        for t in SEALED_TABLES {
            for event in ["insert", "delete", "update"] {
                let sql: String = conn
                    .query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [format!("integrity_{}_{event}", t.table)], |r| r.get(0))
                    .unwrap_or_else(|_| panic!("{} has no {event} trigger", t.table));
                for column in t.key_columns.iter().chain(t.other_columns) {
                    assert!(sql.contains(&format!(".{column}")), "{} {event} leaves out {column}", t.table);
                }
                let part = t.part.replace("kind", "");
                assert!(sql.contains(part.trim_end_matches(' ')), "{} {event} counts another part", t.table);
            }
        }
        // Opening again rewrites nothing: the triggers are stored exactly as written.
        let version: i64 = conn.query_row("PRAGMA schema_version", [], |r| r.get(0)).unwrap();
        drop(conn);
        let conn = crate::store::open(&path).unwrap();
        assert_eq!(version, conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)).unwrap());
    }
}
