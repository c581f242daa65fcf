// The real app: recovery with the code, a carer's policy and learning log saved as documents,
// settings that last across a restart, deleting a profile for good, and bringing it back from
// the locked copy it saved first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cliBinary, confirmRecoveryCode, createProfile, documentsDir, freshDataDir, startApp, unlock, waitForText } from './driver.mjs';

const dataDir = freshDataDir();
const profiles = () => execFileSync(cliBinary, ['profile', 'list'], { env: { ...process.env, WAYMARK_DATA_DIR: dataDir } }).toString();

test('a forgotten passphrase is replaced using the recovery code, and the old one stops working', async () => {
  const app = await startApp(dataDir);
  try {
    const b = app.browser;
    const code = await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');
    await b.$('[data-testid="lock"]').click();
    await b.$('[data-testid="forgot"]').click();
    await b.$('input[name="profile"][value="Robin"]').click();
    await b.$('[data-testid="recovery-input"]').setValue('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await b.$('[data-testid="new-passphrase"]').setValue('silver kettle meadow');
    await b.$('[data-testid="recover"]').click();
    await waitForText(b, '[data-testid="error"]', 'recovery code');
    assert.equal(await b.$('[data-testid="lock-status"]').getText(), 'Locked');

    await b.$('[data-testid="recovery-input"]').setValue(code.toLowerCase());
    await b.$('[data-testid="recover"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Unlocked: Robin');
    const fresh = await b.$('[data-testid="recovery-code"]').getText();
    assert.notEqual(fresh, code, 'a new recovery code replaces the used one');
    await b.$('[data-testid="save-code"]').click();
    await b.$('[data-testid="save-code-anyway"]').click();
    await b.$('p*=Saved to').waitForExist({ timeout: 10000 });
    const saved = readdirSync(documentsDir(dataDir)).find((f) => f.startsWith('Waymark note'));
    assert.ok(saved, 'the code was saved as a file');
    assert.match(readFileSync(path.join(documentsDir(dataDir), saved), 'utf8'), new RegExp(fresh));
    assert.equal(statSync(path.join(documentsDir(dataDir), saved)).mode & 0o777, 0o600, 'only its owner can read it');
    await b.$('[data-testid="lock"]').click();

    await b.$('[data-testid="passphrase"]').setValue('otter lantern biscuit');
    await b.$('[data-testid="unlock"]').click();
    await waitForText(b, '[data-testid="error"]', 'not right');
    await unlock(b, 'Robin', 'silver kettle meadow');

    // Lost the code again: Settings makes a new one with the passphrase, and the last one stops working.
    await b.$('[data-testid="go-settings"]').click();
    await b.$('#code-passphrase').setValue('silver kettle meadow');
    await b.$('[data-testid="new-recovery-code"]').click();
    await b.$('[data-testid="recovery-code"]').waitForExist({ timeout: 10000 });
    const replaced = await confirmRecoveryCode(b);
    assert.notEqual(replaced, fresh);
    const env = { ...process.env, WAYMARK_DATA_DIR: dataDir, WAYMARK_RECOVERY_CODE: fresh, WAYMARK_NEW_PASSPHRASE: 'bright canyon pebble' };
    assert.throws(
      () => execFileSync(cliBinary, ['profile', 'recover', '--profile', 'Robin'], { env, stdio: 'pipe' }),
      (e) => /wrong_recovery_code/.test(e.stderr.toString()),
      'the replaced code no longer opens the profile',
    );
  } finally {
    await app.stop();
  }
});

test("a carer's policy and learning log are saved and exported as documents", async () => {
  const app = await startApp(dataDir);
  try {
    const b = app.browser;
    await b.$('button=Make a new profile').click();
    await createProfile(b, 'Sam', 'carer', 'quiet harbour pebbles');
    await b.$('[data-testid="go-policy"]').click();
    await b.$('[data-testid="household"]').setValue('The <Oak Road> household');
    await b.$('[data-testid="topic-photos"]').setValue('We ask before taking any photo & never post them online.');
    await waitForText(b, '[data-testid="policy-status"]', 'Saved');
    await b.$('[data-testid="export-policy"]').click();
    await b.$('p*=Saved to').waitForExist({ timeout: 10000 });
    const doc = readdirSync(documentsDir(dataDir)).find((f) => f.startsWith('Safer-caring policy'));
    const html = readFileSync(path.join(documentsDir(dataDir), doc), 'utf8');
    assert.match(html, /The &lt;Oak Road&gt; household/);
    assert.match(html, /never post them online/);

    await b.$('[data-testid="go-learning"]').click();
    await b.$('[data-testid="learn-title"]').setValue('Safer caring refresher');
    await b.$('[data-testid="learn-hours"]').setValue('2');
    await b.$('[data-testid="add-learning"]').click();
    await waitForText(b, '[data-testid="learning-total"]', '1 entry, 2 h in all.');
    await b.$('[data-testid="export-log"]').click();
    await b.$('p*=Saved to').waitForExist({ timeout: 10000 });
    const csv = readdirSync(documentsDir(dataDir)).find((f) => f.endsWith('.csv'));
    assert.match(readFileSync(path.join(documentsDir(dataDir), csv), 'utf8'), /"Safer caring refresher",2\.00/);

    await b.$('[data-testid="go-settings"]').click();
    await b.$('input[name="text-size"][value="larger"]').click();
    await b.$('[data-testid="high-contrast"]').click();
    await b.$('[data-testid="idle-minutes"]').setValue('15');
    await b.$('[data-testid="save-idle"]').click();
    await b.waitUntil(async () => (await b.execute(() => document.documentElement.className)).includes('high-contrast'));
  } finally {
    await app.stop();
  }
});

test('settings last across a restart, and a profile is deleted only when its name is typed', async () => {
  const app = await startApp(dataDir);
  try {
    const b = app.browser;
    await waitForText(b, '[data-testid="lock-status"]', 'Locked');
    await b.waitUntil(async () => (await b.execute(() => document.documentElement.className)).includes('text-larger'), {
      timeout: 10000,
      timeoutMsg: 'the larger text setting did not survive a restart',
    });
    assert.match(await b.execute(() => document.documentElement.className), /high-contrast/);
    await unlock(b, 'Sam', 'quiet harbour pebbles');
    await b.$('[data-testid="go-settings"]').click();
    assert.equal(await b.$('[data-testid="idle-minutes"]').getValue(), '15');

    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="start-delete"]').click();
    await b.$('[data-testid="confirm-name"]').setValue('sam');
    await b.$('[data-testid="confirm-delete"]').click();
    await b.$('[role="alert"]').waitForExist({ timeout: 10000 });
    assert.match(profiles(), /Sam/, 'a wrong name deletes nothing');
    await b.$('[data-testid="confirm-name"]').setValue('Sam');
    await b.$('[data-testid="confirm-delete"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Locked');
    assert.doesNotMatch(profiles(), /Sam/);
    assert.match(profiles(), /Robin/, "another person's profile is untouched");
  } finally {
    await app.stop();
  }
});

