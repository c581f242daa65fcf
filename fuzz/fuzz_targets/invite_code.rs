//! Invite codes as a person types or pastes them. Whatever the text: no panic, and a code that
//! parses turns back into a code that parses to the same invite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_sync::invite::Invite;

const NOW: i64 = 1_795_000_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(invite) = Invite::parse(text, NOW) {
        let again = Invite::parse(&invite.to_code(), NOW).expect("a parsed invite's own code parses");
        assert_eq!(again.to_code(), invite.to_code());
        assert_eq!(again.service_url, invite.service_url);
        assert_eq!(again.fingerprint, invite.fingerprint);
    }
});
