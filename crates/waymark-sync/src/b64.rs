//! Base64 (URL-safe, unpadded) for binary fields in JSON, so they survive copy and paste.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::error::{Result, SyncError};

pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Exactly one spelling of each value is accepted: no padding, no spaces around it, no stray bits
/// in the last character. People never type these fields (an invite code, the one thing that is
/// pasted, drops its own whitespace first), so leniency would only give a value several forms.
pub fn decode(field: &str, text: &str) -> Result<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).map_err(|_| SyncError::Malformed(format!("{field} is not valid base64")))
}

pub fn decode_array<const N: usize>(field: &str, text: &str) -> Result<[u8; N]> {
    decode(field, text)?
        .try_into()
        .map_err(|_| SyncError::Malformed(format!("{field} must be {N} bytes")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_one_canonical_spelling_decodes() {
        let text = encode(&[7u8; 32]);
        assert_eq!(decode("enc", &text).unwrap(), vec![7u8; 32]);
        for other in [format!(" {text}"), format!("{text}\n"), format!("{text}="), format!("{text}A!")] {
            let err = decode("enc", &other).unwrap_err().to_string();
            assert!(err.contains("enc is not valid base64"), "{other:?}: {err}");
        }
        // The last character of 32 bytes carries two bits; any of the four spare bits set is refused.
        let mut stray = text.clone();
        stray.pop();
        stray.push('B');
        assert!(decode("enc", &stray).is_err());
    }
}
