//! A page of the organisation's roster as a server hands it out (`GET /v1/roster`): bytes the
//! server controls completely. Whatever they are: no panic; nothing is accepted that does not
//! chain from the pinned root; and what is accepted verifies again, link for link, to the same
//! roster (so acceptance never depends on the order of checks or on state left by a refusal).
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::roster::{advance, root_fingerprint, RosterPage, RosterState};

fuzz_target!(|data: &[u8]| {
    // The root the seed page was signed with (crates/waymark-sync/tests/roster.rs writes it).
    let root = IdentityKeys::generate(&SeededEntropy::new(7));
    let pin = root_fingerprint(&root.public().signing).unwrap();
    let Ok(page) = serde_json::from_slice::<RosterPage>(data) else { return };
    if let Ok(state) = advance(None, &page, &pin) {
        assert_eq!(state.root_key, root.public().signing, "accepted a roster from another root");
        let again = RosterState::verify_chain(&page.links, &pin).expect("an accepted chain verifies again");
        assert_eq!(again, state);
        assert_eq!(Some(state.head.seq), page.links.last().map(|l| l.content.seq));
    }
});
