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

/// Whether `address` is one a device may reach its service at: https to any host, or plain http
/// only to this computer, named exactly (`127.0.0.1`, `[::1]` or `localhost`: not a host that only
/// starts so, like `127.0.0.1.example.net`); never with a user name or password, a query or a
/// fragment in it. Parsed as a URL, never matched as text.
pub fn check_service_address(address: &str) -> std::result::Result<(), InviteProblem> {
    let url = url::Url::parse(address).map_err(|_| InviteProblem::Damaged)?;
    if !url.username().is_empty() || url.password().is_some() || url.query().is_some() || url.fragment().is_some() || url.cannot_be_a_base() {
        return Err(InviteProblem::Damaged);
    }
    let this_computer = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip == std::net::Ipv4Addr::LOCALHOST,
        Some(url::Host::Ipv6(ip)) => ip == std::net::Ipv6Addr::LOCALHOST,
        Some(url::Host::Domain(name)) => name == "localhost",
        None => return Err(InviteProblem::Damaged),
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if this_computer => Ok(()),
        _ => Err(InviteProblem::NotHttps),
    }
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
        check_service_address(&invite.service_url).map_err(SyncError::BadInvite)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn invite_to(service_url: &str) -> String {
        let invite = Invite {
            format: INVITE_FORMAT,
            service_url: service_url.into(),
            service_name: "Northvale Children's Services".into(),
            fingerprint: "1d89-8eff-fb8f-b812-b509-29c4-4150-13c1".into(),
            token: b64::encode(&[7u8; 16]),
            expires_at: 2_000_000_000,
            organisation: None,
            person_id: None,
        };
        invite.to_code()
    }

    fn problem(service_url: &str) -> Option<InviteProblem> {
        match Invite::parse(&invite_to(service_url), 1_800_000_000) {
            Ok(_) => None,
            Err(SyncError::BadInvite(p)) => Some(p),
            Err(other) => panic!("{service_url}: {other}"),
        }
    }

    #[test]
    fn a_service_address_is_https_or_exactly_this_computer() {
        for fine in ["https://northvale.example", "https://northvale.example:8443/waymark", "http://127.0.0.1:8750", "http://localhost:8750", "http://[::1]:8750"] {
            assert_eq!(problem(fine), None, "{fine}");
        }
        // Plain http anywhere else, however the host starts, and other schemes: not secure.
        for insecure in ["http://127.0.0.1.northvale.example", "http://localhost.northvale.example:8750", "http://127.0.0.2:8750", "http://northvale.example", "ftp://northvale.example"] {
            assert_eq!(problem(insecure), Some(InviteProblem::NotHttps), "{insecure}");
        }
        // A name and password, a query, a fragment, or no address at all: damaged, whatever the scheme.
        for damaged in ["https://sam:secret@northvale.example", "http://127.0.0.1@northvale.example", "https://northvale.example/?next=elsewhere", "https://northvale.example/#x", "not an address", "https://"] {
            assert_eq!(problem(damaged), Some(InviteProblem::Damaged), "{damaged}");
        }
    }
}
