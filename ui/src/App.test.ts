import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { emptyState, installFakeBackend, sampleState, type FakeState } from './fake/backend';

afterEach(() => {
  cleanup();
  clearMocks();
  document.documentElement.className = '';
});

async function unlockAs(state: FakeState, name: string, passphrase: string) {
  render(App);
  await screen.findByRole('heading', { name: 'Open your profile' });
  await fireEvent.click(screen.getByLabelText(new RegExp(name)));
  await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: passphrase } });
  await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
  await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent(`Unlocked: ${name}`));
  return state;
}

describe('quick exit', () => {
  it('locks and hides from the button, and from Esc pressed twice', async () => {
    const state = installFakeBackend(sampleState());
    await unlockAs(state, 'Robin', 'otter lantern biscuit');
    await fireEvent.click(screen.getByRole('button', { name: /Quick exit/ }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked'));
    expect(state.quickExits).toBe(1);
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull();

    await fireEvent.click(await screen.findByLabelText(/Robin/));
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked'));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(state.quickExits).toBe(1);
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked'));
    expect(state.quickExits).toBe(2);
  });
});

describe('start screen', () => {
  it('makes a profile, shows the recovery code once and moves on only when its end is typed', async () => {
    const state = installFakeBackend(emptyState());
    render(App);
    await screen.findByRole('heading', { name: 'Make your profile' });
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Robin' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Suggest three words' }));
    await waitFor(() => expect(screen.getByLabelText('Passphrase')).toHaveValue('otter-lantern-biscuit'));
    await waitFor(() => expect(screen.getByTestId('strength')).toHaveTextContent('Strength: Good'));
    await fireEvent.click(screen.getByRole('button', { name: 'Make my profile' }));
    const code = (await screen.findByTestId('recovery-code')).textContent!;
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(screen.getByTestId('lock-status')).toHaveTextContent('Unlocked: Robin (Young person)');
    expect(screen.queryByRole('navigation', { name: 'Menu' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Save it as a file' }));
    // A plain warning first; the file's name then says nothing about what it is.
    expect(screen.getByTestId('save-code-warning')).toHaveTextContent('Anyone who finds this file can use the code to open your profile.');
    await fireEvent.click(screen.getByRole('button', { name: 'Save the file' }));
    expect(await screen.findByText(/Saved to .*Waymark note\.txt/)).toBeInTheDocument();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await fireEvent.click(screen.getByRole('button', { name: 'Print it' }));
    expect(print).toHaveBeenCalledOnce();

    await fireEvent.input(screen.getByLabelText(/last four characters/), { target: { value: 'ZZZZ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'I have kept it safe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not the end of your code');
    expect(screen.getByTestId('recovery-code')).toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText(/last four characters/), { target: { value: code.slice(-4).toLowerCase() } });
    await fireEvent.click(screen.getByRole('button', { name: 'I have kept it safe' }));
    expect(await screen.findByRole('heading', { name: 'Hello, Robin' })).toBeInTheDocument();
    expect(screen.queryByTestId('recovery-code')).toBeNull();
    expect(state.profiles).toHaveLength(1);
  });

  it('refuses a weak passphrase with the reason shown before and after pressing the button', async () => {
    const state = installFakeBackend(emptyState());
    render(App);
    await screen.findByRole('heading', { name: 'Make your profile' });
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Robin' } });
    await fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'short' } });
    await waitFor(() => expect(screen.getByTestId('strength')).toHaveTextContent('Too easy to guess: use at least 10 characters'));
    await fireEvent.click(screen.getByRole('button', { name: 'Make my profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at least 10 characters');
    expect(screen.getByTestId('lock-status')).toHaveTextContent('Locked');
    expect(state.profiles).toHaveLength(0);
  });

  it('shows the message for a wrong passphrase, then unlocks and locks again', async () => {
    installFakeBackend(sampleState());
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
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
  });

  it('gets back in with the recovery code, sets a new passphrase and shows a new code', async () => {
    const state = installFakeBackend(sampleState());
    render(App);
    await fireEvent.click(await screen.findByRole('button', { name: 'I forgot my passphrase' }));
    await fireEvent.click(screen.getByLabelText(/Robin/));
    await fireEvent.input(screen.getByLabelText('Recovery code'), { target: { value: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' } });
    await fireEvent.input(screen.getByLabelText('New passphrase'), { target: { value: 'silver kettle meadow' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set my new passphrase' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That recovery code is not right');
    expect(state.profiles[0].passphrase).toBe('otter lantern biscuit');

    await fireEvent.input(screen.getByLabelText('Recovery code'), { target: { value: 'k7m2-qx9d-abcd-efgh-jkmn-pqrs' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set my new passphrase' }));
    expect(await screen.findByTestId('recovery-code')).toHaveTextContent(/^R3CV-/);
    expect(state.profiles[0].passphrase).toBe('silver kettle meadow');
  });
});

describe('menus', () => {
  it('shows each person only their own screens', async () => {
    const state = installFakeBackend(sampleState());
    await unlockAs(state, 'Robin', 'otter lantern biscuit');
    const menu = screen.getByRole('navigation', { name: 'Menu' });
    expect(menu).toHaveTextContent('My plan');
    expect(menu).not.toHaveTextContent('Learning log');
    await waitFor(() => expect(screen.getByTestId('todo')).toHaveTextContent('Finish “Getting ready for my review”'));
    expect(screen.getByTestId('next-review')).toHaveTextContent(/Your next review: Thursday 14 January 2027 \((in \d+ days|tomorrow|today)\)|not here yet/);
    expect(screen.getByTestId('go-plan')).toBeInTheDocument();
    expect(screen.queryByTestId('go-learning')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    cleanup();
    await unlockAs(state, 'Sam', 'quiet harbour pebbles');
    expect(screen.getByRole('navigation', { name: 'Menu' })).toHaveTextContent('Learning log');
    expect(screen.queryByTestId('go-plan')).toBeNull();
    expect(screen.queryByTestId('go-review')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('todo')).toHaveTextContent('3 entries (5 h)'));
  });

  it('applies display settings to the whole window, even while locked', async () => {
    const state = sampleState();
    state.settings = { text_size: 'larger', dyslexia_font: true, high_contrast: true, idle_lock_minutes: 5, language: 'en-GB' };
    installFakeBackend(state);
    render(App);
    await screen.findByRole('heading', { name: 'Open your profile' });
    await waitFor(() => expect(document.documentElement).toHaveClass('text-larger', 'dyslexia-font', 'high-contrast'));
  });
});
