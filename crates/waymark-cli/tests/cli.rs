//! The command-line tool: clear messages and non-zero exit codes on every error, secrets never
//! taken as arguments, and nothing changed by a failed command.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "otter lantern biscuit";

fn waymark(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_waymark"));
    cmd.args(args)
        .env("WAYMARK_DATA_DIR", dir)
        .env("WAYMARK_KDF", "floor")
        .env_remove("WAYMARK_PASSPHRASE")
        .env_remove("WAYMARK_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    // A command that fails before reading its input closes the pipe early; that is not an error here.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into(), String::from_utf8_lossy(&o.stderr).into())
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = waymark(dir.path(), &["profile", "create", "--name", "Robin", "--role", "young-person"], &[], &format!("{PASS}\n"));
    assert!(o.status.success(), "{:?}", text(&o));
    let (out, _) = text(&o);
    assert!(out.contains("Recovery code"));
    dir
}

#[test]
fn a_wrong_passphrase_fails_with_its_code_and_exit_status() {
    let dir = setup();
    let o = waymark(dir.path(), &["profile", "unlock"], &[("WAYMARK_PASSPHRASE", "not it at all")], "");
    assert_eq!(o.status.code(), Some(1));
    let (_, err) = text(&o);
    assert!(err.contains("That passphrase is not right") && err.contains("[wrong_passphrase]"), "{err}");
}

#[test]
fn passphrases_are_not_accepted_as_arguments() {
    let dir = setup();
    let o = waymark(dir.path(), &["profile", "unlock", "--passphrase", PASS], &[], "");
    assert_eq!(o.status.code(), Some(2));
    let o = waymark(dir.path(), &["profile", "unlock"], &[], "");
    assert_eq!(o.status.code(), Some(2), "no passphrase on stdin or in the environment");
    assert!(text(&o).1.contains("WAYMARK_PASSPHRASE"));
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let dir = setup();
    let env = [("WAYMARK_PASSPHRASE", PASS)];
    let cases: &[(&[&str], &str)] = &[
        (&["add", "diary", "--data", "{}"], "unknown_kind"),
        (&["add", "pathway_note", "--data", "{\"text\": \"\", \"written_at\": \"2026-11-23T10:00:00Z\"}"], "cannot be empty"),
        (&["add", "pathway_note", "--data", "{not json"], "not valid JSON"),
        (&["add", "learning_entry", "--data", "{\"date\": \"yesterday\", \"kind\": \"course\", \"title\": \"x\", \"minutes\": 5}"], "not a date"),
        (&["statement", "new", "--kind", "gossip"], "'gossip' is not one Waymark knows"),
        (&["show", "not-an-id"], "'not-an-id' is not an id"),
        (&["profile", "create", "--name", "Robin", "--role", "carer"], "already a profile"),
        (&["profile", "create", "--name", "Jo", "--role", "wizard"], "'wizard' is not one Waymark knows"),
        (&["import", "Cargo.toml"], "could not be read as a Waymark export"),
    ];
    for (args, expected) in cases {
        let o = waymark(dir.path(), args, &env, &format!("{PASS}\n"));
        let (_, err) = text(&o);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(err.contains(expected), "{args:?}: expected '{expected}' in: {err}");
    }
    let o = waymark(dir.path(), &["list"], &env, "");
    assert!(o.status.success());
    assert!(text(&o).0.trim().is_empty(), "nothing was written: {}", text(&o).0);
    let o = waymark(dir.path(), &["profile", "list"], &[], "");
    assert_eq!(text(&o).0.lines().count(), 1, "no profile was created");
}

#[test]
fn add_list_show_and_recover() {
    let dir = tempfile::tempdir().unwrap();
    let o = waymark(dir.path(), &["profile", "create", "--name", "Sam", "--role", "carer"], &[], &format!("{PASS}\n"));
    let (out, _) = text(&o);
    let code = out.lines().last().unwrap().trim().to_string();
    let env = [("WAYMARK_PASSPHRASE", PASS)];
    let o = waymark(dir.path(), &["add", "learning_entry", "--data", r#"{"date":"2026-11-02","kind":"webinar","title":"Online safety update","minutes":90}"#], &env, "");
    assert!(o.status.success(), "{:?}", text(&o));
    let id = text(&o).0.trim().to_string();
    let o = waymark(dir.path(), &["show", &id], &env, "");
    let shown: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(shown["data"]["minutes"], 90);
    assert_eq!(shown["kind"], "learning_entry");
    let o = waymark(dir.path(), &["list", "--kind", "learning_entry"], &env, "");
    assert!(text(&o).0.contains("Online safety update (90 min)"));
    // Recovery: code and new passphrase on standard input.
    let o = waymark(dir.path(), &["profile", "recover"], &[], &format!("{code}\nfresh meadow lanterns\n"));
    assert!(o.status.success(), "{:?}", text(&o));
    let o = waymark(dir.path(), &["show", &id], &[("WAYMARK_PASSPHRASE", "fresh meadow lanterns")], "");
    assert!(o.status.success(), "the record survives recovery");
}
