// The young person's review preparation in the real app, across a restart, and a carer in the
// same data folder who cannot see it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { cliBinary, createProfile, freshDataDir, startApp, unlock, waitForText } from './driver.mjs';

const dataDir = freshDataDir();

test('part of a review statement survives closing the app, then is resumed and marked ready', async () => {
  let app = await startApp(dataDir);
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');
    await b.$('[data-testid="go-review"]').click();
    await waitForText(b, '[data-testid="question"]', 'How are things at home?');
    await b.$('[data-testid="face-4"]').click();
    await waitForText(b, '[data-testid="saved"]', 'Saved');
    await b.$('[data-testid="next"]').click();
    await waitForText(b, '[data-testid="question"]', 'school');
    await b.$('[data-testid="words"]').setValue('New college is big but OK');
    await waitForText(b, '[data-testid="saved"]', 'Saved');
  } finally {
    await app.stop();
  }

  app = await startApp(dataDir);
  try {
    const b = app.browser;
    await unlock(b, 'Robin', 'otter lantern biscuit');
    await b.$('[data-testid="go-review"]').click();
    // Resumes at the first question not yet answered.
    await waitForText(b, '[data-testid="question"]', 'feeling in your body and your mind');
    while (!(await b.$('[data-testid="summary"]').isExisting())) {
      await b.$('[data-testid="next"]').click();
    }
    const summary = await b.$('[data-testid="summary"]').getText();
    assert.match(summary, /Happy/);
    assert.match(summary, /New college is big but OK/);
    await b.$('[data-testid="mark-ready"]').click();
    await b.$('[data-testid="go-shared"]').click();
    await waitForText(b, '[data-testid="statement"]', 'Ready:');
    await b.$('[data-testid="lock"]').click();
    await waitForText(b, '[data-testid="lock-status"]', 'Locked');

    // A carer on the same laptop.
    await b.$('button=Make a new profile').click();
    await createProfile(b, 'Sam', 'carer', 'quiet harbour pebbles');
    const home = await b.$('main').getText();
    assert.doesNotMatch(home, /college/i);
    assert.equal(await b.$('[data-testid="go-shared"]').isExisting(), false, 'a carer has no "What I\'ve shared"');
    assert.equal(await b.$('[data-testid="go-review"]').isExisting(), false);
    // Even the sharing page, which lists every consent and queued item, shows nothing of Robin's.
    await b.$('[data-testid="go-privacy"]').click();
    await b.$('[data-testid="no-consents"]').waitForExist({ timeout: 10000 });
    assert.doesNotMatch(await b.$('main').getText(), /Robin|college/i);
  } finally {
    await app.stop();
  }

  // The vault itself: the carer's profile holds none of Robin's records.
  const env = { ...process.env, WAYMARK_DATA_DIR: dataDir, WAYMARK_PASSPHRASE: 'quiet harbour pebbles' };
  const carerRecords = execFileSync(cliBinary, ['list', '--profile', 'Sam'], { env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  assert.equal(carerRecords.trim(), '');
  const robin = execFileSync(cliBinary, ['list', '--profile', 'Robin'], { env: { ...env, WAYMARK_PASSPHRASE: 'otter lantern biscuit' } }).toString();
  assert.match(robin, /review_preparation \(ready\), 2 answers/);
});
