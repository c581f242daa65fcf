//! "I don't feel safe" at the service: an alert raised at once, content-free, to the duty team
//! and the person's own worker, and an escalation clock. Not acknowledged in the time the
//! organisation set in its roster, the alert goes to the next worker in its escalation order,
//! and again each time the clock runs out while anyone is left; then the clock stops.
//!
//! Who is alerted comes from the roster as the service reads it (see `roster_view`): this is
//! routing, not protection. The alert carries no words; a worker who acknowledges it is recorded
//! by their roster id. Time is passed in, so the clock is tested without waiting.

use uuid::Uuid;
use waymark_sync::envelope::Envelope;
use waymark_sync::roster::{DeviceOwner, RosterState, UrgentPolicy};

use crate::error::Result;
use crate::store::{NewAlert, ServiceStore};

fn window(roster: Option<&RosterState>) -> i64 {
    let policy = roster.map(|r| r.urgent_policy().clone()).unwrap_or_else(UrgentPolicy::default);
    i64::from(policy.acknowledge_within_minutes) * 60
}

/// Raises an alert for an urgent envelope that `sender` (a device) just sent. A resend raises
/// nothing. Returns the alert's id when one was raised.
pub async fn raise<S: ServiceStore>(store: &S, roster: Option<&RosterState>, envelope: &Envelope, sender: Uuid, now: i64) -> Result<Option<i64>> {
    if !envelope.header.urgent {
        return Ok(None);
    }
    let person_id = roster.and_then(|r| r.active_device(sender)).and_then(|d| match d.owner {
        DeviceOwner::Person(p) => Some(p),
        DeviceOwner::Worker(_) => None,
    });
    let recipients = roster.map(|r| r.first_alerted(person_id)).unwrap_or_default();
    let alert = NewAlert {
        envelope_id: envelope.header.envelope_id,
        person_id,
        recipients: recipients.iter().map(|(w, why)| (*w, why.as_str().to_string())).collect(),
        next_escalation_at: now + window(roster),
    };
    let raised = store.raise_alert(alert, now).await?;
    if let Some(id) = raised {
        store.audit(now, Some(sender), "alert", format!("raised #{id} to {} worker(s)", recipients.len())).await?;
    }
    Ok(raised)
}

/// Escalates every alert whose clock ran out by `now`: to the next worker in the organisation's
/// order not yet alerted, and sets the clock again. Returns (alert, worker escalated to) for each.
pub async fn escalate_due<S: ServiceStore>(store: &S, roster: Option<&RosterState>, now: i64) -> Result<Vec<(i64, Option<Uuid>)>> {
    let mut out = Vec::new();
    for due in store.due_alerts(now).await? {
        let next = roster.and_then(|r| r.next_escalation(&due.alerted));
        // With nobody left in the order the clock stops: the alert stays with everyone it reached.
        let next_at = if next.is_some() { now + window(roster) } else { i64::MAX };
        if store.escalate_alert(due.id, due.next_escalation_at, next, now, next_at).await? {
            let to = next.map_or_else(|| "nobody: no one is left in the escalation order".to_string(), |w| format!("worker {w}"));
            store.audit(now, None, "alert", format!("#{} not acknowledged in time: escalated to {to}", due.id)).await?;
            out.push((due.id, next));
        }
    }
    Ok(out)
}
