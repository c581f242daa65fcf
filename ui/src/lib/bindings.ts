// Generated from crates/waymark-commands by `UPDATE_BINDINGS=1 cargo test -p waymark-commands`. Do not edit.

export type CommandError = { code: string, message: string, values: { [key in string]: string }, };
export type Role = "young_person" | "carer" | "worker";
export type Language = "en-GB" | "cy";
export type ProfileView = { name: string, role: Role, language: Language, };
export type SessionView = { name: string, role: Role, language: Language, 
/**
 * What the whole-vault check found at unlock: sound, unless something in the folder was
 * changed while Waymark was closed.
 */
vault_check: VaultCheckView, };
export type SessionWithCode = { session: SessionView, recovery_code: string, };
export type NewRecoveryCode = { recovery_code: string, };
export type SuggestedWords = { words: string, };
export type VaultCheckView = { 
/**
 * Nothing was changed: there is nothing to show.
 */
sound: boolean, 
/**
 * What decides sending cannot be proved, so nothing is sent until the person chooses (the
 * core refuses; this says so).
 */
nothing_sent: boolean, 
/**
 * Each thing found, once, in a fixed order.
 */
found: Array<VaultFinding>, };
export type VaultFinding = { what: VaultPart, rows_expected: number | null, rows_found: number | null, };
export type VaultPart = "state" | "consent" | "sharing" | "outbox" | "deletions" | "connection" | "roster" | "shared-with-me" | "labels" | "plans" | "audit" | "records" | "profile";
export type Progress = { done: number, total: number, };
export type StrengthLevel = "too_weak" | "okay" | "good" | "strong";
export type StrengthProblem = { "code": "too_short" } | { "code": "repetitive" } | { "code": "common", word: string, } | { "code": "untypable" };
export type Strength = { level: StrengthLevel, estimated_bits: number, 
/**
 * Why it is refused; the UI says it in the person's language (`strength-problem`).
 */
problem: StrengthProblem | null, };
export type TextSize = "standard" | "large" | "larger";
export type DisplaySettings = { text_size: TextSize, dyslexia_font: boolean, high_contrast: boolean, 
/**
 * Minutes without a key press, click or typing before Waymark locks.
 */
idle_lock_minutes: number, 
/**
 * The start screen's language, chosen at first start.
 */
language: Language, };
export type SavedFile = { path: string, };
export type Audience = "carer" | "young_person";
export type ResourceHitView = { id: string, title: string, summary: string, audience: Audience, reading_minutes: number, tags: Array<string>, 
/**
 * The language the page is in: the reader's, or English when it is not translated yet.
 */
language: Language, };
export type ResourceView = { id: string, title: string, summary: string, audience: Audience, body: string, tags: Array<string>, reading_minutes: number, last_reviewed: string, sources: Array<string>, 
/**
 * The language the page is in: the one asked for, or English when it is not translated yet.
 */
language: Language, };
export type LibrarySourceView = { source: LibrarySourceKind, version: number, 
/**
 * For a published library: when apps stop using it and go back to the built-in pages (RFC 3339).
 */
expires_at: string | null, };
export type LibrarySourceKind = "builtin" | "local" | "published";
export type StatementKind = "review_preparation" | "worried" | "good_news" | "change_something" | "service_feedback" | "not_safe";
export type StatementStatus = "draft" | "ready" | "shared" | "received" | "read";
export type ChoiceView = { value: string, label: string, };
export type QuestionView = { id: string, section: string, 
/**
 * "face", "words" or "choice".
 */
kind: string, prompt: string, hint: string | null, choices: Array<ChoiceView>, 
/**
 * The language the words are really in: the one asked for, or English when this question
 * is not translated yet (the screen says so).
 */
language: Language, };
export type QuestionSetView = { id: string, version: number, title: string, questions: Array<QuestionView>, };
export type AnswerView = { question_id: string, face: number | null, choice: string | null, words: string | null, };
export type StatusChangeView = { status: StatementStatus, 
/**
 * RFC 3339, UTC.
 */
at: string, };
export type StatementView = { id: string, kind: StatementKind, status: StatementStatus, urgent: boolean, answers: Array<AnswerView>, words: string | null, history: Array<StatusChangeView>, 
/**
 * What the person's workers did with it once shared, oldest first.
 */
responses: Array<WorkerResponseView>, updated_at: string, };
export type HelplineView = { 
/**
 * Names the helpline's words in the catalogues (`helpline-<id>`, `helpline-<id>-note`).
 */
id: string, number: string, };
export type ResourceMarkView = { resource_id: string, bookmarked: boolean, read: boolean, };
export type Matter = "personal_support" | "education_or_training" | "employment" | "contingency_plans" | "accommodation" | "family_and_social_relationships" | "practical_skills" | "financial_support" | "health" | "identity";
export type PlanKind = "care_plan" | "pathway_plan";
export type ActionStatus = "not_started" | "in_progress" | "done";
export type Action = { id: string, text: string, 
/**
 * Who does it, e.g. "Me", "My personal adviser".
 */
owner: string, 
/**
 * `YYYY-MM-DD`.
 */
due?: string, status: ActionStatus, };
export type Goal = { id: string, 
/**
 * Which pathway-plan matter this goal belongs to (pathway plans need one).
 */
matter?: Matter, text: string, actions: Array<Action>, };
export type Plan = { 
/**
 * The same for every version of one plan.
 */
plan_id: string, version: number, kind: PlanKind, title: string, summary: string, 
/**
 * `YYYY-MM-DD`.
 */
effective_from: string, received_at: string, 
/**
 * `YYYY-MM-DD`: the next review, as the service set it (the young person's home shows it).
 */
next_review_on?: string, goals: Array<Goal>, };
export type PlanView = { latest: Plan, versions: Array<number>, previous_version: number | null, 
/**
 * Each change in a short sentence.
 */
changes: Array<string>, };
export type PathwayNote = { matter?: Matter, 
/**
 * A goal in a plan, as `plan_id` plus the goal's id.
 */
plan_id?: string, goal_id?: string, text: string, 
/**
 * How far along the person feels they are, 0 to 100.
 */
progress?: number, 
/**
 * False until the writer chooses to share this note.
 */
shared: boolean, written_at: string, };
export type NoteView = { id: string, note: PathwayNote, };
export type NoteInput = { matter: Matter | null, text: string, progress: number | null, };
export type PolicyTopic = "who_lives_and_visits" | "privacy_bathrooms_bedrooms" | "touch_and_comfort" | "online_and_phones" | "photos" | "babysitting" | "transport" | "if_a_concern_is_raised" | "other";
export type PolicySection = { topic: PolicyTopic, text: string, };
export type SaferCaringPolicy = { household: string, sections: Array<PolicySection>, 
/**
 * `YYYY-MM-DD`: when the household last went through the policy together.
 */
reviewed_on?: string, next_review_on?: string, };
export type PolicyTopicView = { topic: PolicyTopic, };
export type LearningKind = "course" | "reading" | "webinar" | "support_group" | "other";
export type LearningEntry = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, kind: LearningKind, title: string, 
/**
 * Time spent, in minutes (whole minutes avoid rounding drift in totals).
 */
