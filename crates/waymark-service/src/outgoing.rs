//! What the operator sends to devices: plans for a person, and receipts for what devices shared.
//! These need the service's secret key (each item is signed), so they run only in the operator's
//! commands, never in the HTTP server.

use std::collections::HashMap;

use uuid::Uuid;
use waymark_core::domain::Plan;
use waymark_core::Entropy;
use waymark_sync::envelope::{Envelope, EnvelopeHeader, EnvelopeSealer};
use waymark_sync::keys::{IdentityKeys, PublicKeys};
use waymark_sync::mail::{seal_mail, MailKind, Receipt, ReceiptStatus};

use crate::error::{Result, ServiceError};
use crate::store::{ServiceStore, StoredEnvelope};

fn device_keys(d: &crate::store::Device) -> PublicKeys {
    PublicKeys { signing: d.signing_key.clone(), receiving: d.receiving_key.clone() }
}

/// Seals and signs a plan version for each of a person's devices. Returns how many.
pub async fn publish_plan<S: ServiceStore>(
    store: &S,
    service: &IdentityKeys,
    person: &str,
    plan_json: &[u8],
    entropy: &dyn Entropy,
    now: i64,
) -> Result<usize> {
    let value: serde_json::Value =
        serde_json::from_slice(plan_json).map_err(|e| ServiceError::BadRequest(format!("the plan is not valid JSON: {e}")))?;
    let plan: Plan = serde_json::from_value(value.clone()).map_err(|e| ServiceError::BadRequest(format!("the plan is not valid: {e}")))?;
    plan.validate()?;
    let devices = store.devices_of(person.to_string()).await?;
    if devices.is_empty() {
        return Err(ServiceError::BadRequest(format!("nobody called '{person}' has connected yet; send them an invite first")));
    }
    let payload = serde_json::to_vec(&value).expect("a plan serialises");
    for d in &devices {
        let header = EnvelopeHeader {
            envelope_id: random_uuid(entropy),
            device_id: d.id,
            record_kind: "plan".into(),
            record_id: plan.plan_id,
            record_version: plan.version,
            urgent: false,
        };
        let mut to_device = EnvelopeSealer::new(&device_keys(d), entropy)?;
        let mail = seal_mail(service, &mut to_device, MailKind::Plan, header, &payload)?;
        store.post_mail(d.id, serde_json::to_string(&mail).expect("mail serialises"), now).await?;
    }
    store.audit(now, None, "publish_plan", format!("version {} to {} device(s)", plan.version, devices.len())).await?;
    Ok(devices.len())
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
        let receipt = Receipt { envelope_id: envelope.header.envelope_id, record_id: envelope.header.record_id, status, at: now };
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
    let signed = waymark_core::domain::library::SignedLibraryBundle::sign_with(json, |msg| service.sign(msg));
    let stored = store.put_resources(i64::from(version), serde_json::to_string(&signed).expect("a signed bundle serialises"), now).await?;
    store.audit(now, None, "publish_resources", format!("version {version}: {}", if stored { "published" } else { "not newer" })).await?;
    Ok(stored)
}
