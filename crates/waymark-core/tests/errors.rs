//! Every error a person can meet is said from the catalogues, by code and values, in English and
//! in Welsh: each code, each reason a thing is refused and each name of what is refused has words
//! in both, every value reaches the words, and each choice inside a message has its own words
//! rather than falling through to a general one.

use waymark_core::domain::consent::ShareableKind;
use waymark_core::error::{Field, Format, ImportProblem, Problem, Thing};
use waymark_core::secret::{Passphrase, StrengthProblem};
use waymark_core::{Error, Language, RecordId, Role};
use waymark_i18n::catalogue;

/// One of every reason. The match below has no catch-all, so a new reason does not compile
/// until it is listed here (and so tested).
fn every_problem() -> Vec<Problem> {
    let all = vec![
        Problem::Empty,
        Problem::ControlCharacters,
        Problem::OneLine,
        Problem::TooManyItems { max: 500 },
        Problem::NotADate { given: "31/12/2026".into() },
        Problem::NotKnown { given: "klingon".into() },
        Problem::NotAnId { given: "not-an-id".into() },
        Problem::Between { min: 1, max: 5 },
        Problem::AtLeast { min: 1 },
        Problem::Twice { given: "school".into() },
        Problem::OnlyCharacters { allowed: "a-z 0-9 -" },
        Problem::HasSpace { given: "two words".into() },
        Problem::WrongRole { role: Role::Carer },
        Problem::WrongRole { role: Role::YoungPerson },
        Problem::NotA { expected: "statement" },
        Problem::NotA { expected: "pathway_note" },
        Problem::Unreadable,
        Problem::Unchangeable,
        Problem::OnlyDraftChanges,
        Problem::NotReady,
        Problem::NothingWritten,
        Problem::StartsWithDraft,
        Problem::Backwards,
        Problem::NeedsQuestionSet,
        Problem::QuestionsOnlyForReview,
        Problem::UnknownQuestionSet { given: "review-9".into(), version: 3 },
        Problem::NoSuchQuestion { given: "pets".into() },
        Problem::NotFaces { given: "school".into() },
        Problem::NotAChoice { given: "maybe".into() },
        Problem::NotShareable,
        Problem::NeedsLetters,
        Problem::TooManyFiles { given: "policy".into() },
        Problem::NeedsPathwayMatter { given: "goal-1".into() },
        Problem::NotAfterLastReview,
        Problem::NeedsPlan,
        Problem::NotNewer { version: 2, latest: 4 },
        Problem::LinksMissing { given: "who-to-call".into(), target: "nowhere".into() },
        Problem::SectionEmpty { given: "who-to-call".into(), heading: "Phones".into() },
        Problem::WrongFormat { given: "zip".into() },
        Problem::NotSigned,
        Problem::BadSignature,
        Problem::Expired,
        Problem::LastsTooLong { days: 400 },
        Problem::NoOriginal { given: "lost-page".into() },
        Problem::NeedsPassphrase,
    ];
    for p in &all {
        match p {
            Problem::Empty
            | Problem::ControlCharacters
            | Problem::OneLine
            | Problem::TooManyItems { .. }
            | Problem::NotADate { .. }
            | Problem::NotKnown { .. }
            | Problem::NotAnId { .. }
            | Problem::Between { .. }
            | Problem::AtLeast { .. }
            | Problem::Twice { .. }
            | Problem::OnlyCharacters { .. }
            | Problem::HasSpace { .. }
            | Problem::WrongRole { .. }
            | Problem::NotA { .. }
            | Problem::Unreadable
            | Problem::Unchangeable
            | Problem::OnlyDraftChanges
            | Problem::NotReady
            | Problem::NothingWritten
            | Problem::StartsWithDraft
            | Problem::Backwards
            | Problem::NeedsQuestionSet
            | Problem::QuestionsOnlyForReview
            | Problem::UnknownQuestionSet { .. }
            | Problem::NoSuchQuestion { .. }
            | Problem::NotFaces { .. }
            | Problem::NotAChoice { .. }
            | Problem::NotShareable
            | Problem::NeedsLetters
            | Problem::TooManyFiles { .. }
            | Problem::NeedsPathwayMatter { .. }
            | Problem::NotAfterLastReview
            | Problem::NeedsPlan
            | Problem::NotNewer { .. }
            | Problem::LinksMissing { .. }
            | Problem::SectionEmpty { .. }
            | Problem::WrongFormat { .. }
            | Problem::NotSigned
            | Problem::BadSignature
            | Problem::Expired
            | Problem::LastsTooLong { .. }
            | Problem::NoOriginal { .. }
            | Problem::NeedsPassphrase => {}
        }
    }
    all
}

