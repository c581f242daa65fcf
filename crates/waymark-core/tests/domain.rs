//! Statements, plans, notes, the library, the policy, the learning log, consent and the outbox.

mod common;

use common::*;
use waymark_core::domain::learning::minutes_by_month;
use waymark_core::domain::library::{reading_minutes, Audience, LibraryBundle, Resource};
use waymark_core::domain::plan::{Action, ActionField, ActionStatus, Goal, PlanChange};
use waymark_core::domain::statement::{Answer, QuestionSet};
use waymark_core::domain::*;
use waymark_core::{Error, Language, Role};

fn answer(q: &str, face: Option<u8>, words: Option<&str>) -> Answer {
    Answer { question_id: q.into(), face, choice: None, words: words.map(String::from) }
}

#[test]
fn a_review_statement_is_answered_over_several_sittings_then_marked_ready() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, clock) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let st = v.start_statement(&s, StatementKind::ReviewPreparation).unwrap();
    v.save_answer(&s, st.id, answer("home", Some(4), Some("mostly good"))).unwrap();
    drop(s);
    drop(v);
    let (mut v, _) = open(dir.path());
    let s = v.unlock("Robin", &pass(PASS)).unwrap();
    clock.advance(3600);
    v.save_answer(&s, st.id, answer("home", Some(5), None)).unwrap();
    v.save_answer(&s, st.id, Answer { question_id: "where".into(), face: None, choice: Some("Online".into()), words: None }).unwrap();
    let rec = v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
    let RecordBody::Statement(done) = rec.body else { panic!() };
    assert_eq!(done.status(), StatementStatus::Ready);
    assert_eq!(done.answers.len(), 2);
    assert_eq!(done.answers[0].face, Some(5), "a later answer replaces the earlier one");
    assert_eq!(done.history.len(), 2);
    // A ready statement cannot be edited until it goes back to draft.
    assert!(matches!(v.save_answer(&s, st.id, answer("school", Some(3), None)), Err(Error::Invalid { .. })));
    // Skipping steps is refused.
    assert!(matches!(v.set_statement_status(&s, st.id, StatementStatus::Read), Err(Error::InvalidTransition { .. })));
    v.set_statement_status(&s, st.id, StatementStatus::Draft).unwrap();
    v.save_answer(&s, st.id, answer("school", Some(3), None)).unwrap();
}

#[test]
fn bad_answers_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let st = v.start_statement(&s, StatementKind::ReviewPreparation).unwrap();
    v.save_answer(&s, st.id, answer("home", Some(3), None)).unwrap();
    let before = v.get(&s, st.id).unwrap();
    for (bad, what) in [
        (answer("no_such_question", Some(3), None), "unknown question"),
        (answer("home", Some(6), None), "face out of range"),
        (answer("going_well", Some(2), None), "face on a words question"),
        (answer("home", None, Some(&"x".repeat(20_001))), "oversized words"),
        (Answer { question_id: "where".into(), face: None, choice: Some("The moon".into()), words: None }, "unknown choice"),
    ] {
        let err = v.save_answer(&s, st.id, bad).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. } | Error::TooLong { .. }), "{what}: {err}");
        assert_eq!(v.get(&s, st.id).unwrap(), before, "{what} changed the record");
    }
    // An empty statement cannot be marked ready.
    let empty = v.start_statement(&s, StatementKind::Worried).unwrap();
    assert!(matches!(v.set_statement_status(&s, empty.id, StatementStatus::Ready), Err(Error::Invalid { .. })));
}

#[test]
fn the_question_set_is_data_and_not_safe_is_urgent() {
    let set = QuestionSet::current();
    assert!(set.questions.len() >= 10);
    assert!(set.questions.iter().any(|q| q.id == "feeling_safe"));
    assert!(StatementKind::NotSafe.is_urgent());
    assert!(!StatementKind::Worried.is_urgent());
    let helplines = waymark_core::domain::statement::HELPLINES;
    assert!(helplines.iter().any(|h| h.number == "0800 1111"));
    for h in helplines {
        for language in waymark_core::Language::ALL {
            // Every helpline has its own words in every language (no fallback to English).
            assert!(waymark_i18n::catalogue().has(language, &format!("helpline-{}-note", h.id)), "{} {language:?}", h.id);
        }
    }
    assert_eq!(helplines[0].note(waymark_core::Language::Cy), "Am ddim, unrhyw bryd, ddydd neu nos. Fydd e ddim yn dangos ar eich bil ffôn.");
}

