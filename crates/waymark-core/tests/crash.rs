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
