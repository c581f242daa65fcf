// Words for the things every screen names (kinds, states, faces, roles, matters, topics), dates
// and durations, in the chosen language. The words themselves are in the catalogues
// (/locales/*/content.ftl); each map below names the message for each value, so the compiler
// checks every value has one and the catalogue check sees every id.
import type { ActionStatus, Language, LearningKind, Matter, PolicyTopic, Role, ShareableKind, ResponseKind, StatementKind, StatementStatus, WorkerRole } from './api';
import { language, t } from './i18n.svelte';

const languageIds: Record<Language, string> = { 'en-GB': 'language-en-GB', cy: 'language-cy' };
/** A language's name in itself ("Cymraeg"), the same whichever language is showing. */
export const languageName = (l: Language) => t(languageIds[l]);

const kindIds: Record<StatementKind, string> = {
  review_preparation: 'kind-review_preparation',
  worried: 'kind-worried',
  good_news: 'kind-good_news',
  change_something: 'kind-change_something',
  service_feedback: 'kind-service_feedback',
  not_safe: 'kind-not_safe',
};
export const kindWords = (kind: StatementKind) => t(kindIds[kind]);

const statusIds: Record<StatementStatus, string> = {
  draft: 'status-draft',
  ready: 'status-ready',
  shared: 'status-shared',
  received: 'status-received',
  read: 'status-read',
};
export const statusWords = (status: StatementStatus) => t(statusIds[status]);

const workerIds: Record<WorkerRole, string> = {
  social_worker: 'worker-social_worker',
  iro: 'worker-iro',
  supervising_social_worker: 'worker-supervising_social_worker',
  duty: 'worker-duty',
};
/** Every worker role, in the order a form offers them. */
export const WORKER_ROLES = Object.keys(workerIds) as WorkerRole[];
/** One of a person's workers, by role, and by name when the service's list says who: "your
 * social worker", "Sam Okafor (your social worker)", "the duty team". */
export function whoWords(role: WorkerRole, name?: string | null): string {
  if (role === 'duty') return name ? t('who-duty-named', { name }) : t('who-duty');
  const worker = t(workerIds[role]);
  return name ? t('who-worker-named', { name, worker }) : t('who-worker', { worker });
}
const responseIds: Record<ResponseKind, string> = {
  received: 'shared-response-received',
  read: 'shared-response-read',
  acknowledged: 'shared-response-acknowledged',
  replied: 'shared-response-replied',
};
/** What a worker did with something shared, as a sentence: "Sam Okafor (your social worker) read
 * this on 3 December 2026." */
export const responseWords = (kind: ResponseKind, who: string, date: string) => t(responseIds[kind], { who, date });

/** The role alone ("social worker"), for sentences that say "your" themselves. */
export const workerRoleWords = (role: WorkerRole) => t(workerIds[role]);

const faceIds = ['face-1', 'face-2', 'face-3', 'face-4', 'face-5'];
/** The five faces, saddest first, each with its words. */
export const faces = () => faceIds.map((id, i) => ({ value: i + 1, label: t(id) }));

const roleIds: Record<Role, string> = { young_person: 'role-young_person', carer: 'role-carer', worker: 'role-worker' };
export const roleWords = (role: Role) => t(roleIds[role]);

const actionIds: Record<ActionStatus, { id: string; mark: string }> = {
  not_started: { id: 'action-not_started', mark: '○' },
  in_progress: { id: 'action-in_progress', mark: '◐' },
  done: { id: 'action-done', mark: '✔' },
};
export const actionWords = (status: ActionStatus) => ({ text: t(actionIds[status].id), mark: actionIds[status].mark });

const matterIds: Record<Matter, string> = {
  personal_support: 'matter-personal_support',
  education_or_training: 'matter-education_or_training',
  employment: 'matter-employment',
  contingency_plans: 'matter-contingency_plans',
  accommodation: 'matter-accommodation',
  family_and_social_relationships: 'matter-family_and_social_relationships',
  practical_skills: 'matter-practical_skills',
  financial_support: 'matter-financial_support',
  health: 'matter-health',
  identity: 'matter-identity',
};
export const matterWords = (matter: Matter) => t(matterIds[matter]);

