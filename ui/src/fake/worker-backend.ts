// The worker app's in-memory stand-in for the shell, for the browser tests of its screens. The
// commands both apps share (profiles, settings) are the person's fake's own handlers; the worker's
// own answer with invented fixtures. Like the person's fake it keeps fixtures and the state a
// stand-in must keep (connected or not, read, acknowledged, replied), not rules: which items come
// first, what a reply must say and who an answer reaches are tested against the real backend
// (crates/waymark-commands/tests/worker_app.rs). Never part of an app's bundle.
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AuditEntryView,
  ConnectionView,
  Plan,
  InboxItemView,
  OrganisationView,
  PersonDeviceView,
  PersonView,
  SharedItemView,
  WorkerCommandName,
  WorkerCommands,
  WorkerOverview,
} from '../lib/bindings';
import { emptyState, handlers, NOW, ORGANISATION, refuse, SERVICE, throwRecordedRefusal, type FakeState } from './backend';

type Args = Record<string, any>;
type WorkerHandlers = { [K in WorkerCommandName]: (request: WorkerCommands[K]['request']) => WorkerCommands[K]['response'] };

export interface WorkerFake {
  people: FakeState;
  connection: ConnectionView | null;
  me: WorkerOverview['me'];
  items: SharedItemView[];
  persons: PersonView[];
  previewed: boolean;
  /** The plan versions this laptop published, by person. */
  plans: Record<string, Plan[]>;
  /** The organisation as the roster has it, and each person's (or worker's) devices with the
   *  code each one's app shows (fixture data: the real backend compares fingerprints). */
  org: OrganisationView;
  devices: Record<string, (PersonDeviceView & { code: string })[]>;
  /** Whether the service left a hole in one laptop's audit chain (what the real check reports). */
  auditGap: boolean;
}

const ROBIN = '3f2a9c1e-5b7d-4e08-9a61-c2d4e8f0b135';
const ASH = '8c41d2e7-0f6a-4b39-b5e2-71a9c3d0e648';

const connected = (approval: ConnectionView['approval']): ConnectionView => ({
  service_name: SERVICE,
  service_url: 'https://northvale.example',
  fingerprint: '1d89-8eff-fb8f-b812-b509-29c4-4150-13c1',
  connected_at: '2026-11-20T09:00:00Z',
  device_id: '0b7d6f1c-2a9e-4e3a-9c55-41f0a7b32d8e',
  device_code: 'a3c9-04e1-7b2f-d855-19e0-6c4b-f27a-8d31',
  approval,
  organisation: ORGANISATION,
});

const summary = (s: Partial<InboxItemView> & Pick<InboxItemView, 'item' | 'record_kind' | 'received_at'>): InboxItemView => ({
  person_id: ROBIN, person_name: 'Robin T.', statement_kind: null, urgent: false, preview: '', read_at: null, acknowledged_at: null,
  replies: 0, refused: null, raised_at: null, acknowledge_by: null, alert_acknowledged: false, ...s,
});

const statement = (id: string, kind: 'not_safe' | 'review_preparation' | 'worried', words: string | null, answers: SharedItemView['statement'] extends infer S ? (S extends { answers: infer A } ? A : never) : never = []) => ({
  id, kind, status: 'shared' as const, urgent: kind === 'not_safe', answers, words, history: [], responses: [], updated_at: NOW,
});

const SAM = '5e0f8a21-7c3b-4d96-8e14-a2b9c6d3f470';
const DEE = '9a7c3e15-2b4f-4c80-b6d1-e3f5a7c9b012';
const JO = 'c2e4a6b8-1d3f-4e5a-8b7c-9d0e1f2a3b4c';

const readers = [{ name: null, role: null, me: true }, { name: 'Sam Okafor', role: 'social_worker' as const, me: false }];

