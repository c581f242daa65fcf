// An in-memory stand-in for the Waymark shell, for component tests (Vitest) and browser tests
// (Playwright with axe-core). It answers every command of the generated command map with the
// same shapes and error codes as the application layer, with invented data, so the UI can be
// driven through every screen and state without the real app. It keeps fixtures, not rules:
// which kinds a role may share and which statements are urgent come from the Rust definitions
// through bindings.ts, and the passphrase meter's readings and the learning log's totals are
// answers recorded from the real backend (recorded.json). It is never part of the app's own
// bundle (see vite.config.ts).
import { mockIPC } from '@tauri-apps/api/mocks';
import { SHAREABLE_KINDS, URGENT_STATEMENT_KINDS, WORKERS_CHOSEN_BY } from '../lib/bindings';
import recordedJson from './recorded.json';
import type {
  CommandName,
  SessionView,
  WorkerCommandName,
  Commands,
  DisplaySettings,
  Language,
  LearningEntry,
  LearningLogView,
  NoteView,
  PlanView,
  PolicyTopicView,
  ProfileView,
  QuestionSetView,
  ResourceMarkView,
  ResourceView,
  Role,
  SaferCaringPolicy,
  ShareableKind,
  SharingView,
  StatementView,
  Strength,
  VaultCheckView,
  LibrarySourceView,
  WorkerRole,
} from '../lib/bindings';

/** What the whole-vault check says of a vault nobody changed. */
export const SOUND: VaultCheckView = { sound: true, nothing_sent: false, found: [] };

type Args = Record<string, any>;
// The shell's errors cross IPC as `{code, message, values}`; the fake throws the same shape.
export const refuse = (code: string, message: string, values: Record<string, string> = {}): never => {
  throw { code, message, values };
};
// An `invalid` refusal as the shell sends it: what it is about and why, as codes.
export const invalid = (field: string, problem: string, values: Record<string, string> = {}): never =>
  refuse('invalid', `${field}: ${problem}`, { field, problem, ...values });

export const NOW = '2026-11-23T10:00:00Z';
export const SERVICE = 'Northvale Children’s Services';
export const ORGANISATION = '7c1e-4b92-a05d-31f6-9e28-d4c7-0a5b-6f83';
/** Who holds each role in the fixture organisation's roster (Robin has no IRO yet). */
const WORKER_NAMES: Partial<Record<WorkerRole, string>> = { social_worker: 'Sam Okafor', supervising_social_worker: 'Jo Adeyemi' };
const OTHER_ORGANISATION = '2d6a-8f01-c3e5-47b9-a1d2-5e8c-906f-b374';

export const fakeResources: ResourceView[] = [
  {
    id: 'who-is-my-iro', title: 'Who is my IRO?', summary: 'Your IRO runs your reviews and checks your plan is working.',
    audience: 'young_person', tags: ['reviews'], reading_minutes: 2, last_reviewed: '2026-11-01', sources: ['IRO Handbook'], language: 'en-GB',
    body: '## What they do\n\nThey run your review meetings. If you need help now, see [Who to call](resource:who-to-call).',
  },
  {
    id: 'who-to-call', title: 'Who to call', summary: 'People you can call any time, free.', audience: 'young_person',
    tags: ['help'], reading_minutes: 1, last_reviewed: '2026-11-01', sources: ['Helpline websites'], language: 'en-GB',
    body: '## Right now\n\nCall **0800 1111** (Childline) any time. In danger, call **999**.',
  },
  {
    id: 'safer-caring-at-home', title: 'Safer caring in your home', summary: 'Agreeing how your household keeps everyone safe.',
    audience: 'carer', tags: ['safer-caring', 'policy'], reading_minutes: 4, last_reviewed: '2026-10-01', sources: ['Fostering standards'], language: 'en-GB',
    body: '## What it is\n\nA written agreement about privacy, touch, phones and visitors.',
  },
  {
    id: 'phones-and-online', title: 'Phones and being online', summary: 'Talking about phones, apps and staying safe online.',
    audience: 'carer', tags: ['online'], reading_minutes: 3, last_reviewed: '2026-10-01', sources: ['Online safety guidance'], language: 'en-GB',
    body: '## Agree it together\n\nMake the rules with the young person, not for them.',
  },
];

