//! The service's key file opens only with its passphrase and only unchanged, and is never
//! overwritten.

use waymark_core::entropy::SeededEntropy;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_service::keyfile::KeyFile;
use waymark_sync::deletion::{DeletionFacts, DeletionRequest, DELETION_FORMAT, RECEIPT_KEY_DAYS};
use waymark_sync::SyncError;

const NOW: i64 = 1_795_000_000;

#[test]
fn the_key_file_opens_only_with_its_passphrase_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.json");
    let pass = Passphrase::new("harbour lantern meadow".into());
    let entropy = SeededEntropy::new(4);
    let (file, keys) = KeyFile::create("Northvale Children's Services", &pass, KdfParams::FLOOR, &entropy, NOW).unwrap();
    file.save(&path).unwrap();
    let again = KeyFile::create("Another", &pass, KdfParams::FLOOR, &entropy, NOW).unwrap().0;
    assert!(again.save(&path).unwrap_err().to_string().contains("never overwritten"));

    let loaded = KeyFile::load(&path).unwrap();
    assert_eq!(loaded.public, *keys.public());
    assert_eq!(loaded.open(&pass).unwrap().secret(), keys.secret());
    assert_eq!(loaded.open(&Passphrase::new("not the passphrase".into())).map(|_| ()).unwrap_err().code(), "wrong_passphrase");

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains(&hex(keys.secret())), "the secret is not in the file in the clear");
    let renamed = text.replace("Northvale Children's Services", "Someone Else");
    std::fs::write(&path, renamed).unwrap();
    assert!(KeyFile::load(&path).unwrap().open(&pass).is_err(), "a changed name makes the file unopenable");
    std::fs::write(&path, "{ not json").unwrap();
    assert!(KeyFile::load(&path).map(|_| ()).unwrap_err().to_string().contains("damaged"));
    assert!(KeyFile::create("x", &Passphrase::new("short".into()), KdfParams::FLOOR, &entropy, NOW).is_err(), "a weak passphrase is refused");
}

#[test]
fn the_receipt_key_lasts_a_year_devices_refuse_it_after_and_the_operator_renews_it_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.json");
    let pass = Passphrase::new("harbour lantern meadow".into());
    let entropy = SeededEntropy::new(5);
    let (file, keys) = KeyFile::create("Northvale Children's Services", &pass, KdfParams::FLOOR, &entropy, NOW).unwrap();
    file.save(&path).unwrap();
    let year_end = NOW + RECEIPT_KEY_DAYS * 86_400;
    assert_eq!(file.receipt_expires_at(), year_end);

    let device = uuid::Uuid::from_u128(7);
    let request = DeletionRequest { format: DELETION_FORMAT, request_id: uuid::Uuid::from_u128(8), record_kind: "statement".into(), record_ids: vec![] };
    let facts = |at| DeletionFacts { request_id: request.request_id, device_id: device, record_kind: "statement".into(), record_ids: vec![], deleted: 2, at };
    let receipt = file.receipt_signer().unwrap().sign(facts(NOW));
    assert_eq!(receipt.key_expires_at, year_end);
    receipt.verify(keys.public(), &request, device, NOW).unwrap();
    // Once the certificate has ended, a device refuses what the key signs.
    assert_eq!(receipt.verify(keys.public(), &request, device, year_end), Err(SyncError::ReceiptKeyExpired));
    // Its end is signed with the key: a receipt cannot say it lasts longer.
    let mut stretched = receipt.clone();
    stretched.key_expires_at += 86_400;
    assert_eq!(stretched.verify(keys.public(), &request, device, NOW), Err(SyncError::BadSignature));

    // Renewing needs the passphrase; a wrong one changes nothing.
    let mut renewing = KeyFile::load(&path).unwrap();
    let later = year_end - 86_400;
    assert!(renewing.renew_receipt_key(&Passphrase::new("not the passphrase".into()), &entropy, later).is_err());
    assert_eq!(renewing.receipt_expires_at(), year_end);
    renewing.renew_receipt_key(&pass, &entropy, later).unwrap();
    renewing.replace(&path).unwrap();
    let renewed = KeyFile::load(&path).unwrap();
    assert_eq!(renewed.receipt_expires_at(), later + RECEIPT_KEY_DAYS * 86_400);
    assert_eq!(renewed.public, *keys.public(), "the service's own keys stay the same");
    let fresh = renewed.receipt_signer().unwrap().sign(facts(year_end));
    assert_ne!(fresh.receipt_key, receipt.receipt_key, "a new receipt key");
    fresh.verify(keys.public(), &request, device, year_end).unwrap();
    assert!(!dir.path().join("keys.renewing").exists(), "nothing is left half-written");

    // A key file from before certificates ended still loads; devices refuse its receipts until
    // it is renewed.
    let mut old: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    old["format"] = 1.into();
    old.as_object_mut().unwrap().remove("receipt_expires_at");
    let old_path = dir.path().join("old-keys.json");
    std::fs::write(&old_path, serde_json::to_vec(&old).unwrap()).unwrap();
    let old = KeyFile::load(&old_path).unwrap();
    assert_eq!(old.receipt_expires_at(), 0);
    let refused = old.receipt_signer().unwrap().sign(facts(NOW));
    assert!(refused.verify(keys.public(), &request, device, NOW).is_err());
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
