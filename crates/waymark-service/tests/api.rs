//! The service over real loopback HTTP, with a device that signs its requests: enrolment from an
//! invite, sharing a sealed statement, reading it back only with the service's key, and each bad
//! request refused with its status and nothing stored.

use std::sync::Arc;

use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_core::FixedClock;
use waymark_service::http::{router, ServiceState, MAX_BODY};
use waymark_sync::api::{BatchUploadResponse, EnrolRequest, EnrolResponse, ErrorBody, MailboxResponse, UploadResponse, MAX_BATCH, MAX_BATCH_BODY};
use waymark_service::backend::Backend;
use waymark_service::store::{NewInvite, ServiceStore};
use waymark_service::testing::everything_stored;
use waymark_sync::envelope::{open_envelope, seal_envelope, EnvelopeHeader};
use waymark_sync::invite::Invite;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::request::sign_request;

const NOW: i64 = 1_795_000_000;
const MARKER: &str = "zebra-marker-7731";

struct Harness {
    base: String,
    store: Backend,
    service_keys: IdentityKeys,
    clock: Arc<FixedClock>,
    entropy: SeededEntropy,
    http: reqwest::Client,
    dir: std::path::PathBuf,
}

struct TestDevice {
    id: Uuid,
    keys: IdentityKeys,
}

async fn start(store: Backend, dir: &std::path::Path) -> Harness {
    let entropy = SeededEntropy::new(11);
    let service_keys = IdentityKeys::generate(&entropy);
    let clock = Arc::new(FixedClock::at(NOW));
    let receipts = waymark_service::testing::receipt_signer(&service_keys);
    let state = Arc::new(ServiceState::new(store.clone(), "Northvale Children's Services".into(), service_keys.public().clone(), clock.clone(), receipts));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router(state).into_make_service_with_connect_info::<std::net::SocketAddr>()).await.unwrap() });
    Harness { base, store, service_keys, clock, entropy, http: reqwest::Client::new(), dir: dir.to_path_buf() }
}

impl Harness {
    async fn invite(&self, name: &str, expires_in: i64) -> String {
        let token = Invite::new_token(&self.entropy);
        self.store
            .add_invite(NewInvite {
                token_hash: Invite::token_hash(&token).unwrap(),
                person_id: None,
                person_name: name.into(),
                role: "young_person".into(),
                created_at: NOW,
                expires_at: NOW + expires_in,
            })
            .await
            .unwrap();
        token
    }

    async fn enrol(&self, token: &str, keys: &IdentityKeys) -> reqwest::Response {
        let body = EnrolRequest { invite_token: token.into(), keys: keys.public().clone() };
        self.http.post(format!("{}/v1/enrol", self.base)).json(&body).send().await.unwrap()
    }

    async fn device(&self, name: &str) -> TestDevice {
        let keys = IdentityKeys::generate(&self.entropy);
        let token = self.invite(name, 3600).await;
        let res = self.enrol(&token, &keys).await;
        assert_eq!(res.status(), 201);
        let enrolled: EnrolResponse = res.json().await.unwrap();
        assert_eq!(enrolled.service_name, "Northvale Children's Services");
        TestDevice { id: enrolled.device_id, keys }
    }

    /// Sends a request signed by `signer` claiming to be `device_id`.
    async fn signed(&self, signer: &IdentityKeys, device_id: Uuid, method: &str, path: &str, body: Vec<u8>, time: i64) -> reqwest::Response {
        let mut req = self.http.request(method.parse().unwrap(), format!("{}{path}", self.base));
        for (name, value) in sign_request(signer, &device_id.to_string(), method, path, time, &body) {
            req = req.header(name, value);
        }
        req.header("content-type", "application/json").body(body).send().await.unwrap()
    }

    fn sealed_statement(&self, device: &TestDevice, text: &str) -> (Uuid, Vec<u8>) {
        let envelope_id = Uuid::from_u128(u128::from_le_bytes(*b"envelope-0000001") ^ text.len() as u128);
        let header = EnvelopeHeader {
            envelope_id,
            device_id: device.id,
            record_kind: "statement".into(),
            record_id: Uuid::from_u128(77),
            record_version: 1,
            urgent: false,
        };
        let plaintext = serde_json::to_vec(&serde_json::json!({ "kind": "worried", "words": text })).unwrap();
        let env = seal_envelope(self.service_keys.public(), header, &plaintext, &self.entropy).unwrap();
        (envelope_id, serde_json::to_vec(&env).unwrap())
    }

