//! What the operator sends to devices: receipts for what devices shared, and the resource
//! library (plans come from the organisation's roster: see `organisation`). These need the service's secret key (each item is signed), so they run only in the operator's
//! commands, never in the HTTP server.

use std::collections::HashMap;

use uuid::Uuid;
use waymark_core::Entropy;
use waymark_sync::envelope::{Envelope, EnvelopeHeader, EnvelopeSealer};
use waymark_sync::keys::{IdentityKeys, PublicKeys};
use waymark_sync::mail::{seal_mail, MailKind, Receipt, ReceiptStatus};

use crate::error::{Result, ServiceError};
use crate::store::{ServiceStore, StoredEnvelope};

fn device_keys(d: &crate::store::Device) -> PublicKeys {
    PublicKeys { signing: d.signing_key.clone(), receiving: d.receiving_key.clone() }
}

/// Tells devices that what they sent was received or read. Keeps one sealer per device for as
/// long as it lives, so a run of receipts to one device costs one key exchange, not one each.
pub struct ReceiptSender<'a, S: ServiceStore> {
    store: &'a S,
    service: &'a IdentityKeys,
    entropy: &'a dyn Entropy,
    to_devices: HashMap<Uuid, EnvelopeSealer<'a>>,
}

impl<'a, S: ServiceStore> ReceiptSender<'a, S> {
    pub fn new(store: &'a S, service: &'a IdentityKeys, entropy: &'a dyn Entropy) -> Self {
        ReceiptSender { store, service, entropy, to_devices: HashMap::new() }
    }

    /// Tells the device that sent `item` that it was received or read.
    pub async fn send(&mut self, item: &StoredEnvelope, status: ReceiptStatus, now: i64) -> Result<()> {
        let envelope: Envelope =
            serde_json::from_str(&item.body).map_err(|_| ServiceError::BadRequest(format!("item {} is damaged", item.seq)))?;
        if !self.to_devices.contains_key(&item.device_id) {
            let device =
                self.store.device(item.device_id).await?.ok_or_else(|| ServiceError::BadRequest("the sending device is gone".into()))?;
            self.to_devices.insert(device.id, EnvelopeSealer::new(&device_keys(&device), self.entropy)?);
        }
        let to_device = self.to_devices.get_mut(&item.device_id).expect("added above");
        let receipt = Receipt { envelope_id: envelope.header.envelope_id, record_id: envelope.header.record_id, status, at: now, roster_head: None };
        let header = EnvelopeHeader {
            envelope_id: random_uuid(self.entropy),
            device_id: item.device_id,
            record_kind: "receipt".into(),
            record_id: envelope.header.record_id,
            record_version: envelope.header.record_version,
            urgent: false,
        };
        let receipt_json = serde_json::to_vec(&receipt).expect("a receipt serialises");
        let mail = seal_mail(self.service, to_device, MailKind::Receipt, header, &receipt_json)?;
        self.store.post_mail(item.device_id, serde_json::to_string(&mail).expect("mail serialises"), now).await?;
        Ok(())
    }
}

fn random_uuid(entropy: &dyn Entropy) -> Uuid {
    let mut b = [0u8; 16];
    entropy.fill(&mut b);
    uuid::Builder::from_random_bytes(b).into_uuid()
}

/// Builds the resource library from a folder of Markdown pages, signs it with the service's key
/// (to be used for [`PUBLISHED_LIBRARY_DAYS`](waymark_core::domain::library::PUBLISHED_LIBRARY_DAYS))
/// and keeps it for devices to fetch. Returns false when a bundle of this version or newer is
/// already published (nothing changes).
pub async fn publish_resources<S: ServiceStore>(
    store: &S,
    service: &IdentityKeys,
    dir: &std::path::Path,
    version: u32,
    now: i64,
) -> Result<bool> {
    let bundle = waymark_core::domain::library::build_bundle(dir, version)?;
    let json = serde_json::to_string(&bundle).expect("a bundle serialises");
    let expires_at = waymark_core::Timestamp(now + waymark_core::domain::library::PUBLISHED_LIBRARY_DAYS * 86_400);
    let signed = waymark_core::domain::library::SignedLibraryBundle::sign_with(json, expires_at, |msg| service.sign(msg));
    let stored = store.put_resources(i64::from(version), serde_json::to_string(&signed).expect("a signed bundle serialises"), now).await?;
    store.audit(now, None, "publish_resources", format!("version {version}: {}", if stored { "published" } else { "not newer" })).await?;
    Ok(stored)
}
