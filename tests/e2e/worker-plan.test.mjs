// A plan from the worker app, end to end: Robin's social worker writes Robin's pathway plan in
// the worker app's form and publishes it; then changes it, sees "what changed" before publishing,
// and publishes again. Robin's app (the real binary, the real service) shows the plan, and exactly
// the changes the worker's preview showed.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createProfile, freshDataDir, startApp, waitForText, workerAppBinary } from './driver.mjs';
import { connectApproved, setUpWorkerApp, startService, unlockAndCheckNow } from './service.mjs';

let running;
after(() => running?.stop());

test("a plan written in the worker app's form reaches Robin's My plan with exactly the changes its preview showed", async () => {
  running = await startService();
  const url = `http://127.0.0.1:${running.port}`;
  const { code, person } = running.invite('Robin', url);
  const sam = /is worker ([0-9a-f-]+)\./.exec(running.run(['admin', 'add-worker', '--name', 'Sam Okafor', '--role', 'social_worker']))[1];
  running.run(['admin', 'allocate', '--person', person, '--worker', sam]);

  // Robin's laptop is connected and approved: plans are sealed to approved devices only.
  const robinDir = freshDataDir();
  let app = await startApp(robinDir);
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');
    await connectApproved(b, running, code);
  } finally {
    await app.stop();
  }

  // Sam writes the plan in the form, publishes it, changes it and previews the change.
  let preview;
  app = await startApp(freshDataDir(), { application: workerAppBinary });
  try {
    const b = app.browser;
    await setUpWorkerApp(b, running, sam, 'Sam', 'kestrel pebble lighthouse');
    await b.$('[data-testid="go-people"]').click();
    await b.$('[data-testid="person"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="plan"]').click();
    await b.$('[data-testid="plan-title"]').waitForExist({ timeout: 10000 });
    await b.$('input[name="plan-kind"][value="pathway_plan"]').click();
    await b.$('[data-testid="plan-title"]').setValue("Robin's pathway plan");
    await b.$('[data-testid="plan-review"]').setValue('2027-03-01');
    await b.$('[data-testid="add-goal"]').click();
    await b.$('[data-testid="goal-text"]').setValue('Find a flat');
    await b.$('[data-testid="add-action"]').click();
    await b.$('[data-testid="action-text"]').setValue('Visit two flats');
    await b.$('[data-testid="action-owner"]').setValue('Personal adviser');
    await b.$('[data-testid="preview-plan"]').click();
    await waitForText(b, '[data-testid="plan-preview"]', 'first version');
    await b.$('[data-testid="publish-plan"]').click();
    await waitForText(b, '[data-testid="published"]', 'Version 1 is on its way');

    await b.$('[data-testid="goal-text"]').setValue('Find a flat near college');
    await b.$('[data-testid="action-status"]').selectByAttribute('value', 'done');
    await b.$('[data-testid="preview-plan"]').click();
    await b.$('[data-testid="preview-changes"]').waitForExist({ timeout: 10000 });
    preview = await b.$$('[data-testid="preview-changes"] li').map((li) => li.getText());
    assert.equal(preview.length, 2, `${preview}`);
    await b.$('[data-testid="publish-plan"]').click();
    await waitForText(b, '[data-testid="published"]', 'Version 2 is on its way');
  } finally {
    await app.stop();
  }

  // Robin's My plan: version 2, and the very sentences Sam's preview showed.
  app = await startApp(robinDir);
  try {
    const b = app.browser;
    await unlockAndCheckNow(b, 'Robin', 'otter lantern biscuit');
    await b.$('p*=Done. Anything new').waitForExist({ timeout: 15000 });
    await b.$('[data-testid="go-plan"]').click();
    await b.$('[data-testid="plan-changes"]').waitForExist({ timeout: 10000 });
    const seen = await b.$$('[data-testid="plan-changes"] li').map((li) => li.getText());
    assert.deepEqual(seen, preview);
    await waitForText(b, '[data-testid="plan"]', 'version 2');
  } finally {
    await app.stop();
  }
});
