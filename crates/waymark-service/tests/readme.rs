//! Runs the README's sharing walk-through exactly as written: a real service process, and the
//! command-line tool as the device, over loopback.

use std::process::Command;

#[test]
fn the_readme_sharing_walkthrough_runs_as_written() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = readme
        .split("<!-- service-walkthrough:start -->")
        .nth(1)
        .and_then(|r| r.split("<!-- service-walkthrough:end -->").next())
        .expect("README has a sharing walk-through block");
    let script = block.trim().trim_start_matches("```sh").trim_end_matches("```");
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_waymark-service")).parent().unwrap();
    assert!(
        bin_dir.join("waymark").exists() && bin_dir.join("waymark-worker").exists(),
        "the walk-through needs `waymark` and `waymark-worker` beside `waymark-service`: run `cargo build --workspace` first"
    );
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(&root)
        .env("PATH", path)
        .env_remove("WAYMARK_PASSPHRASE")
        .env_remove("WAYMARK_PROFILE")
        .env_remove("WAYMARK_WORKER_DIR")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "walk-through failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
    for expected in [
        "Fingerprint: ",
        "(matches the invite code)",
        "Nothing is connected yet.",
        "Connected to Northvale Children's Services as device",
        "Waiting for a worker to approve this laptop. Read them this code: ",
        "Organisation: ",
        "Approved device ",
        "Read this code to your administrator",
        "You said yes to sharing the things you say (review answers and messages) with your social worker (Sam Okafor).",
        "Sent so far: 1; waiting: 0.",
        "#1 from Robin — statement received",
        "signed by an approved laptop of person ",
        "sealed to 1 worker laptop(s) the person chose; only they can open it",
        "I don't get to see my brother enough",
        "Told person ",
        "Sent your reply about item ",
        "approved device(s).",
        "Received 1 plan version(s), 2 receipt(s) and 1 reply.",
        "Published library version 10.",
        "Installed library version 10 from Northvale Children's Services.",
        "\"worker_name\": \"Sam Okafor\"",
        "Let's talk about more visits at your review on Tuesday.",
        "Robin's pathway plan",
    ] {
        assert!(stdout.contains(expected), "missing '{expected}' in\n{stdout}");
    }
}
