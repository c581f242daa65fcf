//! What commands answer with: the views every front end shows. TypeScript declarations for them
//! are generated from these definitions (`ui/src/lib/bindings.ts`, see [`crate::typescript`]).
//! Nothing secret is ever in a view except the recovery code, once, when it is made.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use waymark_core::domain::consent::ShareableKind;
use waymark_core::domain::learning::LearningEntry;
use waymark_core::domain::library::Audience;
use waymark_core::domain::note::PathwayNote;
use waymark_core::domain::plan::{Matter, Plan};
use waymark_core::domain::policy::{PolicyTopic, SaferCaringPolicy};
use waymark_core::domain::statement::ResponseKind;
use waymark_core::domain::{StatementKind, StatementStatus};
use waymark_core::vocabulary::WorkerRole;
use waymark_core::{Language, Role};

use crate::error::CommandError;

/// Where the installed library's pages come from.
#[derive(Debug, Serialize, TS)]
pub struct LibrarySourceView {
    pub source: LibrarySourceKind,
    pub version: u32,
    /// For a published library: when apps stop using it and go back to the built-in pages (RFC 3339).
    pub expires_at: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LibrarySourceKind {
    /// Shipped inside the app.
    Builtin,
    /// Installed from a file at this laptop.
    Local,
    /// Signed by the service (or an administrator worker's laptop) the device pinned.
    Published,
}

/// A profile as the start screen lists it (readable while locked).
#[derive(Debug, Serialize, TS)]
pub struct ProfileView {
    pub name: String,
    pub role: Role,
    pub language: Language,
}

/// The unlocked profile, if any, and the language it is shown in.
#[derive(Debug, Serialize, TS)]
pub struct SessionView {
    pub name: String,
    pub role: Role,
    pub language: Language,
    /// What the whole-vault check found at unlock: sound, unless something in the folder was
    /// changed while Waymark was closed.
    pub vault_check: VaultCheckView,
}

/// What the whole-vault check found, as every front end says it. Built once, here, from the
/// core's findings, so no front end decides again what counts as a change or what stops sending.
#[derive(Debug, Serialize, TS)]
pub struct VaultCheckView {
    /// Nothing was changed: there is nothing to show.
    pub sound: bool,
    /// What decides sending cannot be proved, so nothing is sent until the person chooses (the
    /// core refuses; this says so).
    pub nothing_sent: bool,
    /// Each thing found, once, in a fixed order.
    pub found: Vec<VaultFinding>,
}

/// One part of the vault the check found changed. The counts are rows, summed over the tables
/// the part covers, and only where rows were counted (not for the state or the profile).
#[derive(Debug, Serialize, TS)]
pub struct VaultFinding {
    pub what: VaultPart,
    #[ts(type = "number | null")]
    pub rows_expected: Option<u64>,
    #[ts(type = "number | null")]
    pub rows_found: Option<u64>,
}

/// The parts of a vault as a person would name them. Each has a catalogue message,
/// `vault-part-<name>` (see [`VaultPart::message_id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum VaultPart {
    /// Waymark's own list of what the profile holds: missing or does not open.
    State,
    Consent,
    Sharing,
    Outbox,
    Deletions,
    Connection,
    Roster,
    SharedWithMe,
    Labels,
    Plans,
    Audit,
    /// Anything else the person wrote or saved.
    Records,
    /// The profile's name, role or language.
    Profile,
}

impl VaultPart {
    /// The part a table or `records/<kind>` belongs to.
    pub fn of(part: &str) -> VaultPart {
        match part {
            "records/consent_event" => VaultPart::Consent,
            "records/share_entry" => VaultPart::Sharing,
            "outbox" => VaultPart::Outbox,
            "pending_deletions" | "deletion_receipts" => VaultPart::Deletions,
            "service_connection" => VaultPart::Connection,
            "roster_state" => VaultPart::Roster,
            "shared_with_me" => VaultPart::SharedWithMe,
            "person_labels" => VaultPart::Labels,
            "published_plans" => VaultPart::Plans,
            "audit_trail" => VaultPart::Audit,
            _ => VaultPart::Records,
        }
    }

