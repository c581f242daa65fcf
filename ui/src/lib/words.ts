// Plain words for the things the young person sees, in one place.
import type { ActionStatus, Role, StatementKind, StatementStatus } from './api';

export const kindWords: Record<StatementKind, string> = {
  review_preparation: 'Getting ready for my review',
  worried: "I'm worried",
  good_news: 'Good news',
  change_something: 'I want something to change',
  service_feedback: 'Feedback about a service',
  not_safe: "I don't feel safe",
};

export const statusWords: Record<StatementStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  shared: 'Shared',
  received: 'Received',
  read: 'Read',
};

export const faces = [
  { value: 1, label: 'Very unhappy' },
  { value: 2, label: 'Unhappy' },
  { value: 3, label: 'OK' },
  { value: 4, label: 'Happy' },
  { value: 5, label: 'Very happy' },
];

/** "23 November 2026" */
export function dayWords(rfc3339: string): string {
  return new Date(rfc3339).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export const roleWords: Record<Role, string> = { young_person: 'Young person', carer: 'Foster carer' };

export const actionWords: Record<ActionStatus, { text: string; mark: string }> = {
  not_started: { text: 'Not started', mark: '○' },
  in_progress: { text: 'Started', mark: '◐' },
  done: { text: 'Done', mark: '✔' },
};

/** "1 h 30 min" */
export function hoursWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "2027-01-14" → "Thursday 14 January 2027" */
export function dateWords(date: string): string {
  // Built from parts, so every browser engine writes it the same way.
  const d = new Date(`${date}T12:00:00Z`);
  const part = (o: Intl.DateTimeFormatOptions) => d.toLocaleDateString('en-GB', { ...o, timeZone: 'UTC' });
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

/** "2026-09" → "Sep 2026" */
export function monthWords(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
