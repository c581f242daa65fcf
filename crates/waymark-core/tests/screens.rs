//! What the app's screens rely on from the core: the passphrase meter and suggestions, display
//! settings, pathway notes, the safer-caring policy, the learning log, "My plan" and resource marks.

mod common;

use common::*;
use waymark_core::domain::learning::learning_log_csv;
use waymark_core::domain::plan::{Action, ActionStatus, Goal, PlanChange};
use waymark_core::domain::policy::{PolicySection, PolicyTopic};
use waymark_core::domain::*;
use waymark_core::secret::{suggest_passphrase, Passphrase, StrengthLevel};
use waymark_core::settings::{DisplaySettings, TextSize};
use waymark_core::entropy::SeededEntropy;
use waymark_core::{Error, Language, Role};

#[test]
fn the_meter_agrees_with_what_is_refused_and_suggestions_are_strong() {
    for weak in ["short", "aaaaaaaaaaaa", "password123", "Passw0rd!!", "12345678901", "dr@g0n-m0nk3y"] {
        let p = Passphrase::new(weak.into());
        let s = p.strength();
        assert_eq!(s.level, StrengthLevel::TooWeak, "{weak}");
        assert!(s.problem.is_some(), "a refusal always says why");
        assert!(matches!(p.check_strength(), Err(Error::WeakPassphrase(_))), "{weak}");
    }
    let okay = Passphrase::new("bluehouse7".into()).strength();
    assert_eq!(okay.level, StrengthLevel::Okay);
    assert!(okay.problem.is_none());

    let entropy = SeededEntropy::new(7);
    let first = suggest_passphrase(&entropy, 3);
    let words: Vec<&str> = first.expose().split('-').collect();
    assert_eq!(words.len(), 3);
    assert!(words.iter().all(|w| (3..=7).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase())));
    let s = first.strength();
    assert_eq!(s.estimated_bits, 33, "three list words carry 11 bits each");
    assert_eq!(s.level, StrengthLevel::Good);
    assert!(first.check_strength().is_ok(), "a suggestion is never refused");
    let second = suggest_passphrase(&entropy, 3);
    assert_ne!(first.expose(), second.expose(), "each suggestion is new");
    assert_eq!(suggest_passphrase(&SeededEntropy::new(7), 3).expose(), first.expose(), "seeded runs repeat");
    assert_eq!(suggest_passphrase(&entropy, 5).strength().level, StrengthLevel::Strong);
}

#[test]
fn display_settings_are_kept_per_laptop_and_bad_values_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    assert_eq!(v.display_settings().unwrap(), DisplaySettings::default());
    assert_eq!(DisplaySettings::default().idle_lock_minutes, 5);
    let chosen = DisplaySettings { text_size: TextSize::Larger, dyslexia_font: true, high_contrast: true, idle_lock_minutes: 15, language: Language::Cy };
    v.save_display_settings(&chosen).unwrap();
    for minutes in [0, 61, 10_000] {
        let bad = DisplaySettings { idle_lock_minutes: minutes, ..chosen.clone() };
        let err = v.save_display_settings(&bad).unwrap_err();
        assert!(err.to_string().contains("from 1 to 60"), "{err}");
    }
    drop(v);
    let (v, _) = open(dir.path());
    assert_eq!(v.display_settings().unwrap(), chosen, "settings survive a restart; refused ones were not saved");
}

