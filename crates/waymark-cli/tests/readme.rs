//! Runs the README's command-line walk-through exactly as written, so it cannot go stale.

use std::process::Command;

#[test]
fn the_readme_walkthrough_runs_as_written() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = readme
        .split("<!-- walkthrough:start -->")
        .nth(1)
        .and_then(|r| r.split("<!-- walkthrough:end -->").next())
        .expect("README has a walk-through block");
    let script = block.trim().trim_start_matches("```sh").trim_end_matches("```");
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_waymark")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(&root)
        .env("PATH", path)
        .env_remove("WAYMARK_PASSPHRASE")
        .env_remove("WAYMARK_PROFILE")
        .env_remove("WAYMARK_DATA_DIR")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "walk-through failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
    for expected in [
        "Created profile 'Robin' (young_person).",
        "Statement is now ready.",
        "Queued ",
        "New goal: Cook three meals on my own",
        "phones-and-social-media",
        "Restored profile 'Robin restored' with",
        "Passphrase changed for 'Robin'.",
        "Unlocked 'Robin' (young_person).",
    ] {
        assert!(stdout.contains(expected), "missing '{expected}' in\n{stdout}");
    }
    assert!(!root.join("robin.json").exists());
}
