//! `waymark-service`: set up the service's keys, serve the API, read what devices shared, and
//! (under `admin`, on an administrator's device) keep the organisation's signed roster.
//! Passphrases are never arguments: they come from WAYMARK_SERVICE_PASSPHRASE (the service's key
//! file) or WAYMARK_ADMIN_PASSPHRASE (the organisation's root key), or the first line of
//! standard input.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{Clock, SystemClock, SystemEntropy};
use waymark_service::http::{router, ServiceState};
use waymark_service::keyfile::KeyFile;
use waymark_service::roster_view;
use waymark_service::organisation::{self, AdminFolder, InviteDetails, RootKeyFile};
use waymark_service::outgoing::{publish_resources, ReceiptSender};
use waymark_service::backend::Backend;
use waymark_service::store::ServiceStore;
use waymark_service::{Result, ServiceError};
use waymark_sync::envelope::{Envelope, EnvelopeOpener};
use waymark_sync::roster::{RosterEntry, ServedRole, WorkerRole};
use waymark_sync::mail::ReceiptStatus;

#[derive(Parser)]
#[command(name = "waymark-service", version, about = "The service Waymark shares with: keys, invites, the API and the inbox.")]
struct Cli {
    /// The service's folder: its key file (keys.json) and its database (service.db).
    #[arg(long, env = "WAYMARK_SERVICE_DIR", default_value = "waymark-service-data", global = true)]
    dir: PathBuf,
    /// A PostgreSQL database (postgres://…) to use instead of the built-in SQLite file, so several
    /// service instances can share it.
    #[arg(long, env = "WAYMARK_SERVICE_DATABASE", global = true)]
    database: Option<String>,
    /// A certificate authority (PEM) to trust for a PostgreSQL server on another machine, beside
    /// this machine's own store. Such a server is reached only over TLS.
    #[arg(long, env = "WAYMARK_SERVICE_DATABASE_CA", global = true)]
    database_ca: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the service's keys (Ed25519 to sign, X25519 to receive), sealed under a passphrase.
    Init {
        /// The name devices are shown, e.g. "Northvale Children's Services".
        #[arg(long)]
        name: String,
    },
    /// Make a new deletion-receipt key, certified by the main key for a year (asks for the key
    /// file's passphrase), in place of the one in the key file. Run it before the certificate
    /// ends (`serve` says when), then restart `serve`.
    RenewReceiptKey,
    /// Serve the API. It needs no passphrase: it never opens what devices send.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8750")]
        listen: SocketAddr,
        /// Serve HTTPS with this certificate chain (PEM, leaf first). Needs --tls-key.
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// The certificate's private key (PEM). Needs --tls-cert.
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
    },
    /// List what devices have shared, each with whether the laptop that sent it is one the
    /// organisation approved, and open what was sealed to the service's key (connections made
    /// before rosters; asks for the key file's passphrase). What a person sealed to their workers'
    /// laptops is listed, never opened: no key here can.
    Inbox {
        /// Only items after this number.
        #[arg(long, default_value_t = 0)]
        after: i64,
        /// The organisation's fingerprint (printed by `admin init`), to check senders against its
        /// roster; without it, senders are not checked.
        #[arg(long, env = "WAYMARK_ORGANISATION")]
        organisation: Option<String>,
    },
    /// Mark an inbox item sealed to the service's key as read; its sender's device is told (asks
    /// for the passphrase: it signs). Items for workers are marked read from their laptops.
    MarkRead { seq: i64 },
    /// Publish the resource library built from a folder of Markdown pages, signed, for every
    /// device to fetch (public guidance: nothing personal).
    PublishResources {
        /// The folder of Markdown pages (see content/README.md).
        pages: PathBuf,
        /// The bundle's version; devices install only a newer one.
        #[arg(long)]
        version: u32,
    },
    /// The organisation's roster, from an administrator's device: its root key (kept in
    /// --admin-dir, never in the service's folder), inviting people, approving their devices,
    /// workers, allocations and sending a person their plan.
    Admin {
        /// The administrator's folder: the organisation's root key file and the roster head last seen.
        #[arg(long, env = "WAYMARK_ADMIN_DIR", default_value = "waymark-admin")]
        admin_dir: PathBuf,
        #[command(subcommand)]
        command: AdminCommand,
    },
}

