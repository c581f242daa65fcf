import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import Library from './Library.svelte';
import { setLanguage } from '../lib/i18n.svelte';
import type { Language, LibrarySourceView } from '../lib/bindings';
import { mockCommands } from '../fake/backend';

const pages = {
  'who-is-my-iro': {
    id: 'who-is-my-iro', title: 'Who is my IRO?', summary: 'Your IRO runs your reviews.', audience: 'young_person',
    body: '## What they do\n\nThey run your review. See [Who to call](resource:who-to-call).', tags: ['iro'],
    reading_minutes: 1, last_reviewed: '2026-11-20', sources: ['IRO Handbook'], language: 'en-GB',
  },
  'who-to-call': {
    id: 'who-to-call', title: 'Who to call', summary: 'Childline 0800 1111.', audience: 'young_person',
    body: '## Right now\n\nCall **0800 1111** any time.', tags: ['help'],
    reading_minutes: 1, last_reviewed: '2026-11-20', sources: ['Guidance'], language: 'en-GB',
  },
  'safer-caring-at-home': {
    id: 'safer-caring-at-home', title: 'Safer caring in your home', summary: 'Household agreements.', audience: 'carer',
    body: '## What it is\n\nAgreements.', tags: ['policy'], reading_minutes: 2, last_reviewed: '2026-11-01', sources: ['NMS'], language: 'en-GB',
  },
} as const;

// Only "Who to call" has Welsh words, as the shell would give them to a Welsh reader.
const welsh = {
  ...pages['who-to-call'], title: "Pwy i'w ffonio", summary: 'Childline 0800 1111.', language: 'cy',
  body: '## Nawr\n\nFfoniwch **0800 1111** unrhyw bryd.',
} as const;

function backend(source: LibrarySourceView = { source: 'builtin', version: 3, expires_at: null }) {
  const inLanguage = (p: (typeof pages)[keyof typeof pages], language: Language) => (language === 'cy' && p.id === 'who-to-call' ? welsh : p);
  mockCommands({
    library_source: () => source,
    reset_library: () => (source = { source: 'builtin', version: 3, expires_at: null }),
    search_library: ({ query, language }) =>
      Object.values(pages)
        .map((p) => inLanguage(p, language))
        .filter((p) => (p.title + ' ' + p.summary).toLowerCase().includes(query.toLowerCase()))
        .map(({ id, title, summary, audience, reading_minutes, tags, language }) => ({ id, title, summary, audience, reading_minutes, tags: [...tags], language })),
    get_resource: ({ id, language }) => {
      const p = pages[id as keyof typeof pages];
      if (!p) throw { code: 'not_found', message: 'No such page.', values: { thing: 'resource', given: id } };
      const page = inLanguage(p, language);
      return { ...page, tags: [...page.tags], sources: [...page.sources] };
    },
  });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('help and guidance', () => {
  it('lists pages by audience, searches as you type and says when nothing is found', async () => {
    backend();
    render(Library);
    expect(await screen.findByRole('heading', { name: 'For young people' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'For foster carers' })).toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'childline' } });
    await waitFor(() => expect(screen.getByTestId('library-count')).toHaveTextContent('1 found'));
    expect(screen.queryByRole('heading', { name: 'For foster carers' })).toBeNull();
    await fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'zzzz' } });
    await waitFor(() => expect(screen.getByTestId('library-count')).toHaveTextContent('Nothing found'));
  });

  it('says where the pages come from, and goes back to the built-in ones when asked', async () => {
    backend({ source: 'published', version: 7, expires_at: '2027-11-18T11:06:40Z' });
    render(Library);
    const source = await screen.findByTestId('library-source');
    await waitFor(() => expect(source).toHaveTextContent('published by your service (version 7). Waymark uses them until Thursday 18 November 2027'));
    await fireEvent.click(screen.getByRole('button', { name: 'Go back to the pages that come with Waymark' }));
    await waitFor(() => expect(screen.getByTestId('library-reset-done')).toHaveTextContent('The pages that come with Waymark are back.'));
    expect(screen.getByTestId('library-source')).toHaveTextContent('These pages come with Waymark (version 3).');
    expect(screen.queryByRole('button', { name: 'Go back to the pages that come with Waymark' })).toBeNull();
  });

  it('offers no way back when the pages are the built-in ones', async () => {
    backend();
    render(Library);
    expect(await screen.findByTestId('library-source')).toHaveTextContent('These pages come with Waymark (version 3).');
    expect(screen.queryByTestId('library-reset')).toBeNull();
  });

  it('opens a page, follows a link to another page, and goes back', async () => {
    backend();
    render(Library);
    await fireEvent.click(await screen.findByTestId('hit-who-is-my-iro'));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Who is my IRO?' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/It draws on: IRO Handbook/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Who to call' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Who to call' })).toBeInTheDocument();
    expect(screen.getByText('0800 1111')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('library-back'));
    const search = await screen.findByLabelText('Search');
    await waitFor(() => expect(search).toHaveFocus());
  });
});

describe('the library for a Welsh reader', () => {
  afterEach(() => {
    setLanguage('en-GB');
    cleanup();
    clearMocks();
  });

  it('shows Welsh pages in Welsh, and marks each page that is in English only, for screen readers too', async () => {
    setLanguage('cy');
    backend();
    render(Library);
    expect(await screen.findByTestId('library-some-english')).toHaveTextContent('Saesneg yn unig');
    expect(screen.getByTestId('hit-who-is-my-iro')).toHaveTextContent('Yn Saesneg');
    expect(screen.getByTestId('hit-who-to-call')).not.toHaveTextContent('Yn Saesneg');
    await fireEvent.click(screen.getByTestId('hit-who-to-call'));
    const heading = await screen.findByRole('heading', { name: "Pwy i'w ffonio" });
    expect(heading).toHaveAttribute('lang', 'cy');
    expect(screen.queryByTestId('library-english-only')).toBeNull();
    await fireEvent.click(screen.getByTestId('library-back'));
    await fireEvent.click(await screen.findByTestId('hit-who-is-my-iro'));
    const english = await screen.findByRole('heading', { name: 'Who is my IRO?' });
    expect(english).toHaveAttribute('lang', 'en-GB');
    expect(screen.getByTestId('library-english-only')).toHaveTextContent('Saesneg yn unig');
  });

  it('shows no such note to an English reader', async () => {
    backend();
    render(Library);
    await screen.findByTestId('hit-who-to-call');
    expect(screen.queryByTestId('library-some-english')).toBeNull();
    expect(screen.getByTestId('hit-who-is-my-iro')).not.toHaveTextContent('In English');
  });
});