    async fn stored_count(&self) -> usize {
        self.store.envelopes(0, 1000).await.unwrap().len()
    }
}

async fn error_of(res: reqwest::Response) -> (u16, ErrorBody) {
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

async fn a_device_enrols_shares_a_sealed_statement_and_only_the_service_key_opens_it(h: Harness) {
    let robin = h.device("Robin").await;
    let (_, body) = h.sealed_statement(&robin, &format!("I want to see my brother more {MARKER}"));
    let res = h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", body.clone(), NOW).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<UploadResponse>().await.unwrap().stored, "new");

    // A resend (the reply was lost) changes nothing.
    let res = h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", body, NOW + 5).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<UploadResponse>().await.unwrap().stored, "already_here");
    let stored = h.store.envelopes(0, 10).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].person_name, "Robin");

    let envelope = serde_json::from_str(&stored[0].body).unwrap();
    let plain = open_envelope(&h.service_keys, &envelope).unwrap();
    assert!(String::from_utf8_lossy(&plain).contains(MARKER));

    // Nothing the service keeps (database, write-ahead log) contains the words.
    drop(stored);
    let kept = everything_stored(&h.store, &h.dir).await;
    assert!(!kept.is_empty());
    assert!(!kept.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()), "the marker reached the service's storage");
}

async fn invites_work_once_and_only_until_they_run_out(h: Harness) {
    let keys = IdentityKeys::generate(&h.entropy);
    let token = h.invite("Robin", 3600).await;
    assert_eq!(h.enrol(&token, &keys).await.status(), 201);
    let (status, err) = error_of(h.enrol(&token, &keys).await).await;
    assert_eq!((status, err.code.as_str()), (410, "gone"), "{}", err.message);
    assert!(err.message.contains("used already"));

    let late = h.invite("Sam", 60).await;
    h.clock.advance(61);
    let (status, err) = error_of(h.enrol(&late, &keys).await).await;
    assert_eq!(status, 410);
    assert!(err.message.contains("run out"));

    let made_up = Invite::new_token(&SeededEntropy::new(99));
    assert_eq!(error_of(h.enrol(&made_up, &keys).await).await.0, 403);
    let res = h.http.post(format!("{}/v1/enrol", h.base)).body("{not json").send().await.unwrap();
    assert_eq!(error_of(res).await.0, 400);
}

