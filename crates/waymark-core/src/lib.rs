//! Waymark's core: the encrypted vault and everything a young person or a foster carer keeps in it.
//!
//! This crate holds all of the app's logic so that the desktop shell, the command-line tool and the
//! tests share one implementation. It must never depend on Tauri or any UI toolkit, never write
//! personal content to disk unsealed, and never read the clock or the random number generator
//! directly: both are passed in through [`Clock`] and [`Entropy`] so that behaviour is testable.
//!
//! The pieces, from the bottom up:
//! - [`vocabulary`]: the shared words (role, shareable kinds, passphrase problems); uses nothing
//!   else in the crate.
//! - [`secret`]: key and passphrase types that cannot be printed, cloned or serialised.
//! - [`kdf`], [`keywrap`], [`seal`]: the key hierarchy and the two on-disk crypto formats
//!   (described in `docs/CRYPTO.md`).
//! - [`store`]: SQLite storage with numbered forward-only migrations.
//! - [`integrity`]: the whole-vault check: a sealed state that says which sealed rows a profile
//!   has, kept by triggers in the same transaction as every change.
//! - [`vault`]: profiles (create, unlock, lock, change passphrase, recover, delete) and sealed records.
//! - [`domain`]: statements, plans, pathway notes, the resource library, the safer-caring policy,
//!   the learning log, consent and sharing ledgers.
//! - [`settings`]: this laptop's display and lock preferences (never personal content).
//! - [`documents`]: saving a file a person asked for, private to them, never overwriting.
//! - [`export`]: "download all my information" and restoring it.

pub mod clock;
pub mod connection;
pub mod documents;
pub mod domain;
pub mod entropy;
pub mod error;
pub mod export;
pub mod ids;
pub mod integrity;
pub mod kdf;
pub mod keywrap;
pub mod seal;
pub mod secret;
pub mod settings;
pub mod store;
pub mod validate;
pub mod vault;
pub mod vocabulary;

pub use clock::{Clock, FixedClock, SystemClock, Timestamp};
pub use entropy::{Entropy, SystemEntropy};
pub use error::{Error, Result};
pub use ids::{ProfileId, RecordId};
pub use vault::{Language, ProfileSummary, Role, Session, Vault, VaultOptions};