#[test]
fn each_profile_keeps_its_own_language_and_a_new_one_takes_the_start_screens() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let robin = young_person(&mut v, "Robin");
    assert_eq!(v.profile_language(&robin).unwrap(), Language::EnGb, "English until someone chooses");
    // The start screen is switched to Welsh; the next profile made there speaks Welsh.
    v.save_display_settings(&DisplaySettings { language: Language::Cy, ..DisplaySettings::default() }).unwrap();
    let (sam, _) = v.create_profile("Sam Carer", Role::Carer, &pass(PASS)).unwrap();
    assert_eq!(v.profile_language(&sam).unwrap(), Language::Cy);
    assert_eq!(v.profile_language(&robin).unwrap(), Language::EnGb, "other profiles keep theirs");
    v.set_profile_language(&robin, Language::Cy).unwrap();
    v.set_profile_language(&sam, Language::EnGb).unwrap();
    drop((robin, sam));
    drop(v);
    let (v, _) = open(dir.path());
    let languages: Vec<_> = v.list_profiles().unwrap().into_iter().map(|p| (p.display_name, p.language)).collect();
    assert_eq!(languages, [("Robin".to_string(), Language::Cy), ("Sam Carer".to_string(), Language::EnGb)], "kept across a restart");
}

#[test]
fn settings_saved_before_languages_existed_read_as_english() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = open(dir.path());
    drop(v);
    let db = rusqlite::Connection::open(dir.path().join(waymark_core::vault::DATABASE_FILE)).unwrap();
    db.execute(
        "INSERT INTO device_settings (key, value) VALUES ('display', ?1)",
        [r#"{"version":1,"display":{"text_size":"large","dyslexia_font":false,"high_contrast":true,"idle_lock_minutes":7}}"#],
    )
    .unwrap();
    drop(db);
    let (v, _) = open(dir.path());
    let read = v.display_settings().unwrap();
    assert_eq!((read.text_size, read.idle_lock_minutes, read.language), (TextSize::Large, 7, Language::EnGb));
}

#[test]
fn pathway_notes_keep_when_they_were_written_and_belong_to_young_people() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let note = |text: &str| PathwayNote { matter: Some(Matter::FinancialSupport), plan_id: None, goal_id: None, text: text.into(), progress: Some(20), shared: true, written_at: waymark_core::Timestamp(0) };
    let first = v.save_pathway_note(&s, None, note("Opened a savings account")).unwrap();
    let RecordBody::PathwayNote(saved) = &first.body else { panic!() };
    assert_eq!(saved.written_at.0, START, "a new note is dated now, whatever the caller sent");
    assert!(!saved.shared, "a new note is never marked shared");
    clock.advance(86_400);
    v.save_pathway_note(&s, None, note("Made a budget")).unwrap();
    clock.advance(86_400);
    v.save_pathway_note(&s, Some(first.id), note("Opened a savings account and paid in £20")).unwrap();
    let notes = v.pathway_notes(&s).unwrap();
    let texts: Vec<String> = notes.iter().map(|r| match &r.body { RecordBody::PathwayNote(n) => n.text.clone(), _ => unreachable!() }).collect();
    assert_eq!(texts, ["Made a budget", "Opened a savings account and paid in £20"], "newest first, edits keep their date");

    let too_long = note(&"x".repeat(20_001));
    assert!(v.save_pathway_note(&s, Some(first.id), too_long).is_err());
    assert_eq!(v.pathway_notes(&s).unwrap().len(), 2);

    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    let err = v.save_pathway_note(&carer, None, note("x")).unwrap_err();
    assert!(err.to_string().contains("young person"), "{err}");
}