const guide: PolicyTopicView[] = [
  { topic: 'who_lives_and_visits' },
  { topic: 'privacy_bathrooms_bedrooms' },
  { topic: 'online_and_phones' },
  { topic: 'photos' },
];

export const fakeQuestions: QuestionSetView = {
  id: 'review', version: 1, title: 'Get ready for my review',
  questions: [
    { id: 'home', section: 'How things are going', kind: 'face', prompt: 'How are things at home?', hint: null, choices: [], language: 'en-GB' },
    { id: 'worries', section: 'Worries', kind: 'words', prompt: 'Is anything worrying you?', hint: 'You can leave this out.', choices: [], language: 'en-GB' },
  ],
};

export interface FakeState {
  profiles: (ProfileView & { passphrase: string; recovery: string })[];
  session: SessionView | null;
  settings: DisplaySettings;
  statements: Record<string, StatementView[]>;
  notes: Record<string, NoteView[]>;
  plans: Record<string, PlanView[]>;
  policies: Record<string, SaferCaringPolicy>;
  learning: Record<string, { id: string; entry: LearningEntry }[]>;
  marks: Record<string, ResourceMarkView[]>;
  sharing: Record<string, SharingView>;
  calls: string[];
  quickExits: number;
  /** What the whole-vault check finds at the next unlock (as the core would, after tampering). */
  vaultCheck: VaultCheckView;
  /** Where the installed library's pages come from. */
  library: LibrarySourceView;
}

export function emptyState(): FakeState {
  return {
    profiles: [], session: null, calls: [], quickExits: 0, vaultCheck: SOUND, library: { source: 'builtin', version: 3, expires_at: null },
    settings: { text_size: 'standard', dyslexia_font: false, high_contrast: false, idle_lock_minutes: 5, language: 'en-GB' },
    statements: {}, notes: {}, plans: {}, policies: {}, learning: {}, marks: {}, sharing: {},
  };
}

/** Answers recorded from the real application layer (crates/waymark-commands/tests/
 *  fake_recordings.rs keeps them current), so the fake never restates the rules behind them. */
interface Recorded {
  passphrase_strength: { request: { passphrase: string }; response: Strength }[];
  refusals: { command: CommandName | WorkerCommandName; request: unknown; response: { code: string; message: string; values: Record<string, string> } }[];
  learning_log: { request: { entries: LearningEntry[] }; response: Omit<LearningLogView, 'entries'> & { entries: LearningEntry[] } }[];
}
const recorded = recordedJson as unknown as Recorded;
const recordedStrengths = new Map(recorded.passphrase_strength.map((c) => [c.request.passphrase, c.response]));

/** The meter's reading of `p`, as the real rules gave it. A passphrase nobody recorded is a
 *  mistake in a test, said so plainly. */
export function strengthOf(p: string): Strength {
  return recordedStrengths.get(p) ?? refuse('internal', `The fake has no recorded strength for '${p}': add it to ui/src/fake/recorded.json and run UPDATE_BINDINGS=1 cargo test -p waymark-commands.`);
}

/** The values a weak-passphrase refusal carries, as the shell sends them. */
function weakValues(s: Strength): Record<string, string> {
  const p = s.problem!;
  return { problem: p.code, word: p.code === 'common' ? p.word : '' };
}

/** A value as text that does not depend on the order its fields were written in, nor on fields
 *  left out versus set to null. */