fn every_error() -> Vec<Error> {
    let mut all = vec![
        Error::WrongPassphrase,
        Error::TooManyAttempts { retry_after_secs: 30 },
        Error::WrongRecoveryCode,
        Error::WeakPassphrase(StrengthProblem::TooShort),
        Error::WeakPassphrase(StrengthProblem::Repetitive),
        Error::WeakPassphrase(StrengthProblem::Common { word: "password".into() }),
        Error::WeakPassphrase(StrengthProblem::Untypable),
        Error::ProfileNotFound("Robin".into()),
        Error::ProfileNameTaken("Robin".into()),
        Error::Integrity { record_id: RecordId::parse("6f9619ff-8b86-4011-b42d-00cf4fc964ff").unwrap() },
        Error::DamagedKey,
        Error::KdfBelowFloor,
        Error::VaultChanged,
        Error::TooLong { field: Field::Title, max: 200, actual: 254 },
        Error::UnknownKind("diary".into()),
        Error::InvalidTransition { from: "shared".into(), to: "draft".into() },
        Error::Storage(rusqlite::Error::InvalidQuery),
        Error::Io(std::io::Error::other("disk full")),
    ];
    all.extend([Thing::Record, Thing::Resource, Thing::PlanVersion].map(|thing| Error::NotFound { thing, given: "7".into() }));
    all.extend(ShareableKind::ALL.map(|kind| Error::NoConsent { kind, recipient: "Riverside Fostering".into() }));
    all.extend(
        [Format::Export, Format::Settings, Format::Vault, Format::KeyWrap, Format::ServiceConnection, Format::LibraryBundle]
            .map(|what| Error::UnsupportedVersion { what, found: 9, supported: 2 }),
    );
    all.extend(
        [
            ImportProblem::TooBig { megabytes: 300, max_megabytes: 200 },
            ImportProblem::NotJson,
            ImportProblem::NotAnExport,
            ImportProblem::NoVersion,
            ImportProblem::Unreadable,
            ImportProblem::TooManyRecords { max: 100_000 },
            ImportProblem::BadRecord { number: 12 },
            ImportProblem::RepeatedId { number: 13 },
        ]
        .map(Error::MalformedImport),
    );
    all.extend(every_problem().into_iter().map(|problem| Error::Invalid { field: Field::Answer, problem }));
    all
}

/// Values that are codes: they pick a variant of a message (or, for a statement's `from` and
/// `to` states, are kept for logs) rather than being shown.
const CODES: [&str; 9] = ["problem", "thing", "kind", "what", "expected", "role", "field", "from", "to"];

#[test]
fn every_error_has_words_in_english_and_welsh_that_show_each_value() {
    for e in every_error() {
        for language in Language::ALL {
            assert!(catalogue().has(language, &e.message_id()), "{} has no {}", language.tag(), e.message_id());
            let words = e.words(language);
            assert!(!words.contains('{') && !words.contains("error-") && !words.contains("invalid-"), "{}: {words}", e.message_id());
            for (name, value) in e.values() {
                if !CODES.contains(&name) && !value.is_empty() {
                    assert!(words.contains(&value), "{} in {} leaves out ${name} ({value}): {words}", e.message_id(), language.tag());
                }
            }
        }
    }
}

#[test]
fn each_choice_inside_a_message_has_its_own_words() {
    let groups: [Vec<Error>; 4] = [
        [Thing::Record, Thing::Resource, Thing::PlanVersion].map(|thing| Error::NotFound { thing, given: "7".into() }).into(),
        ShareableKind::ALL.map(|kind| Error::NoConsent { kind, recipient: "Riverside".into() }).into(),
        [Format::Export, Format::Settings, Format::Vault, Format::KeyWrap, Format::ServiceConnection, Format::LibraryBundle]
            .map(|what| Error::UnsupportedVersion { what, found: 9, supported: 2 })
            .into(),
        [ImportProblem::NotJson, ImportProblem::NotAnExport, ImportProblem::NoVersion, ImportProblem::Unreadable]
            .map(Error::MalformedImport)
            .into(),
    ];
    for group in groups {
        for language in Language::ALL {
            let mut said: Vec<String> = group.iter().map(|e| e.words(language)).collect();
            said.sort();
            said.dedup();
            assert_eq!(said.len(), group.len(), "{} says two of these the same way: {said:?}", language.tag());
        }
    }
    for language in Language::ALL {
        let roles = [Role::Carer, Role::YoungPerson]
            .map(|role| Error::Invalid { field: Field::Profile, problem: Problem::WrongRole { role } }.words(language));
        assert_ne!(roles[0], roles[1]);
    }
}

#[test]
fn every_field_has_a_name_in_each_language() {
    for field in Field::ALL {
        for language in Language::ALL {
            assert!(catalogue().has(language, &format!("field-{}", field.code())), "{} has no name for {:?}", language.tag(), field);
        }
    }
    let mut codes: Vec<_> = Field::ALL.iter().map(|f| f.code()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), Field::ALL.len(), "two fields share a code");
}

#[test]
fn a_refusal_names_the_field_in_the_language_of_the_sentence() {
    let e = Error::Invalid { field: Field::Title, problem: Problem::Empty };
    assert_eq!(e.to_string(), "Title: this cannot be empty.");
    assert_eq!(e.values(), vec![("field", "title".to_string()), ("problem", "empty".to_string())]);
    let welsh = e.words(Language::Cy);
    assert!(welsh.starts_with(&Field::Title.words(Language::Cy)), "{welsh}");
    assert_ne!(welsh, e.to_string());
    // Counts choose the plural form.
    let long = Error::TooLong { field: Field::Name, max: 60, actual: 61 };
    assert_eq!(long.to_string(), "Name: this is too long. It can have at most 60 characters, and it has 61.");
}

#[test]
fn the_strength_meter_and_the_refusal_agree_on_the_reason() {
    let weak = Passphrase::new("password12".into());
    let problem = weak.strength().problem.expect("refused");
    assert_eq!(problem, StrengthProblem::Common { word: "password".into() });
    assert_eq!(problem.words(Language::Cy), Error::WeakPassphrase(problem.clone()).words(Language::Cy));
    assert_eq!(
        Error::WeakPassphrase(StrengthProblem::TooShort).words(Language::Cy),
        "Mae'r cyfrinymadrodd yna'n rhy hawdd ei ddyfalu: defnyddiwch o leiaf 10 nod. Mae tri gair ar hap yn gweithio'n dda."
    );
}
