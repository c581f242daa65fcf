//! `waymark-load`: a load generator for `waymark-service`. It makes a service with `init`,
//! enrols devices straight into its database (enrolment is rate-limited on purpose, and is not
//! what is being measured), seals one statement per upload in advance, starts the real
//! `waymark-service serve` on loopback, and sends signed single-envelope uploads from many
//! devices at once. Bounded by a count and a time; prints uploads per second and latency
//! percentiles, as text and as one JSON line.
//!
//! Every upload comes from a device with at most 100 to send, so the per-device limit (a burst
//! of 120) is never what is measured.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use uuid::Uuid;
use waymark_core::{Clock, SystemClock, SystemEntropy};
use waymark_service::backend::Backend;
use waymark_service::keyfile::KeyFile;
use waymark_service::store::{Device, NewInvite, ServiceStore};
use waymark_sync::envelope::{seal_envelope, EnvelopeHeader};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::request::sign_request;

#[derive(Parser)]
#[command(about = "Measure waymark-service: uploads per second and latency over loopback")]
struct Args {
    /// The service binary (default: `waymark-service` beside this one).
    #[arg(long)]
    service_bin: Option<PathBuf>,
    /// A `postgres://` database for the service (default: its SQLite file).
    #[arg(long)]
    database: Option<String>,
    /// Uploads to send (after the warm-up).
    #[arg(long, default_value_t = 20_000)]
    uploads: usize,
    /// Stop after this many seconds even if not all were sent.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Uploads sent first and not counted.
    #[arg(long, default_value_t = 500)]
    warmup: usize,
    /// A label for the report (e.g. "sqlite").
    #[arg(long, default_value = "sqlite")]
    label: String,
}

const PER_DEVICE: usize = 100;

struct Upload {
    device: usize,
    body: Vec<u8>,
}

struct Stop(std::process::Child);
impl Drop for Stop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn main() {
    let args = Args::parse();
    let service_bin = args.service_bin.clone().unwrap_or_else(|| std::env::current_exe().unwrap().with_file_name("waymark-service"));
    let dir = tempfile::tempdir().unwrap();
    let service = |c: &mut Command| {
        c.env("WAYMARK_SERVICE_DIR", dir.path())
            .env("WAYMARK_KDF", "floor")
            .env("WAYMARK_SERVICE_PASSPHRASE", "load test lantern meadow")
            .env_remove("WAYMARK_SERVICE_DATABASE");
        if let Some(db) = &args.database {
            c.arg("--database").arg(db);
        }
    };
    let mut init = Command::new(&service_bin);
    service(&mut init);
    let status = init.args(["init", "--name", "Load test service"]).stdout(Stdio::null()).status().expect("waymark-service runs");
    assert!(status.success(), "waymark-service init failed");
    let public = KeyFile::load(&dir.path().join("keys.json")).unwrap().public;

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let total = args.warmup + args.uploads;
    let device_count = total.div_ceil(PER_DEVICE);
    eprintln!("Enrolling {device_count} devices and sealing {total} statements…");
    let entropy = SystemEntropy::new();
    let devices: Vec<(Uuid, IdentityKeys)> = runtime.block_on(async {
        let store = Backend::open(args.database.as_deref(), dir.path(), None).await.unwrap();
        let now = SystemClock.now().0;
        let mut out = Vec::with_capacity(device_count);
        for i in 0..device_count {
            let keys = IdentityKeys::generate(&entropy);
            let token_hash = Uuid::new_v4().as_bytes().to_vec();
            let person = format!("Load person {i}");
            store
                .add_invite(NewInvite { token_hash: token_hash.clone(), person_id: None, person_name: person.clone(), role: "young_person".into(), created_at: now, expires_at: now + 3600 })
                .await
                .unwrap();
            let device = Device {
                id: Uuid::new_v4(),
                person_id: None,
                person_name: person,
                role: "young_person".into(),
                signing_key: keys.public().signing.clone(),
                receiving_key: keys.public().receiving.clone(),
                enrolled_at: now,
            };
            let id = store.redeem_invite(token_hash, device, now).await.unwrap().id;
            out.push((id, keys));
        }
        out
    });
    let uploads: Vec<Upload> = (0..total)
        .map(|i| {
            let device = i % device_count;
            let header = EnvelopeHeader {
                envelope_id: Uuid::new_v4(),
                device_id: devices[device].0,
                record_kind: "statement".into(),
                record_id: Uuid::new_v4(),
                record_version: 1,
                urgent: false,
            };
            let words = format!("{{\"kind\":\"change_something\",\"words\":\"Load test message {i}: could contact visits move to Saturdays so I do not miss football?\"}}");
            let envelope = seal_envelope(&public, header, words.as_bytes(), &entropy).unwrap();
            Upload { device, body: serde_json::to_vec(&envelope).unwrap() }
        })
        .collect();

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut serve = Command::new(&service_bin);
    service(&mut serve);
    let _server = Stop(serve.args(["serve", "--listen", &format!("127.0.0.1:{port}")]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(10), "the service did not start");
        std::thread::sleep(Duration::from_millis(20));
    }

