//! "Download all my information" and importing it into a new profile.

mod common;

use common::*;
use waymark_core::domain::statement::Answer;
use waymark_core::domain::*;
use waymark_core::export::Export;
use waymark_core::Error;

fn fill(v: &mut waymark_core::Vault, s: &waymark_core::Session) {
    let st = v.start_statement(s, StatementKind::ReviewPreparation).unwrap();
    v.save_answer(s, st.id, Answer { question_id: "home".into(), face: Some(4), choice: None, words: Some("Good <b>mostly</b> & fine".into()) }).unwrap();
    v.set_statement_status(s, st.id, StatementStatus::Ready).unwrap();
    let w = v.start_statement(s, StatementKind::NotSafe).unwrap();
    v.save_words(s, w.id, "Someone at the bus stop scares me".into()).unwrap();
    v.insert(s, RecordBody::PathwayNote(PathwayNote { matter: Some(Matter::Identity), plan_id: None, goal_id: None, text: "Started a family tree".into(), progress: None, shared: false, written_at: v.now() })).unwrap();
    v.grant_consent(s, ShareableKind::Statement, "Northvale Children's Services").unwrap();
}

#[test]
fn export_then_import_gives_back_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    fill(&mut v, &s);
    let export = v.export(&s).unwrap();
    assert_eq!(export.format, "waymark-export");
    assert_eq!(export.format_version, 1);
    let json = serde_json::to_vec_pretty(&export).unwrap();

    let other = tempfile::tempdir().unwrap();
    let (mut v2, _) = open(other.path());
    let (s2, _code) = v2.import(&json, None, &pass("new laptop sunflower")).unwrap();
    assert_eq!(s2.display_name(), "Robin");
    let mut a = v.list(&s, None).unwrap().records;
    let mut b = v2.list(&s2, None).unwrap().records;
    a.sort_by_key(|r| r.id);
    b.sort_by_key(|r| r.id);
    assert_eq!(a, b);
    assert_eq!(a.len(), 4);

    // The same vault can hold the restored copy under another name.
    let (s3, _) = v.import(&json, Some("Robin (restored)"), &pass("another lighthouse morning")).unwrap();
    assert_eq!(v.list(&s3, None).unwrap().records.len(), 4);
    assert!(matches!(v.import(&json, None, &pass("another lighthouse morning")), Err(Error::ProfileNameTaken(_))));
}

#[test]
fn the_html_page_is_readable_and_escapes_what_people_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    fill(&mut v, &s);
    let html = v.export(&s).unwrap().to_html(waymark_core::Language::EnGb);
    assert!(html.contains("All my information"));
    assert!(html.contains("What I said (2)"));
    assert!(html.contains("Good &lt;b&gt;mostly&lt;/b&gt; &amp; fine"));
    assert!(!html.contains("<b>mostly"));
    assert!(html.contains("I don&#39;t feel safe"), "a code is said in words");
    assert!(!html.contains("<script"));
}

#[test]
fn malformed_imports_are_refused_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    fill(&mut v, &s);
    let good: serde_json::Value = serde_json::to_value(v.export(&s).unwrap()).unwrap();
    let target = tempfile::tempdir().unwrap();
    let (mut v2, _) = open(target.path());

    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("not json", b"{ this is not json".to_vec()),
        ("not an export", br#"{"hello": 1}"#.to_vec()),
        ("empty file", Vec::new()),
    ];
    let mut newer = good.clone();
    newer["format_version"] = 2.into();
    cases.push(("newer version", serde_json::to_vec(&newer).unwrap()));
    let mut unknown = good.clone();
    unknown["records"][0]["kind"] = "diary".into();
    cases.push(("unknown kind", serde_json::to_vec(&unknown).unwrap()));
    let mut oversized = good.clone();
    let idx = oversized["records"].as_array().unwrap().iter().position(|r| r["kind"] == "pathway_note").unwrap();
    oversized["records"][idx]["data"]["text"] = "x".repeat(20_001).into();
    cases.push(("oversized field", serde_json::to_vec(&oversized).unwrap()));
    let mut empty = good.clone();
    empty["records"][idx]["data"]["text"] = "  ".into();
    cases.push(("empty required field", serde_json::to_vec(&empty).unwrap()));
    let mut extra = good.clone();
    extra["records"][idx]["data"]["surprise"] = 1.into();
    cases.push(("unknown field", serde_json::to_vec(&extra).unwrap()));
    let mut dup = good.clone();
    let first = dup["records"][0].clone();
    dup["records"].as_array_mut().unwrap().push(first);
    cases.push(("repeated id", serde_json::to_vec(&dup).unwrap()));

    for (what, bytes) in cases {
        let err = v2.import(&bytes, Some("Imported"), &pass("imported sunflower rain")).err().unwrap_or_else(|| panic!("{what} was accepted"));
        assert!(
            matches!(err, Error::MalformedImport(_) | Error::UnsupportedVersion { .. }),
            "{what}: unexpected error {err}"
        );
        assert!(!err.to_string().is_empty());
        assert!(v2.list_profiles().unwrap().is_empty(), "{what} created a profile");
    }
    let _: Export = serde_json::from_value(good).unwrap();
}

