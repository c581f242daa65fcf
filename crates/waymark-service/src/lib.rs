//! The reference service that Waymark shares with (the council or fostering agency's end).
//!
//! It enrols devices from one-time invites, keeps the envelopes devices send (sealed on the
//! laptop with HPKE to the laptops of the workers each person chose, so it holds only ciphertext
//! it has no key for), hands each worker's laptop what was sealed to it, and keeps each device's
//! mailbox. [`store`] is where things are kept, [`http`] is the API, [`keyfile`] holds the
//! service's keys, [`organisation`] is the administrator's side of the signed roster (run on
//! their own device, with the organisation's root key). Only envelopes from connections made
//! before rosters are sealed to the service's key; the operator's `inbox` opens those, with the
//! key file's passphrase. The HTTP server never has the secret key and never sees a plaintext.

pub mod backend;
pub mod error;
pub mod http;
pub mod keyfile;
pub mod limits;
pub mod organisation;
pub mod outgoing;
pub mod postgres;
pub mod postgres_tls;
pub mod roster_view;
pub mod store;
pub mod tls;
pub mod urgent;
/// Test support for this crate's and the client's tests; not in the service binary.
#[cfg(feature = "testing")]
pub mod testing;

pub use error::{Result, ServiceError};
