//! Statements: getting ready for a review, and the five things a young person can say between
//! reviews. Review questions come from a versioned question set held as data
//! (`data/questions/*.json`), so wording can change without changing code, and an answered
//! statement always knows which questions it answered.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::{Error, Field, Problem, Result};
use crate::validate;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    ReviewPreparation,
    Worried,
    GoodNews,
    ChangeSomething,
    ServiceFeedback,
    NotSafe,
}

impl StatementKind {
    pub const ALL: [StatementKind; 6] = [
        StatementKind::ReviewPreparation,
        StatementKind::Worried,
        StatementKind::GoodNews,
        StatementKind::ChangeSomething,
        StatementKind::ServiceFeedback,
        StatementKind::NotSafe,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::ReviewPreparation => "review_preparation",
            StatementKind::Worried => "worried",
            StatementKind::GoodNews => "good_news",
            StatementKind::ChangeSomething => "change_something",
            StatementKind::ServiceFeedback => "service_feedback",
            StatementKind::NotSafe => "not_safe",
        }
    }

    pub fn parse(text: &str) -> Result<StatementKind> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        StatementKind::ALL.into_iter().find(|k| k.as_str() == t).ok_or_else(|| {
            Error::invalid(Field::StatementKind, Problem::NotKnown { given: validate::clip(text) })
        })
    }

    /// "I don't feel safe" is always marked urgent when sent.
    pub fn is_urgent(self) -> bool {
        self == StatementKind::NotSafe
    }
}

/// Someone to call now. Shown with "I don't feel safe", and it must work offline, so it lives
/// here. Its name and a line about it are in the catalogues, under `helpline-<id>` and
/// `helpline-<id>-note`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Helpline {
    pub id: &'static str,
    pub number: &'static str,
}

impl Helpline {
    pub fn name(&self, language: waymark_i18n::Language) -> String {
        waymark_i18n::text(language, &format!("helpline-{}", self.id))
    }

    pub fn note(&self, language: waymark_i18n::Language) -> String {
        waymark_i18n::text(language, &format!("helpline-{}-note", self.id))
    }
}

pub const HELPLINES: &[Helpline] = &[Helpline { id: "childline", number: "0800 1111" }, Helpline { id: "emergency", number: "999" }];

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementStatus {
    Draft,
    Ready,
    Shared,
    Received,
    Read,
}

impl StatementStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementStatus::Draft => "draft",
            StatementStatus::Ready => "ready",
            StatementStatus::Shared => "shared",
            StatementStatus::Received => "received",
            StatementStatus::Read => "read",
        }
    }

    pub fn parse(text: &str) -> Result<Self> {
        Ok(match text.trim().to_ascii_lowercase().as_str() {
            "draft" => StatementStatus::Draft,
            "ready" => StatementStatus::Ready,
            "shared" => StatementStatus::Shared,
            "received" => StatementStatus::Received,
            "read" => StatementStatus::Read,
            other => {
                return Err(Error::invalid(Field::Status, Problem::NotKnown { given: validate::clip(other) }))
            }
        })
    }

    /// The allowed moves: forwards one step at a time, or from ready back to draft to edit again.
    pub fn can_become(self, next: StatementStatus) -> bool {
        use StatementStatus::*;
        matches!(
            (self, next),
            (Draft, Ready) | (Ready, Draft) | (Ready, Shared) | (Shared, Received) | (Received, Read)
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: StatementStatus,
    pub at: Timestamp,
}

/// What one of the person's workers did with a shared statement.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    /// Their laptop took it.
    Received,
    Read,
    /// They acknowledged an urgent alert: someone is dealing with it.
    Acknowledged,
    Replied,
}

/// One step of a shared statement's timeline that a worker took, as their laptop signed it. The
/// name and role come from the organisation's verified roster, never from what the server says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerResponse {
    pub kind: ResponseKind,
    pub worker_name: String,
    pub worker_role: crate::vocabulary::WorkerRole,
    /// What they wrote back (a reply only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    pub at: Timestamp,
}

