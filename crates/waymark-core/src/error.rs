//! The one error type of the core. Every variant has a stable [`Error::code`] for programs (the
//! desktop shell sends it across IPC), language-neutral [`Error::values`] (names, ids and
//! numbers, never words), and words in any language from `locales/*/errors.ftl`
//! ([`Error::words`]). Its `Display` is the English words, for logs and the command line.
//!
//! No English sentence is written here: a refusal names *what* it is about ([`Field`]) and
//! *why* ([`Problem`]), and the catalogue says it. The one exception is [`Error::Content`],
//! which only Waymark's own content authors see when checking the Markdown in `content/`.

use std::fmt;

use waymark_i18n::{FluentValue, Language};

use crate::ids::RecordId;
use crate::vocabulary::{Role, ShareableKind, StrengthProblem};

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug)]
pub enum Error {
    WrongPassphrase,
    TooManyAttempts { retry_after_secs: i64 },
    WrongRecoveryCode,
    WeakPassphrase(StrengthProblem),
    ProfileNotFound(String),
    ProfileNameTaken(String),
    /// A record that fails its authentication check: changed or damaged on disk.
    Integrity { record_id: RecordId },
    DamagedKey,
    KdfBelowFloor,
    NotFound { thing: Thing, given: String },
    Invalid { field: Field, problem: Problem },
    TooLong { field: Field, max: usize, actual: usize },
    UnknownKind(String),
    /// Status codes (`draft`, `ready`...), kept for logs.
    InvalidTransition { from: String, to: String },
    NoConsent { kind: ShareableKind, recipient: String },
    /// Something in the vault's folder was changed while Waymark was closed, and what decides
    /// sending (consent, the sharing ledger, the outbox) cannot be proved: nothing is sent.
    VaultChanged,
    UnsupportedVersion { what: Format, found: u32, supported: u32 },
    MalformedImport(ImportProblem),
    /// A mistake in Waymark's own library Markdown, for its authors (English only: this is
    /// build tooling, and the app only ever loads a library that passed these checks).
    Content(String),
    Storage(rusqlite::Error),
    Io(std::io::Error),
}

/// What a refusal is about. Its message is `field-<code>` in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Passphrase,
    NewPassphrase,
    RecoveryCode,
    Role,
    Language,
    Profile,
    Kind,
    Record,
    Settings,
    LockAfter,
    FileName,
    StatementKind,
    Status,
    Statement,
    StatusHistory,
    Answers,
    Answer,
    QuestionSet,
    Face,
    Choice,
    Words,
    Title,
    Summary,
    Body,
    ResourceId,
    Tags,
    Tag,
    LastReviewed,
    Source,
    LibraryBundle,
    Resource,
    LibraryUpdate,
    PlanTitle,
    PlanSummary,
    PlanVersion,
    GoalId,
    Goal,
    ActionId,
    Action,
    WhoDoesIt,
    DueDate,
    Goals,
    Actions,
    Note,
    Progress,
    Date,
    Time,
    HouseholdName,
    Sections,
    NextReview,
    EffectiveFrom,
    ReviewedOn,
    Recipient,
    Sequence,
    Receipt,
    Search,
    ServiceName,
    By,
    Notes,
    Version,
    InviteCode,
    Question,
    Id,
    DeviceCode,
}