    let url = format!("http://127.0.0.1:{port}/v1/envelopes");
    let devices = Arc::new(devices);
    let uploads = Arc::new(uploads);
    let http = reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).build().unwrap();
    let send_range = |from: usize, to: usize, deadline: Instant| {
        let (devices, uploads, http, url) = (devices.clone(), uploads.clone(), http.clone(), url.clone());
        let next = Arc::new(AtomicUsize::new(from));
        async move {
            let mut tasks = Vec::new();
            for _ in 0..args.concurrency {
                let (devices, uploads, http, url, next) = (devices.clone(), uploads.clone(), http.clone(), url.clone(), next.clone());
                tasks.push(tokio::spawn(async move {
                    let (mut latencies, mut refused) = (Vec::new(), Vec::new());
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= to || Instant::now() >= deadline {
                            break;
                        }
                        let upload = &uploads[i];
                        let (id, keys) = &devices[upload.device];
                        let t = Instant::now();
                        let mut req = http.post(&url).header("content-type", "application/json");
                        for (name, value) in sign_request(keys, &id.to_string(), "POST", "/v1/envelopes", SystemClock.now().0, &upload.body) {
                            req = req.header(name, value);
                        }
                        match req.body(upload.body.clone()).send().await {
                            Ok(res) if res.status().as_u16() == 201 => {
                                let _ = res.bytes().await;
                                latencies.push(t.elapsed());
                            }
                            Ok(res) => refused.push(res.status().as_u16()),
                            Err(_) => refused.push(0),
                        }
                    }
                    (latencies, refused)
                }));
            }
            let (mut latencies, mut refused) = (Vec::new(), Vec::new());
            for t in tasks {
                let (l, r) = t.await.unwrap();
                latencies.extend(l);
                refused.extend(r);
            }
            (latencies, refused)
        }
    };
    let bound = Duration::from_secs(args.seconds);
    runtime.block_on(send_range(0, args.warmup, Instant::now() + bound));
    let t = Instant::now();
    let (mut latencies, refused) = runtime.block_on(send_range(args.warmup, total, Instant::now() + bound));
    let elapsed = t.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies.get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1))).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(f64::NAN);
    let per_sec = latencies.len() as f64 / elapsed.as_secs_f64();
    println!(
        "{}: {} uploads stored in {:.2} s = {:.0}/s with {} in flight; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} refused or failed",
        args.label,
        latencies.len(),
        elapsed.as_secs_f64(),
        per_sec,
        args.concurrency,
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0),
        refused.len()
    );
    println!(
        "{}",
        serde_json::json!({
            "label": args.label, "stored": latencies.len(), "seconds": elapsed.as_secs_f64(), "per_second": per_sec,
            "concurrency": args.concurrency, "p50_ms": pct(0.5), "p90_ms": pct(0.9), "p99_ms": pct(0.99), "max_ms": pct(1.0),
            "refused": refused.len(),
        })
    );
    if !refused.is_empty() {
        eprintln!("statuses of refused uploads: {:?}", &refused[..refused.len().min(20)]);
        std::process::exit(1);
    }
}
