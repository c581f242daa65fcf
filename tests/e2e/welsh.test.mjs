// One journey in Welsh in the real app: Cymraeg chosen at first start, a young person's profile
// made in it (its recovery code saved in Welsh), "I don't feel safe" with its helplines, the
// statement ready with a Welsh date, a review question in Welsh, the language kept across a
// restart, and the profile switched to English in Settings
// while the start screen stays Welsh.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { confirmRecoveryCode, documentsDir, freshDataDir, startApp, waitForText } from './driver.mjs';

const dataDir = freshDataDir();
const PASS = 'telyn afon mynydd';

test('a young person uses Waymark in Welsh from the first screen to a finished statement, and reads help in Welsh', async () => {
  let app = await startApp(dataDir);
  try {
    const b = app.browser;
    await waitForText(b, '[data-testid="lock-status"]', 'Locked');
    await b.$('[data-testid="start-language-cy"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Wedi cloi');
    assert.equal(await b.execute(() => document.documentElement.lang), 'cy', 'assistive technology is told the page is Welsh');
    assert.match(await b.$('#create-heading').getText(), /proffil/i);

    await b.$('[data-testid="new-name"]').setValue('Cerys');
    await b.$('[data-testid="new-passphrase"]').setValue(PASS);
    await b.$('[data-testid="create"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Wedi datgloi: Cerys (Person ifanc)');
    // The recovery code saved as a file, after a plain warning, is written in Welsh too, under a
    // Welsh name that says nothing about what it is.
    await b.$('[data-testid="save-code"]').click();
    await waitForText(b, '[data-testid="save-code-warning"]', 'Gall unrhyw un');
    await b.$('[data-testid="save-code-anyway"]').click();
    await waitForText(b, '[data-testid="recovery"]', 'Nodyn Waymark.txt');
    const saved = readFileSync(path.join(documentsDir(dataDir), 'Nodyn Waymark.txt'), 'utf8');
    assert.match(saved, /^Cod adfer Waymark ar gyfer Cerys\n\n([0-9A-Z]{4}-){5}[0-9A-Z]{4}\n/);
    assert.match(saved, /cyfrinymadrodd/);
    await confirmRecoveryCode(b);
    assert.equal(await b.$('[data-testid="go-say"]').getText(), 'Dweud rhywbeth');

    await b.$('[data-testid="go-say"]').click();
    await b.$('[data-testid="kind-not_safe"]').click();
    await waitForText(b, '#say-heading', "Dydw i ddim yn teimlo'n ddiogel");
    const help = await b.$('[data-testid="helplines"]').getText();
    assert.match(help, /Childline: 0800 1111\. Am ddim, unrhyw bryd/);
    assert.match(help, /Argyfwng: 999/);
    await b.$('[data-testid="say-words"]').setValue('Mae rhywun yn fy mhoeni ar y bws.');
    await b.$('[data-testid="say-ready"]').waitForEnabled({ timeout: 10000 });
    await b.$('[data-testid="say-ready"]').click();
    // What I've shared: the statement, its state and today's date, all in Welsh.
    await waitForText(b, '[data-testid="statement"]', 'Yn barod');
    const month = new Date().toLocaleDateString('cy', { month: 'long', timeZone: 'UTC' });
    assert.match(await b.$('[data-testid="statement"]').getText(), new RegExp(month), `the date names the month in Welsh (${month})`);

    // The review questions come in Welsh from the shipped translation.
    await b.$('[data-testid="go-review"]').click();
    await waitForText(b, '[data-testid="question"]', 'Sut mae pethau gartref?');
    assert.equal(await b.$('[data-testid="question"]').getAttribute('lang'), 'cy');
    await b.$('[data-testid="face-4"]').click();
    await waitForText(b, '[data-testid="saved"]', "Wedi'i gadw");
  } finally {
    await app.stop();
  }

  // Closed and opened again: the start screen and the profile are still Welsh.
  app = await startApp(dataDir);
  try {
    const b = app.browser;
    await waitForText(b, '[data-testid="lock-status"]', 'Wedi cloi');

    // Help, while locked: the young people's pages are in Welsh; a page with no Welsh yet says
    // it is in English, and is marked English for screen readers.
    await b.$('[data-testid="open-library"]').click();
    await b.$('[data-testid="library-search"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="library-search"]').setValue('eiriolwr');
    await b.$('[data-testid="hit-getting-an-advocate"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="hit-getting-an-advocate"]').click();
    await waitForText(b, '[data-testid="article"] h2', 'eiriolwr');
    assert.equal(await b.$('[data-testid="article"] h2').getAttribute('lang'), 'cy');
    assert.equal(await b.$('[data-testid="library-english-only"]').isExisting(), false);
    await b.$('[data-testid="library-back"]').click();
    await b.$('[data-testid="library-search"]').setValue('daily log');
    await b.$('[data-testid="hit-recording-daily-logs"]').waitForExist({ timeout: 10000 });
    assert.match(await b.$('[data-testid="hit-recording-daily-logs"]').getText(), /Yn Saesneg/);
    await b.$('[data-testid="hit-recording-daily-logs"]').click();
    await waitForText(b, '[data-testid="library-english-only"]', 'Saesneg yn unig');
    assert.equal(await b.$('[data-testid="article"] h2').getAttribute('lang'), 'en-GB');
    await b.$('[data-testid="close-library"]').click();

    assert.match(await b.$('main').getText(), /Cerys \(Person ifanc\)/);
    await b.$('[data-testid="passphrase"]').setValue(PASS);
    await b.$('[data-testid="unlock"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Wedi datgloi: Cerys');

    // Cerys switches her own profile to English; the start screen keeps the laptop's Welsh.
    await b.$('[data-testid="go-settings"]').click();
    await b.$('[data-testid="language-en-GB"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Unlocked: Cerys (Young person)');
    assert.equal(await b.execute(() => document.documentElement.lang), 'en-GB');
    await b.$('[data-testid="lock"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Wedi cloi');
  } finally {
    await app.stop();
  }
});