/// Where an invite code sends a device, and for how long it works.
#[derive(clap::Args)]
struct InviteCodeArgs {
    /// The address devices reach this service at.
    #[arg(long, env = "WAYMARK_SERVICE_URL", default_value = "http://127.0.0.1:8750")]
    url: String,
    /// How long the code works for.
    #[arg(long, default_value_t = 72)]
    hours: i64,
    /// The service's key file (only its public half is read), for the service's name and
    /// fingerprint in the code: a copy, on an administrator's device apart from the service.
    #[arg(long, env = "WAYMARK_SERVICE_KEYS")]
    service_keys: Option<PathBuf>,
}

impl InviteCodeArgs {
    /// The service's name and fingerprint (from its key file) and the code's expiry.
    fn service(&self, service_dir: &Path, now: i64) -> Result<(KeyFile, String, i64)> {
        if !(1..=24 * 30).contains(&self.hours) {
            return Err(ServiceError::BadRequest("--hours must be between 1 and 720".into()));
        }
        let service = KeyFile::load(&self.service_keys.clone().unwrap_or_else(|| service_dir.join("keys.json")))?;
        let fingerprint = service.public.fingerprint()?;
        Ok((service, fingerprint, now + self.hours * 3600))
    }
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create the organisation's root key (sealed under WAYMARK_ADMIN_PASSPHRASE) and start the
    /// roster with it. Prints the fingerprint every invite code will carry.
    Init {
        /// The organisation's name, e.g. "Northvale Children's Services".
        #[arg(long)]
        org_name: String,
    },
    /// Add a person to the roster and print their one-time invite code.
    Invite {
        /// A label for people at the service (the service keeps it beside the invite); plans and
        /// replies are addressed by the id this prints, never by the name.
        #[arg(long)]
        name: String,
        /// young_person or carer
        #[arg(long)]
        role: String,
        #[command(flatten)]
        code: InviteCodeArgs,
    },
    /// List devices that enrolled and wait for approval.
    Pending,
    /// Approve a device once its person has read out the code their app shows.
    Approve {
        #[arg(long)]
        device: uuid::Uuid,
        /// The person the device enrolled for (from `invite` or `pending`).
        #[arg(long)]
        person: uuid::Uuid,
        /// The code the person's app shows, as they read it out.
        #[arg(long)]
        code: String,
    },
    /// Stop a device receiving or signing anything (a lost laptop).
    RevokeDevice {
        #[arg(long)]
        device: uuid::Uuid,
    },
    /// Add a worker: social_worker, iro, supervising_social_worker or duty.
    AddWorker {
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
    },
    /// Print a one-time invite code for a worker's laptop (approve it with `approve --person
    /// <worker id>` once the worker reads out its code); it then receives their alerts.
    InviteWorker {
        #[arg(long)]
        worker: uuid::Uuid,
        #[command(flatten)]
        code: InviteCodeArgs,
    },
    /// Let a worker run the organisation from the worker app (invite people, approve and revoke
    /// devices, add and remove workers, allocate): their approved laptops' own keys then sign
    /// roster changes. Only the root key grants it; it cannot make further administrators.
    GrantAdmin {
        #[arg(long)]
        worker: uuid::Uuid,
    },
    /// Take back what `grant-admin` gave.
    WithdrawAdmin {
        #[arg(long)]
        worker: uuid::Uuid,
    },
    /// How "I don't feel safe" is answered: within how many minutes an alert must be
    /// acknowledged, and who it goes to next, in order, when it is not.
    SetUrgentPolicy {
        #[arg(long)]
        minutes: u32,
        /// Worker ids, in the order alerts escalate to them (comma-separated).
        #[arg(long, value_delimiter = ',')]
        escalation: Vec<uuid::Uuid>,
    },
    /// Make a worker a person's social worker, IRO or supervising social worker.
    Allocate {
        #[arg(long)]
        person: uuid::Uuid,
        #[arg(long)]
        worker: uuid::Uuid,
    },
    /// Send a new version of a person's plan to each of their approved devices, sealed to each
    /// and signed with the organisation's key.
    PublishPlan {
        file: PathBuf,
        /// The person's id (from `invite`).
        #[arg(long = "to")]
        person: String,
    },
    /// Check the roster the service keeps and print it.
    Roster,
}

