//! Library bundles: the signed wrapper the service sends, and the bundle inside it. Whatever the
//! bytes: no panic; nothing verifies without the pinned key's signature.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_core::domain::library::{LibraryBundle, SignedLibraryBundle};
use waymark_core::Timestamp;

fuzz_target!(|data: &[u8]| {
    // Any key: random bytes are never signed by it.
    assert!(SignedLibraryBundle::verify(data, &[9; 32], Timestamp(1_795_000_000)).is_err());
    let _ = LibraryBundle::parse(data);
});
