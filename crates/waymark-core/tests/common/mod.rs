#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{FixedClock, Role, Session, SystemEntropy, Vault, VaultOptions};

pub const START: i64 = 1_795_000_000; // 2026-11-19

pub fn options(clock: Arc<FixedClock>) -> VaultOptions {
    // The floor keeps tests quick; the floor itself is what the vault enforces.
    VaultOptions { kdf: KdfParams::FLOOR, clock, entropy: Arc::new(SystemEntropy::new()) }
}

pub fn open(dir: &Path) -> (Vault, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::at(START));
    (Vault::open(dir, options(clock.clone())).expect("vault opens"), clock)
}

pub fn pass(text: &str) -> Passphrase {
    Passphrase::new(text.to_string())
}

pub const PASS: &str = "otter lantern biscuit";

pub fn young_person(vault: &mut Vault, name: &str) -> Session {
    vault.create_profile(name, Role::YoungPerson, &pass(PASS)).expect("profile created").0
}

/// Every byte of every file under `dir`, with its path.
pub fn all_files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The vault's database as someone with only the folder and `sqlite3` has it. The integrity
/// triggers call a function only Waymark registers, so such a person's first step is to drop
/// them; this does the same, and the vault must still find what they changed.
pub fn tamper(dir: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join(waymark_core::vault::DATABASE_FILE)).expect("database opens");
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

/// The vault's database opened to read only, as someone copying rows out of it would.
pub fn peek(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(dir.join(waymark_core::vault::DATABASE_FILE), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("database opens")
}