/// A young person's and a foster carer's vaults with one of nearly every kind of record, every
/// optional field filled.
fn everything() -> (tempfile::TempDir, Vec<waymark_core::export::Export>) {
    use waymark_core::domain::learning::{LearningEntry, LearningKind};
    use waymark_core::domain::plan::{Action, ActionStatus, Goal, Plan, PlanKind};
    use waymark_core::domain::policy::{PolicySection, PolicyTopic, SaferCaringPolicy};
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let young = young_person(&mut v, "Robin");
    fill(&mut v, &young);
    let action = Action { id: "a1".into(), text: "Join the swimming club".into(), owner: "Robin".into(), due: Some("2026-12-01".into()), status: ActionStatus::InProgress };
    let goal = Goal { id: "g1".into(), matter: Some(Matter::Health), text: "Keep fit".into(), actions: vec![action] };
    let plan = Plan {
        plan_id: uuid::Uuid::from_u128(9),
        version: 1,
        kind: PlanKind::PathwayPlan,
        title: "Robin's pathway plan".into(),
        summary: "Getting ready to live on my own".into(),
        effective_from: "2026-09-01".into(),
        received_at: v.now(),
        next_review_on: Some("2027-01-14".into()),
        goals: vec![goal],
    };
    let plan_id = plan.plan_id;
    v.add_plan_version(&young, plan).unwrap();
    v.insert(&young, RecordBody::PathwayNote(PathwayNote { matter: Some(Matter::Health), plan_id: Some(plan_id), goal_id: Some("g1".into()), text: "Swam twice".into(), progress: Some(40), shared: true, written_at: v.now() })).unwrap();
    // A note of one word that happens to be a code elsewhere ("photos" is a policy topic).
    v.insert(&young, RecordBody::PathwayNote(PathwayNote { matter: None, plan_id: None, goal_id: None, text: "photos".into(), progress: None, shared: false, written_at: v.now() })).unwrap();
    let carer = v.create_profile("Sam Carer", waymark_core::Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    v.save_safer_caring_policy(&carer, SaferCaringPolicy {
        household: "The Ashdown household".into(),
        sections: vec![PolicySection { topic: PolicyTopic::Photos, text: "We ask first.".into() }],
        reviewed_on: Some("2026-11-01".into()),
        next_review_on: Some("2027-11-01".into()),
    })
    .unwrap();
    v.add_learning_entry(&carer, LearningEntry { date: "2026-11-02".into(), kind: LearningKind::SupportGroup, title: "Carers' coffee morning".into(), minutes: 90, resource_id: Some("self-care-for-foster-carers".into()), notes: Some("Met two new carers".into()) }).unwrap();
    v.check_library().unwrap();
    v.mark_resource(&carer, "who-to-call", |m, at| {
        m.bookmarked = true;
        m.read_at = Some(at);
    })
    .unwrap();
    let exports = vec![v.export(&young).unwrap(), v.export(&carer).unwrap()];
    (dir, exports)
}

fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        _ => {}
    }
}