async fn bad_uploads_are_refused_with_their_status_and_nothing_is_stored(h: Harness) {
    let robin = h.device("Robin").await;
    let sam = h.device("Sam").await;
    let (_, body) = h.sealed_statement(&robin, "A worry");

    // Changed after signing.
    let mut req = h.http.post(format!("{}/v1/envelopes", h.base));
    for (name, value) in sign_request(&robin.keys, &robin.id.to_string(), "POST", "/v1/envelopes", NOW, &body) {
        req = req.header(name, value);
    }
    let mut tampered = body.clone();
    let at = tampered.len() - 10;
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    let (status, err) = error_of(req.body(tampered).send().await.unwrap()).await;
    assert_eq!((status, err.code.as_str()), (401, "unauthenticated"));

    // Signed with another device's key while claiming Robin's id.
    assert_eq!(h.signed(&sam.keys, robin.id, "POST", "/v1/envelopes", body.clone(), NOW).await.status(), 401);
    // Sam's own signature on an envelope that names Robin as its sender.
    let (status, err) = error_of(h.signed(&sam.keys, sam.id, "POST", "/v1/envelopes", body.clone(), NOW).await).await;
    assert_eq!((status, err.code.as_str()), (403, "forbidden"));
    // A captured request replayed later than the allowed clock difference.
    h.clock.advance(400);
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", body.clone(), NOW).await.status(), 400);
    // No signature at all.
    let res = h.http.post(format!("{}/v1/envelopes", h.base)).body(body.clone()).send().await.unwrap();
    assert_eq!(res.status(), 401);
    // Malformed JSON, an envelope of a newer format, and a body over the limit.
    let now = NOW + 400;
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", b"{\"format\":".to_vec(), now).await.status(), 400);
    let mut newer: serde_json::Value = serde_json::from_slice(&body).unwrap();
    newer["format"] = 5.into();
    let (status, err) = error_of(h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", serde_json::to_vec(&newer).unwrap(), now).await).await;
    assert_eq!((status, err.code.as_str()), (400, "unsupported_version"));
    let huge = vec![b' '; MAX_BODY + 1];
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", huge, now).await.status(), 413);

    assert_eq!(h.stored_count().await, 0, "nothing was stored");
    // A resend of the same envelope id, sealed again after a crash, is acknowledged; the first stays.
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", body.clone(), now).await.status(), 201);
    let first = h.store.envelopes(0, 10).await.unwrap()[0].body.clone();
    let mut resealed: serde_json::Value = serde_json::from_slice(&body).unwrap();
    resealed["ciphertext"] = serde_json::Value::String(format!("{}AAAA", resealed["ciphertext"].as_str().unwrap()));
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", "/v1/envelopes", serde_json::to_vec(&resealed).unwrap(), now).await.status(), 200);
    assert_eq!(h.store.envelopes(0, 10).await.unwrap()[0].body, first);
    // Another device cannot reuse the id, even naming itself as the sender.
    let mut stolen: serde_json::Value = serde_json::from_slice(&body).unwrap();
    stolen["device_id"] = serde_json::Value::String(sam.id.to_string());
    assert_eq!(h.signed(&sam.keys, sam.id, "POST", "/v1/envelopes", serde_json::to_vec(&stolen).unwrap(), now).await.status(), 409);
    assert_eq!(h.stored_count().await, 1);
}

async fn a_device_reads_only_its_own_mailbox(h: Harness) {
    let robin = h.device("Robin").await;
    let sam = h.device("Sam").await;
    h.store.post_mail(robin.id, "for Robin 1".into(), NOW).await.unwrap();
    h.store.post_mail(sam.id, "for Sam".into(), NOW).await.unwrap();
    h.store.post_mail(robin.id, "for Robin 2".into(), NOW).await.unwrap();

    let robins = read(&h, &robin, 0).await;
    assert_eq!(robins.items.iter().map(|i| i.body.as_str()).collect::<Vec<_>>(), ["for Robin 1", "for Robin 2"]);
    let after_first = read(&h, &robin, robins.items[0].seq).await;
    assert_eq!(after_first.items.len(), 1);
    assert_eq!(read(&h, &sam, 0).await.items.iter().map(|i| i.body.as_str()).collect::<Vec<_>>(), ["for Sam"]);
    // Sam cannot read Robin's by signing with Robin's id.
    assert_eq!(h.signed(&sam.keys, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), NOW).await.status(), 401);
    // A signature for one cursor does not serve another.
    let mut req = h.http.get(format!("{}/v1/mailbox?after=5", h.base));
    for (name, value) in sign_request(&robin.keys, &robin.id.to_string(), "GET", "/v1/mailbox?after=0", NOW, &[]) {
        req = req.header(name, value);
    }
    assert_eq!(req.send().await.unwrap().status(), 401);
    // A cursor before the start is a mistake, said as one (it used to be read as 0).
    let res = h.signed(&robin.keys, robin.id, "GET", "/v1/mailbox?after=-1", Vec::new(), NOW).await;
    assert_eq!(res.status(), 400);
    assert!(error_of(res).await.1.message.contains("`after` must be 0 or more"));
    let res = h.http.get(format!("{}/v1/resources?have=-1", h.base)).send().await.unwrap();
    assert_eq!(res.status(), 400);
}

async fn read(h: &Harness, who: &TestDevice, after: i64) -> MailboxResponse {
    let path = format!("/v1/mailbox?after={after}");
    h.signed(&who.keys, who.id, "GET", &path, Vec::new(), NOW).await.json().await.unwrap()
}

