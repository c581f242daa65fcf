//! Profiles, unlocking, passphrase change, recovery, isolation, tamper, deletion and what reaches disk.

mod common;

use common::*;
use rusqlite::Connection;
use waymark_core::domain::{RecordBody, RecordKind, StatementKind};
use waymark_core::secret::RecoveryCode;
use waymark_core::vault::{unlock_delay, DATABASE_FILE};
use waymark_core::{Clock, Error, Role, Vault};

#[test]
fn profiles_list_names_and_roles_while_locked() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    young_person(&mut v, "Robin");
    v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap();
    drop(v);
    let (v, _) = open(dir.path());
    let list = v.list_profiles().unwrap();
    let names: Vec<_> = list.iter().map(|p| (p.display_name.as_str(), p.role)).collect();
    assert_eq!(names, vec![("Robin", Role::YoungPerson), ("Sam Carer", Role::Carer)]);
}

#[test]
fn duplicate_names_weak_passphrases_and_empty_names_are_refused_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    young_person(&mut v, "Robin");
    assert!(matches!(v.create_profile("robin", Role::Carer, &pass(PASS)), Err(Error::ProfileNameTaken(_))));
    let weak = v.create_profile("Alex", Role::YoungPerson, &pass("short")).err().expect("refused");
    assert!(matches!(weak, Error::WeakPassphrase(_)), "{weak}");
    assert!(weak.to_string().contains("at least 10 characters"));
    assert!(matches!(v.create_profile("Alex", Role::YoungPerson, &pass("password12")), Err(Error::WeakPassphrase(_))));
    assert!(matches!(v.create_profile("Alex", Role::YoungPerson, &pass("aaaaaaaaaaaa")), Err(Error::WeakPassphrase(_))));
    // A character no keyboard makes would lock the person out of their own profile.
    let untypable = v.create_profile("Alex", Role::YoungPerson, &pass(&format!("{PASS}\u{0}"))).err().expect("refused");
    assert!(untypable.to_string().contains("cannot type"), "{untypable}");
    assert!(matches!(v.create_profile("   ", Role::YoungPerson, &pass(PASS)), Err(Error::Invalid { .. })));
    let long = "x".repeat(61);
    assert!(matches!(v.create_profile(&long, Role::YoungPerson, &pass(PASS)), Err(Error::TooLong { .. })));
    assert_eq!(v.list_profiles().unwrap().len(), 1);
}

#[test]
fn wrong_passphrase_is_refused_and_the_growing_delay_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    young_person(&mut v, "Robin");
    for _ in 0..3 {
        assert!(matches!(v.unlock("Robin", &pass("not the passphrase")), Err(Error::WrongPassphrase)));
    }
    // Third failure in a row: a delay starts.
    let delay = unlock_delay(3);
    assert!(delay > 0);
    drop(v);
    let clock2 = std::sync::Arc::new(waymark_core::FixedClock::at(clock.now().0));
    let mut v = Vault::open(dir.path(), options(clock2.clone())).unwrap();
    // Even the right passphrase is not tried during the delay.
    match v.unlock("Robin", &pass(PASS)) {
        Err(Error::TooManyAttempts { retry_after_secs }) => assert_eq!(retry_after_secs, delay),
        other => panic!("expected TooManyAttempts, got {:?}", other.map(|_| ())),
    }
    clock2.advance(delay);
    assert!(matches!(v.unlock("Robin", &pass("still wrong here")), Err(Error::WrongPassphrase)));
    assert!(unlock_delay(4) > delay, "the delay grows");
    clock2.advance(unlock_delay(4));
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    assert_eq!(s.display_name(), "Robin");
    // Success clears the count: the next wrong guess has no delay.
    assert!(matches!(v.unlock("Robin", &pass("not the passphrase")), Err(Error::WrongPassphrase)));
    assert!(v.unlock("Robin", &pass(PASS)).is_ok());
    assert!(matches!(v.unlock("Nobody", &pass(PASS)), Err(Error::ProfileNotFound(_))));
}