const topicIds: Record<PolicyTopic, [string, string]> = {
  who_lives_and_visits: ['topic-who_lives_and_visits', 'topic-who_lives_and_visits-prompt'],
  privacy_bathrooms_bedrooms: ['topic-privacy_bathrooms_bedrooms', 'topic-privacy_bathrooms_bedrooms-prompt'],
  touch_and_comfort: ['topic-touch_and_comfort', 'topic-touch_and_comfort-prompt'],
  online_and_phones: ['topic-online_and_phones', 'topic-online_and_phones-prompt'],
  photos: ['topic-photos', 'topic-photos-prompt'],
  babysitting: ['topic-babysitting', 'topic-babysitting-prompt'],
  transport: ['topic-transport', 'topic-transport-prompt'],
  if_a_concern_is_raised: ['topic-if_a_concern_is_raised', 'topic-if_a_concern_is_raised-prompt'],
  other: ['topic-other', 'topic-other-prompt'],
};
export const topicWords = (topic: PolicyTopic) => ({ heading: t(topicIds[topic][0]), prompt: t(topicIds[topic][1]) });

const shareableIds: Record<ShareableKind, string> = {
  statement: 'shareable-statement',
  pathway_note: 'shareable-pathway_note',
  safer_caring_policy: 'shareable-safer_caring_policy',
  learning_entry: 'shareable-learning_entry',
};
export const shareableWords = (kind: ShareableKind) => t(shareableIds[kind]);

const learningIds: Record<LearningKind, string> = {
  course: 'learning-course',
  reading: 'learning-reading',
  webinar: 'learning-webinar',
  support_group: 'learning-support_group',
  other: 'learning-other',
};
export const learningWords = (kind: LearningKind) => t(learningIds[kind]);
export const LEARNING_KINDS = Object.keys(learningIds) as LearningKind[];

const helplineIds: Record<string, [string, string]> = {
  childline: ['helpline-childline', 'helpline-childline-note'],
  emergency: ['helpline-emergency', 'helpline-emergency-note'],
};
/** A helpline's name and a line about it; one this UI does not know shows its id and number only. */
export function helplineWords(id: string): { name: string; note: string } {
  const ids = helplineIds[id];
  return ids ? { name: t(ids[0]), note: t(ids[1]) } : { name: id, note: '' };
}

/** "23 November 2026" / "23 Tachwedd 2026" */
export function dayWords(rfc3339: string): string {
  return new Date(rfc3339).toLocaleDateString(language(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "3 December 2026, 14:05" in this laptop's time zone: when something happened, to the minute. */
export function momentWords(rfc3339: string): string {
  const d = new Date(rfc3339);
  const day = d.toLocaleDateString(language(), { day: 'numeric', month: 'long', year: 'numeric' });
  const time = d.toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit', hour12: false });
  return t('moment', { day, time });
}

/** Whole minutes from `from` to `to` (RFC 3339 or milliseconds), never below zero. */
export function minutesBetween(from: string, to: string | number): number {
  const end = typeof to === 'number' ? to : Date.parse(to);
  return Math.max(0, Math.floor((end - Date.parse(from)) / 60_000));
}

/** "1 h 30 min" / "1 awr 30 mun" */
export function hoursWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration-minutes', { minutes: rest });
  return rest === 0 ? t('duration-hours', { hours }) : t('duration-hours-minutes', { hours, minutes: rest });
}

/** "2027-01-14" → "Thursday 14 January 2027" / "Dydd Iau 14 Ionawr 2027" */
export function dateWords(date: string): string {
  // Built from parts, so every browser engine writes it the same way.
  const d = new Date(`${date}T12:00:00Z`);
  const part = (o: Intl.DateTimeFormatOptions) => d.toLocaleDateString(language(), { ...o, timeZone: 'UTC' });
  return `${part({ weekday: 'long' })} ${d.getUTCDate()} ${part({ month: 'long' })} ${d.getUTCFullYear()}`;
}

/** Whole days from `today` to `date`, both `YYYY-MM-DD`. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today as `YYYY-MM-DD` on this laptop's clock, in its own time zone. */
export function localToday(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** "2026-09" → "Sep 2026" / "Medi 2026" */
export function monthWords(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(language(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const recordKindIds: Record<string, string> = {
  statement: 'record-kind-statement',
  pathway_note: 'record-kind-pathway_note',
  safer_caring_policy: 'record-kind-safer_caring_policy',
  learning_entry: 'record-kind-learning_entry',
};
/** What kind of thing someone shared ("A message", "A pathway note"), for the worker app. */
export const recordKindWords = (kind: string) => t(recordKindIds[kind] ?? 'record-kind-unknown');
/** The kinds of record a worker can be sent, for the inbox's filter. */
export const RECORD_KINDS: ShareableKind[] = ['statement', 'pathway_note', 'safer_caring_policy', 'learning_entry'];
