//! Exactly once, across a real crash: `waymark sync` is killed with SIGKILL after the service has
//! stored its upload but before the answer reached it. On the next `waymark sync` the item is
//! sent again and the service keeps one copy. Real processes: the service, the command-line tool
//! (the app's sending code), and a loopback relay in this test that can hold back answers.

use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Relay {
    port: u16,
    hold_answers: Arc<AtomicBool>,
    answers_held: Arc<AtomicUsize>,
}

/// Passes bytes between the device and the service; while `hold_answers` is set, the service's
/// answers are read and dropped, so the device waits as if the network died after the upload.
async fn relay(upstream: u16) -> Relay {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let hold_answers = Arc::new(AtomicBool::new(false));
    let answers_held = Arc::new(AtomicUsize::new(0));
    let (hold, held) = (hold_answers.clone(), answers_held.clone());
    tokio::spawn(async move {
        loop {
            let (client, _) = listener.accept().await.unwrap();
            let (hold, held) = (hold.clone(), held.clone());
            tokio::spawn(async move {
                let Ok(server) = tokio::net::TcpStream::connect(("127.0.0.1", upstream)).await else { return };
                let (mut client_read, mut client_write) = client.into_split();
                let (mut server_read, mut server_write) = server.into_split();
                tokio::spawn(async move {
                    let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                });
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    let n = match server_read.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if hold.load(Ordering::SeqCst) {
                        held.fetch_add(1, Ordering::SeqCst);
                        continue;
                    }
                    if client_write.write_all(&buf[..n]).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    Relay { port, hold_answers, answers_held }
}

/// Stops the service process however the test ends, so a failure leaves nothing running.
struct Stop(std::process::Child);

impl Drop for Stop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_killed_after_the_upload_is_stored_still_gives_exactly_one_copy() {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_waymark-service")).parent().unwrap().to_path_buf();
    let waymark = bin_dir.join("waymark");
    assert!(waymark.exists(), "needs the `waymark` tool beside `waymark-service`: run `cargo build --workspace` first");
    let service_dir = tempfile::tempdir().unwrap();
    let vault_dir = tempfile::tempdir().unwrap();
    let env = |c: &mut Command| {
        c.env("WAYMARK_SERVICE_DIR", service_dir.path())
            .env("WAYMARK_DATA_DIR", vault_dir.path())
            .env("WAYMARK_KDF", "floor")
            .env("WAYMARK_SERVICE_PASSPHRASE", "harbour lantern meadow")
            .env("WAYMARK_PASSPHRASE", "otter lantern biscuit")
            .env_remove("WAYMARK_SERVICE_DATABASE")
            .env_remove("WAYMARK_PROFILE");
    };
    let run = |program: &std::path::Path, args: &[&str]| -> String {
        let mut c = Command::new(program);
        env(&mut c);
        let out = c.args(args).stdin(Stdio::null()).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let service = env!("CARGO_BIN_EXE_waymark-service");
    let service = std::path::Path::new(service);

    let upstream = free_port();
    let relay = relay(upstream).await;
    run(service, &["init", "--name", "Northvale Children's Services"]);
    let code = run(service, &["invite", "--name", "Robin", "--role", "young_person", "--url", &format!("http://127.0.0.1:{}", relay.port)]);
    let mut serve = Command::new(service);
    env(&mut serve);
    let _server = Stop(
        serve.args(["serve", "--listen", &format!("127.0.0.1:{upstream}")]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap(),
    );
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", upstream)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(10), "the service did not start");
        std::thread::sleep(Duration::from_millis(50));
    }

    let mut create = Command::new(&waymark);
    env(&mut create);
    let status = create.args(["profile", "create", "--name", "Robin", "--role", "young_person"]).stdout(Stdio::null()).status().unwrap();
    assert!(status.success());
    run(&waymark, &["connect", code.trim(), "--yes"]);
    let id = run(&waymark, &["statement", "new", "--kind", "worried", "--words", "Sent once, even when the laptop dies"]);
    run(&waymark, &["statement", "status", id.trim(), "ready"]);
    run(&waymark, &["consent", "grant", "statement", "--to", "Northvale Children's Services"]);
    run(&waymark, &["share", id.trim(), "--to", "Northvale Children's Services"]);

    // The upload goes through, the answer is held back, and the tool is killed while it waits.
    relay.hold_answers.store(true, Ordering::SeqCst);
    let mut sync = Command::new(&waymark);
    env(&mut sync);
    let mut child = Stop(sync.arg("sync").stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
    let waited = Instant::now();
    while relay.answers_held.load(Ordering::SeqCst) == 0 {
        assert!(waited.elapsed() < Duration::from_secs(15), "the upload never reached the service");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.0.kill().unwrap(); // SIGKILL
    child.0.wait().unwrap();
    assert!(run(service, &["inbox"]).contains("Sent once"), "the service stored the upload before the crash");
    assert!(!run(&waymark, &["outbox"]).contains("Nothing is waiting"), "the device never heard back, so the item is still queued");

    // After the crash: the next sync sends it again, and the service keeps one copy.
    relay.hold_answers.store(false, Ordering::SeqCst);
    assert!(run(&waymark, &["sync"]).contains("Sent 1."));
    assert!(run(&waymark, &["outbox"]).contains("Nothing is waiting"));
    let inbox = run(service, &["inbox"]);
    assert_eq!(inbox.matches("Sent once, even when the laptop dies").count(), 1, "{inbox}");
    assert!(!inbox.contains("#2"), "{inbox}");
}
