//! What the Waymark app and the service it shares with say to each other, and how it is sealed.
//!
//! - [`api`]: the JSON bodies of the service's HTTP API.
//! - [`audit`]: the audit log each worker's laptop writes and signs, as a chain the service keeps
//!   but cannot forge or cut unnoticed.
//! - [`keys`]: each side's key pairs (Ed25519 to sign, X25519 to receive HPKE), their fingerprint.
//! - [`deletion`]: asking the service to delete what it holds, and its signed receipt.
//! - [`envelope`]: a shared record sealed with HPKE (RFC 9180) to the recipient's key, or to
//!   several reading devices (format 4), with the record's identity and its readers bound in as
//!   associated data.
//! - [`invite`]: the one-time code a service hands out so a device can enrol and pin its keys.
//! - [`mail`]: what reaches one device through its mailbox (plans, receipts, workers' replies),
//!   sealed to it and signed by the organisation, a worker's laptop, or before rosters the service.
//! - [`request`]: how a device signs each request, so the service knows which device asked.
//! - [`roster`]: the organisation's signed, hash-chained list of workers, people and devices,
//!   which the service stores but cannot write.
//!
//! Every wire format carries a version. This crate holds no network code and must never send,
//! store or log a plaintext: it only turns plaintext into sealed bytes and back.

pub mod api;
pub mod audit;
pub mod deletion;
pub mod envelope;
pub mod error;
pub mod invite;
pub mod keys;
pub mod mail;
pub mod request;
pub mod roster;

mod b64;

pub use error::{InviteProblem, Result, SyncError};
