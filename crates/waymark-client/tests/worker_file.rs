//! A worker's laptop keeps its keys sealed under the worker's passphrase, bound to who it is and
//! whom it trusts: a wrong passphrase, or a file changed where it says so, opens nothing.

use uuid::Uuid;
use waymark_client::worker::WorkerFile;
use waymark_core::connection::ServiceConnection;
use waymark_core::entropy::SeededEntropy;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_core::Timestamp;
use waymark_sync::keys::IdentityKeys;
use zeroize::Zeroizing;

fn connection(keys: &IdentityKeys, service: &IdentityKeys) -> ServiceConnection {
    ServiceConnection {
        service_url: "https://northvale.example".into(),
        service_name: "Northvale Children's Services".into(),
        service_signing_key: service.public().signing.clone(),
        service_receiving_key: service.public().receiving.clone(),
        fingerprint: service.public().fingerprint().unwrap(),
        device_id: Uuid::from_u128(5),
        connected_at: Timestamp(1_795_000_000),
        organisation: Some("7c1e-4b92-a05d-31f6-9e28-d4c7-0a5b-6f83".into()),
        person_id: Some(Uuid::from_u128(6)),
        device_secret: Zeroizing::new(keys.secret().to_vec()),
        mailbox_cursor: 0,
        mail_to_ack: Vec::new(),
    }
}

#[test]
fn a_worker_laptops_keys_open_only_with_its_passphrase_and_only_unchanged() {
    let entropy = SeededEntropy::new(12);
    let (keys, service) = (IdentityKeys::generate(&entropy), IdentityKeys::generate(&entropy));
    let pass = Passphrase::new("kestrel pebble lighthouse".into());
    let file = WorkerFile::create(&connection(&keys, &service), &pass, KdfParams::FLOOR, &entropy).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worker.json");
    file.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let secret_hex: String = keys.secret().iter().map(|b| format!("{b:02x}")).collect();
    assert!(!text.contains(&secret_hex), "the secret is not in the file in the clear");

    let opened = WorkerFile::load(&path).unwrap().open(&pass).unwrap();
    assert_eq!(&opened.device_secret[..], keys.secret());
    assert_eq!((opened.device_id, opened.person_id), (Uuid::from_u128(5), Some(Uuid::from_u128(6))));
    let wrong = WorkerFile::load(&path).unwrap().open(&Passphrase::new("not the passphrase".into())).map(|_| ()).unwrap_err();
    assert_eq!(wrong.code(), "wrong_passphrase");

    // Someone with the folder points the laptop at another organisation or service: it no longer opens.
    for (from, to) in [("7c1e-4b92", "0000-4b92"), ("https://northvale.example", "https://elsewhere.example")] {
        std::fs::write(&path, text.replace(from, to)).unwrap();
        assert!(WorkerFile::load(&path).unwrap().open(&pass).is_err(), "{to} was accepted");
    }
    // A weak passphrase is refused, and a person's (not a worker's) invite cannot make one.
    assert!(WorkerFile::create(&connection(&keys, &service), &Passphrase::new("short".into()), KdfParams::FLOOR, &entropy).is_err());
    let mut person = connection(&keys, &service);
    person.organisation = None;
    assert!(WorkerFile::create(&person, &pass, KdfParams::FLOOR, &entropy).is_err());
}
