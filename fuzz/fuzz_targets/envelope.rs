//! Envelopes and mailbox items as they arrive from the network: a device's upload at the
//! service, the service's mail at a device. Whatever the bytes: no panic, a shape check before
//! any key work, and nothing opens that was not sealed to this key unchanged. Also: any
//! plaintext sealed in a group opens to itself.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::envelope::{Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer, MAX_PLAINTEXT};
use waymark_sync::keys::IdentityKeys;
use waymark_sync::mail::{open_mail, Trust};

const SEED_PLAINTEXT: &[u8] = b"I would like to see my brother more often.";

fn keys() -> &'static (IdentityKeys, IdentityKeys) {
    static KEYS: OnceLock<(IdentityKeys, IdentityKeys)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let entropy = SeededEntropy::new(1);
        (IdentityKeys::generate(&entropy), IdentityKeys::generate(&entropy))
    })
}

fuzz_target!(|data: &[u8]| {
    let (service, device) = keys();
    let mut opener = EnvelopeOpener::new(service);
    if let Ok(envelope) = serde_json::from_slice::<Envelope>(data) {
        if envelope.check_shape().is_err() {
            assert!(opener.open(&envelope).is_err());
        } else if let Ok(plain) = opener.open(&envelope) {
            // The only envelope ever sealed to this key with the fuzzer's help is the format 1
            // seed (fuzz/seeds/envelope/format-1.json): anything that opens is that one,
            // however its JSON was rewritten, and it still says what was sealed.
            assert_eq!(&plain[..], SEED_PLAINTEXT);
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let mut device_opener = EnvelopeOpener::new(device);
        assert!(open_mail(&mut device_opener, Uuid::from_u128(2), service.public(), &Trust::ServiceKey, text).is_err());
    }

    if data.len() <= MAX_PLAINTEXT {
        let entropy = SeededEntropy::new(data.len() as u64);
        let mut sealer = EnvelopeSealer::new(service.public(), &entropy).unwrap();
        let header = EnvelopeHeader {
            envelope_id: Uuid::from_u128(1),
            device_id: Uuid::from_u128(2),
            record_kind: "statement".into(),
            record_id: Uuid::from_u128(3),
            record_version: 1,
            urgent: false,
        };
        let sealed = sealer.seal(header, data).unwrap();
        let json = serde_json::to_vec(&sealed).unwrap();
        let back: Envelope = serde_json::from_slice(&json).unwrap();
        assert_eq!(&opener.open(&back).unwrap()[..], data);
    }
});
