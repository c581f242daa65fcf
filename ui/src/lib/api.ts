// The one module through which the UI talks to the Waymark shell. Every call is typed with the
// declarations generated from the Rust types (bindings.ts); errors arrive as WaymarkError with
// the backend's stable code, never as strings to parse.
import { invoke } from '@tauri-apps/api/core';
import { has, t } from './i18n.svelte';
import type {
  AnswerView,
  DisplaySettings,
  HelplineView,
  LearningEntry,
  LearningLogView,
  Matter,
  NewRecoveryCode,
  NoteInput,
  NoteView,
  PlanView,
  PolicyTopicView,
  PolicyView,
  ProfileView,
  QuestionSetView,
  ResourceHitView,
  ResourceMarkView,
  ResourceView,
  Role,
  SaferCaringPolicy,
  SavedFile,
  ServicePreviewView,
  SessionView,
  SessionWithCode,
  ShareableKind,
  SharingView,
  StatementKind,
  StatementStatus,
  StatementView,
  Strength,
  WithdrawnView,
  IpcError,
  Language,
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

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

// Values that are counts, so Fluent picks the plural form; everything else (names, ids, what
// was typed) stays text even when it is all digits. The same list as NUMBER_VALUES in
// crates/waymark-core/src/error.rs (the catalogue test checks they agree).
export const NUMBER_VALUES = ['seconds', 'max', 'min', 'actual', 'found', 'supported', 'version', 'latest', 'number', 'megabytes', 'max_megabytes'];

/** An error in the person's language, from its code and values: `error-<code>`, or for a refusal
 * of something sent, `invalid-<problem>` naming the field (`field-<field>`). A code the
 * catalogues have no words for (none the app sends) keeps the shell's English message. */
export function errorWords(e: IpcError): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.values ?? {})) values[k] = NUMBER_VALUES.includes(k) ? Number(v) : v;
  const id = e.code === 'invalid' ? `invalid-${e.values?.problem}` : `error-${e.code}`;
  if (!has(id)) return e.message;
  const field = e.values?.field;
  if (field !== undefined && has(`field-${field}`)) values.field = t(`field-${field}`);
  return t(id, values);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isIpcError(e)) throw new WaymarkError(e.code, errorWords(e));
    // Only a broken or hostile page sends arguments Tauri itself refuses; say it plainly.
    throw new WaymarkError('internal', t('error-internal'));
  }
}

export const listProfiles = () => call<ProfileView[]>('list_profiles');
export const createProfile = (name: string, role: Role, passphrase: string) =>
  call<SessionWithCode>('create_profile', { name, role, passphrase });
export const unlock = (name: string, passphrase: string) =>
  call<SessionView>('unlock', { name, passphrase });
export const lock = () => call<null>('lock');
export const quickExit = () => call<null>('quick_exit');
export const sessionStatus = () => call<SessionView | null>('session_status');
export const setProfileLanguage = (language: Language) => call<SessionView>('set_profile_language', { language });
export const searchLibrary = (query: string, language: Language) => call<ResourceHitView[]>('search_library', { query, language });
export const getResource = (id: string, language: Language) => call<ResourceView>('get_resource', { id, language });
export const questionSet = (language: Language) => call<QuestionSetView>('question_set', { language });
export const helplines = () => call<HelplineView[]>('helplines');
export const listStatements = () => call<StatementView[]>('list_statements');
export const startStatement = (kind: StatementKind) => call<StatementView>('start_statement', { kind });
export const saveAnswer = (id: string, answer: AnswerView) => call<StatementView>('save_answer', { id, answer });
export const saveWords = (id: string, words: string) => call<StatementView>('save_words', { id, words });
export const setStatementStatus = (id: string, status: StatementStatus) =>
  call<StatementView>('set_statement_status', { id, status });

// Start screen
export const passphraseStrength = (passphrase: string) => call<Strength>('passphrase_strength', { passphrase });
export const suggestWords = () => call<string>('suggest_words');
export const recover = (name: string, recoveryCode: string, passphrase: string) =>
  call<SessionWithCode>('recover', { name, recoveryCode, passphrase });
export const saveRecoveryCode = (recoveryCode: string) => call<SavedFile>('save_recovery_code', { recoveryCode });

// Settings
export const getSettings = () => call<DisplaySettings>('get_settings');
export const saveSettings = (settings: DisplaySettings) => call<DisplaySettings>('save_settings', { settings });
export const replaceRecoveryCode = (passphrase: string) =>
  call<NewRecoveryCode>('replace_recovery_code', { passphrase });
export const changePassphrase = (current: string, newPassphrase: string) =>
  call<null>('change_passphrase', { current, newPassphrase });

// Resources
export const resourceMarks = () => call<ResourceMarkView[]>('resource_marks');
export const markResource = (id: string, bookmarked: boolean, read: boolean) =>
  call<ResourceMarkView>('mark_resource', { id, bookmarked, read });

// Young person: plan and notes
export const planMatters = () => call<Matter[]>('plan_matters');
export const listPlans = () => call<PlanView[]>('list_plans');
export const listNotes = () => call<NoteView[]>('list_notes');
export const saveNote = (id: string | null, note: NoteInput) => call<NoteView>('save_note', { id, note });

// Carer: policy and learning log
export const policyGuide = () => call<PolicyTopicView[]>('policy_guide');
export const getPolicy = () => call<PolicyView | null>('get_policy');
export const savePolicy = (policy: SaferCaringPolicy) => call<PolicyView>('save_policy', { policy });
export const exportPolicy = () => call<SavedFile>('export_policy');
export const learningLog = () => call<LearningLogView>('learning_log');
export const addLearning = (entry: LearningEntry) => call<LearningLogView>('add_learning', { entry });
export const exportLearningLog = () => call<SavedFile>('export_learning_log');

// Sharing and privacy
export const sharingOverview = () => call<SharingView>('sharing_overview');
export const withdrawConsent = (kind: ShareableKind, recipient: string) =>
  call<WithdrawnView>('withdraw_consent', { kind, recipient });
export const previewService = (code: string) => call<ServicePreviewView>('preview_service', { code });
export const connectService = () => call<SharingView>('connect_service');
export const giveConsent = (kind: ShareableKind) => call<SharingView>('give_consent', { kind });
export const shareWithService = (id: string) => call<SharingView>('share_with_service', { id });
export const sendNow = () => call<SharingView>('send_now');
export const exportEverything = () => call<SavedFile[]>('export_everything');
export const deleteProfile = (confirmName: string) => call<null>('delete_profile', { confirmName });
