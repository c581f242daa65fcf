//! The sealing and key-wrapping formats: round trips, bindings, and the documented test vector.

use proptest::prelude::*;
use waymark_core::entropy::SeededEntropy;
use waymark_core::ids::{ProfileId, RecordId};
use waymark_core::kdf::KdfParams;
use waymark_core::keywrap;
use waymark_core::seal::{open_record, seal_record, RecordBinding, RecordSealer};
use waymark_core::secret::{Passphrase, RecoveryCode, VaultKey};
use waymark_core::Error;

fn ids(e: &SeededEntropy) -> (ProfileId, RecordId) {
    (ProfileId::random(e), RecordId::random(e))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn seal_then_open_gives_back_the_plaintext(
        plaintext in proptest::collection::vec(any::<u8>(), 0..4096),
        kind in "[a-z_]{1,24}",
        version in 1u32..,
        seed in any::<u64>(),
    ) {
        let e = SeededEntropy::new(seed);
        let key = VaultKey::generate(&e);
        let (profile, record) = ids(&e);
        let b = RecordBinding { profile: &profile, record: &record, kind: &kind, version };
        let sealed = seal_record(&key, b, &plaintext, &e);
        prop_assert!(sealed.len() == plaintext.len() + 45);
        let opened = open_record(&key, b, &sealed).unwrap();
        prop_assert_eq!(&opened[..], &plaintext[..]);
    }

    #[test]
    fn a_ciphertext_under_any_other_binding_fails(
        plaintext in proptest::collection::vec(any::<u8>(), 1..512),
        which in 0usize..5,
        seed in any::<u64>(),
    ) {
        let e = SeededEntropy::new(seed);
        let key = VaultKey::generate(&e);
        let (profile, record) = ids(&e);
        let (other_profile, other_record) = ids(&e);
        let other_key = VaultKey::generate(&e);
        let b = RecordBinding { profile: &profile, record: &record, kind: "statement", version: 3 };
        let sealed = seal_record(&key, b, &plaintext, &e);
        let (moved, k) = match which {
            0 => (RecordBinding { record: &other_record, ..b }, &key),
            1 => (RecordBinding { kind: "pathway_note", ..b }, &key),
            2 => (RecordBinding { version: 2, ..b }, &key),
            3 => (RecordBinding { profile: &other_profile, ..b }, &key),
            _ => (b, &other_key),
        };
        let err = open_record(k, moved, &sealed).unwrap_err();
        let integrity = matches!(err, Error::Integrity { .. });
        prop_assert!(integrity);
    }

    #[test]
    fn any_single_flipped_byte_is_detected(
        plaintext in proptest::collection::vec(any::<u8>(), 1..256),
        position in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let e = SeededEntropy::new(7);
        let key = VaultKey::generate(&e);
        let (profile, record) = ids(&e);
        let b = RecordBinding { profile: &profile, record: &record, kind: "statement", version: 1 };
        let mut sealed = seal_record(&key, b, &plaintext, &e);
        let i = position.index(sealed.len());
        sealed[i] ^= 1 << bit;
        prop_assert!(open_record(&key, b, &sealed).is_err());
    }

    #[test]
    fn recovery_codes_read_back_however_they_are_typed(seed in any::<u64>()) {
        let code = RecoveryCode::generate(&SeededEntropy::new(seed));
        let shown = code.display().to_string();
        prop_assert_eq!(shown.len(), 29);
        prop_assert_eq!(shown.split('-').count(), 6);
        let typed = shown.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        let parsed = RecoveryCode::parse(&typed).unwrap();
        prop_assert_eq!(parsed.expose(), code.expose());
    }
}

#[test]
fn a_session_seals_under_one_key_id_with_a_fresh_nonce_each_time() {
    let e = SeededEntropy::new(1);
    let key = VaultKey::generate(&e);
    let sealer = RecordSealer::new(&key);
    let (profile, record) = ids(&e);
    let b = RecordBinding { profile: &profile, record: &record, kind: "statement", version: 1 };
    let sealed: Vec<Vec<u8>> = (0..50).map(|_| sealer.seal(b, b"same words", &e)).collect();
    let mut nonces: Vec<&[u8]> = sealed.iter().map(|s| &s[17..29]).collect();
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 50, "every seal has its own nonce");
    assert!(sealed.iter().all(|s| s[1..17] == sealed[0][1..17]), "one key id per session");
    assert_ne!(sealed[0][29..], sealed[1][29..], "equal plaintexts give different ciphertexts");
    // Another session (another unlock) draws another key id; both open with either sealer.
    let other = RecordSealer::new(&key);
    let later = other.seal(b, b"same words", &e);
    assert_ne!(later[1..17], sealed[0][1..17]);
    assert_eq!(&sealer.open(b, &later).unwrap()[..], b"same words");
    assert_eq!(&other.open(b, &sealed[3]).unwrap()[..], b"same words");
}