test('a locked copy saved before deleting brings the profile back, opened only with its passphrase', async () => {
  const app = await startApp(dataDir);
  try {
    const b = app.browser;
    await unlock(b, 'Robin', 'silver kettle meadow');
    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="copy-passphrase"]').setValue('silver kettle meadow');
    await b.$('[data-testid="download-locked"]').click();
    await b.$('[data-testid="downloaded"]').waitForExist({ timeout: 20000 });
    const copy = readdirSync(documentsDir(dataDir)).find((f) => f.endsWith('.waymark'));
    assert.ok(copy, 'the locked copy was saved');
    assert.doesNotMatch(copy, /Robin/, 'its name says nothing about whose it is');
    assert.doesNotMatch(readFileSync(path.join(documentsDir(dataDir), copy), 'latin1'), /Robin/, 'nothing in it can be read');

    await b.$('[data-testid="start-delete"]').click();
    await b.$('[data-testid="confirm-name"]').setValue('Robin');
    await b.$('[data-testid="confirm-delete"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Locked');
    assert.doesNotMatch(profiles(), /Robin/);

    // Brought back from the start screen: a wrong passphrase opens nothing, the right one does.
    await b.$('[data-testid="go-restore"]').click();
    await b.$('[data-testid="restore-file"]').setValue(path.join(documentsDir(dataDir), copy));
    await b.$('[data-testid="restore-passphrase"]').setValue('not the passphrase');
    await b.$('[data-testid="restore"]').click();
    await b.$('[role="alert"]').waitForExist({ timeout: 20000 });
    assert.doesNotMatch(profiles(), /Robin/, 'a wrong passphrase brings nothing back');
    await b.$('[data-testid="restore-passphrase"]').setValue('silver kettle meadow');
    await b.$('[data-testid="restore"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Unlocked: Robin', 30000);
    await confirmRecoveryCode(b);
    assert.match(profiles(), /Robin/);
  } finally {
    await app.stop();
  }
});