fn kdf() -> std::result::Result<KdfParams, String> {
    match std::env::var("WAYMARK_KDF").as_deref() {
        Err(_) | Ok("default") => Ok(KdfParams::DEFAULT),
        Ok("floor") => Ok(KdfParams::FLOOR),
        Ok(other) => Err(format!("WAYMARK_KDF must be 'floor' or 'default', not '{other}'")),
    }
}

fn passphrase() -> Result<Passphrase> {
    passphrase_from("WAYMARK_SERVICE_PASSPHRASE")
}

fn passphrase_from(variable: &str) -> Result<Passphrase> {
    if let Ok(p) = std::env::var(variable) {
        return Ok(Passphrase::new(p));
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let line = line.trim_end_matches(['\r', '\n']).to_string();
    if line.is_empty() {
        return Err(ServiceError::BadRequest("give the key file's passphrase in WAYMARK_SERVICE_PASSPHRASE or on standard input".into()));
    }
    Ok(Passphrase::new(line))
}

async fn store(cli_database: &Option<String>, dir: &Path, database_ca: &Option<PathBuf>) -> Result<Backend> {
    Backend::open(cli_database.as_deref(), dir, database_ca.as_deref()).await
}

async fn run(cli: Cli) -> Result<()> {
    let keys_path = cli.dir.join("keys.json");
    let now = SystemClock.now().0;
    match cli.command {
        Command::Init { name } => {
            std::fs::create_dir_all(&cli.dir)?;
            let kdf = kdf().map_err(ServiceError::BadRequest)?;
            let (file, _keys) = KeyFile::create(&name, &passphrase()?, kdf, &SystemEntropy::new(), now)?;
            file.save(&keys_path)?;
            store(&cli.database, &cli.dir, &cli.database_ca).await?;
            println!("Created keys for {} in {}", file.name, keys_path.display());
            println!("Fingerprint: {}", file.public.fingerprint()?);
        }
        Command::RenewReceiptKey => {
            let mut file = KeyFile::load(&keys_path)?;
            file.renew_receipt_key(&passphrase()?, &SystemEntropy::new(), now)?;
            file.replace(&keys_path)?;
            println!("Made a new receipt key, certified until {}.", waymark_core::Timestamp(file.receipt_expires_at()).to_rfc3339());
            println!("Restart `waymark-service serve` to sign receipts with it.");
        }
        Command::Serve { listen, tls_cert, tls_key } => {
            let file = KeyFile::load(&keys_path)?;
            // Devices refuse receipts from a key whose certificate has ended: say so while there
            // is time to renew it, and plainly once it is too late.
            let ends = file.receipt_expires_at();
            if ends <= now {
                eprintln!("WARNING: the deletion-receipt key's certificate has ended; devices will refuse every deletion receipt until you run `waymark-service renew-receipt-key` and restart.");
            } else if ends - now < 30 * 86_400 {
                eprintln!("The deletion-receipt key's certificate ends on {}: run `waymark-service renew-receipt-key` before then.", waymark_core::Timestamp(ends).to_rfc3339());
            }
            let state = Arc::new(ServiceState::new(store(&cli.database, &cli.dir, &cli.database_ca).await?, file.name.clone(), file.public.clone(), Arc::new(SystemClock), file.receipt_signer()?));
            // The escalation clock: every half minute, alerts nobody acknowledged in time go on.
            let clock_state = state.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
                loop {
                    tick.tick().await;
                    let now = SystemClock.now().0;
                    let escalated = async {
                        let roster = clock_state.roster.read(&clock_state.store, now, |r| r.cloned()).await?;
                        waymark_service::urgent::escalate_due(&clock_state.store, roster.as_ref(), now).await
                    };
                    if let Err(e) = escalated.await {
                        eprintln!("escalating urgent alerts failed [{}]: {e}", e.code());
                    }
                }
            });
            if let (Some(cert), Some(key)) = (tls_cert, tls_key) {
                let config = waymark_service::tls::server_config(&cert, &key)?;
                let handle = axum_server::Handle::new();
                let (announce, stop) = (handle.clone(), handle.clone());
                let name = file.name.clone();
                tokio::spawn(async move {
                    if let Some(addr) = announce.listening().await {
                        eprintln!("{name} is listening on https://{addr}");
                    }
                });
                tokio::spawn(async move {
                    let _ = tokio::signal::ctrl_c().await;
                    stop.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
                });
                axum_server::bind_rustls(listen, axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(config)))
                    .handle(handle)
                    .serve(router(state).into_make_service_with_connect_info::<std::net::SocketAddr>())
                    .await?;
            } else {
                let listener = tokio::net::TcpListener::bind(listen).await?;
                eprintln!("{} is listening on http://{}", file.name, listener.local_addr()?);
                axum::serve(listener, router(state).into_make_service_with_connect_info::<std::net::SocketAddr>())
                    .with_graceful_shutdown(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await?;
            }
        }
        Command::Inbox { after, organisation } => {
            let file = KeyFile::load(&keys_path)?;
            let keys = file.open(&passphrase()?)?;
            let store = store(&cli.database, &cli.dir, &cli.database_ca).await?;
            let items = store.envelopes(after, 1000).await?;
            if items.is_empty() {
                println!("Nothing new.");
            }
            let entropy = SystemEntropy::new();
            // Senders are checked against the roster verified from the organisation's own
            // fingerprint, never against whatever genesis the database holds.
            let roster = match organisation.as_deref().map(str::trim) {
                None | Some("") => {
                    println!("WARNING: senders are not checked: give --organisation (the fingerprint `admin init` printed).");
                    None
                }
                Some(pin) => match roster_view::read_pinned(&store, pin).await {
                    Ok(roster) => roster,
                    Err(problem) => {
                        println!("WARNING: the roster was refused ({problem}); no sender below can be trusted.");
                        None
                    }
                },
            };
            let mut opener = EnvelopeOpener::new(&keys);
            let mut receipts = ReceiptSender::new(&store, &keys, &entropy);
            let mut items = items
                .into_iter()
                .map(|item| {
                    let envelope: Envelope = serde_json::from_str(&item.body)
                        .map_err(|e| ServiceError::BadRequest(format!("item {} is damaged: {e}", item.seq)))?;
                    Ok((item, envelope))
                })
                .collect::<Result<Vec<_>>>()?;
            // "I don't feel safe" first, whatever came before it; the rest in the order they came.
            items.sort_by_key(|(item, envelope)| (!envelope.header.urgent, item.seq));
            for (item, envelope) in items {
                let when = waymark_core::Timestamp(item.received_at).to_rfc3339();
                let read = if item.read_at.is_some() { " (read)" } else { "" };
                let urgent = if envelope.header.urgent { "URGENT: " } else { "" };
                println!("{urgent}#{} from {} — {} received {when}{read}", item.seq, item.person_name, envelope.header.record_kind);
                let (warning, sender) = roster_view::sender_check(roster.as_ref(), item.device_id, item.person_id, &envelope);
                println!("  {}{sender}", if warning { "WARNING: " } else { "" });
                if !envelope.recipients.is_empty() {
                    // Sealed to the person's workers' laptops: no key here opens it, by design.
                    println!("  sealed to {} worker laptop(s) the person chose; only they can open it\n", envelope.recipients.len());
                    continue;
                }
                match opener.open(&envelope) {
                    Ok(plain) => {
                        println!("{}\n", String::from_utf8_lossy(&plain));
                        // The first time it is opened here, the person's device is told it arrived.
                        if item.receipted_at.is_none() {
                            receipts.send(&item, ReceiptStatus::Received, now).await?;
                            store.mark_receipted(item.seq, now).await?;
                        }
                    }
                    Err(e) => println!("  cannot be opened: {e}\n"),
                }
            }
        }
        Command::MarkRead { seq } => {
            let keys = KeyFile::load(&keys_path)?.open(&passphrase()?)?;
            let store = store(&cli.database, &cli.dir, &cli.database_ca).await?;
            let item = store.envelopes(seq - 1, 1).await?.into_iter().find(|e| e.seq == seq);
            let Some(item) = item.filter(|e| e.read_at.is_none()) else {
                return Err(ServiceError::BadRequest(format!("there is no unread item #{seq}")));
            };
            if serde_json::from_str::<Envelope>(&item.body).is_ok_and(|e| !e.recipients.is_empty()) {
                return Err(ServiceError::BadRequest(format!("#{seq} is for the person's workers: it is marked read from their laptops, not here")));
            }
            store.mark_read(seq, now).await?;
            ReceiptSender::new(&store, &keys, &SystemEntropy::new()).send(&item, ReceiptStatus::Read, now).await?;
            println!("Marked #{seq} as read; {}'s device will show it.", item.person_name);
        }
        Command::PublishResources { pages, version } => {
            let keys = KeyFile::load(&keys_path)?.open(&passphrase()?)?;
            if publish_resources(&store(&cli.database, &cli.dir, &cli.database_ca).await?, &keys, &pages, version, now).await? {
                println!("Published library version {version}.");
            } else {
                return Err(ServiceError::Conflict(format!("a library of version {version} or newer is published already")));
            }
        }
        Command::Admin { admin_dir, command } => {
            let store = store(&cli.database, &cli.dir, &cli.database_ca).await?;
            admin(&store, &AdminFolder::new(&admin_dir, &cli.dir)?, &cli.dir, command, now).await?;
        }
    }
    Ok(())
}

