//! `waymark-worker`: a worker's laptop at the service, from the command line, until the worker
//! app (which will call the same functions) replaces it. It enrols with a worker's invite, reads
//! what the people it works with sealed to it, tells them it arrived, was read or acknowledged,
//! and replies. Every check lives in `waymark_client::worker`; this file parses arguments, reads
//! the passphrase and prints. It keeps keys and the roster head, never anything shared: that is
//! fetched and opened when asked for, and printed, not stored.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use waymark_client::worker::{self, Answer, SharedRecord, WorkerFile, WorkerRoster};
use waymark_client::ClientError;
use waymark_core::connection::ServiceConnection;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{Clock, SystemClock, SystemEntropy, Timestamp};
use waymark_sync::mail::ReceiptStatus;
use waymark_sync::roster::RosterProblem;

#[derive(Parser)]
#[command(name = "waymark-worker", version, about = "A worker's laptop at the service: read what people shared with you, and answer.")]
struct Cli {
    /// Where this laptop keeps its keys (default: ~/.local/share/waymark-worker).
    #[arg(long, env = "WAYMARK_WORKER_DIR", global = true)]
    dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Enrol this laptop with the invite code your administrator made for you (asks for a
    /// passphrase that protects its keys), and print the code to read back to them.
    Enrol { code: String },
    /// Whether the organisation has approved this laptop, and who you work with.
    Status,
    /// What people shared with you, urgent first. The first time this laptop takes something,
    /// its sender's device is told it arrived.
    Shared,
    /// Tell the person you have read an item (by the envelope id `shared` prints).
    Read { item: uuid::Uuid },
    /// Reply to the person about an item (by its envelope id; sealed to their devices, signed by
    /// this laptop).
    Reply {
        item: uuid::Uuid,
        #[arg(long)]
        words: String,
    },
    /// The urgent items ("I don't feel safe") raised to you, unacknowledged first.
    Alerts,
    /// Acknowledge an alert: its escalation stops, and the person is told someone has it.
    Acknowledge { alert: i64 },
}

/// Why a command did not run: refused (by the service, the roster or the checks, with its code;
/// exit status 1), or asked wrongly (exit status 2).
enum Failure {
    Refused(ClientError),
    Usage(String),
}

impl From<ClientError> for Failure {
    fn from(e: ClientError) -> Self {
        Failure::Refused(e)
    }
}

impl From<waymark_core::Error> for Failure {
    fn from(e: waymark_core::Error) -> Self {
        Failure::Refused(e.into())
    }
}

fn main() {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime starts");
    match runtime.block_on(run(cli)) {
        Ok(()) => {}
        Err(Failure::Refused(e)) => {
            eprintln!("waymark-worker: {e} [{}]", e.code());
            std::process::exit(1);
        }
        Err(Failure::Usage(e)) => {
            eprintln!("waymark-worker: {e}");
            std::process::exit(2);
        }
    }
}

fn now() -> Timestamp {
    SystemClock.now()
}

fn default_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    home.join(".local/share/waymark-worker")
}

/// The passphrase from WAYMARK_WORKER_PASSPHRASE, else asked for (hidden on a terminal).
fn passphrase() -> Result<Passphrase, Failure> {
    if let Ok(p) = std::env::var("WAYMARK_WORKER_PASSPHRASE") {
        if !p.is_empty() {
            return Ok(Passphrase::new(p));
        }
    }
    let line = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Passphrase for this laptop's keys: ").unwrap_or_default()
    } else {
        std::io::stdin().lock().lines().next().and_then(|l| l.ok()).unwrap_or_default()
    };
    if line.is_empty() {
        return Err(Failure::Usage("give the passphrase in WAYMARK_WORKER_PASSPHRASE or on standard input".into()));
    }
    Ok(Passphrase::new(line))
}

/// Scripts and tests may choose the OWASP floor; nothing weaker exists.
fn kdf() -> KdfParams {
    match std::env::var("WAYMARK_KDF").as_deref() {
        Ok("floor") => KdfParams::FLOOR,
        _ => KdfParams::DEFAULT,
    }
}

/// This laptop's file, its opened connection, and the roster verified now (its head kept).
struct Laptop {
    path: PathBuf,
    file: WorkerFile,
    connection: ServiceConnection,
    roster: WorkerRoster,
}

