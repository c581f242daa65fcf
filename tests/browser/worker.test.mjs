// The worker app's every screen and state in Chromium with axe-core: zero WCAG 2.2 A/AA problems
// at the normal text size and at 200% in a 1024×600 window, nothing cut off sideways; a
// keyboard-only walk from unlocking to acknowledging an urgent item; and a pass in Welsh. The
// worker window's own browser-test page (worker-browser-test.html) has the worker's fake backend.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, launch, openPage, serve } from './browser.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(state = 'sample') {
  page = await openPage(browser, `${server.url}worker-browser-test.html?state=${state}`);
  return page;
}

const check = (name) => checkPage(page, name);

async function unlock() {
  await page.getByLabel('Passphrase', { exact: true }).fill('otter lantern biscuit');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByTestId('lock-status').filter({ hasText: 'Unlocked:' }).waitFor();
}

async function go(label) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: label }).click();
  await page.locator('main h2').first().waitFor();
}

describe('the worker app', () => {
  test('setting up a laptop: making the worker profile, the invite code, the code for the administrator', async () => {
    await open('new');
    await page.getByRole('heading', { name: 'Open your profile' }).waitFor();
    await check('open a worker profile');
    await page.getByRole('button', { name: /new profile/i }).click();
    await page.getByTestId('new-name').waitFor();
    assert.equal(await page.getByRole('radio', { name: /Young person|Foster carer|young person|foster carer/ }).count(), 0, 'the worker app makes no person’s profile');
    await check('make a worker profile');
    await page.getByRole('button', { name: /Back/ }).click();
    await unlock();
    await page.getByTestId('setup').waitFor();
    await check('this laptop, not connected');
    await page.getByTestId('invite-code').fill('not a code');
    await page.getByTestId('check-code').click();
    await page.getByRole('alert').waitFor();
    await check('a code that is not an invite');
    await page.getByTestId('invite-code').fill('wm1-eyJmb3JtYXQiOjF9');
    await page.getByTestId('check-code').click();
    await page.getByTestId('preview').waitFor();
    await check('the invite checked');
    await page.getByTestId('connect').click();
    await page.getByTestId('device-code').waitFor();
    assert.match(await page.getByTestId('device-code').textContent(), /^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);
    await check('waiting for the administrator');
    await go('Inbox');
    await page.getByTestId('not-approved').waitFor();
    await check('the inbox before approval');
    await page.context().close();
  });

  test('the inbox, an urgent item, answering it, and my people', async () => {
    await open();
    await unlock();
    await page.getByTestId('inbox').waitFor();
    await page.getByTestId('urgent-item').waitFor();
    const first = page.getByTestId('urgent-item').first();
    assert.match(await first.textContent(), /I don't feel safe/);
    assert.match(await first.getByTestId('clock').textContent(), /Waited .*Acknowledge by|Waited .*Not acknowledged in time/);
    await check('inbox, urgent first');
    await page.getByTestId('search').fill('budget');
    await page.getByTestId('search-go').click();
    await page.getByTestId('inbox-item').filter({ hasText: 'Made a budget' }).waitFor();
    assert.equal(await page.getByTestId('urgent-item').count(), 0);
    await check('inbox, searched');
    await page.getByTestId('search').fill('no such words anywhere');
    await page.getByTestId('search-go').click();
    await page.getByTestId('no-match').waitFor();
    await check('inbox, nothing matches');
    await page.getByTestId('search').fill('');
    await page.getByTestId('filter-kind').selectOption('statement');
    await page.getByTestId('urgent-item').waitFor();

    await page.getByTestId('urgent-item').getByRole('button').click();
    await page.getByTestId('item').waitFor();
    assert.match(await page.getByTestId('written').textContent(), /Someone came to the house/);
    await check('an urgent item');
    await page.getByTestId('send-reply').click();
    await page.getByRole('alert').waitFor();
    await check('an empty reply refused');
    await page.getByTestId('acknowledge').click();
    await page.getByTestId('done').filter({ hasText: 'is told someone has it' }).waitFor();
    await page.getByTestId('reply').fill('I am calling you now, Robin.');
    await page.getByTestId('send-reply').click();
    await page.getByTestId('sent-reply').waitFor();
    await check('acknowledged and replied');
    await page.getByTestId('save-pdf').click();
    await page.getByTestId('done').filter({ hasText: 'Saved:' }).waitFor();
    await page.getByTestId('back').click();
    await page.getByTestId('inbox').waitFor();
    assert.equal(await page.getByTestId('urgent-item').count(), 0, 'acknowledged: no longer at the top');

    await page.getByTestId('filter-kind').selectOption('');
    await page.getByTestId('inbox-item').filter({ hasText: 'My foster carer helps' }).getByRole('button').click();
    await page.getByTestId('answer').first().waitFor();
    assert.equal(await page.getByTestId('face').first().getAttribute('data-face'), '4', 'the face Robin picked, drawn');
    await check('a review answered with a face');
    await page.getByTestId('back').click();

    await go('Duty');
    await page.getByTestId('duty-alert').first().waitFor();
    await page.getByTestId('duty-escalated').waitFor();
    await check('the duty view');
    await go('My people');
    await page.getByTestId('person').first().waitFor();
    await check('my people');
    await page.getByTestId('person').nth(1).getByTestId('name-person').click();
    await page.getByTestId('person-name').fill('Ash and Lee P.');
    await check('naming a person');
    await page.getByTestId('save-name').click();
    await page.getByRole('heading', { name: 'Ash and Lee P.' }).waitFor();
    await page.getByTestId('person').first().getByTestId('save-thread-pdf').click();
    await page.getByTestId('saved').filter({ hasText: 'Saved:' }).waitFor();
    await check('a thread saved as a PDF');
    await page.getByTestId('person').first().getByTestId('plan').click();
    await page.getByTestId('plan-editor').waitFor();
    await page.getByTestId('goal').first().waitFor();
    await check('the plan form');
    await page.getByTestId('goal-text').first().fill('Find a flat near college');
    await page.getByTestId('add-goal').click();
    await page.getByTestId('goal').nth(1).getByTestId('goal-text').fill('Open a bank account');
    await page.getByTestId('goal').nth(1).getByTestId('add-action').click();
    await page.getByTestId('goal').nth(1).getByTestId('action-text').fill('Bring my ID to the bank');
    await page.getByTestId('goal').nth(1).getByTestId('action-owner').fill('Me');
    await check('the plan form, a goal and a step added');
    await page.getByTestId('preview-plan').click();
    await page.getByTestId('preview-changes').waitFor();
    await check('what Robin will see');
    await page.getByTestId('publish-plan').click();
    await page.getByTestId('published').filter({ hasText: 'is on its way to Robin T.' }).waitFor();
    await check('the plan published');
    await page.getByTestId('back').click();
    await page.getByTestId('people').waitFor();
    await go('This laptop');
    await page.getByTestId('approval').waitFor();
    await check('this laptop, approved');
    await go('Settings');
    await check('settings');
    await page.context().close();
  });
});

describe('the organisation in the worker app', () => {
  test('approving a device by the code its person reads out, switching one off, inviting someone and printing their code, the team', async () => {
    await open();
    await unlock();
    await go('Organisation');
    await page.getByTestId('org-person').first().waitFor();
    await check('the organisation, as an administrator');
    await page.getByTestId('org-person').first().getByTestId('show-devices').click();
    await page.getByTestId('device').first().waitFor();
    await check('a person’s devices, one waiting');
    const waiting = page.getByTestId('device').filter({ hasText: 'Waiting for approval' });
    await waiting.getByTestId('device-code-typed').fill('0000-0000');
    await waiting.getByTestId('approve-device').click();
    await page.getByRole('alert').filter({ hasText: 'does not match' }).waitFor();
    await check('a code that does not match');
    // Typed as people read it out: capitals, spaces.
    await waiting.getByTestId('device-code-typed').fill('B41E 77C0 2D9A E613 58F2 0C8B A9D4 3E71');
    await waiting.getByTestId('approve-device').click();
    await page.getByTestId('done').filter({ hasText: 'Approved.' }).waitFor();
    assert.equal(await page.getByTestId('device').filter({ hasText: 'Waiting for approval' }).count(), 0);
    await page.getByTestId('device').first().getByTestId('revoke-device').click();
    await page.getByTestId('confirm-revoke').waitFor();
    await check('switching a device off, asked first');
    await page.getByTestId('revoke-yes').click();
    await page.getByTestId('done').filter({ hasText: 'Switched off.' }).waitFor();
    assert.equal(await page.getByTestId('device-status').first().textContent(), 'Switched off');

    await page.getByTestId('invite-name').fill('Kai M.');
    await page.getByTestId('invite-social_worker').selectOption({ label: 'Jo Adeyemi' });
    await check('inviting someone');
    await page.getByTestId('invite-person').click();
    await page.getByTestId('invite-made').waitFor();
    assert.match(await page.getByTestId('invite-code-made').textContent(), /^wm1-/);
    await check('an invite code made');
    await page.getByTestId('save-invite-sheet').click();
    await page.getByTestId('saved').filter({ hasText: 'Waymark invite - Kai M.' }).waitFor();
    await page.getByTestId('invite-done').click();
    await page.getByTestId('org-person').filter({ hasText: 'Kai M.' }).filter({ hasText: 'Jo Adeyemi' }).waitFor();

    const sam = page.getByTestId('org-worker').filter({ hasText: 'Sam Okafor' });
    await sam.getByTestId('remove-worker').click();
    await sam.getByTestId('confirm-remove').waitFor();
    await check('removing a worker, asked first');
    await sam.getByTestId('remove-yes').click();
    await page.getByTestId('without-worker').filter({ hasText: 'Robin T.' }).waitFor();
    await check('a worker removed, and who needs a new worker');
    await page.getByTestId('worker-name').fill('Bryn Hughes');
    await page.getByTestId('worker-role').selectOption('iro');
    await page.getByTestId('add-worker').click();
    await page.getByTestId('invite-made').filter({ hasText: 'Bryn Hughes' }).waitFor();
    await check('a worker added, and their laptop’s code');
    await page.getByTestId('library-files').setInputFiles([
      { name: 'after-the-review.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: After the review\n---\nWords.') },
      { name: 'contact-before-and-after.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Contact\n---\nWords.') },
    ]);
    await page.getByTestId('library-chosen').filter({ hasText: '2 pages chosen' }).waitFor();
    await page.getByTestId('library-version').fill('3');
    await check('publishing the library');
    await page.getByTestId('publish-library').click();
    await page.getByTestId('done').filter({ hasText: 'Version 3 of the library is published (2 pages). Every app takes it on its next check and uses it until Thursday 18 November 2027' }).waitFor();
    await page.context().close();
  });
});

