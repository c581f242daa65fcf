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

/** "2026-09" → "Sep 2026" */
export function monthWords(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