impl Field {
    pub const ALL: [Field; 65] = [
        Field::Name, Field::Passphrase, Field::NewPassphrase, Field::RecoveryCode, Field::Role, Field::Language,
        Field::Profile, Field::Kind, Field::Record, Field::Settings, Field::LockAfter, Field::FileName,
        Field::StatementKind, Field::Status, Field::Statement, Field::StatusHistory, Field::Answers, Field::Answer,
        Field::QuestionSet, Field::Face, Field::Choice, Field::Words, Field::Title, Field::Summary, Field::Body,
        Field::ResourceId, Field::Tags, Field::Tag, Field::LastReviewed, Field::Source, Field::LibraryBundle,
        Field::Resource, Field::LibraryUpdate, Field::PlanTitle, Field::PlanSummary, Field::PlanVersion, Field::GoalId,
        Field::Goal, Field::ActionId, Field::Action, Field::WhoDoesIt, Field::DueDate, Field::Goals, Field::Actions,
        Field::Note, Field::Progress, Field::Date, Field::Time, Field::HouseholdName, Field::Sections, Field::NextReview,
        Field::EffectiveFrom, Field::ReviewedOn, Field::Recipient, Field::Sequence, Field::Receipt, Field::Search,
        Field::ServiceName, Field::By, Field::Notes, Field::Version, Field::InviteCode, Field::Question, Field::Id,
        Field::DeviceCode,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Passphrase => "passphrase",
            Field::NewPassphrase => "new_passphrase",
            Field::RecoveryCode => "recovery_code",
            Field::Role => "role",
            Field::Language => "language",
            Field::Profile => "profile",
            Field::Kind => "kind",
            Field::Record => "record",
            Field::Settings => "settings",
            Field::LockAfter => "lock_after",
            Field::FileName => "file_name",
            Field::StatementKind => "statement_kind",
            Field::Status => "status",
            Field::Statement => "statement",
            Field::StatusHistory => "status_history",
            Field::Answers => "answers",
            Field::Answer => "answer",
            Field::QuestionSet => "question_set",
            Field::Face => "face",
            Field::Choice => "choice",
            Field::Words => "words",
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Body => "body",
            Field::ResourceId => "resource_id",
            Field::Tags => "tags",
            Field::Tag => "tag",
            Field::LastReviewed => "last_reviewed",
            Field::Source => "source",
            Field::LibraryBundle => "library_bundle",
            Field::Resource => "resource",
            Field::LibraryUpdate => "library_update",
            Field::PlanTitle => "plan_title",
            Field::PlanSummary => "plan_summary",
            Field::PlanVersion => "plan_version",
            Field::GoalId => "goal_id",
            Field::Goal => "goal",
            Field::ActionId => "action_id",
            Field::Action => "action",
            Field::WhoDoesIt => "who_does_it",
            Field::DueDate => "due_date",
            Field::Goals => "goals",
            Field::Actions => "actions",
            Field::Note => "note",
            Field::Progress => "progress",
            Field::Date => "date",
            Field::Time => "time",
            Field::HouseholdName => "household_name",
            Field::Sections => "sections",
            Field::NextReview => "next_review",
            Field::EffectiveFrom => "effective_from",
            Field::ReviewedOn => "reviewed_on",
            Field::Recipient => "recipient",
            Field::Sequence => "sequence",
            Field::Receipt => "receipt",
            Field::Search => "search",
            Field::ServiceName => "service_name",
            Field::By => "by",
            Field::Notes => "notes",
            Field::Version => "version",
            Field::InviteCode => "invite_code",
            Field::Question => "question",
            Field::Id => "id",
            Field::DeviceCode => "device_code",
        }
    }

    /// Its name in `language`.
    pub fn words(self, language: Language) -> String {
        waymark_i18n::text(language, &format!("field-{}", self.code()))
    }
}

