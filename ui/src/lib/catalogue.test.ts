// The UI's side of the catalogue check (the Rust side, crates/waymark-i18n/tests/catalogues.rs,
// checks every language has every message): every message id the UI names exists in English,
// and no component holds words of its own outside the catalogues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { errorWords, NUMBER_VALUES } from './api';
import { ids, setLanguage, t } from './i18n.svelte';

const SRC = join(__dirname, '..');

function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fake' ? [] : sources(path);
    // bindings.ts is generated types; i18n.svelte.ts only explains t('id') in its comments.
    return /\.(svelte|ts)$/.test(name) && !/\.test\.ts$/.test(name) && !['bindings.ts', 'i18n.svelte.ts'].includes(name) ? [path] : [];
  });
}

const english = new Set(ids('en-GB'));

describe('the catalogues', () => {
  it('have every message id the UI names', () => {
    const missing: string[] = [];
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      // Direct look-ups: t('id').
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) if (!english.has(m[1])) missing.push(`${relative(SRC, file)}: ${m[1]}`);
      // Ids held in maps (words.ts, screens.ts, the screens' own option lists): any quoted
      // string shaped like an id whose first part is one the catalogues use.
      for (const m of text.matchAll(/'([a-z]+(?:-[a-zA-Z0-9_]+)+)'/g)) {
        const prefix = m[1].split('-')[0];
        if ([...english].some((id) => id.startsWith(`${prefix}-`)) && !english.has(m[1]) && !/^(?:data|aria)-/.test(m[1])) {
          missing.push(`${relative(SRC, file)}: ${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('leave no words in the components themselves', () => {
    const found: string[] = [];
    const shown = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']);
    for (const file of sources().filter((f) => f.endsWith('.svelte'))) {
      const ast = parse(readFileSync(file, 'utf8'), { modern: true });
      const walk = (node: unknown, inScript: boolean) => {
        if (!node || typeof node !== 'object') return;
        const n = node as { type?: string; data?: string; name?: string; value?: unknown };
        if (n.type === 'Script' || n.type === 'StyleSheet') return;
        if (n.type === 'Text' && !inScript && /\p{L}{2,}/u.test(n.data ?? '')) found.push(`${relative(SRC, file)}: "${(n.data ?? '').trim()}"`);
        if (n.type === 'Attribute') {
          // Only attributes a person reads or hears; the rest (classes, test ids) are not words.
          if (shown.has(n.name ?? '') && Array.isArray(n.value)) {
            for (const part of n.value as { type: string; data?: string }[]) {
              if (part.type === 'Text' && /\p{L}{2,}/u.test(part.data ?? '')) found.push(`${relative(SRC, file)}: ${n.name}="${part.data}"`);
            }
          }
          return;
        }
        if (n.type?.endsWith('Directive')) return;
        for (const [key, child] of Object.entries(node)) {
          if (key === 'parent' || key === 'metadata') continue;
          if (Array.isArray(child)) child.forEach((c) => walk(c, inScript));
          else if (child && typeof child === 'object') walk(child, inScript);
        }
      };
      walk(ast.fragment, false);
    }
    expect(found).toEqual([]);
  });

  it('fall back to English only for a message the chosen language lacks', () => {
    expect(t('role-carer')).toBe('Foster carer');
    expect(t('no-such-message')).toBe('no-such-message');
  });

  it('say errors from their code and values in the chosen language, naming the field in it', () => {
    const empty = { code: 'invalid', message: 'Title: this cannot be empty.', values: { field: 'title', problem: 'empty' } };
    const long = { code: 'too_long', message: '', values: { field: 'name', max: '60', actual: '61' } };
    const gone = { code: 'service_refused', message: 'the service said no', values: { reason: 'gone' } };
    try {
      setLanguage('cy');
      expect(errorWords(empty).startsWith(`${t('field-title')}:`)).toBe(true);
      expect(errorWords(empty)).not.toContain('Title');
      expect(errorWords(long)).toContain('60');
      expect(errorWords(gone)).toBe(t('error-service_refused', { reason: 'gone' }));
      setLanguage('en-GB');
      expect(errorWords(empty)).toBe('Title: this cannot be empty.');
      expect(errorWords(long)).toBe('Name: this is too long. It can have at most 60 characters, and it has 61.');
      // A code no catalogue has words for keeps the shell's own message rather than an id.
      expect(errorWords({ code: 'content', message: 'x.md: bad', values: {} })).toBe('x.md: bad');
    } finally {
      setLanguage('en-GB');
    }
  });

  it('count the same values as the Rust side does', () => {
    const rust = readFileSync(join(SRC, '../../crates/waymark-core/src/error.rs'), 'utf8');
    const list = /NUMBER_VALUES: \[&str; \d+\] =\s*\[([^\]]*)\]/.exec(rust)?.[1] ?? '';
    expect([...list.matchAll(/"([a-z_]+)"/g)].map((m) => m[1])).toEqual(NUMBER_VALUES);
  });
});