async fn floods_are_slowed_with_429_and_a_time_to_wait(h: Harness) {
    let keys = IdentityKeys::generate(&h.entropy);
    // Enrolment guessing: ten tries, then a wait.
    for _ in 0..10 {
        assert_eq!(h.enrol(&Invite::new_token(&h.entropy), &keys).await.status(), 403);
    }
    let res = h.enrol(&Invite::new_token(&h.entropy), &keys).await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().get("retry-after").is_some());
    assert_eq!(error_of(res).await.1.code, "rate_limited");
    h.clock.advance(60);
    let robin = h.device("Robin").await;

    // One device polling far too fast.
    let mut limited = false;
    for _ in 0..130 {
        let status = h.signed(&robin.keys, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), h.clock.now_secs()).await.status();
        if status == 429 {
            limited = true;
            break;
        }
        assert_eq!(status, 200);
    }
    assert!(limited, "a device is limited");

    // Someone trying signatures: after thirty failures, everything unsigned-for waits.
    h.clock.advance(3600);
    let intruder = IdentityKeys::generate(&h.entropy);
    for _ in 0..30 {
        assert_eq!(h.signed(&intruder, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), h.clock.now_secs()).await.status(), 401);
    }
    assert_eq!(h.signed(&intruder, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), h.clock.now_secs()).await.status(), 429);
}

/// A client whose requests come from another loopback address (Linux answers on all of
/// 127.0.0.0/8), as another laptop's would.
fn client_from(address: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder().local_address(std::net::IpAddr::from(address)).build().unwrap()
}

async fn one_address_flooding_does_not_lock_out_the_others(mut h: Harness) {
    let keys = IdentityKeys::generate(&h.entropy);
    let robin = h.device("Robin").await;
    let home = std::mem::replace(&mut h.http, client_from([127, 0, 0, 2]));
    // Someone guessing invites and signatures from one address waits...
    for _ in 0..10 {
        assert_eq!(h.enrol(&Invite::new_token(&h.entropy), &keys).await.status(), 403);
    }
    assert_eq!(h.enrol(&Invite::new_token(&h.entropy), &keys).await.status(), 429);
    let intruder = IdentityKeys::generate(&h.entropy);
    for _ in 0..30 {
        assert_eq!(h.signed(&intruder, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), NOW).await.status(), 401);
    }
    assert_eq!(h.signed(&intruder, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), NOW).await.status(), 429);
    // ...and cannot pass as another address by naming one.
    let named = h.http.post(format!("{}/v1/enrol", h.base)).header("x-waymark-client-address", "10.9.8.7");
    let named = named.json(&EnrolRequest { invite_token: Invite::new_token(&h.entropy), keys: keys.public().clone() }).send().await.unwrap();
    assert_eq!(named.status(), 429);
    // Laptops elsewhere are not held up: one still enrols, and Robin is served.
    h.http = home;
    assert_eq!(h.enrol(&Invite::new_token(&h.entropy), &keys).await.status(), 403, "another address may still try an invite");
    assert_eq!(h.signed(&robin.keys, robin.id, "GET", "/v1/mailbox?after=0", Vec::new(), NOW).await.status(), 200, "Robin is not locked out");
}

trait NowSecs {
    fn now_secs(&self) -> i64;
}

impl NowSecs for FixedClock {
    fn now_secs(&self) -> i64 {
        waymark_core::Clock::now(self).0
    }
}