/// Why something was refused. Its message is `invalid-<code>`; `given` values are what was sent
/// (clipped), shown back so the person can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Empty,
    ControlCharacters,
    OneLine,
    TooManyItems { max: usize },
    NotADate { given: String },
    NotKnown { given: String },
    NotAnId { given: String },
    Between { min: i64, max: i64 },
    AtLeast { min: i64 },
    Twice { given: String },
    /// `allowed` is a list of characters such as `a-z, 0-9, -`, the same in every language.
    OnlyCharacters { allowed: &'static str },
    HasSpace { given: String },
    /// The thing belongs in a profile of this role.
    WrongRole { role: Role },
    /// `expected` is a record kind code (`statement`, `pathway_note`...).
    NotA { expected: &'static str },
    Unreadable,
    Unchangeable,
    OnlyDraftChanges,
    NotReady,
    NothingWritten,
    StartsWithDraft,
    Backwards,
    NeedsQuestionSet,
    QuestionsOnlyForReview,
    UnknownQuestionSet { given: String, version: u32 },
    NoSuchQuestion { given: String },
    NotFaces { given: String },
    NotAChoice { given: String },
    NotShareable,
    NeedsLetters,
    TooManyFiles { given: String },
    NeedsPathwayMatter { given: String },
    NotAfterLastReview,
    NeedsPlan,
    NotNewer { version: u32, latest: u32 },
    LinksMissing { given: String, target: String },
    SectionEmpty { given: String, heading: String },
    WrongFormat { given: String },
    NotSigned,
    BadSignature,
    /// A signed library whose publisher's date for it has passed.
    Expired,
    /// A signed library that says it lasts longer than a device accepts.
    LastsTooLong { days: u32 },
    NoOriginal { given: String },
    /// Asked again for the passphrase (moving someone's sharing to another service).
    NeedsPassphrase,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Empty => "empty",
            Problem::ControlCharacters => "control_characters",
            Problem::OneLine => "one_line",
            Problem::TooManyItems { .. } => "too_many_items",
            Problem::NotADate { .. } => "not_a_date",
            Problem::NotKnown { .. } => "not_known",
            Problem::NotAnId { .. } => "not_an_id",
            Problem::Between { .. } => "between",
            Problem::AtLeast { .. } => "at_least",
            Problem::Twice { .. } => "twice",
            Problem::OnlyCharacters { .. } => "only_characters",
            Problem::HasSpace { .. } => "has_space",
            Problem::WrongRole { .. } => "wrong_role",
            Problem::NotA { .. } => "not_a",
            Problem::Unreadable => "unreadable",
            Problem::Unchangeable => "unchangeable",
            Problem::OnlyDraftChanges => "only_draft_changes",
            Problem::NotReady => "not_ready",
            Problem::NothingWritten => "nothing_written",
            Problem::StartsWithDraft => "starts_with_draft",
            Problem::Backwards => "backwards",
            Problem::NeedsQuestionSet => "needs_question_set",
            Problem::QuestionsOnlyForReview => "questions_only_for_review",
            Problem::UnknownQuestionSet { .. } => "unknown_question_set",
            Problem::NoSuchQuestion { .. } => "no_such_question",
            Problem::NotFaces { .. } => "not_faces",
            Problem::NotAChoice { .. } => "not_a_choice",
            Problem::NotShareable => "not_shareable",
            Problem::NeedsLetters => "needs_letters",
            Problem::TooManyFiles { .. } => "too_many_files",
            Problem::NeedsPathwayMatter { .. } => "needs_pathway_matter",
            Problem::NotAfterLastReview => "not_after_last_review",
            Problem::NeedsPlan => "needs_plan",
            Problem::NotNewer { .. } => "not_newer",
            Problem::LinksMissing { .. } => "links_missing",
            Problem::SectionEmpty { .. } => "section_empty",
            Problem::WrongFormat { .. } => "wrong_format",
            Problem::NotSigned => "not_signed",
            Problem::BadSignature => "bad_signature",
            Problem::Expired => "expired",
            Problem::LastsTooLong { .. } => "lasts_too_long",
            Problem::NoOriginal { .. } => "no_original",
            Problem::NeedsPassphrase => "needs_passphrase",
        }
    }

    fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooManyItems { max } => vec![("max", max.to_string())],
            Problem::NotADate { given }
            | Problem::NotKnown { given }
            | Problem::NotAnId { given }
            | Problem::Twice { given }
            | Problem::HasSpace { given }
            | Problem::NoSuchQuestion { given }
            | Problem::NotFaces { given }
            | Problem::NotAChoice { given }
            | Problem::TooManyFiles { given }
            | Problem::NeedsPathwayMatter { given }
            | Problem::WrongFormat { given }
            | Problem::NoOriginal { given } => vec![("given", given.clone())],
            Problem::Between { min, max } => vec![("min", min.to_string()), ("max", max.to_string())],
            Problem::AtLeast { min } => vec![("min", min.to_string())],
            Problem::LastsTooLong { days } => vec![("days", days.to_string())],
            Problem::OnlyCharacters { allowed } => vec![("allowed", allowed.to_string())],
            Problem::WrongRole { role } => vec![("role", role.as_str().to_string())],
            Problem::NotA { expected } => vec![("expected", expected.to_string())],
            Problem::UnknownQuestionSet { given, version } => vec![("given", given.clone()), ("version", version.to_string())],
            Problem::NotNewer { version, latest } => vec![("version", version.to_string()), ("latest", latest.to_string())],
            Problem::LinksMissing { given, target } => vec![("given", given.clone()), ("target", target.clone())],
            Problem::SectionEmpty { given, heading } => vec![("given", given.clone()), ("heading", heading.clone())],
            _ => Vec::new(),
        }
    }
}