minutes: number, 
/**
 * A library resource this learning came from, if any.
 */
resource_id?: string, notes?: string, };
export type LearningEntryView = { id: string, entry: LearningEntry, };
export type MonthTotal = { 
/**
 * `YYYY-MM`.
 */
month: string, minutes: number, };
export type LearningLogView = { entries: Array<LearningEntryView>, 
/**
 * Oldest month first.
 */
by_month: Array<MonthTotal>, total_minutes: number, };
export type ShareableKind = "statement" | "pathway_note" | "safer_caring_policy" | "learning_entry";
export type WorkerRole = "social_worker" | "iro" | "supervising_social_worker" | "duty";
export type WorkerChoiceView = { worker: WorkerRole, 
/**
 * Their name, from the organisation's signed roster; none while nobody is allocated (what
 * is shared with them then waits until someone is).
 */
name: string | null, };
export type ResponseKind = "received" | "read" | "acknowledged" | "replied";
export type WorkerResponseView = { kind: ResponseKind, 
/**
 * From the organisation's signed roster.
 */
worker_name: string, worker_role: WorkerRole, 
/**
 * What they wrote back (a reply only).
 */
words: string | null, 
/**
 * RFC 3339, UTC.
 */
at: string, };
export type ConsentView = { kind: ShareableKind, recipient: string, 
/**
 * Which of their workers, when the recipient is one (a service that keeps a roster).
 */
worker: WorkerRole | null, 
/**
 * RFC 3339, UTC.
 */
since: string, };
export type SharingView = { consents: Array<ConsentView>, 
/**
 * Items waiting to be sent.
 */
waiting: number, 
/**
 * The records those items are of, so a screen can say truly whether one it shared went.
 */
waiting_records: Array<string>, 
/**
 * How many things have been sent so far.
 */
sent: number, 
/**
 * The service this profile is connected to, if any.
 */
connection: ConnectionView | null, 
/**
 * The kinds this person could share, for the "say yes" choices.
 */
kinds: Array<ShareableKind>, 
/**
 * The workers this person can choose to share with, when the service keeps a roster (empty
 * otherwise: the service itself is then the recipient).
 */
workers: Array<WorkerChoiceView>, 
/**
 * RFC 3339: when something last reached the service.
 */
last_sent: string | null, 
/**
 * Why the last attempt to send or fetch did not work, said as an error is, until a send
 * works again.
 */
last_problem: CommandError | null, 
/**
 * Deletions asked of the service: waiting ones first, then confirmed ones, newest first.
 */
deletions: Array<DeletionView>, };
export type DeletionView = { 
/**
 * The kind of thing asked to be deleted; the UI says it in the person's language.
 */
kind: ShareableKind, service_name: string, 
/**
 * RFC 3339.
 */
asked_at: string, 
/**
 * RFC 3339: when the service's receipt arrived and checked out; none while waiting.
 */
confirmed_at: string | null, 
/**
 * How many things the service deleted, per its receipt.
 */
deleted: number | null, };
export type WithdrawnView = { 
/**
 * Who consent was withdrawn from.
 */
recipient: string, 
/**
 * Which of their workers, when it was one.
 */
worker: WorkerRole | null, 
/**
 * When the service keeps what was shared (another worker still has it): how many of this
 * laptop's things it said it will no longer hand that worker. None when it was not asked or
 * could not be reached.
 */
no_longer_handed: number | null, 
/**
 * Queued items taken out, so never sent.
 */
removed_from_outbox: number, 
/**
 * When the recipient is the connected service: how many it deleted, per its signed receipt
 * (checked against the service's pinned key).
 */
deleted_at_service: number | null, 
/**
 * In plain words, why the service could not be asked yet (it will be asked again).
 */
deletion_problem: CommandError | null, };
export type PolicyView = { id: string, policy: SaferCaringPolicy, };
export type ConnectionView = { service_name: string, service_url: string, fingerprint: string, 
/**
 * RFC 3339.
 */
connected_at: string, 
/**
 * This laptop's id at the service (not secret: it names the device, never a person).
 */
device_id: string, 
/**
 * The code the person reads to their worker so the worker can approve this laptop (the
 * fingerprint of its public keys: not secret).
 */
device_code: string, 
/**
 * Whether a worker has approved this laptop in the organisation's roster.
 */
approval: ApprovalView, 
/**
 * The organisation's fingerprint from the invite, when it keeps a roster.
 */
organisation: string | null, };
export type ApprovalView = "no_roster" | "waiting" | "approved" | "revoked";
export type ServicePreviewView = { service_name: string, service_url: string, fingerprint: string, 
/**
 * RFC 3339: when the invite code stops working.
 */
invite_expires: string, 
/**
 * The organisation's fingerprint, when the invite comes from an organisation's roster.
 */
organisation: string | null, 
/**
 * When this profile is connected already: what connecting here would change. Connecting
 * then needs the passphrase again.
 */
replaces: ServiceChangeView | null, };
export type ServiceChangeView = { current_service: string, 
/**
 * The same organisation under the same name: nothing ends.
 */
same_organisation: boolean, 
/**
 * What this person said yes to sharing with the current service: it ends.
 */
consents_ending: Array<ShareableKind>, 
/**
 * Waiting to go to the current service: not sent.
 */
waiting_dropped: number, 
/**
 * Deletions asked of the current service that it has not confirmed: no longer asked.
 */
deletions_dropped: number, };
export type WorkerSelfView = { name: string, role: WorkerRole, 
/**
 * Whether the organisation's root made this worker an administrator.
 */
admin: boolean, };
export type WorkerOverview = { connection: ConnectionView | null, 
/**
 * This laptop's worker as the verified roster names them (none until the roster names them).
 */
me: WorkerSelfView | null, 
/**
 * Items not read yet, or urgent and not acknowledged.
 */
waiting: number, 
/**
 * Urgent items not acknowledged yet.
 */
urgent_waiting: number, last_refreshed: string | null, last_problem: CommandError | null, };
export type InboxItemView = { 
/**
 * Its envelope id: what the other commands take.
 */
item: string, person_id: string | null, 
/**
 * The name this worker gave the person on this laptop, if any.
 */
person_name: string | null, 
/**
 * `statement`, `pathway_note`, `safer_caring_policy`, `learning_entry`.
 */
record_kind: string, 
/**
 * For a statement, its kind (`review_preparation`, `not_safe`, …).
 */
statement_kind: string | null, urgent: boolean, 
/**
 * RFC 3339: when this laptop took it.
 */
received_at: string, 
/**
 * The first words of what was written, for the list.
 */
preview: string, read_at: string | null, acknowledged_at: string | null, replies: number, 
/**
 * Why it could not be opened (a code), if so.
 */
refused: string | null, 
/**
 * For an urgent item: when the service raised it, and by when someone must acknowledge it
 * before it goes to the next person (RFC 3339), as the organisation's roster sets it.
 */
raised_at: string | null, acknowledge_by: string | null, 
/**
 * Whether the service says someone has acknowledged its alert (its word: this laptop knows
 * only its own acknowledgements, `acknowledged_at`).
 */
alert_acknowledged: boolean, };
export type PersonChoiceView = { id: string, name: string | null, };
export type InboxView = { 
/**
 * Urgent items nobody has acknowledged, longest waiting first.
 */
urgent: Array<InboxItemView>, 
/**
 * Everything else that matches, newest first.
 */
items: Array<InboxItemView>, 
/**
 * How many items this laptop keeps in all (before the search and filters).
 */
total: number, 
/**
 * Everyone something came from, to filter by.
 */
people: Array<PersonChoiceView>, };
export type ReaderView = { 
/**
 * A worker's name, or none for a device that is not a worker's.
 */
name: string | null, role: WorkerRole | null, 
/**
 * Whether it is this laptop.
 */
me: boolean, };
export type SentReplyView = { words: string, at: string, };
export type SharedItemView = { summary: InboxItemView, statement: StatementView | null, note: NoteView | null, policy: PolicyView | null, learning: LearningEntryView | null, 
/**
 * Every laptop it was sealed to.
 */
readers: Array<ReaderView>, replies: Array<SentReplyView>, };
export type PersonView = { id: string, name: string | null, 
/**
 * `young_person` or `carer`.
 */
served_as: string, 
/**
 * The roles this worker holds for them.
 */
my_roles: Array<WorkerRole>, 
/**
 * Their devices the organisation has approved.
 */
devices: number, 
/**
 * When something last came from them (RFC 3339).
 */
last_contact: string | null, 
/**
 * Items from them waiting for this worker.
 */
waiting: number, 
/**
 * The next review date in the plan this laptop last published to them (`YYYY-MM-DD`).
 */
next_review_on: string | null, };
export type ItemAnswer = "read" | "acknowledge" | "reply";
export type AlertedView = { 
/**
 * Their name in the roster (none if the roster no longer names them).
 */
name: string | null, role: WorkerRole | null, 
/**
 * `duty`, `allocated` or `escalated`.
 */
why: string, alerted_at: string, me: boolean, };
export type DutyAlertView = { alert_id: number, 
/**
 * Its item on this laptop, when it was sealed to this laptop and has come (to open it).
 */
item: string | null, person_id: string | null, person_name: string | null, raised_at: string, 
/**
 * By when someone should have acknowledged it before it went on (RFC 3339).
 */
acknowledge_by: string, acknowledged_at: string | null, acknowledged_by: string | null, escalations: number, alerted: Array<AlertedView>, };
export type DutyView = { alerts: Array<DutyAlertView>, };
export type PersonPlanView = { person: string, 
/**
 * The latest version this laptop published, if any.
 */
latest: Plan | null, 
/**
 * Every version it published, oldest first.
 */
versions: Array<number>, 
/**
 * What the form starts from: the latest version to change, or a new plan.
 */
draft: Plan, 
/**
 * Whether this worker is one of the person's allocated workers (only they may publish).
 */
may_publish: boolean, };
export type PlanPreviewView = { 
/**
 * The version it would be.
 */
version: number, changes: Array<string>, 
/**
 * The first version: there is nothing to compare with.
 */
first: boolean, };
export type PublishedPlanView = { version: number, 
/**
 * How many of the person's devices it was sealed to.
 */
devices: number, changes: Array<string>, };
export type AllocationView = { role: WorkerRole, worker: string, name: string, };
export type RosterPersonView = { id: string, 
/**
 * The name this worker gave them on this laptop, if any.
 */
name: string | null, 
/**
 * `young_person` or `carer`.
 */
served_as: string, allocations: Array<AllocationView>, 
/**
 * Devices the roster certifies for them and has not revoked.
 */
devices: number, 
/**
 * Whether this worker is one of theirs.
 */
mine: boolean, };
export type RosterWorkerView = { id: string, name: string, role: WorkerRole, admin: boolean, revoked: boolean, 
/**
 * Their laptops the roster certifies and has not revoked.
 */
laptops: number, me: boolean, };
export type OrganisationView = { organisation: string, 
/**
 * Whether this worker may change the roster (the root made them an administrator).
 */
i_am_admin: boolean, 
/**
 * Everyone for an administrator; otherwise the people allocated to this worker.
 */
people: Array<RosterPersonView>, 
/**
 * Every worker, for an administrator (none otherwise).
 */
workers: Array<RosterWorkerView>, 
/**
 * People with nobody allocated in a role they had a worker in before that worker left.
 */
without_worker: Array<string>, };
export type PersonDeviceView = { device: string, 
/**
 * `waiting` (enrolled, not approved yet), `approved` or `revoked`.
 */
status: string, 
/**
 * When it enrolled with their invite (RFC 3339), if the service lists it.
 */
enrolled_at: string | null, };
export type PersonDevicesView = { person: string, name: string | null, devices: Array<PersonDeviceView>, 
/**
 * Whether this worker may revoke them (an administrator).
 */
may_revoke: boolean, };
export type InviteView = { 
/**
 * Whom it is for: their roster id.
 */
person: string, name: string, code: string, 
/**
 * RFC 3339.
 */
expires_at: string, };
export type ServedAs = "young_person" | "carer";
export type AuditEntryView = { 
/**
 * RFC 3339, as the laptop's clock had it.
 */
at: string, worker: string | null, role: WorkerRole | null, 
/**
 * The laptop's id (its first eight characters name it on screen).
 */
laptop: string, 
/**
 * `opened`, `answered`, `published_plan`, `saved_case_record`, `changed_roster`, `made_invite`,
 * `published_library`.
 */
action: string, person: string | null, 
/**
 * The name this laptop gave the person, if any.
 */
person_name: string | null, 
/**
 * For `answered`: `read`, `acknowledged` or `replied`.
 */
answer: string | null, 
/**
 * For `published_plan`.
 */
plan_version: number | null, 
/**
 * For `published_library`.
 */
library_version: number | null, 
/**
 * For `changed_roster`: what changed (`add_person`, `revoke_device`, …).
 */
roster_change: string | null, 
/**
 * For `saved_case_record`: how many items the document held.
 */
items: number | null, };
export type AuditProblemView = { worker: string | null, laptop: string, 
/**
 * `missing`, `not_signed`, `broken_chain` or `unknown_device`.
 */
problem: string, 
/**
 * The entry numbers it is about (both the same for one entry; none for a whole laptop).
 */
from: number | null, to: number | null, };
export type AuditLaptopView = { worker: string | null, laptop: string, entries: number, 
/**
 * When its newest entry was written (RFC 3339): a laptop gone quiet shows here.
 */
last_at: string | null, };
export type AuditLogView = { 
/**
 * Newest first, at most 1,000.
 */
entries: Array<AuditEntryView>, 
/**
 * How many entries checked out in all.
 */
total: number, problems: Array<AuditProblemView>, laptops: Array<AuditLaptopView>, };
export type LibraryPage = { 
/**
 * The file's name (`after-the-review.md`): the page's id.
 */
name: string, text: string, };
export type LibraryPublishedView = { version: number, 
/**
 * Pages in it, every language counted.
 */
pages: number, 
/**
 * When apps stop using it (RFC 3339): publish again before then, or they go back to the
 * library built into Waymark.
 */
expires_at: string, };
export type NoArguments = Record<symbol, never>;
export type CreateProfileRequest = { name: string, role: Role, passphrase: string, };
export type RestoreProfileRequest = { file: string, 
/**
 * A name for the restored profile, when the one in the file is taken here.
 */
name: string | null, 
/**
 * The passphrase the person had when they saved the file; the restored profile opens with it.
 */
passphrase: string, };
export type UnlockRequest = { name: string, passphrase: string, };
export type PassphraseStrengthRequest = { passphrase: string, };
export type RecoverRequest = { name: string, recovery_code: string, passphrase: string, };
export type SaveSettingsRequest = { settings: DisplaySettings, };
export type SetProfileLanguageRequest = { language: Language, };
export type SaveRecoveryCodeRequest = { recovery_code: string, };
export type ChangePassphraseRequest = { current: string, new_passphrase: string, };
export type ReplaceRecoveryCodeRequest = { passphrase: string, };
export type DeleteProfileRequest = { confirm_name: string, };
export type QuestionSetRequest = { language: Language, };
export type StartStatementRequest = { kind: StatementKind, };
export type SaveAnswerRequest = { id: string, answer: AnswerView, };
export type SaveWordsRequest = { id: string, words: string, };
export type SetStatementStatusRequest = { id: string, status: StatementStatus, };
export type SaveNoteRequest = { 
/**
 * None writes a new note.
 */
id: string | null, note: NoteInput, };
export type SearchLibraryRequest = { query: string, language: Language, };
export type GetResourceRequest = { id: string, language: Language, };
export type MarkResourceRequest = { id: string, 
/**
 * None leaves the bookmark as it is.
 */
bookmarked: boolean | null, 
/**
 * None leaves the read mark as it is.
 */
read: boolean | null, };
export type SavePolicyRequest = { policy: SaferCaringPolicy, };
export type AddLearningRequest = { entry: LearningEntry, };
export type PreviewServiceRequest = { code: string, };
export type ConnectServiceRequest = { 
/**
 * Needed when this profile is connected already: moving someone's sharing to another
 * service asks for their passphrase again.
 */
passphrase: string | null, };
export type GiveConsentRequest = { kind: ShareableKind, 
/**
 * Which of their workers, when the service keeps a roster (it must then be named: a person
 * chooses who reads what they share). Not used for a service connected before rosters.
 */
worker?: WorkerRole, };
export type WithdrawConsentRequest = { kind: ShareableKind, 
/**
 * Who to stop sharing it with (a consent the person sees); the connected service when not
 * named.
 */
recipient?: string, 
/**
 * Or which of their workers at the connected service.
 */
worker?: WorkerRole, };
export type ShareWithServiceRequest = { id: string, };
export type ExportSealedRequest = { passphrase: string, };
export type InboxRequest = { 
/**
 * Words to find in what was written or in the person's name (any case).
 */
search?: string, person?: string, 
/**
 * Only this kind of record.
 */
kind?: ShareableKind, };
export type OpenItemRequest = { item: string, };
export type AnswerItemRequest = { item: string, answer: ItemAnswer, words?: string, };
export type NamePersonRequest = { person: string, 
/**
 * Empty forgets the name.
 */
name: string, };
export type SaveCaseRecordRequest = { item?: string, person?: string, };
export type PersonPlanRequest = { person: string, };
export type PlanDraftRequest = { person: string, plan: Plan, };
export type PersonRequest = { person: string, };
export type ApproveDeviceRequest = { person: string, device: string, 
/**
 * The code the person's app shows, as they read it out.
 */
code: string, };
export type RevokeDeviceRequest = { person: string, device: string, };
export type InvitePersonRequest = { 
/**
 * The name this worker knows them by: kept on this laptop only.
 */
name: string, served_as: ServedAs, 
/**
 * Workers (roster ids) to allocate to them now, one per role.
 */
workers: Array<string>, 
/**
 * How many days the code lasts (1 to 30; 14 if not given).
 */
days?: number, };
export type InviteSheetRequest = { name: string, code: string, };
export type AddWorkerRequest = { name: string, role: WorkerRole, };
export type WorkerRequest = { worker: string, };
export type AllocateRequest = { person: string, worker: string, };
export type PublishLibraryRequest = { pages: Array<LibraryPage>, 
/**
 * The version to publish: devices install only a newer one than they have.
 */
version: number, };

