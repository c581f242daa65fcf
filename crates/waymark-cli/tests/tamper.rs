//! Someone with the data folder and `sqlite3`, through the real `waymark` program: each change
//! they make while Waymark is closed is found at the next unlock, said in plain words, and
//! consent that cannot be proved is no consent; every record that opens is kept.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "otter lantern biscuit";
const NORTHVALE: &str = "Northvale Children's Services";

fn waymark(dir: &Path, args: &[&str], passphrase: &str, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .env("WAYMARK_DATA_DIR", dir)
        .env("WAYMARK_KDF", "floor")
        .env("WAYMARK_PASSPHRASE", passphrase)
        .env_remove("WAYMARK_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

/// Runs `args` and expects success; returns (stdout, stderr).
fn ok(dir: &Path, args: &[&str], passphrase: &str, stdin: &str) -> (String, String) {
    let o = waymark(dir, args, passphrase, stdin);
    let out = (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned());
    assert!(o.status.success(), "waymark {args:?} failed: {out:?}");
    out
}

/// The database as someone with the folder has it: the triggers call a function only Waymark
/// registers, so their first step is to drop them.
fn tamper(dir: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("waymark.db")).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'integrity_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    conn
}

fn consent_ids(dir: &Path) -> Vec<Vec<u8>> {
    let conn = rusqlite::Connection::open_with_flags(dir.join("waymark.db"), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM records WHERE kind = 'consent_event'").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

fn robin() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["profile", "create", "--name", "Robin", "--role", "young-person"], "", &format!("{PASS}\n"));
    dir
}

#[test]
fn a_withdrawal_deleted_from_the_folder_does_not_bring_consent_back() {
    let dir = robin();
    let d = dir.path();
    ok(d, &["consent", "grant", "statement", "--to", NORTHVALE], PASS, "");
    let (out, err) = ok(d, &["consent", "list"], PASS, "");
    assert!(out.contains("Yes: ") && out.contains(NORTHVALE), "{out}");
    assert!(err.is_empty(), "a vault nobody changed says nothing: {err}");
    let before = consent_ids(d);
    ok(d, &["consent", "withdraw", "statement", "--to", NORTHVALE], PASS, "");
    let (out, _) = ok(d, &["add", "pathway_note", "--data", r#"{"matter":"health","text":"I got a part in the play","written_at":"2026-11-23T10:00:00Z"}"#], PASS, "");
    let kept = out.trim().to_string();

    // Waymark closed: the withdrawal is deleted.
    let conn = tamper(d);
    for id in consent_ids(d).into_iter().filter(|id| !before.contains(id)) {
        assert_eq!(conn.execute("DELETE FROM records WHERE id = ?1", [id]).unwrap(), 1);
    }
    drop(conn);

    let (out, err) = ok(d, &["consent", "list"], PASS, "");
    assert!(!out.contains("Yes: "), "consent that cannot be proved is no consent: {out}");
    assert!(out.contains("You have not said yes to sharing anything."), "{out}");
    assert!(err.contains("was changed while it was closed"), "{err}");
    assert!(err.contains("your choices about sharing: 2 expected, 1 found"), "{err}");
    assert!(err.contains("Nothing will be sent until you choose"), "{err}");
    // Everything that opens is still there.
    let (out, _) = ok(d, &["show", &kept], PASS, "");
    assert!(out.contains("I got a part in the play"), "{out}");

    // Keeping what opens: the yes stays gone, and the warning with it.
    let (out, _) = ok(d, &["profile", "keep-what-opens"], PASS, "");
    assert!(out.contains("Kept everything that opens"), "{out}");
    let (out, err) = ok(d, &["consent", "list"], PASS, "");
    assert!(!out.contains("Yes: "), "{out}");
    assert!(err.is_empty(), "{err}");
    // Saying yes again works.
    ok(d, &["consent", "grant", "statement", "--to", NORTHVALE], PASS, "");
    assert!(ok(d, &["consent", "list"], PASS, "").0.contains("Yes: "));
}

#[test]
fn an_old_passphrase_put_back_with_its_wrap_opens_nothing() {
    let dir = robin();
    let d = dir.path();
    let (out, _) = ok(d, &["add", "pathway_note", "--data", r#"{"matter":"health","text":"I do not want to move school","written_at":"2026-11-23T10:00:00Z"}"#], PASS, "");
    let id = out.trim().to_string();
    let conn = rusqlite::Connection::open_with_flags(d.join("waymark.db"), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let old_wrap: Vec<u8> = conn.query_row("SELECT passphrase_wrap FROM profiles", [], |r| r.get(0)).unwrap();
    drop(conn);
    let (out, _) = ok(d, &["profile", "passphrase"], PASS, "fresh meadow lanterns\n");
    assert!(out.contains("sealed again under a new key") && out.contains("Recovery code"), "{out}");
    ok(d, &["show", &id], "fresh meadow lanterns", "");

    tamper(d).execute("UPDATE profiles SET passphrase_wrap = ?1", [old_wrap]).unwrap();
    // The old passphrase opens the old key, which opens nothing here any more.
    let o = waymark(d, &["show", &id], PASS, "");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "the record does not open under the old key");
    assert!(err.contains("missing or does not open"), "{err}");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("move school"));
}
