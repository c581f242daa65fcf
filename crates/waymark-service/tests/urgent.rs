//! "I don't feel safe" through the real programs: the `waymark` tool as the young person's
//! laptop, `waymark-service serve` as the service, the administrator's `admin` commands, and a
//! duty worker's laptop enrolled and approved like anyone's, reading its alerts over HTTP. The
//! escalation clock is tested with time passed in (crates/waymark-client/tests/roster.rs); here,
//! what a duty worker sees first.

mod support;

use support::{free_port, Tools};
use uuid::Uuid;
use waymark_core::entropy::SeededEntropy;
use waymark_sync::api::{AlertAck, AlertView, AlertsResponse, EnrolRequest, EnrolResponse};
use waymark_sync::invite::Invite;
use waymark_sync::keys::IdentityKeys;
use waymark_sync::request::sign_request;

const SERVICE: &str = "Northvale Children's Services";

/// The part of `text` after `label`, to the end of its line.
fn after<'a>(text: &'a str, label: &str) -> &'a str {
    text.split(label).nth(1).and_then(|rest| rest.lines().next()).unwrap_or_else(|| panic!("no '{label}' in {text}")).trim()
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// A signed request from the duty worker's laptop.
async fn worker_call(base: &str, keys: &IdentityKeys, device: Uuid, method: &str, path: &str, body: Vec<u8>) -> reqwest::Response {
    let client = reqwest::Client::new();
    let mut request = client.request(method.parse().unwrap(), format!("{base}{path}")).header("content-type", "application/json");
    for (name, value) in sign_request(keys, &device.to_string(), method, path, now(), &body) {
        request = request.header(name, value);
    }
    request.body(body).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_duty_workers_laptop_sees_i_dont_feel_safe_at_once_flagged_and_acknowledges_it() {
    let tools = Tools::new();
    let (service, waymark) = (&tools.service, &tools.waymark);
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    tools.run(service, &["init", "--name", SERVICE]);
    let organisation = after(&tools.run(service, &["admin", "init", "--org-name", SERVICE]), "Organisation fingerprint: ").to_string();
    let duty: Uuid = after(&tools.run(service, &["admin", "add-worker", "--name", "Duty desk", "--role", "duty"]), "is worker ")
        .trim_end_matches('.')
        .parse()
        .unwrap();
    let robin_code = tools.invite(&base);
    let worker_code = tools.run(service, &["admin", "invite-worker", "--worker", &duty.to_string(), "--url", &base]).trim().to_string();
    let _server = tools.serve(port, &[]);

    // Robin's laptop connects and is approved with the code it shows.
    tools.run(waymark, &["profile", "create", "--name", "Robin", "--role", "young_person"]);
    let connected = tools.run(waymark, &["connect", &robin_code, "--yes"]);
    let robin_device = after(&connected, "as device ").trim_end_matches('.').to_string();
    let pending = tools.run(service, &["admin", "pending"]);
    let robin_person = after(&pending, &format!("device {robin_device} for person ")).split(' ').next().unwrap().to_string();
    let robin_code_shown = after(&connected, "Read them this code: ").to_string();
    tools.run(service, &["admin", "approve", "--device", &robin_device, "--person", &robin_person, "--code", &robin_code_shown]);

    // The duty worker's laptop enrols with its invite and is approved the same way.
    let entropy = SeededEntropy::new(77);
    let keys = IdentityKeys::generate(&entropy);
    let invite = Invite::parse(&worker_code, now()).unwrap();
    let enrolled: EnrolResponse = reqwest::Client::new()
        .post(format!("{base}/v1/enrol"))
        .json(&EnrolRequest { invite_token: invite.token.clone(), keys: keys.public().clone() })
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let worker_device = enrolled.device_id;
    tools.run(service, &["admin", "approve", "--device", &worker_device.to_string(), "--person", &duty.to_string(), "--code", &keys.public().fingerprint().unwrap()]);

    // An ordinary worry first, then "I don't feel safe", both shared in one sync.
    tools.run(waymark, &["consent", "grant", "statement"]);
    for (kind, words) in [("worried", "My phone is broken"), ("not_safe", "I don't feel safe at home tonight")] {
        let id = tools.run(waymark, &["statement", "new", "--kind", kind, "--words", words]).trim().to_string();
        tools.run(waymark, &["statement", "status", &id, "ready"]);
        tools.run(waymark, &["share", &id]);
    }
    tools.run(waymark, &["sync"]);

    // The duty worker's laptop: one alert, for Robin, raised to them as the duty team, unacknowledged,
    // and nothing in it of what was written.
    let answer = worker_call(&base, &keys, worker_device, "GET", "/v1/alerts", Vec::new()).await;
    assert_eq!(answer.status(), 200);
    let text = answer.text().await.unwrap();
    assert!(!text.contains("safe at home"), "{text}");
    let alerts: AlertsResponse = serde_json::from_str(&text).unwrap();
    assert_eq!(alerts.alerts.len(), 1, "{text}");
    let alert: &AlertView = &alerts.alerts[0];
    assert_eq!((alert.person_id.map(|p| p.to_string()), alert.why.as_str(), alert.acknowledged_at), (Some(robin_person.clone()), "duty", None));

    // The operator's inbox lists it first, flagged, and says an approved laptop of Robin's sent it.
    let inbox = tools.run(service, &["inbox", "--organisation", &organisation]);
    let first = inbox.lines().find(|l| l.contains(" from Robin")).unwrap();
    assert!(first.starts_with("URGENT: #"), "{inbox}");
    assert!(inbox.contains(&format!("signed by an approved laptop of person {robin_person}")), "{inbox}");
    assert!(!inbox.contains("WARNING"), "{inbox}");

    // The duty worker acknowledges it.
    let body = serde_json::to_vec(&AlertAck { alert_id: alert.alert_id }).unwrap();
    let answer = worker_call(&base, &keys, worker_device, "POST", "/v1/alert-acks", body).await;
    assert_eq!(answer.status(), 200);
    let acknowledged: AlertView = answer.json().await.unwrap();
    assert_eq!(acknowledged.acknowledged_by, Some(duty));
    let again: AlertsResponse = worker_call(&base, &keys, worker_device, "GET", "/v1/alerts", Vec::new()).await.json().await.unwrap();
    assert_eq!(again.alerts[0].acknowledged_by, Some(duty), "the acknowledgement is kept");
}