#[test]
fn sixty_wrong_guesses_across_restarts_are_slowed_throughout_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let st = v.start_statement(&s, StatementKind::Worried).unwrap();
    v.save_words(&s, st.id, "Nobody listens when I say I am scared of the dark".into()).unwrap();
    drop(s);
    for guess in 1..=60u32 {
        // Every tenth attempt the app is restarted: the count lives on disk, not in memory.
        if guess % 10 == 0 {
            drop(v);
            v = Vault::open(dir.path(), options(clock.clone())).unwrap();
        }
        // A guess inside the wait is refused before the passphrase is even tried, and says how
        // long is left.
        if unlock_delay(guess - 1) > 0 {
            assert!(matches!(v.unlock("Robin", &pass(PASS)), Err(Error::TooManyAttempts { .. })), "guess {guess}");
            clock.advance(unlock_delay(guess - 1));
        }
        assert!(matches!(v.unlock("Robin", &pass("not it either")), Err(Error::WrongPassphrase)), "guess {guess}");
    }
    // The wait stops growing at five minutes, so the person is never locked out for good.
    assert_eq!(unlock_delay(60), 300);
    assert!(matches!(v.unlock("Robin", &pass(PASS)), Err(Error::TooManyAttempts { retry_after_secs: 300 })));
    clock.advance(300);
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    let RecordBody::Statement(back) = v.get(&s, st.id).unwrap().body else { panic!() };
    assert_eq!(back.words.as_deref(), Some("Nobody listens when I say I am scared of the dark"));
    assert_eq!(v.list(&s, None).unwrap().damaged, vec![], "every record still opens");
}

#[test]
fn while_someone_guesses_passphrases_the_person_still_comes_in_with_their_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    let (_, code) = v.create_profile("Robin", Role::YoungPerson, &pass(PASS)).unwrap();
    // A sibling guesses passphrases until a wait starts.
    for _ in 0..5 {
        let _ = v.unlock("Robin", &pass("maybe this one"));
        clock.advance(1);
    }
    assert!(matches!(v.unlock("Robin", &pass(PASS)), Err(Error::TooManyAttempts { .. })), "passphrase attempts wait");
    // Recovery codes are counted on their own: a wrong one is simply wrong, and the right one
    // opens the profile at once, during the passphrase wait, and clears both counts.
    let wrong_code = RecoveryCode::parse("0000-0000-0000-0000-0000-0000").unwrap();
    assert!(matches!(v.recover("Robin", &wrong_code, &pass("fresh meadow lanterns"), &mut |_| {}), Err(Error::WrongRecoveryCode)));
    let (s, new_code) = v.recover("Robin", &code, &pass("fresh meadow lanterns"), &mut |_| {}).unwrap();
    assert_eq!(s.display_name(), "Robin");
    assert!(v.unlock("Robin", &pass("fresh meadow lanterns")).is_ok(), "no wait left for the passphrase");
    // Wrong recovery codes have their own growing wait, which leaves the passphrase alone.
    for _ in 0..3 {
        assert!(matches!(v.recover("Robin", &wrong_code, &pass("quiet harbour pebbles"), &mut |_| {}), Err(Error::WrongRecoveryCode)));
    }
    assert!(matches!(v.recover("Robin", &new_code, &pass("quiet harbour pebbles"), &mut |_| {}), Err(Error::TooManyAttempts { .. })));
    assert!(v.unlock("Robin", &pass("fresh meadow lanterns")).is_ok(), "the passphrase is not slowed by recovery guesses");
    clock.advance(unlock_delay(3));
    assert!(v.recover("Robin", &new_code, &pass("quiet harbour pebbles"), &mut |_| {}).is_ok());
}

#[test]
fn changing_the_passphrase_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let mut s = young_person(&mut v, "Robin");
    let mut ids = Vec::new();
    for i in 0..20 {
        let st = v.start_statement(&s, StatementKind::Worried).unwrap();
        v.save_words(&s, st.id, format!("worry number {i}")).unwrap();
        ids.push(st.id);
    }
    assert!(matches!(v.change_passphrase(&mut s, &pass("wrong old one"), &pass("new harbour words"), &mut |_| {}), Err(Error::WrongPassphrase)));
    v.change_passphrase(&mut s, &pass(PASS), &pass("new harbour words"), &mut |_| {}).unwrap();
    drop(s);
    assert!(matches!(v.unlock("Robin", &pass(PASS)), Err(Error::WrongPassphrase)));
    let s = v.unlock("Robin", &pass("new harbour words")).unwrap();
    for (i, id) in ids.iter().enumerate() {
        let RecordBody::Statement(st) = v.get(&s, *id).unwrap().body else { panic!() };
        assert_eq!(st.words.as_deref(), Some(format!("worry number {i}").as_str()));
    }
}

