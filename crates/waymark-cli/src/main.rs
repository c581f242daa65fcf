//! `waymark`: the command-line tool, for administrators, scripts and benchmarks. It is a thin
//! adapter over the application layer (`waymark-commands`), as the desktop shell is: it parses
//! arguments, reads secrets, calls the same commands the app calls and prints their answers in
//! English. It has no rule of its own, so it refuses what the app refuses.
//!
//! Secrets are never taken as arguments (they would show in the process list and shell history):
//! passphrases and recovery codes come from environment variables or standard input.

mod export;
mod library;
mod plans;
mod records;
mod session;
mod sharing;
mod statements;

use std::future::Future;
use std::io::{BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use waymark_commands::{AppState, CommandError, CommandResult, Headless};
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{Vault, VaultOptions};

#[derive(Parser)]
#[command(name = "waymark", version, about = "Waymark's encrypted vault from the command line.", long_about = None)]
struct Cli {
    /// The data folder (default: $XDG_DATA_HOME/waymark, or ~/.local/share/waymark).
    #[arg(long, global = true, env = "WAYMARK_DATA_DIR")]
    data_dir: Option<PathBuf>,

    /// The profile to use (not needed when there is only one).
    #[arg(long, short = 'p', global = true, env = "WAYMARK_PROFILE")]
    profile: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create, list, unlock, recover and delete profiles.
    #[command(subcommand)]
    Profile(session::ProfileCommand),
    /// Add a record of any kind from JSON (see docs/EXPORT.md for each kind's fields).
    Add {
        /// statement, plan, pathway_note, resource_mark, safer_caring_policy or learning_entry
        kind: String,
        /// The record's JSON, or @FILE to read it from a file.
        #[arg(long)]
        data: String,
    },
    /// List records (all, or one kind).
    List {
        #[arg(long)]
        kind: Option<String>,
    },
    /// Show one record as JSON.
    Show { id: String },
    /// Statements: start, answer, write, change status, see the questions.
    #[command(subcommand)]
    Statement(statements::StatementCommand),
    /// Plans: add a version, see what changed.
    #[command(subcommand)]
    Plan(plans::PlanCommand),
    /// The resource library: install a bundle, search, read, bookmark.
    #[command(subcommand)]
    Library(library::LibraryCommand),
    /// Say yes or no to sharing a kind of record with a recipient.
    #[command(subcommand)]
    Consent(sharing::ConsentCommand),
    /// Queue a record to be sent (needs consent), and send it if the recipient is the connected
    /// service.
    Share {
        id: String,
        /// Who to share it with (default: the connected service).
        #[arg(long = "to")]
        recipient: Option<String>,
    },
    /// What is waiting to be sent.
    Outbox,
    /// Connect this profile to a service with the invite code it gave you. Without --yes, only
    /// shows who the service is and what it would get.
    Connect {
        code: String,
        /// Connect, having checked the service's name and fingerprint.
        #[arg(long)]
        yes: bool,
    },
    /// The sync pass the app runs: ask the service to delete what consent was withdrawn for,
    /// send the outbox (sealed for the service alone), read what the service sent (new plan
    /// versions and receipts), and install a newer signed library.
    Sync,
    /// Download all my information: JSON, and optionally a readable HTML page.
    Export {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        html: Option<PathBuf>,
    },
    /// Restore an export into a new profile (asks for the new profile's passphrase).
    Import {
        file: PathBuf,
        /// Name for the new profile (default: the name in the file).
        #[arg(long)]
        name: Option<String>,
    },
}

/// Reads secrets from environment variables, or else from standard input one line at a time
/// (with a hidden prompt when standard input is a terminal).
pub struct Secrets {
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Secrets {
    pub fn new() -> Self {
        Secrets { lines: None }
    }

    pub fn read(&mut self, env: &str, prompt: &str) -> Result<zeroize::Zeroizing<String>, String> {
        // An empty variable counts as unset, so `VAR= waymark ...` falls back to standard input.
        if let Ok(v) = std::env::var(env) {
            if !v.is_empty() {
                return Ok(zeroize::Zeroizing::new(v));
            }
        }
        if std::io::stdin().is_terminal() {
            return rpassword::prompt_password(format!("{prompt}: "))
                .map(zeroize::Zeroizing::new)
                .map_err(|e| format!("could not read {prompt}: {e}"));
        }
        let lines = self.lines.get_or_insert_with(|| std::io::stdin().lock().lines());
        match lines.next() {
            Some(Ok(line)) => Ok(zeroize::Zeroizing::new(line.trim_end_matches('\r').to_string())),
            _ => Err(format!("no {prompt} given: set {env} or pass it on standard input")),
        }
    }

    pub fn passphrase(&mut self, env: &str, prompt: &str) -> Result<Passphrase, String> {
        Ok(Passphrase::new(self.read(env, prompt)?.to_string()))
    }
}
pub enum Failure {
    /// Refused by the application layer or the core: its message and code, exit status 1.
    Command(CommandError),
    /// The command line itself was wrong: exit status 2.
    Usage(String),
}

impl From<CommandError> for Failure {
    fn from(e: CommandError) -> Self {
        Failure::Command(e)
    }
}

impl From<waymark_core::Error> for Failure {
    fn from(e: waymark_core::Error) -> Self {
        Failure::Command(e.into())
    }
}

impl From<String> for Failure {
    fn from(e: String) -> Self {
        Failure::Usage(e)
    }
}

pub type Outcome = Result<(), Failure>;

fn default_data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("waymark");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    home.join(".local/share/waymark")
}

fn vault_options() -> Result<VaultOptions, String> {
    let mut o = VaultOptions::system();
    // Scripts and tests may choose the OWASP floor to save time; nothing weaker exists.
    match std::env::var("WAYMARK_KDF").as_deref() {
        Ok("floor") => o.kdf = KdfParams::FLOOR,
        Ok("default") | Err(_) => {}
        Ok(other) => return Err(format!("WAYMARK_KDF must be 'floor' or 'default', not '{other}'")),
    }
    Ok(o)
}

/// One run of the tool: the application over the vault, and how to reach the person's secrets.
pub struct Context {
    pub app: AppState,
    runtime: tokio::runtime::Runtime,
    profile: Option<String>,
    pub secrets: Secrets,
}

impl Context {
    /// Runs one of the application layer's commands to its end.
    pub fn call<T>(&self, command: impl Future<Output = CommandResult<T>>) -> Result<T, Failure> {
        Ok(self.runtime.block_on(command)?)
    }

    pub fn profile_name(&self) -> Result<String, Failure> {
        if let Some(p) = &self.profile {
            return Ok(p.clone());
        }
        let all = self.call(waymark_commands::session::list_profiles(&self.app, Default::default()))?;
        match all.as_slice() {
            [only] => Ok(only.name.clone()),
            [] => Err(Failure::Usage("there are no profiles yet: create one with `waymark profile create`".into())),
            _ => Err(Failure::Usage("there are several profiles: choose one with --profile NAME".into())),
        }
    }

    /// Opens the chosen profile with the passphrase from WAYMARK_PASSPHRASE or standard input.
    pub fn unlock(&mut self) -> Result<waymark_commands::views::SessionView, Failure> {
        let name = self.profile_name()?;
        let passphrase = waymark_core::secret::SecretText::from(self.secrets.read("WAYMARK_PASSPHRASE", "Passphrase")?);
        let s = self.call(waymark_commands::session::unlock(&self.app, waymark_commands::session::UnlockRequest { name, passphrase }))?;
        say_what_was_found(&s.vault_check);
        Ok(s)
    }
}

/// Tells the person, on standard error, what the whole-vault check found at unlock, if anything,
/// in the words the apps use.
fn say_what_was_found(check: &waymark_commands::views::VaultCheckView) {
    if check.sound {
        return;
    }
    eprintln!("Waymark found that something kept in its folder was changed while it was closed:");
    for f in &check.found {
        let words = waymark_i18n::text(waymark_core::Language::EnGb, &f.what.message_id());
        match (f.rows_expected, f.rows_found) {
            (Some(expected), Some(found)) => eprintln!("  - {words}: {expected} expected, {found} found (or changed)"),
            _ => eprintln!("  - {words}"),
        }
    }
    if check.nothing_sent {
        eprintln!("Everything that still opens is here. Nothing will be sent until you choose: keep what opens");
    } else {
        eprintln!("Everything that still opens is here. To check it from now on, keep what opens");
    }
    eprintln!("(`waymark profile keep-what-opens`), download it (`waymark export`), or start again (`waymark profile delete`).");
}

/// A file's bytes (a locked copy is not text), bounded like [`read_file`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let f = std::fs::File::open(path).map_err(|e| Failure::Usage(format!("cannot open {}: {e}", path.display())))?;
    let mut bytes = Vec::new();
    f.take(waymark_core::export::MAX_IMPORT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    Ok(bytes)
}

pub fn read_file(path: &Path) -> Result<String, Failure> {
    let mut f = std::fs::File::open(path).map_err(|e| Failure::Usage(format!("cannot open {}: {e}", path.display())))?;
    let mut s = String::new();
    // Bound what we read: nothing Waymark accepts is larger.
    f.by_ref()
        .take(waymark_core::export::MAX_IMPORT_BYTES as u64 + 1)
        .read_to_string(&mut s)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    Ok(s)
}

fn run(cli: Cli) -> Outcome {
    // Building a bundle touches no vault.
    if let Command::Library(library::LibraryCommand::Build { dir, out, bundle_version }) = &cli.command {
        return library::build(dir, out, *bundle_version);
    }
    let dir = cli.data_dir.clone().unwrap_or_else(default_data_dir);
    let vault = Vault::open(&dir, vault_options()?)?;
    // Nothing the tool runs saves a document on its own (`export` writes where it is told), so
    // the working folder only stands in for the app's Downloads folder.
    let app = AppState::new(vault, std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")), Box::new(Headless));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime starts");
    let mut cx = Context { app, runtime, profile: cli.profile, secrets: Secrets::new() };
    match cli.command {
        Command::Profile(cmd) => session::run(&mut cx, cmd),
        Command::Add { kind, data } => records::add(&mut cx, &kind, &data),
        Command::List { kind } => records::list(&mut cx, kind.as_deref()),
        Command::Show { id } => records::show(&mut cx, &id),
        Command::Statement(cmd) => statements::run(&mut cx, cmd),
        Command::Plan(cmd) => plans::run(&mut cx, cmd),
        Command::Library(cmd) => library::run(&mut cx, cmd),
        Command::Consent(cmd) => sharing::consent(&mut cx, cmd),
        Command::Share { id, recipient } => sharing::share(&mut cx, id, recipient),
        Command::Outbox => sharing::outbox(&mut cx),
        Command::Connect { code, yes } => sharing::connect(&mut cx, code, yes),
        Command::Sync => sharing::sync(&mut cx),
        Command::Export { out, html } => export::export(&mut cx, &out, html.as_deref()),
        Command::Import { file, name } => export::import(&mut cx, &file, name.as_deref()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Command(e)) => {
            // The values too (a service's own reason for refusing, say): administrators and
            // scripts read them.
            let values: Vec<String> = e.values.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={v}")).collect();
            if values.is_empty() {
                eprintln!("waymark: {e}");
            } else {
                eprintln!("waymark: {e} ({})", values.join(", "));
            }
            ExitCode::from(1)
        }
        Err(Failure::Usage(m)) => {
            eprintln!("waymark: {m}");
            ExitCode::from(2)
        }
    }
}