#[test]
fn the_html_page_is_in_the_profiles_language_with_words_for_every_field() {
    let (_dir, exports) = everything();
    let mut found = std::collections::BTreeSet::new();
    for e in &exports {
        e.records.iter().for_each(|r| keys(&r.data, &mut found));
    }
    assert!(found.len() > 40, "the fixture covers most fields: {found:?}");
    for key in &found {
        for language in waymark_core::Language::ALL {
            assert!(
                waymark_i18n::catalogue().has(language, &format!("export-key-{key}")),
                "{} has no words for the export field '{key}' (export-key-{key} in documents.ftl)",
                language.tag()
            );
        }
    }
    let english = exports[1].to_html(waymark_core::Language::EnGb);
    let welsh = exports[1].to_html(waymark_core::Language::Cy);
    assert!(english.contains("<html lang=\"en-GB\">") && welsh.contains("<html lang=\"cy\">"));
    assert!(english.contains("<h1>All my information</h1>") && english.contains("Learning log (1)"));
    assert!(welsh.contains("<h1>Fy holl wybodaeth</h1>") && welsh.contains("Cofnod dysgu (1)"));
    assert!(welsh.contains("Grŵp cymorth") || welsh.contains(&waymark_i18n::text(waymark_core::Language::Cy, "learning-support_group")));
    // What the carer wrote is shown as written, in any language.
    assert!(welsh.contains("Met two new carers"));
    for english_word in ["All my information", "Learning log", "Household", "Next review", "support_group", "Support group"] {
        assert!(!welsh.contains(english_word), "the Welsh page still says '{english_word}'");
    }
    assert_eq!(exports[0].document_name(waymark_core::Language::Cy), "Fy holl wybodaeth - Robin");
    // Codes are said in words; what a person wrote stays as written, even a word that is a code.
    let young = exports[0].to_html(waymark_core::Language::Cy);
    assert!(young.contains(&waymark_i18n::text(waymark_core::Language::Cy, "matter-health")));
    assert!(young.contains("<dd>photos</dd>"), "the note 'photos' was changed");
    assert!(!young.contains(&waymark_i18n::text(waymark_core::Language::Cy, "topic-photos")));
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_locked_copy_opens_only_with_the_passphrase_and_restores_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    fill(&mut v, &s);
    let mut before = v.list(&s, None).unwrap().records;
    before.sort_by_key(|r| r.id);
    // The passphrase is asked for again, and a wrong one is refused (and counted).
    assert!(matches!(v.export_sealed(&s, &pass("not my passphrase")), Err(Error::WrongPassphrase)));
    let locked = v.export_sealed(&s, &pass(PASS)).unwrap();
    assert!(waymark_core::export::is_sealed_export(&locked));
    assert!(!contains(&locked, b"bus stop") && !contains(&locked, b"Robin"), "nothing readable is in the file");
    drop(s);

    // Restored elsewhere: a wrong passphrase creates nothing; the right one brings back everything.
    let other = tempfile::tempdir().unwrap();
    let (mut w, _) = open(other.path());
    assert!(matches!(w.import(&locked, None, &pass("otter lantern biscuits")), Err(Error::WrongPassphrase)));
    assert!(w.list_profiles().unwrap().is_empty());
    let (back, _) = w.import(&locked, None, &pass(PASS)).unwrap();
    assert_eq!(back.display_name(), "Robin");
    let mut after = w.list(&back, None).unwrap().records;
    after.sort_by_key(|r| r.id);
    assert_eq!(after, before);
    assert!(back.integrity_findings().is_sound());
    drop(back);
    w.unlock("Robin", &pass(PASS)).unwrap();

    // A changed byte anywhere (header or body) and the copy does not open.
    for at in [waymark_core::export::SEALED_EXPORT_MAGIC.len() + 20, locked.len() / 2, locked.len() - 1] {
        let mut damaged = locked.clone();
        damaged[at] ^= 1;
        let err = w.import(&damaged, Some("Robin again"), &pass(PASS)).map(|_| ()).unwrap_err();
        assert!(matches!(err, Error::WrongPassphrase), "byte {at}: {err}");
    }
    // Key settings below the floor are refused before any work.
    let mut weak = locked.clone();
    let at = waymark_core::export::SEALED_EXPORT_MAGIC.len() + 1;
    weak[at..at + 4].copy_from_slice(&8u32.to_be_bytes());
    assert!(matches!(w.import(&weak, Some("Robin again"), &pass(PASS)), Err(Error::KdfBelowFloor)));
    assert_eq!(w.list_profiles().unwrap().len(), 1, "nothing was restored from a damaged copy");
}
