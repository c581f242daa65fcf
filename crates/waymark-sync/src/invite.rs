//! Invite codes. A service worker makes one for a named person; it carries where the service is,
//! what it is called, the fingerprint of its keys and a one-time token, and runs out. The device
//! pins the fingerprint: a server showing any other keys is refused before anything is sent.
//!
//! An invite made by an organisation's administrator also carries the fingerprint of the
//! organisation's root key and the person's id in its roster: the device then trusts only a
//! roster that chains to that root, and only a certification of itself for that person.

use serde::{Deserialize, Serialize};

use crate::b64;
use crate::error::{InviteProblem, Result, SyncError};

pub const INVITE_FORMAT: u32 = 1;
const PREFIX: &str = "wm1-";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invite {
    pub format: u32,
    /// e.g. `http://127.0.0.1:8750` (loopback) or the service's https address.
    pub service_url: String,
    pub service_name: String,
    /// [`crate::keys::PublicKeys::fingerprint`] of the service's keys.
    pub fingerprint: String,
    /// 16 random bytes, base64; the service keeps only its SHA-256.
    pub token: String,
    /// Unix seconds.
    pub expires_at: i64,
    /// [`crate::roster::root_fingerprint`] of the organisation's root key (absent in codes made
    /// before rosters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Who this code is for in the organisation's roster (with `organisation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<uuid::Uuid>,
}

impl Invite {
    /// The code a person pastes: a prefix and the invite as base64 JSON.
    pub fn to_code(&self) -> String {
        format!("{PREFIX}{}", b64::encode(&serde_json::to_vec(self).expect("an invite serialises")))
    }

    /// Reads a pasted code, refusing anything malformed, of a newer format, or run out at `now`.
    pub fn parse(code: &str, now: i64) -> Result<Invite> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let body = code
            .strip_prefix(PREFIX)
            .ok_or(SyncError::BadInvite(InviteProblem::NotAnInvite))?;
        let bytes = b64::decode("Invite code", body).map_err(|_| SyncError::BadInvite(InviteProblem::Damaged))?;
        let invite: Invite =
            serde_json::from_slice(&bytes).map_err(|_| SyncError::BadInvite(InviteProblem::Damaged))?;
        if invite.format != INVITE_FORMAT {
            return Err(SyncError::UnsupportedVersion { what: "invite", found: invite.format, supported: INVITE_FORMAT });
        }
        if !(invite.service_url.starts_with("https://") || invite.service_url.starts_with("http://127.0.0.1") || invite.service_url.starts_with("http://localhost")) {
            return Err(SyncError::BadInvite(InviteProblem::NotHttps));
        }
        b64::decode_array::<16>("Invite token", &invite.token).map_err(|_| SyncError::BadInvite(InviteProblem::Damaged))?;
        if invite.organisation.is_some() != invite.person_id.is_some() {
            return Err(SyncError::BadInvite(InviteProblem::Damaged));
        }
        if invite.expires_at <= now {
            return Err(SyncError::InviteExpired(waymark_core::Timestamp(invite.expires_at).to_rfc3339()));
        }
        Ok(invite)
    }

    /// A new invite for `person_id` in the roster of the organisation whose root signing key is
    /// `root_signing_key`, to the service at `service_url` with the keys `service_fingerprint`
    /// names, running out at `expires_at`: checked as a device will check it, so a code that
    /// would be refused is never handed out.
    #[allow(clippy::too_many_arguments)]
    pub fn for_roster(
        service_url: &str,
        service_name: &str,
        service_fingerprint: &str,
        root_signing_key: &str,
        person_id: uuid::Uuid,
        expires_at: i64,
        entropy: &dyn waymark_core::Entropy,
        now: i64,
    ) -> Result<Invite> {
        let invite = Invite {
            format: INVITE_FORMAT,
            service_url: service_url.trim_end_matches('/').to_string(),
            service_name: service_name.to_string(),
            fingerprint: service_fingerprint.to_string(),
            token: Invite::new_token(entropy),
            expires_at,
            organisation: Some(crate::roster::root_fingerprint(root_signing_key)?),
            person_id: Some(person_id),
        };
        Invite::parse(&invite.to_code(), now)?;
        Ok(invite)
    }

    /// The token's SHA-256, which is all the service stores.
    pub fn token_hash(token: &str) -> Result<Vec<u8>> {
        let raw: [u8; 16] = b64::decode_array("Invite token", token)?;
        Ok(ring::digest::digest(&ring::digest::SHA256, &raw).as_ref().to_vec())
    }

    /// A fresh token from the entropy given.
    pub fn new_token(entropy: &dyn waymark_core::Entropy) -> String {
        let mut raw = [0u8; 16];
        entropy.fill(&mut raw);
        b64::encode(&raw)
    }
}