/// One administrator command: the roster is read from the service and verified against the
/// root key and the head this device last saw before anything is signed on top of it, and the
/// new head is remembered after.
async fn admin(store: &Backend, folder: &AdminFolder, service_dir: &Path, command: AdminCommand, now: i64) -> Result<()> {
    let entropy = SystemEntropy::new();
    if let AdminCommand::Init { org_name } = command {
        std::fs::create_dir_all(&folder.dir)?;
        let folder = AdminFolder::new(&folder.dir, service_dir)?;
        if store.roster_head().await?.is_some() {
            return Err(ServiceError::Conflict("this service already keeps an organisation's roster".into()));
        }
        let (file, root) = RootKeyFile::create(&org_name, &passphrase_from("WAYMARK_ADMIN_PASSPHRASE")?, kdf().map_err(ServiceError::BadRequest)?, &entropy)?;
        file.save(&folder.key_path())?;
        let roster = match organisation::start_roster(store, &file, &root, now).await {
            Ok(roster) => roster,
            Err(e) => {
                // A root no roster uses would only block the next attempt.
                let _ = std::fs::remove_file(folder.key_path());
                return Err(e);
            }
        };
        folder.remember(&roster.head)?;
        println!("Created the root key for {} in {}", file.org_name, folder.key_path().display());
        println!("Organisation fingerprint: {}", file.fingerprint()?);
        return Ok(());
    }
    let file = RootKeyFile::load(&folder.key_path())?;
    let pin = file.fingerprint()?;
    let seen = folder.seen_head()?;
    let mut roster = organisation::read_roster(store, &pin, seen.as_ref())
        .await?
        .ok_or_else(|| ServiceError::BadRequest("this service keeps no roster yet; run `admin init` first".into()))?;
    // Only what signs opens the key; `pending` and `roster` read.
    let key = || -> Result<_> { file.open(&passphrase_from("WAYMARK_ADMIN_PASSPHRASE")?) };
    match command {
        AdminCommand::Init { .. } => unreachable!("handled above"),
        AdminCommand::Invite { name, role, code } => {
            let role = ServedRole::parse(&role).ok_or_else(|| ServiceError::BadRequest("--role must be young_person or carer".into()))?;
            let (service, fingerprint, expires_at) = code.service(service_dir, now)?;
            let details = InviteDetails { service_url: &code.url, service_name: &service.name, service_fingerprint: &fingerprint, expires_at };
            let (person_id, invite) = organisation::invite_person(store, &mut roster, &key()?, &name, role, &details, &entropy, now).await?;
            folder.remember(&roster.head)?;
            eprintln!("{} is person {person_id}. Give them this code:", name.trim());
            println!("{}", invite.to_code());
        }
        AdminCommand::Pending => {
            // Not yet in the roster at all (a revoked one is in it, and is not waiting).
            let waiting: Vec<_> = store.person_devices().await?.into_iter().filter(|d| !roster.devices().any(|(id, _)| *id == d.id)).collect();
            if waiting.is_empty() {
                println!("No device is waiting for approval.");
            }
            for d in waiting {
                let person = d.person_id.map(|p| p.to_string()).unwrap_or_default();
                let enrolled = waymark_core::Timestamp(d.enrolled_at).to_rfc3339();
                println!("device {} for person {person} ({}, {}), enrolled {enrolled}", d.id, d.person_name, d.role);
            }
        }
        AdminCommand::Approve { device, person, code } => {
            organisation::approve_device(store, &mut roster, &key()?, device, person, &code, now).await?;
            folder.remember(&roster.head)?;
            println!("Approved device {device} for person {person}.");
        }
        AdminCommand::RevokeDevice { device } => {
            organisation::append(store, &mut roster, &key()?, RosterEntry::RevokeDevice { device_id: device }, now).await?;
            folder.remember(&roster.head)?;
            println!("Revoked device {device}: nothing more is sealed to it and nothing it signs is accepted.");
        }
        AdminCommand::AddWorker { name, role } => {
            let role = WorkerRole::parse(&role)
                .ok_or_else(|| ServiceError::BadRequest("--role must be social_worker, iro, supervising_social_worker or duty".into()))?;
            let id = organisation::add_worker(store, &mut roster, &key()?, &name, role, &entropy, now).await?;
            folder.remember(&roster.head)?;
            println!("{} is worker {id}.", name.trim());
        }
        AdminCommand::InviteWorker { worker, code } => {
            let (service, fingerprint, expires_at) = code.service(service_dir, now)?;
            let details = InviteDetails { service_url: &code.url, service_name: &service.name, service_fingerprint: &fingerprint, expires_at };
            let invite = organisation::invite_worker(store, &roster, worker, &details, &entropy, now).await?;
            println!("{}", invite.to_code());
        }
        AdminCommand::GrantAdmin { worker } => {
            organisation::append(store, &mut roster, &key()?, RosterEntry::GrantAdmin { worker_id: worker }, now).await?;
            folder.remember(&roster.head)?;
            println!("Worker {worker} may now run the organisation from the worker app on their approved laptops.");
        }
        AdminCommand::WithdrawAdmin { worker } => {
            organisation::append(store, &mut roster, &key()?, RosterEntry::WithdrawAdmin { worker_id: worker }, now).await?;
            folder.remember(&roster.head)?;
            println!("Worker {worker} may no longer change the roster.");
        }
        AdminCommand::SetUrgentPolicy { minutes, escalation } => {
            let entry = RosterEntry::SetUrgentPolicy { acknowledge_within_minutes: minutes, escalation: escalation.clone() };
            organisation::append(store, &mut roster, &key()?, entry, now).await?;
            folder.remember(&roster.head)?;
            println!("Alerts not acknowledged within {minutes} minute(s) now go next to {} worker(s), in order.", escalation.len());
        }
        AdminCommand::Allocate { person, worker } => {
            let role = roster.worker(worker).map(|w| w.role).ok_or_else(|| ServiceError::BadRequest(format!("no worker {worker} in the roster")))?;
            organisation::append(store, &mut roster, &key()?, RosterEntry::Allocate { person_id: person, worker_id: worker, role }, now).await?;
            folder.remember(&roster.head)?;
            println!("Worker {worker} is now person {person}'s {}.", role.as_str());
        }
        AdminCommand::PublishPlan { file: plan_file, person } => {
            let person_id = uuid::Uuid::parse_str(person.trim()).map_err(|_| {
                ServiceError::BadRequest(format!("--to takes the person's id (from `admin invite` or `admin pending`), not a name like '{person}'"))
            })?;
            let bytes = std::fs::read(&plan_file).map_err(|e| ServiceError::BadRequest(format!("cannot read {}: {e}", plan_file.display())))?;
            let n = organisation::publish_plan(store, &roster, &key()?, person_id, &bytes, &entropy, now).await?;
            println!("Sent the plan to person {person_id}'s {n} approved device(s).");
        }
        AdminCommand::Roster => {
            println!("{} (fingerprint {pin}), {} links, checked.", roster.org_name, roster.head.seq + 1);
            for (id, w) in roster.workers() {
                let status = if w.revoked { ", revoked" } else if w.admin { ", administrator" } else { "" };
                println!("worker {id}: {} ({}){status}", w.name, w.role.as_str());
            }
            for (id, p) in roster.people() {
                let devices = roster.devices_of_person(*id).len();
                let workers: Vec<String> = p.allocations.iter().map(|(role, w)| format!("{} {w}", role.as_str())).collect();
                println!("person {id} ({}): {devices} approved device(s); {}", p.role.as_str(), if workers.is_empty() { "no worker allocated".into() } else { workers.join(", ") });
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a tokio runtime starts");
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}
