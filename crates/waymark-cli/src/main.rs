//! `waymark`: the command-line tool over Waymark's core, for administrators, scripts and
//! benchmarks. It does nothing the core does not: it parses arguments, reads secrets, calls the
//! core and prints the result.
//!
//! Secrets are never taken as arguments (they would show in the process list and shell history):
//! passphrases and recovery codes come from environment variables or standard input.

use std::io::{BufRead, IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use waymark_core::domain::library::LibraryBundle;
use waymark_core::domain::statement::{Answer, QuestionSet};
use waymark_core::domain::{Plan, RecordBody, RecordKind, ShareableKind, StatementKind, StatementStatus};
use waymark_core::kdf::KdfParams;
use waymark_core::secret::{Passphrase, RecoveryCode};
use waymark_core::{Error, RecordId, Role, Session, Vault, VaultOptions};

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
    Profile(ProfileCommand),
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
    Statement(StatementCommand),
    /// Plans: add a version, see what changed.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// The resource library: install a bundle, search, read, bookmark.
    #[command(subcommand)]
    Library(LibraryCommand),
    /// Say yes or no to sharing a kind of record with a recipient.
    #[command(subcommand)]
    Consent(ConsentCommand),
    /// Queue a record to be sent (needs consent).
    Share {
        id: String,
        #[arg(long = "to")]
        recipient: String,
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
    /// Send what is waiting in the outbox to the connected service (sealed for it alone), then
    /// read what the service sent: new plan versions and receipts.
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

#[derive(Subcommand)]
enum ProfileCommand {
    /// Create a profile. Reads the passphrase from WAYMARK_PASSPHRASE or standard input, and
    /// prints the recovery code once.
    Create {
        #[arg(long)]
        name: String,
        /// young_person or carer
        #[arg(long)]
        role: String,
    },
    /// List profiles (names and roles only; works while locked).
    List,
    /// Check a passphrase opens a profile.
    Unlock,
    /// Change the passphrase: current one from WAYMARK_PASSPHRASE (or the first line of standard
    /// input), new one from WAYMARK_NEW_PASSPHRASE (or the next line).
    Passphrase,
    /// Use the recovery code (WAYMARK_RECOVERY_CODE or first line) to set a new passphrase
    /// (WAYMARK_NEW_PASSPHRASE or next line). Prints a new recovery code.
    Recover,
    /// Delete a profile and everything in it, for good.
    Delete {
        /// Confirms you mean it.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum StatementCommand {
    /// Start a statement: review_preparation, worried, good_news, change_something, service_feedback or not_safe.
    New {
        #[arg(long)]
        kind: String,
        #[arg(long)]
        words: Option<String>,
    },
    /// Answer one review question.
    Answer {
        id: String,
        #[arg(long)]
        question: String,
        #[arg(long)]
        face: Option<u8>,
        #[arg(long)]
        choice: Option<String>,
        #[arg(long)]
        words: Option<String>,
    },
    /// Write (or rewrite) what a between-review statement says.
    Words { id: String, words: String },
    /// Change status: draft, ready, shared, received, read.
    Status { id: String, status: String },
    /// Print the current review questions.
    Questions,
}

#[derive(Subcommand)]
enum PlanCommand {
    /// Add a plan version from a JSON file.
    Add { file: PathBuf },
    /// What changed between two versions.
    Diff { plan_id: String, from: u32, to: u32 },
}

#[derive(Subcommand)]
enum LibraryCommand {
    /// Install a library bundle (JSON) if it is newer than the installed one.
    Install { file: PathBuf },
    /// Install the library shipped with Waymark (the app does this on first run).
    InstallBuiltin,
    /// Build a bundle from a folder of Markdown items (see content/README.md). Needs no vault.
    Build {
        dir: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        bundle_version: u32,
    },
    /// Full-text search.
    Search { query: String },
    /// Print one resource.
    Show { id: String },
    /// Bookmark a resource, or mark it read.
    Mark {
        id: String,
        #[arg(long)]
        bookmark: bool,
        #[arg(long)]
        unbookmark: bool,
        #[arg(long)]
        read: bool,
    },
}

#[derive(Subcommand)]
enum ConsentCommand {
    Grant(ConsentArgs),
    Withdraw(ConsentArgs),
    /// What this profile has said yes to.
    List,
}

#[derive(Args)]
struct ConsentArgs {
    /// statement, pathway_note, safer_caring_policy or learning_entry
    kind: String,
    #[arg(long = "to")]
    recipient: String,
}

/// Reads secrets from environment variables, or else from standard input one line at a time
/// (with a hidden prompt when standard input is a terminal).
struct Secrets {
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Secrets {
    fn new() -> Self {
        Secrets { lines: None }
    }

    fn read(&mut self, env: &str, prompt: &str) -> Result<zeroize::Zeroizing<String>, String> {
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

    fn passphrase(&mut self, env: &str, prompt: &str) -> Result<Passphrase, String> {
        Ok(Passphrase::new(self.read(env, prompt)?.to_string()))
    }
}

enum Failure {
    Core(Error),
    Usage(String),
    /// The service said no, or could not be reached: message and code.
    Sharing(String, String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<String> for Failure {
    fn from(e: String) -> Self {
        Failure::Usage(e)
    }
}

type Outcome = Result<(), Failure>;

fn client_failure(e: waymark_client::ClientError) -> Failure {
    match e {
        waymark_client::ClientError::Vault(e) => Failure::Core(e),
        other => Failure::Sharing(other.to_string(), other.code().to_string()),
    }
}

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

struct Context {
    vault: Vault,
    profile: Option<String>,
    secrets: Secrets,
}

impl Context {
    fn profile_name(&self) -> Result<String, Failure> {
        if let Some(p) = &self.profile {
            return Ok(p.clone());
        }
        let all = self.vault.list_profiles()?;
        match all.as_slice() {
            [only] => Ok(only.display_name.clone()),
            [] => Err(Failure::Usage("there are no profiles yet: create one with `waymark profile create`".into())),
            _ => Err(Failure::Usage("there are several profiles: choose one with --profile NAME".into())),
        }
    }

    fn unlock(&mut self) -> Result<Session, Failure> {
        let name = self.profile_name()?;
        let p = self.secrets.passphrase("WAYMARK_PASSPHRASE", "Passphrase")?;
        Ok(self.vault.unlock(&name, &p)?)
    }
}

fn read_json_arg(data: &str) -> Result<serde_json::Value, Failure> {
    let text = match data.strip_prefix('@') {
        Some(path) => read_file(&PathBuf::from(path))?,
        None => data.to_string(),
    };
    serde_json::from_str(&text).map_err(|e| Failure::Usage(format!("the record is not valid JSON: {e}")))
}

fn read_file(path: &PathBuf) -> Result<String, Failure> {
    let mut f = std::fs::File::open(path).map_err(|e| Failure::Usage(format!("cannot open {}: {e}", path.display())))?;
    let mut s = String::new();
    // Bound what we read: nothing Waymark accepts is larger.
    f.by_ref()
        .take(waymark_core::export::MAX_IMPORT_BYTES as u64 + 1)
        .read_to_string(&mut s)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    Ok(s)
}

fn print_json<T: serde::Serialize>(value: &T) {
    println!("{}", serde_json::to_string_pretty(value).expect("serialisable"));
}

fn summary(body: &RecordBody) -> String {
    let clip = |t: &str| {
        let one: String = t.lines().next().unwrap_or("").chars().take(60).collect();
        one
    };
    match body {
        RecordBody::Statement(s) => format!(
            "{:?} ({}), {} answers{}",
            s.kind,
            s.status().as_str(),
            s.answers.len(),
            s.words.as_deref().map(|w| format!(": {}", clip(w))).unwrap_or_default()
        ),
        RecordBody::Plan(p) => format!("{} v{} ({} goals)", p.title, p.version, p.goals.len()),
        RecordBody::PathwayNote(n) => format!("{}{}", clip(&n.text), if n.shared { " [shared]" } else { " [private]" }),
        RecordBody::ResourceMark(m) => format!(
            "{}{}{}",
            m.resource_id,
            if m.bookmarked { " [bookmarked]" } else { "" },
            if m.read_at.is_some() { " [read]" } else { "" }
        ),
        RecordBody::SaferCaringPolicy(p) => format!("{} ({} sections)", p.household, p.sections.len()),
        RecordBody::LearningEntry(e) => format!("{} {} ({} min)", e.date, e.title, e.minutes),
        RecordBody::ConsentEvent(e) => format!("{:?} {} -> {}", e.action, e.record_kind.as_str(), e.recipient),
        RecordBody::ShareEntry(e) => format!("{} -> {}", e.record_id, e.recipient),
    }
}

fn run(cli: Cli) -> Outcome {
    // Building a bundle touches no vault.
    if let Command::Library(LibraryCommand::Build { dir, out, bundle_version }) = &cli.command {
        let bundle = waymark_core::domain::library::build_bundle(dir, *bundle_version)?;
        let json = serde_json::to_string_pretty(&bundle).expect("bundle serialises") + "\n";
        std::fs::write(out, json).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", out.display())))?;
        println!("Built library version {} with {} items into {}.", bundle_version, bundle.items.len(), out.display());
        return Ok(());
    }
    let dir = cli.data_dir.clone().unwrap_or_else(default_data_dir);
    let vault = Vault::open(&dir, vault_options()?)?;
    let mut cx = Context { vault, profile: cli.profile, secrets: Secrets::new() };
    match cli.command {
        Command::Profile(cmd) => profile(&mut cx, cmd),
        Command::Add { kind, data } => {
            let kind = RecordKind::parse(&kind)?;
            match kind {
                RecordKind::ShareEntry => {
                    return Err(Failure::Usage("share entries are written when something is sent, not added by hand".into()))
                }
                RecordKind::ConsentEvent => {
                    return Err(Failure::Usage("use `waymark consent grant` or `waymark consent withdraw` to record consent".into()))
                }
                _ => {}
            }
            let body = RecordBody::from_value(kind, read_json_arg(&data)?)?;
            let s = cx.unlock()?;
            let rec = match body {
                RecordBody::Plan(p) => cx.vault.add_plan_version(&s, p)?,
                other => cx.vault.insert(&s, other)?,
            };
            println!("{}", rec.id);
            Ok(())
        }
        Command::List { kind } => {
            let kind = kind.map(|k| RecordKind::parse(&k)).transpose()?;
            let s = cx.unlock()?;
            let list = cx.vault.list(&s, kind)?;
            let mut records = list.records;
            records.sort_by_key(|r| (r.body.kind().as_str(), r.id));
            for r in &records {
                println!("{}  {:<20} v{:<3} {}", r.id, r.body.kind().as_str(), r.version, summary(&r.body));
            }
            for id in &list.damaged {
                eprintln!("warning: record {id} is damaged and could not be opened");
            }
            if records.is_empty() && list.damaged.is_empty() {
                eprintln!("(no records)");
            }
            Ok(())
        }
        Command::Show { id } => {
            let id = RecordId::parse(&id)?;
            let s = cx.unlock()?;
            print_json(&cx.vault.get(&s, id)?.to_json());
            Ok(())
        }
        Command::Statement(cmd) => statement(&mut cx, cmd),
        Command::Plan(PlanCommand::Add { file }) => {
            let plan: Plan = serde_json::from_str(&read_file(&file)?)
                .map_err(|e| Failure::Usage(format!("{} is not a plan: {e}", file.display())))?;
            let s = cx.unlock()?;
            let rec = cx.vault.add_plan_version(&s, plan)?;
            println!("{}", rec.id);
            Ok(())
        }
        Command::Plan(PlanCommand::Diff { plan_id, from, to }) => {
            let plan_id = uuid::Uuid::parse_str(plan_id.trim())
                .map_err(|_| Failure::Usage(format!("'{plan_id}' is not a plan id")))?;
            let s = cx.unlock()?;
            let changes = cx.vault.plan_diff(&s, plan_id, from, to)?;
            if changes.is_empty() {
                println!("Nothing changed between version {from} and version {to}.");
            }
            for c in changes {
                println!("- {}", c.describe(waymark_core::Language::EnGb));
            }
            Ok(())
        }
        Command::Library(cmd) => library(&mut cx, cmd),
        Command::Consent(cmd) => consent(&mut cx, cmd),
        Command::Share { id, recipient } => {
            let id = RecordId::parse(&id)?;
            let s = cx.unlock()?;
            let item = cx.vault.share_record(&s, id, &recipient)?;
            println!("Queued {} for {} (outbox item {}).", item.record_id, item.recipient, item.item_id);
            Ok(())
        }
        Command::Outbox => {
            let s = cx.unlock()?;
            let items = cx.vault.outbox(&s)?;
            if items.is_empty() {
                println!("Nothing is waiting to be sent.");
            }
            for i in items {
                println!("{}  {} {} -> {} (queued {}, {} tries)", i.item_id, i.record_kind.as_str(), i.record_id, i.recipient, i.enqueued_at.to_rfc3339(), i.attempts);
            }
            Ok(())
        }
        Command::Connect { code, yes } => {
            let s = cx.unlock()?;
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime starts");
            let seen = runtime.block_on(waymark_client::preview(&code, cx.vault.now())).map_err(client_failure)?;
            println!("Service: {}", seen.service.name);
            println!("Address: {}", seen.invite.service_url);
            println!("Keys:    {} (matches the invite code)", seen.invite.fingerprint);
            println!("It gets only what you share with it, and only kinds you have said yes to; you can take that back at any time.");
            if !yes {
                println!("Nothing is connected yet. Run again with --yes to connect.");
                return Ok(());
            }
            let entropy = waymark_core::SystemEntropy::new();
            let connection = runtime.block_on(waymark_client::enrol(&seen, &entropy, cx.vault.now())).map_err(client_failure)?;
            cx.vault.save_service_connection(&s, &connection)?;
            println!("Connected to {} as device {}.", connection.service_name, connection.device_id);
            Ok(())
        }
        Command::Sync => {
            let s = cx.unlock()?;
            let entropy = waymark_core::SystemEntropy::new();
            let (prepared, skipped) = waymark_client::prepare_sends(&mut cx.vault, &s, &entropy).map_err(client_failure)?;
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime starts");
            let (mut sent, mut failed) = (0, None);
            for batch in waymark_client::batches(&prepared) {
                let outcome = runtime.block_on(waymark_client::send_batch(batch, cx.vault.now()));
                waymark_client::finish_batch(&mut cx.vault, &s, batch, outcome.as_deref().ok(), &entropy).map_err(client_failure)?;
                match outcome {
                    Ok(_) => sent += batch.len(),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            println!("Sent {sent}.");
            if failed.is_none() {
                let connection = cx.vault.service_connection(&s)?.ok_or_else(|| client_failure(waymark_client::ClientError::NotConnected))?;
                let (mut plans, mut receipts, mut refused) = (0, 0, Vec::new());
                loop {
                    let connection = cx.vault.service_connection(&s)?.ok_or_else(|| client_failure(waymark_client::ClientError::NotConnected))?;
                    let items = runtime.block_on(waymark_client::fetch_mail(&connection, cx.vault.now())).map_err(client_failure)?;
                    let report = waymark_client::apply_mail(&mut cx.vault, &s, &items).map_err(client_failure)?;
                    (plans, receipts) = (plans + report.plans_added, receipts + report.receipts);
                    refused.extend(report.refused);
                    if !waymark_client::more_mail_waiting(&items) {
                        break;
                    }
                }
                println!("Received {plans} plan version(s) and {receipts} receipt(s).");
                for r in refused {
                    println!("Refused {r}");
                }
                let have = cx.vault.library_version()?.unwrap_or(0);
                if let Some(signed) = runtime.block_on(waymark_client::fetch_resources(&connection, have)).map_err(client_failure)? {
                    waymark_client::install_resources(&mut cx.vault, &connection, &signed).map_err(client_failure)?;
                    println!("Installed library version {} from {}.", cx.vault.library_version()?.unwrap_or(0), connection.service_name);
                }
            }
            if skipped.no_consent + skipped.record_gone > 0 {
                println!("Not sent and taken out: {} (consent ended), {} (deleted).", skipped.no_consent, skipped.record_gone);
            }
            if skipped.waiting > 0 {
                println!("{} waiting to try again later.", skipped.waiting);
            }
            match failed {
                Some(e) => Err(client_failure(e)),
                None => Ok(()),
            }
        }
        Command::Export { out, html } => {
            let s = cx.unlock()?;
            let export = cx.vault.export(&s)?;
            let json = serde_json::to_vec_pretty(&export).expect("export serialises");
            write_private(&out, &json)?;
            if let Some(h) = html {
                write_private(&h, export.to_html(waymark_core::Language::EnGb).as_bytes())?;
            }
            println!("Wrote {} records to {}.", export.records.len(), out.display());
            if !export.damaged.is_empty() {
                eprintln!("warning: {} damaged records could not be included", export.damaged.len());
            }
            Ok(())
        }
        Command::Import { file, name } => {
            let json = read_file(&file)?;
            let p = cx.secrets.passphrase("WAYMARK_PASSPHRASE", "Passphrase for the new profile")?;
            let (s, code) = cx.vault.import(json.as_bytes(), name.as_deref(), &p)?;
            println!("Restored profile '{}' with {} records.", s.display_name(), cx.vault.list(&s, None)?.records.len());
            println!("Recovery code (write it down and keep it safe; it is shown only once):");
            println!("  {}", code.display().as_str());
            Ok(())
        }
    }
}

/// Exports hold everything a person wrote: make them readable by their owner only.
fn write_private(path: &PathBuf, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    f.write_all(bytes).map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    Ok(())
}

fn profile(cx: &mut Context, cmd: ProfileCommand) -> Outcome {
    match cmd {
        ProfileCommand::Create { name, role } => {
            let role = Role::parse(&role)?;
            let p = cx.secrets.passphrase("WAYMARK_PASSPHRASE", "New passphrase")?;
            let (s, code) = cx.vault.create_profile(&name, role, &p)?;
            println!("Created profile '{}' ({}).", s.display_name(), role.as_str());
            println!("Recovery code (write it down and keep it safe; it is shown only once):");
            println!("  {}", code.display().as_str());
        }
        ProfileCommand::List => {
            let all = cx.vault.list_profiles()?;
            if all.is_empty() {
                println!("No profiles yet.");
            }
            for p in all {
                println!("{}  ({})", p.display_name, p.role.as_str());
            }
        }
        ProfileCommand::Unlock => {
            let s = cx.unlock()?;
            println!("Unlocked '{}' ({}).", s.display_name(), s.role().as_str());
        }
        ProfileCommand::Passphrase => {
            let name = cx.profile_name()?;
            let current = cx.secrets.passphrase("WAYMARK_PASSPHRASE", "Current passphrase")?;
            let s = cx.vault.unlock(&name, &current)?;
            let new = cx.secrets.passphrase("WAYMARK_NEW_PASSPHRASE", "New passphrase")?;
            cx.vault.change_passphrase(&s, &current, &new)?;
            println!("Passphrase changed for '{}'. Your records were not touched.", s.display_name());
        }
        ProfileCommand::Recover => {
            let name = cx.profile_name()?;
            let code = RecoveryCode::parse(&cx.secrets.read("WAYMARK_RECOVERY_CODE", "Recovery code")?)?;
            let new = cx.secrets.passphrase("WAYMARK_NEW_PASSPHRASE", "New passphrase")?;
            let (s, new_code) = cx.vault.recover(&name, &code, &new)?;
            println!("Recovered '{}' and set a new passphrase.", s.display_name());
            println!("Your old recovery code no longer works. New recovery code (shown only once):");
            println!("  {}", new_code.display().as_str());
        }
        ProfileCommand::Delete { yes } => {
            if !yes {
                return Err(Failure::Usage("this deletes the profile and everything in it for good; add --yes if you mean it".into()));
            }
            let s = cx.unlock()?;
            let name = s.display_name().to_string();
            cx.vault.delete_profile(s)?;
            println!("Deleted profile '{name}' and everything in it.");
        }
    }
    Ok(())
}

fn statement(cx: &mut Context, cmd: StatementCommand) -> Outcome {
    match cmd {
        StatementCommand::Questions => {
            let set = QuestionSet::current();
            println!("{} (question set '{}', version {})", set.title, set.id, set.version);
            for q in &set.questions {
                let extra = if q.choices.is_empty() { String::new() } else { format!(" [{}]", q.choices.join(" | ")) };
                println!("  {:<14} {:?}: {}{}", q.id, q.kind, q.prompt, extra);
            }
        }
        StatementCommand::New { kind, words } => {
            let kind = StatementKind::parse(&kind)?;
            let s = cx.unlock()?;
            let mut rec = cx.vault.start_statement(&s, kind)?;
            if let Some(w) = words {
                rec = cx.vault.save_words(&s, rec.id, w)?;
            }
            if kind.is_urgent() {
                eprintln!("If you are not safe right now:");
                for h in waymark_core::domain::statement::HELPLINES {
                    let english = waymark_core::Language::EnGb;
                    eprintln!("  {}: {}. {}", h.name(english), h.number, h.note(english));
                }
            }
            println!("{}", rec.id);
        }
        StatementCommand::Answer { id, question, face, choice, words } => {
            let id = RecordId::parse(&id)?;
            let s = cx.unlock()?;
            let rec = cx.vault.save_answer(&s, id, Answer { question_id: question, face, choice, words })?;
            println!("Saved (version {}).", rec.version);
        }
        StatementCommand::Words { id, words } => {
            let id = RecordId::parse(&id)?;
            let s = cx.unlock()?;
            let rec = cx.vault.save_words(&s, id, words)?;
            println!("Saved (version {}).", rec.version);
        }
        StatementCommand::Status { id, status } => {
            let id = RecordId::parse(&id)?;
            let status = StatementStatus::parse(&status)?;
            let s = cx.unlock()?;
            cx.vault.set_statement_status(&s, id, status)?;
            println!("Statement is now {}.", status.as_str());
        }
    }
    Ok(())
}

fn library(cx: &mut Context, cmd: LibraryCommand) -> Outcome {
    match cmd {
        LibraryCommand::Install { file } => {
            let bundle = LibraryBundle::parse(read_file(&file)?.as_bytes())?;
            if cx.vault.install_library(&bundle)? {
                println!("Installed library version {} ({} items).", bundle.bundle_version, bundle.items.len());
            } else {
                println!(
                    "Kept the installed library (version {}); this bundle is version {}.",
                    cx.vault.library_version()?.unwrap_or(0),
                    bundle.bundle_version
                );
            }
        }
        LibraryCommand::InstallBuiltin => {
            if cx.vault.install_builtin_library()? {
                println!("Installed the built-in library.");
            } else {
                println!("The built-in library (or a newer one) is already installed.");
            }
        }
        LibraryCommand::Build { .. } => unreachable!("handled before the vault opens"),
        LibraryCommand::Search { query } => {
            let hits = cx.vault.search_library(&query, 20, waymark_core::Language::EnGb)?;
            if hits.is_empty() {
                println!("Nothing found for '{query}'.");
            }
            for h in hits {
                println!("{:<36} {} ({} min read)", h.id, h.title, h.reading_minutes);
            }
        }
        LibraryCommand::Show { id } => {
            let r = cx.vault.get_resource(&id, waymark_core::Language::EnGb)?;
            println!("# {}\n\n{}\n\n{}", r.title, r.summary, r.body);
            if !r.sources.is_empty() {
                println!("\nDraws on: {}", r.sources.join("; "));
            }
            println!("Last reviewed: {}", r.last_reviewed);
        }
        LibraryCommand::Mark { id, bookmark, unbookmark, read } => {
            if !(bookmark || unbookmark || read) {
                return Err(Failure::Usage("say what to mark: --bookmark, --unbookmark or --read".into()));
            }
            let s = cx.unlock()?;
            cx.vault.mark_resource(&s, &id, |m, now| {
                if bookmark {
                    m.bookmarked = true;
                }
                if unbookmark {
                    m.bookmarked = false;
                }
                if read {
                    m.read_at = Some(now);
                }
            })?;
            println!("Marked '{id}'.");
        }
    }
    Ok(())
}

fn consent(cx: &mut Context, cmd: ConsentCommand) -> Outcome {
    match cmd {
        ConsentCommand::Grant(a) => {
            let kind = ShareableKind::parse(&a.kind)?;
            let s = cx.unlock()?;
            cx.vault.grant_consent(&s, kind, &a.recipient)?;
            println!("You said yes to sharing {} with {}.", kind.words(waymark_core::Language::EnGb), a.recipient.trim());
        }
        ConsentCommand::Withdraw(a) => {
            let kind = ShareableKind::parse(&a.kind)?;
            let s = cx.unlock()?;
            let removed = cx.vault.withdraw_consent(&s, kind, &a.recipient)?;
            println!(
                "You said no to sharing {} with {}. {removed} waiting item(s) will not be sent.",
                kind.words(waymark_core::Language::EnGb),
                a.recipient.trim()
            );
        }
        ConsentCommand::List => {
            let s = cx.unlock()?;
            let events = cx.vault.consent_events(&s)?;
            let active = waymark_core::domain::consent::active_consents(&events);
            if active.is_empty() {
                println!("You have not said yes to sharing anything.");
            }
            for (kind, recipient, at) in active {
                println!("Yes: {} with {} (since {})", kind.words(waymark_core::Language::EnGb), recipient, at.to_rfc3339());
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Core(e)) => {
            eprintln!("waymark: {e} [{}]", e.code());
            ExitCode::from(1)
        }
        Err(Failure::Usage(m)) => {
            eprintln!("waymark: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Sharing(m, code)) => {
            eprintln!("waymark: {m} [{code}]");
            ExitCode::from(1)
        }
    }
}
