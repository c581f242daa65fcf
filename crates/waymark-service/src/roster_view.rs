//! The service's own reading of the roster it keeps, so it can refuse what the organisation
//! switched off (a revoked laptop) as soon as the link arrives.
//!
//! This is the honest server's courtesy, not anyone's protection: it trusts the genesis link in
//! its own database, and a server that lies would skip it anyway. What protects people is that
//! every device and the administrator's tool verify the roster themselves against the root they
//! pinned. So a roster this view cannot read refuses nothing; it is written to the audit log.

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

    /// Runs `f` over the roster as it stands now (`None` before there is one, or while it cannot
    /// be read), reading any links added since this view last looked.
    pub async fn read<S: ServiceStore, T>(&self, store: &S, now: i64, f: impl FnOnce(Option<&RosterState>) -> T) -> Result<T> {
        let mut known = self.state.lock().await;
        let Some(head) = store.roster_head().await? else { return Ok(f(None)) };
        if known.as_ref().map(|s| s.head.seq as i64) != Some(head) {
            match catch_up(store, known.take()).await {
                Ok(state) => *known = state,
                Err(problem) => {
                    store.audit(now, None, "roster", format!("unreadable: {problem}")).await?;
                    return Ok(f(None));
                }
            }
        }
        Ok(f(known.as_ref()))
    }
}

/// The roster the service keeps, read from its genesis link (see the module documentation for
/// why the service may trust its own), or `None` before there is one.
pub async fn read_own<S: ServiceStore>(store: &S) -> std::result::Result<Option<RosterState>, String> {
    catch_up(store, None).await
}

/// What the roster says about who sent `envelope`, filed under `row_device`: a line for the
/// operator beside each item, and whether it is a warning. The signature is checked with the key
/// the roster certified, never the one in the service's device row.
pub fn sender_check(roster: Option<&RosterState>, row_device: Uuid, envelope: &waymark_sync::envelope::Envelope) -> (bool, String) {
    use waymark_sync::roster::DeviceOwner;
    if envelope.header.device_id != row_device {
        return (true, "filed under a different laptop from the one its header names".into());
    }
    let Some(device) = roster.and_then(|r| r.devices().find(|(id, _)| **id == row_device).map(|(_, d)| d)) else {
        return (false, "from a laptop no worker has approved (or connected before the roster)".into());
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

async fn catch_up<S: ServiceStore>(store: &S, known: Option<RosterState>) -> std::result::Result<Option<RosterState>, String> {
    let mut state = known;
    loop {
        let from = state.as_ref().map_or(0, |s| s.head.seq as i64 + 1);
        let page = store.roster_links(from, ROSTER_PAGE).await.map_err(|e| e.to_string())?;
        let links = page.iter().map(|b| serde_json::from_str::<RosterLink>(b)).collect::<std::result::Result<Vec<_>, _>>().map_err(|e| e.to_string())?;
        let short = links.len() < ROSTER_PAGE as usize;
        state = Some(match state {
            Some(mut s) => {
                s.extend(&links).map_err(|e| e.to_string())?;
                s
            }
            None => {
                let Some(RosterEntry::Genesis { root_key, .. }) = links.first().map(|l| &l.content.entry) else {
                    return Err("the first link is not a genesis link".into());
                };
                let pin = root_fingerprint(root_key).map_err(|e| e.to_string())?;
                RosterState::verify_chain(&links, &pin).map_err(|e| e.to_string())?
            }
        });
        if short {
            return Ok(state);
        }
    }
}
