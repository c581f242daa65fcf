//! Crash safety: a writer killed with SIGKILL loses nothing whose write had returned.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::*;
use waymark_core::domain::{RecordBody, StatementKind};
use waymark_core::RecordId;

const CHILD_DIR: &str = "WAYMARK_CRASH_TEST_DIR";

/// Runs only as the child of the test below: writes records in a loop, printing each id once
/// its write has returned, until it is killed.
#[test]
#[ignore = "run by sigkill_mid_write_loses_nothing_that_was_written"]
fn crash_child_writer() {
    let Ok(dir) = std::env::var(CHILD_DIR) else { return };
    let (mut v, _) = open(std::path::Path::new(&dir));
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let st = v.start_statement(&s, StatementKind::Worried).unwrap();
        v.save_words(&s, st.id, format!("entry {i}")).unwrap();
        writeln!(out, "{} {i}", st.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_mid_write_loses_nothing_that_was_written() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut v, _) = open(dir.path());
        young_person(&mut v, "Robin");
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child_writer", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut written: Vec<(RecordId, String)> = Vec::new();
    let reader = BufReader::new(child.stdout.take().unwrap());
    for line in reader.lines() {
        let line = line.unwrap();
        let Some((id, n)) = line.split_once(' ') else { continue };
        let Ok(id) = RecordId::parse(id) else { continue };
        written.push((id, format!("entry {n}")));
        if written.len() == 150 {
            // SIGKILL while the child is still writing.
            child.kill().unwrap();
            break;
        }
    }
    child.wait().unwrap();
    assert_eq!(written.len(), 150, "the child wrote records before it was killed");

    let (mut v, _) = open(dir.path());
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    for (id, words) in &written {
        let RecordBody::Statement(st) = v.get(&s, *id).unwrap().body else { panic!("{id} is not a statement") };
        assert_eq!(st.words.as_deref(), Some(words.as_str()));
    }
    let list = v.list(&s, None).unwrap();
    assert!(list.damaged.is_empty(), "no record is damaged: {:?}", list.damaged);
    assert!(list.records.len() >= written.len());
    // The vault still takes writes.
    v.start_statement(&s, StatementKind::GoodNews).unwrap();
}

const NEW_PASS: &str = "fresh meadow lanterns";

/// Runs only as the child of the test below: changes the passphrase (re-keying every record),
/// printing progress and pausing at each page, until it is killed.
#[test]
#[ignore = "run by sigkill_mid_rekey_leaves_the_old_key_or_the_new_never_neither"]
fn crash_child_rekeyer() {
    let Ok(dir) = std::env::var(CHILD_DIR) else { return };
    let (mut v, _) = open(std::path::Path::new(&dir));
    let mut s = v.unlock("Robin", &pass(PASS)).unwrap();
    let mut out = std::io::stdout();
    v.change_passphrase(&mut s, &pass(PASS), &pass(NEW_PASS), &mut |p| {
        writeln!(out, "{} {}", p.done, p.total).unwrap();
        out.flush().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(30));
    })
    .unwrap();
    writeln!(out, "done").unwrap();
}

#[test]
fn sigkill_mid_rekey_leaves_the_old_key_or_the_new_never_neither() {
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<RecordId> = {
        let (mut v, _) = open(dir.path());
        let s = young_person(&mut v, "Robin");
        let bodies = (0..3000).map(|i| {
            let mut st = waymark_core::domain::Statement::new(StatementKind::Worried, waymark_core::Timestamp(START));
            st.words = Some(format!("entry {i}"));
            RecordBody::Statement(st)
        });
        v.insert_many(&s, bodies.collect()).unwrap().into_iter().map(|r| r.id).collect()
    };
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child_rekeyer", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let reader = BufReader::new(child.stdout.take().unwrap());
    let mut killed_at = None;
    for line in reader.lines() {
        let line = line.unwrap();
        let Some((done, total)) = line.split_once(' ') else { continue };
        let (Ok(done), Ok(total)) = (done.parse::<u64>(), total.parse::<u64>()) else { continue };
        if done >= 1000 {
            // SIGKILL half way through, inside the re-keying transaction.
            child.kill().unwrap();
            killed_at = Some((done, total));
            break;
        }
    }
    child.wait().unwrap();
    let (done, total) = killed_at.expect("the child re-keyed a page at a time");
    assert!(done < total, "killed before the end ({done} of {total})");

    let (mut v, _) = open(dir.path());
    // Killed before the commit: the old passphrase opens everything, the new one nothing.
    assert!(matches!(v.unlock("Robin", &pass(NEW_PASS)), Err(waymark_core::Error::WrongPassphrase)));
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    assert!(s.integrity_findings().is_sound(), "{:?}", s.integrity_findings());
    let list = v.list(&s, None).unwrap();
    assert!(list.damaged.is_empty(), "no record is damaged: {} are", list.damaged.len());
    for (i, id) in ids.iter().enumerate().step_by(97) {
        let RecordBody::Statement(st) = v.get(&s, *id).unwrap().body else { panic!() };
        assert_eq!(st.words, Some(format!("entry {i}")));
    }
    // And re-keying again, to the end, works.
    let mut s = s;
    v.change_passphrase(&mut s, &pass(PASS), &pass(NEW_PASS), &mut |_| {}).unwrap();
    drop(s);
    let s = v.unlock("Robin", &pass(NEW_PASS)).unwrap();
    assert!(s.integrity_findings().is_sound());
    assert_eq!(v.list(&s, None).unwrap().records.len(), ids.len());
}
