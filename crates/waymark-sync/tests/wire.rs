//! The wire formats: envelopes open only for their recipient and only unchanged; invites are
//! refused when damaged or run out; signed requests fail when anything about them changes.

use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::envelope::{
    open_envelope, seal_envelope, Envelope, EnvelopeHeader, EnvelopeOpener, EnvelopeSealer, SEALS_PER_KEY,
};
use waymark_sync::invite::Invite;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::request::{sign_request, verify_request, MAX_CLOCK_SKEW};
use waymark_sync::SyncError;

const NOW: i64 = 1_795_000_000;

fn header() -> EnvelopeHeader {
    EnvelopeHeader {
        envelope_id: Uuid::from_u128(1),
        device_id: Uuid::from_u128(2),
        record_kind: "statement".into(),
        record_id: Uuid::from_u128(3),
        record_version: 2,
        urgent: false,
    }
}

#[test]
fn an_envelope_opens_only_for_its_recipient_and_only_unchanged() {
    let entropy = SeededEntropy::new(1);
    let service = IdentityKeys::generate(&entropy);
    let other = IdentityKeys::generate(&entropy);
    let text = b"I would like to see my brother more often.";
    let env = seal_envelope(service.public(), header(), text, &entropy).unwrap();
    assert_eq!(&open_envelope(&service, &env).unwrap()[..], text);
    assert!(!env.ciphertext.contains("brother"));
    assert_eq!(open_envelope(&other, &env), Err(SyncError::CannotOpen), "another key cannot open it");

    let mut moved = env.clone();
    moved.header.record_id = Uuid::from_u128(4);
    assert_eq!(open_envelope(&service, &moved), Err(SyncError::CannotOpen), "moved to another record");
    let mut moved = env.clone();
    moved.header.record_kind = "pathway_note".into();
    assert_eq!(open_envelope(&service, &moved), Err(SyncError::CannotOpen), "relabelled as another kind");
    let mut moved = env.clone();
    moved.header.record_version = 1;
    assert_eq!(open_envelope(&service, &moved), Err(SyncError::CannotOpen), "passed off as another version");
    let mut moved = env.clone();
    moved.header.device_id = Uuid::from_u128(9);
    assert_eq!(open_envelope(&service, &moved), Err(SyncError::CannotOpen), "claimed by another device");

    let mut flipped = env.clone();
    let mut bytes = base64_decode(&flipped.ciphertext);
    bytes[0] ^= 1;
    flipped.ciphertext = base64_encode(&bytes);
    assert_eq!(open_envelope(&service, &flipped), Err(SyncError::CannotOpen), "a changed byte");

    let mut renumbered = env.clone();
    renumbered.seq = Some(1);
    assert_eq!(open_envelope(&service, &renumbered), Err(SyncError::CannotOpen), "given another place in its group");

    let mut newer = env.clone();
    newer.format = 5;
    assert!(matches!(open_envelope(&service, &newer), Err(SyncError::UnsupportedVersion { found: 5, .. })));

    // Two seals of the same text differ (fresh ephemeral keys), and round-trip through JSON.
    let again = seal_envelope(service.public(), header(), text, &entropy).unwrap();
    assert_ne!(again.ciphertext, env.ciphertext);
    let json = serde_json::to_string(&again).unwrap();
    let back: waymark_sync::envelope::Envelope = serde_json::from_str(&json).unwrap();
    assert_eq!(&open_envelope(&service, &back).unwrap()[..], text);
}

/// Sealed by the format 1 code (single-shot HPKE per envelope) with the keys of
/// `SeededEntropy::new(1)`; a service may still hold envelopes like it.
const FORMAT_1_ENVELOPE: &str = r#"{"format":1,"envelope_id":"00000000-0000-0000-0000-000000000001","device_id":"00000000-0000-0000-0000-000000000002","record_kind":"statement","record_id":"00000000-0000-0000-0000-000000000003","record_version":2,"enc":"Y9CWPi18F9RrvBJ38HwPWxuGccEn7OzLwR8ojvjyj0Y","ciphertext":"ho0FocLg_RwC9P_DlMMb9O57NVEkayRlJ-15PNJHtFwfVcQ5wDPSHDIyHC4QP_OFmI0j4-y1Ip4T4w"}"#;