/// How many worker responses one statement keeps (a long conversation belongs elsewhere).
pub const MAX_RESPONSES: usize = 200;

/// One answer to one question. A face is 1 (very unhappy) to 5 (very happy).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub question_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub face: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionSetRef {
    pub id: String,
    pub version: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub kind: StatementKind,
    /// Set for review preparation: the question set the answers belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_set: Option<QuestionSetRef>,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// What was said, for the between-review kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
    /// Every status the statement has had, oldest first; the last is the current one.
    pub history: Vec<StatusChange>,
    /// What the person's workers did with it once shared, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<WorkerResponse>,
    /// The workers' laptops it was sealed to (roster device ids): only they may answer it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sealed_to: Vec<uuid::Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Statement {
    pub fn new(kind: StatementKind, now: Timestamp) -> Self {
        let question_set = (kind == StatementKind::ReviewPreparation).then(|| {
            let q = QuestionSet::current();
            QuestionSetRef { id: q.id.clone(), version: q.version }
        });
        Statement {
            kind,
            question_set,
            answers: Vec::new(),
            words: None,
            history: vec![StatusChange { status: StatementStatus::Draft, at: now }],
            responses: Vec::new(),
            sealed_to: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    pub fn status(&self) -> StatementStatus {
        self.history.last().map(|c| c.status).unwrap_or(StatementStatus::Draft)
    }

    /// Moves to `next`, recording when.
    pub fn set_status(&mut self, next: StatementStatus, now: Timestamp) -> Result<()> {
        let from = self.status();
        if !from.can_become(next) {
            return Err(Error::InvalidTransition { from: from.as_str().into(), to: next.as_str().into() });
        }
        if next == StatementStatus::Ready {
            self.check_has_content()?;
        }
        self.history.push(StatusChange { status: next, at: now });
        self.updated_at = now;
        Ok(())
    }

    /// Adds what a worker did, once: a second receipt of the same kind from the same worker, or
    /// the same reply again, changes nothing. Replies need words; nothing else carries any. Says
    /// whether it was added.
    pub fn add_response(&mut self, response: WorkerResponse) -> Result<bool> {
        if self.status() < StatementStatus::Shared {
            return Err(Error::invalid(Field::Statement, Problem::NotReady));
        }
        let has_words = response.words.as_deref().is_some_and(|w| !w.trim().is_empty());
        if has_words != (response.kind == ResponseKind::Replied) {
            return Err(Error::invalid(Field::Words, Problem::NothingWritten));
        }
        validate::required_text(Field::Name, &response.worker_name, validate::SHORT_TEXT)?;
        validate::optional_text(Field::Words, &response.words, validate::LONG_TEXT)?;
        let seen = self.responses.iter().any(|r| {
            r.kind == response.kind
                && r.worker_name == response.worker_name
                && r.worker_role == response.worker_role
                && (r.kind != ResponseKind::Replied || (r.words == response.words && r.at == response.at))
        });
        if seen {
            return Ok(false);
        }
        if self.responses.len() >= MAX_RESPONSES {
            return Err(Error::invalid(Field::Statement, Problem::TooManyItems { max: MAX_RESPONSES }));
        }
        self.responses.push(response);
        Ok(true)
    }

    fn check_has_content(&self) -> Result<()> {
        let has_words = self.words.as_deref().is_some_and(|w| !w.trim().is_empty());
        if self.answers.is_empty() && !has_words {
            return Err(Error::invalid(Field::Statement, Problem::NothingWritten));
        }
        Ok(())
    }

    fn check_editable(&self) -> Result<()> {
        if self.status() != StatementStatus::Draft {
            return Err(Error::invalid(Field::Statement, Problem::OnlyDraftChanges));
        }
        Ok(())
    }

    /// Saves one answer, replacing any earlier answer to the same question.
    pub fn put_answer(&mut self, answer: Answer, now: Timestamp) -> Result<()> {
        self.check_editable()?;
        match self.answers.iter_mut().find(|a| a.question_id == answer.question_id) {
            Some(existing) => *existing = answer,
            None => self.answers.push(answer),
        }
        self.updated_at = now;
        self.validate()
    }

    pub fn put_words(&mut self, words: String, now: Timestamp) -> Result<()> {
        self.check_editable()?;
        self.words = Some(words);
        self.updated_at = now;
        self.validate()
    }

    pub fn validate(&self) -> Result<()> {
        validate::optional_text(Field::Words, &self.words, validate::LONG_TEXT)?;
        validate::list_len(Field::Answers, &self.answers)?;
        validate::list_len(Field::StatusHistory, &self.sealed_to)?;
        if self.history.is_empty() || self.history[0].status != StatementStatus::Draft {
            return Err(Error::invalid(Field::StatusHistory, Problem::StartsWithDraft));
        }
        for pair in self.history.windows(2) {
            if !pair[0].status.can_become(pair[1].status) {
                return Err(Error::InvalidTransition {
                    from: pair[0].status.as_str().into(),
                    to: pair[1].status.as_str().into(),
                });
            }
            if pair[1].at < pair[0].at {
                return Err(Error::invalid(Field::StatusHistory, Problem::Backwards));
            }
        }
        match (&self.kind, &self.question_set) {
            (StatementKind::ReviewPreparation, Some(set_ref)) => {
                let set = QuestionSet::find(set_ref)?;
                let mut seen = std::collections::HashSet::new();
                for a in &self.answers {
                    if !seen.insert(a.question_id.as_str()) {
                        return Err(Error::invalid(Field::Answers, Problem::Twice { given: validate::clip(&a.question_id) }));
                    }
                    set.check_answer(a)?;
                }
            }
            (StatementKind::ReviewPreparation, None) => {
                return Err(Error::invalid(Field::QuestionSet, Problem::NeedsQuestionSet));
            }
            (_, Some(_)) => {
                return Err(Error::invalid(Field::QuestionSet, Problem::QuestionsOnlyForReview));
            }
            (_, None) => {
                if !self.answers.is_empty() {
                    return Err(Error::invalid(Field::Answers, Problem::QuestionsOnlyForReview));
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Face,
    Words,
    Choice,
}

impl QuestionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuestionKind::Face => "face",
            QuestionKind::Words => "words",
            QuestionKind::Choice => "choice",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub section: String,
    pub kind: QuestionKind,
    pub prompt: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub choices: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QuestionSet {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub questions: Vec<Question>,
}

static QUESTION_SETS: OnceLock<Vec<QuestionSet>> = OnceLock::new();

/// A question set's words in another language: by question id, its section, prompt, hint and
/// the labels of its choices, in the same order as the set's own. Answers keep the set's own
/// choice values, so a person can change language without changing what they answered.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSetTranslation {
    pub id: String,
    pub version: u32,
    pub language: waymark_i18n::Language,
    pub title: String,
    pub questions: std::collections::BTreeMap<String, QuestionTranslation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionTranslation {
    pub section: String,
    pub prompt: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub choices: Vec<String>,
}

static TRANSLATIONS: OnceLock<Vec<QuestionSetTranslation>> = OnceLock::new();

/// Files built into Waymark from `data/questions/`. They are checked by the tests, so a bad one is
/// a build mistake, not something a person can cause.
fn shipped<T: serde::de::DeserializeOwned>(texts: &[&str]) -> Vec<T> {
    texts.iter().map(|text| serde_json::from_str(text).expect("shipped question files are valid")).collect()
}

/// A question as a person sees it: in their language where translated, else the set's own
/// English words, marked with the language they are really in so the screen can say so.
#[derive(Debug, Clone)]
pub struct LocalQuestion<'a> {
    pub question: &'a Question,
    pub section: String,
    pub prompt: String,
    pub hint: Option<String>,
    /// (value kept in the answer, label shown)
    pub choices: Vec<(String, String)>,
    pub language: waymark_i18n::Language,
}

#[derive(Debug, Clone)]
pub struct LocalQuestionSet<'a> {
    pub set: &'a QuestionSet,
    pub title: String,
    pub questions: Vec<LocalQuestion<'a>>,
}

impl QuestionSet {
    /// Every question set this build knows, oldest first. Old sets stay so old answers still validate.
    pub fn all() -> &'static [QuestionSet] {
        QUESTION_SETS.get_or_init(|| shipped(&[include_str!("../../data/questions/review-1.json")]))
    }

    /// The shipped translations of every set.
    pub fn translations() -> &'static [QuestionSetTranslation] {
        TRANSLATIONS.get_or_init(|| shipped(&[include_str!("../../data/questions/review-1.cy.json")]))
    }

    /// This set in `language`, question by question. A question with no translation, or one
    /// whose choices do not match the set's, falls back to the set's own words.
    pub fn in_language(&'static self, language: waymark_i18n::Language) -> LocalQuestionSet<'static> {
        self.in_language_with(language, Self::translations())
    }

    /// [`QuestionSet::in_language`] with the translations given (tests pass partial ones).
    pub fn in_language_with<'a>(&'a self, language: waymark_i18n::Language, translations: &'a [QuestionSetTranslation]) -> LocalQuestionSet<'a> {
        let translation =
            translations.iter().find(|t| t.id == self.id && t.version == self.version && t.language == language);
        let questions = self
            .questions
            .iter()
            .map(|q| {
                let own = |q: &'a Question| LocalQuestion {
                    question: q,
                    section: q.section.clone(),
                    prompt: q.prompt.clone(),
                    hint: q.hint.clone(),
                    choices: q.choices.iter().map(|c| (c.clone(), c.clone())).collect(),
                    language: waymark_i18n::Language::EnGb,
                };
                match translation.and_then(|t| t.questions.get(&q.id)) {
                    Some(t) if t.choices.len() == q.choices.len() && (q.hint.is_none() || t.hint.is_some()) => LocalQuestion {
                        question: q,
                        section: t.section.clone(),
                        prompt: t.prompt.clone(),
                        hint: t.hint.clone(),
                        choices: q.choices.iter().cloned().zip(t.choices.iter().cloned()).collect(),
                        language,
                    },
                    _ => own(q),
                }
            })
            .collect();
        LocalQuestionSet { set: self, title: translation.map_or_else(|| self.title.clone(), |t| t.title.clone()), questions }
    }

    /// The questions of this set that `language` has no (usable) words for: the check that
    /// lists what still falls back to English.
    pub fn untranslated(&'static self, language: waymark_i18n::Language) -> Vec<&'static str> {
        if language == waymark_i18n::Language::EnGb {
            return Vec::new();
        }
        self.in_language(language).questions.iter().filter(|q| q.language != language).map(|q| q.question.id.as_str()).collect()
    }

    pub fn current() -> &'static QuestionSet {
        Self::all().last().expect("at least one question set ships")
    }

    pub fn find(r: &QuestionSetRef) -> Result<&'static QuestionSet> {
        Self::all().iter().find(|s| s.id == r.id && s.version == r.version).ok_or_else(|| {
            Error::invalid(Field::QuestionSet, Problem::UnknownQuestionSet { given: validate::clip(&r.id), version: r.version })
        })
    }

    pub fn check_answer(&self, a: &Answer) -> Result<()> {
        let q = self.questions.iter().find(|q| q.id == a.question_id).ok_or_else(|| {
            Error::invalid(Field::Answer, Problem::NoSuchQuestion { given: validate::clip(&a.question_id) })
        })?;
        validate::optional_text(Field::Words, &a.words, validate::LONG_TEXT)?;
        if let Some(face) = a.face {
            if q.kind != QuestionKind::Face {
                return Err(Error::invalid(Field::Answer, Problem::NotFaces { given: q.id.clone() }));
            }
            if !(1..=5).contains(&face) {
                return Err(Error::invalid(Field::Face, Problem::Between { min: 1, max: 5 }));
            }
        }
        if let Some(choice) = &a.choice {
            if !q.choices.iter().any(|c| c == choice) {
                return Err(Error::invalid(Field::Choice, Problem::NotAChoice { given: validate::clip(choice) }));
            }
        }
        Ok(())
    }
}