export interface Commands {
  list_profiles: { request: NoArguments; response: Array<ProfileView> };
  create_profile: { request: CreateProfileRequest; response: SessionWithCode };
  restore_profile: { request: RestoreProfileRequest; response: SessionWithCode };
  unlock: { request: UnlockRequest; response: SessionView };
  lock: { request: NoArguments; response: null };
  quick_exit: { request: NoArguments; response: null };
  session_status: { request: NoArguments; response: SessionView | null };
  passphrase_strength: { request: PassphraseStrengthRequest; response: Strength };
  suggest_words: { request: NoArguments; response: SuggestedWords };
  recover: { request: RecoverRequest; response: SessionWithCode };
  get_settings: { request: NoArguments; response: DisplaySettings };
  save_settings: { request: SaveSettingsRequest; response: DisplaySettings };
  set_profile_language: { request: SetProfileLanguageRequest; response: SessionView };
  save_recovery_code: { request: SaveRecoveryCodeRequest; response: SavedFile };
  change_passphrase: { request: ChangePassphraseRequest; response: NewRecoveryCode };
  work_progress: { request: NoArguments; response: Progress | null };
  keep_what_opens: { request: NoArguments; response: SessionView };
  replace_recovery_code: { request: ReplaceRecoveryCodeRequest; response: NewRecoveryCode };
  delete_profile: { request: DeleteProfileRequest; response: null };
  question_set: { request: QuestionSetRequest; response: QuestionSetView };
  helplines: { request: NoArguments; response: Array<HelplineView> };
  list_statements: { request: NoArguments; response: Array<StatementView> };
  start_statement: { request: StartStatementRequest; response: StatementView };
  save_answer: { request: SaveAnswerRequest; response: StatementView };
  save_words: { request: SaveWordsRequest; response: StatementView };
  set_statement_status: { request: SetStatementStatusRequest; response: StatementView };
  plan_matters: { request: NoArguments; response: Array<Matter> };
  list_plans: { request: NoArguments; response: Array<PlanView> };
  list_notes: { request: NoArguments; response: Array<NoteView> };
  save_note: { request: SaveNoteRequest; response: NoteView };
  search_library: { request: SearchLibraryRequest; response: Array<ResourceHitView> };
  get_resource: { request: GetResourceRequest; response: ResourceView };
  library_source: { request: NoArguments; response: LibrarySourceView };
  reset_library: { request: NoArguments; response: LibrarySourceView };
  resource_marks: { request: NoArguments; response: Array<ResourceMarkView> };
  mark_resource: { request: MarkResourceRequest; response: ResourceMarkView };
  policy_guide: { request: NoArguments; response: Array<PolicyTopicView> };
  get_policy: { request: NoArguments; response: PolicyView | null };
  save_policy: { request: SavePolicyRequest; response: PolicyView };
  export_policy: { request: NoArguments; response: SavedFile };
  learning_log: { request: NoArguments; response: LearningLogView };
  add_learning: { request: AddLearningRequest; response: LearningLogView };
  export_learning_log: { request: NoArguments; response: SavedFile };
  sharing_overview: { request: NoArguments; response: SharingView };
  preview_service: { request: PreviewServiceRequest; response: ServicePreviewView };
  connect_service: { request: ConnectServiceRequest; response: SharingView };
  give_consent: { request: GiveConsentRequest; response: SharingView };
  withdraw_consent: { request: WithdrawConsentRequest; response: WithdrawnView };
  share_with_service: { request: ShareWithServiceRequest; response: SharingView };
  send_now: { request: NoArguments; response: SharingView };
  export_everything: { request: NoArguments; response: Array<SavedFile> };
  export_sealed: { request: ExportSealedRequest; response: SavedFile };
}
export type CommandName = keyof Commands;
export interface WorkerCommands {
  list_profiles: { request: NoArguments; response: Array<ProfileView> };
  create_profile: { request: CreateProfileRequest; response: SessionWithCode };
  unlock: { request: UnlockRequest; response: SessionView };
  lock: { request: NoArguments; response: null };
  quick_exit: { request: NoArguments; response: null };
  session_status: { request: NoArguments; response: SessionView | null };
  passphrase_strength: { request: PassphraseStrengthRequest; response: Strength };
  suggest_words: { request: NoArguments; response: SuggestedWords };
  recover: { request: RecoverRequest; response: SessionWithCode };
  get_settings: { request: NoArguments; response: DisplaySettings };
  save_settings: { request: SaveSettingsRequest; response: DisplaySettings };
  set_profile_language: { request: SetProfileLanguageRequest; response: SessionView };
  save_recovery_code: { request: SaveRecoveryCodeRequest; response: SavedFile };
  change_passphrase: { request: ChangePassphraseRequest; response: NewRecoveryCode };
  work_progress: { request: NoArguments; response: Progress | null };
  keep_what_opens: { request: NoArguments; response: SessionView };
  replace_recovery_code: { request: ReplaceRecoveryCodeRequest; response: NewRecoveryCode };
  question_set: { request: QuestionSetRequest; response: QuestionSetView };
  plan_matters: { request: NoArguments; response: Array<Matter> };
  policy_guide: { request: NoArguments; response: Array<PolicyTopicView> };
  preview_service: { request: PreviewServiceRequest; response: ServicePreviewView };
  connect_service: { request: ConnectServiceRequest; response: SharingView };
  worker_overview: { request: NoArguments; response: WorkerOverview };
  worker_refresh: { request: NoArguments; response: WorkerOverview };
  inbox: { request: InboxRequest; response: InboxView };
  open_item: { request: OpenItemRequest; response: SharedItemView };
  answer_item: { request: AnswerItemRequest; response: SharedItemView };
  my_people: { request: NoArguments; response: Array<PersonView> };
  name_person: { request: NamePersonRequest; response: Array<PersonView> };
  save_case_record: { request: SaveCaseRecordRequest; response: SavedFile };
  duty_view: { request: NoArguments; response: DutyView };
  person_plan: { request: PersonPlanRequest; response: PersonPlanView };
  preview_plan: { request: PlanDraftRequest; response: PlanPreviewView };
  publish_plan: { request: PlanDraftRequest; response: PublishedPlanView };
  organisation_view: { request: NoArguments; response: OrganisationView };
  person_devices: { request: PersonRequest; response: PersonDevicesView };
  approve_device: { request: ApproveDeviceRequest; response: PersonDevicesView };
  revoke_device: { request: RevokeDeviceRequest; response: PersonDevicesView };
  invite_person: { request: InvitePersonRequest; response: InviteView };
  save_invite_sheet: { request: InviteSheetRequest; response: SavedFile };
  add_worker: { request: AddWorkerRequest; response: InviteView };
  new_invite_code: { request: PersonRequest; response: InviteView };
  remove_worker: { request: WorkerRequest; response: OrganisationView };
  allocate: { request: AllocateRequest; response: OrganisationView };
  audit_log: { request: NoArguments; response: AuditLogView };
  publish_library: { request: PublishLibraryRequest; response: LibraryPublishedView };
}
export type WorkerCommandName = keyof WorkerCommands;

/** The kinds each role may share (`ShareableKind::for_role`). */
export const SHAREABLE_KINDS: Record<Role, ShareableKind[]> = {"carer":["safer_caring_policy","learning_entry"],"worker":[],"young_person":["statement","pathway_note"]};
/** Statements marked urgent when shared (`StatementKind::is_urgent`). */
export const URGENT_STATEMENT_KINDS: StatementKind[] = ["not_safe"];
/** The workers each role may choose to share with (`WorkerRole::chosen_by`). */
export const WORKERS_CHOSEN_BY: Record<Role, WorkerRole[]> = {"carer":["supervising_social_worker"],"worker":[],"young_person":["social_worker","iro"]};
