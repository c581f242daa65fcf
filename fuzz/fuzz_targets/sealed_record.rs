//! Sealed records and key wraps as read back from the data folder, which anyone with the laptop
//! can change. Whatever the bytes: no panic, and nothing opens unless it was sealed with this key
//! and this binding. Also: any plaintext sealed and opened comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_core::entropy::SeededEntropy;
use waymark_core::keywrap;
use waymark_core::seal::{RecordBinding, RecordSealer};
use waymark_core::secret::{RecoveryCode, VaultKey};
use waymark_core::{ProfileId, RecordId};

fuzz_target!(|data: &[u8]| {
    let profile = ProfileId::from_slice(&[1; 16]).unwrap();
    let record = RecordId::from_slice(&[2; 16]).unwrap();
    let binding = RecordBinding { profile: &profile, record: &record, kind: "statement", version: 1 };
    let sealer = RecordSealer::new(&VaultKey::from_bytes([7; 32]));

    // Random bytes never open (a 128-bit tag would have to be guessed).
    assert!(sealer.open(binding, data).is_err());

    // Anything sealed opens to itself, and only under its own binding.
    let sealed = sealer.seal(binding, data, &SeededEntropy::new(data.len() as u64));
    assert_eq!(&sealer.open(binding, &sealed).unwrap()[..], data);
    let other = RecordBinding { version: 2, ..binding };
    assert!(sealer.open(other, &sealed).is_err());

    // A wrap's stored Argon2 settings are read and checked against the floor and ceiling, never
    // used unchecked; a recovery wrap of any shape refuses a code that did not make it.
    if let Ok(params) = keywrap::passphrase_wrap_params(data) {
        let _ = params.check();
    }
    let code = RecoveryCode::parse("0000-0000-0000-0000-0000-0000").unwrap();
    assert!(keywrap::unwrap_with_recovery_code(data, &code, &profile).is_err());
});
