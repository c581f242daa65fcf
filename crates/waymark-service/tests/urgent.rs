//! "I don't feel safe", and a reply, through the real programs: the `waymark` tool as the young
//! person's laptop, `waymark-service serve` as the service, the administrator's `admin` commands,
//! and two workers' laptops (`waymark-worker`: the duty desk, and Robin's social worker), each
//! enrolled and approved like anyone's. The escalation clock is tested with time passed in
//! (crates/waymark-client/tests/roster.rs); here, what each person sees.

mod support;

use support::{free_port, Tools};

const SERVICE: &str = "Northvale Children's Services";

/// The part of `text` after `label`, to the end of its line.
fn after<'a>(text: &'a str, label: &str) -> &'a str {
    text.split(label).nth(1).and_then(|rest| rest.lines().next()).unwrap_or_else(|| panic!("no '{label}' in {text}")).trim()
}

#[test]
fn i_dont_feel_safe_reaches_the_duty_desk_first_and_flagged_and_the_young_person_sees_who_answered() {
    let tools = Tools::new();
    let (service, waymark) = (&tools.service, &tools.waymark);
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    tools.run(service, &["init", "--name", SERVICE]);
    let organisation = after(&tools.run(service, &["admin", "init", "--org-name", SERVICE]), "Organisation fingerprint: ").to_string();
    let duty = tools.add_worker("Duty desk", "duty");
    let robin_code = tools.invite(&base);
    let _server = tools.serve(port, &[]);

    // Robin's laptop connects and is approved with the code it shows; Sam is Robin's social worker.
    tools.run(waymark, &["profile", "create", "--name", "Robin", "--role", "young_person"]);
    let robin = tools.approve_from(&tools.run(waymark, &["connect", &robin_code, "--yes"]));
    let sam_laptop = tools.social_worker_for(&robin, &base, None);
    let duty_laptop = tools.worker_laptop(&duty, &base);
    assert!(sam_laptop.run(&["status"]).contains("This laptop is approved."));

    // Robin's laptop reads the roster (the app does every minute) and Robin chooses their social
    // worker; an ordinary worry first, then "I don't feel safe".
    tools.run(waymark, &["sync"]);
    let granted = tools.run(waymark, &["consent", "grant", "statement", "--worker", "social_worker"]);
    assert!(granted.contains("your social worker (Sam Okafor)"), "{granted}");
    let mut ids = Vec::new();
    for (kind, words) in [("worried", "My phone is broken"), ("not_safe", "I don't feel safe at home tonight")] {
        let id = tools.run(waymark, &["statement", "new", "--kind", kind, "--words", words]).trim().to_string();
        tools.run(waymark, &["statement", "status", &id, "ready"]);
        tools.run(waymark, &["share", &id]);
        ids.push(id);
    }

    // The duty desk: one alert, not yet acknowledged, and one item it can open: the urgent one,
    // flagged. The worry was for Robin's social worker only.
    let alerts = duty_laptop.run(&["alerts"]);
    assert!(alerts.contains(&format!("person {robin} does not feel safe")) && alerts.contains("NOT ACKNOWLEDGED"), "{alerts}");
    let shared = duty_laptop.run(&["shared"]);
    assert!(shared.starts_with("URGENT: #") && shared.contains("I don't feel safe at home tonight"), "{shared}");
    assert!(!shared.contains("My phone is broken"), "{shared}");
    // Sam sees both, the urgent one first though it came second.
    let shared = sam_laptop.run(&["shared"]);
    let (urgent, worry) = (shared.find("I don't feel safe").unwrap(), shared.find("My phone is broken").unwrap());
    assert!(shared.starts_with("URGENT: #") && urgent < worry, "{shared}");
    let worry = after(shared.lines().find(|l| l.starts_with('#')).unwrap(), "— item ").to_string();

    // The operator's inbox, beside the server, lists them (urgent first, signed by Robin's approved
    // laptop) and can open neither.
    let inbox = tools.run(service, &["inbox", "--organisation", &organisation]);
    assert!(inbox.lines().find(|l| l.contains(" from Robin")).unwrap().starts_with("URGENT: #"), "{inbox}");
    assert!(inbox.contains(&format!("signed by an approved laptop of person {robin}")) && !inbox.contains("WARNING"), "{inbox}");
    assert!(inbox.contains("only they can open it") && !inbox.contains("safe at home") && !inbox.contains("phone"), "{inbox}");

    // The duty desk acknowledges; Sam reads the worry and replies.
    let alert_id = after(&alerts, "Alert #").split(' ').next().unwrap().to_string();
    assert!(duty_laptop.run(&["acknowledge", &alert_id]).contains(&format!("person {robin} is told someone has it")));
    assert!(duty_laptop.run(&["alerts"]).contains("acknowledged by you"));
    sam_laptop.run(&["read", &worry]);
    sam_laptop.run(&["reply", &worry, "--words", "I'll bring a new charger on Thursday."]);

    // Robin's laptop hears it all from the workers' laptops, with their names and roles.
    let synced = tools.run(waymark, &["sync"]);
    assert!(synced.contains("1 reply"), "{synced}");
    let not_safe: serde_json::Value = serde_json::from_str(&tools.run(waymark, &["show", &ids[1]])).unwrap();
    let said = &not_safe["data"]["responses"];
    assert!(said.as_array().unwrap().iter().any(|r| r["kind"] == "acknowledged" && r["worker_name"] == "Duty desk" && r["worker_role"] == "duty"), "{said}");
    let worry: serde_json::Value = serde_json::from_str(&tools.run(waymark, &["show", &ids[0]])).unwrap();
    let said = worry["data"]["responses"].as_array().unwrap();
    let reply = said.iter().find(|r| r["kind"] == "replied").unwrap_or_else(|| panic!("{said:?}"));
    assert_eq!((reply["worker_name"].as_str(), reply["worker_role"].as_str()), (Some("Sam Okafor"), Some("social_worker")));
    assert_eq!(reply["words"], "I'll bring a new charger on Thursday.");
    assert_eq!(worry["data"]["history"].as_array().unwrap().last().unwrap()["status"], "read");
}
