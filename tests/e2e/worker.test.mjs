// The worker app for real, end to end: the real service on loopback, Robin's app and the duty
// worker's app ("Waymark for Workers"), each the built binary driven through tauri-driver. Robin
// says "I don't feel safe"; the duty worker sets up their laptop (invite code, the code read to
// the administrator), finds it first in their inbox with its clock, acknowledges it and replies;
// Robin's app shows both, by the worker's name. The service's database and the worker's vault
// hold none of the words in the clear.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { createProfile, documentsDir, freshDataDir, startApp, waitForText, workerAppBinary } from './driver.mjs';
import { connectApproved, sayNotSafeToSocialWorker, setUpWorkerApp, startService, unlockAndCheckNow } from './service.mjs';

const WORDS = 'Someone came to the house and I do not feel safe zz-marker-7730';
const REPLY = 'I am calling you now, Robin. Stay where you are.';

let running;
after(() => running?.stop());

/** Every file under `dir`, recursively. */
const files = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]));

test("Robin's \"I don't feel safe\" reaches the duty worker's app first with its clock; their acknowledgement and reply reach Robin", async () => {
  running = await startService();
  const url = `http://127.0.0.1:${running.port}`;
  const { code, person } = running.invite('Robin', url);
  const duty = /is worker ([0-9a-f-]+)\./.exec(running.run(['admin', 'add-worker', '--name', 'Dee Morgan', '--role', 'duty']))[1];
  const sam = /is worker ([0-9a-f-]+)\./.exec(running.run(['admin', 'add-worker', '--name', 'Sam Okafor', '--role', 'social_worker']))[1];
  running.run(['admin', 'allocate', '--person', person, '--worker', sam]);

  // Dee sets up the worker app on their laptop first: an urgent item is sealed to the laptops the
  // organisation has approved when it is sent.
  const deeDir = freshDataDir();
  let app = await startApp(deeDir, { application: workerAppBinary });
  try {
    const b = app.browser;
    await b.$('[data-testid="new-name"]').waitForExist({ timeout: 10000 });
    assert.equal(await b.$('input[name="role"]').isExisting(), false, 'the worker app makes only workers’ profiles');
    await setUpWorkerApp(b, running, duty, 'Dee', 'kestrel pebble lighthouse');
    await waitForText(b, '[data-testid="me"]', 'Dee Morgan');
  } finally {
    await app.stop();
  }

  // Robin connects, is approved, and says they do not feel safe, shared with their social worker.
  const robinDir = freshDataDir();
  app = await startApp(robinDir);
  try {
    const b = app.browser;
    await createProfile(b, 'Robin', 'young_person', 'otter lantern biscuit');
    await connectApproved(b, running, code);
    await sayNotSafeToSocialWorker(b, WORDS);
  } finally {
    await app.stop();
  }

  // Dee opens the worker app again and checks for new items.
  app = await startApp(deeDir, { application: workerAppBinary });
  try {
    const b = app.browser;
    await b.$('[data-testid="passphrase"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="passphrase"]').setValue('kestrel pebble lighthouse');
    await b.$('[data-testid="unlock"]').click();
    await b.$('[data-testid="inbox"]').waitForExist({ timeout: 10000 });
    await b.$('[data-testid="refresh"]').click();
    // The inbox: the urgent item first, with how long it has waited and by when to acknowledge.
    await b.$('[data-testid="urgent-item"]').waitForExist({ timeout: 15000 });
    const urgent = await b.$('[data-testid="urgent-item"]').getText();
    assert.match(urgent, /I don't feel safe/);
    assert.ok(urgent.includes('zz-marker-7730'), urgent);
    assert.match(await b.$('[data-testid="clock"]').getText(), /Waited .* Acknowledge by/);
    await b.$('[data-testid="urgent-item"] button').click();
    await waitForText(b, '[data-testid="written"]', WORDS);
    await b.$('[data-testid="acknowledge"]').click();
    await waitForText(b, '[data-testid="done"]', 'is told someone has it');
    await b.$('[data-testid="reply"]').setValue(REPLY);
    await b.$('[data-testid="send-reply"]').click();
    await waitForText(b, '[data-testid="sent-reply"]', REPLY);
    // Saved for the council's case record: a PDF in Dee's documents folder.
    await b.$('[data-testid="save-pdf"]').click();
    await waitForText(b, '[data-testid="done"]', 'Saved:');
    const pdfs = readdirSync(documentsDir(deeDir)).filter((f) => f.endsWith('.pdf'));
    assert.equal(pdfs.length, 1, `one case record saved: ${pdfs}`);
    assert.ok(readFileSync(path.join(documentsDir(deeDir), pdfs[0])).subarray(0, 5).equals(Buffer.from('%PDF-')));
    await b.$('[data-testid="back"]').click();
    await b.$('[data-testid="inbox"]').waitForExist({ timeout: 10000 });
    assert.equal(await b.$('[data-testid="urgent-item"]').isExisting(), false, 'acknowledged: it no longer waits at the top');
  } finally {
    await app.stop();
  }

  // Robin's app shows both, by Dee's name.
  app = await startApp(robinDir);
  try {
    const b = app.browser;
    await unlockAndCheckNow(b, 'Robin', 'otter lantern biscuit');
    await b.$('p*=Done. Anything new').waitForExist({ timeout: 15000 });
    await b.$('[data-testid="go-shared"]').click();
    await waitForText(b, '[data-testid="response-acknowledged"]', 'Dee Morgan');
    await waitForText(b, '[data-testid="response-replied"]', REPLY);
  } finally {
    await app.stop();
  }

  for (const dir of [running.dir, deeDir]) {
    for (const f of files(dir)) {
      assert.equal(readFileSync(f).includes(Buffer.from('zz-marker-7730')), false, `${f} holds the words in the clear`);
    }
  }
});
