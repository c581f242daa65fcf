//! The service's own reading of the roster it keeps, so it can refuse what the organisation
//! switched off (a revoked laptop) as soon as the link arrives.
//!
//! This is the honest server's courtesy, not anyone's protection: it trusts the genesis link in
//! its own database, and a server that lies would skip it anyway. What protects people is that
//! every device and the administrator's tool verify the roster themselves against the root they
//! pinned. So links this view cannot verify change nothing (it keeps what it read before) and
//! are written to the audit log. The operator's `inbox` does not use this view: it checks
//! senders against a roster verified from the organisation's fingerprint (`read_pinned`).

use tokio::sync::Mutex;
use uuid::Uuid;
use waymark_sync::roster::{root_fingerprint, RosterEntry, RosterLink, RosterState, ROSTER_PAGE};

use crate::error::Result;
use crate::store::ServiceStore;

#[derive(Default)]
pub struct RosterView {
    state: Mutex<Option<RosterState>>,
}

impl RosterView {
    /// Whether the roster revoked `device_id`, reading any links added since it last looked.
    pub async fn revoked<S: ServiceStore>(&self, store: &S, device_id: Uuid, now: i64) -> Result<bool> {
        self.read(store, now, |s| s.and_then(|s| s.devices().find(|(id, _)| **id == device_id)).is_some_and(|(_, d)| d.revoked)).await
    }

    /// Runs `f` over the roster as it stands now (`None` before there is one), reading any links
    /// added since this view last looked. A database that cannot be read is an error (the caller
    /// refuses, and the device tries again); links that do not verify leave the roster as it was
    /// last read, and are written to the audit log.
    pub async fn read<S: ServiceStore, T>(&self, store: &S, now: i64, f: impl FnOnce(Option<&RosterState>) -> T) -> Result<T> {
        let mut known = self.state.lock().await;
        let Some(head) = store.roster_head().await? else { return Ok(f(known.as_ref())) };
        if known.as_ref().map(|s| s.head.seq as i64) != Some(head) {
            match catch_up(store, known.clone()).await {
                Ok(state) => *known = state,
                Err(CatchUp::Store(e)) => return Err(e),
                Err(CatchUp::Unverified(problem)) => store.audit(now, None, "roster", format!("not verified: {problem}")).await?,
            }
        }
        Ok(f(known.as_ref()))
    }
}

/// Why the service could not bring its reading of the roster up to date.
enum CatchUp {
    Store(crate::ServiceError),
    Unverified(String),
}

/// The roster the service keeps, verified from its genesis link against `pin`, the
/// organisation's fingerprint the operator gives (`None` before there is a roster). This is what
/// the operator's `inbox` checks senders with: a server that replaced the whole roster under a
/// root of its own is refused here.
pub async fn read_pinned<S: ServiceStore>(store: &S, pin: &str) -> std::result::Result<Option<RosterState>, String> {
    let mut links = Vec::new();
    loop {
        let page = store.roster_links(links.len() as i64, ROSTER_PAGE).await.map_err(|e| e.to_string())?;
        let short = page.len() < ROSTER_PAGE as usize;
        for body in page {
            links.push(serde_json::from_str::<RosterLink>(&body).map_err(|e| e.to_string())?);
        }
        if short {
            break;
        }
    }
    if links.is_empty() {
        return Ok(None);
    }
    RosterState::verify_chain(&links, pin).map(Some).map_err(|e| e.to_string())
}

/// What the roster says about who sent `envelope`, filed under `row_device` (enrolled, the server
/// says, for `row_person`): a line for the operator beside each item, and whether it is a warning. The signature is checked with the key
/// the roster certified, never the one in the service's device row.
pub fn sender_check(
    roster: Option<&RosterState>,
    row_device: Uuid,
    row_person: Option<Uuid>,
    envelope: &waymark_sync::envelope::Envelope,
) -> (bool, String) {
    use waymark_sync::roster::DeviceOwner;
    if envelope.header.device_id != row_device {
        return (true, "filed under a different laptop from the one its header names".into());
    }
    let Some(device) = roster.and_then(|r| r.devices().find(|(id, _)| **id == row_device).map(|(_, d)| d)) else {
        return match (roster, row_person) {
            // Enrolled with an organisation's invite, but no worker approved it: anyone with the
            // server could have added it.
            (Some(_), Some(_)) => (true, "from a laptop no worker has approved".into()),
            _ => (false, "from a laptop connected before the roster".into()),
        };
    };
    let owner = match device.owner {
        DeviceOwner::Person(p) => format!("person {p}"),
        DeviceOwner::Worker(w) => format!("worker {w}"),
    };
    match envelope.verify_sender(&device.keys.signing) {
        Err(_) => (true, format!("NOT signed by the approved laptop of {owner} it names")),
        Ok(()) if device.revoked => (true, format!("signed by a laptop of {owner} that the organisation has since switched off")),
        Ok(()) => (false, format!("signed by an approved laptop of {owner}")),
    }
}

async fn catch_up<S: ServiceStore>(store: &S, known: Option<RosterState>) -> std::result::Result<Option<RosterState>, CatchUp> {
    let mut state = known;
    loop {
        let from = state.as_ref().map_or(0, |s| s.head.seq as i64 + 1);
        let page = store.roster_links(from, ROSTER_PAGE).await.map_err(CatchUp::Store)?;
        let unverified = |e: &dyn std::fmt::Display| CatchUp::Unverified(e.to_string());
        let links = page.iter().map(|b| serde_json::from_str::<RosterLink>(b)).collect::<std::result::Result<Vec<_>, _>>().map_err(|e| unverified(&e))?;
        let short = links.len() < ROSTER_PAGE as usize;
        state = Some(match state {
            Some(mut s) => {
                s.extend(&links).map_err(|e| unverified(&e))?;
                s
            }
            None => {
                let Some(RosterEntry::Genesis { root_key, .. }) = links.first().map(|l| &l.content.entry) else {
                    return Err(CatchUp::Unverified("the first link is not a genesis link".into()));
                };
                let pin = root_fingerprint(root_key).map_err(|e| unverified(&e))?;
                RosterState::verify_chain(&links, &pin).map_err(|e| unverified(&e))?
            }
        });
        if short {
            return Ok(state);
        }
    }
}
