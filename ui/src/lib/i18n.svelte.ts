// Every word the UI shows comes from here: the Project Fluent catalogues in /locales (shared with
// the Rust side), looked up by message id in the language the person chose. Components never
// hold words of their own; they call t('id') or t('id', { values }). Plurals, numbers and dates
// follow the chosen language through Fluent and Intl.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Language } from './bindings';

export type { Language };
export const LANGUAGES: Language[] = ['en-GB', 'cy'];

// Every .ftl file of every language, bundled at build time.
const files = import.meta.glob('../../../locales/*/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

function load(language: Language): FluentBundle {
  // Both languages run left to right; isolation marks would only add invisible characters.
  const bundle = new FluentBundle(language, { useIsolating: false });
  for (const [path, text] of Object.entries(files)) {
    if (path.split('/').at(-2) !== language) continue;
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length) throw new Error(`${path}: ${errors.map(String).join('; ')}`);
  }
  return bundle;
}

const bundles: Record<Language, FluentBundle> = { 'en-GB': load('en-GB'), cy: load('cy') };

const current = $state<{ language: Language }>({ language: 'en-GB' });

/** The language the UI is showing now. */
export function language(): Language {
  return current.language;
}

/** Shows the whole UI in `next`, and tells assistive technology which language it is. */
export function setLanguage(next: Language) {
  current.language = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export type Values = Record<string, FluentVariable>;

/** Words for `id` with the language they are really in: the chosen one, or English when the
 * message is not translated yet (so the caller can mark it, `lang` included). */
export function words(id: string, values?: Values): { text: string; language: Language } {
  for (const tag of [current.language, 'en-GB'] as Language[]) {
    const message = bundles[tag].getMessage(id);
    if (message?.value) return { text: bundles[tag].formatPattern(message.value, values), language: tag };
  }
  // Unreachable for shipped code: the catalogue check fails on any id missing from English.
  return { text: id, language: 'en-GB' };
}

/** The words for `id` in the chosen language. */
export function t(id: string, values?: Values): string {
  return words(id, values).text;
}

/** Whether `language` has its own words for `id` (for the catalogue check). */
export function translated(language: Language, id: string): boolean {
  return bundles[language].hasMessage(id);
}

/** Every message id of `language` (for the catalogue check). */
export function ids(language: Language): string[] {
  const out: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (path.split('/').at(-2) !== language) continue;
    for (const m of text.matchAll(/^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/gm)) out.push(m[1]);
  }
  return out;
}
