// Plain words for the things the young person sees, in one place.
import type { StatementKind, StatementStatus } from './api';

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