    /// The catalogue message that names this part.
    pub fn message_id(self) -> String {
        let name = serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        format!("vault-part-{name}")
    }
}

impl From<&waymark_core::integrity::IntegrityFindings> for VaultCheckView {
    fn from(f: &waymark_core::integrity::IntegrityFindings) -> Self {
        let mut parts: std::collections::BTreeMap<VaultPart, (u64, u64)> = std::collections::BTreeMap::new();
        for c in &f.changed {
            let sums = parts.entry(VaultPart::of(&c.part)).or_default();
            sums.0 += c.expected;
            sums.1 += c.found;
        }
        let mut found = Vec::new();
        if f.state_unreadable {
            found.push(VaultFinding { what: VaultPart::State, rows_expected: None, rows_found: None });
        }
        // A ledger unproven with no state is already said by the state's line.
        if f.consent_unproven && !f.state_unreadable && !parts.contains_key(&VaultPart::Consent) {
            found.push(VaultFinding { what: VaultPart::Consent, rows_expected: None, rows_found: None });
        }
        if f.sharing_unproven && !f.state_unreadable && !parts.contains_key(&VaultPart::Sharing) {
            found.push(VaultFinding { what: VaultPart::Sharing, rows_expected: None, rows_found: None });
        }
        found.extend(parts.into_iter().map(|(what, (e, n))| VaultFinding { what, rows_expected: Some(e), rows_found: Some(n) }));
        found.sort_by_key(|x| x.what);
        if f.profile_changed {
            found.push(VaultFinding { what: VaultPart::Profile, rows_expected: None, rows_found: None });
        }
        VaultCheckView { sound: f.is_sound(), nothing_sent: !f.sending_provable(), found }
    }
}

/// Returned when a profile is made or recovered: the new recovery code is shown to the person
/// once and not kept.
#[derive(Serialize, TS)]
pub struct SessionWithCode {
    pub session: SessionView,
    #[ts(type = "string")]
    pub recovery_code: waymark_core::secret::SecretText,
}

/// A replacement recovery code, shown once and not kept.
#[derive(Serialize, TS)]
pub struct NewRecoveryCode {
    #[ts(type = "string")]
    pub recovery_code: waymark_core::secret::SecretText,
}

/// Words the start screen offers as a passphrase (the person may use them or not), zeroed here
/// once sent.
#[derive(Serialize, TS)]
pub struct SuggestedWords {
    #[ts(type = "string")]
    pub words: waymark_core::secret::SecretText,
}

/// One guidance article or help page. `body` is Markdown in the restricted form described in
/// `content/README.md`; the UI renders it without HTML.
#[derive(Debug, Serialize, TS)]
pub struct ResourceView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    pub body: String,
    pub tags: Vec<String>,
    pub reading_minutes: u32,
    pub last_reviewed: String,
    pub sources: Vec<String>,
    /// The language the page is in: the one asked for, or English when it is not translated yet.
    pub language: Language,
}

/// A choice as shown (`label`, in the person's language) and as kept in the answer (`value`).
#[derive(Debug, Serialize, TS)]
pub struct ChoiceView {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Serialize, TS)]
pub struct QuestionView {
    pub id: String,
    pub section: String,
    /// "face", "words" or "choice".
    pub kind: String,
    pub prompt: String,
    pub hint: Option<String>,
    pub choices: Vec<ChoiceView>,
    /// The language the words are really in: the one asked for, or English when this question
    /// is not translated yet (the screen says so).
    pub language: Language,
}

#[derive(Debug, Serialize, TS)]
pub struct QuestionSetView {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Serialize, Deserialize, TS)]
pub struct AnswerView {
    pub question_id: String,
    pub face: Option<u8>,
    pub choice: Option<String>,
    pub words: Option<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct StatusChangeView {
    pub status: StatementStatus,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Serialize, TS)]
pub struct StatementView {
    pub id: String,
    pub kind: StatementKind,
    pub status: StatementStatus,
    pub urgent: bool,
    pub answers: Vec<AnswerView>,
    pub words: Option<String>,
    pub history: Vec<StatusChangeView>,
    /// What the person's workers did with it once shared, oldest first.
    pub responses: Vec<WorkerResponseView>,
    pub updated_at: String,
}