#[test]
fn the_recovery_code_opens_the_profile_sets_a_new_passphrase_and_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let (s, code) = v.create_profile("Robin", Role::YoungPerson, &pass(PASS)).unwrap();
    let st = v.start_statement(&s, StatementKind::GoodNews).unwrap();
    v.save_words(&s, st.id, "I passed my theory test".into()).unwrap();
    drop(s);
    let shown = code.display().to_string();
    let wrong = RecoveryCode::parse("0000-0000-0000-0000-0000-0000").unwrap();
    assert!(matches!(v.recover("Robin", &wrong, &pass("fresh meadow lanterns"), &mut |_| {}), Err(Error::WrongRecoveryCode)));
    let (s, new_code) =
        v.recover("Robin", &RecoveryCode::parse(&shown).unwrap(), &pass("fresh meadow lanterns"), &mut |_| {}).unwrap();
    let RecordBody::Statement(back) = v.get(&s, st.id).unwrap().body else { panic!() };
    assert_eq!(back.words.as_deref(), Some("I passed my theory test"));
    assert_ne!(new_code.display().as_str(), shown.as_str());
    drop(s);
    // The used code no longer works; the new passphrase and the new code do.
    assert!(matches!(
        v.recover("Robin", &RecoveryCode::parse(&shown).unwrap(), &pass("another fresh start"), &mut |_| {}),
        Err(Error::WrongRecoveryCode)
    ));
    v.unlock("Robin", &pass("fresh meadow lanterns")).unwrap();
    v.recover("Robin", &new_code, &pass("another fresh start"), &mut |_| {}).unwrap();
}

#[test]
fn a_lost_recovery_code_is_replaced_only_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let (mut s, lost) = v.create_profile("Robin", Role::YoungPerson, &pass(PASS)).unwrap();
    let err = v.replace_recovery_code(&mut s, &pass("not my passphrase"), &mut |_| {}).map(|_| ()).unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase), "{err}");
    let lost = RecoveryCode::parse(lost.display().as_str()).unwrap();
    let fresh = v.replace_recovery_code(&mut s, &pass(PASS), &mut |_| {}).unwrap();
    drop(s);
    assert!(
        matches!(v.recover("Robin", &lost, &pass("fresh meadow lanterns"), &mut |_| {}), Err(Error::WrongRecoveryCode)),
        "the old code stops working"
    );
    let (s, _) = v.recover("Robin", &fresh, &pass("fresh meadow lanterns"), &mut |_| {}).unwrap();
    assert_eq!(s.display_name(), "Robin");
}

#[test]
fn one_profile_cannot_read_anothers_records() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let young = young_person(&mut v, "Robin");
    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    let st = v.start_statement(&young, StatementKind::Worried).unwrap();
    v.save_words(&young, st.id, "something private".into()).unwrap();
    assert!(v.list(&carer, None).unwrap().records.is_empty());
    assert!(matches!(v.get(&carer, st.id), Err(Error::NotFound { .. })));
    // Even copying the sealed row into the carer's profile does not open it.
    let conn = tamper(dir.path());
    conn.execute(
        "INSERT INTO records (profile_id, id, kind, version, sealed)
         SELECT ?1, id, kind, version, sealed FROM records WHERE profile_id = ?2",
        rusqlite::params![&carer.profile_id().as_bytes()[..], &young.profile_id().as_bytes()[..]],
    )
    .unwrap();
    assert!(matches!(v.get(&carer, st.id), Err(Error::Integrity { .. })));
    let list = v.list(&carer, None).unwrap();
    assert!(list.records.is_empty());
    assert_eq!(list.damaged, vec![st.id]);
}

