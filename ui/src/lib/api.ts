// The one module through which the UI talks to the Waymark shell. Every call is typed by the
// command map generated from the application layer's one list of commands (`Commands` in
// bindings.ts): a command's name, request and answer cannot drift from the Rust side. Errors
// arrive as WaymarkError with the backend's stable code, never as strings to parse.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { has, t } from './i18n.svelte';
import type {
  AnswerView,
  CommandError,
  CommandName,
  Commands,
  DisplaySettings,
  Language,
  LearningEntry,
  NoteInput,
  ResponseKind,
  Role,
  SaferCaringPolicy,
  ShareableKind,
  StatementKind,
  StatementStatus,
  WorkerCommandName,
  WorkerCommands,
  WorkerRole,
  ItemAnswer,
  Plan,
} from './bindings';

// Every generated type, for the screens: they take types from here, never from bindings.ts.
export type * from './bindings';

export class WaymarkError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function isCommandError(e: unknown): e is CommandError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

// Values that are counts, so Fluent picks the plural form; everything else (names, ids, what
// was typed) stays text even when it is all digits. The same list as NUMBER_VALUES in
// crates/waymark-core/src/error.rs (the catalogue test checks they agree).
export const NUMBER_VALUES = ['seconds', 'max', 'min', 'actual', 'found', 'supported', 'version', 'latest', 'number', 'megabytes', 'max_megabytes'];

/** An error in the person's language, from its code and values: `error-<code>`, or for a refusal
 * of something sent, `invalid-<problem>` naming the field (`field-<field>`). A code the
 * catalogues have no words for (none the app sends) keeps the shell's English message. */
export function errorWords(e: CommandError): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.values ?? {})) values[k] = NUMBER_VALUES.includes(k) ? Number(v) : v;
  const id = e.code === 'invalid' ? `invalid-${e.values?.problem}` : `error-${e.code}`;
  if (!has(id)) return e.message;
  const field = e.values?.field;
  if (field !== undefined && has(`field-${field}`)) values.field = t(`field-${field}`);
  return t(id, values);
}

/** Sends one command to the shell; its refusal arrives as a WaymarkError in the person's words. */
async function send(command: string, request: unknown): Promise<unknown> {
  try {
    return await invoke(command, request as InvokeArgs);
  } catch (e) {
    if (isCommandError(e)) throw new WaymarkError(e.code, errorWords(e));
    // Only a broken or hostile page sends what the backend cannot read; say it plainly.
    throw new WaymarkError('internal', t('error-internal'));
  }
}

/** A command of a person's app (`Commands`). */
const call = <K extends CommandName>(command: K, request: Commands[K]['request']) => send(command, request) as Promise<Commands[K]['response']>;

/** A command of the worker app (`WorkerCommands`): only the worker app's window may call these. */
const callWorker = <K extends WorkerCommandName>(command: K, request: WorkerCommands[K]['request']) =>
  send(command, request) as Promise<WorkerCommands[K]['response']>;

export const listProfiles = () => call('list_profiles', {});
export const createProfile = (name: string, role: Role, passphrase: string) => call('create_profile', { name, role, passphrase });
export const unlock = (name: string, passphrase: string) => call('unlock', { name, passphrase });
export const lock = () => call('lock', {});
export const quickExit = () => call('quick_exit', {});
export const sessionStatus = () => call('session_status', {});
export const setProfileLanguage = (language: Language) => call('set_profile_language', { language });
export const searchLibrary = (query: string, language: Language) => call('search_library', { query, language });
export const getResource = (id: string, language: Language) => call('get_resource', { id, language });
export const librarySource = () => call('library_source', {});
export const resetLibrary = () => call('reset_library', {});
export const questionSet = (language: Language) => call('question_set', { language });
export const helplines = () => call('helplines', {});
export const listStatements = () => call('list_statements', {});
export const startStatement = (kind: StatementKind) => call('start_statement', { kind });
export const saveAnswer = (id: string, answer: AnswerView) => call('save_answer', { id, answer });
export const saveWords = (id: string, words: string) => call('save_words', { id, words });
export const setStatementStatus = (id: string, status: StatementStatus) => call('set_statement_status', { id, status });

// Start screen
export const passphraseStrength = (passphrase: string) => call('passphrase_strength', { passphrase });
export const suggestWords = () => call('suggest_words', {});
export const recover = (name: string, recoveryCode: string, passphrase: string) =>
  call('recover', { name, recovery_code: recoveryCode, passphrase });
export const saveRecoveryCode = (recoveryCode: string) => call('save_recovery_code', { recovery_code: recoveryCode });
/** Brings back a locked copy (base64) as a new profile, which opens with the copy's passphrase. */
export const restoreProfile = (file: string, name: string | null, passphrase: string) => call('restore_profile', { file, name, passphrase });

