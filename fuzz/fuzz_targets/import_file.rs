//! "Restore from a download" files, which a person picks and anyone could have made. Whatever the
//! bytes: no panic, and a file that reads yields only records that pass the same checks as
//! records typed in the app.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark_core::export::read_export;

fuzz_target!(|data: &[u8]| {
    if let Ok((_profile, records)) = read_export(data) {
        for r in records {
            // Each record's contents turn back into JSON of the kind it claims.
            let json = serde_json::to_vec(&r.body.data_json()).unwrap();
            waymark_core::domain::RecordBody::from_json(r.body.kind(), &json).expect("a read record re-reads");
        }
    }
});
