//! The SQLite file behind a vault: connection settings and numbered, forward-only migrations.
//!
//! Settings that matter for privacy and safety: WAL with `synchronous = FULL` (a committed action
//! survives a crash or power cut), `secure_delete` (freed pages are overwritten, so a deleted
//! profile's wrapped keys do not linger), and `temp_store = MEMORY` (no temporary files).
//! This module must never store anything unsealed that a person wrote.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Numbered migrations, applied in order, each once. Never edit one that has shipped: add another.
const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../migrations/0001_vault.sql")),
    (2, include_str!("../migrations/0002_library.sql")),
    (3, include_str!("../migrations/0003_device_settings.sql")),
    (4, include_str!("../migrations/0004_service_connection.sql")),
    (5, include_str!("../migrations/0005_pending_deletions.sql")),
    (6, include_str!("../migrations/0006_deletion_receipts.sql")),
    (7, include_str!("../migrations/0007_profile_language.sql")),
    (8, include_str!("../migrations/0008_library_languages.sql")),
    (9, include_str!("../migrations/0009_roster_state.sql")),
    (10, include_str!("../migrations/0010_worker_profiles.sql")),
    (11, include_str!("../migrations/0011_published_plans.sql")),
    (12, include_str!("../migrations/0012_audit_trail.sql")),
    (13, include_str!("../migrations/0013_recovery_throttle.sql")),
    (14, include_str!("../migrations/0014_integrity_state.sql")),
    (15, include_str!("../migrations/0015_library_publisher.sql")),
];

pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

pub fn open(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // The integrity triggers call these; they must exist before any row can change.
    crate::integrity::register_functions(&conn)?;
    migrate(&conn)?;
    restore_triggers(&conn)?;
    Ok(conn)
}

/// The triggers that keep the integrity state and the ledgers' rule, as migration 14 made them
/// (a later migration that changes one must change where this reads it from).
const TRIGGERS: &str = include_str!("../migrations/0014_integrity_state.sql");

/// Puts back any of [`TRIGGERS`] that is missing or not as written. Someone with the folder can
/// drop or change a trigger; what they changed meanwhile is still found by the integrity check,
/// but without this every change the app made afterwards would go uncounted.
fn restore_triggers(conn: &Connection) -> Result<()> {
    for create in TRIGGERS.split("\nCREATE TRIGGER ").skip(1) {
        let body = &create[..create.find("\nEND;").expect("each trigger ends") + "\nEND".len()];
        let name = body.split_whitespace().next().expect("a trigger has a name");
        let sql = format!("CREATE TRIGGER {body}");
        let stored: Option<String> = conn
            .query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))
            .map(Some)
            .or_else(|e| if matches!(e, rusqlite::Error::QueryReturnedNoRows) { Ok(None) } else { Err(e) })?;
        if stored.as_deref() != Some(sql.as_str()) {
            conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {name}; {sql};"))?;
        }
    }
    Ok(())
}

/// Applies every migration the database has not seen yet, each in its own transaction.
pub fn migrate(conn: &Connection) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::UnsupportedVersion {
            what: crate::error::Format::Vault,
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    // A migration that rebuilds a table (SQLite's way to change a constraint) would, with foreign
    // keys on, delete every row that refers to the old one. So they are off while migrating (the
    // switch is ignored inside a transaction) and every reference is checked before each commit.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = (|| -> Result<()> {
        for (number, sql) in MIGRATIONS.iter().filter(|(n, _)| *n > current) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(sql)?;
            let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if broken > 0 {
                let code = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY);
                return Err(Error::Storage(rusqlite::Error::SqliteFailure(code, Some(format!("migration {number} would leave {broken} broken reference(s)")))));
            }
            tx.pragma_update(None, "user_version", number)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", "ON")?;
    result
}