#[test]
fn the_policy_is_one_record_and_its_document_escapes_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    assert!(v.safer_caring_policy(&carer).unwrap().is_none());
    let mut policy = SaferCaringPolicy {
        household: "The <Ashdown> household".into(),
        sections: vec![PolicySection { topic: PolicyTopic::Photos, text: "We ask first.".into() }],
        reviewed_on: None,
        next_review_on: None,
    };
    let first = v.save_safer_caring_policy(&carer, policy.clone()).unwrap();
    policy.sections.push(PolicySection { topic: PolicyTopic::PrivacyBathroomsBedrooms, text: "Knock & wait.\n<script>alert(1)</script>".into() });
    let second = v.save_safer_caring_policy(&carer, policy.clone()).unwrap();
    assert_eq!(first.id, second.id, "saving again updates the one policy");
    assert_eq!(second.version, 2);
    let html = policy.to_html(Language::EnGb);
    assert!(html.contains("The &lt;Ashdown&gt; household"));
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    let (privacy, photos) = (PolicyTopic::PrivacyBathroomsBedrooms.heading(Language::EnGb), PolicyTopic::Photos.heading(Language::EnGb));
    assert!(html.find(&crate_escape(&privacy)).unwrap() < html.find(&crate_escape(&photos)).unwrap(), "sections follow the guide's order, not the order typed");
    for topic in PolicyTopic::ALL {
        for language in Language::ALL {
            assert!(!topic.prompt(language).is_empty() && !topic.heading(language).is_empty());
        }
    }
    // The same policy as a Welsh household prints it: headings, dates and the page's language.
    let welsh = policy.to_html(Language::Cy);
    assert!(welsh.contains("<html lang=\"cy\">") && welsh.contains("<h1>Ein polisi gofal mwy diogel</h1>"));
    assert!(welsh.contains("<h2>Preifatrwydd, ystafelloedd ymolchi ac ystafelloedd gwely</h2>"), "{welsh}");
    assert!(welsh.contains("The &lt;Ashdown&gt; household"), "what the household wrote stays as written");

    let yp = young_person(&mut v, "Robin");
    assert!(v.save_safer_caring_policy(&yp, policy).unwrap_err().to_string().contains("foster carer"));
}

#[test]
fn the_learning_log_exports_csv_a_spreadsheet_will_not_run() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    let entry = |date: &str, title: &str, minutes: u32, notes: Option<&str>| LearningEntry { date: date.into(), kind: LearningKind::Course, title: title.into(), minutes, resource_id: None, notes: notes.map(String::from) };
    v.add_learning_entry(&carer, entry("2026-09-03", "First aid", 90, Some("Said \"practise\" CPR"))).unwrap();
    v.add_learning_entry(&carer, entry("2026-10-12", "=HYPERLINK(\"x\")", 45, None)).unwrap();
    let bad = entry("2026-02-30", "x", 10, None);
    assert!(v.add_learning_entry(&carer, bad).is_err());
    let records = v.learning_entries(&carer).unwrap();
    let entries: Vec<LearningEntry> = records.into_iter().map(|r| match r.body { RecordBody::LearningEntry(e) => e, _ => unreachable!() }).collect();
    assert_eq!(entries[0].date, "2026-10-12", "newest first");
    let csv = learning_log_csv(Language::EnGb, &entries);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "\"Date\",\"Kind\",\"Title\",\"Hours\",\"Notes\"");
    assert_eq!(lines[1], "2026-10-12,\"Course\",\"'=HYPERLINK(\"\"x\"\")\",0.75,\"\"");
    assert_eq!(lines[2], "2026-09-03,\"Course\",\"First aid\",1.50,\"Said \"\"practise\"\" CPR\"");
    let welsh = learning_log_csv(Language::Cy, &entries);
    assert!(welsh.starts_with("\"Dyddiad\",\"Math\",\"Teitl\",\"Oriau\",\"Nodiadau\"\r\n2026-10-12,\"Cwrs\","), "{welsh}");

    let yp = young_person(&mut v, "Robin");
    assert!(v.add_learning_entry(&yp, entry("2026-09-03", "x", 10, None)).unwrap_err().to_string().contains("foster carer"));
}

fn plan(version: u32, received: i64, goals: Vec<Goal>) -> Plan {
    Plan {
        plan_id: uuid::Uuid::from_u128(9),
        version,
        kind: PlanKind::CarePlan,
        title: "Robin's care plan".into(),
        summary: String::new(),
        effective_from: "2026-09-01".into(),
        received_at: waymark_core::Timestamp(received),
        next_review_on: Some("2027-01-14".into()),
        goals,
    }
}