/// One of the person's workers took, read, acknowledged or replied to a shared statement.
#[derive(Debug, Serialize, TS)]
pub struct WorkerResponseView {
    pub kind: ResponseKind,
    /// From the organisation's signed roster.
    pub worker_name: String,
    pub worker_role: WorkerRole,
    /// What they wrote back (a reply only).
    pub words: Option<String>,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Serialize, TS)]
pub struct HelplineView {
    /// Names the helpline's words in the catalogues (`helpline-<id>`, `helpline-<id>-note`).
    pub id: String,
    pub number: String,
}

/// A file Waymark saved because the person asked for it.
#[derive(Debug, Serialize, TS)]
pub struct SavedFile {
    pub path: String,
}

/// A person's bookmark and read mark on one resource.
#[derive(Debug, Serialize, TS)]
pub struct ResourceMarkView {
    pub resource_id: String,
    pub bookmarked: bool,
    pub read: bool,
}

/// One plan on "My plan": its latest version and what changed since the one before.
#[derive(Debug, Serialize, TS)]
pub struct PlanView {
    pub latest: Plan,
    pub versions: Vec<u32>,
    pub previous_version: Option<u32>,
    /// Each change in a short sentence.
    pub changes: Vec<String>,
}

#[derive(Debug, Serialize, TS)]
pub struct NoteView {
    pub id: String,
    pub note: PathwayNote,
}

/// What the person typed for a note; the time written and sharing are kept by the core.
#[derive(Debug, Deserialize, TS)]
pub struct NoteInput {
    pub matter: Option<Matter>,
    pub text: String,
    pub progress: Option<u8>,
}

/// One guided section of the safer-caring policy.
#[derive(Debug, Serialize, TS)]
/// A topic of the policy, in the guide's order; the UI says its heading and prompt in the
/// person's language (`topic-<id>` in the catalogues).
pub struct PolicyTopicView {
    pub topic: PolicyTopic,
}

#[derive(Debug, Serialize, TS)]
pub struct LearningEntryView {
    pub id: String,
    pub entry: LearningEntry,
}

#[derive(Debug, Serialize, TS)]
pub struct MonthTotal {
    /// `YYYY-MM`.
    pub month: String,
    #[ts(type = "number")]
    pub minutes: u64,
}

#[derive(Debug, Serialize, TS)]
pub struct LearningLogView {
    pub entries: Vec<LearningEntryView>,
    /// Oldest month first.
    pub by_month: Vec<MonthTotal>,
    #[ts(type = "number")]
    pub total_minutes: u64,
}

/// Something the person has said yes to sharing.
#[derive(Debug, Serialize, TS)]
pub struct ConsentView {
    pub kind: ShareableKind,
    pub recipient: String,
    /// Which of their workers, when the recipient is one (a service that keeps a roster).
    pub worker: Option<WorkerRole>,
    /// RFC 3339, UTC.
    pub since: String,
}

#[derive(Debug, Serialize, TS)]
pub struct SharingView {
    pub consents: Vec<ConsentView>,
    /// Items waiting to be sent.
    pub waiting: u32,
    /// The records those items are of, so a screen can say truly whether one it shared went.
    pub waiting_records: Vec<String>,
    /// How many things have been sent so far.
    pub sent: u32,
    /// The service this profile is connected to, if any.
    pub connection: Option<ConnectionView>,
    /// The kinds this person could share, for the "say yes" choices.
    pub kinds: Vec<ShareableKind>,
    /// The workers this person can choose to share with, when the service keeps a roster (empty
    /// otherwise: the service itself is then the recipient).
    pub workers: Vec<WorkerChoiceView>,
    /// RFC 3339: when something last reached the service.
    pub last_sent: Option<String>,
    /// Why the last attempt to send or fetch did not work, said as an error is, until a send
    /// works again.
    pub last_problem: Option<CommandError>,
    /// Deletions asked of the service: waiting ones first, then confirmed ones, newest first.
    pub deletions: Vec<DeletionView>,
}