async fn the_served_openapi_document_describes_every_route(h: Harness) {
    let res = h.http.get(format!("{}/v1/openapi.json", h.base)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in waymark_service::http::ROUTES {
        assert!(paths.get(*path).and_then(|p| p.get(*method)).is_some(), "{method} {path} is not in openapi.json");
    }
    // Every operation the document lists (a path may have several methods) is one the service serves.
    let operations = paths.values().map(|p| p.as_object().unwrap().keys().filter(|k| ["get", "post", "put", "delete", "patch"].contains(&k.as_str())).count()).sum::<usize>();
    assert_eq!(operations, waymark_service::http::ROUTES.len(), "openapi.json lists a route the service does not serve");
    // Each route listed is served: the router's own "no such route" is an empty 404 or a 405,
    // while a route's answers (even a 404 for "nothing published") carry an ErrorBody.
    for (method, path) in waymark_service::http::ROUTES {
        let res = h.http.request(method.to_uppercase().parse().unwrap(), format!("{}{path}", h.base)).send().await.unwrap();
        let status = res.status();
        assert_ne!(status, 405, "{method} {path}");
        if status == 404 {
            assert!(res.json::<ErrorBody>().await.is_ok(), "{method} {path} is not routed");
        }
    }
}

waymark_service::on_every_backend!(super::start; deletion_removes_only_the_asking_devices_envelopes_and_the_receipt_checks_out, a_device_enrols_shares_a_sealed_statement_and_only_the_service_key_opens_it, invites_work_once_and_only_until_they_run_out, bad_uploads_are_refused_with_their_status_and_nothing_is_stored, a_device_reads_only_its_own_mailbox, floods_are_slowed_with_429_and_a_time_to_wait, one_address_flooding_does_not_lock_out_the_others, the_served_openapi_document_describes_every_route, a_batch_is_kept_whole_once_per_envelope_or_refused_whole);

async fn upload(h: &Harness, device: &TestDevice, kind: &str, record: u128) {
    let header = EnvelopeHeader {
        envelope_id: Uuid::from_u128(record << 8 | 1),
        device_id: device.id,
        record_kind: kind.into(),
        record_id: Uuid::from_u128(record),
        record_version: 1,
        urgent: false,
    };
    let env = seal_envelope(h.service_keys.public(), header, b"{}", &h.entropy).unwrap();
    let res = h.signed(&device.keys, device.id, "POST", "/v1/envelopes", serde_json::to_vec(&env).unwrap(), NOW).await;
    assert_eq!(res.status(), 201);
}

async fn deletion_removes_only_the_asking_devices_envelopes_and_the_receipt_checks_out(h: Harness) {
    use waymark_sync::deletion::{DeletionReceipt, DeletionRequest};
    let robin = h.device("Robin").await;
    let sam = h.device("Sam").await;
    upload(&h, &robin, "statement", 100).await;
    upload(&h, &robin, "statement", 101).await;
    upload(&h, &robin, "pathway_note", 102).await;
    upload(&h, &sam, "statement", 200).await;

    let only_one = DeletionRequest { format: waymark_sync::deletion::DELETION_FORMAT, request_id: Uuid::from_u128(1), record_kind: "statement".into(), record_ids: vec![Uuid::from_u128(101)] };
    let res = h.signed(&robin.keys, robin.id, "POST", "/v1/deletions", serde_json::to_vec(&only_one).unwrap(), NOW).await;
    assert_eq!(res.status(), 200);
    let receipt: DeletionReceipt = res.json().await.unwrap();
    assert_eq!(receipt.facts.deleted, 1);
    receipt.verify(h.service_keys.public(), &only_one, robin.id, NOW).unwrap();
    assert_eq!(h.stored_count().await, 3);

    let all = DeletionRequest { format: waymark_sync::deletion::DELETION_FORMAT, request_id: Uuid::from_u128(2), record_kind: "statement".into(), record_ids: vec![] };
    let receipt: DeletionReceipt = h.signed(&robin.keys, robin.id, "POST", "/v1/deletions", serde_json::to_vec(&all).unwrap(), NOW).await.json().await.unwrap();
    assert_eq!(receipt.facts.deleted, 1);
    receipt.verify(h.service_keys.public(), &all, robin.id, NOW).unwrap();
    let left: Vec<(String, Uuid)> = h
        .store
        .envelopes(0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.person_name, serde_json::from_str::<waymark_sync::envelope::Envelope>(&e.body).unwrap().header.record_id))
        .collect();
    assert_eq!(left, [("Robin".to_string(), Uuid::from_u128(102)), ("Sam".to_string(), Uuid::from_u128(200))], "notes and Sam's statement stay");

    // A receipt changed on the way, or for another request or device, does not check out.
    let mut changed = receipt.clone();
    changed.facts.deleted = 5;
    assert!(changed.verify(h.service_keys.public(), &all, robin.id, NOW).is_err());
    assert!(receipt.verify(h.service_keys.public(), &only_one, robin.id, NOW).is_err());
    assert!(receipt.verify(h.service_keys.public(), &all, sam.id, NOW).is_err());
    let impostor = IdentityKeys::generate(&h.entropy);
    assert!(receipt.verify(impostor.public(), &all, robin.id, NOW).is_err(), "the receipt key must be certified by the pinned service key");

    let bad = serde_json::json!({ "format": 1, "request_id": Uuid::from_u128(3), "record_kind": "DROP TABLE" });
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", "/v1/deletions", serde_json::to_vec(&bad).unwrap(), NOW).await.status(), 400);
    assert_eq!(h.stored_count().await, 2);
}

