//! Invented records, plans and articles of realistic size, and vaults filled with them.

use std::path::Path;
use std::sync::Arc;

use waymark_core::domain::library::{Audience, LibraryBundle, Resource};
use waymark_core::domain::statement::StatusChange;
use waymark_core::domain::{PathwayNote, Plan, RecordBody, Statement, StatementKind, StatementStatus};
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::{FixedClock, RecordId, Role, Session, SystemEntropy, Timestamp, Vault, VaultOptions};

pub const PROFILE: &str = "Bench Robin";
pub const PASSPHRASE: &str = "bench lantern otter";
pub const START: i64 = 1_795_000_000;

/// The profile id the plain-SQLite rows of the comparisons are written under.
pub const PLAIN_PROFILE: [u8; 16] = [7u8; 16];

/// All the work of a vault write except sealing: validate, a fresh random id, JSON, the upsert.
/// The plain-SQLite side of every write comparison (here and under `bench/sqlcipher`).
pub fn write_plain(db: &rusqlite::Connection, entropy: &SystemEntropy, body: &RecordBody) {
    body.validate().unwrap();
    let id = RecordId::random(entropy);
    db.prepare_cached(
        "INSERT INTO records (profile_id, id, kind, version, sealed) VALUES (?1, ?2, ?3, 1, ?4)
         ON CONFLICT (profile_id, id) DO UPDATE SET version = excluded.version, sealed = excluded.sealed
         WHERE records.kind = excluded.kind",
    )
    .unwrap()
    .execute(rusqlite::params![&PLAIN_PROFILE[..], &id.as_bytes()[..], body.kind().as_str(), serde_json::to_vec(&body.data_json()).unwrap()])
    .unwrap();
}

pub fn passphrase() -> Passphrase {
    Passphrase::new(PASSPHRASE.into())
}

pub fn options(kdf: KdfParams) -> VaultOptions {
    VaultOptions { kdf, clock: Arc::new(FixedClock::at(START)), entropy: Arc::new(SystemEntropy::new()) }
}

/// A pathway note of typical length.
pub fn note(i: usize) -> RecordBody {
    RecordBody::PathwayNote(PathwayNote {
        matter: None,
        plan_id: None,
        goal_id: None,
        text: format!("Note {i}: went to the college open day and asked about the bricklaying course. Need to bring ID next time."),
        progress: Some((i % 100) as u8),
        shared: false,
        written_at: Timestamp(START + i as i64),
    })
}

/// Something a young person said between reviews, marked ready to share.
pub fn statement(i: usize) -> RecordBody {
    let kinds = [StatementKind::Worried, StatementKind::GoodNews, StatementKind::ChangeSomething];
    let at = Timestamp(START + i as i64);
    RecordBody::Statement(Statement {
        kind: kinds[i % kinds.len()],
        question_set: None,
        answers: Vec::new(),
        words: Some(format!("Message {i}: I would like my contact visits moved to Saturdays so I do not miss football practice.")),
        history: vec![StatusChange { status: StatementStatus::Draft, at }, StatusChange { status: StatementStatus::Ready, at: Timestamp(at.0 + 60) }],
        responses: Vec::new(),
        sealed_to: Vec::new(),
        created_at: at,
        updated_at: Timestamp(at.0 + 60),
    })
}

/// The example pathway plan (version 1), as a young person's vault holds it.
pub fn plan() -> RecordBody {
    let plan: Plan = serde_json::from_str(include_str!("../../../examples/pathway-plan-v1.json")).expect("the example plan parses");
    RecordBody::Plan(plan)
}

/// A young person's records: half statements, half notes, and their plan.
pub fn young_persons_records(n: usize) -> Vec<RecordBody> {
    let mut out: Vec<RecordBody> = (0..n.saturating_sub(1)).map(|i| if i % 2 == 0 { statement(i) } else { note(i) }).collect();
    out.push(plan());
    out
}

/// Makes a vault in `dir` with one young person's profile holding `n` records.
pub fn seed_vault(dir: &Path, n: usize, kdf: KdfParams) -> (Vault, Session) {
    let mut vault = Vault::open(dir, options(kdf)).expect("the vault opens");
    let (session, _) = vault.create_profile(PROFILE, Role::YoungPerson, &passphrase()).expect("the profile is made");
    let records = young_persons_records(n);
    for chunk in records.chunks(10_000) {
        vault.insert_many(&session, chunk.to_vec()).expect("the records are written");
    }
    (vault, session)
}

/// A library of `n` articles about as long as the real ones (600 words each).
pub fn library(n: usize) -> LibraryBundle {
    let words = ["safer", "caring", "phone", "contact", "allegation", "review", "pathway", "money", "health", "school", "family", "online", "photos", "transport", "training"];
    let items: Vec<Resource> = (0..n)
        .map(|i| Resource {
            id: format!("article-{i}"),
            language: waymark_core::Language::EnGb,
            audience: if i % 3 == 0 { Audience::YoungPerson } else { Audience::Carer },
            title: format!("Guide {i} on {}", words[i % words.len()]),
            summary: format!("A short guide about {} and {}.", words[i % words.len()], words[(i * 7) % words.len()]),
            body: (0..600).map(|j| words[(i + j * 3) % words.len()]).collect::<Vec<_>>().join(" "),
            tags: vec![words[(i * 5) % words.len()].to_string()],
            last_reviewed: "2026-11-01".into(),
            sources: vec![],
        })
        .collect();
    LibraryBundle { format: "waymark-library".into(), format_version: 1, bundle_version: 1, items }
}

/// The searches a carer might type, partial words included.
pub const QUERIES: [&str; 5] = ["allegation", "phone rul", "contact with family", "leaving care money", "what is a review"];

