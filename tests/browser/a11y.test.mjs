// Every screen and state of the built UI in Chromium, with axe-core: zero violations (colour
// contrast included), at the normal text size and at 200%, in a 1024×600 window, with nothing
// cut off sideways. Also checks the whole app can be driven by keyboard with a visible focus.
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
  page = await openPage(browser, `${server.url}?state=${state}`);
  return page;
}

const check = (name) => checkPage(page, name);

async function unlock(name, passphrase) {
  await page.getByLabel(new RegExp(name)).check();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByTestId('lock-status').filter({ hasText: `Unlocked: ${name}` }).waitFor();
}

async function go(label) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: label, exact: true }).click();
  await page.locator('main h2').first().waitFor();
}

describe('before anyone unlocks', () => {
  test('making a profile: the form, a weak passphrase, the recovery code', async () => {
    await open('empty');
    await page.getByRole('heading', { name: 'Make your profile' }).waitFor();
    await check('make a profile');
    await page.getByLabel('Your name').fill('Robin');
    await page.getByLabel('Passphrase', { exact: true }).fill('short');
    await page.getByText('Too easy to guess').waitFor();
    await page.getByRole('button', { name: 'Make my profile' }).click();
    await page.getByRole('alert').waitFor();
    await check('weak passphrase refused');
    await page.getByRole('button', { name: 'Suggest three words' }).click();
    await page.getByText('Strength: Good').waitFor();
    await check('suggested words');
    await page.getByRole('button', { name: 'Make my profile' }).click();
    await page.getByTestId('recovery-code').waitFor();
    await check('recovery code');
    await page.getByRole('button', { name: 'I have kept it safe' }).click();
    await page.getByRole('alert').waitFor();
    await check('recovery code not confirmed');
    await page.context().close();
  });

  test('opening, a wrong passphrase, recovery and the help pages', async () => {
    await open();
    await page.getByRole('heading', { name: 'Open your profile' }).waitFor();
    await check('open a profile');
    await page.getByLabel('Passphrase', { exact: true }).fill('not this one');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    await check('wrong passphrase');
    await page.getByRole('button', { name: 'I forgot my passphrase' }).click();
    await check('recovery form');
    await page.getByTestId('open-library').click();
    await page.getByTestId('hit-who-is-my-iro').waitFor();
    await page.getByTestId('library-source').filter({ hasText: 'published by your service (version 7)' }).waitFor();
    await check('help list');
    await page.getByTestId('hit-who-is-my-iro').click();
    await page.getByTestId('article').waitFor();
    await check('help page');
    await page.context().close();
  });
});

describe('bringing back a locked copy', () => {
  test('the start screen form, and the copy and its warning in Sharing and privacy', async () => {
    await open();
    await page.getByTestId('go-restore').click();
    await page.getByRole('heading', { name: 'Bring back a locked copy' }).waitFor();
    await check('bring back a locked copy');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await unlock('Robin', 'otter lantern biscuit');
    await go('Sharing and privacy');
    await page.getByTestId('readable-copy').locator('summary').click();
    await page.getByText('anyone who gets them can read everything you wrote').waitFor();
    await check('a copy of everything, the readable one opened');
    await page.context().close();
  });
});

describe('a young person', () => {
  test('every screen', async () => {
    await open();
    await unlock('Robin', 'otter lantern biscuit');
    await page.getByTestId('todo').filter({ hasText: 'Finish' }).waitFor();
    await check('home');
    await go('Get ready for my review');
    await page.getByTestId('question').waitFor();
    await check('review question');
    while (!(await page.getByTestId('summary').isVisible())) await page.getByTestId('next').click();
    await check('review summary');
    await go('Say something');
    await page.getByTestId('kind-not_safe').click();
    await page.getByTestId('helplines').waitFor();
    await check("I don't feel safe");
    await go('My plan');
    await page.getByTestId('plan').waitFor();
    await check('my plan');
    await go('My notes');
    await page.getByTestId('note').first().waitFor();
    await check('my notes');
    await go("What I've shared");
    await page.getByTestId('statement').first().waitFor();
    await check("what I've shared");
    await go('Sharing and privacy');
    await page.getByTestId('consent').waitFor();
    await page.getByRole('button', { name: 'Delete my profile…' }).click();
    await check('sharing and privacy, deleting');
    await page.getByRole('button', { name: 'Delete my profile for good' }).click();
    await page.getByRole('alert').waitFor();
    await check('delete refused');
    await go('Settings');
    await check('settings');
    await page.context().close();
  });
});

