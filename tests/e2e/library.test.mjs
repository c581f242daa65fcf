// The real app on first run, offline: the guidance library and help pages are there before
// anyone makes a profile, searchable, and each page opens and links to others.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDataDir, startApp, waitForText } from './driver.mjs';

let app;

before(async () => { app = await startApp(freshDataDir()); });
after(async () => { await app?.stop(); });

test('the library is installed on first run and readable while locked', async () => {
  const b = app.browser;
  await waitForText(b, '[data-testid="lock-status"]', 'Locked');
  await b.$('[data-testid="open-library"]').click();
  await b.$('[data-testid="library-search"]').waitForExist({ timeout: 10000 });
  await b.waitUntil(async () => /^\d+ found$/.test(await b.$('[data-testid="library-count"]').getText()), { timeout: 10000 });
  const count = Number((await b.$('[data-testid="library-count"]').getText()).split(' ')[0]);
  assert.ok(count >= 42, `${count} pages listed`);
});

test('searching "what is an IRO" finds the IRO help page first, and it opens', async () => {
  const b = app.browser;
  await b.$('[data-testid="library-search"]').setValue('what is an IRO');
  await b.waitUntil(async () => (await b.$$('button.hit')).length > 0 &&
    (await b.$$('button.hit')[0].getAttribute('data-testid')) === 'hit-who-is-my-iro', { timeout: 10000, timeoutMsg: 'IRO page not first' });
  await b.$('[data-testid="hit-who-is-my-iro"]').click();
  await waitForText(b, '[data-testid="article"] h2', 'Independent Reviewing Officer');
  const text = await b.$('[data-testid="article"]').getText();
  assert.match(text, /minute read/);
  assert.match(text, /It draws on:/);
});

test('"Who to call" shows Childline offline', async () => {
  const b = app.browser;
  await b.$('[data-testid="library-back"]').click();
  await b.$('[data-testid="library-search"]').setValue('childline');
  await b.$('[data-testid="hit-who-to-call"]').waitForExist({ timeout: 10000 });
  await b.$('[data-testid="hit-who-to-call"]').click();
  await waitForText(b, '[data-testid="article"]', '0800 1111');
});