#[test]
fn my_plan_shows_the_latest_version_and_what_changed_since_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    assert!(v.plan_overview(&s).unwrap().is_empty());
    let action = |status| Action { id: "a1".into(), text: "Join the swimming club".into(), owner: "Robin".into(), due: None, status };
    let goal = |status| Goal { id: "g1".into(), matter: None, text: "Keep fit".into(), actions: vec![action(status)] };
    v.add_plan_version(&s, plan(1, START, vec![goal(ActionStatus::NotStarted)])).unwrap();
    let only = v.plan_overview(&s).unwrap();
    assert_eq!(only[0].versions, [1]);
    assert!(only[0].previous_version.is_none() && only[0].changes.is_empty());
    v.add_plan_version(&s, plan(2, START + 10, vec![goal(ActionStatus::InProgress)])).unwrap();
    let mut third = plan(3, START + 20, vec![goal(ActionStatus::Done)]);
    third.next_review_on = Some("2027-02-03".into());
    v.add_plan_version(&s, third).unwrap();
    let view = &v.plan_overview(&s).unwrap()[0];
    assert_eq!(view.latest.version, 3);
    assert_eq!(view.latest.next_review_on.as_deref(), Some("2027-02-03"));
    let mut bad = plan(4, START + 30, vec![]);
    bad.next_review_on = Some("14/01/2027".into());
    assert!(v.add_plan_version(&s, bad).unwrap_err().to_string().contains("Next review"));
    assert_eq!(view.versions, [1, 2, 3]);
    assert_eq!(view.previous_version, Some(2));
    assert_eq!(view.changes.len(), 2, "{:?}", view.changes);
    assert!(matches!(&view.changes[0], PlanChange::NextReviewChanged { to: Some(d), .. } if d == "2027-02-03"));
    assert_eq!(view.changes[0].describe(Language::EnGb), "Your next review is now on 2027-02-03.");
    assert!(matches!(&view.changes[1], PlanChange::ActionChanged { from, to, .. } if from == "in_progress" && to == "done"), "{:?}", view.changes);
    assert_eq!(view.changes[1].describe(Language::EnGb), "\"Join the swimming club\": status changed from \"in progress\" to \"done\".");
    assert_eq!(view.changes[0].describe(Language::Cy), "Mae eich adolygiad nesaf nawr ar 2027-02-03.");
}

#[test]
fn search_hits_carry_tags_and_marks_are_listed_per_person() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    v.check_library().unwrap();
    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    let hits = v.search_library("", 500, Language::EnGb).unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| !h.tags.is_empty() && h.tags.iter().all(|t| !t.contains(' '))), "every built-in item is tagged");
    assert!(v.resource_marks(&carer).unwrap().is_empty());
    v.mark_resource(&carer, &hits[0].id, |m, _| m.bookmarked = true).unwrap();
    let other = v.create_profile("Alex Carer", Role::Carer, &pass("silver kettle meadow")).unwrap().0;
    assert_eq!(v.resource_marks(&carer).unwrap().len(), 1);
    assert!(v.resource_marks(&other).unwrap().is_empty(), "one carer's bookmarks are not another's");
}

fn crate_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn the_saved_recovery_code_and_learning_log_are_named_in_the_profiles_language() {
    let code = waymark_core::secret::RecoveryCode::generate(&SeededEntropy::new(7));
    let (stem, text) = code.document(Language::Cy, "Ash");
    // The file's name says nothing about what it holds or whose it is; what is inside does.
    assert_eq!(stem, "Nodyn Waymark");
    assert_eq!(code.document(Language::EnGb, "Ash").0, "Waymark note");
    assert!(text.contains(code.display().as_str()) && text.contains("Ash") && text.ends_with('\n'), "{}", text.as_str());
    assert_ne!(code.document(Language::EnGb, "Ash").1, text, "the English file has English words");
    assert_eq!(waymark_core::domain::learning::learning_log_document_name(Language::EnGb, "Sam"), "Learning log - Sam");
}