/** Dee on the duty team, approved, with an urgent item from Robin waiting, and older things. */
export function workerSample(): WorkerFake {
  const people = emptyState();
  people.profiles.push({ name: 'Dee', role: 'worker', language: 'en-GB', passphrase: 'otter lantern biscuit', recovery: 'K7M2-QX9D-ABCD-EFGH-JKMN-WXYZ' });
  const items: SharedItemView[] = [
    {
      summary: summary({ item: '1e0c6a52-77d3-4c1b-9f20-5b8e3d4a6c01', record_kind: 'statement', statement_kind: 'not_safe', urgent: true, received_at: '2026-11-23T09:55:00Z',
        preview: 'Someone came to the house and I don’t feel safe.', raised_at: '2026-11-23T09:55:00Z', acknowledge_by: '2026-11-23T10:10:00Z' }),
      statement: statement('a1', 'not_safe', 'Someone came to the house and I don’t feel safe.'), note: null, policy: null, learning: null,
      readers: [{ name: null, role: null, me: true }, { name: 'Sam Okafor', role: 'social_worker', me: false }, { name: 'Jo Adeyemi', role: 'social_worker', me: false }], replies: [],
    },
    {
      summary: summary({ item: '2b7f1d90-3c4e-4a85-b612-9e0d7c5a3f12', record_kind: 'statement', statement_kind: 'review_preparation', received_at: '2026-11-21T16:20:00Z',
        preview: 'My foster carer helps me with homework.', read_at: '2026-11-21T17:00:00Z' }),
      statement: statement('a2', 'review_preparation', null, [
        { question_id: 'home', face: 4, choice: null, words: 'My foster carer helps me with homework.' },
        { question_id: 'worries', face: null, choice: null, words: 'I miss my brother.' },
      ]),
      note: null, policy: null, learning: null, readers, replies: [],
    },
    {
      summary: summary({ item: '3c8a2e01-4d5f-4b96-8723-af1e8d6b4023', record_kind: 'pathway_note', received_at: '2026-11-19T11:00:00Z', preview: 'Made a budget with my adviser.',
        read_at: '2026-11-19T12:00:00Z', replies: 1 }),
      statement: null, note: { id: 'n1', note: { matter: 'financial_support', text: 'Made a budget with my adviser.', progress: 50, shared: true, written_at: '2026-11-18T10:00:00Z' } },
      policy: null, learning: null, readers, replies: [{ words: 'Well done, Robin. Bring it to your review.', at: '2026-11-19T12:05:00Z' }],
    },
    {
      summary: summary({ item: '4d9b3f12-5e60-4ca7-9834-b02f9e7c5134', record_kind: 'learning_entry', person_id: ASH, person_name: null, received_at: '2026-11-18T08:30:00Z',
        preview: 'Safer caring refresher' }),
      statement: null, note: null, policy: null,
      learning: { id: 'l1', entry: { date: '2026-11-17', kind: 'course', title: 'Safer caring refresher', minutes: 180, notes: 'Useful on phones and privacy.' } },
      readers: [{ name: null, role: null, me: true }], replies: [],
    },
  ];
  return {
    people,
    connection: connected('approved'),
    me: { name: 'Dee Morgan', role: 'duty', admin: true },
    items,
    persons: [
      { id: ROBIN, name: 'Robin T.', served_as: 'young_person', my_roles: ['social_worker'], devices: 1, last_contact: '2026-11-23T09:55:00Z', waiting: 1, next_review_on: '2027-01-14' },
      { id: ASH, name: null, served_as: 'carer', my_roles: ['supervising_social_worker'], devices: 2, last_contact: '2026-11-18T08:30:00Z', waiting: 1, next_review_on: null },
    ],
    previewed: false,
    plans: {
      [ROBIN]: [{
        plan_id: '00000000-0000-0000-0000-00000000002a', version: 1, kind: 'pathway_plan', title: "Robin's pathway plan", summary: 'Getting ready to live on my own.',
        effective_from: '2026-11-01', received_at: '2026-11-01T10:00:00Z', next_review_on: '2027-01-14',
        goals: [{ id: 'g1', matter: 'accommodation', text: 'Find a flat', actions: [{ id: 'a1', text: 'Visit two flats', owner: 'Personal adviser', due: '2026-12-01', status: 'in_progress' }] }],
      }],
    },
    ...organisationSample(),
    auditGap: false,
  };
}

