import { cleanup, render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { mockIPC, clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';

type Profile = { name: string; role: 'young_person' | 'carer' };
let quickExits = 0;

function backend(profiles: Profile[], passphrases: Record<string, string>) {
  let session: Profile | null = null;
  mockIPC((cmd, args) => {
    const a = args as Record<string, string>;
    switch (cmd) {
      case 'list_profiles':
        return profiles;
      case 'session_status':
        return session;
      case 'unlock': {
        if (passphrases[a.name] !== a.passphrase) {
          throw { code: 'wrong_passphrase', message: 'That passphrase is not right. Check caps lock and try again.' };
        }
        session = profiles.find((p) => p.name === a.name)!;
        return session;
      }
      case 'create_profile': {
        if (a.passphrase.length < 10) {
          throw { code: 'weak_passphrase', message: 'That passphrase is too easy to guess: use at least 10 characters.' };
        }
        const p = { name: a.name, role: a.role as Profile['role'] };
        profiles.push(p);
        session = p;
        return { session: p, recovery_code: '7K2M-QX9D-ABCD-EFGH-JKMN-PQRS' };
      }
      case 'lock':
        session = null;
        return null;
      case 'quick_exit':
        session = null;
        quickExits++;
        return null;
    }
    throw { code: 'unknown', message: `no mock for ${cmd}` };
  });
}

describe('quick exit', () => {
  it('locks and hides from the button, and from Esc pressed twice', async () => {
    backend([{ name: 'Robin', role: 'young_person' }], { Robin: 'otter lantern biscuit' });
    quickExits = 0;
    render(App);
    await fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked'));
    await fireEvent.click(screen.getByRole('button', { name: 'Quick exit' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked'));
    expect(quickExits).toBe(1);

    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked'));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(quickExits).toBe(1);
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked'));
    expect(quickExits).toBe(2);
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('start screen', () => {
  it('offers to make a profile when there are none, and shows the recovery code once made', async () => {
    backend([], {});
    render(App);
    await screen.findByRole('heading', { name: 'Make your profile' });
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Robin' } });
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Make my profile' }));
    expect(await screen.findByTestId('recovery-code')).toHaveTextContent('7K2M-QX9D-ABCD-EFGH-JKMN-PQRS');
    expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked: Robin (Young person)');
  });

  it('refuses a weak passphrase with the reason and stays locked', async () => {
    backend([], {});
    render(App);
    await screen.findByRole('heading', { name: 'Make your profile' });
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Robin' } });
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'short' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Make my profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at least 10 characters');
    expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked');
  });

  it('shows the message for a wrong passphrase, then unlocks and locks again', async () => {
    backend([{ name: 'Robin', role: 'young_person' }, { name: 'Sam', role: 'carer' }], { Sam: 'quiet harbour pebbles' });
    render(App);
    await screen.findByRole('heading', { name: 'Open your profile' });
    await fireEvent.click(screen.getByLabelText(/Sam/));
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'wrong one here' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That passphrase is not right');
    expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked');

    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'quiet harbour pebbles' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked: Sam (Foster carer)'));
    expect(screen.queryByRole('alert')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked'));
  });
});