fn plan(version: u32, goals: Vec<Goal>) -> Plan {
    Plan {
        plan_id: uuid::Uuid::from_u128(42),
        version,
        kind: PlanKind::PathwayPlan,
        title: "Robin's pathway plan".into(),
        summary: String::new(),
        effective_from: "2026-09-01".into(),
        received_at: waymark_core::Timestamp(START),
        next_review_on: None,
        goals,
    }
}

fn goal(id: &str, text: &str, actions: Vec<Action>) -> Goal {
    Goal { id: id.into(), matter: Some(Matter::Accommodation), text: text.into(), actions }
}

fn action(id: &str, status: ActionStatus) -> Action {
    Action { id: id.into(), text: "Visit two flats".into(), owner: "Personal adviser".into(), due: Some("2026-12-01".into()), status }
}

#[test]
fn plan_versions_are_all_kept_and_the_diff_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    v.add_plan_version(&s, plan(1, vec![goal("g1", "Find a flat", vec![action("a1", ActionStatus::NotStarted)]), goal("g2", "Learn to cook", vec![])])).unwrap();
    v.add_plan_version(&s, plan(2, vec![goal("g1", "Find a flat near college", vec![action("a1", ActionStatus::Done)]), goal("g3", "Open a bank account", vec![])])).unwrap();
    let err = v.add_plan_version(&s, plan(2, vec![])).unwrap_err();
    assert!(err.to_string().contains("not newer"), "{err}");
    let versions = v.plan_versions(&s, uuid::Uuid::from_u128(42)).unwrap();
    assert_eq!(versions.iter().map(|p| p.version).collect::<Vec<_>>(), vec![1, 2]);
    let changes = v.plan_diff(&s, uuid::Uuid::from_u128(42), 1, 2).unwrap();
    assert!(changes.contains(&PlanChange::GoalRemoved { goal_id: "g2".into(), text: "Learn to cook".into() }));
    assert!(changes.contains(&PlanChange::GoalAdded { goal_id: "g3".into(), text: "Open a bank account".into() }));
    assert!(changes.contains(&PlanChange::GoalChanged { goal_id: "g1".into(), from: "Find a flat".into(), to: "Find a flat near college".into() }));
    let status = changes.iter().find(|c| matches!(c, PlanChange::ActionChanged { field: ActionField::Status, to, .. } if to == "done")).expect("status change");
    assert_eq!(status.describe(Language::EnGb), "\"Visit two flats\": status changed from \"not started\" to \"done\".");
    assert_eq!(status.describe(Language::Cy), "\"Visit two flats\": newidiodd y statws o \"heb ddechrau\" i \"wedi'i wneud\".");
    assert_eq!(changes.len(), 4);
    // A pathway-plan goal must say which matter it belongs to.
    let mut bad = plan(3, vec![goal("g1", "x", vec![])]);
    bad.goals[0].matter = None;
    assert!(matches!(v.add_plan_version(&s, bad), Err(Error::Invalid { .. })));
    assert_eq!(Matter::ALL.len(), 10);
}

