//! Profiles and their sealed records.
//!
//! A data folder holds one SQLite file with any number of profiles. Each profile has its own
//! random vault key, stored only wrapped (by the passphrase and by the recovery code); an unlocked
//! profile is a [`Session`], which holds the key and is the only way to read or write that
//! profile's records. Profiles cannot read each other's records: the keys differ and the profile
//! id is bound into every seal.
//!
//! Every user action is one SQLite transaction. This module must never write a record's contents
//! unsealed, and never keep a vault key anywhere but inside a [`Session`].

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

use crate::clock::{Clock, Timestamp};
use crate::domain::{RecordBody, RecordKind, StoredRecord};
use crate::entropy::Entropy;
use crate::error::{Error, Field, Problem, Result};
use crate::integrity::{self, IntegrityFindings, IntegrityKeys, ProfileFields, Scope};
use crate::ids::{ProfileId, RecordId};
use crate::kdf::KdfParams;
use crate::keywrap;
use crate::seal::{RecordBinding, RecordSealer};
use crate::secret::{Passphrase, RecoveryCode, VaultKey};
use crate::validate;
pub use waymark_i18n::Language;

mod audit_trail;
mod consent;
mod learning;
mod library;
pub use library::{InstalledLibrary, LibraryCheck, LibrarySource};
mod note;
mod plan;
mod policy;
mod shared;
pub use shared::refused_id;
mod statement;

/// The database file inside a data folder.
pub const DATABASE_FILE: &str = "waymark.db";

pub use crate::vocabulary::Role;

impl Role {
    pub fn parse(text: &str) -> Result<Role> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "young_person" => Ok(Role::YoungPerson),
            "carer" => Ok(Role::Carer),
            "worker" => Ok(Role::Worker),
            other => Err(Error::invalid(Field::Role, Problem::NotKnown { given: validate::clip(other) })),
        }
    }
}

/// What anyone at the computer can see before unlocking: a name and a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProfileSummary {
    pub id: ProfileId,
    pub display_name: String,
    pub role: Role,
    pub created_at: Timestamp,
    /// The language the person chose for their profile.
    pub language: Language,
}

/// An unlocked profile. Dropping it (locking) zeroes the vault key, and its integrity key leaves
/// the registry the vault's triggers read.
pub struct Session {
    pub(crate) profile: ProfileId,
    display_name: String,
    role: Role,
    key: VaultKey,
    pub(crate) sealer: RecordSealer,
    pub(crate) integrity: Arc<IntegrityKeys>,
    /// What the check at unlock found, until the person chooses what to do about it.
    findings: IntegrityFindings,
}

impl Session {
    pub fn profile_id(&self) -> ProfileId {
        self.profile
    }
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    pub fn role(&self) -> Role {
        self.role
    }

    /// What the whole-vault check found when this profile was unlocked (sound, unless something
    /// in the folder was changed while Waymark was closed and the person has not yet chosen what
    /// to do about it).
    pub fn integrity_findings(&self) -> &IntegrityFindings {
        &self.findings
    }

    fn new(profile: ProfileId, display_name: String, role: Role, key: VaultKey, entropy: Arc<dyn Entropy>) -> Session {
        let integrity = IntegrityKeys::new(profile, &key, entropy);
        Session { profile, display_name, role, sealer: RecordSealer::new(&key), key, integrity, findings: IntegrityFindings::default() }
    }

    fn fields(&self, language: Language) -> ProfileFields {
        ProfileFields { name: self.display_name.clone(), role: self.role.as_str().to_string(), language: language.tag().to_string() }
    }

    /// Refuses `what` for a profile of the other role, e.g. a safer-caring policy for a young
    /// person: each screen belongs to one kind of user.
    pub fn require_role(&self, role: Role) -> Result<()> {
        if self.role != role {
            return Err(Error::invalid(Field::Profile, Problem::WrongRole { role }));
        }
        Ok(())
    }
}

pub struct VaultOptions {
    /// Argon2id settings for new wraps (new profiles, passphrase changes).
    pub kdf: KdfParams,
    pub clock: Arc<dyn Clock>,
    pub entropy: Arc<dyn Entropy>,
}

impl VaultOptions {
    /// The real clock, the system random number generator and the default key settings.
    pub fn system() -> Self {
        VaultOptions {
            kdf: KdfParams::DEFAULT,
            clock: Arc::new(crate::clock::SystemClock),
            entropy: Arc::new(crate::entropy::SystemEntropy::new()),
        }
    }
}