#[test]
fn envelopes_sealed_before_format_2_still_open_and_still_refuse_changes() {
    let service = IdentityKeys::generate(&SeededEntropy::new(1));
    let env: Envelope = serde_json::from_str(FORMAT_1_ENVELOPE).unwrap();
    env.check_shape().unwrap();
    assert_eq!(&open_envelope(&service, &env).unwrap()[..], b"I would like to see my brother more often.");
    let mut moved = env.clone();
    moved.header.record_version = 3;
    assert_eq!(open_envelope(&service, &moved), Err(SyncError::CannotOpen));
    let mut numbered = env.clone();
    numbered.seq = Some(0);
    assert!(matches!(numbered.check_shape(), Err(SyncError::Malformed(_))), "format 1 has no sequence numbers");
}

#[test]
fn urgent_is_seen_by_the_service_and_cannot_be_set_or_cleared_on_the_way() {
    let entropy = SeededEntropy::new(5);
    let service = IdentityKeys::generate(&entropy);
    let text = b"I don't feel safe at home tonight.";
    let urgent = seal_envelope(service.public(), EnvelopeHeader { urgent: true, ..header() }, text, &entropy).unwrap();
    assert_eq!(urgent.format, 3, "only an urgent envelope needs the new format");
    let json = serde_json::to_value(&urgent).unwrap();
    assert_eq!(json["urgent"], true, "the flag travels in the clear, for the service to raise it");
    assert!(!json.to_string().contains("safe at home"), "never what was written");
    assert_eq!(&open_envelope(&service, &urgent).unwrap()[..], text);

    let mut cleared = urgent.clone();
    cleared.header.urgent = false;
    assert_eq!(open_envelope(&service, &cleared), Err(SyncError::CannotOpen), "the flag cleared on the way");
    let mut downgraded = cleared.clone();
    downgraded.format = 2;
    assert_eq!(open_envelope(&service, &downgraded), Err(SyncError::CannotOpen), "passed off as format 2");

    // Anything else is written exactly as before, so older apps still read it.
    let plain = seal_envelope(service.public(), header(), text, &entropy).unwrap();
    assert_eq!(plain.format, 2);
    assert!(!serde_json::to_string(&plain).unwrap().contains("urgent"));
    let mut raised = plain.clone();
    raised.header.urgent = true;
    assert!(matches!(raised.check_shape(), Err(SyncError::Malformed(_))), "format 2 cannot say urgent");
    raised.format = 3;
    assert_eq!(open_envelope(&service, &raised), Err(SyncError::CannotOpen), "the flag set on the way");
}