#[test]
fn sharing_needs_consent_writes_the_outbox_with_the_change_and_withdrawal_empties_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let service = "Northvale Children's Services";
    let st = v.start_statement(&s, StatementKind::ChangeSomething).unwrap();
    v.save_words(&s, st.id, "I'd like a later bedtime at weekends".into()).unwrap();
    v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
    let err = v.share_record(&s, st.id, service).unwrap_err();
    assert!(matches!(err, Error::NoConsent { .. }), "{err}");
    assert!(v.outbox(&s).unwrap().is_empty());

    v.grant_consent(&s, ShareableKind::Statement, service).unwrap();
    let item = v.share_record(&s, st.id, service).unwrap();
    assert_eq!(v.outbox(&s).unwrap(), vec![item.clone()]);

    // A note becomes shared in the same transaction as its outbox row.
    v.grant_consent(&s, ShareableKind::PathwayNote, service).unwrap();
    let note = v
        .insert(&s, RecordBody::PathwayNote(PathwayNote { matter: Some(Matter::Health), plan_id: None, goal_id: None, text: "Booked a dentist".into(), progress: Some(50), shared: false, written_at: v.now() }))
        .unwrap();
    v.share_record(&s, note.id, service).unwrap();
    let RecordBody::PathwayNote(n) = v.get(&s, note.id).unwrap().body else { panic!() };
    assert!(n.shared);
    assert_eq!(v.outbox(&s).unwrap().len(), 2);

    let removed = v.withdraw_consent(&s, ShareableKind::Statement, service).unwrap();
    assert_eq!(removed, 1);
    let left = v.outbox(&s).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].record_kind, ShareableKind::PathwayNote);
    assert!(!v.has_consent(&s, ShareableKind::Statement, service).unwrap());
    let events = v.consent_events(&s).unwrap();
    assert_eq!(events.len(), 3, "the ledger keeps every event");
    // A draft statement cannot be queued, even with consent.
    v.grant_consent(&s, ShareableKind::Statement, service).unwrap();
    let draft = v.start_statement(&s, StatementKind::GoodNews).unwrap();
    assert!(matches!(v.share_record(&s, draft.id, service), Err(Error::Invalid { .. })));
}

fn resource(id: &str, title: &str, tags: &[&str], body: &str) -> Resource {
    Resource {
        id: id.into(),
        language: Language::EnGb,
        audience: Audience::Carer,
        title: title.into(),
        summary: format!("About {title}"),
        body: body.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        last_reviewed: "2026-10-01".into(),
        sources: vec!["Fostering National Minimum Standards".into()],
    }
}

fn bundle(version: u32, items: Vec<Resource>) -> LibraryBundle {
    LibraryBundle { format: "waymark-library".into(), format_version: 1, bundle_version: version, items }
}

#[test]
fn the_library_installs_searches_and_keeps_marks_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    assert!(v.install_library(&bundle(2, vec![
        resource("allegations-what-happens", "If an allegation is made", &["allegations"], "Stay calm and write down what was said."),
        resource("phones-and-social-media", "Phones and social media", &["online", "phones"], "Agree phone rules together. Talk about allegations of bullying online."),
        resource("family-time", "Family time and contact", &["contact"], "Contact with birth family matters."),
    ])).unwrap());
    let hits = v.search_library("allegation", 10, Language::EnGb).unwrap();
    assert_eq!(hits[0].id, "allegations-what-happens", "the title match comes first");
    assert_eq!(hits.len(), 2);
    assert_eq!(v.search_library("phone rul", 10, Language::EnGb).unwrap()[0].id, "phones-and-social-media", "prefix search as you type");
    assert!(v.search_library("\"unbalanced OR (", 10, Language::EnGb).is_ok(), "query syntax cannot break search");
    assert_eq!(v.search_library("", 10, Language::EnGb).unwrap().len(), 3);
    // An older or equal bundle does not replace a newer one.
    assert!(!v.install_library(&bundle(1, vec![])).unwrap());
    assert_eq!(v.search_library("", 10, Language::EnGb).unwrap().len(), 3);

    v.mark_resource(&carer, "family-time", |m, _| m.bookmarked = true).unwrap();
    v.mark_resource(&carer, "family-time", |m, now| m.read_at = Some(now)).unwrap();
    let marks = v.list(&carer, Some(RecordKind::ResourceMark)).unwrap().records;
    assert_eq!(marks.len(), 1);
    let RecordBody::ResourceMark(m) = &marks[0].body else { panic!() };
    assert!(m.bookmarked && m.read_at.is_some());
    assert!(matches!(v.mark_resource(&carer, "no-such-thing", |m, _| m.bookmarked = true), Err(Error::NotFound { .. })));
    assert_eq!(reading_minutes(&"word ".repeat(401)), 3);
}