fn parse_language(tag: &str) -> Result<Language> {
    Language::parse(tag).ok_or_else(|| Error::invalid(Field::Language, Problem::NotKnown { given: validate::clip(tag) }))
}

/// How far a long piece of work (re-keying) has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Progress {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
}

/// Records that could not be opened are reported by id; the rest are returned.
#[derive(Default)]
pub struct RecordList {
    pub records: Vec<StoredRecord>,
    pub damaged: Vec<RecordId>,
}

pub struct Vault {
    conn: Connection,
    dir: PathBuf,
    kdf: KdfParams,
    clock: Arc<dyn Clock>,
    entropy: Arc<dyn Entropy>,
}

/// Seconds to wait before the next unlock attempt after `failures` wrong ones in a row.
pub fn unlock_delay(failures: u32) -> i64 {
    if failures < 3 {
        0
    } else {
        (1i64 << (failures - 2).min(9)).min(300)
    }
}

impl Vault {
    /// Opens (creating if needed) the vault in `dir`. The folder is made readable by its owner only.
    pub fn open(dir: &Path, options: VaultOptions) -> Result<Vault> {
        options.kdf.check()?;
        fs::create_dir_all(dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        let conn = crate::store::open(&dir.join(DATABASE_FILE))?;
        Ok(Vault {
            conn,
            dir: dir.to_path_buf(),
            kdf: options.kdf,
            clock: options.clock,
            entropy: options.entropy,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
    pub fn entropy(&self) -> &dyn Entropy {
        &*self.entropy
    }
    /// The clock this vault reads, for the layers above that must agree with it.
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }
    /// The randomness this vault draws on, for the layers above (sealing what is shared).
    pub fn entropy_source(&self) -> Arc<dyn Entropy> {
        self.entropy.clone()
    }
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
    /// The key settings new wraps (and sealed exports) are made with.
    pub(crate) fn kdf(&self) -> KdfParams {
        self.kdf
    }

    pub fn list_profiles(&self) -> Result<Vec<ProfileSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, display_name, role, created_at, language FROM profiles ORDER BY created_at, display_name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get::<_, String>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, role, created, language) = row?;
            out.push(ProfileSummary {
                id: ProfileId::from_slice(&id).ok_or(Error::DamagedKey)?,
                display_name: name,
                role: Role::parse(&role)?,
                created_at: Timestamp(created),
                language: parse_language(&language)?,
            });
        }
        Ok(out)
    }

    /// The language the unlocked person chose.
    pub fn profile_language(&self, session: &Session) -> Result<Language> {
        let tag: String =
            self.conn.query_row("SELECT language FROM profiles WHERE id = ?1", [&session.profile.as_bytes()[..]], |r| r.get(0))?;
        parse_language(&tag)
    }

    /// Shows the unlocked person's profile in `language` from now on.
    pub fn set_profile_language(&mut self, session: &Session, language: Language) -> Result<()> {
        self.conn.execute(
            "UPDATE profiles SET language = ?2 WHERE id = ?1",
            params![&session.profile.as_bytes()[..], language.tag()],
        )?;
        Ok(())
    }

    fn check_display_name(name: &str) -> Result<String> {
        let name = name.trim();
        validate::required_text(Field::Name, name, 60)?;
        if name.contains('\n') {
            return Err(Error::invalid(Field::Name, Problem::OneLine));
        }
        Ok(name.to_string())
    }

    /// Creates a profile and returns it unlocked, with its recovery code. The code is not stored
    /// anywhere: show it to the person once.
    pub fn create_profile(
        &mut self,
        display_name: &str,
        role: Role,
        passphrase: &Passphrase,
    ) -> Result<(Session, RecoveryCode)> {
        self.create_profile_with(display_name, role, passphrase, |_, _, _| Ok(()))
    }