#[test]
fn a_record_for_several_workers_opens_only_on_their_devices_and_its_readers_cannot_be_changed() {
    let entropy = SeededEntropy::new(4);
    let social_worker = (Uuid::from_u128(0x51), IdentityKeys::generate(&entropy));
    let iro = (Uuid::from_u128(0x52), IdentityKeys::generate(&entropy));
    let server = IdentityKeys::generate(&entropy);
    let readers = [(social_worker.0, social_worker.1.public()), (iro.0, iro.1.public())];
    let mut sealer = EnvelopeSealer::for_readers(&readers, &entropy).unwrap();
    let text = b"Please can I stay at my placement until the summer?";
    let mut env = sealer.seal(EnvelopeHeader { urgent: true, ..header() }, text).unwrap();
    assert_eq!(env.format, 4);
    assert_eq!(env.readers(), vec![social_worker.0, iro.0]);
    assert!(env.enc.is_empty());
    for (id, keys) in [&social_worker, &iro] {
        assert_eq!(&EnvelopeOpener::for_device(keys, *id).open(&env).unwrap()[..], text);
    }
    // The server's key is no reader, and neither is a device that claims a reader's id.
    assert_eq!(EnvelopeOpener::for_device(&server, social_worker.0).open(&env), Err(SyncError::CannotOpen));
    assert_eq!(EnvelopeOpener::for_device(&server, Uuid::from_u128(0x53)).open(&env), Err(SyncError::CannotOpen));
    assert_eq!(EnvelopeOpener::new(&social_worker.1).open(&env), Err(SyncError::CannotOpen), "an opener must know its device");

    // Whoever passes it on cannot take a reader off, add one, swap their seals or clear urgent:
    // each makes it unopenable for everyone, and breaks the sender's signature.
    let sender = IdentityKeys::generate(&entropy);
    env.sign_as_sender(&sender);
    let mut dropped = env.clone();
    dropped.recipients.remove(1);
    let mut swapped = env.clone();
    swapped.recipients.swap(0, 1);
    let mut added = env.clone();
    let extra = EnvelopeSealer::for_readers(&[(Uuid::from_u128(0x53), server.public())], &entropy).unwrap().seal(header(), b"x").unwrap();
    added.recipients.push(extra.recipients[0].clone());
    let mut calmed = env.clone();
    calmed.header.urgent = false;
    for (what, changed) in [("a reader dropped", &dropped), ("two seals swapped", &swapped), ("a reader added", &added), ("urgent cleared", &calmed)] {
        assert_eq!(EnvelopeOpener::for_device(&social_worker.1, social_worker.0).open(changed), Err(SyncError::CannotOpen), "{what}");
        assert!(changed.verify_sender(&sender.public().signing).is_err(), "{what}: the signature still held");
    }
    env.verify_sender(&sender.public().signing).unwrap();
    let mut extra_opens = added.clone();
    extra_opens.recipients.retain(|r| r.device_id == Uuid::from_u128(0x53));
    assert_eq!(EnvelopeOpener::for_device(&server, Uuid::from_u128(0x53)).open(&extra_opens), Err(SyncError::CannotOpen), "a seal from another envelope");

    // A group of 256 shares its seals; the next envelope starts a new group.
    let first = env.recipients.clone();
    for _ in 1..SEALS_PER_KEY {
        assert_eq!(sealer.seal(header(), b"more").unwrap().recipients, first);
    }
    assert_ne!(sealer.seal(header(), b"more").unwrap().recipients, first);

    // Shapes a reader refuses before trying a key.
    assert!(EnvelopeSealer::for_readers(&[], &entropy).is_err(), "nobody to read it");
    assert!(EnvelopeSealer::for_readers(&[readers[0], readers[0]], &entropy).is_err(), "a device twice");
    let mut twice = env.clone();
    twice.recipients[1].device_id = twice.recipients[0].device_id;
    assert!(matches!(twice.check_shape(), Err(SyncError::Malformed(m)) if m.contains("twice")));
    let mut with_enc = env.clone();
    with_enc.enc = first[0].enc.clone();
    assert!(with_enc.check_shape().is_err(), "a format 4 envelope with an enc of its own");
    let mut nobody = env.clone();
    nobody.recipients.clear();
    assert!(nobody.check_shape().is_err(), "a format 4 envelope with no readers");
    let mut short = env.clone();
    short.recipients[0].key = base64_encode(&[0u8; 32]);
    assert!(short.check_shape().is_err(), "a seal without its tag");
}