/// What could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Record,
    Resource,
    PlanVersion,
}

impl Thing {
    fn code(self) -> &'static str {
        match self {
            Thing::Record => "record",
            Thing::Resource => "resource",
            Thing::PlanVersion => "plan_version",
        }
    }
}

/// A versioned format Waymark reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Export,
    Settings,
    Vault,
    KeyWrap,
    ServiceConnection,
    LibraryBundle,
}

impl Format {
    fn code(self) -> &'static str {
        match self {
            Format::Export => "export",
            Format::Settings => "settings",
            Format::Vault => "vault",
            Format::KeyWrap => "key_wrap",
            Format::ServiceConnection => "service_connection",
            Format::LibraryBundle => "library_bundle",
        }
    }
}

/// Why a file offered for import is not one Waymark can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    TooBig { megabytes: usize, max_megabytes: usize },
    NotJson,
    NotAnExport,
    NoVersion,
    Unreadable,
    TooManyRecords { max: usize },
    /// Counting from 1, as a person would.
    BadRecord { number: usize },
    RepeatedId { number: usize },
}

impl ImportProblem {
    fn code(&self) -> &'static str {
        match self {
            ImportProblem::TooBig { .. } => "too_big",
            ImportProblem::NotJson => "not_json",
            ImportProblem::NotAnExport => "not_an_export",
            ImportProblem::NoVersion => "no_version",
            ImportProblem::Unreadable => "unreadable",
            ImportProblem::TooManyRecords { .. } => "too_many_records",
            ImportProblem::BadRecord { .. } => "bad_record",
            ImportProblem::RepeatedId { .. } => "repeated_id",
        }
    }
}

/// Values that are counts, so the catalogue picks a plural form for them.
pub const NUMBER_VALUES: [&str; 11] =
    ["seconds", "max", "min", "actual", "found", "supported", "version", "latest", "number", "megabytes", "max_megabytes"];