#[test]
fn a_bad_bundle_is_refused_with_a_reason() {
    let good = serde_json::to_vec(&bundle(1, vec![resource("a", "A", &[], "body")])).unwrap();
    assert!(LibraryBundle::parse(&good).is_ok());
    let mut dup = bundle(1, vec![resource("a", "A", &[], "body"), resource("a", "B", &[], "body")]);
    assert!(LibraryBundle::parse(&serde_json::to_vec(&dup).unwrap()).unwrap_err().to_string().contains("twice"));
    dup.items.truncate(1);
    dup.items[0].body = "  ".into();
    assert!(LibraryBundle::parse(&serde_json::to_vec(&dup).unwrap()).unwrap_err().to_string().contains("empty"));
    dup.format_version = 9;
    assert!(matches!(LibraryBundle::parse(&serde_json::to_vec(&dup).unwrap()), Err(Error::UnsupportedVersion { .. })));
    assert!(LibraryBundle::parse(b"{not json").is_err());
}

#[test]
fn policy_and_learning_log_validate_and_total() {
    use waymark_core::domain::policy::{PolicySection, PolicyTopic};
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let carer = v.create_profile("Sam Carer", Role::Carer, &pass("quiet harbour pebbles")).unwrap().0;
    let mut policy = SaferCaringPolicy {
        household: "The Ashdown household".into(),
        sections: vec![PolicySection { topic: PolicyTopic::Photos, text: "We ask before taking photos.".into() }],
        reviewed_on: Some("2026-11-01".into()),
        next_review_on: Some("2027-11-01".into()),
    };
    let rec = v.insert(&carer, RecordBody::SaferCaringPolicy(policy.clone())).unwrap();
    policy.sections.push(PolicySection { topic: PolicyTopic::Photos, text: "again".into() });
    assert!(matches!(v.update(&carer, rec.id, RecordBody::SaferCaringPolicy(policy.clone())), Err(Error::Invalid { .. })));
    policy.sections.pop();
    policy.next_review_on = Some("2025-01-01".into());
    assert!(v.update(&carer, rec.id, RecordBody::SaferCaringPolicy(policy)).is_err());
    assert_eq!(v.get(&carer, rec.id).unwrap().version, 1, "refused updates change nothing");

    let entries = [("2026-09-03", 90), ("2026-09-20", 30), ("2026-10-02", 60)];
    for (date, minutes) in entries {
        v.insert(&carer, RecordBody::LearningEntry(LearningEntry { date: date.into(), kind: LearningKind::Course, title: "Safer caring refresher".into(), minutes, resource_id: None, notes: None })).unwrap();
    }
    let bad = LearningEntry { date: "2026-13-01".into(), kind: LearningKind::Reading, title: "x".into(), minutes: 10, resource_id: None, notes: None };
    assert!(v.insert(&carer, RecordBody::LearningEntry(bad)).unwrap_err().to_string().contains("not a date"));
    let list: Vec<LearningEntry> = v.list(&carer, Some(RecordKind::LearningEntry)).unwrap().records.into_iter().map(|r| match r.body { RecordBody::LearningEntry(e) => e, _ => unreachable!() }).collect();
    let months = minutes_by_month(&list);
    assert_eq!(months.get("2026-09"), Some(&120));
    assert_eq!(months.get("2026-10"), Some(&60));
}