#[test]
fn a_recovery_code_of_the_wrong_length_or_alphabet_is_refused() {
    for bad in ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ0U"] {
        assert!(matches!(RecoveryCode::parse(bad), Err(Error::WrongRecoveryCode)), "{bad}");
    }
}

#[test]
fn passphrase_wrap_round_trip_and_wrong_passphrase() {
    let e = SeededEntropy::new(2);
    let key = VaultKey::generate(&e);
    let profile = ProfileId::random(&e);
    let p = Passphrase::new("marble teapot orchard".into());
    let wrap = keywrap::wrap_with_passphrase(&key, &p, KdfParams::FLOOR, &profile, &e).unwrap();
    assert_eq!(wrap.len(), 90);
    assert_eq!(keywrap::passphrase_wrap_params(&wrap).unwrap(), KdfParams::FLOOR);
    let back = keywrap::unwrap_with_passphrase(&wrap, &p, &profile).unwrap();
    assert_eq!(back.expose(), key.expose());
    let wrong = Passphrase::new("marble teapot orcharf".into());
    assert!(matches!(keywrap::unwrap_with_passphrase(&wrap, &wrong, &profile), Err(Error::WrongPassphrase)));
    // The wrap is bound to its profile.
    let other = ProfileId::random(&e);
    assert!(matches!(keywrap::unwrap_with_passphrase(&wrap, &p, &other), Err(Error::WrongPassphrase)));
}

#[test]
fn kdf_parameters_below_the_floor_are_refused_when_reading_a_wrap() {
    let e = SeededEntropy::new(3);
    let key = VaultKey::generate(&e);
    let profile = ProfileId::random(&e);
    let p = Passphrase::new("marble teapot orchard".into());
    let mut wrap = keywrap::wrap_with_passphrase(&key, &p, KdfParams::FLOOR, &profile, &e).unwrap();
    // Lower the stored iterations from 2 to 1, as an attacker editing the file might.
    wrap[9] = 1;
    assert!(matches!(keywrap::unwrap_with_passphrase(&wrap, &p, &profile), Err(Error::KdfBelowFloor)));
    let weak = KdfParams { memory_kib: 8 * 1024, iterations: 2, parallelism: 1 };
    assert!(matches!(keywrap::wrap_with_passphrase(&key, &p, weak, &profile, &e), Err(Error::KdfBelowFloor)));
}

#[test]
fn recovery_wrap_round_trip_and_wrong_code() {
    let e = SeededEntropy::new(4);
    let key = VaultKey::generate(&e);
    let profile = ProfileId::random(&e);
    let code = RecoveryCode::generate(&e);
    let wrap = keywrap::wrap_with_recovery_code(&key, &code, &profile, &e);
    assert_eq!(wrap.len(), 78);
    let back = keywrap::unwrap_with_recovery_code(&wrap, &code, &profile).unwrap();
    assert_eq!(back.expose(), key.expose());
    let other = RecoveryCode::generate(&e);
    assert!(matches!(keywrap::unwrap_with_recovery_code(&wrap, &other, &profile), Err(Error::WrongRecoveryCode)));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
}

/// The test vector in docs/CRYPTO.md must be what this code produces.
#[test]
fn the_documented_test_vector_matches() {
    let doc = include_str!("../../../docs/CRYPTO.md");
    let block = doc
        .split("```test-vector")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/CRYPTO.md has a ```test-vector block");
    let field = |name: &str| -> String {
        block
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{name}:")).map(|v| v.trim().to_string()))
            .unwrap_or_else(|| panic!("test vector has no '{name}'"))
    };
    let key = VaultKey::from_bytes(unhex(&field("vault_key")).try_into().unwrap());
    let profile = ProfileId::from_slice(&unhex(&field("profile_id"))).unwrap();
    let record = RecordId::from_slice(&unhex(&field("record_id"))).unwrap();
    let kind = field("kind");
    let version: u32 = field("version").parse().unwrap();
    let key_id: [u8; 16] = unhex(&field("key_id")).try_into().unwrap();
    let nonce: [u8; 12] = unhex(&field("nonce")).try_into().unwrap();
    let plaintext = field("plaintext_utf8");
    let b = RecordBinding { profile: &profile, record: &record, kind: &kind, version };
    assert_eq!(hex(&b.associated_data()), field("associated_data"));
    let sealed = RecordSealer::new(&key).seal_with_key_id_and_nonce(key_id, nonce, b, plaintext.as_bytes());
    assert_eq!(hex(&sealed), field("envelope"));
    assert_eq!(&open_record(&key, b, &sealed).unwrap()[..], plaintext.as_bytes());
}
