//! Exactly once, across a real crash: `waymark share` (which sends at once, as the app does) is
//! killed with SIGKILL after the service has stored its upload but before the answer reached
//! it. On the next `waymark sync` the item is
//! sent again and the service keeps one copy. Real processes: the service, the command-line tool
//! (the app's sending code), and a loopback relay in this test that can hold back answers.

use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod support;
use support::{free_port, Stop, Tools};

struct Relay {
    port: u16,
    hold_answers: Arc<AtomicBool>,
    answers_held: Arc<AtomicUsize>,
}

/// Passes bytes between the device and the service; while `hold_answers` is set, the service's
/// answers to uploads (`POST /v1/envelope…`) are read and dropped, so the device waits as if the
/// network died after the upload. Other answers pass (the roster the sync pass reads first).
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
                // HTTP/1.1 on one connection answers in turn: the answer is to the last request.
                let uploading = Arc::new(AtomicBool::new(false));
                let request_is_upload = uploading.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 64 * 1024];
                    loop {
                        let n = match client_read.read(&mut buf).await {
                            Ok(0) | Err(_) => break,
                            Ok(n) => n,
                        };
                        let start = &buf[..n.min(32)];
                        if start.starts_with(b"POST ") || start.starts_with(b"GET ") {
                            request_is_upload.store(start.starts_with(b"POST /v1/envelope"), Ordering::SeqCst);
                        }
                        if server_write.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                });
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    let n = match server_read.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if hold.load(Ordering::SeqCst) && uploading.load(Ordering::SeqCst) {
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

#[tokio::test(flavor = "multi_thread")]
async fn a_send_killed_after_the_upload_is_stored_still_gives_exactly_one_copy() {
    let tools = Tools::new();
    let (service, waymark) = (&tools.service, &tools.waymark);
    let run = |program: &std::path::Path, args: &[&str]| tools.run(program, args);

    let upstream = free_port();
    let relay = relay(upstream).await;
    tools.init();
    let code = tools.invite(&format!("http://127.0.0.1:{}", relay.port));
    let _server = tools.serve(upstream, &[]);

    let status = tools.command(waymark).args(["profile", "create", "--name", "Robin", "--role", "young_person"]).stdout(Stdio::null()).status().unwrap();
    assert!(status.success());
    let robin = tools.approve_from(&run(waymark, &["connect", code.trim(), "--yes"]));
    let sam_laptop = tools.social_worker_for(&robin, &format!("http://127.0.0.1:{upstream}"), None);
    run(waymark, &["sync"]);
    let id = run(waymark, &["statement", "new", "--kind", "worried", "--words", "Sent once, even when the laptop dies"]);
    run(waymark, &["statement", "status", id.trim(), "ready"]);
    run(waymark, &["consent", "grant", "statement", "--worker", "social_worker"]);

    // Sharing sends at once, as in the app: the upload goes through, the answer is held back,
    // and the tool is killed while it waits.
    relay.hold_answers.store(true, Ordering::SeqCst);
    let share = ["share", id.trim()];
    let mut child = Stop(tools.command(waymark).args(share).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
    let waited = Instant::now();
    while relay.answers_held.load(Ordering::SeqCst) == 0 {
        assert!(waited.elapsed() < Duration::from_secs(15), "the upload never reached the service");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.0.kill().unwrap(); // SIGKILL
    child.0.wait().unwrap();
    assert!(run(service, &["inbox"]).contains("#1 from Robin"), "the service stored the upload before the crash");
    assert!(!run(waymark, &["outbox"]).contains("Nothing is waiting"), "the device never heard back, so the item is still queued");

    // After the crash: the next sync sends it again, and the service keeps one copy.
    relay.hold_answers.store(false, Ordering::SeqCst);
    assert!(run(waymark, &["sync"]).contains("Sent 1."));
    assert!(run(waymark, &["outbox"]).contains("Nothing is waiting"));
    let inbox = run(service, &["inbox"]);
    assert_eq!(inbox.matches(" from Robin").count(), 1, "{inbox}");
    assert!(!inbox.contains("#2"), "{inbox}");
    let shared = sam_laptop.run(&["shared"]);
    assert_eq!(shared.matches("Sent once, even when the laptop dies").count(), 1, "{shared}");
}