impl Laptop {
    async fn open(dir: &Path) -> Result<Laptop, Failure> {
        let path = dir.join("worker.json");
        let mut file = WorkerFile::load(&path)?;
        let connection = file.open(&passphrase()?)?;
        let roster = worker::read_roster(&connection, file.roster_head.as_ref(), now()).await?;
        file.roster_head = Some(roster.state.head.clone());
        file.save(&path)?;
        Ok(Laptop { path, file, connection, roster })
    }

    fn approved(&self) -> bool {
        waymark_client::approval(&self.connection, Some(&self.roster.state)) == waymark_client::Approval::Approved
    }

    async fn answer(&self, about: &SharedRecord, answer: Answer) -> Result<u32, ClientError> {
        worker::answer(&self.connection, &self.roster.state, about, answer, &SystemEntropy::new(), now()).await
    }
}

/// One shared record, as the worker reads it: what kind, from whom, and what was said.
fn show(record: &SharedRecord) {
    let urgent = if record.header.urgent { "URGENT: " } else { "" };
    println!(
        "{urgent}#{} from person {} — {} (sealed to {} laptop(s)) — item {}",
        record.seq,
        record.person_id,
        record.header.record_kind,
        record.readers.len(),
        record.header.envelope_id
    );
    let json: serde_json::Value = serde_json::from_slice(&record.plaintext).unwrap_or_default();
    let data = &json["data"];
    if let Some(kind) = data["kind"].as_str() {
        println!("  {kind}");
    }
    if let Some(words) = data["words"].as_str() {
        println!("  {words}");
    }
    for answer in data["answers"].as_array().into_iter().flatten() {
        let said: Vec<String> = ["face", "choice", "words"].iter().filter_map(|k| answer.get(*k).filter(|v| !v.is_null()).map(|v| v.to_string())).collect();
        println!("  {}: {}", answer["question_id"].as_str().unwrap_or("?"), said.join(" "));
    }
    if let Some(body) = data["body"].as_str() {
        println!("  {body}");
    }
    println!();
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let dir = cli.dir.unwrap_or_else(default_dir);
    match cli.command {
        Command::Enrol { code } => {
            let path = dir.join("worker.json");
            if path.exists() {
                return Err(Failure::Usage(format!("{} exists already: this laptop is enrolled", path.display())));
            }
            let passphrase = passphrase()?;
            passphrase.check_strength()?;
            let seen = waymark_client::preview(&code, now()).await?;
            let connection = waymark_client::enrol(&seen, &SystemEntropy::new(), now()).await?;
            let file = WorkerFile::create(&connection, &passphrase, kdf(), &SystemEntropy::new())?;
            std::fs::create_dir_all(&dir).map_err(|e| Failure::Usage(format!("cannot make {} ({e})", dir.display())))?;
            file.save(&path)?;
            println!("Enrolled with {} as device {}, for worker {}.", file.service_name, file.device_id, file.worker_id);
            println!("Read this code to your administrator, who approves this laptop with it: {}", waymark_client::device_code(&connection)?);
        }
        Command::Status => {
            let laptop = Laptop::open(&dir).await?;
            let worker = laptop.roster.state.worker(laptop.file.worker_id);
            match worker {
                Some(w) => println!("{} ({}) at {}.", w.name, w.role.as_str(), laptop.file.service_name),
                None => println!("The organisation's roster does not name worker {} yet.", laptop.file.worker_id),
            }
            if laptop.approved() {
                println!("This laptop is approved.");
            } else {
                println!("This laptop is not approved yet: read your administrator the code `enrol` printed.");
            }
            for (person, p) in laptop.roster.state.people() {
                for (role, worker) in &p.allocations {
                    if *worker == laptop.file.worker_id {
                        println!("You are {} for person {person} ({}).", role.as_str(), p.role.as_str());
                    }
                }
            }
        }
        Command::Shared => {
            let mut laptop = Laptop::open(&dir).await?;
            let mut feed = worker::read_feed(&laptop.connection, &laptop.roster.state, 0, now()).await?;
            if feed.is_empty() {
                println!("Nothing has been shared with you.");
            }
            // "I don't feel safe" first, whatever came before it; the rest in the order they came.
            feed.sort_by_key(|(seq, r)| (!r.as_ref().is_ok_and(|r| r.header.urgent), *seq));
            for (seq, record) in &feed {
                match record {
                    Ok(record) => {
                        show(record);
                        // The sender's view of the roster against this laptop's: a server showing
                        // people different lists, or holding changes back, is caught here.
                        match record.sender_head.as_ref().map(|h| laptop.roster.check_peer(h)) {
                            Some(Err(RosterProblem::HeldBack)) => println!(
                                "WARNING: this person's laptop has seen a newer list of the organisation's people than the service shows this laptop: the service may be holding changes back from you. Tell your administrator.\n"
                            ),
                            Some(Err(_)) => println!(
                                "WARNING: this person's laptop was shown a different list of the organisation's people from this laptop's: the service is showing people different lists. Tell your administrator.\n"
                            ),
                            _ => {}
                        }
                    }
                    Err(e) => println!("#{seq} REFUSED: {e}\n"),
                }
            }
            // The first time this laptop takes something, its sender hears it arrived.
            let new: Vec<(&SharedRecord, Answer)> = feed
                .iter()
                .filter(|(seq, _)| *seq > laptop.file.feed_cursor)
                .filter_map(|(_, r)| r.as_ref().ok())
                .map(|r| (r, Answer::Receipt(ReceiptStatus::Received)))
                .collect();
            let told = feed.iter().map(|(seq, _)| *seq).max().unwrap_or(0);
            if !new.is_empty() {
                worker::answer_all(&laptop.connection, &laptop.roster.state, new, &SystemEntropy::new(), now()).await?;
            }
            if told > laptop.file.feed_cursor {
                laptop.file.feed_cursor = told;
                laptop.file.save(&laptop.path)?;
            }
        }
        Command::Read { item } => {
            let laptop = Laptop::open(&dir).await?;
            let record = worker::shared_envelope(&laptop.connection, &laptop.roster.state, item, now()).await?;
            let devices = laptop.answer(&record, Answer::Receipt(ReceiptStatus::Read)).await?;
            println!("Told person {} you have read item {item} ({devices} device(s)).", record.person_id);
        }
        Command::Reply { item, words } => {
            let laptop = Laptop::open(&dir).await?;
            let record = worker::shared_envelope(&laptop.connection, &laptop.roster.state, item, now()).await?;
            let devices = laptop.answer(&record, Answer::Reply(words)).await?;
            println!("Sent your reply about item {item} to person {} ({devices} device(s)).", record.person_id);
        }
        Command::Alerts => {
            let laptop = Laptop::open(&dir).await?;
            let alerts = waymark_client::fetch_alerts(&laptop.connection, now()).await?;
            if alerts.is_empty() {
                println!("No alerts.");
            }
            for a in alerts {
                let person = a.person_id.map_or("someone".to_string(), |p| format!("person {p}"));
                let state = match a.acknowledged_by {
                    Some(by) if by == laptop.file.worker_id => "acknowledged by you".to_string(),
                    Some(by) => format!("acknowledged by worker {by}"),
                    None => "NOT ACKNOWLEDGED".to_string(),
                };
                println!("Alert #{} — {person} does not feel safe (raised to you: {}) — {state}", a.alert_id, a.why);
            }
        }
        Command::Acknowledge { alert } => {
            let laptop = Laptop::open(&dir).await?;
            let acknowledged = waymark_client::acknowledge_alert(&laptop.connection, alert, now()).await?;
            match worker::shared_envelope(&laptop.connection, &laptop.roster.state, acknowledged.envelope_id, now()).await {
                // Only an urgent item from the person the alert is about is answered: the alert's
                // envelope id is the server's word, the item's header its sender's.
                Ok(record) if !record.header.urgent || acknowledged.person_id != Some(record.person_id) => {
                    println!("Acknowledged alert #{alert}. The item the service named is not an urgent one from that person, so nobody was told; tell your administrator.");
                }
                Ok(record) => {
                    let devices = laptop.answer(&record, Answer::Receipt(ReceiptStatus::Acknowledged)).await?;
                    println!("Acknowledged alert #{alert}; person {} is told someone has it ({devices} device(s)).", record.person_id);
                }
                // Escalated to someone it was not sealed to: they can stop the clock, but only a
                // laptop that can open the item can answer its sender.
                Err(ClientError::NotFound(_)) => {
                    println!("Acknowledged alert #{alert}. It was not sealed to this laptop, so you cannot read it or tell the person; the duty team and their own worker can.");
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}
