//! What goes into a case record (the PDF a worker saves for their council's case-management
//! system): for each item a person shared, its kind, when it came, when the worker read and
//! acknowledged it, what the person wrote (each review question in words, the face as its words
//! and number), the worker's replies, and who it was sealed to; then how the signatures were
//! checked. Items that failed the checks on arrival never go in. The layout is
//! `waymark-case-record`'s; the words are the catalogues' (`documents.ftl`), in the worker's
//! language.

use uuid::Uuid;
use waymark_case_record::{CaseRecord, Entry};
use waymark_core::domain::shared::SharedItem;
use waymark_core::domain::statement::QuestionSet;
use waymark_core::domain::RecordBody;
use waymark_core::vocabulary::WorkerRole;
use waymark_core::{Language, Timestamp};
use waymark_i18n::{text, text_with};
use waymark_sync::roster::RosterState;

/// Who the record is made by and for, and where.
pub(crate) struct Made<'a> {
    pub who: &'a str,
    pub person: Option<Uuid>,
    pub worker_name: &'a str,
    pub worker_role: WorkerRole,
    pub organisation: &'a str,
    pub my_device: Uuid,
    pub language: Language,
    pub now: Timestamp,
}

/// A moment as a case record writes it: unambiguous in any language.
pub(crate) fn moment(t: Timestamp) -> String {
    let s = t.to_rfc3339();
    format!("{} {}", &s[..10], &s[11..16])
}

fn say(language: Language, id: &str, values: &[(&str, String)]) -> String {
    let values: Vec<(&str, waymark_i18n::FluentValue<'_>)> = values.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    text_with(language, id, &values)
}

pub(crate) fn role_words(language: Language, role: WorkerRole) -> String {
    text(language, &format!("case-record-role-{}", role.as_str()))
}

/// The record for `items` (in the order given), made as `made` says.
pub(crate) fn build(items: &[&SharedItem], made: &Made<'_>, roster: Option<&RosterState>) -> CaseRecord {
    let l = made.language;
    let mut subtitle = Vec::new();
    if let Some(p) = made.person {
        subtitle.push(say(l, "case-record-person-id", &[("id", p.to_string()), ("organisation", made.organisation.to_string())]));
    }
    subtitle.push(say(
        l,
        "case-record-made",
        &[("when", moment(made.now)), ("name", made.worker_name.to_string()), ("role", role_words(l, made.worker_role))],
    ));
    subtitle.push(text(l, "case-record-times"));
    let entries: Vec<Entry> = items.iter().filter(|i| i.refused.is_none()).filter_map(|i| entry(i, made, roster)).collect();
    let mut closing = Vec::new();
    if entries.is_empty() {
        closing.push(text(l, "case-record-empty"));
    }
    closing.push(say(l, "case-record-signatures", &[("organisation", made.organisation.to_string())]));
    CaseRecord {
        title: say(l, "case-record-title", &[("who", made.who.to_string())]),
        subtitle,
        entries,
        closing,
        language: l.tag().to_string(),
    }
}

fn entry(item: &SharedItem, made: &Made<'_>, roster: Option<&RosterState>) -> Option<Entry> {
    let l = made.language;
    let record = crate::worker::record_of(item)?;
    let not_yet = || text(l, "case-record-not-yet");
    let mut heading = text(l, &format!("case-record-kind-{}", item.record_kind));
    let mut facts = Vec::new();
    let mut paragraphs: Vec<(String, String)> = Vec::new();
    match &record.body {
        RecordBody::Statement(st) => {
            heading = format!("{heading}: {}", text(l, &format!("kind-{}", st.kind.as_str())));
            facts.push((text(l, "case-record-written"), moment(st.updated_at)));
            if st.question_set.is_some() {
                let local = QuestionSet::current().in_language(l);
                for a in &st.answers {
                    let q = local.questions.iter().find(|q| q.question.id == a.question_id);
                    let prompt = q.map_or(a.question_id.clone(), |q| q.prompt.clone());
                    let mut said = Vec::new();
                    if let Some(face) = a.face {
                        said.push(say(l, "case-record-face", &[("face", text(l, &format!("face-{face}"))), ("value", face.to_string())]));
                    }
                    if let Some(choice) = &a.choice {
                        said.push(q.and_then(|q| q.choices.iter().find(|(v, _)| v == choice).map(|(_, label)| label.clone())).unwrap_or(choice.clone()));
                    }
                    said.extend(a.words.clone());
                    paragraphs.push((prompt, said.join("\n")));
                }
            }
            if let Some(words) = &st.words {
                paragraphs.push((text(l, "case-record-their-words"), words.clone()));
            }
        }
        RecordBody::PathwayNote(n) => {
            if let Some(m) = n.matter {
                // A matter's catalogue id is its name on the wire (`matter-education_or_training`).
                let name = serde_json::to_value(m).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
                heading = format!("{heading}: {}", text(l, &format!("matter-{name}")));
            }
            facts.push((text(l, "case-record-written"), moment(n.written_at)));
            let mut words = n.text.clone();
            if let Some(p) = n.progress {
                words.push('\n');
                words.push_str(&say(l, "case-record-progress", &[("progress", p.to_string())]));
            }
            paragraphs.push((text(l, "case-record-their-words"), words));
        }
        RecordBody::SaferCaringPolicy(p) => {
            heading = format!("{heading}: {}", p.household);
            for s in &p.sections {
                paragraphs.push((s.topic.heading(l), s.text.clone()));
            }
        }
        RecordBody::LearningEntry(e) => {
            let line = say(l, "case-record-learning", &[("title", e.title.clone()), ("date", e.date.clone()), ("minutes", e.minutes.to_string())]);
            paragraphs.push((text(l, "case-record-their-words"), [Some(line), e.notes.clone()].into_iter().flatten().collect::<Vec<_>>().join("\n")));
        }
        _ => return None,
    }
    if item.urgent {
        facts.insert(0, (text(l, "case-record-urgent"), String::new()));
    }
    facts.push((text(l, "case-record-received"), moment(item.received_at)));
    facts.push((text(l, "case-record-read"), item.read_at.map_or_else(not_yet, moment)));
    if item.urgent || item.acknowledged_at.is_some() {
        facts.push((text(l, "case-record-acknowledged"), item.acknowledged_at.map_or_else(not_yet, moment)));
    }
    let readers: Vec<String> = item
        .readers
        .iter()
        .map(|d| {
            if *d == made.my_device {
                return text(l, "case-record-reader-me");
            }
            let worker = roster.and_then(|r| r.worker_of_device(*d)).and_then(|w| roster?.worker(w));
            worker.map_or_else(|| text(l, "case-record-reader-other"), |w| format!("{} ({})", w.name, role_words(l, w.role)))
        })
        .collect();
    facts.push((text(l, "case-record-readers"), readers.join(", ")));
    for r in &item.replies {
        paragraphs.push((say(l, "case-record-reply", &[("name", made.worker_name.to_string()), ("when", moment(r.at))]), r.words.clone()));
    }
    Some(Entry { heading, facts, paragraphs })
}