describe('in Welsh', () => {
  test('the start screen and every young person\'s screen, with the page marked as Welsh', async () => {
    await open();
    await page.getByTestId('start-language-cy').check();
    await page.getByTestId('lock-status').filter({ hasText: 'Wedi cloi' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
    await check('start, in Welsh');
    await page.getByLabel(/Robin/).check();
    await page.getByLabel('Cyfrinymadrodd', { exact: true }).fill('otter lantern biscuit');
    await page.getByRole('button', { name: 'Agor', exact: true }).click();
    // Robin's own profile is in English: unlocking shows it so, until she chooses Cymraeg.
    await page.getByTestId('lock-status').filter({ hasText: 'Unlocked: Robin' }).waitFor();
    await go('Settings');
    await page.getByTestId('language-cy').check();
    await page.getByTestId('lock-status').filter({ hasText: 'Wedi datgloi: Robin' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
    const menu = page.getByRole('navigation', { name: 'Dewislen' });
    for (const [label, ready] of [
      ['Hafan', 'home'],
      ['Paratoi ar gyfer fy adolygiad', 'question'],
      ['Fy nghynllun', 'plan'],
      ['Fy nodiadau', 'note'],
      ["Beth rydw i wedi'i rannu", 'statement'],
      ['Rhannu a phreifatrwydd', 'consent'],
      ['Gosodiadau', 'settings'],
    ]) {
      await menu.getByRole('button', { name: label, exact: true }).click();
      await page.getByTestId(ready).first().waitFor();
      await check(`${label}, in Welsh`);
    }
    await page.context().close();
  });
});

describe('when Waymark finds its folder changed while it was closed', () => {
  test('what was found, looking first, and keeping what opens, in English and Welsh', async () => {
    await open('changed');
    await unlock('Robin', 'otter lantern biscuit');
    await page.getByTestId('vault-check').waitFor();
    await page.getByTestId('vault-check-found').filter({ hasText: 'your choices about sharing' }).waitFor();
    await page.getByTestId('vault-check-nothing-sent').waitFor();
    await check('what Waymark found');
    await page.getByTestId('vault-check-look').click();
    await page.getByTestId('vault-check-banner').waitFor();
    await page.getByTestId('consent').first().waitFor();
    await check('looking first, with the banner');
    await go('Settings');
    await page.getByTestId('language-cy').check();
    await page.getByTestId('lock-status').filter({ hasText: 'Wedi datgloi: Robin' }).waitFor();
    await page.getByTestId('vault-check-banner').filter({ hasText: 'Fydd dim byd yn cael ei anfon' }).waitFor();
    await check('the banner, in Welsh');
    await page.getByTestId('vault-check-choose').click();
    await page.getByTestId('vault-check-found').filter({ hasText: 'eich dewisiadau am rannu' }).waitFor();
    await check('what Waymark found, in Welsh');
    await page.getByTestId('keep-what-opens').click();
    await page.getByTestId('next-review').waitFor();
    assert.equal(await page.getByTestId('vault-check-banner').count(), 0, 'the banner goes once the person chose');
    await page.context().close();
  });
});

describe('a foster carer', () => {
  test('every screen, and the display settings', async () => {
    await open();
    await unlock('Sam', 'quiet harbour pebbles');
    await page.getByTestId('todo').filter({ hasText: 'learning log' }).waitFor();
    await check('carer home');
    await go('Resources');
    await page.getByTestId('hit-safer-caring-at-home').waitFor();
    await check('resources');
    await page.getByTestId('hit-safer-caring-at-home').click();
    await page.getByTestId('bookmark').click();
    await page.getByText('★ Bookmarked').waitFor();
    await check('resource, bookmarked');
    await go('Our safer-caring policy');
    await page.getByLabel('Photos and sharing images').fill('We ask first.');
    await page.getByTestId('policy-status').filter({ hasText: 'Saved' }).waitFor();
    await check('policy');
    await go('Learning log');
    await page.getByTestId('by-month').waitFor();
    await check('learning log');
    await page.getByRole('button', { name: 'Add to my log' }).click();
    await check('learning log, form not filled');
    await go('Sharing and privacy');
    await page.getByLabel('Invite code').fill('wm1-eyJmb3JtYXQiOjF9');
    await page.getByRole('button', { name: 'Check this code' }).click();
    await page.getByTestId('service-preview').waitFor();
    await check('connecting to a service');
    await page.getByTestId('connect').click();
    await page.getByTestId('connection').waitFor();
    await check('connected to a service');
    await go('Settings');
    await page.getByLabel('High contrast').check();
    await page.getByLabel(/Easier-to-read letters/).check();
    await page.getByLabel('Larger').check();
    await page.waitForFunction(() => document.documentElement.classList.contains('text-larger'));
    await check('settings, high contrast, larger text');
    await go('Learning log');
    await page.getByTestId('by-month').waitFor();
    await check('learning log, high contrast');
    await page.context().close();
  });
});

describe('keyboard', () => {
  test('a person can open a profile and move through the menu with the keyboard alone, seeing where focus is', async () => {
    await open();
    // Tab to the passphrase box; the first profile is already chosen.
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.id === 'passphrase')); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('otter lantern biscuit');
    await page.keyboard.press('Enter');
    await page.getByTestId('lock-status').filter({ hasText: 'Unlocked: Robin' }).waitFor();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'My plan');
    }
    assert.ok(reached, 'Tab reaches the menu');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused control shows where focus is');
    await page.keyboard.press('Enter');
    await page.getByTestId('plan').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'My plan', 'focus moves to the new screen’s heading');
    await page.context().close();
  });
});
