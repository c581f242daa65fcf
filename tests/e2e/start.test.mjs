// The real app under Xvfb: make a profile, lock, a wrong passphrase changes nothing, unlock.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { appBinary, cliBinary, freshDataDir, startApp, waitForText } from './driver.mjs';

const dataDir = freshDataDir();
let app;

before(async () => { app = await startApp(dataDir); });
after(async () => { await app?.stop(); });

test('a new profile is made in the real vault, shown unlocked, with its recovery code once', async () => {
  const b = app.browser;
  await waitForText(b, '[data-testid="lock-status"]', 'Locked');
  await b.$('[data-testid="new-name"]').setValue('Robin');
  await b.$('[data-testid="new-passphrase"]').setValue('otter lantern biscuit');
  await b.$('[data-testid="create"]').click();
  await waitForText(b, '[data-testid="lock-status"]', 'Unlocked: Robin (Young person)');
  const code = await b.$('[data-testid="recovery-code"]').getText();
  assert.match(code, /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  // The vault on disk has the profile: the command-line tool sees it.
  const listed = execFileSync(cliBinary, ['profile', 'list'], { env: { ...process.env, WAYMARK_DATA_DIR: dataDir } }).toString();
  assert.match(listed, /Robin\s+\(young_person\)/);
});

test('locking hides everything; a wrong passphrase shows the message and stays locked', async () => {
  const b = app.browser;
  await b.$('[data-testid="lock"]').click();
  await waitForText(b, '[data-testid="lock-status"]', 'Locked');
  assert.equal(await b.$('[data-testid="recovery-code"]').isExisting(), false, 'the recovery code is gone after locking');
  await b.$('[data-testid="passphrase"]').setValue('not my passphrase');
  await b.$('[data-testid="unlock"]').click();
  await waitForText(b, '[data-testid="error"]', 'That passphrase is not right');
  assert.equal(await b.$('[data-testid="lock-status"]').getText(), 'Locked');
});

test('the right passphrase unlocks', async () => {
  const b = app.browser;
  await b.$('[data-testid="passphrase"]').setValue('otter lantern biscuit');
  await b.$('[data-testid="unlock"]').click();
  await waitForText(b, '[data-testid="lock-status"]', 'Unlocked: Robin (Young person)');
  await b.$('[data-testid="home"]').waitForExist({ timeout: 10000 });
});

test('quick exit locks and hides the window at once', async () => {
  const b = app.browser;
  await waitForText(b, '[data-testid="lock-status"]', 'Unlocked');
  // A WebDriver click waits for the page to finish handling it, which a hidden window never
  // reports; press the button from a script instead.
  await b.execute(() => document.querySelector('[data-testid="quick-exit"]').click());
  await b.waitUntil(async () => (await b.execute(() => document.visibilityState)) === 'hidden', {
    timeout: 10000,
    timeoutMsg: 'the window was not hidden',
  });
  await waitForText(b, '[data-testid="lock-status"]', 'Locked');
  assert.equal(await b.$('[data-testid="lock"]').isExisting(), false);
});

test('opening Waymark again brings back the one window, still locked, and starts no second copy', async () => {
  const b = app.browser;
  const second = spawn(appBinary, [], { env: { ...process.env, WAYMARK_DATA_DIR: dataDir }, stdio: 'ignore' });
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => { second.kill('SIGTERM'); resolve('still running'); }, 15000);
    second.once('exit', (c) => { clearTimeout(timer); resolve(c); });
  });
  assert.equal(code, 0, 'the second launch hands over to the first and exits');
  await b.waitUntil(async () => (await b.execute(() => document.visibilityState)) === 'visible', {
    timeout: 10000,
    timeoutMsg: 'the first window was not shown again',
  });
  assert.equal(await b.$('[data-testid="lock-status"]').getText(), 'Locked');
});