#[test]
fn the_question_set_is_whole_in_welsh_and_a_missing_translation_falls_back_to_english_visibly() {
    use waymark_core::domain::statement::QuestionSetTranslation;
    use waymark_core::Language;
    let set = QuestionSet::current();
    // The check that lists untranslated questions: none for the shipped Welsh.
    assert_eq!(set.untranslated(Language::Cy), Vec::<&str>::new());
    for t in QuestionSet::translations() {
        let own = QuestionSet::all().iter().find(|s| s.id == t.id && s.version == t.version).expect("translates a shipped set");
        for id in t.questions.keys() {
            assert!(own.questions.iter().any(|q| &q.id == id), "{} translates a question the set does not have: {id}", t.language.tag());
        }
    }
    let welsh = set.in_language(Language::Cy);
    assert_eq!(welsh.title, "Paratoi ar gyfer fy adolygiad");
    let place = welsh.questions.iter().find(|q| q.question.id == "where").unwrap();
    assert_eq!(place.prompt, "Ble hoffech chi i'ch cyfarfod fod?");
    // The answer keeps the set's own value; only the label is Welsh.
    assert_eq!(place.choices[0], ("At home".to_string(), "Gartref".to_string()));

    // A translation that lacks a question, or whose choices do not line up, leaves that question
    // in English and says so.
    let partial: QuestionSetTranslation = serde_json::from_str(
        r#"{"id":"review","version":1,"language":"cy","title":"Paratoi","questions":{
            "home":{"section":"Sut mae pethau'n mynd","prompt":"Sut mae pethau gartref?","hint":"Dewiswch wyneb."},
            "where":{"section":"Fy nghyfarfod","prompt":"Ble?","choices":["Gartref"]}}}"#,
    )
    .unwrap();
    let translations = [partial];
    let mixed = set.in_language_with(Language::Cy, &translations);
    let by_id = |id: &str| mixed.questions.iter().find(|q| q.question.id == id).unwrap().clone();
    assert_eq!((by_id("home").prompt.as_str(), by_id("home").language), ("Sut mae pethau gartref?", Language::Cy));
    assert_eq!((by_id("school").prompt.as_str(), by_id("school").language), ("How are things at school, college or work?", Language::EnGb));
    assert_eq!(by_id("where").language, Language::EnGb, "one label for five choices is not a translation");
}

#[test]
fn a_person_moves_a_statement_only_between_draft_and_ready_and_receipts_move_it_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let service = "Northvale Children's Services";
    let st = v.start_statement(&s, StatementKind::Worried).unwrap();
    v.save_words(&s, st.id, "I miss my brother".into()).unwrap();
    v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
    // Only sending and the service's receipts set these, whatever the front end asks.
    for status in [StatementStatus::Shared, StatementStatus::Received, StatementStatus::Read] {
        let before = v.get(&s, st.id).unwrap();
        assert!(matches!(v.set_statement_status(&s, st.id, status), Err(Error::InvalidTransition { .. })), "{status:?}");
        assert_eq!(v.get(&s, st.id).unwrap(), before, "a refused status changed nothing");
    }
    v.grant_consent(&s, ShareableKind::Statement, service).unwrap();
    v.share_record(&s, st.id, service).unwrap();
    // A receipt before sending changes nothing; so does one for a step already passed.
    let status = |v: &waymark_core::Vault| match v.get(&s, st.id).unwrap().body {
        RecordBody::Statement(x) => x.status(),
        _ => unreachable!(),
    };
    assert_eq!(v.record_service_receipt(&s, st.id, StatementStatus::Read).unwrap().version, v.get(&s, st.id).unwrap().version);
    assert_eq!(status(&v), StatementStatus::Ready, "not sent yet, so not received");
    let item = v.outbox(&s).unwrap().remove(0);
    v.complete_send(&s, &item, 3, None).unwrap();
    assert_eq!(status(&v), StatementStatus::Shared);
    // "Read" means received too: both steps are kept, in order.
    v.record_service_receipt(&s, st.id, StatementStatus::Read).unwrap();
    let RecordBody::Statement(done) = v.get(&s, st.id).unwrap().body else { panic!() };
    let steps: Vec<StatementStatus> = done.history.iter().map(|h| h.status).collect();
    assert_eq!(&steps[steps.len() - 2..], &[StatementStatus::Received, StatementStatus::Read]);
    let version = v.get(&s, st.id).unwrap().version;
    v.record_service_receipt(&s, st.id, StatementStatus::Received).unwrap();
    assert_eq!(v.get(&s, st.id).unwrap().version, version, "an older receipt writes nothing");
}

