// An administrator in the worker app, end to end with the real binaries and the real service:
// Jo (a worker the organisation's root made an administrator) invites Robin from the worker app,
// Robin's app connects with that code and shows its own, Jo approves Robin's device only when that
// code matches, and Robin's app then says it is approved. Every roster change here is signed by
// Jo's laptop, never by the administrator's tool.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createProfile, freshDataDir, startApp, unlock, waitForText, workerAppBinary } from './driver.mjs';
import { connectApp, setUpWorkerApp, startService, unlockAndCheckNow } from './service.mjs';

let running;
after(() => running?.stop());

test('an administrator invites Robin from the worker app and approves the device Robin connects, by the code Robin reads out', async () => {
  running = await startService();
  const jo = /is worker ([0-9a-f-]+)\./.exec(running.run(['admin', 'add-worker', '--name', 'Jo Adeyemi', '--role', 'social_worker']))[1];
  running.run(['admin', 'grant-admin', '--worker', jo]);
  const linksBefore = (running.run(['admin', 'roster']).match(/(\d+) links/) ?? [])[1];

  // Jo sets up her laptop and invites Robin, as Robin's social worker.
  const joDir = freshDataDir();
  let code;
  let app = await startApp(joDir, { application: workerAppBinary });
  try {
    const b = app.browser;
    await setUpWorkerApp(b, running, jo, 'Jo', 'kestrel pebble lighthouse');
    await b.$('[data-testid="go-organisation"]').click();
    await b.$('[data-testid="invite-form"]').waitForExist({ timeout: 15000 });
    await b.$('[data-testid="invite-name"]').setValue('Robin T.');
    await b.$('[data-testid="invite-social_worker"]').selectByVisibleText('Jo Adeyemi');
    await b.$('[data-testid="invite-person"]').click();
    await b.$('[data-testid="invite-code-made"]').waitForExist({ timeout: 15000 });
    code = await b.$('[data-testid="invite-code-made"]').getText();
    assert.match(code, /^wm1-/);
    await b.$('[data-testid="save-invite-sheet"]').click();
    // Saved as a PDF in the documents folder (the full stop made safe for a file name).
    await waitForText(b, '[data-testid="saved"]', 'Waymark invite - Robin T');
  } finally {
    await app.stop();
  }

  // Robin connects with the code and reads out the code the app shows.
  const robinDir = freshDataDir();
  let robinCode;
  app = await startApp(robinDir);
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');
    await connectApp(b, code.replace(/\s+/g, ''));
    robinCode = /Read them this code: (\S+)/.exec(await b.$('[data-testid="approval"]').getText())[1];
  } finally {
    await app.stop();
  }

  // Jo approves Robin's device: a wrong code first (refused, nothing approved), then Robin's.
  app = await startApp(joDir, { application: workerAppBinary });
  try {
    const b = app.browser;
    await unlock(b, 'Jo', 'kestrel pebble lighthouse');
    await b.$('[data-testid="go-organisation"]').waitForExist({ timeout: 15000 });
    await b.$('[data-testid="go-organisation"]').click();
    await b.$('[data-testid="org-person"]').waitForExist({ timeout: 15000 });
    await waitForText(b, '[data-testid="org-person"]', 'Robin T.');
    await b.$('[data-testid="show-devices"]').click();
    await waitForText(b, '[data-testid="device-status"]', 'Waiting for approval');
    await b.$('[data-testid="device-code-typed"]').setValue('0000-1111-2222-3333-4444-5555-6666-7777');
    await b.$('[data-testid="approve-device"]').click();
    await waitForText(b, '[data-testid="error"]', 'does not match');
    await b.$('[data-testid="device-code-typed"]').setValue(robinCode.toUpperCase());
    await b.$('[data-testid="approve-device"]').click();
    await waitForText(b, '[data-testid="device-status"]', 'Approved');
    // The audit log: what Jo's laptop signed, checked back, nothing missing.
    await b.$('[data-testid="go-audit"]').click();
    await b.$('[data-testid="audit-entry"]').waitForExist({ timeout: 15000 });
    await waitForText(b, '[data-testid="audit-checked"]', 'every one signed by the laptop that wrote it, with none missing between them');
    const log = await b.$('[data-testid="audit-entries"]').getText();
    for (const did of ['Approved a device', 'Made an invite code', 'Added someone to the organisation', 'Allocated a worker']) {
      assert.ok(log.includes(did), `${did} in the audit log: ${log}`);
    }
  } finally {
    await app.stop();
  }

  // Robin's app hears it is approved, from the roster Jo's laptop signed.
  app = await startApp(robinDir);
  try {
    const b = app.browser;
    await unlockAndCheckNow(b, 'Robin', 'otter lantern biscuit');
    await waitForText(b, '[data-testid="approval"]', 'has approved this laptop');
  } finally {
    await app.stop();
  }
  // The administrator's own tool verifies the roster Jo's laptop added to (person, allocation,
  // device), from the organisation's root.
  const linksAfter = (running.run(['admin', 'roster']).match(/(\d+) links/) ?? [])[1];
  assert.ok(Number(linksAfter) >= Number(linksBefore) + 4, `${linksBefore} → ${linksAfter}`);
});