describe('the audit log', () => {
  test('an administrator reads what each worker did, and is told plainly when a laptop’s entries are missing', async () => {
    await open();
    await unlock();
    await go('Audit log');
    await page.getByTestId('audit-entry').first().waitFor();
    assert.match(await page.getByTestId('audit-checked').textContent(), /5 entries shown, every one signed/);
    assert.match(await page.getByTestId('audit-entry').first().textContent(), /Dee Morgan.*Acknowledged.*Robin T\./s);
    await check('the audit log');
    await page.context().close();
    await open('audit-gap');
    await unlock();
    await go('Audit log');
    await page.getByTestId('audit-problem').waitFor();
    assert.match(await page.getByTestId('audit-problem').textContent(), /Entries 4 to 6 from Sam Okafor’s laptop|Entries 4 to 6 from Sam Okafor's laptop/);
    await check('the audit log with entries missing');
    await page.context().close();
  });
});

describe('the worker app by keyboard', () => {
  test('a worker can unlock, open the urgent item and acknowledge it with the keyboard alone, seeing where focus is', async () => {
    await open();
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.id === 'passphrase')); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('otter lantern biscuit');
    await page.keyboard.press('Enter');
    await page.getByTestId('urgent-item').waitFor();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.startsWith("Open: I don't feel safe"));
    }
    assert.ok(reached, 'Tab reaches the urgent item');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused control shows where focus is');
    await page.keyboard.press('Enter');
    await page.getByTestId('item').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2', 'focus moves to the item’s heading');
    reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'acknowledge');
    }
    assert.ok(reached, 'Tab reaches Acknowledge');
    await page.keyboard.press('Enter');
    await page.getByTestId('done').filter({ hasText: 'is told someone has it' }).waitFor();
    await page.context().close();
  });
});

describe('the worker app in Welsh', () => {
  test('every screen, with the page marked as Welsh', async () => {
    await open();
    await unlock();
    await go('Settings');
    await page.getByTestId('language-cy').check();
    await page.getByTestId('lock-status').filter({ hasText: 'Wedi datgloi' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
    const menu = page.getByRole('navigation', { name: 'Dewislen' });
    const buttons = menu.getByRole('button');
    const count = await buttons.count();
    assert.equal(count, 7, 'Inbox, Duty (Dee is on the duty team), My people, Organisation, Audit log (Dee is an administrator), This laptop, Settings');
    for (let i = 0; i < count; i++) {
      await buttons.nth(i).click();
      await page.locator('main h2').first().waitFor();
      await check(`worker screen ${i + 1}, in Welsh`);
    }
    await menu.getByRole('button').first().click();
    await page.getByTestId('urgent-item').getByRole('button').click();
    await page.getByTestId('item').waitFor();
    await check('an urgent item, in Welsh');
    await page.context().close();
  });
});