/// One of the workers a person can choose, and who holds that role for them now.
#[derive(Debug, Serialize, TS)]
pub struct WorkerChoiceView {
    pub worker: WorkerRole,
    /// Their name, from the organisation's signed roster; none while nobody is allocated (what
    /// is shared with them then waits until someone is).
    pub name: Option<String>,
}

/// A deletion this person asked a service for, and whether its signed receipt came back.
#[derive(Debug, Serialize, TS)]
pub struct DeletionView {
    /// The kind of thing asked to be deleted; the UI says it in the person's language.
    pub kind: ShareableKind,
    pub service_name: String,
    /// RFC 3339.
    pub asked_at: String,
    /// RFC 3339: when the service's receipt arrived and checked out; none while waiting.
    pub confirmed_at: Option<String>,
    /// How many things the service deleted, per its receipt.
    pub deleted: Option<u32>,
}

/// The household's policy with its record id (to share it).
#[derive(Debug, Serialize, TS)]
pub struct PolicyView {
    pub id: String,
    pub policy: SaferCaringPolicy,
}

#[derive(Debug, Serialize, TS)]
pub struct ConnectionView {
    pub service_name: String,
    pub service_url: String,
    pub fingerprint: String,
    /// RFC 3339.
    pub connected_at: String,
    /// This laptop's id at the service (not secret: it names the device, never a person).
    pub device_id: String,
    /// The code the person reads to their worker so the worker can approve this laptop (the
    /// fingerprint of its public keys: not secret).
    pub device_code: String,
    /// Whether a worker has approved this laptop in the organisation's roster.
    pub approval: ApprovalView,
    /// The organisation's fingerprint from the invite, when it keeps a roster.
    pub organisation: Option<String>,
}

/// Where this laptop stands in the organisation's roster (see `waymark_client::Approval`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalView {
    /// Connected before the organisation kept a roster.
    NoRoster,
    /// Waiting for a worker to approve it: nothing is sent to it until then.
    Waiting,
    Approved,
    /// Approved once, then switched off by the service (a lost laptop).
    Revoked,
}

impl From<waymark_client::Approval> for ApprovalView {
    fn from(a: waymark_client::Approval) -> Self {
        use waymark_client::Approval;
        match a {
            Approval::NoRoster => ApprovalView::NoRoster,
            Approval::Waiting => ApprovalView::Waiting,
            Approval::Approved => ApprovalView::Approved,
            Approval::Revoked => ApprovalView::Revoked,
        }
    }
}

/// What a person sees before connecting: who the service is, checked against the invite.
#[derive(Debug, Serialize, TS)]
pub struct ServicePreviewView {
    pub service_name: String,
    pub service_url: String,
    pub fingerprint: String,
    /// RFC 3339: when the invite code stops working.
    pub invite_expires: String,
    /// The organisation's fingerprint, when the invite comes from an organisation's roster.
    pub organisation: Option<String>,
    /// When this profile is connected already: what connecting here would change. Connecting
    /// then needs the passphrase again.
    pub replaces: Option<ServiceChangeView>,
}

/// What moving to another service changes (see `waymark_core::connection::ServiceChange`).
#[derive(Debug, Serialize, TS)]
pub struct ServiceChangeView {
    pub current_service: String,
    /// The same organisation under the same name: nothing ends.
    pub same_organisation: bool,
    /// What this person said yes to sharing with the current service: it ends.
    pub consents_ending: Vec<ShareableKind>,
    /// Waiting to go to the current service: not sent.
    pub waiting_dropped: u32,
    /// Deletions asked of the current service that it has not confirmed: no longer asked.
    pub deletions_dropped: u32,
}

impl From<waymark_core::connection::ServiceChange> for ServiceChangeView {
    fn from(c: waymark_core::connection::ServiceChange) -> Self {
        ServiceChangeView {
            current_service: c.current_service,
            same_organisation: c.same_organisation,
            consents_ending: c.consents_ending,
            waiting_dropped: c.waiting_dropped as u32,
            deletions_dropped: c.deletions_dropped as u32,
        }
    }
}

