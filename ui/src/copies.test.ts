// A copy of everything: locked by default (it opens only with the passphrase), readable only when
// asked for, after a warning; and a locked copy brought back from the start screen.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { installFakeBackend, sampleState } from './fake/backend';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('a copy of everything', () => {
  it('is locked with the passphrase, and the readable one sits behind a warning', async () => {
    const state = installFakeBackend(sampleState());
    render(App);
    await screen.findByRole('heading', { name: 'Open your profile' });
    await fireEvent.click(screen.getByLabelText(/Robin/));
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked: Robin'));
    await fireEvent.click(screen.getByRole('button', { name: 'Sharing and privacy' }));
    await screen.findByTestId('download-locked');
    expect(screen.getByTestId('readable-copy')).not.toHaveAttribute('open');
    expect(screen.getByTestId('readable-copy')).toHaveTextContent('anyone who gets them can read everything you wrote');

    await fireEvent.input(screen.getByLabelText('Your passphrase, to lock the copy'), { target: { value: 'not it' } });
    await fireEvent.click(screen.getByTestId('download-locked'));
    expect(await screen.findByRole('alert')).toHaveTextContent('That passphrase is not right');
    await fireEvent.input(screen.getByLabelText('Your passphrase, to lock the copy'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByTestId('download-locked'));
    expect(await screen.findByTestId('downloaded')).toHaveTextContent('Waymark locked copy.waymark');
    expect(state.calls).toContain('export_sealed');
    expect(state.calls).not.toContain('export_everything');
  });

  it('is brought back from the start screen as a new profile, with its new recovery code', async () => {
    const state = installFakeBackend(sampleState());
    render(App);
    await screen.findByRole('heading', { name: 'Open your profile' });
    await fireEvent.click(screen.getByTestId('go-restore'));
    await screen.findByRole('heading', { name: 'Bring back a locked copy' });
    const file = new File([new Uint8Array([87, 65, 89, 77, 65, 82, 75])], 'Waymark locked copy.waymark');
    await fireEvent.change(screen.getByLabelText('The locked copy (a file ending in .waymark)'), { target: { files: [file] } });
    await fireEvent.input(screen.getByLabelText('The passphrase you had when you saved it'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.input(screen.getByLabelText('A name for it here (optional)'), { target: { value: 'Robin restored' } });
    // jsdom checks a required file input against its own (empty) list, so the form is sent as
    // the browser sends it once a file is chosen.
    await fireEvent.submit(screen.getByTestId('restore').closest('form')!);
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked: Robin restored'));
    expect(await screen.findByTestId('recovery-code')).toBeInTheDocument();
    expect(state.profiles.map((p) => p.name)).toContain('Robin restored');
  });
});
