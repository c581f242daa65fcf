//! Signed requests. Each call a device makes carries its id, the time and an Ed25519 signature
//! over the method, path, time and a hash of the body. The service checks the signature with the
//! key the device enrolled and refuses stale times, so a captured request cannot be replayed later
//! or changed on the way.

use crate::b64;
use crate::error::{Result, SyncError};
use crate::keys::{IdentityKeys, PublicKeys};

pub const HEADER_DEVICE: &str = "waymark-device";
pub const HEADER_TIME: &str = "waymark-time";
pub const HEADER_SIGNATURE: &str = "waymark-signature";
/// How far a request's time may be from the service's clock, in seconds.
pub const MAX_CLOCK_SKEW: i64 = 300;

fn signing_input(device_id: &str, method: &str, path_and_query: &str, time: i64, body: &[u8]) -> Vec<u8> {
    let body_hash = ring::digest::digest(&ring::digest::SHA256, body);
    let mut out = Vec::new();
    out.extend_from_slice(b"waymark request v1\n");
    for part in [device_id, method, path_and_query, &time.to_string()] {
        out.extend_from_slice(part.as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(body_hash.as_ref());
    out
}

/// The three header values for a request.
pub fn sign_request(keys: &IdentityKeys, device_id: &str, method: &str, path_and_query: &str, time: i64, body: &[u8]) -> [(&'static str, String); 3] {
    let signature = keys.sign(&signing_input(device_id, method, path_and_query, time, body));
    [
        (HEADER_DEVICE, device_id.to_string()),
        (HEADER_TIME, time.to_string()),
        (HEADER_SIGNATURE, b64::encode(&signature)),
    ]
}

/// Checks a request's signature and time against the device's enrolled keys and `now`.
#[allow(clippy::too_many_arguments)]
pub fn verify_request(
    keys: &PublicKeys,
    device_id: &str,
    method: &str,
    path_and_query: &str,
    time: i64,
    body: &[u8],
    signature: &str,
    now: i64,
) -> Result<()> {
    if (now - time).abs() > MAX_CLOCK_SKEW {
        return Err(SyncError::Malformed(format!(
            "the request's time is more than {MAX_CLOCK_SKEW} seconds from the service's clock: check this computer's date and time"
        )));
    }
    let signature = b64::decode("Signature", signature)?;
    keys.verify(&signing_input(device_id, method, path_and_query, time, body), &signature)
}
