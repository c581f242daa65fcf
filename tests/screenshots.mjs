// Takes the README's screenshots from the real built app (run under Xvfb):
//   cd tests && dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node screenshots.mjs
// Uses a fresh throwaway data folder, invented people and an invented plan.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliBinary, freshDataDir, root, startApp, unlock, waitForText } from './e2e/driver.mjs';

const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dataDir = freshDataDir();

// Two people and a two-version pathway plan, made with the command-line tool before the app opens.
const cli = (args, env = {}) => execFileSync(cliBinary, args, { env: { ...process.env, WAYMARK_DATA_DIR: dataDir, ...env } });
cli(['profile', 'create', '--name', 'Robin', '--role', 'young_person'], { WAYMARK_PASSPHRASE: 'otter lantern biscuit' });
cli(['profile', 'create', '--name', 'Sam', '--role', 'carer'], { WAYMARK_PASSPHRASE: 'quiet harbour pebbles' });
const plan = (version, flatDone, goals) => ({
  plan_id: '5b0f6a52-9c1e-4a8e-b1b2-3c4d5e6f7a8b', version, kind: 'pathway_plan', title: "Robin's pathway plan",
  summary: 'Getting ready to live on my own next year.', effective_from: version === 1 ? '2026-06-01' : '2026-11-01',
  received_at: version === 1 ? '2026-06-02T09:00:00Z' : '2026-11-02T09:00:00Z',
  next_review_on: version === 1 ? '2026-12-03' : '2027-01-14',
  goals: [
    { id: 'g1', matter: 'accommodation', text: version === 1 ? 'Find a flat' : 'Find a flat near college', actions: [
      { id: 'a1', text: 'Visit two flats with my adviser', owner: 'Personal adviser', due: '2026-12-01', status: flatDone },
      { id: 'a2', text: 'Fill in the housing form', owner: 'Me', status: 'in_progress' },
    ] },
    { id: 'g2', matter: 'education_or_training', text: 'Finish my first year at college', actions: [
      { id: 'a3', text: 'Ask about the bursary', owner: 'Me', status: 'done' },
    ] },
    ...goals,
  ],
});
for (const [n, p] of [[1, plan(1, 'not_started', [])], [2, plan(2, 'done', [
  { id: 'g3', matter: 'financial_support', text: 'Open a bank account', actions: [{ id: 'a4', text: 'Take my ID to the bank', owner: 'Me', status: 'not_started' }] },
])]]) {
  const file = path.join(dataDir, `plan-${n}.json`);
  writeFileSync(file, JSON.stringify(p));
  cli(['plan', 'add', file, '--profile', 'Robin'], { WAYMARK_PASSPHRASE: 'otter lantern biscuit' });
}

const app = await startApp(dataDir);
const b = app.browser;
const shot = async (name) => {
  console.log(`screenshot: ${name}`);
  await b.saveScreenshot(path.join(out, `${name}.png`));
};
const go = async (screen, ready) => {
  await b.$(`[data-testid="go-${screen}"]`).click();
  await b.$(ready).waitForExist({ timeout: 10000 });
};
try {
  // WebKitWebDriver's screenshot can stall on a page nobody has touched yet; typing first also
  // shows the form in use.
  await b.$('button=Make a new profile').waitForExist({ timeout: 10000 });
  await b.$('button=Make a new profile').click();
  await b.$('[data-testid="new-name"]').setValue('Alex');
  await b.$('[data-testid="suggest"]').click();
  await waitForText(b, '[data-testid="strength"]', 'Strength');
  await shot('start');
  await b.$('button=Back to open a profile').click();

  await unlock(b, 'Robin', 'otter lantern biscuit');
  await waitForText(b, '[data-testid="next-review"]', 'Your next review');
  await b.$('#home-heading').click(); // see the note above on untouched pages
  await shot('home');
  await go('review', '[data-testid="question"]');
  await b.$('[data-testid="face-4"]').click();
  await waitForText(b, '[data-testid="saved"]', 'Saved');
  await shot('review');
  await go('plan', '[data-testid="plan-changes"]');
  await shot('my-plan');
  // One screen in Welsh: Robin switches her own profile to Cymraeg in Settings, then back.
  await go('settings', '[data-testid="language-choice"]');
  await b.$('[data-testid="language-cy"]').click();
  await waitForText(b, '[data-testid="lock-status"]', 'Wedi datgloi');
  await go('review', '[data-testid="question"]');
  await waitForText(b, '[data-testid="question"]', 'Sut mae pethau');
  await shot('review-cy');
  await go('settings', '[data-testid="language-choice"]');
  await b.$('[data-testid="language-en-GB"]').click();
  await waitForText(b, '[data-testid="lock-status"]', 'Unlocked');
  await b.$('[data-testid="lock"]').click();

  await unlock(b, 'Sam', 'quiet harbour pebbles');
  await go('resources', '[data-testid="hit-safer-caring-at-home"]');
  await b.$('[data-testid="library-search"]').setValue('phone');
  await b.pause(500);
  await shot('resources');
  await go('policy', '[data-testid="household"]');
  await b.$('[data-testid="household"]').setValue('The Ashdown household');
  await b.$('[data-testid="topic-who_lives_and_visits"]').setValue('Sam, Jo and our dog Pepper live here. Jo’s mum visits on Sundays.');
  await waitForText(b, '[data-testid="policy-status"]', 'Saved');
  await shot('policy');
  await go('learning', '[data-testid="learn-title"]');
  for (const [date, title, hours] of [['2026-09-10', 'Safer caring refresher', '3'], ['2026-10-08', 'Contact and family time', '2'], ['2026-11-12', 'First aid for children', '6']]) {
    // WebKit's date box does not take typed text from WebDriver; set it as the picker would.
    await b.execute((d) => {
      const el = document.getElementById('learn-date');
      el.value = d;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, date);
    await b.$('[data-testid="learn-title"]').setValue(title);
    await b.$('[data-testid="learn-hours"]').setValue(hours);
    await b.$('[data-testid="add-learning"]').click();
    await waitForText(b, '[data-testid="learning-entry"]', title);
  }
  await b.$('#by-month').scrollIntoView();
  await shot('learning-log');
  console.log(`Saved screenshots in ${out}`);
} finally {
  await app.stop();
}
