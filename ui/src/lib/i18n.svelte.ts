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

/** A language's catalogue files, parsed once. */
function resources(language: Language): { path: string; resource: FluentResource }[] {
  return Object.entries(files)
    .filter(([path]) => path.split('/').at(-2) === language)
    .map(([path, text]) => ({ path, resource: new FluentResource(text) }));
}

const parsed: Record<Language, { path: string; resource: FluentResource }[]> = { 'en-GB': resources('en-GB'), cy: resources('cy') };

function load(language: Language): FluentBundle {
  // Both languages run left to right; isolation marks would only add invisible characters.
  const bundle = new FluentBundle(language, { useIsolating: false });
  for (const { path, resource } of parsed[language]) {
    const errors = bundle.addResource(resource);
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

/** The words for `id` in the chosen language, or in English when that language lacks them (the
 * catalogue check keeps every shipped id in both). */
export function t(id: string, values?: Values): string {
  for (const tag of [current.language, 'en-GB'] as Language[]) {
    const message = bundles[tag].getMessage(id);
    if (message?.value) return bundles[tag].formatPattern(message.value, values);
  }
  // Unreachable for shipped code: the catalogue check fails on any id missing from English.
  return id;
}

/** Whether the catalogues have words for `id` (in English, which every id exists in first). */
export function has(id: string): boolean {
  return bundles['en-GB'].hasMessage(id);
}

/** Every message id of `language` (for the catalogue check). */
export function ids(language: Language): string[] {
  // Terms (`-name`) are not messages a screen can ask for.
  return parsed[language].flatMap(({ resource }) => resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-')));
}