    /// Creates a profile and runs `fill` in the same transaction, so a failure leaves no profile.
    pub(crate) fn create_profile_with(
        &mut self,
        display_name: &str,
        role: Role,
        passphrase: &Passphrase,
        fill: impl FnOnce(&Vault, &Transaction<'_>, &Session) -> Result<()>,
    ) -> Result<(Session, RecoveryCode)> {
        let name = Self::check_display_name(display_name)?;
        passphrase.check_strength()?;
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM profiles WHERE display_name = ?1)",
            [&name],
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::ProfileNameTaken(name));
        }
        let id = ProfileId::random(&*self.entropy);
        let key = VaultKey::generate(&*self.entropy);
        let code = RecoveryCode::generate(&*self.entropy);
        let pass_wrap =
            keywrap::wrap_with_passphrase(&key, passphrase, self.kdf, &id, &*self.entropy)?;
        let rec_wrap = keywrap::wrap_with_recovery_code(&key, &code, &id, &*self.entropy);
        let session = Session::new(id, name, role, key, self.entropy.clone());
        // A new profile speaks the language the start screen was showing when it was made.
        let language = self.display_settings()?.language;
        let tx = self.transaction()?;
        tx.execute(
            "INSERT INTO profiles (id, display_name, role, created_at, passphrase_wrap, recovery_wrap, language)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![&id.as_bytes()[..], session.display_name, role.as_str(), self.now().0, pass_wrap, rec_wrap, language.tag()],
        )?;
        let state = session.integrity.seal_state(&integrity::State::new(session.fields(language)));
        tx.execute("INSERT INTO integrity_state (profile_id, sealed) VALUES (?1, ?2)", params![&id.as_bytes()[..], state])?;
        fill(self, &tx, &session)?;
        tx.commit()?;
        Ok((session, code))
    }

    fn profile_row(&self, name: &str) -> Result<ProfileRow> {
        self.conn
            .query_row(
                "SELECT id, display_name, role, passphrase_wrap, recovery_wrap, failed_unlocks, unlock_not_before,
                        failed_recoveries, recovery_not_before
                 FROM profiles WHERE display_name = ?1",
                [name.trim()],
                |r| {
                    Ok(ProfileRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        role: r.get(2)?,
                        pass_wrap: r.get(3)?,
                        rec_wrap: r.get(4)?,
                        failures: r.get(5)?,
                        not_before: r.get(6)?,
                        recovery_failures: r.get(7)?,
                        recovery_not_before: r.get(8)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::ProfileNotFound(validate::clip(name)))
    }

    /// Runs `attempt` under the wrong-guess throttle for `guess`: refuses while a delay is
    /// running, counts failures (on disk, so a restart does not reset them) and clears them on
    /// success. Passphrase and recovery-code guesses are counted apart, so someone guessing
    /// passphrases never keeps the person from coming in with their recovery code; coming in with
    /// it clears both counts.
    fn throttled<T>(
        &mut self,
        row: &ProfileRow,
        guess: Guess,
        attempt: impl FnOnce(&ProfileId) -> Result<T>,
    ) -> Result<T> {
        let now = self.now().0;
        let (failures, not_before, columns) = match guess {
            Guess::Passphrase => (row.failures, row.not_before, ("failed_unlocks", "unlock_not_before")),
            Guess::RecoveryCode => (row.recovery_failures, row.recovery_not_before, ("failed_recoveries", "recovery_not_before")),
        };
        if now < not_before {
            return Err(Error::TooManyAttempts { retry_after_secs: not_before - now });
        }
        let id = ProfileId::from_slice(&row.id).ok_or(Error::DamagedKey)?;
        match attempt(&id) {
            Ok(v) => {
                let clear = match guess {
                    Guess::Passphrase if row.failures != 0 => "UPDATE profiles SET failed_unlocks = 0, unlock_not_before = 0 WHERE id = ?1",
                    Guess::RecoveryCode if row.failures != 0 || row.recovery_failures != 0 => {
                        "UPDATE profiles SET failed_unlocks = 0, unlock_not_before = 0, failed_recoveries = 0, recovery_not_before = 0 WHERE id = ?1"
                    }
                    _ => "",
                };
                if !clear.is_empty() {
                    self.conn.execute(clear, [&row.id])?;
                }
                Ok(v)
            }
            Err(e @ (Error::WrongPassphrase | Error::WrongRecoveryCode)) => {
                let failures = failures.saturating_add(1);
                self.conn.execute(
                    &format!("UPDATE profiles SET {} = ?2, {} = ?3 WHERE id = ?1", columns.0, columns.1),
                    params![&row.id, failures, now + unlock_delay(failures)],
                )?;
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    pub fn unlock(&mut self, display_name: &str, passphrase: &Passphrase) -> Result<Session> {
        let row = self.profile_row(display_name)?;
        let key =
            self.throttled(&row, Guess::Passphrase, |id| keywrap::unwrap_with_passphrase(&row.pass_wrap, passphrase, id))?;
        let legacy = row.is_legacy();
        let mut session = row.into_session(key, self.entropy.clone())?;
        if legacy {
            // Made before the integrity state: the state is made now over what is here, and the
            // passphrase wrap moves to the format that says a state must exist.
            let wrap = keywrap::wrap_with_passphrase(&session.key, passphrase, self.kdf, &session.profile, &*self.entropy)?;
            self.establish_integrity(&session, Some(&wrap), integrity::Floors::default())?;
        }
        session.findings = self.check_integrity(&session, Scope::Everything)?;
        Ok(session)
    }

    /// Makes a profile's integrity state over the rows it has now; with a new passphrase wrap
    /// (format 2) written in the same transaction.
    fn establish_integrity(&mut self, session: &Session, new_pass_wrap: Option<&[u8]>, floors: integrity::Floors) -> Result<()> {
        let language = self.profile_language(session)?;
        let tx = self.transaction()?;
        let id = &session.profile.as_bytes()[..];
        let state = integrity::state_from_rows(&tx, &session.integrity, &session.profile, session.fields(language), floors)?;
        tx.execute(
            "INSERT INTO integrity_state (profile_id, sealed) VALUES (?1, ?2) ON CONFLICT (profile_id) DO UPDATE SET sealed = excluded.sealed",
            params![id, session.integrity.seal_state(&state)],
        )?;
        if let Some(wrap) = new_pass_wrap {
            tx.execute("UPDATE profiles SET passphrase_wrap = ?2 WHERE id = ?1", params![id, wrap])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Checks the profile's rows (all, or those that decide sending) against its integrity state.
    fn check_integrity(&self, session: &Session, scope: Scope) -> Result<IntegrityFindings> {
        let id = &session.profile.as_bytes()[..];
        let sealed: Option<Vec<u8>> =
            self.conn.query_row("SELECT sealed FROM integrity_state WHERE profile_id = ?1", [id], |r| r.get(0)).optional()?;
        let Some(state) = sealed.and_then(|s| session.integrity.open_state(&s)) else {
            return Ok(IntegrityFindings { state_unreadable: true, consent_unproven: true, sharing_unproven: true, ..Default::default() });
        };
        let found = integrity::tally_rows(&self.conn, &session.integrity, &session.profile, scope)?;
        let (name, role, language): (String, String, String) = self.conn.query_row(
            "SELECT display_name, role, language FROM profiles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let mut findings = integrity::compare(&state, &found, &ProfileFields { name, role, language }, scope);
        findings.consent_unproven = !self.consent_ledger(session)?.1;
        findings.sharing_unproven = !self.sharing_ledger(session)?.1;
        Ok(findings)
    }

    /// The ledgers' floors (see [`integrity::State::consent_floor`]); 0 without a state.
    pub(crate) fn ledger_floors(&self, session: &Session) -> Result<integrity::Floors> {
        let sealed: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT sealed FROM integrity_state WHERE profile_id = ?1", [&session.profile.as_bytes()[..]], |r| r.get(0))
            .optional()?;
        Ok(sealed
            .and_then(|s| session.integrity.open_state(&s))
            .map_or_else(Default::default, |s| integrity::Floors { consent: s.consent_floor, share: s.share_floor }))
    }

    /// The whole-vault check again, now (the app's "check again").
    pub fn integrity_findings(&self, session: &Session) -> Result<IntegrityFindings> {
        self.check_integrity(session, Scope::Everything)
    }

    /// Refuses, with [`Error::VaultChanged`], to send anything while what decides sending cannot
    /// be proved: something found at unlock the person has not chosen about yet, or the consent
    /// and sharing ledgers, outbox, deletions, connection or roster not as the state says now.
    pub fn check_before_sending(&self, session: &Session) -> Result<()> {
        if !session.findings.sending_provable() || !self.check_integrity(session, Scope::Sending)?.sending_provable() {
            return Err(Error::VaultChanged);
        }
        Ok(())
    }

    /// The person's way forward after a check found changes: keep everything that still opens.
    /// If consent could not be proved, every yes they had is withdrawn (so the service is asked
    /// to delete what it holds, and they say yes again if they want to share); ledger entries
    /// that no longer open are removed, since nothing can read them; and the state is made anew
    /// over what is left. Nothing that opens is lost.
    pub fn keep_what_opens(&mut self, session: &mut Session) -> Result<()> {
        if session.findings.is_sound() && self.check_integrity(session, Scope::Everything)?.is_sound() {
            // Nothing was found: there is nothing to choose, and nothing changes.
            return Ok(());
        }
        let id = session.profile.as_bytes().to_vec();
        let unproven = !session.findings.sending_provable() || !self.check_integrity(session, Scope::Sending)?.sending_provable();
        // Without a state the triggers change nothing, so the withdrawals below go through.
        self.conn.execute("DELETE FROM integrity_state WHERE profile_id = ?1", [&id])?;
        let mut floors = integrity::Floors::default();
        if unproven {
            for kind in [RecordKind::ConsentEvent, RecordKind::ShareEntry] {
                for damaged in self.list(session, Some(kind))?.damaged {
                    self.conn.execute("DELETE FROM records WHERE profile_id = ?1 AND id = ?2", params![&id, &damaged.as_bytes()[..]])?;
                }
            }
            self.withdraw_everything(session)?;
            floors.consent = self.consent_ledger(session)?.0.last().map_or(0, |e| e.sequence);
            // What the sharing ledger shows now is what is known of it; numbers run on from here.
            floors.share = self.sharing_ledger(session)?.0.last().map_or(0, |e| e.sequence);
        }
        self.establish_integrity(session, None, floors)?;
        session.findings = IntegrityFindings::default();
        Ok(())
    }

    /// Changes the passphrase. Whoever knew the old one may have a copy of the folder, so the
    /// profile gets a new vault key and every row is sealed again under it (see
    /// [`Vault::rekey`]); the recovery code is then replaced too, since its wrap held the old
    /// key. The new code is returned, to be shown once.
    pub fn change_passphrase(
        &mut self,
        session: &mut Session,
        current: &Passphrase,
        new: &Passphrase,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<RecoveryCode> {
        new.check_strength()?;
        let row = self.profile_row(&session.display_name)?;
        self.throttled(&row, Guess::Passphrase, |id| keywrap::unwrap_with_passphrase(&row.pass_wrap, current, id))?;
        let code = RecoveryCode::generate(&*self.entropy);
        self.rekey(session, new, &code, progress)?;
        Ok(code)
    }

    /// Checks the unlocked person's passphrase again (counted against the same attempts as
    /// unlocking), before something an unlocked laptop left alone should not be enough for.
    pub fn confirm_passphrase(&mut self, session: &Session, passphrase: &Passphrase) -> Result<()> {
        let row = self.profile_row(&session.display_name)?;
        self.throttled(&row, Guess::Passphrase, |id| keywrap::unwrap_with_passphrase(&row.pass_wrap, passphrase, id))?;
        Ok(())
    }

    /// Replaces the recovery code, for someone who lost theirs or never kept it. The passphrase
    /// is asked for again, so an unlocked laptop left alone is not enough. Whoever found the old
    /// code may have a copy of the folder, so the profile is re-keyed ([`Vault::rekey`]): the old
    /// code opens nothing written after. The new one is returned, to be shown once.
    pub fn replace_recovery_code(
        &mut self,
        session: &mut Session,
        passphrase: &Passphrase,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<RecoveryCode> {
        let row = self.profile_row(&session.display_name)?;
        self.throttled(&row, Guess::Passphrase, |id| keywrap::unwrap_with_passphrase(&row.pass_wrap, passphrase, id))?;
        let code = RecoveryCode::generate(&*self.entropy);
        self.rekey(session, passphrase, &code, progress)?;
        Ok(code)
    }

    /// Opens a profile with its recovery code and sets a new passphrase. The profile is re-keyed
    /// ([`Vault::rekey`]), so the used code and the forgotten passphrase open nothing written
    /// after; a new code is returned, to be shown once.
    pub fn recover(
        &mut self,
        display_name: &str,
        code: &RecoveryCode,
        new: &Passphrase,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Session, RecoveryCode)> {
        new.check_strength()?;
        let row = self.profile_row(display_name)?;
        let key =
            self.throttled(&row, Guess::RecoveryCode, |id| keywrap::unwrap_with_recovery_code(&row.rec_wrap, code, id))?;
        let legacy = row.is_legacy();
        let mut session = row.into_session(key, self.entropy.clone())?;
        if legacy {
            self.establish_integrity(&session, None, integrity::Floors::default())?;
        }
        // What was found is said before the rows are sealed again (re-keying counts what is
        // there now as what should be).
        let findings = self.check_integrity(&session, Scope::Everything)?;
        let new_code = RecoveryCode::generate(&*self.entropy);
        self.rekey(&mut session, new, &new_code, progress)?;
        session.findings = findings;
        Ok((session, new_code))
    }

    /// Gives the profile a new vault key: in one transaction every sealed row is opened with the
    /// old key and sealed again with the new one, the integrity state is made again under it,
    /// and both wraps are replaced (the passphrase and recovery code given). Then the write-ahead
    /// log is emptied, so the old rows' bytes do not linger there. A crash before the commit
    /// leaves the old key and rows; after it, the new. A row that did not open under the old key
    /// cannot be sealed again and is left as it was (it opens under neither).
    ///
    /// What the integrity check found before is not cleared: re-keying never makes a changed
    /// vault look sound, so the state is made again only when it was sound, and otherwise left
    /// missing, which the next unlock reports.
    fn rekey(&mut self, session: &mut Session, passphrase: &Passphrase, code: &RecoveryCode, progress: &mut dyn FnMut(Progress)) -> Result<()> {
        let new_key = VaultKey::generate(&*self.entropy);
        let pass_wrap = keywrap::wrap_with_passphrase(&new_key, passphrase, self.kdf, &session.profile, &*self.entropy)?;
        let rec_wrap = keywrap::wrap_with_recovery_code(&new_key, code, &session.profile, &*self.entropy);
        let sound = self.check_integrity(session, Scope::Everything)?.is_sound();
        let floors = self.ledger_floors(session)?;
        let language = self.profile_language(session)?;
        let fresh = Session::new(session.profile, session.display_name.clone(), session.role, new_key, self.entropy.clone());
        let tx = self.transaction()?;
        let id = session.profile.as_bytes().to_vec();
        // Without a state the triggers change nothing while every row is rewritten.
        tx.execute("DELETE FROM integrity_state WHERE profile_id = ?1", [&id])?;
        let total: u64 = integrity::SEALED_TABLES
            .iter()
            .map(|t| tx.query_row(&format!("SELECT count(*) FROM {} WHERE profile_id = ?1", t.table), [&id], |r| r.get::<_, i64>(0)))
            .sum::<rusqlite::Result<i64>>()? as u64;
        let mut done = 0u64;
        progress(Progress { done, total });
        for table in integrity::SEALED_TABLES {
            integrity::reseal_table(&tx, table, &session.profile, &session.sealer, &fresh.sealer, &*self.entropy, &mut |n| {
                done += n;
                progress(Progress { done, total });
            })?;
        }
        if sound {
            let state = integrity::state_from_rows(&tx, &fresh.integrity, &session.profile, fresh.fields(language), floors)?;
            tx.execute("INSERT INTO integrity_state (profile_id, sealed) VALUES (?1, ?2)", params![&id, fresh.integrity.seal_state(&state)])?;
        }
        tx.execute(
            "UPDATE profiles SET passphrase_wrap = ?2, recovery_wrap = ?3 WHERE id = ?1",
            params![&id, pass_wrap, rec_wrap],
        )?;
        tx.commit()?;
        let findings = std::mem::take(&mut session.findings);
        *session = fresh;
        session.findings = findings;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Deletes a profile for good: its wrapped keys and every row are removed in one transaction,
    /// freed pages are overwritten (`secure_delete`) and the write-ahead log is emptied, so
    /// nothing that could open the profile's data is left in the folder.
    pub fn delete_profile(&mut self, session: Session) -> Result<()> {
        let tx = self.conn.transaction()?;
        let id = &session.profile.as_bytes()[..];
        // Gone first, so the rows below leave without each changing it.
        tx.execute("DELETE FROM integrity_state WHERE profile_id = ?1", [id])?;
        tx.execute("DELETE FROM outbox WHERE profile_id = ?1", [id])?;
        tx.execute("DELETE FROM records WHERE profile_id = ?1", [id])?;
        tx.execute("DELETE FROM profiles WHERE id = ?1", [id])?;
        tx.commit()?;
        drop(session);
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    // ----- sealed records -----

    pub(crate) fn seal_into(
        &self,
        tx: &Transaction<'_>,
        session: &Session,
        record: &StoredRecord,
    ) -> Result<Vec<u8>> {
        let kind = record.body.kind();
        let plain = zeroize::Zeroizing::new(
            serde_json::to_vec(&record.body.data_json()).expect("records serialise"),
        );
        let binding = RecordBinding {
            profile: &session.profile,
            record: &record.id,
            kind: kind.as_str(),
            version: record.version,
        };
        let sealed = session.sealer.seal(binding, &plain, &*self.entropy);
        tx.prepare_cached(
            "INSERT INTO records (profile_id, id, kind, version, sealed) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (profile_id, id) DO UPDATE SET version = excluded.version, sealed = excluded.sealed
             WHERE records.kind = excluded.kind",
        )?
        .execute(params![
                &session.profile.as_bytes()[..],
                &record.id.as_bytes()[..],
                kind.as_str(),
                record.version,
                &sealed
            ],
        )?;
        Ok(sealed)
    }

    fn open_row(
        session: &Session,
        id: &[u8],
        kind: &str,
        version: u32,
        sealed: &[u8],
    ) -> Result<StoredRecord> {
        let record_id = RecordId::from_slice(id).ok_or(Error::DamagedKey)?;
        let kind_enum = RecordKind::parse(kind).map_err(|_| Error::Integrity { record_id })?;
        let binding =
            RecordBinding { profile: &session.profile, record: &record_id, kind, version };
        let plain = session.sealer.open(binding, sealed)?;
        let body = RecordBody::from_json(kind_enum, &plain)
            .map_err(|_| Error::Integrity { record_id })?;
        Ok(StoredRecord { id: record_id, version, body })
    }

    /// Adds a new record (version 1) in its own transaction.
    pub fn insert(&mut self, session: &Session, body: RecordBody) -> Result<StoredRecord> {
        let tx = self.transaction()?;
        let rec = Self::insert_in(&tx, self, session, body)?;
        tx.commit()?;
        Ok(rec)
    }

    /// Adds many new records in one transaction (imports, benchmarks, bulk set-up).
    pub fn insert_many(&mut self, session: &Session, bodies: Vec<RecordBody>) -> Result<Vec<StoredRecord>> {
        let tx = self.transaction()?;
        let id = &session.profile.as_bytes()[..];
        // Many rows at once: the integrity state is taken out (so the triggers leave it alone),
        // each row's term added here, and the state written back once, in the same transaction.
        let sealed: Option<Vec<u8>> =
            tx.query_row("SELECT sealed FROM integrity_state WHERE profile_id = ?1", [id], |r| r.get(0)).optional()?;
        let mut state = sealed.as_deref().and_then(|s| session.integrity.open_state(s));
        if state.is_some() {
            tx.execute("DELETE FROM integrity_state WHERE profile_id = ?1", [id])?;
        }
        let mut out = Vec::with_capacity(bodies.len());
        for body in bodies {
            body.validate()?;
            let rec = StoredRecord { id: RecordId::random(self.entropy()), version: 1, body };
            let sealed = self.seal_into(&tx, session, &rec)?;
            if let Some(state) = &mut state {
                let (part, term) = session.integrity.record_term(rec.body.kind().as_str(), &rec.id, rec.version, &sealed);
                state.change(&part, &term, 1);
            }
            out.push(rec);
        }
        if let Some(state) = &state {
            tx.execute("INSERT INTO integrity_state (profile_id, sealed) VALUES (?1, ?2)", params![id, session.integrity.seal_state(state)])?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// Adds a new record inside a caller's transaction, so it commits with the rest of an action.
    pub(crate) fn insert_in(
        tx: &Transaction<'_>,
        vault: &Vault,
        session: &Session,
        body: RecordBody,
    ) -> Result<StoredRecord> {
        body.validate()?;
        let rec = StoredRecord { id: RecordId::random(vault.entropy()), version: 1, body };
        vault.seal_into(tx, session, &rec)?;
        Ok(rec)
    }

    /// Replaces a record's contents, giving it the next version. The kind cannot change, and
    /// consent and sharing ledger entries cannot be changed at all.
    pub fn update(&mut self, session: &Session, id: RecordId, body: RecordBody) -> Result<StoredRecord> {
        let tx = self.transaction()?;
        let rec = self.update_in(&tx, session, id, body)?;
        tx.commit()?;
        Ok(rec)
    }

    pub(crate) fn update_in(
        &self,
        tx: &Transaction<'_>,
        session: &Session,
        id: RecordId,
        body: RecordBody,
    ) -> Result<StoredRecord> {
        body.validate()?;
        let current = Self::get_in(tx, session, id)?;
        if current.body.kind() != body.kind() {
            return Err(Error::invalid(Field::Kind, Problem::NotA { expected: current.body.kind().as_str() }));
        }
        if body.kind().is_ledger() {
            return Err(Error::invalid(Field::Record, Problem::Unchangeable));
        }
        let rec = StoredRecord { id, version: current.version + 1, body };
        self.seal_into(tx, session, &rec)?;
        Ok(rec)
    }

    pub fn get(&self, session: &Session, id: RecordId) -> Result<StoredRecord> {
        Self::get_in(&self.conn, session, id)
    }

    pub(crate) fn get_in(conn: &Connection, session: &Session, id: RecordId) -> Result<StoredRecord> {
        // Cached: sending and receiving call this once per item, and parsing the SQL each time
        // was a tenth of a 10,000-item sync.
        let row: Option<(String, u32, Vec<u8>)> = conn
            .prepare_cached("SELECT kind, version, sealed FROM records WHERE profile_id = ?1 AND id = ?2")?
            .query_row(params![&session.profile.as_bytes()[..], &id.as_bytes()[..]], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let (kind, version, sealed) =
            row.ok_or_else(|| Error::NotFound { thing: crate::error::Thing::Record, given: id.to_string() })?;
        Self::open_row(session, id.as_bytes(), &kind, version, &sealed)
    }

    /// Every record of this profile (of one kind, if given). Records that fail their integrity
    /// check are listed in `damaged` and do not stop the others from being read.
    pub fn list(&self, session: &Session, kind: Option<RecordKind>) -> Result<RecordList> {
        // One kind is read through its index, named: left to itself SQLite's planner walks the
        // whole profile by primary key (it has no statistics to tell it better), which made every
        // consent check read every record. (The second statement binds the absent kind too, so
        // both take the same parameters.)
        let mut stmt = match kind {
            Some(_) => self.conn.prepare_cached(
                "SELECT id, kind, version, sealed FROM records INDEXED BY records_by_kind WHERE profile_id = ?1 AND kind = ?2",
            )?,
            None => self.conn.prepare_cached("SELECT id, kind, version, sealed FROM records WHERE profile_id = ?1 AND ?2 IS NULL")?,
        };
        let mut rows =
            stmt.query(params![&session.profile.as_bytes()[..], kind.map(|k| k.as_str())])?;
        let mut out = RecordList::default();
        while let Some(r) = rows.next()? {
            let id: Vec<u8> = r.get(0)?;
            let kind: String = r.get(1)?;
            let version: u32 = r.get(2)?;
            let sealed: Vec<u8> = r.get(3)?;
            match Self::open_row(session, &id, &kind, version, &sealed) {
                Ok(rec) => out.records.push(rec),
                Err(Error::Integrity { record_id }) => out.damaged.push(record_id),
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// Runs `work`, a run of small writes that can all be redone from their source (a page of
    /// the service's mailbox, say), without waiting for the disk after each one; the next write
    /// outside waits for all of them together. In WAL mode a crash can only lose a tail of
    /// these writes, never corrupt the vault or keep a later write without the earlier ones, so
    /// a caller that records its progress (the mailbox cursor) after `work` redoes exactly what
    /// was lost.
    pub fn with_deferred_sync<T>(&mut self, work: impl FnOnce(&mut Vault) -> Result<T>) -> Result<T> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let out = work(self);
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        out
    }

    /// Starts the transaction for one user action. IMMEDIATE takes the write lock before the
    /// action reads anything, so what it read cannot change under it before it writes (another
    /// process, such as the command-line tool, may share the vault).
    pub(crate) fn transaction(&self) -> Result<Transaction<'_>> {
        Ok(Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?)
    }

    pub(crate) fn seal_outbox_item(&self, session: &Session, item_id: &RecordId, plain: &[u8]) -> Vec<u8> {
        let binding =
            RecordBinding { profile: &session.profile, record: item_id, kind: "outbox_item", version: 1 };
        session.sealer.seal(binding, plain, &*self.entropy)
    }

    pub(crate) fn open_outbox_item(
        &self,
        session: &Session,
        item_id: &RecordId,
        sealed: &[u8],
    ) -> Result<zeroize::Zeroizing<Vec<u8>>> {
        let binding =
            RecordBinding { profile: &session.profile, record: item_id, kind: "outbox_item", version: 1 };
        session.sealer.open(binding, sealed)
    }
}

struct ProfileRow {
    id: Vec<u8>,
    name: String,
    role: String,
    pass_wrap: Vec<u8>,
    rec_wrap: Vec<u8>,
    failures: u32,
    not_before: i64,
    recovery_failures: u32,
    recovery_not_before: i64,
}

/// Which secret a guess is of: each has its own count of wrong guesses and its own wait.
#[derive(Clone, Copy)]
enum Guess {
    Passphrase,
    RecoveryCode,
}

impl ProfileRow {
    fn into_session(self, key: VaultKey, entropy: Arc<dyn Entropy>) -> Result<Session> {
        let profile = ProfileId::from_slice(&self.id).ok_or(Error::DamagedKey)?;
        Ok(Session::new(profile, self.name, Role::parse(&self.role)?, key, entropy))
    }

    /// Made before the integrity state existed: both wraps in the old format, so no state is
    /// expected yet. (One wrap in format 2 means a state was made: its absence is tampering.)
    fn is_legacy(&self) -> bool {
        [&self.pass_wrap, &self.rec_wrap].iter().all(|w| keywrap::wrap_format(w) == Some(keywrap::LEGACY_WRAP_FORMAT))
    }
}