#[test]
fn a_group_shares_one_key_exchange_and_its_envelopes_cannot_be_swapped() {
    let entropy = SeededEntropy::new(3);
    let service = IdentityKeys::generate(&entropy);
    let mut sealer = EnvelopeSealer::new(service.public(), &entropy).unwrap();
    let texts: Vec<String> = (0..SEALS_PER_KEY + 2).map(|i| format!("note {i}")).collect();
    let envelopes: Vec<Envelope> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut h = header();
            h.envelope_id = Uuid::from_u128(100 + i as u128);
            sealer.seal(h, t.as_bytes()).unwrap()
        })
        .collect();
    // The first SEALS_PER_KEY share one exchange, numbered from 0; then a new one begins.
    let first = &envelopes[0].enc;
    assert!(envelopes[..SEALS_PER_KEY as usize].iter().all(|e| &e.enc == first));
    assert_eq!(envelopes[SEALS_PER_KEY as usize - 1].seq, Some(SEALS_PER_KEY - 1));
    assert_ne!(&envelopes[SEALS_PER_KEY as usize].enc, first);
    assert_eq!(envelopes[SEALS_PER_KEY as usize].seq, Some(0));

    let mut opener = EnvelopeOpener::new(&service);
    for (e, t) in envelopes.iter().zip(&texts) {
        assert_eq!(&opener.open(e).unwrap()[..], t.as_bytes());
    }
    // Another envelope's ciphertext under this one's header, or this one's under another's
    // place in the group, does not open.
    let mut swapped = envelopes[1].clone();
    swapped.ciphertext = envelopes[2].ciphertext.clone();
    assert_eq!(opener.open(&swapped), Err(SyncError::CannotOpen));
    let mut swapped = envelopes[1].clone();
    swapped.seq = envelopes[2].seq;
    swapped.header = envelopes[2].header.clone();
    assert_eq!(opener.open(&swapped), Err(SyncError::CannotOpen));
    // A number beyond what one key may seal is refused before any key work.
    let mut beyond = envelopes[1].clone();
    beyond.seq = Some(SEALS_PER_KEY);
    assert!(matches!(opener.open(&beyond), Err(SyncError::Malformed(_))));
    let mut missing = envelopes[1].clone();
    missing.seq = None;
    assert!(matches!(opener.open(&missing), Err(SyncError::Malformed(_))));
}

#[test]
fn the_senders_signature_covers_everything_a_reader_relies_on() {
    let entropy = SeededEntropy::new(12);
    let (service, device, other) = (IdentityKeys::generate(&entropy), IdentityKeys::generate(&entropy), IdentityKeys::generate(&entropy));
    let mut sealer = EnvelopeSealer::new(service.public(), &entropy).unwrap();
    let mut envelope = sealer.seal(header(), b"I want to stay at this school").unwrap();
    assert!(envelope.verify_sender(&device.public().signing).unwrap_err().to_string().contains("not signed"));
    envelope.sign_as_sender(&device);
    envelope.verify_sender(&device.public().signing).unwrap();
    assert_eq!(envelope.verify_sender(&other.public().signing), Err(SyncError::BadSignature), "another device's key");
    // It survives the JSON round trip the service stores it in, and signs every part.
    let stored: Envelope = serde_json::from_str(&serde_json::to_string(&envelope).unwrap()).unwrap();
    stored.verify_sender(&device.public().signing).unwrap();
    let changes: Vec<Box<dyn Fn(&mut Envelope)>> = vec![
        Box::new(|e| e.header.device_id = Uuid::from_u128(99)),
        Box::new(|e| e.header.record_id = Uuid::from_u128(98)),
        Box::new(|e| e.header.record_version += 1),
        Box::new(|e| e.header.record_kind = "pathway_note".into()),
        Box::new(|e| e.header.envelope_id = Uuid::from_u128(97)),
        Box::new(|e| e.seq = Some(5)),
        Box::new(|e| e.enc = base64_encode(&[1u8; 32])),
        Box::new(|e| {
            let mut ct = base64_decode(&e.ciphertext);
            ct[0] ^= 1;
            e.ciphertext = base64_encode(&ct);
        }),
        Box::new(|e| {
            e.header.urgent = true;
            e.format = 3;
        }),
    ];
    for (i, change) in changes.iter().enumerate() {
        let mut changed = stored.clone();
        change(&mut changed);
        assert_eq!(changed.verify_sender(&device.public().signing), Err(SyncError::BadSignature), "change {i}");
    }
}

#[test]
fn keys_come_back_from_their_secret_and_fingerprints_are_stable() {
    let keys = IdentityKeys::generate(&SeededEntropy::new(5));
    let secret = zeroize::Zeroizing::new(*keys.secret());
    let again = IdentityKeys::from_secret(secret).unwrap();
    assert_eq!(again.public(), keys.public());
    let fp = keys.public().fingerprint().unwrap();
    assert_eq!(fp.len(), 39, "{fp}");
    assert_eq!(fp, again.public().fingerprint().unwrap());
    assert_ne!(fp, IdentityKeys::generate(&SeededEntropy::new(6)).public().fingerprint().unwrap());
    let sig = keys.sign(b"a plan");
    assert!(keys.public().verify(b"a plan", &sig).is_ok());
    assert_eq!(keys.public().verify(b"another plan", &sig), Err(SyncError::BadSignature));
}

