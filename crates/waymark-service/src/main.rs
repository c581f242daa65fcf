//! `waymark-service`: set up the service's keys, hand out invites, serve the API, and read what
//! devices shared. Passphrases are never arguments: they come from WAYMARK_SERVICE_PASSPHRASE or
//! the first line of standard input.

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
use waymark_service::outgoing::{publish_plan, publish_resources, ReceiptSender};
use waymark_service::backend::Backend;
use waymark_service::store::{NewInvite, ServiceStore};
use waymark_service::{Result, ServiceError};
use waymark_sync::envelope::{Envelope, EnvelopeOpener};
use waymark_sync::invite::{Invite, INVITE_FORMAT};
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
    /// Print a one-time invite code for a person, carrying this service's address and key fingerprint.
    Invite {
        #[arg(long)]
        name: String,
        /// young_person or carer
        #[arg(long)]
        role: String,
        /// The address devices reach this service at.
        #[arg(long, env = "WAYMARK_SERVICE_URL", default_value = "http://127.0.0.1:8750")]
        url: String,
        /// How long the code works for.
        #[arg(long, default_value_t = 72)]
        hours: i64,
    },
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
    /// Open and print what devices have shared (asks for the key file's passphrase).
    Inbox {
        /// Only items after this number.
        #[arg(long, default_value_t = 0)]
        after: i64,
    },
    /// Mark an inbox item as read; its sender's device is told (asks for the passphrase: it signs).
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
    /// Send a new version of a person's plan to each of their devices, sealed and signed.
    PublishPlan {
        file: PathBuf,
        /// The person's name, as in their invite.
        #[arg(long = "to")]
        person: String,
    },
}

fn kdf() -> std::result::Result<KdfParams, String> {
    match std::env::var("WAYMARK_KDF").as_deref() {
        Err(_) | Ok("default") => Ok(KdfParams::DEFAULT),
        Ok("floor") => Ok(KdfParams::FLOOR),
        Ok(other) => Err(format!("WAYMARK_KDF must be 'floor' or 'default', not '{other}'")),
    }
}

fn passphrase() -> Result<Passphrase> {
    if let Ok(p) = std::env::var("WAYMARK_SERVICE_PASSPHRASE") {
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

async fn store(cli_database: &Option<String>, dir: &Path) -> Result<Backend> {
    Backend::open(cli_database.as_deref(), dir).await
}

async fn run(cli: Cli) -> Result<()> {
    let keys_path = cli.dir.join("keys.json");
    let now = SystemClock.now().0;
    match cli.command {
        Command::Init { name } => {
            std::fs::create_dir_all(&cli.dir)?;
            let kdf = kdf().map_err(ServiceError::BadRequest)?;
            let (file, _keys) = KeyFile::create(&name, &passphrase()?, kdf, &SystemEntropy::new())?;
            file.save(&keys_path)?;
            store(&cli.database, &cli.dir).await?;
            println!("Created keys for {} in {}", file.name, keys_path.display());
            println!("Fingerprint: {}", file.public.fingerprint()?);
        }
        Command::Invite { name, role, url, hours } => {
            if !["young_person", "carer"].contains(&role.as_str()) {
                return Err(ServiceError::BadRequest("--role must be young_person or carer".into()));
            }
            if name.trim().is_empty() || name.chars().count() > 60 {
                return Err(ServiceError::BadRequest("--name must be 1 to 60 characters".into()));
            }
            if !(1..=24 * 30).contains(&hours) {
                return Err(ServiceError::BadRequest("--hours must be between 1 and 720".into()));
            }
            let file = KeyFile::load(&keys_path)?;
            let invite = Invite {
                format: INVITE_FORMAT,
                service_url: url.trim_end_matches('/').to_string(),
                service_name: file.name.clone(),
                fingerprint: file.public.fingerprint()?,
                token: Invite::new_token(&SystemEntropy::new()),
                expires_at: now + hours * 3600,
            };
            // The same checks a device makes, so a code that would be refused is never printed.
            Invite::parse(&invite.to_code(), now)?;
            store(&cli.database, &cli.dir).await?
                .add_invite(NewInvite {
                    token_hash: Invite::token_hash(&invite.token)?,
                    person_name: name.trim().to_string(),
                    role,
                    created_at: now,
                    expires_at: invite.expires_at,
                })
                .await?;
            println!("{}", invite.to_code());
        }
        Command::Serve { listen, tls_cert, tls_key } => {
            let file = KeyFile::load(&keys_path)?;
            let state = Arc::new(ServiceState::new(store(&cli.database, &cli.dir).await?, file.name.clone(), file.public.clone(), Arc::new(SystemClock), file.receipt_signer()?));
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
                    .serve(router(state).into_make_service())
                    .await?;
            } else {
                let listener = tokio::net::TcpListener::bind(listen).await?;
                eprintln!("{} is listening on http://{}", file.name, listener.local_addr()?);
                axum::serve(listener, router(state))
                    .with_graceful_shutdown(async {
                        let _ = tokio::signal::ctrl_c().await;
                    })
                    .await?;
            }
        }
        Command::Inbox { after } => {
            let file = KeyFile::load(&keys_path)?;
            let keys = file.open(&passphrase()?)?;
            let store = store(&cli.database, &cli.dir).await?;
            let items = store.envelopes(after, 1000).await?;
            if items.is_empty() {
                println!("Nothing new.");
            }
            let entropy = SystemEntropy::new();
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
            let store = store(&cli.database, &cli.dir).await?;
            let item = store.envelopes(seq - 1, 1).await?.into_iter().find(|e| e.seq == seq);
            let Some(item) = item.filter(|e| e.read_at.is_none()) else {
                return Err(ServiceError::BadRequest(format!("there is no unread item #{seq}")));
            };
            store.mark_read(seq, now).await?;
            ReceiptSender::new(&store, &keys, &SystemEntropy::new()).send(&item, ReceiptStatus::Read, now).await?;
            println!("Marked #{seq} as read; {}'s device will show it.", item.person_name);
        }
        Command::PublishResources { pages, version } => {
            let keys = KeyFile::load(&keys_path)?.open(&passphrase()?)?;
            if publish_resources(&store(&cli.database, &cli.dir).await?, &keys, &pages, version, now).await? {
                println!("Published library version {version}.");
            } else {
                return Err(ServiceError::Conflict(format!("a library of version {version} or newer is published already")));
            }
        }
        Command::PublishPlan { file, person } => {
            let keys = KeyFile::load(&keys_path)?.open(&passphrase()?)?;
            let bytes = std::fs::read(&file).map_err(|e| ServiceError::BadRequest(format!("cannot read {}: {e}", file.display())))?;
            let n = publish_plan(&store(&cli.database, &cli.dir).await?, &keys, &person, &bytes, &SystemEntropy::new(), now).await?;
            println!("Sent the plan to {person}'s {n} device(s).");
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