const canonical = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const fields = Object.entries(v).filter(([, x]) => x !== undefined && x !== null).sort(([a], [b]) => a.localeCompare(b));
    return `{${fields.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
};
const sameEntry = (a: LearningEntry, b: LearningEntry) => canonical(a) === canonical(b);

/** The log as the real backend showed it for the same entries: its order, totals by month and
 *  in all, recorded from the real application layer. */
function learningView(entries: { id: string; entry: LearningEntry }[]): LearningLogView {
  const sorted = (list: LearningEntry[]) => list.map(canonical).sort().join('\n');
  const mine = sorted(entries.map((e) => e.entry));
  const real = recorded.learning_log.find((c) => sorted(c.request.entries) === mine)?.response
    ?? refuse('internal', 'The fake has no recorded learning log for these entries: add them to ui/src/fake/recorded.json and run UPDATE_BINDINGS=1 cargo test -p waymark-commands.');
  return {
    entries: real.entries.map((e) => entries.find((x) => sameEntry(x.entry, e))!),
    by_month: real.by_month,
    total_minutes: real.total_minutes,
  };
}

type Handlers = { [K in CommandName]: (request: Commands[K]['request']) => Commands[K]['response'] };

/** The fake's answer to every command, as the shell would give it. Typed by the generated
 *  command map: a command missing here, or answered in another shape, does not compile.
 *  Throws `{code, message, values}` as the shell does. */
export function handlers(state: FakeState): Handlers {
  const me = () => state.session ?? refuse('locked', 'Waymark is locked. Open your profile first.');
  const key = () => me().name;
  const sharingOf = (): SharingView =>
    (state.sharing[key()] ??= {
      consents: [], waiting: 0, sent: 0, connection: null, last_sent: null, last_problem: null, deletions: [],
      kinds: SHAREABLE_KINDS[me().role], workers: [], waiting_records: [],
    });
  /** The workers this person may choose, with who holds each role (the fixture roster's names). */
  const workersOf = () => WORKERS_CHOSEN_BY[me().role].map((worker) => ({ worker, name: WORKER_NAMES[worker] ?? null }));
  const newCode = () => 'K7M2-QX9D-ABCD-EFGH-JKMN-' + String(state.profiles.length + 1000).slice(-4).replace(/\d/g, (d) => 'PQRSTVWXYZ'[+d]);
  const statementOf = (id: string) =>
    (state.statements[key()] ?? []).find((x) => x.id === id) ?? refuse('not_found', 'Nothing found.', { thing: 'record', given: String(id) });
  const connection = { service_name: SERVICE, service_url: 'https://northvale.example', fingerprint: '1d89-8eff-fb8f-b812-b509-29c4-4150-13c1' };
  const elsewhere = { service_name: 'Eastfield Family Placements', service_url: 'https://eastfield.example', fingerprint: '9a02-6c4e-1f83-d5b7-0e29-7a6c-3b18-f4d0' };
  // A fresh connection waits for a worker to approve it, as a real one does.
  const waitingForApproval = { device_code: '5be0-71c2-9a4d-03f8-e61b-2c97-d4a0-8f13', approval: 'waiting' as const, organisation: ORGANISATION };
  return {
    list_profiles: () => state.profiles.map(({ name, role, language }) => ({ name, role, language })),
    session_status: () => state.session,
    set_profile_language: ({ language }) => {
      const p = state.profiles.find((x) => x.name === me().name)!;
      p.language = language;
      state.session = { ...me(), language };
      return state.session;
    },
    get_settings: () => state.settings,
    save_settings: ({ settings }) => {
      state.settings = settings;
      return settings;
    },
    passphrase_strength: ({ passphrase }) => strengthOf(passphrase),
    suggest_words: () => ({ words: 'otter-lantern-biscuit' }),
    create_profile: (a) => {
      if (state.profiles.some((p) => p.name === a.name)) refuse('profile_name_taken', `There is already a profile called '${a.name}'.`, { name: a.name });
      const s = strengthOf(a.passphrase);
      if (s.problem) refuse('weak_passphrase', 'That passphrase is too easy to guess.', weakValues(s));
      const recovery = newCode();
      // A new profile speaks the start screen's language, as in the core.
      const language = state.settings.language;
      state.profiles.push({ name: a.name, role: a.role, language, passphrase: a.passphrase, recovery });
      state.session = { name: a.name, role: a.role, language, vault_check: SOUND };
      return { session: state.session, recovery_code: recovery };
    },
    unlock: (a) => {
      const p = state.profiles.find((x) => x.name === a.name) ?? refuse('profile_not_found', `No profile called '${a.name}'.`, { name: a.name });
      if (p.passphrase !== a.passphrase) refuse('wrong_passphrase', 'That passphrase is not right. Check caps lock and try again.');
      state.session = { name: p.name, role: p.role, language: p.language, vault_check: state.vaultCheck };
      return state.session;
    },
    recover: (a) => {
      const p = state.profiles.find((x) => x.name === a.name) ?? refuse('profile_not_found', `No profile called '${a.name}'.`, { name: a.name });
      if (p.recovery !== String(a.recovery_code).trim().toUpperCase()) refuse('wrong_recovery_code', 'That recovery code is not right. Check each group of letters and numbers.');
      const s = strengthOf(a.passphrase);
      if (s.problem) refuse('weak_passphrase', 'That passphrase is too easy to guess.', weakValues(s));
      p.passphrase = a.passphrase;
      p.recovery = newCode().replace('K7M2', 'R3CV');
      state.session = { name: p.name, role: p.role, language: p.language, vault_check: SOUND };
      return { session: state.session, recovery_code: p.recovery };
    },
    save_recovery_code: () => ({ path: '/home/invented/Downloads/Waymark note.txt' }),
    change_passphrase: (a) => {
      const p = state.profiles.find((x) => x.name === key())!;
      if (p.passphrase !== a.current) refuse('wrong_passphrase', 'That passphrase is not right. Check caps lock and try again.');
      const s = strengthOf(a.new_passphrase);
      if (s.problem) refuse('weak_passphrase', 'That passphrase is too easy to guess.', weakValues(s));
      p.passphrase = a.new_passphrase;
      p.recovery = newCode().replace('K7M2', 'C4NG');
      return { recovery_code: p.recovery };
    },
    work_progress: () => null,
    keep_what_opens: () => {
      state.vaultCheck = SOUND;
      state.session = { ...me(), vault_check: SOUND };
      return state.session;
    },
    replace_recovery_code: (a) => {
      const p = state.profiles.find((x) => x.name === key())!;
      if (p.passphrase !== a.passphrase) refuse('wrong_passphrase', 'That passphrase is not right. Check caps lock and try again.');
      p.recovery = newCode().replace('K7M2', 'N3WC');
      return { recovery_code: p.recovery };
    },
    lock: () => { state.session = null; return null; },
    quick_exit: () => { state.session = null; state.quickExits++; return null; },
    search_library: ({ query }) => {
      const q = query.toLowerCase();
      return fakeResources
        .filter((r) => (r.title + ' ' + r.summary + ' ' + r.body).toLowerCase().includes(q))
        .map(({ id, title, summary, audience, reading_minutes, tags, language }) => ({ id, title, summary, audience, reading_minutes, tags, language }));
    },
    library_source: () => state.library,
    reset_library: () => (state.library = { source: 'builtin', version: 3, expires_at: null }),
    get_resource: ({ id }) => fakeResources.find((r) => r.id === id) ?? refuse('not_found', 'No such page.', { thing: 'resource', given: id }),
    resource_marks: () => state.marks[key()] ?? [],
    mark_resource: (a) => {
      const list = (state.marks[key()] ??= []);
      const old = list.find((m) => m.resource_id === a.id);
      const mark = { resource_id: a.id, bookmarked: a.bookmarked ?? old?.bookmarked ?? false, read: a.read ?? old?.read ?? false };
      state.marks[key()] = [...list.filter((m) => m.resource_id !== a.id), mark];
      return mark;
    },
    question_set: () => fakeQuestions,
    helplines: () => [
      { id: 'childline', number: '0800 1111' },
      { id: 'emergency', number: '999' },
    ],
    list_statements: () => state.statements[key()] ?? [],
    start_statement: ({ kind }) => {
      const list = (state.statements[key()] ??= []);
      const s: StatementView = { id: `s${list.length + 1}`, kind, status: 'draft', urgent: URGENT_STATEMENT_KINDS.includes(kind), words: null, answers: [], history: [{ status: 'draft', at: NOW }], responses: [], updated_at: NOW };
      list.push(s);
      return s;
    },
    save_answer: ({ id, answer }) => {
      const s = statementOf(id);
      s.answers = s.answers.filter((x) => x.question_id !== answer.question_id).concat([answer]);
      return s;
    },
    save_words: ({ id, words }) => {
      const s = statementOf(id);
      s.words = words;
      return s;
    },
    set_statement_status: ({ id, status }) => {
      const s = statementOf(id);
      s.status = status;
      s.history.push({ status, at: NOW });
      return s;
    },
    plan_matters: () => ['accommodation', 'education_or_training', 'health', 'financial_support'],
    list_plans: () => state.plans[key()] ?? [],
    list_notes: () => state.notes[key()] ?? [],
    save_note: (a) => {
      const list = (state.notes[key()] ??= []);
      const old = list.find((n) => n.id === a.id);
      const note = { ...a.note, matter: a.note.matter ?? undefined, progress: a.note.progress ?? undefined, shared: old?.note.shared ?? false, written_at: old?.note.written_at ?? NOW };
      const view = { id: old?.id ?? `n${list.length + 1}`, note };
      state.notes[key()] = [view, ...list.filter((n) => n.id !== view.id)];
      return view;
    },
    policy_guide: () => guide,
    get_policy: () => (state.policies[key()] ? { id: 'p1', policy: state.policies[key()] } : null),
    save_policy: ({ policy }) => {
      state.policies[key()] = policy;
      return { id: 'p1', policy };
    },
    export_policy: () => {
      const p = state.policies[key()] ?? refuse('no_policy', 'Write some of your policy first.');
      return { path: `/home/invented/Downloads/Safer-caring policy - ${p.household}.html` };
    },
    learning_log: () => learningView(state.learning[key()] ?? []),
    add_learning: ({ entry }) => {
      const list = (state.learning[key()] ??= []);
      list.push({ id: `l${list.length + 1}`, entry });
      return learningView(list);
    },
    export_learning_log: () => ({ path: `/home/invented/Downloads/Learning log - ${key()}.csv` }),
    sharing_overview: () => sharingOf(),
    preview_service: ({ code }) => {
      me();
      const s = sharingOf();
      if (!s.connection) return { ...connection, invite_expires: '2026-11-26T10:00:00Z', organisation: ORGANISATION, replaces: null };
      // Connected already: the code is another organisation's, and connecting would change this.
      const current = s.connection.service_name;
      const pending = { ...elsewhere, invite_expires: '2026-11-26T10:00:00Z', organisation: OTHER_ORGANISATION };
      return {
        ...pending,
        replaces: {
          current_service: current,
          same_organisation: false,
          consents_ending: s.consents.filter((c) => c.worker !== null || c.recipient === current).map((c) => c.kind),
          waiting_dropped: s.waiting,
          deletions_dropped: s.deletions.filter((d) => d.confirmed_at === null).length,
        },
      };
    },
    connect_service: ({ passphrase }) => {
      const s = sharingOf();
      if (s.connection) {
        // The rule is the core's; this keeps only what a stand-in must: who said what.
        if (passphrase == null) invalid('service_name', 'needs_passphrase');
        const p = state.profiles.find((x) => x.name === key())!;
        if (p.passphrase !== passphrase) refuse('wrong_passphrase', 'That passphrase is not right. Check caps lock and try again.');
        const current = s.connection.service_name;
        s.consents = s.consents.filter((c) => c.worker === null && c.recipient !== current);
        s.waiting = 0;
        s.deletions = s.deletions.filter((d) => d.confirmed_at !== null);
        s.connection = { ...elsewhere, connected_at: NOW, device_id: '0b3e5f7a-2c4d-4e6f-8a1b-3c5d7e9f1a2b', ...waitingForApproval, organisation: OTHER_ORGANISATION };
        s.workers = workersOf();
        return s;
      }
      s.connection = { ...connection, connected_at: NOW, device_id: '6f1c2a9e-0b7d-4e3a-9c55-2d8e41f0a7b3', ...waitingForApproval };
      s.workers = workersOf();
      return s;
    },
    give_consent: ({ kind, worker }) => {
      const s = sharingOf();
      if (!s.connection) refuse('not_connected', 'Connect to your service first, in Sharing and privacy.');
      if (!SHAREABLE_KINDS[me().role].includes(kind)) invalid('kind', 'not_shareable');
      const organisation = s.connection!.organisation;
      if (organisation === null) {
        s.consents.push({ kind, recipient: SERVICE, worker: null, since: NOW });
      } else {
        if (!worker || !WORKERS_CHOSEN_BY[me().role].includes(worker)) invalid('recipient', 'not_known');
        s.consents.push({ kind, recipient: `${worker}@${organisation}`, worker: worker ?? null, since: NOW });
      }
      return s;
    },
    share_with_service: ({ id }) => {
      const s = sharingOf();
      if (!s.connection) refuse('not_connected', 'Connect to your service first, in Sharing and privacy.');
      const st = (state.statements[key()] ?? []).find((x) => x.id === id);
      const note = (state.notes[key()] ?? []).find((x) => x.id === id);
      const entry = (state.learning[key()] ?? []).find((x) => x.id === id);
      const kind: ShareableKind = st ? 'statement' : note ? 'pathway_note' : entry ? 'learning_entry' : id === 'p1' ? 'safer_caring_policy' : refuse('not_found', 'Nothing found.', { thing: 'record', given: String(id) });
      if (!s.consents.some((c) => c.kind === kind && (c.worker !== null || c.recipient === SERVICE))) {
        refuse('no_consent', `No consent to share ${kind} with ${SERVICE}.`, { kind, recipient: SERVICE });
      }
      if (st) {
        st.status = 'shared';
        st.history.push({ status: 'shared', at: NOW });
      }
      if (note) note.note.shared = true;
      // A laptop no worker has approved yet seals to no one: what it shares waits.
      if (s.connection!.approval === 'waiting') {
        s.waiting++;
        s.waiting_records.push(id);
        return s;
      }
      s.sent++;
      s.last_sent = NOW;
      return s;
    },
    send_now: () => {
      const s = sharingOf();
      s.sent += s.waiting;
      s.waiting = 0;
      s.waiting_records = [];
      s.last_sent = NOW;
      return s;
    },
    withdraw_consent: (a) => {
      const s = sharingOf();
      const recipient = a.recipient ?? SERVICE;
      const worker = s.consents.find((c) => c.kind === a.kind && c.recipient === recipient)?.worker ?? null;
      s.consents = s.consents.filter((c) => !(c.kind === a.kind && c.recipient === recipient));
      const removed = s.waiting;
      s.waiting = 0;
      // The service deletes once nobody there is chosen for the kind any more.
      const stillThere = s.consents.some((c) => c.kind === a.kind && c.worker !== null);
      const atService = s.connection !== null && (worker !== null ? !stillThere : recipient === s.connection.service_name);
      if (atService) s.deletions.unshift({ kind: a.kind, service_name: SERVICE, asked_at: NOW, confirmed_at: NOW, deleted: s.sent });
      // Another worker there still has it: the one no longer chosen is not handed it again.
      const noLongerHanded = worker !== null && stillThere ? s.sent : null;
      return { recipient, worker, no_longer_handed: noLongerHanded, removed_from_outbox: removed, deleted_at_service: atService ? s.sent : null, deletion_problem: null };
    },
    export_everything: () => [
      { path: `/home/invented/Downloads/All my information - ${key()}.html` },
      { path: `/home/invented/Downloads/All my information - ${key()}.json` },
    ],
    export_sealed: ({ passphrase }) => {
      const p = state.profiles.find((x) => x.name === key())!;
      if (p.passphrase !== passphrase) refuse('wrong_passphrase', 'That passphrase is not right. Check caps lock and try again.');
      return { path: '/home/invented/Downloads/Waymark locked copy.waymark' };
    },
    // A locked copy is anything here; it "opens" with a passphrase of the sample people's.
    restore_profile: (a) => {
      const from = state.profiles.find((x) => x.passphrase === a.passphrase) ?? refuse('wrong_passphrase', 'That passphrase is not right. Check caps lock and try again.');
      const name = a.name ?? from.name;
      if (state.profiles.some((p) => p.name === name)) refuse('profile_name_taken', `There is already a profile called '${name}'.`, { name });
      const recovery = newCode();
      state.profiles.push({ ...from, name, recovery });
      state.session = { name, role: from.role, language: from.language, vault_check: SOUND };
      return { session: state.session, recovery_code: recovery };
    },
    delete_profile: ({ confirm_name }) => {
      if (confirm_name !== key()) refuse('confirm_mismatch', `Type your profile name, ${key()}, exactly to delete it.`, { name: key() });
      state.profiles = state.profiles.filter((p) => p.name !== key());
      state.session = null;
      return null;
    },
  };
}

/** Handles one command as the shell would. Throws `{code, message, values}` as the shell does:
 *  first any refusal recorded from the real backend for this very request. */
export function handle(state: FakeState, cmd: string, a: Args): unknown {
  state.calls.push(cmd);
  throwRecordedRefusal(cmd, a);
  const all = handlers(state) as unknown as Record<string, (request: Args) => unknown>;
  const handler = all[cmd] ?? refuse('unknown', `The fake backend has no command '${cmd}'.`);
  return handler(a);
}

/** Throws the real backend's refusal of this very request, if one was recorded. */
export function throwRecordedRefusal(cmd: string, a: Args) {
  const refusal = recorded.refusals.find((r) => r.command === cmd && canonical(r.request) === canonical(a));
  if (refusal) throw refusal.response;
}

/** What a test answers itself, for the few commands a component calls: typed like the fake, so
 *  a renamed or reshaped command fails to compile here too. */
export type CommandAnswers = Partial<Handlers>;

/** Answers the UI's IPC calls with `answers` alone (any other command is refused), and returns
 *  the names of the commands called, in order. */
export function mockCommands(answers: CommandAnswers): string[] {
  const calls: string[] = [];
  mockIPC((cmd, args) => {
    calls.push(cmd);
    const answer = (answers as Record<string, (request: Args) => unknown>)[cmd] ?? refuse('unknown', `This test answers no command '${cmd}'.`);
    return answer((args ?? {}) as Args);
  });
  return calls;
}

/** Answers the UI's IPC calls from `state` (in a test or a browser-test page). */
export function installFakeBackend(state: FakeState = emptyState()): FakeState {
  mockIPC((cmd, args) => handle(state, cmd, (args ?? {}) as Args));
  return state;
}

/** A young person with a plan, notes, a shared statement and a consent; a carer with a policy
 *  and learning. Invented people only. */
export function sampleState(): FakeState {
  const s = emptyState();
  s.library = { source: 'published', version: 7, expires_at: '2027-11-18T11:06:40Z' };
  s.profiles.push(
    { name: 'Robin', role: 'young_person', language: 'en-GB', passphrase: 'otter lantern biscuit', recovery: 'K7M2-QX9D-ABCD-EFGH-JKMN-PQRS' },
    { name: 'Sam', role: 'carer', language: 'en-GB', passphrase: 'quiet harbour pebbles', recovery: 'K7M2-QX9D-ABCD-EFGH-JKMN-TVWX' },
  );
  s.statements.Robin = [
    { id: 's1', kind: 'change_something', status: 'read', urgent: false, words: 'I would like to see my brother more often.', answers: [], updated_at: NOW,
      history: [{ status: 'draft', at: '2026-11-10T10:00:00Z' }, { status: 'ready', at: '2026-11-11T10:00:00Z' }, { status: 'shared', at: '2026-11-12T10:00:00Z' },
        { status: 'received', at: '2026-11-12T11:00:00Z' }, { status: 'read', at: '2026-11-13T09:30:00Z' }],
      responses: [
        { kind: 'read', worker_name: 'Sam Okafor', worker_role: 'social_worker', words: null, at: '2026-11-13T09:30:00Z' },
        { kind: 'replied', worker_name: 'Sam Okafor', worker_role: 'social_worker', words: 'Let’s plan more visits at your review.', at: '2026-11-13T09:40:00Z' },
      ] },
    { id: 's2', kind: 'review_preparation', status: 'draft', urgent: false, words: null, answers: [{ question_id: 'home', face: 4, choice: null, words: null }], updated_at: NOW,
      history: [{ status: 'draft', at: '2026-11-20T10:00:00Z' }], responses: [] },
  ];
  s.plans.Robin = [{
    latest: {
      plan_id: '00000000-0000-0000-0000-00000000002a', version: 2, kind: 'pathway_plan', title: "Robin's pathway plan", summary: 'Getting ready to live on my own.',
      effective_from: '2026-11-01', received_at: NOW, next_review_on: '2027-01-14',
      goals: [
        { id: 'g1', matter: 'accommodation', text: 'Find a flat near college', actions: [
          { id: 'a1', text: 'Visit two flats', owner: 'Personal adviser', due: '2026-12-01', status: 'done' },
          { id: 'a2', text: 'Fill in the housing form', owner: 'Me', status: 'in_progress' },
        ] },
        { id: 'g2', matter: 'financial_support', text: 'Open a bank account', actions: [
          { id: 'a3', text: 'Bring my ID to the bank', owner: 'Me', status: 'not_started' },
        ] },
      ],
    },
    versions: [1, 2], previous_version: 1,
    changes: ['“Find a flat” is now “Find a flat near college”.', '“Visit two flats” is now done.'],
  }];
  s.notes.Robin = [{ id: 'n1', note: { matter: 'financial_support', text: 'Made a budget with my adviser.', progress: 50, shared: false, written_at: '2026-11-18T10:00:00Z' } }];
  s.sharing.Robin = {
    consents: [{ kind: 'statement', recipient: `social_worker@${ORGANISATION}`, worker: 'social_worker', since: '2026-11-12T09:00:00Z' }],
    waiting: 1, sent: 1, last_sent: '2026-11-12T09:05:00Z', last_problem: null,
    deletions: [{ kind: 'pathway_note', service_name: SERVICE, asked_at: '2026-11-20T16:00:00Z', confirmed_at: null, deleted: null }],
    connection: {
      service_name: SERVICE,
      service_url: 'https://northvale.example',
      fingerprint: '1d89-8eff-fb8f-b812-b509-29c4-4150-13c1',
      connected_at: '2026-11-12T09:00:00Z',
      device_id: '6f1c2a9e-0b7d-4e3a-9c55-2d8e41f0a7b3',
      device_code: '5be0-71c2-9a4d-03f8-e61b-2c97-d4a0-8f13',
      approval: 'approved',
      organisation: ORGANISATION,
    },
    kinds: ['statement', 'pathway_note'],
    workers: [{ worker: 'social_worker', name: 'Sam Okafor' }, { worker: 'iro', name: null }],
    waiting_records: ['n0'],
  };
  s.policies.Sam = {
    household: 'The Ashdown household',
    sections: [{ topic: 'privacy_bathrooms_bedrooms', text: 'We knock and wait for an answer before going into a bedroom.' }],
    reviewed_on: '2026-11-01', next_review_on: '2027-11-01',
  };
  s.learning.Sam = [
    { id: 'l1', entry: { date: '2026-09-03', kind: 'course', title: 'Safer caring refresher', minutes: 180 } },
    { id: 'l2', entry: { date: '2026-10-14', kind: 'reading', title: 'Phones and being online', minutes: 30, resource_id: 'phones-and-online' } },
    { id: 'l3', entry: { date: '2026-11-05', kind: 'support_group', title: 'Carers’ coffee morning', minutes: 90, notes: 'Talked about contact visits.' } },
  ];
  return s;
}

/** The sample people, with Waymark's folder changed while it was closed: a withdrawal of consent
 * and the deletion it asked for were deleted. */
export function changedState(): FakeState {
  const s = sampleState();
  s.vaultCheck = {
    sound: false,
    nothing_sent: true,
    found: [
      { what: 'consent', rows_expected: 2, rows_found: 1 },
      { what: 'deletions', rows_expected: 1, rows_found: 0 },
    ],
  };
  return s;
}
