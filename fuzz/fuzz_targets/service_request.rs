//! The service's request bodies, sent through its real router (the handlers `serve` runs, over a
//! SQLite database). The first byte picks the route; the rest is the body. Bodies for the signed
//! routes are signed by an enrolled device, so they get past authentication to the parsing and
//! checks behind it. Whatever the body: the service answers, never with a server error (5xx),
//! and never panics.
#![no_main]

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;
use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_core::{Clock, SystemClock};
use waymark_service::http::{router, ServiceState};
use waymark_service::limits::Rate;
use waymark_service::store::{Device, NewInvite, ServiceStore, SqliteStore};
use waymark_sync::deletion::ReceiptSigner;
use waymark_sync::invite::Invite;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::request::sign_request;

struct World {
    runtime: tokio::runtime::Runtime,
    app: axum::Router,
    device: IdentityKeys,
    device_id: Uuid,
    _dir: tempfile::TempDir,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let entropy = SeededEntropy::new(3);
        let service = IdentityKeys::generate(&entropy);
        let device = IdentityKeys::generate(&entropy);
        let store = SqliteStore::open(&dir.path().join("service.db")).unwrap();
        let now = SystemClock.now().0;
        let device_id = runtime.block_on(async {
            let token = Invite::new_token(&entropy);
            let token_hash = Invite::token_hash(&token).unwrap();
            let invite = NewInvite { token_hash: token_hash.clone(), person_id: None, person_name: "Fuzz Robin".into(), role: "young_person".into(), created_at: now, expires_at: now + 86_400 };
            store.add_invite(invite).await.unwrap();
            let enrolled = Device {
                id: Uuid::from_u128(42),
                person_id: None,
                person_name: "Fuzz Robin".into(),
                role: "young_person".into(),
                signing_key: device.public().signing.clone(),
                receiving_key: device.public().receiving.clone(),
                enrolled_at: now,
            };
            store.redeem_invite(token_hash, enrolled, now).await.unwrap().id
        });
        let seed = [5u8; 32];
        let until = 4_000_000_000; // 2096: past any run
        let receipts = ReceiptSigner::new(&seed, &ReceiptSigner::certify(&service, &seed, until).unwrap(), until).unwrap();
        let mut state = ServiceState::new(store, "Fuzz Service".into(), service.public().clone(), Arc::new(SystemClock), receipts);
        // Millions of requests from one device: the rate limit would answer most of them.
        state.per_device = Rate { burst: u32::MAX, per_minute: u32::MAX };
        World { runtime, app: router(Arc::new(state)), device, device_id, _dir: dir }
    })
}

const ROUTES: &[(&str, &str, bool)] = &[
    ("POST", "/v1/envelopes", true),
    ("POST", "/v1/envelope-batches", true),
    ("POST", "/v1/deletions", true),
    ("GET", "/v1/mailbox?after=0", true),
    ("POST", "/v1/enrol", false),
    ("GET", "/v1/roster?from=0", true),
    ("POST", "/v1/alert-acks", true),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let (method, path, signed) = ROUTES[pick as usize % ROUTES.len()];
    let w = world();
    let mut request = Request::builder().method(method).uri(path).header("content-type", "application/json");
    if signed {
        let id = w.device_id.to_string();
        for (name, value) in sign_request(&w.device, &id, method, path, SystemClock.now().0, body) {
            request = request.header(name, value);
        }
    }
    let request = request.body(Body::from(body.to_vec())).unwrap();
    let response = w.runtime.block_on(w.app.clone().oneshot(request)).unwrap();
    assert!(!response.status().is_server_error(), "{method} {path} answered {}", response.status());
});