#[derive(Debug, Serialize, TS)]
pub struct WithdrawnView {
    /// Who consent was withdrawn from.
    pub recipient: String,
    /// Which of their workers, when it was one.
    pub worker: Option<WorkerRole>,
    /// When the service keeps what was shared (another worker still has it): how many of this
    /// laptop's things it said it will no longer hand that worker. None when it was not asked or
    /// could not be reached.
    pub no_longer_handed: Option<u32>,
    /// Queued items taken out, so never sent.
    pub removed_from_outbox: u32,
    /// When the recipient is the connected service: how many it deleted, per its signed receipt
    /// (checked against the service's pinned key).
    pub deleted_at_service: Option<u32>,
    /// In plain words, why the service could not be asked yet (it will be asked again).
    pub deletion_problem: Option<CommandError>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use waymark_core::integrity::{ChangedPart, IntegrityFindings};

    fn changed(part: &str, expected: u64, found: u64) -> ChangedPart {
        ChangedPart { part: part.into(), expected, found }
    }

    #[test]
    fn a_sound_vault_shows_nothing_and_sends() {
        let v = VaultCheckView::from(&IntegrityFindings::default());
        assert!(v.sound && !v.nothing_sent && v.found.is_empty());
    }

    #[test]
    fn what_was_written_changing_does_not_stop_sending_but_consent_does() {
        let v = VaultCheckView::from(&IntegrityFindings { changed: vec![changed("records/pathway_note", 3, 4)], ..Default::default() });
        assert!(!v.sound && !v.nothing_sent);
        assert_eq!(v.found.len(), 1);
        assert_eq!((v.found[0].what, v.found[0].rows_expected, v.found[0].rows_found), (VaultPart::Records, Some(3), Some(4)));

        for part in waymark_core::integrity::SENDING_PARTS {
            let v = VaultCheckView::from(&IntegrityFindings { changed: vec![changed(part, 1, 0)], ..Default::default() });
            assert!(v.nothing_sent, "{part} decides sending");
        }
        let v = VaultCheckView::from(&IntegrityFindings { consent_unproven: true, ..Default::default() });
        assert!(v.nothing_sent);
        assert_eq!(v.found.iter().map(|f| f.what).collect::<Vec<_>>(), [VaultPart::Consent]);
        let v = VaultCheckView::from(&IntegrityFindings { sharing_unproven: true, ..Default::default() });
        assert!(v.nothing_sent && !v.sound);
        assert_eq!(v.found.iter().map(|f| f.what).collect::<Vec<_>>(), [VaultPart::Sharing]);
    }

    #[test]
    fn parts_a_person_would_name_as_one_are_said_once_in_order() {
        let v = VaultCheckView::from(&IntegrityFindings {
            state_unreadable: false,
            changed: vec![
                changed("records/statement", 2, 3),
                changed("deletion_receipts", 1, 0),
                changed("records/consent_event", 2, 1),
                changed("pending_deletions", 2, 2),
                changed("records/pathway_note", 5, 5),
            ],
            profile_changed: true,
            consent_unproven: true,
            sharing_unproven: false,
        });
        let found: Vec<_> = v.found.iter().map(|f| (f.what, f.rows_expected, f.rows_found)).collect();
        assert_eq!(
            found,
            [
                (VaultPart::Consent, Some(2), Some(1)),
                (VaultPart::Deletions, Some(3), Some(2)),
                (VaultPart::Records, Some(7), Some(8)),
                (VaultPart::Profile, None, None),
            ]
        );
    }

    #[test]
    fn a_missing_state_is_said_once_and_stops_sending() {
        let v = VaultCheckView::from(&IntegrityFindings { state_unreadable: true, consent_unproven: true, sharing_unproven: true, ..Default::default() });
        assert!(!v.sound && v.nothing_sent);
        assert_eq!(v.found.iter().map(|f| f.what).collect::<Vec<_>>(), [VaultPart::State]);
    }

    #[test]
    fn every_part_has_words_in_every_language() {
        use VaultPart::*;
        for part in [State, Consent, Sharing, Outbox, Deletions, Connection, Roster, SharedWithMe, Labels, Plans, Audit, Records, Profile] {
            for language in waymark_core::Language::ALL {
                assert!(waymark_i18n::catalogue().has(language, &part.message_id()), "{} in {language:?}", part.message_id());
            }
        }
    }
}