// Settings
export const getSettings = () => call('get_settings', {});
export const saveSettings = (settings: DisplaySettings) => call('save_settings', { settings });
export const replaceRecoveryCode = (passphrase: string) => call('replace_recovery_code', { passphrase });
export const changePassphrase = (current: string, newPassphrase: string) =>
  call('change_passphrase', { current, new_passphrase: newPassphrase });
/** After the check at unlock found a change: keep everything that opens (see the core). */
export const keepWhatOpens = () => call('keep_what_opens', {});
/** How far re-keying has got while a passphrase or code change runs (null otherwise). */
export const workProgress = () => call('work_progress', {});

// Resources
export const resourceMarks = () => call('resource_marks', {});
export const markResource = (id: string, change: { bookmarked?: boolean; read?: boolean }) =>
  call('mark_resource', { id, bookmarked: change.bookmarked ?? null, read: change.read ?? null });

// Young person: plan and notes
export const planMatters = () => call('plan_matters', {});
export const listPlans = () => call('list_plans', {});
export const listNotes = () => call('list_notes', {});
export const saveNote = (id: string | null, note: NoteInput) => call('save_note', { id, note });

// Carer: policy and learning log
export const policyGuide = () => call('policy_guide', {});
export const getPolicy = () => call('get_policy', {});
export const savePolicy = (policy: SaferCaringPolicy) => call('save_policy', { policy });
export const exportPolicy = () => call('export_policy', {});
export const learningLog = () => call('learning_log', {});
export const addLearning = (entry: LearningEntry) => call('add_learning', { entry });
export const exportLearningLog = () => call('export_learning_log', {});

// Sharing and privacy
export const sharingOverview = () => call('sharing_overview', {});
export const withdrawConsent = (kind: ShareableKind, recipient: string) => call('withdraw_consent', { kind, recipient });
export const previewService = (code: string) => call('preview_service', { code });
/** `passphrase` is needed only to change service, when this profile is connected already. */
export const connectService = (passphrase?: string) => call('connect_service', { passphrase: passphrase ?? null });
/** Yes to sharing `kind` with the connected service, or (when it keeps a roster) with one of the person's workers. */
export const giveConsent = (kind: ShareableKind, worker?: WorkerRole) => call('give_consent', worker ? { kind, worker } : { kind });
export const shareWithService = (id: string) => call('share_with_service', { id });
export const sendNow = () => call('send_now', {});
export const exportEverything = () => call('export_everything', {});
/** Everything as one locked file that opens only with the passphrase (asked for again). */
export const exportSealed = (passphrase: string) => call('export_sealed', { passphrase });
export const deleteProfile = (confirmName: string) => call('delete_profile', { confirm_name: confirmName });

// The worker app (its own window: a person's app cannot call these)
export const workerOverview = () => callWorker('worker_overview', {});
export const workerRefresh = () => callWorker('worker_refresh', {});
export const inbox = (filter: { search?: string; person?: string; kind?: ShareableKind } = {}) => callWorker('inbox', filter);
export const openItem = (item: string) => callWorker('open_item', { item });
export const answerItem = (item: string, answer: ItemAnswer, words?: string) => callWorker('answer_item', words === undefined ? { item, answer } : { item, answer, words });
export const myPeople = () => callWorker('my_people', {});
export const dutyView = () => callWorker('duty_view', {});
export const namePerson = (person: string, name: string) => callWorker('name_person', { person, name });
export const personPlan = (person: string) => callWorker('person_plan', { person });
export const previewPlan = (person: string, plan: Plan) => callWorker('preview_plan', { person, plan });
export const publishPlan = (person: string, plan: Plan) => callWorker('publish_plan', { person, plan });
/** A PDF for the case record: one item, or everything from one person. */
export const saveCaseRecord = (what: { item: string } | { person: string }) => callWorker('save_case_record', what);
// The organisation (approving devices for any worker; the rest for administrators)
export const organisationView = () => callWorker('organisation_view', {});
/** A person's devices, or (for an administrator) a worker's laptops. */
export const personDevices = (person: string) => callWorker('person_devices', { person });
export const approveDevice = (person: string, device: string, code: string) => callWorker('approve_device', { person, device, code });
export const revokeDevice = (person: string, device: string) => callWorker('revoke_device', { person, device });
export const invitePerson = (request: WorkerCommands['invite_person']['request']) => callWorker('invite_person', request);
export const saveInviteSheet = (name: string, code: string) => callWorker('save_invite_sheet', { name, code });
export const addWorker = (name: string, role: WorkerRole) => callWorker('add_worker', { name, role });
/** A new invite code for someone in the roster: a person, or a worker's laptop. */
export const newInviteCode = (person: string) => callWorker('new_invite_code', { person });
export const removeWorker = (worker: string) => callWorker('remove_worker', { worker });
export const allocate = (person: string, worker: string) => callWorker('allocate', { person, worker });
export const auditLog = () => callWorker('audit_log', {});
export const publishLibrary = (pages: { name: string; text: string }[], version: number) => callWorker('publish_library', { pages, version });
