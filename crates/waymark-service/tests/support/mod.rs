//! What the process-level tests share: the two real programs (`waymark-service` and the `waymark`
//! tool, which runs the app's sending code), each in its own throwaway folder, and a guard that
//! stops a started server however the test ends.

#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Tools {
    pub service: PathBuf,
    pub waymark: PathBuf,
    /// A worker's laptop (`waymark-worker`); each runs in a folder of its own.
    pub worker: PathBuf,
    service_dir: tempfile::TempDir,
    vault_dir: tempfile::TempDir,
    admin_dir: tempfile::TempDir,
}

impl Tools {
    pub fn new() -> Tools {
        let service = PathBuf::from(env!("CARGO_BIN_EXE_waymark-service"));
        let waymark = service.parent().unwrap().join("waymark");
        assert!(waymark.exists(), "needs the `waymark` tool beside `waymark-service`: run `cargo build --workspace` first");
        let worker = service.parent().unwrap().join("waymark-worker");
        assert!(worker.exists(), "needs `waymark-worker` beside `waymark-service`: run `cargo build --workspace` first");
        Tools {
            service,
            waymark,
            worker,
            service_dir: tempfile::tempdir().unwrap(),
            vault_dir: tempfile::tempdir().unwrap(),
            admin_dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A command for `program` in this test's folders, with fixed invented passphrases and no
    /// trust settings inherited from whoever runs the tests.
    pub fn command(&self, program: &Path) -> Command {
        let mut c = Command::new(program);
        c.env("WAYMARK_SERVICE_DIR", self.service_dir.path())
            .env("WAYMARK_DATA_DIR", self.vault_dir.path())
            .env("WAYMARK_KDF", "floor")
            .env("WAYMARK_SERVICE_PASSPHRASE", "harbour lantern meadow")
            .env("WAYMARK_PASSPHRASE", "otter lantern biscuit")
            .env("WAYMARK_ADMIN_DIR", self.admin_dir.path())
            .env("WAYMARK_ADMIN_PASSPHRASE", "copper kettle orchard")
            .env("WAYMARK_WORKER_PASSPHRASE", "kestrel pebble lighthouse")
            .env_remove("WAYMARK_WORKER_DIR")
            .env_remove("WAYMARK_SERVICE_DATABASE")
            .env_remove("WAYMARK_PROFILE")
            .env_remove("SSL_CERT_FILE")
            .env_remove("SSL_CERT_DIR")
            .stdin(Stdio::null());
        c
    }

    /// Runs to the end, insists it succeeded, and returns what it printed.
    pub fn run(&self, program: &Path, args: &[&str]) -> String {
        run(self.command(program).args(args))
    }

    /// Makes the service's keys and the organisation's root key (in its own folder) and roster.
    pub fn init(&self) {
        self.run(&self.service, &["init", "--name", "Northvale Children's Services"]);
        self.run(&self.service, &["admin", "init", "--org-name", "Northvale Children's Services"]);
    }

    /// An invite code for a young person called Robin, for a service reached at `url`.
    pub fn invite(&self, url: &str) -> String {
        self.run(&self.service, &["admin", "invite", "--name", "Robin", "--role", "young_person", "--url", url]).trim().to_string()
    }

    /// Adds a worker to the organisation's roster; returns their id.
    pub fn add_worker(&self, name: &str, role: &str) -> String {
        let said = self.run(&self.service, &["admin", "add-worker", "--name", name, "--role", role]);
        said.split("is worker ").nth(1).and_then(|r| r.split('.').next()).unwrap_or_else(|| panic!("no worker id in {said}")).to_string()
    }

    /// A laptop for `worker`: invited, enrolled with `waymark-worker`, and approved with the code
    /// it printed, as an administrator would with the code the worker reads out.
    pub fn worker_laptop(&self, worker: &str, url: &str) -> WorkerLaptop<'_> {
        self.worker_laptop_trusting(worker, url, None)
    }

    /// [`Tools::worker_laptop`] for a laptop that trusts the certificate authority in `ca`.
    pub fn worker_laptop_trusting(&self, worker: &str, url: &str, ca: Option<&Path>) -> WorkerLaptop<'_> {
        let code = self.run(&self.service, &["admin", "invite-worker", "--worker", worker, "--url", url]).trim().to_string();
        let laptop = WorkerLaptop { tools: self, dir: tempfile::tempdir().unwrap(), ca: ca.map(Path::to_path_buf) };
        let said = laptop.run(&["enrol", &code]);
        let device = said.split("as device ").nth(1).and_then(|r| r.split(',').next()).unwrap_or_else(|| panic!("no device in {said}"));
        let device_code = said.split("approves this laptop with it: ").nth(1).map(str::trim).unwrap_or_else(|| panic!("no code in {said}"));
        self.run(&self.service, &["admin", "approve", "--device", device, "--person", worker, "--code", device_code]);
        laptop
    }

    /// Approves the laptop that `waymark connect --yes` just connected, with the code it printed,
    /// as a worker would once its person read it out; returns the person's roster id.
    pub fn approve_from(&self, connected: &str) -> String {
        let field = |label: &str| connected.split(label).nth(1).and_then(|r| r.lines().next()).unwrap_or_else(|| panic!("no '{label}' in {connected}")).trim();
        let device = field("as device ").trim_end_matches('.');
        let pending = self.run(&self.service, &["admin", "pending"]);
        let person = pending.split(&format!("device {device} for person ")).nth(1).and_then(|r| r.split(' ').next()).unwrap().to_string();
        self.run(&self.service, &["admin", "approve", "--device", device, "--person", &person, "--code", field("Read them this code: ")]);
        person
    }

    /// Robin's social worker, Sam: in the roster, allocated to `person`, with an approved laptop.
    pub fn social_worker_for(&self, person: &str, url: &str, ca: Option<&Path>) -> WorkerLaptop<'_> {
        let sam = self.add_worker("Sam Okafor", "social_worker");
        self.run(&self.service, &["admin", "allocate", "--person", person, "--worker", &sam]);
        self.worker_laptop_trusting(&sam, url, ca)
    }

    /// Starts `serve` with `args` and waits until `port` takes connections.
    pub fn serve(&self, port: u16, args: &[&str]) -> Stop {
        let listen = format!("127.0.0.1:{port}");
        let child = self.command(&self.service).args(["serve", "--listen", &listen]).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let server = Stop(child);
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(10), "the service did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }
}

/// A worker's laptop: `waymark-worker` with a folder of its own.
pub struct WorkerLaptop<'a> {
    tools: &'a Tools,
    dir: tempfile::TempDir,
    /// A certificate authority this laptop trusts (an organisation's own).
    ca: Option<PathBuf>,
}

impl WorkerLaptop<'_> {
    pub fn run(&self, args: &[&str]) -> String {
        let mut command = self.tools.command(&self.tools.worker);
        if let Some(ca) = &self.ca {
            command.env("SSL_CERT_FILE", ca);
        }
        run(command.arg("--dir").arg(self.dir.path()).args(args))
    }
}

/// Runs a prepared command to the end, insists it succeeded, and returns what it printed.
pub fn run(command: &mut Command) -> String {
    let out = command.output().unwrap();
    assert!(out.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Stops a started process however the test ends, so a failure leaves nothing running.
pub struct Stop(pub Child);

impl Drop for Stop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}