fn invite(expires_at: i64) -> Invite {
    Invite {
        format: 1,
        service_url: "http://127.0.0.1:8750".into(),
        service_name: "Northvale Children's Services".into(),
        fingerprint: "0000-1111-2222-3333-4444-5555-6666-7777".into(),
        token: Invite::new_token(&SeededEntropy::new(2)),
        expires_at,
        organisation: None,
        person_id: None,
    }
}

#[test]
fn invite_codes_round_trip_and_bad_ones_are_refused_with_a_reason() {
    let good = invite(NOW + 3600);
    let code = good.to_code();
    assert!(code.starts_with("wm1-"));
    let spaced = format!("  {}\n{} ", &code[..20], &code[20..]);
    assert_eq!(Invite::parse(&spaced, NOW).unwrap(), good, "spaces and line breaks from pasting are ignored");
    assert!(matches!(Invite::parse(&code, NOW + 3600), Err(SyncError::InviteExpired(_))));
    assert!(Invite::parse("hello", NOW).unwrap_err().to_string().contains("not a Waymark invite code"));
    assert!(Invite::parse(&code[..code.len() - 6], NOW).is_err(), "a cut-off code");
    let mut remote_http = invite(NOW + 3600);
    remote_http.service_url = "http://example.org".into();
    assert!(Invite::parse(&remote_http.to_code(), NOW).unwrap_err().to_string().contains("https"));
    let mut newer = invite(NOW + 3600);
    newer.format = 7;
    assert!(matches!(Invite::parse(&newer.to_code(), NOW), Err(SyncError::UnsupportedVersion { found: 7, .. })));
    assert_eq!(Invite::token_hash(&good.token).unwrap().len(), 32);
    // An organisation's code names both its root and the person; one without the other is damaged.
    let mut roster = invite(NOW + 3600);
    roster.organisation = Some("1111-2222-3333-4444-5555-6666-7777-8888".into());
    roster.person_id = Some(Uuid::from_u128(9));
    assert_eq!(Invite::parse(&roster.to_code(), NOW).unwrap(), roster);
    roster.person_id = None;
    assert!(matches!(Invite::parse(&roster.to_code(), NOW), Err(SyncError::BadInvite(waymark_sync::InviteProblem::Damaged))));
}

#[test]
fn a_signed_request_fails_if_anything_about_it_changes() {
    let entropy = SeededEntropy::new(3);
    let device = IdentityKeys::generate(&entropy);
    let intruder = IdentityKeys::generate(&entropy);
    let id = Uuid::from_u128(7).to_string();
    let body = br#"{"hello":"service"}"#;
    let [_, _, (_, sig)] = sign_request(&device, &id, "POST", "/v1/envelopes", NOW, body);
    let keys = device.public();
    assert!(verify_request(keys, &id, "POST", "/v1/envelopes", NOW, body, &sig, NOW + 10).is_ok());
    assert_eq!(verify_request(keys, &id, "POST", "/v1/envelopes", NOW, b"{}", &sig, NOW), Err(SyncError::BadSignature));
    assert_eq!(verify_request(keys, &id, "POST", "/v1/mailbox", NOW, body, &sig, NOW), Err(SyncError::BadSignature));
    assert_eq!(verify_request(keys, &id, "GET", "/v1/envelopes", NOW, body, &sig, NOW), Err(SyncError::BadSignature));
    let other_id = Uuid::from_u128(8).to_string();
    assert_eq!(verify_request(keys, &other_id, "POST", "/v1/envelopes", NOW, body, &sig, NOW), Err(SyncError::BadSignature));
    assert_eq!(verify_request(intruder.public(), &id, "POST", "/v1/envelopes", NOW, body, &sig, NOW), Err(SyncError::BadSignature));
    let stale = verify_request(keys, &id, "POST", "/v1/envelopes", NOW, body, &sig, NOW + MAX_CLOCK_SKEW + 1).unwrap_err();
    assert!(stale.to_string().contains("date and time"), "{stale}");
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(s).unwrap()
}
fn base64_encode(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}
