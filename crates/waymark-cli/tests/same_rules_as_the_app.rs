//! The command-line tool goes through the same application layer as the app, so it refuses what
//! the app refuses and runs the same sync pass. Each test here is a way the two once differed.

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const PASS: &str = "otter lantern biscuit";
const SERVICE: &str = "Northvale Children's Services";

fn waymark(dir: &Path, args: &[&str], stdin: &str) -> Output {
    waymark_reading(dir, args, Some(PASS), stdin)
}

/// `waymark` with the passphrase in WAYMARK_PASSPHRASE, or (with `None`) read from `stdin`, one
/// line each time it is asked for.
fn waymark_reading(dir: &Path, args: &[&str], passphrase: Option<&str>, stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_waymark"));
    match passphrase {
        Some(p) => cmd.env("WAYMARK_PASSPHRASE", p),
        None => cmd.env_remove("WAYMARK_PASSPHRASE"),
    };
    cmd.args(args)
        .env("WAYMARK_DATA_DIR", dir)
        .env("WAYMARK_KDF", "floor")
        .env_remove("WAYMARK_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = waymark(dir, args, "");
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(dir: &Path, args: &[&str], code: &str) {
    let o = waymark(dir, args, "");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{args:?} should be refused: {err}");
    assert!(err.contains(&format!("[{code}]")), "{args:?}: expected [{code}] in {err}");
}

fn profile(role: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = waymark(dir.path(), &["profile", "create", "--name", "Robin", "--role", role], &format!("{PASS}\n"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

#[test]
fn a_person_cannot_set_a_status_only_the_service_sets() {
    let dir = profile("young_person");
    let id = ok(dir.path(), &["statement", "new", "--kind", "worried", "--words", "I miss my brother"]).trim().to_string();
    ok(dir.path(), &["statement", "status", &id, "ready"]);
    for status in ["shared", "received", "read"] {
        refused(dir.path(), &["statement", "status", &id, status], "invalid_transition");
    }
    let shown: serde_json::Value = serde_json::from_str(&ok(dir.path(), &["show", &id])).unwrap();
    assert_eq!(shown["data"]["history"].as_array().unwrap().last().unwrap()["status"], "ready", "the statement is still only ready");
    ok(dir.path(), &["statement", "status", &id, "draft"]);
}

#[test]
fn consent_is_refused_for_a_kind_the_role_does_not_keep() {
    let young = profile("young_person");
    refused(young.path(), &["consent", "grant", "safer_caring_policy", "--to", SERVICE], "invalid");
    refused(young.path(), &["consent", "grant", "learning_entry", "--to", SERVICE], "invalid");
    let carer = profile("carer");
    refused(carer.path(), &["consent", "grant", "statement", "--to", SERVICE], "invalid");
    for dir in [&young, &carer] {
        assert!(ok(dir.path(), &["consent", "list"]).contains("You have not said yes to sharing anything."), "nothing was recorded");
    }
    assert!(ok(young.path(), &["consent", "grant", "statement", "--to", SERVICE]).contains("You said yes"));
}

/// A real `waymark-service` process, on a port chosen for this test, restartable on that port.
struct Service {
    dir: tempfile::TempDir,
    admin: tempfile::TempDir,
    port: u16,
    process: Option<Child>,
}

fn service_binary() -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_waymark")).with_file_name("waymark-service");
    assert!(path.exists(), "this test needs `waymark-service` beside `waymark`: run `cargo build --workspace` first");
    path
}

/// `waymark-worker` (a worker's laptop) with its keys in `dir`; insists it succeeded.
fn worker_laptop(dir: &Path, args: &[&str]) -> String {
    let binary = service_binary().with_file_name("waymark-worker");
    let o = Command::new(binary)
        .args(["--dir", dir.to_str().unwrap()])
        .args(args)
        .env("WAYMARK_WORKER_PASSPHRASE", "kestrel pebble lighthouse")
        .env("WAYMARK_KDF", "floor")
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

impl Service {
    fn command(&self, args: &[&str]) -> Output {
        Command::new(service_binary())
            .args(args)
            .env("WAYMARK_SERVICE_DIR", self.dir.path())
            .env("WAYMARK_ADMIN_DIR", self.admin.path())
            .env("WAYMARK_ADMIN_PASSPHRASE", "copper kettle orchard")
            .env("WAYMARK_SERVICE_PASSPHRASE", "harbour lantern meadow")
            .env("WAYMARK_KDF", "floor")
            .output()
            .unwrap()
    }

    fn new() -> Service {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let service = Service { dir: tempfile::tempdir().unwrap(), admin: tempfile::tempdir().unwrap(), port, process: None };
        let o = service.command(&["init", "--name", SERVICE]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        service.ok(&["admin", "init", "--org-name", SERVICE]);
        service
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.command(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn invite(&self) -> String {
        self.invite_person().0
    }

    /// An invite code for a young person called Robin, and the id the roster gave them.
    fn invite_person(&self) -> (String, String) {
        let url = format!("http://127.0.0.1:{}", self.port);
        let o = self.command(&["admin", "invite", "--name", "Robin", "--role", "young_person", "--url", &url]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let said = String::from_utf8_lossy(&o.stderr);
        let person = said.split("is person ").nth(1).and_then(|r| r.split('.').next()).expect("the person's id").to_string();
        (String::from_utf8_lossy(&o.stdout).trim().to_string(), person)
    }

    /// Adds a worker to the roster; returns their id.
    fn add_worker(&self, name: &str, role: &str) -> String {
        let said = self.ok(&["admin", "add-worker", "--name", name, "--role", role]);
        said.split("is worker ").nth(1).and_then(|r| r.split('.').next()).expect("a worker id").to_string()
    }

    /// Approves the laptop `connect --yes` connected (from what it printed); returns the person's id.
    fn approve_from(&self, connected: &str) -> String {
        let field = |label: &str| connected.split(label).nth(1).and_then(|r| r.lines().next()).expect(label).trim().to_string();
        let device = field("as device ").trim_end_matches('.').to_string();
        let pending = self.ok(&["admin", "pending"]);
        let person = pending.split(&format!("device {device} for person ")).nth(1).and_then(|r| r.split(' ').next()).unwrap().to_string();
        self.ok(&["admin", "approve", "--device", &device, "--person", &person, "--code", &field("Read them this code: ")]);
        person
    }

    /// A social worker for `person`, allocated, with a laptop (`waymark-worker`) enrolled and
    /// approved with the code it printed. Returns the laptop's folder.
    fn social_worker_for(&self, person: &str) -> tempfile::TempDir {
        let worker = self.add_worker("Sam Okafor", "social_worker");
        self.ok(&["admin", "allocate", "--person", person, "--worker", &worker]);
        self.laptop_for(&worker)
    }

    /// A laptop for `worker` (`waymark-worker`), enrolled and approved with the code it printed.
    fn laptop_for(&self, worker: &str) -> tempfile::TempDir {
        let code = self.ok(&["admin", "invite-worker", "--worker", worker, "--url", &format!("http://127.0.0.1:{}", self.port)]);
        let laptop = tempfile::tempdir().unwrap();
        let said = worker_laptop(laptop.path(), &["enrol", code.trim()]);
        let device = said.split("as device ").nth(1).and_then(|r| r.split(',').next()).expect("a device id");
        let device_code = said.split("approves this laptop with it: ").nth(1).expect("a code").trim();
        self.ok(&["admin", "approve", "--device", device, "--person", worker, "--code", device_code]);
        laptop
    }

    fn start(&mut self) {
        let child = Command::new(service_binary())
            .args(["serve", "--listen", &format!("127.0.0.1:{}", self.port)])
            .env("WAYMARK_SERVICE_DIR", self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.process = Some(child);
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "the service did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.stop();
    }
}

#[test]
fn withdrawing_asks_the_service_to_delete_and_sync_asks_again_until_it_confirms() {
    let mut service = Service::new();
    let code = service.invite();
    service.start();
    let dir = profile("young_person");
    let dir = dir.path();
    let said_connected = ok(dir, &["connect", &code, "--yes"]);
    assert!(said_connected.contains(&format!("Connected to {SERVICE}")));
    // The service's own reason for a refusal reaches an administrator, beside the code.
    let again = waymark(dir, &["connect", &code, "--yes"], "");
    let said = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(1), "{said}");
    assert!(said.contains("[service_refused]") && said.contains("reason="), "{said}");
    let robin = service.approve_from(&said_connected);
    let sam = service.social_worker_for(&robin);
    ok(dir, &["sync"]);
    let id = ok(dir, &["statement", "new", "--kind", "worried", "--words", "I miss my brother"]).trim().to_string();
    ok(dir, &["statement", "status", &id, "ready"]);
    // On a service with a roster, a person chooses which of their workers: "the service" is no one.
    refused(dir, &["consent", "grant", "statement"], "invalid");
    ok(dir, &["consent", "grant", "statement", "--worker", "social_worker"]);
    assert!(ok(dir, &["share", &id]).contains("Sent so far: 1"), "shared at once, as the app does");
    assert!(worker_laptop(sam.path(), &["shared"]).contains("I miss my brother"));

    // The service is away when Robin says no: the ask is kept, and said to be waiting.
    service.stop();
    let said = ok(dir, &["consent", "withdraw", "statement", "--worker", "social_worker"]);
    assert!(said.contains("You said no to sharing"), "{said}");
    assert!(said.contains("could not be asked to delete yet") && said.contains("[unreachable]"), "{said}");
    assert!(ok(dir, &["consent", "list"]).contains("waiting for its answer"));

    // Back again: the next sync asks, checks the signed receipt and keeps it.
    service.start();
    let synced = ok(dir, &["sync"]);
    assert!(synced.contains("The service deleted 1 item(s)") && synced.contains("signed receipt checked out"), "{synced}");
    let listed = ok(dir, &["consent", "list"]);
    assert!(listed.contains(&format!("Deleted by {SERVICE}")) && listed.contains("(1 item(s), confirmed"), "{listed}");
    assert!(!listed.contains("waiting for its answer"), "{listed}");
    // Nothing more is asked once the service has confirmed.
    assert!(!ok(dir, &["sync"]).contains("deleted"), "asked again after the service confirmed");
}

#[test]
fn i_dont_feel_safe_leaves_first_and_the_service_lists_it_first_marked_urgent() {
    let mut service = Service::new();
    let code = service.invite();
    service.start();
    let dir = profile("young_person");
    let dir = dir.path();
    let robin = service.approve_from(&ok(dir, &["connect", &code, "--yes"]));
    let sam = service.add_worker("Sam Okafor", "social_worker");
    service.ok(&["admin", "allocate", "--person", &robin, "--worker", &sam]);
    ok(dir, &["sync"]);
    ok(dir, &["consent", "grant", "statement", "--worker", "social_worker"]);
    // Both wait in the outbox (Robin's social worker has no approved laptop to seal them to yet),
    // the ordinary worry first.
    for (kind, words) in [("worried", "My phone is broken"), ("not_safe", "I don't feel safe at home tonight")] {
        let id = ok(dir, &["statement", "new", "--kind", kind, "--words", words]).trim().to_string();
        ok(dir, &["statement", "status", &id, "ready"]);
        assert!(ok(dir, &["share", &id]).contains("waiting: "));
    }
    assert!(ok(dir, &["sync"]).contains("2 waiting until someone can read it"));
    let sam = service.laptop_for(&sam);
    assert!(ok(dir, &["sync"]).contains("Sent 2."));
    let inbox = service.command(&["inbox"]);
    let inbox = String::from_utf8_lossy(&inbox.stdout);
    let headings: Vec<&str> = inbox.lines().filter(|l| l.contains(" from Robin")).collect();
    assert_eq!(headings.len(), 2, "{inbox}");
    // It left the outbox first, though queued second: the service numbered it #1.
    assert!(headings[0].starts_with("URGENT: #1 ") && headings[1].starts_with("#2 "), "{inbox}");
    // Robin's social worker's laptop opens both, the urgent one first.
    let shared = worker_laptop(sam.path(), &["shared"]);
    assert!(shared.starts_with("URGENT: #1 "), "{shared}");
    assert!(shared.find("I don't feel safe").unwrap() < shared.find("My phone is broken").unwrap(), "{shared}");
}

/// What `connect --yes` printed: the device's id and the code to read to a worker.
fn connect(dir: &Path, code: &str) -> (String, String) {
    let said = ok(dir, &["connect", code, "--yes"]);
    let device = said.split("as device ").nth(1).and_then(|r| r.split('.').next()).expect("a device id").to_string();
    let device_code = said.split("Read them this code: ").nth(1).and_then(|r| r.lines().next()).expect("a device code").to_string();
    (device, device_code)
}

#[test]
fn two_people_called_robin_each_get_only_their_own_plan() {
    let mut service = Service::new();
    service.start();
    let (first, second) = (profile("young_person"), profile("young_person"));
    let (first_code, first_person) = service.invite_person();
    let (second_code, second_person) = service.invite_person();
    assert_ne!(first_person, second_person);
    let (first_device, first_device_code) = connect(first.path(), &first_code);
    let (second_device, second_device_code) = connect(second.path(), &second_code);
    let waiting = service.ok(&["admin", "pending"]);
    assert!(waiting.contains(&first_device) && waiting.contains(&second_device), "{waiting}");

    // Nothing goes to a laptop no worker approved, and a code read out wrong approves nothing.
    let o = service.command(&["admin", "publish-plan", "../../examples/pathway-plan-v1.json", "--to", &first_person]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no approved device"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = service.command(&["admin", "approve", "--device", &first_device, "--person", &first_person, "--code", &second_device_code]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not match"), "{}", String::from_utf8_lossy(&o.stderr));
    // The plan goes by id; a name is refused as an address.
    let o = service.command(&["admin", "publish-plan", "../../examples/pathway-plan-v1.json", "--to", "Robin"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a name"), "{}", String::from_utf8_lossy(&o.stderr));

    service.ok(&["admin", "approve", "--device", &first_device, "--person", &first_person, "--code", &first_device_code]);
    service.ok(&["admin", "approve", "--device", &second_device, "--person", &second_person, "--code", &second_device_code]);
    assert!(service.ok(&["admin", "pending"]).contains("No device is waiting"));
    let sent = service.ok(&["admin", "publish-plan", "../../examples/pathway-plan-v1.json", "--to", &first_person]);
    assert!(sent.contains("1 approved device(s)"), "{sent}");

    let synced = ok(first.path(), &["sync"]);
    assert!(synced.contains("Received 1 plan version(s)") && !synced.contains("Waiting for a worker"), "{synced}");
    assert!(ok(first.path(), &["list", "--kind", "plan"]).contains("pathway plan"));
    let synced = ok(second.path(), &["sync"]);
    assert!(synced.contains("Received 0 plan version(s)"), "{synced}");
    assert!(!ok(second.path(), &["list", "--kind", "plan"]).contains("pathway plan"), "the other Robin has no plan");
    let roster = service.ok(&["admin", "roster"]);
    assert!(roster.contains(&format!("person {first_person} (young_person): 1 approved device(s)")), "{roster}");
}

#[test]
fn moving_to_another_organisation_says_what_ends_and_carries_no_consent_over() {
    let (mut first, mut second) = (Service::new(), Service::new());
    first.start();
    second.start();
    let dir = profile("young_person");
    let dir = dir.path();
    ok(dir, &["connect", &first.invite(), "--yes"]);
    ok(dir, &["consent", "grant", "statement", "--worker", "social_worker"]);
    let id = ok(dir, &["statement", "new", "--kind", "worried", "--words", "Waiting while the service is away"]).trim().to_string();
    ok(dir, &["statement", "status", &id, "ready"]);
    first.stop();
    ok(dir, &["share", &id]);

    // Another organisation that happens to have the same name: what was said to the first ends.
    let code = second.invite();
    let looked = ok(dir, &["connect", &code]);
    assert!(looked.contains(&format!("This replaces your connection to {SERVICE}")), "{looked}");
    assert!(looked.contains("You said yes to sharing") && looked.contains("that ends"), "{looked}");
    assert!(looked.contains("1 thing(s) waiting") && looked.contains("Nothing you said yes to is carried"), "{looked}");
    assert!(ok(dir, &["consent", "list"]).contains("with your social worker"), "nothing changed before --yes");

    // The passphrase is asked for again: a wrong one changes nothing.
    let wrong = waymark_reading(dir, &["connect", &code, "--yes"], None, &format!("{PASS}\nnot my passphrase\n"));
    assert_eq!(wrong.status.code(), Some(1), "{}", String::from_utf8_lossy(&wrong.stderr));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("[wrong_passphrase]"));
    assert!(ok(dir, &["consent", "list"]).contains("Yes: "), "still connected to the first, consent kept");
    assert!(ok(dir, &["outbox"]).contains("-> social_worker@"), "its item still waiting");

    let moved = ok(dir, &["connect", &code, "--yes"]);
    assert!(moved.contains(&format!("Connected to {SERVICE}")), "{moved}");
    let listed = ok(dir, &["consent", "list"]);
    assert!(listed.contains("You have not said yes to sharing anything."), "no consent carried over: {listed}");
    assert!(ok(dir, &["outbox"]).contains("Nothing is waiting to be sent."), "nothing waits for anyone");
    refused(dir, &["share", &id], "no_consent");
}
