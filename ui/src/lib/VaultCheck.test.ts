// What a person sees when the check at unlock found Waymark's folder changed while it was closed.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBackend, sampleState, SOUND } from '../fake/backend';
import type { SessionView } from './bindings';
import VaultCheck from './VaultCheck.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

function robin() {
  const state = sampleState();
  state.session = { name: 'Robin', role: 'young_person', language: 'en-GB', vault_check: SOUND };
  return installFakeBackend(state);
}

describe('What Waymark found', () => {
  it('says in words what changed, that nothing is sent, and keeps what opens when asked', async () => {
    robin();
    let kept: SessionView | null = null;
    let looked = false;
    render(VaultCheck, {
      check: {
        sound: false,
        nothing_sent: true,
        found: [
          { what: 'consent', rows_expected: 2, rows_found: 1 },
          { what: 'deletions', rows_expected: 1, rows_found: 0 },
          { what: 'records', rows_expected: 3, rows_found: 4 },
        ],
      },
      onkept: (s: SessionView) => (kept = s),
      onlook: () => (looked = true),
    });
    const found = screen.getByTestId('vault-check-found');
    expect(found).toHaveTextContent('your choices about sharing');
    expect(found).toHaveTextContent('deletions you asked the service for');
    expect(found).toHaveTextContent('things you wrote or saved');
    expect(screen.getByTestId('vault-check-nothing-sent')).toHaveTextContent('Nothing will be sent until you choose');
    expect(screen.getByText(/Every yes you gave to sharing ends/)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('vault-check-look'));
    expect(looked).toBe(true);
    await fireEvent.click(screen.getByTestId('keep-what-opens'));
    await waitFor(() => expect(kept).not.toBeNull());
    expect(kept!.name).toBe('Robin');
  });

  it('keeps sharing choices as they are when only what was written changed', () => {
    robin();
    render(VaultCheck, {
      check: { sound: false, nothing_sent: false, found: [{ what: 'records', rows_expected: 2, rows_found: 3 }] },
      onkept: () => {},
      onlook: () => {},
    });
    expect(screen.queryByTestId('vault-check-nothing-sent')).toBeNull();
    expect(screen.getByText(/Your choices about sharing stay as they are/)).toBeInTheDocument();
  });

  it('says so when its own list is missing', () => {
    robin();
    render(VaultCheck, {
      check: { sound: false, nothing_sent: true, found: [{ what: 'state', rows_expected: null, rows_found: null }] },
      worker: true,
      onkept: () => {},
      onlook: () => {},
    });
    expect(screen.getByTestId('vault-check-found')).toHaveTextContent("Waymark's own list of what you keep");
    expect(screen.getByTestId('vault-check-nothing-sent')).toBeInTheDocument();
    expect(screen.getByText(/tell your manager or IT team/)).toBeInTheDocument();
  });
});
