//! Base64 (URL-safe, unpadded) for binary fields in JSON, so they survive copy and paste.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::error::{Result, SyncError};

pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn decode(field: &str, text: &str) -> Result<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| SyncError::Malformed(format!("{field} is not valid base64")))
}

pub fn decode_array<const N: usize>(field: &str, text: &str) -> Result<[u8; N]> {
    decode(field, text)?
        .try_into()
        .map_err(|_| SyncError::Malformed(format!("{field} must be {N} bytes")))
}
