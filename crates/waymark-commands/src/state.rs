//! What a running front end holds: the open vault, the one unlocked session, where saved
//! documents go, and the sharing status line. Every command runs over one [`AppState`]; the
//! desktop shell keeps one for the life of the window, the command-line tool one per run.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use waymark_core::{Clock, Entropy, Role, Session, Timestamp, Vault, VaultOptions};

use crate::error::{CommandError, CommandResult};
use crate::sharing::SharingStatus;
use crate::worker::WorkerStatus;

/// Which app a front end is: a person's (young people and carers) or the worker app. Each has its
/// own list of commands, and makes and opens only its own kind of profile, so a person's app
/// never holds a worker's keys or caseload, and the worker app never a person's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edition {
    Person,
    Worker,
}

impl Edition {
    /// The roles of the profiles this app makes and opens.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Edition::Person => &[Role::YoungPerson, Role::Carer],
            Edition::Worker => &[Role::Worker],
        }
    }

    /// The commands its window may call.
    pub fn commands(self) -> &'static [crate::Declared] {
        match self {
            Edition::Person => crate::declared::for_person::COMMANDS,
            Edition::Worker => crate::declared::for_worker::COMMANDS,
        }
    }
}

/// What a front end does that only it can: the desktop hides its window on quick exit.
pub trait Frontend: Send + Sync {
    /// Hides the app at once (quick exit). Opening Waymark again brings it back, locked.
    fn hide(&self) -> CommandResult<()>;
}

/// A front end with no window (the command-line tool, tests).
pub struct Headless;

impl Frontend for Headless {
    fn hide(&self) -> CommandResult<()> {
        Ok(())
    }
}

pub struct AppState {
    pub(crate) vault: Mutex<Vault>,
    pub(crate) session: Mutex<Option<Session>>,
    /// Where documents the person asks for are saved (their Downloads folder by default).
    pub(crate) documents: PathBuf,
    pub(crate) sharing: Mutex<SharingStatus>,
    pub(crate) worker: Mutex<WorkerStatus>,
    /// Held while the worker app takes its feed, so two passes never run at once.
    pub(crate) worker_pass: tokio::sync::Mutex<()>,
    pub(crate) edition: Edition,
    /// Held while the outbox is being sent, so two passes never send the same item at once.
    pub(crate) sending: tokio::sync::Mutex<()>,
    pub(crate) frontend: Box<dyn Frontend>,
    /// How far re-keying has got while it runs (read by `work_progress`, which takes no other
    /// lock, so the window can show it while the vault is busy).
    pub(crate) progress: Mutex<Option<waymark_core::vault::Progress>>,
    clock: Arc<dyn Clock>,
    entropy: Arc<dyn Entropy>,
}

impl AppState {
    /// Everything reads time and randomness from the vault's own clock and entropy, so a test
    /// that fixes them fixes the whole application.
    pub fn new(vault: Vault, documents: PathBuf, frontend: Box<dyn Frontend>) -> Self {
        let (clock, entropy) = (vault.clock(), vault.entropy_source());
        AppState {
            vault: Mutex::new(vault),
            session: Mutex::new(None),
            documents,
            sharing: Mutex::new(SharingStatus::default()),
            worker: Mutex::new(WorkerStatus::default()),
            worker_pass: tokio::sync::Mutex::new(()),
            edition: Edition::Person,
            sending: tokio::sync::Mutex::new(()),
            frontend,
            progress: Mutex::new(None),
            clock,
            entropy,
        }
    }

    /// What a window does as it starts: opens (or makes) the vault in `dir`, and checks the
    /// installed library (installing the built-in one on the first run, so guidance works
    /// offline from the start; see `Vault::check_library`).
    pub fn open_for_window(dir: &Path, options: VaultOptions, documents: PathBuf, frontend: Box<dyn Frontend>) -> CommandResult<Self> {
        let mut vault = Vault::open(dir, options)?;
        vault.check_library()?;
        Ok(AppState::new(vault, documents, frontend))
    }

    /// The same application as the worker app (its profiles and commands).
    pub fn for_edition(mut self, edition: Edition) -> Self {
        self.edition = edition;
        self
    }

    pub fn edition(&self) -> Edition {
        self.edition
    }

    pub(crate) fn now(&self) -> Timestamp {
        self.clock.now()
    }

    pub(crate) fn entropy(&self) -> &dyn Entropy {
        &*self.entropy
    }

    pub fn is_unlocked(&self) -> CommandResult<bool> {
        Ok(self.session.lock().map_err(CommandError::poisoned)?.is_some())
    }

    /// Runs `f` with the vault alone (what may be read while locked).
    pub(crate) fn with_vault<T>(&self, f: impl FnOnce(&mut Vault) -> CommandResult<T>) -> CommandResult<T> {
        f(&mut *self.vault.lock().map_err(CommandError::poisoned)?)
    }

    /// Runs `f` with the vault and the unlocked session, or says Waymark is locked.
    pub(crate) fn in_session<T>(&self, f: impl FnOnce(&mut Vault, &Session) -> CommandResult<T>) -> CommandResult<T> {
        let session = self.session.lock().map_err(CommandError::poisoned)?;
        let session = session.as_ref().ok_or_else(CommandError::locked)?;
        let mut vault = self.vault.lock().map_err(CommandError::poisoned)?;
        f(&mut vault, session)
    }

    /// [`AppState::in_session`] for work that changes the session itself (re-keying).
    pub(crate) fn in_session_mut<T>(&self, f: impl FnOnce(&mut Vault, &mut Session) -> CommandResult<T>) -> CommandResult<T> {
        let mut session = self.session.lock().map_err(CommandError::poisoned)?;
        let session = session.as_mut().ok_or_else(CommandError::locked)?;
        let mut vault = self.vault.lock().map_err(CommandError::poisoned)?;
        f(&mut vault, session)
    }

    /// Runs `work`, keeping how far it has got where `work_progress` reads it, and clearing it
    /// after.
    pub(crate) fn with_progress<T>(&self, work: impl FnOnce(&mut dyn FnMut(waymark_core::vault::Progress)) -> T) -> T {
        let mut report = |p: waymark_core::vault::Progress| {
            if let Ok(mut slot) = self.progress.lock() {
                *slot = Some(p);
            }
        };
        let out = work(&mut report);
        if let Ok(mut slot) = self.progress.lock() {
            *slot = None;
        }
        out
    }

    /// [`AppState::in_session`] for work that only the core can refuse.
    pub(crate) fn with_session<T>(&self, f: impl FnOnce(&mut Vault, &Session) -> waymark_core::Result<T>) -> CommandResult<T> {
        self.in_session(|v, s| Ok(f(v, s)?))
    }

    /// Locks: drops the unlocked session, if any, which zeroes its vault key.
    pub(crate) fn close(&self) -> CommandResult<()> {
        self.session.lock().map_err(CommandError::poisoned)?.take();
        // What the worker app remembers between calls (alerts, how the last refresh went) is the
        // locked worker's: the next to unlock starts without it.
        *self.worker.lock().map_err(CommandError::poisoned)? = WorkerStatus::default();
        Ok(())
    }

    /// Makes `session` the unlocked one (the one before, if any, is dropped and zeroed).
    pub(crate) fn open(&self, session: Session) -> CommandResult<()> {
        *self.session.lock().map_err(CommandError::poisoned)? = Some(session);
        Ok(())
    }
}