#[test]
fn a_flipped_byte_damages_only_that_record() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let mut ids = Vec::new();
    for i in 0..5 {
        let st = v.start_statement(&s, StatementKind::Worried).unwrap();
        v.save_words(&s, st.id, format!("words {i}")).unwrap();
        ids.push(st.id);
    }
    let victim = ids[2];
    let conn = tamper(dir.path());
    let mut sealed: Vec<u8> = conn
        .query_row("SELECT sealed FROM records WHERE id = ?1", [&victim.as_bytes()[..]], |r| r.get(0))
        .unwrap();
    let mid = sealed.len() / 2;
    sealed[mid] ^= 0x01;
    conn.execute("UPDATE records SET sealed = ?1 WHERE id = ?2", rusqlite::params![sealed, &victim.as_bytes()[..]])
        .unwrap();
    let err = v.get(&s, victim).unwrap_err();
    assert!(matches!(err, Error::Integrity { record_id } if record_id == victim));
    assert!(err.to_string().contains("changed or damaged"), "{err}");
    let list = v.list(&s, Some(RecordKind::Statement)).unwrap();
    assert_eq!(list.damaged, vec![victim]);
    assert_eq!(list.records.len(), 4);
    for id in ids.iter().filter(|i| **i != victim) {
        v.get(&s, *id).unwrap();
    }
}

#[test]
fn no_plaintext_reaches_any_file_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let marker = "MARKER-7f3a9c-zebra-crossing";
    {
        let (mut v, _) = open(dir.path());
        let s = young_person(&mut v, "Robin");
        for i in 0..50 {
            let st = v.start_statement(&s, StatementKind::Worried).unwrap();
            v.save_words(&s, st.id, format!("{marker} {i}")).unwrap();
        }
        let note = waymark_core::domain::PathwayNote {
            matter: None,
            plan_id: None,
            goal_id: None,
            text: format!("note {marker}"),
            progress: None,
            shared: false,
            written_at: v.now(),
        };
        v.insert(&s, RecordBody::PathwayNote(note)).unwrap();
        // Scan while the vault is still open too: the WAL holds the most recent pages.
        for (path, bytes) in all_files(dir.path()) {
            assert!(!contains(&bytes, marker.as_bytes()), "marker found in {}", path.display());
        }
    }
    let files = all_files(dir.path());
    assert!(!files.is_empty());
    for (path, bytes) in files {
        assert!(!contains(&bytes, marker.as_bytes()), "marker found in {}", path.display());
    }
}

#[test]
fn deleting_a_profile_removes_its_keys_and_rows_from_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let keep = young_person(&mut v, "Robin");
    let (gone, _) = v.create_profile("Jo", Role::YoungPerson, &pass("violet canal sparrow")).unwrap();
    let kept = v.start_statement(&keep, StatementKind::GoodNews).unwrap();
    v.start_statement(&gone, StatementKind::Worried).unwrap();
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    let wrap: Vec<u8> = conn
        .query_row("SELECT passphrase_wrap FROM profiles WHERE display_name = 'Jo'", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    v.delete_profile(gone).unwrap();
    assert_eq!(v.list_profiles().unwrap().len(), 1);
    assert!(matches!(v.unlock("Jo", &pass("violet canal sparrow")), Err(Error::ProfileNotFound(_))));
    v.get(&keep, kept.id).unwrap();
    drop(v);
    for (path, bytes) in all_files(dir.path()) {
        assert!(!contains(&bytes, &wrap[14..]), "the deleted wrap is still in {}", path.display());
    }
}

#[test]
fn a_new_database_is_migrated_and_a_newer_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, waymark_core::store::SCHEMA_VERSION);
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // Re-opening applies nothing twice.
    drop(open(dir.path()));
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Vault::open(dir.path(), options(std::sync::Arc::new(waymark_core::FixedClock::at(START))))
        .err()
        .expect("refused");
    assert!(matches!(err, Error::UnsupportedVersion { found: 99, .. }), "{err}");
}

#[test]
fn ledgers_cannot_be_changed_even_through_sql() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let rec = v
        .grant_consent(&s, waymark_core::domain::ShareableKind::Statement, "Northvale Children's Services")
        .unwrap();
    let again = v.update(&s, rec.id, rec.body.clone()).unwrap_err();
    assert!(matches!(again, Error::Invalid { .. }));
    let conn = tamper(dir.path());
    let err = conn
        .execute("UPDATE records SET version = 2 WHERE kind = 'consent_event'", [])
        .unwrap_err();
    assert!(err.to_string().contains("cannot be changed"));
}
