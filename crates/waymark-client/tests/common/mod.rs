//! What the client's tests share.

/// A care plan at `version`, as an organisation publishes one (invented content).
pub fn plan_json(version: u32) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "plan_id": "6b1f2c3a-9d4e-4f7a-8b2c-1e5d7a9c0f11",
        "version": version,
        "kind": "care_plan",
        "title": "Robin's care plan",
        "effective_from": "2026-11-01",
        "received_at": "2026-11-19T09:00:00Z",
        "next_review_on": "2027-01-14",
        "goals": [{ "id": "g1", "text": "Keep going to swimming club", "actions": [] }]
    }))
    .unwrap()
}