/** Dee's organisation: Robin and Ash, Sam and Jo beside Dee, and a device of Robin's waiting. */
function organisationSample(): Pick<WorkerFake, 'org' | 'devices'> {
  return {
    org: {
      organisation: SERVICE,
      i_am_admin: true,
      people: [
        { id: ROBIN, name: 'Robin T.', served_as: 'young_person', allocations: [{ role: 'social_worker', worker: SAM, name: 'Sam Okafor' }], devices: 1, mine: false },
        { id: ASH, name: null, served_as: 'carer', allocations: [], devices: 2, mine: false },
      ],
      workers: [
        { id: DEE, name: 'Dee Morgan', role: 'duty', admin: true, revoked: false, laptops: 1, me: true },
        { id: JO, name: 'Jo Adeyemi', role: 'social_worker', admin: false, revoked: false, laptops: 1, me: false },
        { id: SAM, name: 'Sam Okafor', role: 'social_worker', admin: false, revoked: false, laptops: 2, me: false },
      ],
      without_worker: [],
    },
    devices: {
      [ROBIN]: [
        { device: '7d2e9f40-1a3b-4c5d-8e6f-0a1b2c3d4e5f', status: 'waiting', enrolled_at: '2026-11-23T14:05:00Z', code: 'b41e-77c0-2d9a-e613-58f2-0c8b-a9d4-3e71' },
        { device: '2f6a8c0e-4b1d-4e3f-9a5b-7c9d1e3f5a7b', status: 'approved', enrolled_at: '2026-10-02T11:20:00Z', code: '' },
      ],
      [SAM]: [{ device: '6b8d0f2a-3c5e-4a7b-9c1d-2e4f6a8b0c1d', status: 'approved', enrolled_at: '2026-09-14T08:45:00Z', code: '' }],
    },
  };
}

/** A worker who has just made their profile: this laptop is not connected yet. */
export function workerNew(): WorkerFake {
  const w = workerSample();
  return { ...w, connection: null, me: null, items: [], persons: [], plans: {} };
}