/// A sealed envelope from `device` for record `record`, as JSON.
fn sealed(h: &Harness, device: &TestDevice, record: u128, text: &str) -> serde_json::Value {
    let header = EnvelopeHeader {
        envelope_id: Uuid::from_u128(record << 8 | 2),
        device_id: device.id,
        record_kind: "statement".into(),
        record_id: Uuid::from_u128(record),
        record_version: 1,
        urgent: false,
    };
    let plaintext = serde_json::to_vec(&serde_json::json!({ "kind": "worried", "words": text })).unwrap();
    serde_json::to_value(seal_envelope(h.service_keys.public(), header, &plaintext, &h.entropy).unwrap()).unwrap()
}

fn batch_of(envelopes: Vec<serde_json::Value>) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "format": 1, "envelopes": envelopes })).unwrap()
}

async fn a_batch_is_kept_whole_once_per_envelope_or_refused_whole(h: Harness) {
    let robin = h.device("Robin").await;
    let sam = h.device("Sam").await;
    let path = "/v1/envelope-batches";
    let three: Vec<_> = (1..=3).map(|i| sealed(&h, &robin, i, &format!("{MARKER} batch {i}"))).collect();

    // Anything wrong refuses the lot, and nothing is stored: one envelope naming another device,
    // one changed after signing, too many, none, a newer batch format, a body over the limit.
    let mut mixed = three.clone();
    mixed.push(sealed(&h, &sam, 9, "not Robin's"));
    let (status, err) = error_of(h.signed(&robin.keys, robin.id, "POST", path, batch_of(mixed), NOW).await).await;
    assert_eq!((status, err.code.as_str()), (403, "forbidden"));
    let mut broken = three.clone();
    broken[1]["ciphertext"] = serde_json::Value::String("not base64!".into());
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", path, batch_of(broken), NOW).await.status(), 400);
    let too_many: Vec<_> = (0..=MAX_BATCH).map(|_| three[0].clone()).collect();
    let (status, err) = error_of(h.signed(&robin.keys, robin.id, "POST", path, batch_of(too_many), NOW).await).await;
    assert_eq!((status, err.message.contains("1 to 200")), (400, true));
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", path, batch_of(vec![]), NOW).await.status(), 400);
    let newer = serde_json::to_vec(&serde_json::json!({ "format": 2, "envelopes": three })).unwrap();
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", path, newer, NOW).await.status(), 400);
    assert_eq!(h.signed(&robin.keys, robin.id, "POST", path, vec![b' '; MAX_BATCH_BODY + 1], NOW).await.status(), 413);
    assert_eq!(h.signed(&sam.keys, robin.id, "POST", path, batch_of(three.clone()), NOW).await.status(), 401);
    assert_eq!(h.stored_count().await, 0, "nothing was stored");

    // A good batch is kept, each envelope once; sent again (after a crash), all are recognised.
    let res = h.signed(&robin.keys, robin.id, "POST", path, batch_of(three.clone()), NOW).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<BatchUploadResponse>().await.unwrap().stored, ["new", "new", "new"]);
    let mut again = three.clone();
    again.push(sealed(&h, &robin, 4, "a fourth"));
    let res = h.signed(&robin.keys, robin.id, "POST", path, batch_of(again), NOW).await;
    assert_eq!(res.json::<BatchUploadResponse>().await.unwrap().stored, ["already_here", "already_here", "already_here", "new"]);
    assert_eq!(h.stored_count().await, 4);
    // Sam cannot take over Robin's envelope ids inside a batch of his own: none of his is kept.
    let mut stolen = three[0].clone();
    stolen["device_id"] = serde_json::Value::String(sam.id.to_string());
    let res = h.signed(&sam.keys, sam.id, "POST", path, batch_of(vec![sealed(&h, &sam, 20, "Sam's own"), stolen]), NOW).await;
    assert_eq!(res.status(), 409);
    assert_eq!(h.stored_count().await, 4);
    assert!(!everything_stored(&h.store, &h.dir).await.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()), "only ciphertext is kept");
}