impl Error {
    /// A short, stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassphrase => "wrong_passphrase",
            Error::TooManyAttempts { .. } => "too_many_attempts",
            Error::WrongRecoveryCode => "wrong_recovery_code",
            Error::WeakPassphrase(_) => "weak_passphrase",
            Error::ProfileNotFound(_) => "profile_not_found",
            Error::ProfileNameTaken(_) => "profile_name_taken",
            Error::Integrity { .. } => "integrity",
            Error::DamagedKey => "damaged_key",
            Error::KdfBelowFloor => "kdf_below_floor",
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::TooLong { .. } => "too_long",
            Error::UnknownKind(_) => "unknown_kind",
            Error::InvalidTransition { .. } => "invalid_transition",
            Error::NoConsent { .. } => "no_consent",
            Error::VaultChanged => "vault_changed",
            Error::UnsupportedVersion { .. } => "unsupported_version",
            Error::MalformedImport(_) => "malformed_import",
            Error::Content(_) => "content",
            Error::Storage(_) => "storage",
            Error::Io(_) => "io",
        }
    }

    /// The values the error's message takes. Only language-neutral values: codes, names and
    /// numbers, never English words. An `invalid` error has `field` and `problem` codes: its
    /// message is `invalid-<problem>`, with the field's name (`field-<field>`) in `$field`.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            Error::TooManyAttempts { retry_after_secs } => vec![("seconds", retry_after_secs.to_string())],
            Error::WeakPassphrase(problem) => problem.values(),
            Error::ProfileNotFound(name) | Error::ProfileNameTaken(name) => vec![("name", name.clone())],
            Error::Integrity { record_id } => vec![("record", record_id.to_string())],
            Error::NotFound { thing, given } => vec![("thing", thing.code().into()), ("given", given.clone())],
            Error::Invalid { field, problem } => {
                let mut values = vec![("field", field.code().to_string()), ("problem", problem.code().to_string())];
                values.extend(problem.values());
                values
            }
            Error::TooLong { field, max, actual } => {
                vec![("field", field.code().into()), ("max", max.to_string()), ("actual", actual.to_string())]
            }
            Error::UnknownKind(given) => vec![("given", given.clone())],
            Error::InvalidTransition { from, to } => vec![("from", from.clone()), ("to", to.clone())],
            Error::NoConsent { kind, recipient } => vec![("kind", kind.as_str().into()), ("recipient", recipient.clone())],
            Error::UnsupportedVersion { what, found, supported } => {
                vec![("what", what.code().into()), ("found", found.to_string()), ("supported", supported.to_string())]
            }
            Error::MalformedImport(problem) => {
                let mut values = vec![("problem", problem.code().to_string())];
                match problem {
                    ImportProblem::TooBig { megabytes, max_megabytes } => {
                        values.extend([("megabytes", megabytes.to_string()), ("max_megabytes", max_megabytes.to_string())])
                    }
                    ImportProblem::TooManyRecords { max } => values.push(("max", max.to_string())),
                    ImportProblem::BadRecord { number } | ImportProblem::RepeatedId { number } => {
                        values.push(("number", number.to_string()))
                    }
                    _ => {}
                }
                values
            }
            _ => Vec::new(),
        }
    }

    /// The catalogue id of this error's message.
    pub fn message_id(&self) -> String {
        match self {
            Error::Invalid { problem, .. } => format!("invalid-{}", problem.code()),
            other => format!("error-{}", other.code()),
        }
    }

    /// The error said in `language`.
    pub fn words(&self, language: Language) -> String {
        if let Error::Content(detail) = self {
            return detail.clone();
        }
        let values: Vec<(&str, FluentValue<'_>)> = self
            .values()
            .into_iter()
            .map(|(name, value)| {
                let value = match (name, self) {
                    // The field's name, in the same language as the sentence around it.
                    ("field", Error::Invalid { field, .. } | Error::TooLong { field, .. }) => field.words(language).into(),
                    _ if NUMBER_VALUES.contains(&name) => value.parse::<i64>().map(FluentValue::from).unwrap_or(value.into()),
                    _ => value.into(),
                };
                (name, value)
            })
            .collect();
        waymark_i18n::text_with(language, &self.message_id(), &values)
    }

    pub(crate) fn invalid(field: Field, problem: Problem) -> Self {
        Error::Invalid { field, problem }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Language::EnGb))?;
        // The system's own detail helps whoever reads a log; it is not Waymark's words.
        match self {
            Error::Storage(e) => write!(f, " ({e})"),
            Error::Io(e) => write!(f, " ({e})"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Storage(e) => Some(e),
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Storage(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}
