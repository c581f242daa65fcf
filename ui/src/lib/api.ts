// The one module through which the UI talks to the Waymark shell. Every call is typed with the
// declarations generated from the Rust types (bindings.ts); errors arrive as WaymarkError with
// the backend's stable code, never as strings to parse.
import { invoke } from '@tauri-apps/api/core';
import type {
  AnswerView,
  Audience,
  CreatedProfile,
  HelplineView,
  QuestionSetView,
  QuestionView,
  StatementKind,
  StatementStatus,
  StatementView,
  IpcError,
  ProfileView,
  ResourceHitView,
  ResourceView,
  Role,
  SessionView,
} from './bindings';

export type {
  AnswerView,
  Audience,
  CreatedProfile,
  HelplineView,
  ProfileView,
  QuestionSetView,
  QuestionView,
  ResourceHitView,
  ResourceView,
  Role,
  SessionView,
  StatementKind,
  StatementStatus,
  StatementView,
};

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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isIpcError(e)) throw new WaymarkError(e.code, e.message);
    throw new WaymarkError('internal', 'Waymark could not do that. Please try again.');
  }
}

export const listProfiles = () => call<ProfileView[]>('list_profiles');
export const createProfile = (name: string, role: Role, passphrase: string) =>
  call<CreatedProfile>('create_profile', { name, role, passphrase });
export const unlock = (name: string, passphrase: string) =>
  call<SessionView>('unlock', { name, passphrase });
export const lock = () => call<null>('lock');
export const quickExit = () => call<null>('quick_exit');
export const sessionStatus = () => call<SessionView | null>('session_status');
export const searchLibrary = (query: string) => call<ResourceHitView[]>('search_library', { query });
export const getResource = (id: string) => call<ResourceView>('get_resource', { id });
export const questionSet = () => call<QuestionSetView>('question_set');
export const helplines = () => call<HelplineView[]>('helplines');
export const listStatements = () => call<StatementView[]>('list_statements');
export const startStatement = (kind: StatementKind) => call<StatementView>('start_statement', { kind });
export const saveAnswer = (id: string, answer: AnswerView) => call<StatementView>('save_answer', { id, answer });
export const saveWords = (id: string, words: string) => call<StatementView>('save_words', { id, words });
export const setStatementStatus = (id: string, status: StatementStatus) =>
  call<StatementView>('set_statement_status', { id, status });