#[test]
fn what_a_worker_does_with_a_shared_statement_joins_its_timeline_once_with_their_name_and_role() {
    use waymark_core::domain::statement::{ResponseKind, WorkerResponse};
    use waymark_core::vocabulary::WorkerRole;
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let s = young_person(&mut v, "Robin");
    let st = v.start_statement(&s, StatementKind::NotSafe).unwrap();
    v.save_words(&s, st.id, "Someone keeps shouting at night".into()).unwrap();
    v.set_statement_status(&s, st.id, StatementStatus::Ready).unwrap();
    let said = |kind, words: Option<&str>, at| WorkerResponse {
        kind,
        worker_name: "Ade Mensah".into(),
        worker_role: WorkerRole::Duty,
        words: words.map(String::from),
        at: waymark_core::Timestamp(at),
    };
    // Nothing can be said about what was never sent.
    assert!(v.record_worker_response(&s, st.id, said(ResponseKind::Acknowledged, None, START)).is_err());
    v.grant_consent(&s, ShareableKind::Statement, "duty@aaaa").unwrap();
    v.share_record(&s, st.id, "duty@aaaa").unwrap();
    let item = v.outbox(&s).unwrap().remove(0);
    v.complete_send(&s, &item, 3, None).unwrap();

    assert!(v.record_worker_response(&s, st.id, said(ResponseKind::Acknowledged, None, START + 60)).unwrap());
    assert!(!v.record_worker_response(&s, st.id, said(ResponseKind::Acknowledged, None, START + 90)).unwrap(), "the same acknowledgement twice is kept once");
    // A reply says something; a receipt says nothing.
    assert!(v.record_worker_response(&s, st.id, said(ResponseKind::Replied, Some("  "), START + 120)).is_err());
    assert!(v.record_worker_response(&s, st.id, said(ResponseKind::Read, Some("hello"), START + 120)).is_err());
    assert!(v.record_worker_response(&s, st.id, said(ResponseKind::Replied, Some("I am coming round at 4pm today."), START + 120)).unwrap());
    let RecordBody::Statement(done) = v.get(&s, st.id).unwrap().body else { panic!() };
    let kinds: Vec<ResponseKind> = done.responses.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![ResponseKind::Acknowledged, ResponseKind::Replied]);
    assert_eq!(done.responses[1].worker_name, "Ade Mensah");
    // An acknowledgement means someone has it; a reply means they read it.
    let steps: Vec<StatementStatus> = done.history.iter().map(|h| h.status).collect();
    assert_eq!(&steps[steps.len() - 3..], &[StatementStatus::Shared, StatementStatus::Received, StatementStatus::Read]);
}

#[test]
fn only_a_kind_the_role_keeps_can_be_consented_to() {
    let dir = tempfile::tempdir().unwrap();
    let (mut v, _) = open(dir.path());
    let service = "Northvale Children's Services";
    let young = young_person(&mut v, "Robin");
    for kind in ShareableKind::ALL {
        let allowed = ShareableKind::for_role(Role::YoungPerson).contains(&kind);
        assert_eq!(v.grant_consent(&young, kind, service).is_ok(), allowed, "{kind:?} for a young person");
    }
    assert_eq!(v.consent_events(&young).unwrap().len(), 2, "only the two allowed were recorded");
    drop(young);
    let sam = v.create_profile("Sam", Role::Carer, &pass(PASS)).unwrap().0;
    assert!(matches!(v.grant_consent(&sam, ShareableKind::Statement, service), Err(Error::Invalid { .. })));
    v.grant_consent(&sam, ShareableKind::LearningEntry, service).unwrap();
    assert_eq!(ShareableKind::for_role(Role::Carer), &[ShareableKind::SaferCaringPolicy, ShareableKind::LearningEntry]);
}