function workerHandlers(w: WorkerFake): WorkerHandlers {
  const p = handlers(w.people);
  const me = () => w.people.session ?? refuse('locked', 'Waymark is locked. Open your profile first.');
  const overview = (): WorkerOverview => {
    me();
    const waiting = w.items.filter((i) => !i.summary.read_at || (i.summary.urgent && !i.summary.acknowledged_at)).length;
    const urgent = w.items.filter((i) => i.summary.urgent && !i.summary.acknowledged_at).length;
    return { connection: w.connection, me: w.connection ? w.me : null, waiting, urgent_waiting: urgent, last_refreshed: w.connection ? NOW : null, last_problem: null };
  };
  const devicesView = (person: string) => {
    me();
    const name = w.org.people.find((x) => x.id === person)?.name ?? w.org.workers.find((x) => x.id === person)?.name ?? null;
    return { person, name, devices: (w.devices[person] ?? []).map(({ code: _, ...d }) => d), may_revoke: w.org.i_am_admin };
  };
  // An invented code of the real shape (the real one carries the service, its fingerprint, the
  // organisation's and a one-time token).
  const inviteFor = (person: string, name: string, days: number) => ({
    person,
    name,
    code: `wm1-eyJmb3JtYXQiOjEsInNlcnZpY2VfdXJsIjoiaHR0cHM6Ly9ub3J0aHZhbGUuZXhhbXBsZSIsInBlcnNvbl9pZCI6IiR7cGVyc29ufSJ9${person.slice(0, 8)}`,
    expires_at: new Date(Date.parse(NOW) + days * 86_400_000).toISOString().replace('.000Z', 'Z'),
  });
  const itemOf = (id: string) => w.items.find((i) => i.summary.item === id) ?? refuse('not_found', 'Nothing found.', { thing: 'record', given: id });
  return {
    list_profiles: p.list_profiles,
    create_profile: p.create_profile,
    unlock: p.unlock,
    lock: p.lock,
    quick_exit: p.quick_exit,
    session_status: p.session_status,
    passphrase_strength: p.passphrase_strength,
    suggest_words: p.suggest_words,
    recover: p.recover,
    get_settings: p.get_settings,
    save_settings: p.save_settings,
    set_profile_language: p.set_profile_language,
    save_recovery_code: p.save_recovery_code,
    change_passphrase: p.change_passphrase,
    replace_recovery_code: p.replace_recovery_code,
    work_progress: p.work_progress,
    keep_what_opens: p.keep_what_opens,
    question_set: p.question_set,
    plan_matters: p.plan_matters,
    policy_guide: p.policy_guide,
    preview_service: ({ code }) => {
      me();
      if (!code.startsWith('wm1-')) refuse('bad_invite', 'That is not a Waymark invite code.', { problem: 'not_a_code' });
      w.previewed = true;
      return { service_name: SERVICE, service_url: 'https://northvale.example', fingerprint: '1d89-8eff-fb8f-b812-b509-29c4-4150-13c1', invite_expires: '2026-11-30T10:00:00Z', organisation: ORGANISATION, replaces: null };
    },
    connect_service: () => {
      if (!w.previewed) refuse('no_invite', 'Paste your invite code and check it first.');
      w.connection = connected('waiting');
      return { consents: [], waiting: 0, sent: 0, connection: w.connection, last_sent: null, last_problem: null, deletions: [], kinds: [], workers: [], waiting_records: [] };
    },
    worker_overview: overview,
    worker_refresh: overview,
    inbox: ({ search, person, kind }) => {
      me();
      const q = search?.trim().toLowerCase();
      const all = w.items.map((i) => i.summary);
      const shown = all.filter((s) => (!person || s.person_id === person) && (!kind || s.record_kind === kind) && (!q || s.preview.toLowerCase().includes(q)));
      // The fixture items are already in the order the real inbox puts them.
      const urgent = shown.filter((s) => s.urgent && !s.acknowledged_at);
      return {
        urgent,
        items: shown.filter((s) => !urgent.includes(s)),
        total: all.length,
        people: w.persons.map((x) => ({ id: x.id, name: x.name })),
      };
    },
    open_item: ({ item }) => itemOf(item),
    answer_item: ({ item, answer, words }) => {
      const i = itemOf(item);
      if (answer === 'reply') {
        i.replies.push({ words: words!, at: NOW });
        i.summary.replies = i.replies.length;
      }
      if (answer === 'acknowledge') {
        i.summary.acknowledged_at ??= NOW;
        i.summary.alert_acknowledged = true;
      }
      i.summary.read_at ??= NOW;
      return i;
    },
    save_case_record: (a) => {
      const who = a.item ? itemOf(a.item).summary.person_name : w.persons.find((x) => x.id === a.person)?.name;
      return { path: `/home/invented/Downloads/Case record - ${who ?? 'Person'}.pdf` };
    },
    person_plan: ({ person }) => {
      me();
      const versions = w.plans[person] ?? [];
      const latest = versions.at(-1) ?? null;
      const draft: Plan = latest
        ? { ...structuredClone(latest), version: latest.version + 1 }
        : { plan_id: '00000000-0000-0000-0000-0000000000b1', version: 1, kind: 'care_plan', title: '', summary: '', effective_from: NOW.slice(0, 10), received_at: NOW, goals: [] };
      const mine = w.persons.find((x) => x.id === person)?.my_roles.length ?? 0;
      return { person, latest, versions: versions.map((v) => v.version), draft, may_publish: mine > 0 };
    },
    // What changed is the real backend's to say (the same diff as the person's app); the fake
    // shows a fixed sentence so the screen can be checked.
    preview_plan: ({ person, plan }) => {
      const first = !(w.plans[person]?.length);
      return { version: plan.version, first, changes: first ? [] : ['“Find a flat” is now “Find a flat near college”.'] };
    },
    publish_plan: ({ person, plan }) => {
      if (!w.persons.find((x) => x.id === person)?.my_roles.length) refuse('not_their_worker', 'Only their worker can publish their plan.');
      (w.plans[person] ??= []).push({ ...plan, received_at: NOW });
      return { version: plan.version, devices: 1, changes: [] };
    },
    duty_view: () => {
      me();
      if (w.me?.role !== 'duty') refuse('not_on_duty', 'The team’s urgent items are for workers on the duty rota.');
      const urgent = w.items.find((i) => i.summary.urgent)!;
      return {
        alerts: [
          {
            alert_id: 12, item: urgent.summary.item, person_id: ROBIN, person_name: 'Robin T.', raised_at: '2026-11-23T09:55:00Z', acknowledge_by: '2026-11-23T10:10:00Z',
            acknowledged_at: urgent.summary.acknowledged_at, acknowledged_by: urgent.summary.acknowledged_at ? 'Dee Morgan' : null, escalations: 0,
            alerted: [
              { name: null, role: null, why: 'duty', alerted_at: '2026-11-23T09:55:00Z', me: true },
              { name: 'Sam Okafor', role: 'social_worker', why: 'allocated', alerted_at: '2026-11-23T09:55:00Z', me: false },
            ],
          },
          {
            alert_id: 9, item: null, person_id: ASH, person_name: null, raised_at: '2026-11-20T22:10:00Z', acknowledge_by: '2026-11-20T22:25:00Z',
            acknowledged_at: '2026-11-20T22:41:00Z', acknowledged_by: 'Jo Adeyemi', escalations: 1,
            alerted: [
              { name: 'Kit Evans', role: 'duty', why: 'duty', alerted_at: '2026-11-20T22:10:00Z', me: false },
              { name: 'Jo Adeyemi', role: 'social_worker', why: 'escalated', alerted_at: '2026-11-20T22:25:00Z', me: false },
            ],
          },
        ],
      };
    },
    organisation_view: () => {
      me();
      return w.org;
    },
    person_devices: ({ person }) => devicesView(person),
    approve_device: ({ person, device, code }) => {
      const d = (w.devices[person] ?? []).find((x) => x.device === device) ?? refuse('device_not_enrolled', 'That device has not connected.');
      const digits = (text: string) => text.toLowerCase().replace(/[^0-9a-f]/g, '');
      if (!digits(code) || digits(code) !== digits(d.code)) refuse('code_does_not_match', 'That code does not match this device.');
      d.status = 'approved';
      return devicesView(person);
    },
    revoke_device: ({ person, device }) => {
      const d = (w.devices[person] ?? []).find((x) => x.device === device) ?? refuse('device_not_enrolled', 'That device has not connected.');
      d.status = 'revoked';
      return devicesView(person);
    },
    invite_person: ({ name, served_as, workers, days }) => {
      me();
      const id = `0a1b2c3d-4e5f-4a6b-8c7d-${String(w.org.people.length).padStart(12, '0')}`;
      const allocations = (workers ?? []).map((x) => w.org.workers.find((y) => y.id === x)!).map((x) => ({ role: x.role, worker: x.id, name: x.name }));
      w.org.people.push({ id, name: name.trim(), served_as, allocations, devices: 0, mine: false });
      return inviteFor(id, name.trim(), days ?? 14);
    },
    // Building and checking the bundle is the real backend's (tested in worker_app.rs).
    publish_library: ({ pages, version }) => {
      me();
      return { version, pages: pages.length, expires_at: '2027-11-18T11:06:40Z' };
    },
    save_invite_sheet: ({ name }) => ({ path: `/home/invented/Downloads/Waymark invite - ${name}.pdf` }),
    add_worker: ({ name, role }) => {
      const id = `1b2c3d4e-5f6a-4b7c-9d8e-${String(w.org.workers.length).padStart(12, '0')}`;
      w.org.workers.push({ id, name: name.trim(), role, admin: false, revoked: false, laptops: 0, me: false });
      return inviteFor(id, name.trim(), 14);
    },
    new_invite_code: ({ person }) => inviteFor(person, w.org.people.find((x) => x.id === person)?.name ?? w.org.workers.find((x) => x.id === person)?.name ?? person.slice(0, 8), 14),
    remove_worker: ({ worker }) => {
      const x = w.org.workers.find((y) => y.id === worker)!;
      x.revoked = true;
      x.laptops = 0;
      for (const p of w.org.people) {
        if (p.allocations.some((a) => a.worker === worker)) {
          p.allocations = p.allocations.filter((a) => a.worker !== worker);
          w.org.without_worker.push(p.id);
        }
      }
      return w.org;
    },
    allocate: ({ person, worker }) => {
      const p = w.org.people.find((x) => x.id === person)!;
      const x = w.org.workers.find((y) => y.id === worker)!;
      p.allocations = [...p.allocations.filter((a) => a.role !== x.role), { role: x.role, worker: x.id, name: x.name }];
      w.org.without_worker = w.org.without_worker.filter((id) => id !== person);
      return w.org;
    },
    // An invented log, already checked (the real backend checks each laptop's signed chain).
    audit_log: () => {
      me();
      if (!w.org.i_am_admin) refuse('not_admin', 'Only an administrator can do this.');
      const entry = (at: string, worker: string, role: 'duty' | 'social_worker', laptop: string, action: string, more: Partial<AuditEntryView> = {}): AuditEntryView => ({
        at, worker, role, laptop, action, person: null, person_name: null, answer: null, plan_version: null, library_version: null, roster_change: null, items: null, ...more,
      });
      const dee = '0b7d6f1c-2a9e-4e3a-9c55-41f0a7b32d8e';
      const sam = '6b8d0f2a-3c5e-4a7b-9c1d-2e4f6a8b0c1d';
      return {
        entries: [
          entry('2026-11-23T09:58:00Z', 'Dee Morgan', 'duty', dee, 'answered', { person: ROBIN, person_name: 'Robin T.', answer: 'acknowledged' }),
          entry('2026-11-23T09:57:00Z', 'Dee Morgan', 'duty', dee, 'opened', { person: ROBIN, person_name: 'Robin T.' }),
          entry('2026-11-22T16:10:00Z', 'Sam Okafor', 'social_worker', sam, 'published_plan', { person: ROBIN, person_name: 'Robin T.', plan_version: 2 }),
          entry('2026-11-21T11:02:00Z', 'Dee Morgan', 'duty', dee, 'changed_roster', { roster_change: 'revoke_device' }),
          entry('2026-11-20T14:30:00Z', 'Sam Okafor', 'social_worker', sam, 'saved_case_record', { person: ASH, items: 3 }),
        ],
        total: 5,
        problems: w.auditGap ? [{ worker: 'Sam Okafor', laptop: sam, problem: 'missing', from: 4, to: 6 }] : [],
        laptops: [
          { worker: 'Dee Morgan', laptop: dee, entries: 3, last_at: '2026-11-23T09:58:00Z' },
          { worker: 'Sam Okafor', laptop: sam, entries: 2, last_at: '2026-11-22T16:10:00Z' },
        ],
      };
    },
    my_people: () => {
      me();
      return w.persons;
    },
    name_person: ({ person, name }) => {
      const x = w.persons.find((y) => y.id === person) ?? refuse('not_found', 'Nothing found.', { thing: 'record', given: person });
      x.name = name.trim() || null;
      for (const i of w.items) if (i.summary.person_id === person) i.summary.person_name = x.name;
      return w.persons;
    },
  };
}

/** Answers the worker window's IPC calls from `w`. */
export function installWorkerBackend(w: WorkerFake = workerSample()): WorkerFake {
  mockIPC((cmd, args) => {
    w.people.calls.push(cmd);
    // What a reply must say, and the like, is the real backend's to refuse: its recorded answers.
    throwRecordedRefusal(cmd, (args ?? {}) as Args);
    const all = workerHandlers(w) as unknown as Record<string, (request: Args) => unknown>;
    const handler = all[cmd] ?? refuse('unknown', `The worker app has no command '${cmd}'.`);
    return handler((args ?? {}) as Args);
  });
  return w;
}
