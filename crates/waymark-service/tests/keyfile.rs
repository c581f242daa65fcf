//! The service's key file opens only with its passphrase and only unchanged, and is never
//! overwritten.

use waymark_core::entropy::SeededEntropy;
use waymark_core::kdf::KdfParams;
use waymark_core::secret::Passphrase;
use waymark_service::keyfile::KeyFile;

#[test]
fn the_key_file_opens_only_with_its_passphrase_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.json");
    let pass = Passphrase::new("harbour lantern meadow".into());
    let entropy = SeededEntropy::new(4);
    let (file, keys) = KeyFile::create("Northvale Children's Services", &pass, KdfParams::FLOOR, &entropy).unwrap();
    file.save(&path).unwrap();
    let again = KeyFile::create("Another", &pass, KdfParams::FLOOR, &entropy).unwrap().0;
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
    assert!(KeyFile::create("x", &Passphrase::new("short".into()), KdfParams::FLOOR, &entropy).is_err(), "a weak passphrase is refused");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
