// Component tests for the screens behind the menu, against the in-memory fake backend.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBackend, sampleState, SOUND } from '../fake/backend';
import type { DisplaySettings } from '../lib/api';
import Library from './Library.svelte';
import LearningLog from './LearningLog.svelte';
import MyPlan from './MyPlan.svelte';
import Notes from './Notes.svelte';
import Policy from './Policy.svelte';
import Privacy from './Privacy.svelte';
import Settings from './Settings.svelte';
import Home from './Home.svelte';
import Shared from './Shared.svelte';

function as(name: 'Robin' | 'Sam') {
  const state = sampleState();
  state.session = { name, role: name === 'Robin' ? 'young_person' : 'carer', language: 'en-GB', vault_check: SOUND };
  return installFakeBackend(state);
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('My plan', () => {
  it('shows goals by matter, progress in words and what changed since the last version', async () => {
    as('Robin');
    render(MyPlan);
    const plan = await screen.findByTestId('plan');
    expect(plan).toHaveTextContent("Robin's pathway plan");
    expect(screen.getByRole('heading', { name: 'What changed since version 1' })).toBeInTheDocument();
    expect(screen.getByTestId('plan-changes')).toHaveTextContent('“Visit two flats” is now done.');
    expect(screen.getByRole('heading', { name: 'Where I live' })).toBeInTheDocument();
    expect(plan).toHaveTextContent('1 of 2 steps done');
    expect(plan).toHaveTextContent('Fill in the housing form · Me · Started');
  });

  it('says plainly when there is no plan yet', async () => {
    const state = as('Robin');
    state.plans.Robin = [];
    render(MyPlan);
    expect(await screen.findByText(/Your plan is not here yet/)).toBeInTheDocument();
  });
});

describe('My notes', () => {
  it('adds a note, changes it keeping its date, and refuses an empty one with the reason', async () => {
    const state = as('Robin');
    render(Notes);
    expect(await screen.findByText('Made a budget with my adviser.')).toBeInTheDocument();
    expect(screen.getByTestId('note')).toHaveTextContent('18 November 2026 · Money · 50% of the way · Only you can see this');
    await fireEvent.input(screen.getByLabelText('New note'), { target: { value: '   ' } });
    await fireEvent.submit(screen.getByLabelText('New note').closest('form')!);
    expect(await screen.findByRole('alert')).toHaveTextContent('Note: this cannot be empty.');
    expect(state.notes.Robin).toHaveLength(1);

    await fireEvent.input(screen.getByLabelText('New note'), { target: { value: 'Went to the college open day.' } });
    await fireEvent.change(screen.getByLabelText(/What is it about/), { target: { value: 'education_or_training' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(2));
    expect(state.notes.Robin[0].note).toMatchObject({ text: 'Went to the college open day.', matter: 'education_or_training', shared: false });

    const old = screen.getAllByTestId('note')[1];
    await fireEvent.click(within(old).getByRole('button', { name: /Change/ }));
    expect(screen.getByLabelText('Change your note')).toHaveValue('Made a budget with my adviser.');
    await fireEvent.input(screen.getByLabelText('Change your note'), { target: { value: 'Made a budget and stuck to it.' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByText('Made a budget and stuck to it.')).toBeInTheDocument());
    expect(state.notes.Robin.find((n) => n.id === 'n1')!.note.written_at).toBe('2026-11-18T10:00:00Z');
  });

  it('shows a long list a page at a time, newest first, and the rest on request', async () => {
    const state = as('Robin');
    state.notes.Robin = Array.from({ length: 120 }, (_, i) => ({
      id: `n${i}`,
      note: { text: `Invented note number ${i}`, shared: false, written_at: '2026-11-18T10:00:00Z' },
    }));
    render(Notes);
    await waitFor(() => expect(screen.getAllByTestId('note')).toHaveLength(50));
    expect(screen.getAllByTestId('note')[0]).toHaveTextContent('Invented note number 0');
    await fireEvent.click(screen.getByRole('button', { name: 'Show 50 more notes (70 not shown yet)' }));
    expect(screen.getAllByTestId('note')).toHaveLength(100);
    await fireEvent.click(screen.getByRole('button', { name: 'Show 20 more notes (20 not shown yet)' }));
    expect(screen.getAllByTestId('note')).toHaveLength(120);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});

describe('Resources for carers', () => {
  it('filters by topic, bookmarks and marks as read', async () => {
    const state = as('Sam');
    render(Library, { carer: true });
    expect(await screen.findByRole('heading', { name: 'Resources' })).toBeInTheDocument();
    await screen.findByTestId('hit-safer-caring-at-home');
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['For foster carers', 'For young people']);
    await fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'online' } });
    await waitFor(() => expect(screen.getByTestId('library-count')).toHaveTextContent('1 found'));
    await fireEvent.click(screen.getByTestId('hit-phones-and-online'));
    await fireEvent.click(await screen.findByRole('button', { name: '☆ Bookmark' }));
    await waitFor(() => expect(screen.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true'));
    await fireEvent.click(screen.getByRole('button', { name: 'Mark as read' }));
    await waitFor(() => expect(screen.getByTestId('mark-read')).toHaveTextContent('✔ Read'));
    expect(state.marks.Sam).toEqual([{ resource_id: 'phones-and-online', bookmarked: true, read: true }]);
    await fireEvent.click(screen.getByTestId('library-back'));
    await fireEvent.change(screen.getByLabelText('Topic'), { target: { value: '' } });
    await fireEvent.click(screen.getByLabelText('Only my bookmarks'));
    await waitFor(() => expect(screen.getByTestId('library-count')).toHaveTextContent('1 found'));
    expect(screen.getByTestId('hit-phones-and-online')).toHaveTextContent('3 minute read · ★ Bookmarked · ✔ Read');
  });
});

describe('Our safer-caring policy', () => {
  it('saves as you type, section by section, and exports a document', async () => {
    const state = as('Sam');
    render(Policy);
    expect(await screen.findByDisplayValue('The Ashdown household')).toBeInTheDocument();
    expect(screen.getByLabelText('Privacy, bathrooms and bedrooms')).toHaveValue('We knock and wait for an answer before going into a bedroom.');
    await fireEvent.input(screen.getByLabelText('Photos and sharing images'), { target: { value: 'We ask before taking any photo.' } });
    await waitFor(() => expect(screen.getByTestId('policy-status')).toHaveTextContent('Saved'));
    expect(state.policies.Sam.sections.map((s) => s.topic)).toEqual(['privacy_bathrooms_bedrooms', 'photos']);
    await fireEvent.click(screen.getByRole('button', { name: 'Save as a document' }));
    expect(await screen.findByText(/Saved to .*Safer-caring policy - The Ashdown household.html/)).toBeInTheDocument();
  });

  it('does not lose words typed before the household is named, and says why it is not saving', async () => {
    const state = as('Sam');
    delete state.policies.Sam;
    render(Policy);
    await fireEvent.input(await screen.findByLabelText('Photos and sharing images'), { target: { value: 'Ask first.' } });
    expect(screen.getByTestId('policy-status')).toHaveTextContent('Add your household’s name first');
    await fireEvent.input(screen.getByLabelText('Household name'), { target: { value: 'The Oak Road household' } });
    await waitFor(() => expect(state.policies.Sam?.sections).toEqual([{ topic: 'photos', text: 'Ask first.' }]));
  });
});

describe('Learning log', () => {
  it('adds an entry, updates totals, the chart table and exports', async () => {
    const state = as('Sam');
    render(LearningLog);
    expect(await screen.findByTestId('learning-total')).toHaveTextContent('3 entries, 5 h in all.');
    expect(within(screen.getByTestId('by-month')).getAllByRole('row')).toHaveLength(4);
    await fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-11-20' } });
    await fireEvent.input(screen.getByLabelText('What was it?'), { target: { value: 'First aid' } });
    await fireEvent.input(screen.getByLabelText('Hours'), { target: { value: '1' } });
    await fireEvent.input(screen.getByLabelText('Minutes'), { target: { value: '30' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add to my log' }));
    await waitFor(() => expect(screen.getByTestId('learning-total')).toHaveTextContent('4 entries, 6 h 30 min in all.'));
    expect(within(screen.getByTestId('by-month')).getByText('Nov 2026').closest('tr')).toHaveTextContent('Nov 20263 h');
    expect(state.learning.Sam.at(-1)!.entry).toMatchObject({ date: '2026-11-20', title: 'First aid', minutes: 90 });
    await fireEvent.click(screen.getByRole('button', { name: /Save as a spreadsheet/ }));
    expect(await screen.findByText(/Saved to .*Learning log - Sam.csv/)).toBeInTheDocument();
  });

  it('refuses an entry with no time and keeps what was typed', async () => {
    const state = as('Sam');
    render(LearningLog);
    await screen.findByTestId('learning-total');
    await fireEvent.input(screen.getByLabelText('What was it?'), { target: { value: 'Webinar on contact' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add to my log' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say how long it took');
    expect(screen.getByLabelText('What was it?')).toHaveValue('Webinar on contact');
    expect(state.learning.Sam).toHaveLength(3);
  });
});

describe('Sharing and privacy', () => {
  it('lists consents in plain words and withdraws one', async () => {
    const state = as('Robin');
    render(Privacy, { session: state.session!, ondeleted: () => {} });
    const consent = await screen.findByTestId('consent');
    expect(consent).toHaveTextContent('You said the things you say (review answers and messages) that you choose to share can go to Sam Okafor (your social worker).');
    await fireEvent.click(within(consent).getByRole('button'));
    expect(await screen.findByTestId('no-consents')).toHaveTextContent('Nobody.');
    expect(screen.getByText(/1 waiting to go will not be sent/)).toBeInTheDocument();
    expect(screen.getByText(/deleted 1 thing it had from you, and its signed receipt checks out/)).toBeInTheDocument();
    // The confirmation stays on the page as a record, above an earlier ask still waiting.
    const deletions = await screen.findAllByTestId('deletion');
    expect(deletions[0]).toHaveTextContent('You asked Northvale Children’s Services to delete the things you say');
    expect(deletions[0]).toHaveTextContent('they deleted 1 thing, and their signed receipt checks out');
    expect(deletions[1]).toHaveTextContent('Waiting for them to confirm');
  });

  it('stops sharing with one of two workers, and says the service will no longer give them what was shared', async () => {
    const state = as('Robin');
    state.sharing.Robin.consents.push({ kind: 'statement', recipient: 'iro@x', worker: 'iro', since: '2026-11-12T09:00:00Z' });
    render(Privacy, { session: state.session!, ondeleted: () => {} });
    const consents = await screen.findAllByTestId('consent');
    expect(consents[1]).toHaveTextContent('can go to your Independent Reviewing Officer (IRO).');
    await fireEvent.click(within(consents[1]).getByRole('button'));
    expect(await screen.findByText(/Your service says it will no longer give them the 1 thing you shared before\. They may have read some of it already\./)).toBeInTheDocument();
    // The social worker still has it, so nothing is deleted at the service.
    expect(screen.queryByText(/deleted .* thing.* it had from you/)).toBeNull();
    expect(state.sharing.Robin.consents.map((c) => c.worker)).toEqual(['social_worker']);
  });

  it('downloads a copy anyone can read only from behind its warning', async () => {
    const state = as('Robin');
    render(Privacy, { session: state.session!, ondeleted: () => {} });
    await fireEvent.click(screen.getByText('A copy anyone can read'));
    await fireEvent.click(screen.getByRole('button', { name: 'Save a copy anyone can read (a page and a data file)' }));
    const saved = await screen.findByTestId('downloaded');
    expect(saved).toHaveTextContent('All my information - Robin.html');
    expect(saved).toHaveTextContent('All my information - Robin.json');
  });

  it('deletes the profile only when its name is typed exactly', async () => {
    const state = as('Robin');
    let deleted = 0;
    render(Privacy, { session: state.session!, ondeleted: () => deleted++ });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete my profile…' }));
    await fireEvent.input(screen.getByLabelText(/type your profile name/), { target: { value: 'robin' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete my profile for good' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Type your profile name, Robin, exactly to delete it.');
    expect(state.profiles.map((p) => p.name)).toContain('Robin');
    expect(deleted).toBe(0);
    await fireEvent.input(screen.getByLabelText(/type your profile name/), { target: { value: 'Robin' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete my profile for good' }));
    await waitFor(() => expect(deleted).toBe(1));
    expect(state.profiles.map((p) => p.name)).not.toContain('Robin');
  });
});

describe('Settings', () => {
  it('saves display choices and the idle time, and refuses an idle time out of range', async () => {
    const state = as('Robin');
    const seen: string[] = [];
    render(Settings, { settings: state.settings, language: 'en-GB', onlanguage: () => {}, onchange: (s: DisplaySettings) => seen.push(JSON.stringify(s)), onrecoverycode: () => {} });
    await fireEvent.click(screen.getByLabelText('Larger'));
    await waitFor(() => expect(state.settings.text_size).toBe('larger'));
    await fireEvent.click(screen.getByLabelText('High contrast'));
    await waitFor(() => expect(state.settings.high_contrast).toBe(true));
    expect(seen).toHaveLength(2);

    await fireEvent.input(screen.getByLabelText(/Lock Waymark after/), { target: { value: '0' } });
    await fireEvent.click(screen.getByTestId('save-idle'));
    expect(await screen.findByTestId('settings-error')).toHaveTextContent('between 1 and 60');
    expect(state.settings.idle_lock_minutes).toBe(5);
    await fireEvent.input(screen.getByLabelText(/Lock Waymark after/), { target: { value: '15' } });
    await fireEvent.click(screen.getByTestId('save-idle'));
    await waitFor(() => expect(state.settings.idle_lock_minutes).toBe(15));
  });

  it('makes a new recovery code only with the passphrase', async () => {
    const state = as('Robin');
    const codes: string[] = [];
    render(Settings, { settings: state.settings, language: 'en-GB', onlanguage: () => {}, onchange: () => {}, onrecoverycode: (c: string) => codes.push(c) });
    await fireEvent.input(screen.getByLabelText('Your passphrase'), { target: { value: 'wrong' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Make a new recovery code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That passphrase is not right');
    expect(codes).toEqual([]);
    await fireEvent.input(screen.getByLabelText('Your passphrase'), { target: { value: 'otter lantern biscuit' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Make a new recovery code' }));
    await waitFor(() => expect(codes).toHaveLength(1));
    expect(codes[0]).toBe(state.profiles[0].recovery);
    expect(screen.getByLabelText('Your passphrase')).toHaveValue('');
  });

  it('changes the passphrase only with the right current one and two matching new ones', async () => {
    const state = as('Robin');
    render(Settings, { settings: state.settings, language: 'en-GB', onlanguage: () => {}, onchange: () => {}, onrecoverycode: () => {} });
    const fill = async (current: string, next: string, again: string) => {
      await fireEvent.input(screen.getByLabelText('Passphrase now'), { target: { value: current } });
      await fireEvent.input(screen.getByLabelText('New passphrase'), { target: { value: next } });
      await fireEvent.input(screen.getByLabelText('New passphrase again'), { target: { value: again } });
      await fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    };
    await fill('otter lantern biscuit', 'silver kettle meadow', 'silver kettle meadows');
    expect(await screen.findByRole('alert')).toHaveTextContent('not the same');
    await fill('not it at all', 'silver kettle meadow', 'silver kettle meadow');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('That passphrase is not right'));
    expect(state.profiles[0].passphrase).toBe('otter lantern biscuit');
    await fill('otter lantern biscuit', 'silver kettle meadow', 'silver kettle meadow');
    expect(await screen.findByText(/Your passphrase is changed/)).toBeInTheDocument();
    expect(state.profiles[0].passphrase).toBe('silver kettle meadow');
  });
});

describe('Home', () => {
  it("shows the young person's next review date from their plan, counting the days", async () => {
    as('Robin');
    render(Home, { session: { name: 'Robin', role: 'young_person', language: 'en-GB', vault_check: SOUND }, ongo: () => {}, today: '2026-11-23' });
    await waitFor(() => expect(screen.getByTestId('next-review')).toHaveTextContent('Your next review: Thursday 14 January 2027 (in 52 days).'));
    expect(screen.getByTestId('todo')).toHaveTextContent('2 steps in your plan still to do.');
  });

  it('says the date is not here yet when the review has passed or no plan gives one', async () => {
    as('Robin');
    render(Home, { session: { name: 'Robin', role: 'young_person', language: 'en-GB', vault_check: SOUND }, ongo: () => {}, today: '2027-01-15' });
    await waitFor(() => expect(screen.getByTestId('todo')).toHaveTextContent('steps in your plan'));
    expect(screen.getByTestId('next-review')).toHaveTextContent('Your next review date is not here yet.');
  });

  it("reminds a carer when the policy is due to be looked at again", async () => {
    as('Sam');
    render(Home, { session: { name: 'Sam', role: 'carer', language: 'en-GB', vault_check: SOUND }, ongo: () => {}, today: '2027-11-02' });
    await waitFor(() => expect(screen.getByTestId('todo')).toHaveTextContent('due to be looked at again'));
  });
});

describe('Connecting to a service and sharing', () => {
  it('checks an invite code, shows who it is from, and connects only when asked', async () => {
    const state = as('Sam');
    render(Privacy, { session: state.session!, ondeleted: () => {} });
    await fireEvent.input(await screen.findByLabelText('Invite code'), { target: { value: 'hello' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check this code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not a Waymark invite code');
    expect(state.sharing.Sam.connection).toBeNull();

    await fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'wm1-eyJmb3JtYXQiOjF9' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check this code' }));
    const preview = await screen.findByTestId('service-preview');
    expect(preview).toHaveTextContent('This code is from Northvale Children’s Services.');
    expect(preview).toHaveTextContent('they get nothing until you say yes');
    expect(screen.getByTestId('preview-organisation')).toHaveTextContent('Only people and laptops this organisation signs for are trusted');
    expect(state.sharing.Sam.connection).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Connect to Northvale Children’s Services' }));
    expect(await screen.findByTestId('connection')).toHaveTextContent('Connected to Northvale Children’s Services');
    // Until a worker approves this laptop, the person is given the code to read to them.
    const approval = screen.getByTestId('approval');
    expect(approval).toHaveAttribute('data-approval', 'waiting');
    expect(approval).toHaveTextContent(`Read them this code: ${state.sharing.Sam.connection!.device_code}`);
    expect(approval).toHaveTextContent('Until they do, your plan cannot come to this laptop, and what you share waits here');
    expect(state.sharing.Sam.consents).toEqual([]);
    // The service keeps a roster: Sam chooses a worker of theirs, named as the roster names them.
    await fireEvent.click(screen.getByRole('button', { name: 'Say yes to sharing your learning log with Jo Adeyemi (your supervising social worker)' }));
    await waitFor(() => expect(state.sharing.Sam.consents.map((c) => [c.kind, c.worker])).toEqual([['learning_entry', 'supervising_social_worker']]));
    expect(screen.queryByRole('button', { name: /Say yes to sharing your learning log/ })).toBeNull();
  });

  it('asks for a yes before sharing a statement of a kind not yet agreed, then shares it', async () => {
    const state = as('Robin');
    state.sharing.Robin.consents = [];
    state.statements.Robin[1].status = 'ready';
    render(Shared);
    await fireEvent.click(await screen.findByTestId('share-s2'));
    const ask = await screen.findByTestId('ask-consent');
    expect(ask).toHaveTextContent('Who should get the things you say (review answers and messages)? Only their laptops can open it (and, if you say you don\'t feel safe, the laptops of the people who answer urgent messages at your service too).');
    // Robin has no IRO in the service's list yet, and is told what that means.
    expect(ask).toHaveTextContent('Nobody is your Independent Reviewing Officer (IRO) in the service\'s list yet, so what you share with them waits until someone is.');
    expect(state.statements.Robin[1].status).toBe('ready');
    await fireEvent.click(screen.getByRole('button', { name: 'Share with Sam Okafor (your social worker)' }));
    await waitFor(() => expect(state.statements.Robin[1].status).toBe('shared'));
    expect(state.sharing.Robin.consents.map((c) => c.worker)).toEqual(['social_worker']);
    expect(await screen.findByText('Sent to Northvale Children’s Services.')).toBeInTheDocument();
    expect(screen.queryByTestId('share-s2')).toBeNull();
  });

  it('says a statement waits on the laptop, not that it was sent, while no worker has approved the laptop', async () => {
    const state = as('Robin');
    state.sharing.Robin.connection!.approval = 'waiting';
    state.statements.Robin[1].status = 'ready';
    render(Shared);
    await fireEvent.click(await screen.findByTestId('share-s2'));
    expect(await screen.findByText(/It waits on this laptop until it can go/)).toBeInTheDocument();
    expect(screen.queryByText(/Sent to/)).toBeNull();
    expect(state.sharing.Robin.waiting_records).toContain('s2');
  });
});

describe('Sharing notes, the learning log and the policy', () => {
  it('shares a note only after the yes for notes, and marks it shared', async () => {
    const state = as('Robin');
    render(Notes);
    await fireEvent.click(await screen.findByTestId('share-n1'));
    expect(await screen.findByTestId('ask-consent')).toHaveTextContent('Who should get pathway notes you choose to share?');
    expect(state.notes.Robin[0].note.shared).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Share with both' }));
    await waitFor(() => expect(state.notes.Robin[0].note.shared).toBe(true));
    expect(await screen.findByText(/Shared$/)).toBeInTheDocument();
    expect(state.sharing.Robin.consents.map((c) => [c.kind, c.worker])).toEqual([['statement', 'social_worker'], ['pathway_note', 'social_worker'], ['pathway_note', 'iro']]);
  });

  it('changes service only with the passphrase, after saying what ends with the old one', async () => {
    const state = as('Sam');
    render(Privacy, { session: state.session!, ondeleted: () => {} });
    await fireEvent.input(await screen.findByLabelText('Invite code'), { target: { value: 'wm1-eyJmb3JtYXQiOjF9' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check this code' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Connect to Northvale Children’s Services' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Say yes to sharing your learning log with Jo Adeyemi (your supervising social worker)' }));
    await waitFor(() => expect(state.sharing.Sam.consents).toHaveLength(1));

    await fireEvent.click(screen.getByTestId('change-service'));
    await fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'wm1-eyJmb3JtYXQiOjJ9' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Check this code' }));
    const change = await screen.findByTestId('service-change');
    expect(change).toHaveTextContent('This replaces your connection to Northvale Children’s Services.');
    expect(change).toHaveTextContent('You said yes to sharing your learning log with Northvale Children’s Services: that ends.');
    expect(change).toHaveTextContent('Nothing you said yes to goes with you to the new service.');
    const connect = screen.getByRole('button', { name: 'Connect to Eastfield Family Placements' });
    await fireEvent.input(screen.getByLabelText('Your passphrase, to change service'), { target: { value: 'not it' } });
    await fireEvent.click(connect);
    expect(await screen.findByRole('alert')).toHaveTextContent('That passphrase is not right');
    expect(state.sharing.Sam.connection!.service_name).toBe('Northvale Children’s Services');
    await fireEvent.input(screen.getByLabelText('Your passphrase, to change service'), { target: { value: 'quiet harbour pebbles' } });
    await fireEvent.click(connect);
    expect(await screen.findByTestId('connection')).toHaveTextContent('Connected to Eastfield Family Placements');
    expect(state.sharing.Sam.consents).toEqual([]);
    expect(screen.getByTestId('no-consents')).toBeInTheDocument();
  });

  it('offers no sharing at all until a service is connected', async () => {
    as('Sam');
    render(LearningLog);
    await screen.findByTestId('learning-total');
    expect(screen.queryByRole('button', { name: /Share with/ })).toBeNull();
  });

  it('shares the policy and a learning entry once connected and agreed', async () => {
    const state = as('Sam');
    state.sharing.Sam = {
      consents: [], waiting: 0, sent: 0, last_sent: null, last_problem: null, deletions: [],
      connection: {
        service_name: 'Northvale Children’s Services', service_url: 'https://northvale.example', fingerprint: 'x',
        // Connected before the organisation kept a roster: the service itself is who it goes to.
        connected_at: '2026-11-20T10:00:00Z', device_id: 'd1', device_code: 'c0de', approval: 'no_roster', organisation: null,
      },
      kinds: ['safer_caring_policy', 'learning_entry'], workers: [], waiting_records: [],
    };
    render(Policy);
    await fireEvent.click(await screen.findByTestId('share-p1'));
    await fireEvent.click(await screen.findByRole('button', { name: 'Say yes and share' }));
    expect(await screen.findByText('Sent to Northvale Children’s Services.')).toBeInTheDocument();
    expect(state.sharing.Sam.sent).toBe(1);
    cleanup();
    render(LearningLog);
    await fireEvent.click(await screen.findByTestId('share-l1'));
    await fireEvent.click(await screen.findByRole('button', { name: 'Say yes and share' }));
    await waitFor(() => expect(state.sharing.Sam.sent).toBe(2));
  });
});
