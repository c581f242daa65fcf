//! Envelopes and mailbox items as they arrive from the network: a device's upload at the
//! service, the service's mail at a device. Whatever the bytes: no panic, a shape check before
//! any key work, and nothing opens that was not sealed to this key unchanged. Also: any
//! plaintext sealed in a group, or for several readers, opens to itself for each reader and for
//! no one else.
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
        let sealed = sealer.seal(header.clone(), data).unwrap();
        let json = serde_json::to_vec(&sealed).unwrap();
        let back: Envelope = serde_json::from_slice(&json).unwrap();
        assert_eq!(&opener.open(&back).unwrap()[..], data);
        // Format 4, for two reading devices: each opens it; another device id, or no id, cannot.
        let readers = [(Uuid::from_u128(7), service.public()), (Uuid::from_u128(8), device.public())];
        let sealed = EnvelopeSealer::for_readers(&readers, &entropy).unwrap().seal(header, data).unwrap();
        let back: Envelope = serde_json::from_slice(&serde_json::to_vec(&sealed).unwrap()).unwrap();
        assert_eq!(&EnvelopeOpener::for_device(service, Uuid::from_u128(7)).open(&back).unwrap()[..], data);
        assert_eq!(&EnvelopeOpener::for_device(device, Uuid::from_u128(8)).open(&back).unwrap()[..], data);
        assert!(EnvelopeOpener::for_device(device, Uuid::from_u128(7)).open(&back).is_err());
        assert!(opener.open(&back).is_err());
    }
    // Bytes read as an envelope for a reading device: a shape check first, and nothing opens that
    // was not sealed to it (only the fuzzer's own format 4 seals above ever are).
    if let Ok(envelope) = serde_json::from_slice::<Envelope>(data) {
        let mut reader = EnvelopeOpener::for_device(device, Uuid::from_u128(8));
        if envelope.check_shape().is_err() {
            assert!(reader.open(&envelope).is_err());
        }
    }
});
